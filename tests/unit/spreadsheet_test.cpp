// Reading workbooks as cadres have them (issue 18): .xlsx from openpyxl and in another writer's conventions (WPS-
// style prefixed names and inline strings), .xls from xlwt — made by tests/workbooks/make_workbooks.py at the first
// test that needs them — and broken files, each one clear problem.
#include <doctest/doctest.h>

#include <cstdlib>  // system
#include <fstream>
#include <iterator>
#include <set>  // the column choices offered
#include <string>

#include "formats/spreadsheet_read.h"

using namespace zengshou::formats;

namespace {

// The workbooks, written once per run.
std::string workbook_bytes(const std::string& name) {
  static const std::string dir = [] {
    const std::string d = std::string(ZENGSHOU_TEST_TMP) + "/workbooks";
    const std::string command =
        "/usr/bin/python3 " + std::string(ZENGSHOU_SOURCE) + "/tests/workbooks/make_workbooks.py " + d;
    REQUIRE_EQ(std::system(command.c_str()), 0);
    return d;
  }();
  std::ifstream in(dir + "/" + name, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string first_error(const Parsed<Workbook>& w) { return w.errors.empty() ? "" : w.errors.front().expected; }

}  // namespace

TEST_CASE(
    "an .xlsx written by openpyxl: every sheet, rows with their numbers under a merged title, numbers as written") {
  const auto w = read_workbook(workbook_bytes("per-household-openpyxl.xlsx"));
  REQUIRE(w.ok());
  REQUIRE_EQ(w.value.sheets.size(), 2u);
  CHECK_EQ(w.value.sheets[0].name, "说明");
  const Sheet& s = w.value.sheets[1];
  CHECK_EQ(s.name, "收入测算");
  REQUIRE_EQ(s.rows(), 6u);
  CHECK_EQ(s.row_number(0), 1);
  CHECK_EQ(s.text(0, 0), "某村2024年脱贫户家庭收入测算表");
  CHECK_EQ(s.text(0, 1), "");  // merged: the value is in the first cell only
  CHECK_EQ(s.text(2, 5), "其中：公益性岗位收入");
  CHECK_EQ(s.row_number(3), 4);
  CHECK_EQ(s.text(3, 1), "李国强");
  CHECK_EQ(s.kind(3, 2), CellKind::text);  // an ID number kept as text, all 18 digits
  CHECK_EQ(s.text(3, 2), "530524197901010011");
  CHECK_EQ(s.text(3, 4), "36000");
  CHECK_EQ(s.kind(3, 4), CellKind::number);
  CHECK_EQ(s.text(4, 4), "18000.5");
  CHECK_EQ(s.text(4, 7), "1500.25");
  CHECK_EQ(s.text(5, 1), "张婧");
  // 人均纯收入 is a formula openpyxl left uncomputed: an empty cell, not a made-up value.
  CHECK_EQ(s.kind(3, 16), CellKind::empty);
  CHECK_EQ(cell_place(s, 3, 4), "收入测算!E4");
}

TEST_CASE("another writer's .xlsx: prefixed names, inline and rich strings, phonetic runs left out, an absolute part") {
  const auto w = read_workbook(workbook_bytes("wps-style.xlsx"));
  REQUIRE(w.ok());
  REQUIRE_EQ(w.value.sheets.size(), 1u);
  const Sheet& s = w.value.sheets[0];
  CHECK_EQ(s.name, "花名册");
  REQUIRE_EQ(s.rows(), 2u);
  CHECK_EQ(s.row_number(0), 2);
  CHECK_EQ(s.text(0, 0), "户主");  // two runs, the phonetic guide "hu" not read
  CHECK_EQ(s.text(0, 1), "");
  CHECK_EQ(s.text(0, 2), " 月工资 ");
  CHECK_EQ(s.row_number(1), 3);  // a row without its number follows the one before
  CHECK_EQ(s.text(1, 0), "和&丽");
  CHECK_EQ(s.text(1, 1), "1.5E3");
  CHECK_EQ(s.kind(1, 1), CellKind::number);
  CHECK_EQ(s.text(1, 2), "TRUE");
  CHECK_EQ(s.text(1, 3), "#N/A");
  CHECK_EQ(s.kind(1, 4), CellKind::empty);  // a formula with no computed value
  CHECK_EQ(s.text(1, 5), "文字");
}

TEST_CASE("an .xls (Excel 97–2003) written by xlwt: the same cells as the .xlsx of the same table") {
  const auto xls = read_xls(workbook_bytes("per-household-xlwt.xls"));
  REQUIRE_MESSAGE(xls.ok(), first_error(xls));
  REQUIRE_EQ(xls.value.sheets.size(), 1u);
  const Sheet& s = xls.value.sheets[0];
  CHECK_EQ(s.name, "收入测算");
  CHECK_EQ(s.text(0, 0), "某村2024年脱贫户家庭收入测算表");
  const auto xlsx = read_workbook(workbook_bytes("per-household-openpyxl.xlsx"));
  const Sheet& t = xlsx.value.sheets[1];
  // The .xls has no note row: its rows 2–5 are the .xlsx's rows 3–6.
  for (size_t r = 1; r < s.rows(); ++r)
    for (size_t c = 0; c + 1 < 17; ++c) {
      INFO(cell_place(s, r, c));
      CHECK_EQ(s.text(r, c), t.text(r + 1, c));
    }
}

TEST_CASE("an .xls made record by record: each kind of cell a roster sheet holds, read as Excel shows it") {
  // tests/workbooks/make_workbooks.py writes handmade.xls; python3-xlrd read the same values from it.
  const auto w = read_workbook(workbook_bytes("handmade.xls"));
  REQUIRE_MESSAGE(w.ok(), first_error(w));
  REQUIRE_EQ(w.value.sheets.size(), 2u);  // the chart sheet between them has no cells to read
  const Sheet& s = w.value.sheets[0];
  CHECK_EQ(s.name, "花名册");
  CHECK_EQ(w.value.sheets[1].name, "空表");
  CHECK_EQ(w.value.sheets[1].rows(), 0u);
  REQUIRE_EQ(s.rows(), 5u);
  // Shared strings: two-byte; one-byte "Wang" continued as two-byte 婧昇王 in the next record; rich; phonetic.
  CHECK_EQ(s.text(0, 0), "户主");
  CHECK_EQ(s.text(0, 1), "Wang婧昇王");
  CHECK_EQ(s.text(0, 2), "富文");
  CHECK_EQ(s.text(0, 3), "abc");
  CHECK_EQ(s.text(0, 4), "富文");  // written after column 5, read in its place
  CHECK_EQ(s.kind(0, 5), CellKind::empty);
  // RK: an integer, hundredths written exactly (1234.56, -0.05, 12.3), a double's top 30 bits (0.5).
  for (const auto& [column, text] : std::vector<std::pair<size_t, std::string>>{
           {0, "1500"}, {1, "1234.56"}, {2, "-0.05"}, {3, "0.5"}, {4, "12.3"}}) {
    CHECK_EQ(s.text(1, column), text);
    CHECK_EQ(s.kind(1, column), CellKind::number);
  }
  CHECK_EQ(s.row_number(2), 3);
  CHECK_EQ(s.text(2, 0), "1");  // MULRK: three numbers in one record
  CHECK_EQ(s.text(2, 2), "30");
  CHECK_EQ(s.text(3, 0), "18000.5");  // NUMBER
  // Formulas' kept values: a string (in the STRING record after), TRUE, #DIV/0!, a number; an empty one is empty.
  CHECK_EQ(s.text(3, 1), "合计");
  CHECK_EQ(s.kind(3, 1), CellKind::text);
  CHECK_EQ(s.text(3, 2), "TRUE");
  CHECK_EQ(s.text(3, 3), "#DIV/0!");
  CHECK_EQ(s.text(3, 4), "42");
  CHECK_EQ(s.kind(3, 5), CellKind::empty);
  CHECK_EQ(s.text(4, 0), "FALSE");  // BOOLERR
  CHECK_EQ(s.text(4, 1), "文字");   // LABEL
}

TEST_CASE("an .xls of 3000 names: strings cut across CONTINUE records come out whole, numbers as written") {
  const auto w = read_workbook(workbook_bytes("many-names-xlwt.xls"));
  REQUIRE_MESSAGE(w.ok(), first_error(w));
  const Sheet& s = w.value.sheets.at(0);
  REQUIRE_EQ(s.rows(), 3000u);
  size_t wrong = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string name = i % 3 == 0 ? "Li Wei " + std::to_string(i) : std::to_string(i) + "号张婧昇";
    if (i % 3 != 0)
      for (int k = 0; k < i % 9; ++k) name += "测";
    const std::string number = i % 2 ? std::to_string(i * 100 + 25) : "-" + std::to_string(i) + ".5";
    if (s.text(i, 0) != name || s.text(i, 1) != number || s.row_number(i) != i + 1) {
      if (++wrong <= 3) CHECK_EQ(s.text(i, 0), name);
    }
  }
  CHECK_EQ(wrong, 0u);
}

TEST_CASE("broken, encrypted, oversized: one clear problem each, in bounded time and memory") {
  CHECK_EQ(first_error(read_workbook(workbook_bytes("damaged.xlsx"))),
           "expected an .xlsx workbook (a zip file); this file is damaged or not a workbook");
  CHECK_EQ(first_error(read_workbook(workbook_bytes("password.xlsx"))),
           "expected a workbook without a password (open it in Excel or WPS, remove the password, save again)");
  CHECK_EQ(first_error(read_workbook(workbook_bytes("not-a-workbook.xlsx"))),
           "expected an Excel workbook (xl/workbook.xml); this zip file is not one (.docx, .ods or another file?)");
  CHECK_EQ(first_error(read_workbook("名字,年份\n")), "expected an .xlsx or .xls workbook");
  CHECK_EQ(first_error(read_workbook(workbook_bytes("password.xls"))),
           "expected a workbook without a password (open it in Excel or WPS, remove the password, save again)");
  CHECK_EQ(first_error(read_workbook(workbook_bytes("excel95.xls"))),
           "expected an Excel 97–2003 workbook; this one is from an older Excel (5.0/95): open it in Excel or WPS and "
           "save it as .xlsx (另存为 Excel 工作簿)");
  CHECK_EQ(first_error(read_workbook(workbook_bytes("word.xls"))),
           "expected an Excel workbook; this Office file has no workbook in it (a Word .doc or another file?)");
  CHECK_EQ(first_error(read_workbook(workbook_bytes("damaged.xls"))),
           "expected an Excel 97–2003 workbook (.xls); this file is damaged or not one");
  // 600 MB of spaces deflated to 0.6 MB: stopped at the limit, not unpacked.
  const auto bomb = read_workbook(workbook_bytes("zip-bomb.xlsx"), ReadLimits{.max_unpacked_bytes = 64u << 20});
  CHECK_EQ(first_error(bomb),
           "expected a workbook that unpacks to at most 64 MB (this one unpacks to more: it is not a roster, or is a "
           "zip bomb)");
  CHECK(bomb.value.sheets.empty());
  const auto rows = read_workbook(workbook_bytes("per-member-openpyxl.xlsx"), ReadLimits{.max_rows = 3});
  CHECK_EQ(first_error(rows), "expected at most 3 rows in sheet \"家庭成员\" (split the sheet, or import it in parts)");
  const auto cells = read_xls(workbook_bytes("per-household-xlwt.xls"), ReadLimits{.max_cells = 10});
  CHECK_EQ(first_error(cells), "expected at most 10 cells in the workbook");
  // A cell far to the right brings the empty cells left of it: 1000 rows × 18 278 would be 18 million cells.
  CHECK_EQ(first_error(read_workbook(workbook_bytes("far-columns.xlsx"), ReadLimits{.max_cells = 1000000})),
           "expected at most 1000000 cells in the workbook");
}

TEST_CASE("column letters as spreadsheets name them") {
  CHECK_EQ(column_letters(0), "A");
  CHECK_EQ(column_letters(25), "Z");
  CHECK_EQ(column_letters(26), "AA");
  CHECK_EQ(column_letters(701), "ZZ");
  CHECK_EQ(column_letters(702), "AAA");
}

// ---- rosters from sheets

#include <nlohmann/json.hpp>

#include "cli_run.h"
#include "core/household_json.h"
#include "formats/roster_file.h"
#include "helpers.h"

namespace {

// A sheet typed in the test: rows of cells, numbered from `first`.
Sheet sheet_of(const std::string& name, int first, const std::vector<std::vector<std::string>>& rows) {
  Sheet s;
  s.name = name;
  for (size_t r = 0; r < rows.size(); ++r) {
    s.add_row(first + static_cast<int>(r));
    for (size_t c = 0; c < rows[r].size(); ++c) s.add_cell(c, rows[r][c], CellKind::text);
  }
  return s;
}

std::string households_json(const std::vector<RosterEntry>& entries) {
  std::string out;
  for (const RosterEntry& e : entries) out += household_to_json(e.household).dump() + "\n";
  return out;
}

// The per-member ledger of make_workbooks.py, as a CSV of the documented columns.
const char* ledger_csv =
    "household_id,head,year,category,name,birth_year,labor,school,job_kind,months,monthly_wage\n"
    "H01,李国强,2024,tuopin,李国强,1979,full,,out_of_province,10,4000\n"
    "H01,李国强,2024,tuopin,王玥,1981,full,,local,8,2500\n"
    "H01,李国强,2024,tuopin,李昇,2013,none,compulsory,,,\n"
    "H02,张堃,2024,tuopin,张堃,1955,none,,,,\n";

}  // namespace

TEST_CASE("a village ledger in Excel (openpyxl) and Excel 97–2003 (xlwt) reads as the same households as its CSV") {
  const auto csv = parse_roster(ledger_csv).roster;
  REQUIRE(csv.ok());
  for (const char* file : {"per-member-openpyxl.xlsx", "per-member-xlwt.xls"}) {
    INFO(file);
    const std::string bytes = workbook_bytes(file);
    const auto w = sniff_file(bytes) == FileKind::xls ? read_xls(bytes) : read_workbook(bytes);
    REQUIRE(w.ok());
    const size_t index = roster_sheet_index(w.value);
    CHECK_EQ(w.value.sheets[index].name, "家庭成员");
    const RosterRead r = parse_roster_sheet(w.value.sheets[index], {2024, zengshou::core::Category::tuopin});
    REQUIRE_MESSAGE(r.roster.ok(), (r.roster.errors.empty() ? std::string() : r.roster.errors.front().expected));
    CHECK_EQ(r.header_row, 2);  // under the merged title
    CHECK(r.ignored.empty());   // 证件号码 and 与户主关系 are read, not stored
    CHECK_EQ(households_json(r.roster.value), households_json(csv.value));
  }
}

TEST_CASE("a cadre's CSV is read as a sheet: its title line passed over, 序号 left out and listed, by its lines") {
  // The .xlsx ledger saved as CSV from Excel: the title on line 1, the header on line 2, a 序号 column, Chinese
  // values, no year or category column (given for the whole file, as batch --year and --category give them).
  const std::string cadre =
      "某村2024年农户家庭成员台账,,,,,,,,,,,\n"
      "序号,户编号,户主,姓名,证件号码,与户主关系,出生年份,劳动技能,务工时间（月）,务工所在地,月工资,在校生状况\n"
      "1,H01,李国强,李国强,530524197901010011,户主,1979,普通劳动力,10,省外,4000,\n"
      "2,H01,李国强,王玥,530524198103030022,配偶,1981,普通劳动力,8,县内,\"2,500\",\n"
      "3,H01,李国强,李昇,530524201301010033,之子,2013,无劳动力,,,,小学\n"
      "4,H02,张堃,张堃,530524195505050044,户主,1955,丧失劳动力,,,,\n";
  const RosterRead r = parse_roster(cadre, {2024, zengshou::core::Category::tuopin});
  CHECK_EQ(r.header_row, 2);
  CHECK_EQ(r.ignored, std::vector<std::string>{"序号"});
  CHECK_FALSE(r.own_columns);  // the app shows it in its import window first
  // "2,500" quoted is 2500 written with a thousands separator, as Excel shows it (issue 20, 4).
  REQUIRE(r.roster.ok());
  std::string fixed = cadre;
  fixed.replace(fixed.find("\"2,500\""), 7, "2500");
  CHECK_EQ(households_json(r.roster.value),
           households_json(parse_roster(fixed, {2024, zengshou::core::Category::tuopin}).roster.value));
  const RosterRead ok = parse_roster(fixed, {2024, zengshou::core::Category::tuopin});
  REQUIRE(ok.roster.ok());
  CHECK_EQ(households_json(ok.roster.value), households_json(parse_roster(ledger_csv).roster.value));
  // Without the year and category for the whole file, one problem each at the file's first line.
  const RosterRead bare = parse_roster(fixed);
  REQUIRE_EQ(bare.roster.errors.size(), 2u);
  CHECK_EQ(zengshou::core::error_line(bare.roster.errors[0]),
           "error: line 1: expected a 年度 (year) column, or the year for the whole sheet (batch --year)");
  // An unquoted comma moves every later cell: refused at its line, not read in the wrong columns.
  std::string shifted = fixed;
  shifted.replace(shifted.find(",2500,"), 6, ",2,500,");
  CHECK_EQ(
      zengshou::core::error_line(parse_roster(shifted, {2024, zengshou::core::Category::tuopin}).roster.errors.at(0)),
      "error: line 4: expected 12 columns, got 13");
}

TEST_CASE(
    "a sheet as cadres type it: titles above the header, 合计 below, spaces, Chinese values, an ID for a birth year") {
  const Sheet s =
      sheet_of("花名册", 1,
               {{"2024年某村花名册"},
                {},
                {"序号", "户主", "姓名", "证件号码", "与户主关系", "劳动技能", "务工所在地", "务工时间（月）", "月工资",
                 "在校生状况", "联系电话"},
                {"1", "韦光明", " 韦光明 ", "522327196805120016", "户主", "弱劳动力或半劳动力", "县内", "6", "1.5E3",
                 "", "13800000000"},
                {"2", "韦光明", "韦小梅", "52232720100301002X", "之女", "无劳动力", "", "", "", "小学四年级", ""},
                {"合计", "", "", "", "", "", "", "", "9000", "", ""}});
  const RosterRead r = parse_roster_sheet(s, {2023, zengshou::core::Category::monitor_marginal});
  REQUIRE(r.roster.ok());
  CHECK_EQ(r.header_row, 3);
  CHECK_EQ(r.ignored, std::vector<std::string>{"序号", "联系电话"});
  REQUIRE_EQ(r.roster.value.size(), 1u);
  const auto& h = r.roster.value[0].household;
  CHECK_EQ(h.head, "韦光明");
  REQUIRE_EQ(h.members.size(), 2u);
  CHECK_EQ(h.members[0].name, "韦光明");    // spaces around a name are not part of it
  CHECK_EQ(h.members[0].birth_year, 1968);  // from the ID number's digits 7–10
  CHECK_EQ(h.members[0].labor, zengshou::core::Labor::weak);
  REQUIRE_EQ(h.members[0].jobs.size(), 1u);
  CHECK_EQ(h.members[0].jobs[0].kind, zengshou::core::JobKind::local);
  CHECK_EQ(h.members[0].jobs[0].monthly_wage, zengshou::core::Money::yuan(1500));  // 1.5E3
  CHECK_EQ(h.members[1].birth_year, 2010);
  REQUIRE(h.members[1].school);
  CHECK_EQ(h.members[1].school->level, zengshou::core::SchoolLevel::compulsory);  // 小学四年级

  SUBCASE("grouped by the relation to the head when no id or head column is there") {
    const Sheet byrel = sheet_of("花名册", 1,
                                 {{"姓名", "与户主关系", "出生年份", "年度", "户类别"},
                                  {"和建华", "户主", "1968", "2023", "脱贫户"},
                                  {"和丽", "配偶", "1971", "2023", "脱贫户"},
                                  {"杨林", "户主", "1980", "2023", "一般农户"}});
    const RosterRead g = parse_roster_sheet(byrel);
    REQUIRE(g.roster.ok());
    REQUIRE_EQ(g.roster.value.size(), 2u);
    CHECK_EQ(g.roster.value[0].household.head, "和建华");
    CHECK_EQ(g.roster.value[0].household.members.size(), 2u);
    CHECK_EQ(g.roster.value[1].household.category, zengshou::core::Category::general);
  }
}

TEST_CASE("a sheet's problems name the cell as the spreadsheet does, and what was expected") {
  const Sheet s = sheet_of("家庭成员", 4,
                           {{"户编号", "姓名", "出生年份", "月工资", "务工月数", "务工所在地"},
                            {"H1", "张三", "一九七五", "4000.123", "10", "省外"},
                            {"H2", "李四", "1980", "0.30000000000000004", "13", "县内"}});
  const RosterRead r = parse_roster_sheet(s, {2024, zengshou::core::Category::tuopin});
  std::string lines;
  for (const auto& e : r.roster.errors) lines += zengshou::core::error_line(e) + "\n";
  CHECK_EQ(lines,
           "error: 家庭成员!C5 (column \"出生年份\"): expected a whole number, got \"一九七五\"\n"
           "error: 家庭成员!D5 (column \"月工资\"): expected a number with at most two decimals, got \"4000.123\"\n"
           "error: 家庭成员!E6 (column \"务工月数\"): expected a whole number from 0 to 12, got 13\n");
  // 0.30000000000000004 is a spreadsheet's sum for 0.30: read as 0.30, not refused.
  const Sheet no_kind = sheet_of(
      "家庭成员", 1, {{"户编号", "姓名", "出生年份", "月工资"}, {"H1", "张三", "1975", "0.30000000000000004"}});
  const RosterRead k = parse_roster_sheet(no_kind, {2024, zengshou::core::Category::tuopin});
  REQUIRE_EQ(k.roster.errors.size(), 1u);
  CHECK_EQ(zengshou::core::error_line(k.roster.errors[0]),
           "error: 家庭成员 row 2 (no column \"务工类型\"): expected this required field");
  // A sum's noise the other way rounds up, with a carry: 1199.9999999999998 is 1200.00. 999.99999 is not noise (only
  // four 0s or 9s past the fen are) and is refused.
  const std::vector<std::string> header = {"户编号", "姓名", "出生年份", "月工资", "务工所在地"};
  const RosterRead up =
      parse_roster_sheet(sheet_of("家庭成员", 1, {header, {"H1", "张三", "1975", "1199.9999999999998", "县内"}}),
                         {2024, zengshou::core::Category::tuopin});
  REQUIRE(up.roster.ok());
  CHECK_EQ(up.roster.value[0].household.members[0].jobs[0].monthly_wage, zengshou::core::Money::yuan(1200));
  const RosterRead fine =
      parse_roster_sheet(sheet_of("家庭成员", 1, {header, {"H2", "李四", "1975", "999.99999", "县内"}}),
                         {2024, zengshou::core::Category::tuopin});
  REQUIRE_EQ(fine.roster.errors.size(), 1u);
  CHECK_EQ(fine.roster.errors[0].expected, "expected a number with at most two decimals, got \"999.99999\"");
  const Sheet empty = sheet_of("Sheet1", 1, {{"某村"}, {"说明"}});
  CHECK_EQ(
      parse_roster_sheet(empty).roster.errors.front().expected,
      "expected a header row naming roster columns (户编号, 户主, 姓名, 出生年份 or 证件号码 …) in the first 30 rows");
}

TEST_CASE("CLI batch of the ledger as .xlsx and as .xls prints what the same data as CSV prints, to the fen") {
  const std::string dir = std::string(ZENGSHOU_TEST_TMP) + "/workbooks";
  workbook_bytes("per-member-openpyxl.xlsx");  // written
  std::ofstream(dir + "/ledger.csv") << ledger_csv;
  const auto csv = zengshou::test::run_cli("batch --policy yunnan/changning " + dir + "/ledger.csv");
  REQUIRE_EQ(csv.status, 0);
  const auto w = zengshou::test::run_cli("batch --policy yunnan/changning --year 2024 --category 脱贫户 " + dir +
                                         "/per-member-openpyxl.xlsx");
  CHECK_EQ(w.status, 0);
  CHECK_EQ(w.err, "");
  CHECK_EQ(w.out, csv.out);
  const auto xls = zengshou::test::run_cli("batch --policy yunnan/changning --year 2024 --category 脱贫户 " + dir +
                                           "/per-member-xlwt.xls");
  CHECK_EQ(xls.status, 0);
  CHECK_EQ(xls.err, "");
  CHECK_EQ(xls.out, csv.out);
  // The same ledger as a cadre's CSV (title line, 序号): --year and --category for the whole file, 序号 noted.
  std::ofstream(dir + "/cadre.csv")
      << "某村2024年农户家庭成员台账\n序号,户编号,户主,姓名,出生年份,劳动技能,务工时间（月）,"
         "务工所在地,月工资,在校生状况\n"
         "1,H01,李国强,李国强,1979,普通劳动力,10,省外,4000,\n"
         "2,H01,李国强,王玥,1981,普通劳动力,8,县内,2500,\n"
         "3,H01,李国强,李昇,2013,无劳动力,,,,小学\n"
         "4,H02,张堃,张堃,1955,丧失劳动力,,,,\n";
  const auto cadre =
      zengshou::test::run_cli("batch --policy yunnan/changning --year 2024 --category 脱贫户 " + dir + "/cadre.csv");
  CHECK_EQ(cadre.status, 0);
  CHECK_EQ(cadre.err, "note: header in line 2: columns not used: 序号\n");
  CHECK_EQ(cadre.out, csv.out);
  const auto no_year = zengshou::test::run_cli("batch " + dir + "/per-member-openpyxl.xlsx");
  CHECK_EQ(no_year.status, 2);
  CHECK_EQ(
      no_year.err,
      "error: 家庭成员: expected a 年度 (year) column, or the year for the whole sheet (batch --year)\n"
      "error: 家庭成员: expected a 户类别 (category) column, or the category for the whole sheet (batch --category, "
      "e.g. 脱贫户)\n");
  const auto sheet = zengshou::test::run_cli("batch --sheet 花名册 " + dir + "/per-member-openpyxl.xlsx");
  CHECK_EQ(sheet.err, "error: --sheet: expected one of the workbook's sheets (\"家庭成员\"), got \"花名册\"\n");
  const auto bomb = zengshou::test::run_cli("batch " + dir + "/password.xlsx");
  CHECK_EQ(bomb.err,
           "error: the workbook: expected a workbook without a password (open it in Excel or WPS, remove the password, "
           "save again)\n");
}

// ---- writing

#include "core/money.h"
#include "formats/xlsx_write.h"

TEST_CASE("a written .xlsx reads back through our reader with the same values; text is never a formula") {
  const std::vector<TableSheet> tables = {
      {"农户台账",
       {"户编号", "户主", "人均纯收入", "人数", "备注"},
       {{"H01", "李国强", "20000.00", "3", "=1+1"},
        {"H02", "张婧", "-12.50", "1", "@SUM(A1)"},
        {"H03", "王玥", "0.05", "2", "+86 138"}}},
      {"农户台账", {"项目", "金额"}, {{"合计", "1234567.89"}}},
      {"一个很长很长很长很长很长很长很长很长很长很长的表名[2024]年度", {"a"}, {{"b"}}},
  };
  const auto written = write_xlsx(tables);
  REQUIRE(written.ok());
  const auto read = read_workbook(written.value);
  REQUIRE(read.ok());
  REQUIRE_EQ(read.value.sheets.size(), 3u);
  CHECK_EQ(read.value.sheets[0].name, "农户台账");
  CHECK_EQ(read.value.sheets[1].name, "农户台账 (2)");                                              // names are unique
  CHECK_EQ(read.value.sheets[2].name, "一个很长很长很长很长很长很长很长很长很长很长的表名_2024_");  // 31 characters
  const Sheet& s = read.value.sheets[0];
  REQUIRE_EQ(s.rows(), 4u);
  for (size_t c = 0; c < 5; ++c) CHECK_EQ(s.text(0, c), tables[0].header[c]);
  for (size_t r = 0; r < 3; ++r) {
    CHECK_EQ(s.text(r + 1, 0), tables[0].rows[r][0]);
    CHECK_EQ(s.text(r + 1, 1), tables[0].rows[r][1]);
    // Figures are numbers, to the fen.
    CHECK_EQ(s.kind(r + 1, 2), CellKind::number);
    CHECK_EQ(zengshou::core::parse_yuan_text(s.text(r + 1, 2)), zengshou::core::parse_yuan_text(tables[0].rows[r][2]));
    CHECK_EQ(s.text(r + 1, 3), tables[0].rows[r][3]);
    // = @ + stay text, as written.
    CHECK_EQ(s.kind(r + 1, 4), CellKind::text);
    CHECK_EQ(s.text(r + 1, 4), tables[0].rows[r][4]);
  }
  CHECK_EQ(read.value.sheets[1].text(1, 1), "1234567.89");
}

// ---- the browser's workbook module speaks JSON

#include "formats/workbook_json.h"

TEST_CASE("the workbook module's JSON: the roster of the likeliest sheet, or of the one asked for, and its problems") {
  const auto roster = nlohmann::json::parse(workbook_roster_json(
      workbook_bytes("per-member-openpyxl.xlsx"),
      R"({"year": 2024, "category": )" + std::to_string(static_cast<int>(zengshou::core::Category::tuopin)) + "}"));
  CHECK_EQ(roster["sheets"], nlohmann::json::array({"家庭成员"}));
  CHECK_EQ(roster["sheet"], 0);
  CHECK_EQ(roster["header_row"], 2);
  CHECK_EQ(roster["problems"], nlohmann::json::array());
  REQUIRE_EQ(roster["households"].size(), 2u);
  CHECK_EQ(roster["households"][0], household_to_json(parse_roster(ledger_csv).roster.value[0].household));
  const auto no_year =
      nlohmann::json::parse(workbook_roster_json(workbook_bytes("per-member-openpyxl.xlsx"), R"({"sheet": 0})"));
  CHECK_EQ(no_year["problems"].size(), 2u);
  CHECK(no_year["households"].empty());
  const auto broken = nlohmann::json::parse(workbook_roster_json(workbook_bytes("damaged.xlsx"), "not JSON"));
  CHECK_EQ(broken["problems"], nlohmann::json::array({"error: the workbook: expected an .xlsx workbook (a zip file); "
                                                      "this file is damaged or not a workbook"}));
  CHECK_FALSE(xlsx_from_json("[1, 2]").ok());
}

// Issue 18, item 1: the national system's shape — one row a household with its stream totals under a merged title
// (make_workbooks.py's 收入测算 sheet) — reads as households of entered totals (core::EnteredIncome); the parts
// (其中…, 养老金, 低保金 …) and the per-capita column are in the totals, read and not added again.
TEST_CASE("a per-household sheet of income totals reads as households of entered totals") {
  const auto w = read_workbook(workbook_bytes("per-household-openpyxl.xlsx"));
  REQUIRE(w.ok());
  const size_t index = roster_sheet_index(w.value);
  CHECK_EQ(w.value.sheets[index].name, "收入测算");
  const RosterRead r = parse_roster_sheet(w.value.sheets[index], {2024, zengshou::core::Category::tuopin});
  REQUIRE_MESSAGE(r.roster.ok(), (r.roster.errors.empty() ? std::string() : r.roster.errors.front().expected));
  CHECK_EQ(r.header_row, 3);
  CHECK_EQ(r.ignored, std::vector<std::string>{"序号"});
  REQUIRE_EQ(r.roster.value.size(), 3u);
  // Rows as make_workbooks.py writes them; per-capita by hand (DOMAIN.md §3):
  // 李国强 4 people: 36000 + 12000 − 4000 + 800 + 2400 = 47200 → 11800.00
  // 王秀英 3 people: 18000.50 + 5000 − 1500.25 + 0 + 1200 = 22700.25 → 7566.75
  // 张婧 2 people: 0 + 3000 − 1000 + 0 + 6500 = 8500 → 4250.00
  const std::pair<const char*, int64_t> expected[] = {{"李国强", 1180000}, {"王秀英", 756675}, {"张婧", 425000}};
  for (size_t i = 0; i < 3; ++i) {
    const zengshou::core::Household& h = r.roster.value[i].household;
    INFO(h.head);
    CHECK_EQ(h.head, expected[i].first);
    REQUIRE(h.entered);
    CHECK(h.members.empty());  // the ID number is the head's, not a member's
    zengshou::core::Household in_policy = h;
    in_policy.policy = "yunnan/changning";
    CHECK_EQ(zengshou::test::run(in_policy, "yunnan/changning", 2024).income.per_capita_net,
             zengshou::core::Money::fen(expected[i].second));
  }
  CHECK_EQ(r.roster.value[1].household.entered->people, 3);
  CHECK_EQ(r.roster.value[1].household.entered->wage, zengshou::core::Money::fen(1800050));
}

// Issue 18, item 1: a column the reader does not know is left out and listed; matched by her to a roster column
// (the import window's 对应, remembered for the next file), it is read as that column — written with other brackets
// and spaces too — and listed as matched.
TEST_CASE("her own column matches: an unknown header read as the column she chose") {
  const std::vector<std::vector<std::string>> rows = {
      {"户编号", "户主", "姓名", "出生年份", "务工所在地", "务工时长（月）", "打工挣的（元）"},
      {"H1", "张三", "张三", "1975", "县内", "10", "2500"}};
  const Sheet s = sheet_of("台账", 1, rows);
  RosterRead r = parse_roster_sheet(s, {2024, zengshou::core::Category::tuopin});
  REQUIRE(r.roster.ok());
  CHECK_EQ(r.ignored, std::vector<std::string>{"打工挣的（元）"});
  CHECK_EQ(r.roster.value[0].household.members[0].jobs[0].monthly_wage, zengshou::core::Money());
  SheetDefaults d{2024, zengshou::core::Category::tuopin, {{"打工挣的 (元)", "monthly_wage"}}};
  r = parse_roster_sheet(s, d);
  REQUIRE(r.roster.ok());
  CHECK(r.ignored.empty());
  CHECK_EQ(r.matched, std::vector<std::string>{"打工挣的（元）"});
  CHECK_EQ(r.roster.value[0].household.members[0].jobs[0].monthly_wage, zengshou::core::Money::yuan(2500));
  // 10 months × 2500 = 25000 for one person.
  zengshou::core::Household h = r.roster.value[0].household;
  h.policy = "yunnan/changning";
  CHECK_EQ(zengshou::test::run(h, "yunnan/changning", 2024).income.per_capita_net, zengshou::core::Money::yuan(25000));
  // What the import window offers to match a header to.
  bool offered = false;
  for (const ColumnChoice& c : roster_column_choices())
    offered = offered || (c.name == "monthly_wage" && c.zh == "月工资");
  CHECK(offered);
}

// Issue 21, 1: the new measures' columns in a county sheet — under a title row, full-width brackets and ％ in the
// headers, numbers as a workbook stores them, the households grouped by 户主 — and a loan that lacks a column, said
// at the row with the column it lacks.
TEST_CASE("a county sheet's 种粮, 退耕还林, 保底分红, 临时救助, 小额信贷 and 证书 columns") {
  const Sheet s = sheet_of("花名册", 1,
                           {{"2024年某村脱贫户花名册"},
                            {"户主", "姓名", "出生年份", "实际种粮面积（亩）", "退耕还林面积（亩）", "保底分红基数",
                             "临时救助", "小额信贷本金", "贷款年利率（％）", "本年贷款月数", "职业技能证书"},
                            {"韦光明", "韦光明", "1968", "2.5", "1.5E1", "1200", "", "30000", "3.45", "12", "中级"},
                            {"韦光明", "韦小梅", "2001", "", "", "", "", "", "", "", "三级"},
                            {"李国强", "李国强", "1979", "", "", "", "0.30000000000000004", "", "", "", ""}});
  const RosterRead r = parse_roster_sheet(s, {2024, zengshou::core::Category::tuopin});
  REQUIRE_MESSAGE(r.roster.ok(), (r.roster.errors.empty() ? std::string() : r.roster.errors.front().expected));
  CHECK_EQ(r.header_row, 2);
  CHECK(r.ignored.empty());
  REQUIRE_EQ(r.roster.value.size(), 2u);
  const zengshou::core::Household& a = r.roster.value[0].household;
  CHECK_EQ(a.transfers.grain_centimu, 250);
  CHECK_EQ(a.transfers.returned_farmland_centimu, 1500);  // 1.5E1 mu
  CHECK_EQ(a.property.guaranteed_dividend, zengshou::core::Money::yuan(1200));
  CHECK_EQ(a.transfers.temporary_assistance, zengshou::core::Money());
  REQUIRE(a.microcredit);
  CHECK_EQ(a.microcredit->principal, zengshou::core::Money::yuan(30000));
  CHECK_EQ(a.microcredit->rate_basis_points, 345);
  CHECK_EQ(a.microcredit->months, 12);
  REQUIRE_EQ(a.members.size(), 2u);
  CHECK_EQ(a.members[0].certificate, zengshou::core::CertificateLevel::intermediate);
  CHECK_EQ(a.members[1].certificate, zengshou::core::CertificateLevel::advanced);  // 三级 is 高级
  const zengshou::core::Household& b = r.roster.value[1].household;
  CHECK_EQ(b.transfers.temporary_assistance, zengshou::core::Money::fen(30));  // a sum's 0.30000000000000004
  CHECK_FALSE(b.microcredit);
  CHECK_EQ(households_json(r.roster.value),
           households_json(parse_roster_sheet_via_json(s, {2024, zengshou::core::Category::tuopin}).roster.value));
  // The column choices the import window offers include them, by their first Chinese names.
  std::set<std::string> offered;
  for (const ColumnChoice& c : roster_column_choices()) offered.insert(std::string(c.name) + "=" + std::string(c.zh));
  for (const char* c :
       {"grain_mu=实际种粮面积(亩)", "returned_farmland_mu=退耕还林面积(亩)", "guaranteed_dividend=保底分红",
        "temporary_assistance=临时救助", "microcredit_principal=小额信贷金额", "microcredit_rate_percent=贷款年利率(%)",
        "microcredit_months=贷款月数", "certificate=取得证书等级"})
    CHECK(offered.contains(c));

  // The amount and the rate without a months column: said at the row, naming the column it lacks.
  const Sheet half = sheet_of(
      "花名册", 1,
      {{"户编号", "姓名", "出生年份", "小额信贷金额", "贷款年利率(%)"}, {"H1", "张三", "1975", "50000", "3.45"}});
  const RosterRead h = parse_roster_sheet(half, {2024, zengshou::core::Category::tuopin});
  REQUIRE_EQ(h.roster.errors.size(), 1u);
  CHECK_EQ(zengshou::core::error_line(h.roster.errors[0]),
           "error: 花名册 row 2 (no column \"贷款月数\"): expected this required field");
  // A rate in a cell Excel formats as a percentage is stored as its fraction: 3.45% as 0.0345, refused at its cell
  // as a fraction rather than read as 0.03 %.
  const Sheet fraction = sheet_of("花名册", 1,
                                  {{"户编号", "姓名", "出生年份", "小额信贷金额", "贷款年利率(%)", "贷款月数"},
                                   {"H1", "张三", "1975", "50000", "0.0345", "12"}});
  const RosterRead f = parse_roster_sheet(fraction, {2024, zengshou::core::Category::tuopin});
  REQUIRE_EQ(f.roster.errors.size(), 1u);
  CHECK_EQ(zengshou::core::error_line(f.roster.errors[0]),
           "error: 花名册!E2 (column \"贷款年利率(%)\"): expected the yearly rate in percent (3.45 for 3.45 %), not a "
           "fraction, got \"0.0345\"");
  // 5 % is stored as 0.05, which two decimals can hold: a rate under 1 % is taken for such a fraction and refused
  // rather than read as 0.05 %.
  // An .xlsx may store it with an exponent: 5E-2 is the same 5 %.
  for (const char* cell : {"0.05", "5E-2"}) {
    CAPTURE(cell);
    const Sheet round = sheet_of("花名册", 1,
                                 {{"户编号", "姓名", "出生年份", "小额信贷金额", "贷款年利率(%)", "贷款月数"},
                                  {"H1", "张三", "1975", "50000", cell, "12"}});
    const RosterRead in_percent = parse_roster_sheet(round, {2024, zengshou::core::Category::tuopin});
    REQUIRE_EQ(in_percent.roster.errors.size(), 1u);
    CHECK_EQ(zengshou::core::error_line(in_percent.roster.errors[0]),
             "error: 花名册!E2 (column \"贷款年利率(%)\"): expected the yearly rate in percent (3.45 for 3.45 %), not "
             "a fraction, got \"" +
                 std::string(cell) + "\"");
  }
}
