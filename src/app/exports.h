// The tables the app exports as CSV — the roster, the year's ledger, the village under the policy and the reform, a
// household under both — built from the same rows the screen shows, so what is saved is what is shown. No ImGui
// here: the unit tests build every export natively and check its cells (tests/unit/exports_test.cpp).
#pragma once

#include <cstdint>  // flag bits
#include <string>   // cells
#include <vector>   // rows, table order

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
// as given; its file name is the first table's with .xlsx. The page writes it in its workbook module from `spec`
// (formats/workbook_json.h's xlsx_from_json).
struct Workbook {
  std::string file_name;
  std::string spec;
};
Workbook xlsx_workbook(const std::vector<std::pair<std::string, TextTable>>& sheets);
// One table as a workbook, its sheet named after its file.
Workbook xlsx_workbook(const TextTable& table);

// The change from `before` to `after` with its sign ("+3", "-12.50"); empty when there is none.
std::string change_text(int before, int after);
std::string change_text(core::Money before, core::Money after);

// A roster row's flags in short words, joined by the list separator.
std::string flags_text(uint32_t flags);

// 农户台账: the households in `order`; and every household's quarters of `year` (季度台账).
TextTable roster_table(const Roster& roster, const std::vector<int>& order);
TextTable ledger_table(const Roster& roster, int year);

// 村级模拟: the village's figures under the policy and the reform; the reform's effect; each programme's recipients
// and cost; winners and losers by tenth of baseline income.
TextTable village_summary_table(const VillageModel& v);
TextTable village_effect_table(const VillageModel& v);
TextTable village_programme_table(const VillageModel& v);
TextTable village_decile_table(const VillageModel& v);

// A household under the policy and under the reform, figure by figure, with the differences.
TextTable reform_comparison_table(const core::Result& baseline, const core::Result& reform);

}  // namespace zengshou::app
