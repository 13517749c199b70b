// Reading workbooks as cadres have them (issue 18): .xlsx from openpyxl and in another writer's conventions (WPS-
// style prefixed names and inline strings), .xls from xlwt — made by tests/workbooks/make_workbooks.py at the first
// test that needs them — and broken files, each one clear problem.
#include <doctest/doctest.h>

#include <cstdlib>  // system
#include <fstream>
#include <iterator>
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

TEST_CASE("an .xlsx written by openpyxl: every sheet, rows with their numbers under a merged title, numbers as written") {
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
  const auto xls = read_workbook(workbook_bytes("per-household-xlwt.xls"));
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

TEST_CASE("broken, encrypted, oversized: one clear problem each, in bounded time and memory") {
  CHECK_EQ(first_error(read_workbook(workbook_bytes("damaged.xlsx"))),
           "expected an .xlsx workbook (a zip file); this file is damaged or not a workbook");
  CHECK_EQ(first_error(read_workbook(workbook_bytes("password.xlsx"))),
           "expected a workbook without a password (open it in Excel or WPS, remove the password, save again)");
  CHECK_EQ(first_error(read_workbook(workbook_bytes("not-a-workbook.xlsx"))),
           "expected an Excel workbook (xl/workbook.xml); this zip file is not one (.docx, .ods or another file?)");
  CHECK_EQ(first_error(read_workbook("名字,年份\n")), "expected an .xlsx or .xls workbook");
  // 600 MB of spaces deflated to 0.6 MB: stopped at the limit, not unpacked.
  const auto bomb = read_workbook(workbook_bytes("zip-bomb.xlsx"), ReadLimits{.max_unpacked_bytes = 64u << 20});
  CHECK_EQ(first_error(bomb),
           "expected a workbook that unpacks to at most 64 MB (this one unpacks to more: it is not a roster, or is a "
           "zip bomb)");
  CHECK(bomb.value.sheets.empty());
  const auto rows = read_workbook(workbook_bytes("per-member-openpyxl.xlsx"), ReadLimits{.max_rows = 3});
  CHECK_EQ(first_error(rows),
           "expected at most 3 rows in sheet \"家庭成员\" (split the sheet, or import it in parts)");
  const auto cells = read_workbook(workbook_bytes("per-household-xlwt.xls"), ReadLimits{.max_cells = 10});
  CHECK_EQ(first_error(cells), "expected at most 10 cells in the workbook");
}

TEST_CASE("column letters as spreadsheets name them") {
  CHECK_EQ(column_letters(0), "A");
  CHECK_EQ(column_letters(25), "Z");
  CHECK_EQ(column_letters(26), "AA");
  CHECK_EQ(column_letters(701), "ZZ");
  CHECK_EQ(column_letters(702), "AAA");
}
