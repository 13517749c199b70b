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

void draw_village_results(Ui& ui, const Session& s, const VillageModel& village, PlatformRequests& requests,
                          bool full) {
  for (const std::string* where :
       {&village.baseline().summary.overflow, &village.reform().summary.overflow, &village.comparison().overflow})
    if (!where->empty()) return draw_overflow_notice(ui, *where, "village_overflow");
  // The distribution first: beside the parameters' sliders, what a slider does is seen as it moves.
  draw_village_histogram(ui, village.baseline(), s.reform().empty() ? nullptr : &village.reform(), "chart_histogram");
  png_button(ui, "chart_histogram", "village-histogram.png", requests);
  ui.heading(tr(Str::village_summary_title));
  draw_table(ui, village_summary_table(village), "village_summary", requests);
  if (!s.reform().empty()) {
    ui.heading(tr(Str::village_effect_title));
    draw_table(ui, village_effect_table(village), "village_effect", requests);
  }
  if (!full) return;
  ui.heading(tr(Str::village_programmes_title));
  draw_table(ui, village_programme_table(village), "village_programmes", requests);
  if (!s.reform().empty()) {
    ui.heading(tr(Str::village_deciles_title));
    ui.wrapped(tr(Str::village_deciles_help));
    draw_table(ui, village_decile_table(village), "village_deciles", requests);
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
