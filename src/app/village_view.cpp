// 村级模拟: a seeded synthetic village under the policy and under the reform — households and people below the
// lines, the poverty gap, mean and median, the distribution, each programme's cost and recipients, winners and
// losers by tenth of baseline income, and the cost per person lifted. Every table exports as CSV, the chart as PNG.
#include <cstdio>  // snprintf
#include <string>

#include <imgui.h>

#include "charts.h"
#include "format.h"
#include "tables.h"
#include "views.h"

namespace zengshou::app {
namespace {

using core::Money;

std::string count_change(int before, int after) {
  if (before == after) return "";
  return (after > before ? "+" : "") + std::to_string(after - before);
}

std::string money_change(Money before, Money after) {
  if (before == after) return "";
  return (after > before ? "+" : "") + money_text(after - before);
}

TextTable summary_table(const VillageModel& v) {
  const core::VillageSummary& a = v.baseline().summary;
  const core::VillageSummary& b = v.reform().summary;
  TextTable t{"village-summary.csv",
              {tr(Str::item_label), tr(Str::baseline_label), tr(Str::reform_label), tr(Str::difference_label)},
              {}};
  const auto count = [&](Str label, int before, int after) {
    t.rows.push_back({tr(label), std::to_string(before), std::to_string(after), count_change(before, after)});
  };
  const auto money = [&](Str label, Money before, Money after) {
    t.rows.push_back({tr(label), money_text(before), money_text(after), money_change(before, after)});
  };
  count(Str::village_households, a.households, b.households);
  count(Str::village_people, a.people, b.people);
  count(Str::village_below_monitoring, a.below_monitoring_line, b.below_monitoring_line);
  count(Str::village_people_below_monitoring, a.people_below_monitoring_line, b.people_below_monitoring_line);
  if (v.baseline().has_policy_line) {
    count(Str::village_below_policy, a.below_policy_line, b.below_policy_line);
    count(Str::village_people_below_policy, a.people_below_policy_line, b.people_below_policy_line);
  }
  money(Str::village_gap_total, a.poverty_gap_total, b.poverty_gap_total);
  money(Str::village_gap_mean, a.poverty_gap_mean, b.poverty_gap_mean);
  money(Str::village_mean, a.mean_per_capita_net, b.mean_per_capita_net);
  money(Str::village_median, a.median_per_capita_net, b.median_per_capita_net);
  money(Str::village_cost, a.programme_cost, b.programme_cost);
  return t;
}

TextTable effect_table(const VillageModel& v) {
  const core::VillageComparison& c = v.comparison();
  TextTable t{"village-reform-effect.csv", {tr(Str::item_label), tr(Str::value_label)}, {}};
  t.rows.push_back({tr(Str::village_winners), std::to_string(c.winners)});
  t.rows.push_back({tr(Str::village_losers), std::to_string(c.losers)});
  t.rows.push_back({tr(Str::village_reform_cost), money_text(c.cost)});
  t.rows.push_back({tr(Str::village_lifted), std::to_string(c.people_lifted)});
  t.rows.push_back({tr(Str::village_fallen), std::to_string(c.people_fallen)});
  t.rows.push_back({tr(Str::village_cost_per_lifted),
                    c.has_cost_per_person_lifted ? money_text(c.cost_per_person_lifted) : tr(Str::not_applicable)});
  return t;
}

TextTable programme_table(const VillageModel& v) {
  const core::VillageSummary& a = v.baseline().summary;
  const core::VillageSummary& b = v.reform().summary;
  TextTable t{"village-programmes.csv",
              {tr(Str::programme_label), tr(Str::village_recipients_baseline), tr(Str::village_recipients_reform),
               tr(Str::village_total_baseline), tr(Str::village_total_reform), tr(Str::difference_label)},
              {}};
  for (size_t i = 0; i < core::programme_count; ++i) {
    if (a.programme_recipients[i] == 0 && b.programme_recipients[i] == 0) continue;
    t.rows.push_back({programme_name(static_cast<core::ProgrammeId>(i)), std::to_string(a.programme_recipients[i]),
                      std::to_string(b.programme_recipients[i]), money_text(a.programme_totals[i]),
                      money_text(b.programme_totals[i]), money_change(a.programme_totals[i], b.programme_totals[i])});
  }
  return t;
}

TextTable decile_table(const VillageModel& v) {
  TextTable t{"village-deciles.csv",
              {tr(Str::decile_label), tr(Str::decile_range), tr(Str::village_households), tr(Str::village_winners),
               tr(Str::village_losers), tr(Str::decile_change)},
              {}};
  for (size_t d = 0; d < v.comparison().deciles.size(); ++d) {
    const core::DecileChange& c = v.comparison().deciles[d];
    if (c.households == 0) continue;
    t.rows.push_back({std::to_string(d + 1), money_text(c.baseline_low) + " – " + money_text(c.baseline_high),
                      std::to_string(c.households), std::to_string(c.winners), std::to_string(c.losers),
                      money_change(Money(), c.per_capita_change())});
  }
  return t;
}

}  // namespace

void draw_village_results(Ui& ui, const Session& s, const VillageModel& village, PlatformRequests& requests,
                          bool full) {
  for (const std::string* where :
       {&village.baseline().summary.overflow, &village.reform().summary.overflow, &village.comparison().overflow})
    if (!where->empty()) return draw_overflow_notice(ui, *where, "village_overflow");
  ui.heading(tr(Str::village_summary_title));
  draw_table(ui, summary_table(village), "village_summary", requests);
  if (!s.reform().empty()) {
    ui.heading(tr(Str::village_effect_title));
    draw_table(ui, effect_table(village), "village_effect", requests);
  }
  ImGui::Spacing();
  draw_village_histogram(ui, village.baseline(), s.reform().empty() ? nullptr : &village.reform(), "chart_histogram");
  png_button(ui, "chart_histogram", "village-histogram.png", requests);
  if (!full) return;
  ui.heading(tr(Str::village_programmes_title));
  draw_table(ui, programme_table(village), "village_programmes", requests);
  if (!s.reform().empty()) {
    ui.heading(tr(Str::village_deciles_title));
    ui.wrapped(tr(Str::village_deciles_help));
    draw_table(ui, decile_table(village), "village_deciles", requests);
  }
}

void draw_village_view(Ui& ui, Session& s, VillageModel& village, PlatformRequests& requests) {
  s.refresh();
  draw_reform_bar(ui, s, requests);
  draw_reform_diff(ui, s);
  if (ui.begin_form("##village_options")) {
    ui.row(Str::village_seed, Str::village_seed_help);
    ui.integer("##seed", village.seed, 0, 2000000000);
    ui.anchor("village_seed");
    ui.row(Str::village_size, Str::village_size_help);
    ui.integer("##households", village.households, 1, VillageModel::max_households);
    ui.anchor("village_households");
    ui.end_form();
  }
  ImGui::TextDisabled("%s", tr(Str::village_quick_sizes));
  for (int size : {300, 10000, 100000}) {
    ImGui::SameLine();
    if (ImGui::SmallButton(std::to_string(size).c_str())) village.households = size;
    ui.anchor("village_size_" + std::to_string(size));
  }
  // Wide screens: the parameters beside the village, so a slider's effect shows as it moves.
  const bool wide = ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 45.0f;
  if (wide) {
    ImGui::BeginChild("##village_editor", ImVec2(ImGui::GetContentRegionAvail().x * 0.38f, 0));
    draw_parameter_editor(ui, s);
    ui.drag_to_scroll();
    ImGui::EndChild();
    ImGui::SameLine();
  }
  s.refresh();
  village.update(s);
  ImGui::BeginChild("##village_scroll");
  char timing[160];
  std::snprintf(timing, sizeof timing, tr(Str::village_timing), village.baseline().summary.households,
                village.generate_ms(), village.reform_ms());
  ui.wrapped(timing);
  ui.anchor("village_timing");
  if (ImGui::CollapsingHeader(tr(Str::village_assumptions_title))) ui.wrapped(tr(Str::village_assumptions));
  ui.anchor("village_assumptions");
  draw_village_results(ui, s, village, requests, true);
  if (!wide) draw_parameter_editor(ui, s);
  ui.drag_to_scroll();
  ImGui::EndChild();
}

}  // namespace zengshou::app
