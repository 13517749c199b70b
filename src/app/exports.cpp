#include "exports.h"

#include <nlohmann/json.hpp>

#include <algorithm>  // find
#include <cstdio>     // snprintf
#include <iterator>   // size
#include <set>        // a roster's policies

#include "core/json_reading.h"  // iso_date_text
#include "format.h"
#include "formats/csv_write.h"
#include "labels.h"

namespace zengshou::app {

using core::Money;

std::string csv_text(const TextTable& table) { return formats::csv_document(table.header, table.rows); }

namespace {
std::string stem(const std::string& file_name) { return file_name.substr(0, file_name.rfind('.')); }
}  // namespace

Workbook xlsx_workbook(std::vector<std::pair<std::string, TextTable>> sheets,
                       const std::vector<core::YearParameters>& policies, const std::string& note) {
  if (!policies.empty()) {
    TextTable table = policy_table(policies);
    if (!note.empty()) table.rows.push_back({note});
    sheets.emplace_back(tr(Str::sheet_policy), std::move(table));
    sheets.emplace_back(tr(Str::sheet_documents), policy_documents_table(policies));
  }
  nlohmann::json spec = {{"sheets", nlohmann::json::array()}};
  for (const auto& [name, table] : sheets)
    spec["sheets"].push_back({{"name", name}, {"header", table.header}, {"rows", table.rows}});
  return {sheets.empty() ? "zengshou.xlsx" : stem(sheets.front().second.file_name) + ".xlsx",
          spec.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

Workbook xlsx_workbook(const TextTable& table, const std::vector<core::YearParameters>& policies) {
  return xlsx_workbook({{stem(table.file_name), table}}, policies);
}

std::string change_text(int before, int after) {
  if (before == after) return "";
  return (after > before ? "+" : "") + std::to_string(after - before);
}

std::string change_text(Money before, Money after) {
  if (before == after) return "";
  return (after > before ? "+" : "") + money_text(after - before);
}

std::string flags_text(uint32_t flags) {
  constexpr Str labels[] = {
      Str::flag_short_below_monitoring, Str::flag_short_below_policy,    Str::flag_short_fell,
      Str::flag_short_growth,           Str::flag_short_zero_employment, Str::flag_short_relocated};
  std::string text;
  for (size_t i = 0; i < std::size(labels); ++i)
    if ((flags & (1u << i)) != 0) text += (text.empty() ? "" : tr(Str::list_separator)) + std::string(tr(labels[i]));
  return text;
}

TextTable roster_table(const Roster& roster, const std::vector<int>& order, const std::string& reform_text) {
  TextTable t{
      "roster.csv",
      {tr(Str::household_id), tr(Str::household_head), tr(Str::household_village), tr(Str::category),
       tr(Str::roster_size), tr(Str::per_capita_net), tr(Str::roster_gap), tr(Str::work_column), tr(Str::flags_title)},
      {}};
  // Figures worked out under a simulated change say so, household by household.
  const bool under_reform = !roster.reform().empty() && !reform_text.empty();
  if (under_reform) {
    t.file_name = "roster-reform.csv";
    t.header.push_back(tr(Str::basis_column));
  }
  for (int i : order) {
    const core::Household& h = roster.households()[static_cast<size_t>(i)].household;
    const Roster::Row& r = roster.rows()[static_cast<size_t>(i)];
    t.rows.push_back({h.id, h.head, h.village, tr(category_labels[static_cast<size_t>(h.category)]),
                      std::to_string(h.size()), money_text(r.per_capita_net), money_text(r.gap),
                      tr(work_labels[static_cast<size_t>(r.work)]), flags_text(r.flags)});
    if (under_reform) t.rows.back().push_back(roster.under_reform(h) ? reform_text : tr(Str::basis_in_force));
  }
  return t;
}

namespace {

// The parameters `params` sets, a row each.
void add_policy_rows(TextTable& t, const core::YearParameters& params) {
  const core::DocumentSet& documents = params.documents();
  for (size_t i = 0; i < core::param_count; ++i) {
    const auto id = static_cast<core::ParamId>(i);
    const core::ResolvedParam& p = params[id];
    if (!p.value || p.entry == nullptr) continue;
    std::string source;
    if (p.entry->cited) {
      source = core::reference_text(*p.entry->cited, core_language(), 0, documents);
    } else {
      source = std::string(tr(Str::assumed_badge)) + " " + p.entry->note;
      if (p.entry->leans_on)
        source += " " + std::string(tr(Str::leans_on_label)) + " " +
                  core::reference_text(*p.entry->leans_on, core_language(), 0, documents);
    }
    t.rows.push_back({policy_name(*p.file), std::to_string(params.year()), param_name(id), param_value_text(id, p),
                      core::iso_date_text(p.entry->from), source});
  }
}

// The documents the parameters' sources name that are not in `seen` yet.
void add_document_rows(TextTable& t, const core::YearParameters& params, std::vector<std::string>& seen) {
  const core::DocumentSet& documents = params.documents();
  const auto add = [&](const std::optional<core::SourceRef>& ref) {
    if (!ref || std::find(seen.begin(), seen.end(), ref->document) != seen.end()) return;
    seen.push_back(ref->document);
    const core::Document* d = documents.find(ref->document);
    if (d == nullptr) return;
    t.rows.push_back({language() == Language::en ? d->title_en : d->title_zh, d->issuer, d->number,
                      d->issued == 0 ? "" : core::iso_date_text(d->issued)});
  };
  for (size_t i = 0; i < core::param_count; ++i) {
    const core::ResolvedParam& p = params[static_cast<core::ParamId>(i)];
    if (!p.value || p.entry == nullptr) continue;
    add(p.entry->cited);
    add(p.entry->leans_on);
  }
}

}  // namespace

TextTable policy_table(const std::vector<core::YearParameters>& policies) {
  TextTable t{"policy.csv",
              {tr(Str::policy_label), tr(Str::year_label), tr(Str::parameters_label), tr(Str::param_value),
               tr(Str::param_from), tr(Str::param_source)},
              {}};
  for (const core::YearParameters& params : policies) add_policy_rows(t, params);
  return t;
}

TextTable policy_documents_table(const std::vector<core::YearParameters>& policies) {
  TextTable t{"documents.csv",
              {tr(Str::document_title), tr(Str::document_issuer), tr(Str::document_number), tr(Str::document_issued)},
              {}};
  std::vector<std::string> seen;
  for (const core::YearParameters& params : policies) add_document_rows(t, params, seen);
  return t;
}

std::vector<core::YearParameters> roster_policies(const Roster& roster) {
  std::set<std::pair<std::string, int>> seen;
  for (const core::WorkspaceHousehold& w : roster.households()) seen.emplace(w.household.policy, w.household.year);
  std::vector<core::YearParameters> policies;
  for (const auto& [id, year] : seen)
    if (const core::PolicyFile* p = roster.policies().find(id)) policies.push_back(roster.policies().resolve(*p, year));
  return policies;
}

TextTable ledger_table(const Roster& roster, int year) {
  TextTable t{"ledger-" + std::to_string(year) + ".csv",
              {tr(Str::household_id), tr(Str::household_head), tr(Str::household_village), tr(Str::year_label),
               tr(Str::ledger_quarter), tr(Str::stream_wage), tr(Str::ledger_production_revenue),
               tr(Str::ledger_production_cost), tr(Str::stream_property), tr(Str::stream_transfer),
               tr(Str::ledger_quarter_net)},
              {}};
  for (const core::WorkspaceHousehold& w : roster.households()) {
    for (const core::QuarterRecord& q : w.ledger) {
      if (q.year != year) continue;
      t.rows.push_back({w.household.id, w.household.head, w.household.village, std::to_string(q.year),
                        std::to_string(q.quarter), money_text(q.wage), money_text(q.production_revenue),
                        money_text(q.production_cost), money_text(q.property), money_text(q.transfer),
                        money_text(q.net())});
    }
  }
  return t;
}

TextTable roster_template_table(int year) {
  const std::string y = std::to_string(year);
  return {"zengshou-import-template.csv",
          {"户编号",   "户主",       "村",           "年度",         "户类别",   "监测对象类别", "姓名",
           "身份证号", "与户主关系", "出生年份",     "劳动能力",     "残疾等级", "在校生状况",   "务工类型",
           "务工月数", "月工资",     "生产经营收入", "生产经营支出", "低保",     "特困"},
          {{"H001",       "张建国", "新村", y,          "脱贫户", "",     "张建国", "",     "户主", "1975",
            "有劳动能力", "0",      "",     "省外务工", "10",     "4000", "12000",  "5000", "否",   "否"},
           {"H001", "张建国", "新村",           y,    "脱贫户", "", "李秀英", "", "配偶", "1978", "弱劳动力",
            "0",    "",       "乡村公益性岗位", "12", "800",    "", "",       "", ""},
           {"H001",       "张建国", "新村", y,  "脱贫户", "", "张小明", "", "之子", "2008",
            "无劳动能力", "0",      "中职", "", "",       "", "",       "", "",     ""}}};
}

TextTable village_summary_table(const VillageModel& v) {
  const core::VillageSummary& a = v.baseline().summary;
  const core::VillageSummary& b = v.reform().summary;
  TextTable t{"village-summary.csv",
              {tr(Str::item_label), tr(Str::baseline_label), tr(Str::reform_label), tr(Str::difference_label)},
              {}};
  const auto count = [&](Str label, int before, int after) {
    t.rows.push_back({tr(label), std::to_string(before), std::to_string(after), change_text(before, after)});
  };
  const auto money = [&](Str label, Money before, Money after) {
    t.rows.push_back({tr(label), money_text(before), money_text(after), change_text(before, after)});
  };
  count(Str::village_households, a.households, b.households);
  count(Str::village_people, a.people, b.people);
  count(Str::village_below_monitoring, a.below_monitoring_line, b.below_monitoring_line);
  count(Str::village_people_below_monitoring, a.people_below_monitoring_line, b.people_below_monitoring_line);
  if (v.baseline().has_policy_line) {
    count(Str::village_below_policy, a.below_policy_line, b.below_policy_line);
    count(Str::village_people_below_policy, a.people_below_policy_line, b.people_below_policy_line);
  }
  count(Str::village_monitoring_enter, a.monitoring_enter, b.monitoring_enter);
  count(Str::village_monitored, a.monitored, b.monitored);
  count(Str::village_monitoring_may_exit, a.monitoring_may_exit, b.monitoring_may_exit);
  money(Str::village_gap_total, a.poverty_gap_total, b.poverty_gap_total);
  money(Str::village_gap_mean, a.poverty_gap_mean, b.poverty_gap_mean);
  money(Str::village_mean, a.mean_per_capita_net, b.mean_per_capita_net);
  money(Str::village_median, a.median_per_capita_net, b.median_per_capita_net);
  money(Str::village_cost, a.programme_cost, b.programme_cost);
  return t;
}

TextTable village_effect_table(const VillageModel& v) {
  const core::VillageComparison& c = v.comparison();
  TextTable t{"village-reform-effect.csv", {tr(Str::item_label), tr(Str::value_label)}, {}};
  t.rows.push_back({tr(Str::village_winners), std::to_string(c.winners)});
  t.rows.push_back({tr(Str::village_losers), std::to_string(c.losers)});
  t.rows.push_back({tr(Str::village_reform_cost), money_text(c.cost)});
  t.rows.push_back({tr(Str::village_lifted), std::to_string(c.people_lifted)});
  t.rows.push_back({tr(Str::village_fallen), std::to_string(c.people_fallen)});
  t.rows.push_back({tr(Str::village_newly_entering), std::to_string(c.newly_entering)});
  t.rows.push_back({tr(Str::village_no_longer_entering), std::to_string(c.no_longer_entering)});
  t.rows.push_back({tr(Str::village_newly_may_exit), std::to_string(c.newly_may_exit)});
  t.rows.push_back({tr(Str::village_no_longer_may_exit), std::to_string(c.no_longer_may_exit)});
  t.rows.push_back({tr(Str::village_cost_per_lifted),
                    c.has_cost_per_person_lifted ? money_text(c.cost_per_person_lifted) : tr(Str::not_applicable)});
  return t;
}

TextTable village_programme_table(const VillageModel& v) {
  const core::VillageSummary& a = v.baseline().summary;
  const core::VillageSummary& b = v.reform().summary;
  TextTable t{"village-programmes.csv",
              {tr(Str::programme_label), tr(Str::village_recipients_baseline), tr(Str::village_recipients_reform),
               tr(Str::village_total_baseline), tr(Str::village_total_reform), tr(Str::difference_label),
               tr(Str::source_label)},
              {}};
  for (size_t i = 0; i < core::programme_count; ++i) {
    if (a.programme_recipients[i] == 0 && b.programme_recipients[i] == 0) continue;
    const auto id = static_cast<core::ProgrammeId>(i);
    // The policy's own basis for the programme, its title short enough for a table column.
    const core::ResolvedParam& basis = v.baseline_params()[core::available_param(id)];
    std::string source = basis.entry != nullptr && basis.entry->cited
                             ? core::reference_text(*basis.entry->cited, core_language(), 12)
                             : std::string(tr(Str::assumed_badge));
    t.rows.push_back({programme_name(id), std::to_string(a.programme_recipients[i]),
                      std::to_string(b.programme_recipients[i]), money_text(a.programme_totals[i]),
                      money_text(b.programme_totals[i]), change_text(a.programme_totals[i], b.programme_totals[i]),
                      std::move(source)});
  }
  return t;
}

TextTable village_decile_table(const VillageModel& v) {
  TextTable t{"village-deciles.csv",
              {tr(Str::decile_label), tr(Str::decile_range), tr(Str::village_households), tr(Str::village_winners),
               tr(Str::village_losers), tr(Str::decile_change)},
              {}};
  for (size_t d = 0; d < v.comparison().deciles.size(); ++d) {
    const core::DecileChange& c = v.comparison().deciles[d];
    if (c.households == 0) continue;
    t.rows.push_back({std::to_string(d + 1), money_text(c.baseline_low) + " – " + money_text(c.baseline_high),
                      std::to_string(c.households), std::to_string(c.winners), std::to_string(c.losers),
                      change_text(Money(), c.per_capita_change())});
  }
  return t;
}

TextTable reform_comparison_table(const core::Result& a, const core::Result& b) {
  TextTable t{"household-reform.csv",
              {tr(Str::item_label), tr(Str::baseline_label), tr(Str::reform_label), tr(Str::difference_label)},
              {}};
  const auto row = [&](const std::string& label, Money before, Money after) {
    t.rows.push_back({label, money_text(before), money_text(after), change_text(before, after)});
  };
  row(tr(Str::stream_wage), a.income.wage, b.income.wage);
  row(tr(Str::stream_production_net), a.income.production - a.income.production_cost,
      b.income.production - b.income.production_cost);
  row(tr(Str::stream_property), a.income.property, b.income.property);
  row(tr(Str::stream_transfer), a.income.transfer, b.income.transfer);
  row(tr(Str::net_income), a.income.net, b.income.net);
  row(tr(Str::per_capita_net), a.income.per_capita_net, b.income.per_capita_net);
  row(tr(Str::cash_received), a.income.cash_received, b.income.cash_received);
  for (size_t i = 0; i < a.lines.size() && i < b.lines.size(); ++i) {
    const Str line = line_label(a.lines[i].id);
    char label[160];
    std::snprintf(label, sizeof label, tr(Str::gap_row), tr(line));
    row(label, a.lines[i].per_capita_gap, b.lines[i].per_capita_gap);
  }
  for (size_t i = 0; i < core::programme_count; ++i) {
    const core::ProgrammeResult& pa = a.programmes[i];
    const core::ProgrammeResult& pb = b.programmes[i];
    if (pa.amount == Money() && pb.amount == Money()) continue;
    std::string label = programme_name(pa.id);
    if (pa.counted != pb.counted) label += pb.counted ? tr(Str::now_counted) : tr(Str::now_not_counted);
    row(label, pa.amount, pb.amount);
  }
  return t;
}

}  // namespace zengshou::app
