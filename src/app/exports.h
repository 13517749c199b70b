// The tables the app exports as CSV — the roster, the year's ledger, the village under the policy and the reform, a
// household under both — built from the same rows the screen shows, so what is saved is what is shown. No ImGui
// here: the unit tests build every export natively and check its cells (tests/unit/exports_test.cpp).
#pragma once

#include <cstdint>  // flag bits
#include <string>   // cells
#include <vector>   // rows, table order

#include "core/policy.h"
#include "core/result.h"
#include "roster_model.h"
#include "village_model.h"

namespace zengshou::app {

struct TextTable {
  std::string file_name;  // "village-summary.csv"
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// The table as a CSV file (formats/csv_write.h: UTF-8 with a BOM, cells quoted when needed, formulas written as text).
std::string csv_text(const TextTable& table);
// Tables as one .xlsx workbook (formats/xlsx_write.h: figures as numbers, text never a formula), a sheet each, named
// as given, and — given the policies its figures come from — 政策与依据 and 依据文件 after them (policy_table below);
// its file name is the first table's with .xlsx. The page writes it in its workbook module from `spec`
// (formats/workbook_json.h's xlsx_from_json).
struct Workbook {
  std::string file_name;
  std::string spec;
};
// `note`, when given, is the policy sheet's last row (e.g. that the figures were worked out under a change it does
// not list).
Workbook xlsx_workbook(std::vector<std::pair<std::string, TextTable>> sheets,
                       const std::vector<core::YearParameters>& policies = {}, const std::string& note = {});
// One table as a workbook, its sheet named after its file.
Workbook xlsx_workbook(const TextTable& table, const std::vector<core::YearParameters>& policies = {});

// The change from `before` to `after` with its sign ("+3", "-12.50"); empty when there is none.
std::string change_text(int before, int after);
std::string change_text(core::Money before, core::Money after);

// A roster row's flags in short words, joined by the list separator.
std::string flags_text(uint32_t flags);

// 农户台账: the households in `order`; and every household's quarters of `year` (季度台账).
// Under a reform in force (`reform_text`, the roster view's words for it, empty when none), a last column 测算依据
// says for each household whether its figures are the reform's or the policies' in force.
TextTable roster_table(const Roster& roster, const std::vector<int>& order, const std::string& reform_text = {});
TextTable ledger_table(const Roster& roster, int year);

// 导入模板: the roster's columns as a cadre's sheet heads them, with one household of three filled in as an
// example (a worker out of the province, a public-welfare post, a student in 中职), for `year`: what she fills in
// and imports.
TextTable roster_template_table(int year);

// 村级模拟: the village's figures under the policy and the reform; the reform's effect; each programme's recipients
// and cost; winners and losers by tenth of baseline income.
TextTable village_summary_table(const VillageModel& v);
TextTable village_effect_table(const VillageModel& v);
TextTable village_programme_table(const VillageModel& v);
TextTable village_decile_table(const VillageModel& v);

// 政策与依据: every parameter the policy sets for its year — the policy file that sets it, the value, from when, and
// its source (document, 文号, clause and the words) or 假设 with why; and 依据文件: each document those sources name,
// with its issuer, 文号 and date. The sheets a workbook carries so that every figure in it can be checked.
// `policies`: one or more (a roster may hold households of several counties or years), each named in the first column.
TextTable policy_table(const std::vector<core::YearParameters>& policies);
TextTable policy_documents_table(const std::vector<core::YearParameters>& policies);
// The policies of a roster's households: each policy and year they are under, once.
std::vector<core::YearParameters> roster_policies(const Roster& roster);

// A household under the policy and under the reform, figure by figure, with the differences.
TextTable reform_comparison_table(const core::Result& baseline, const core::Result& reform);

}  // namespace zengshou::app
