// A roster: many households from one file — a JSON array of households, a CSV with one row per member, or a
// workbook's sheet (columns in README.md "Roster files"). Problems name a JSON pointer ("/3/members/0/birth_year"),
// a CSV line and column ("line 3, column \"months\""), or a sheet's cell ("花名册!H5 (column \"月工资\")").
#pragma once

#include <istream>      // a roster streamed
#include <map>          // her column matches
#include <memory>       // the stream's state
#include <optional>     // defaults
#include <string>       // where
#include <string_view>  // file text
#include <vector>       // households

#include "core/error.h"
#include "core/household.h"
#include "table.h"

namespace zengshou::formats {

using core::InputErrors;
using core::Parsed;

struct RosterEntry {
  core::Household household;
  std::string where;  // prefix for problems found later, e.g. with the policy: "/3" or "line 7"
};

// A sheet's roster: the header row found among its first rows (title rows above it passed over), columns matched by
// their English or Chinese names — unrecognised ones left out and listed, not refused — one row a member, grouped
// into households by 户编号, else by 户主, else from each 户主 row (与户主关系) on; a member's birth year from the ID
// number (证件号码) where none is written. Empty rows and 合计 rows are skipped.
// Headers she matched to roster columns herself (the import window's 对应, remembered): a header as written → a
// column's name ("月收入(元)" → "monthly_wage"), compared as headers are (spaces, full-width brackets aside).
using ColumnAliases = std::map<std::string, std::string>;
// What a sheet may leave to the whole file: a county's 台账 of 脱贫户 for 2024 has no year or category column.
struct SheetDefaults {
  std::optional<int> year = std::nullopt;
  std::optional<core::Category> category = std::nullopt;
  ColumnAliases columns = {};
};
struct RosterRead {
  Parsed<std::vector<RosterEntry>> roster;
  int header_row = 0;                // as the sheet numbers it (a CSV: its line); 0: none found
  std::vector<std::string> used;     // headers read, as written
  std::vector<std::string> matched;  // of those, the ones read by her own match (SheetDefaults::columns)
  std::vector<std::string> ignored;  // headers not recognised, as written
  // The roster's own shape (README "Roster files"): the header first, every column known, the year and category in
  // columns — a file this tool wrote, which the app imports at once; any other waits in the import window.
  bool own_columns = false;
};
RosterRead parse_roster_sheet(const Sheet& sheet, const SheetDefaults& defaults = {});
// The same with every household read through the household file's JSON reader, as a household with a problem is
// (households without one are read straight from their cells): what the direct reader is held to, in roster_test.
RosterRead parse_roster_sheet_via_json(const Sheet& sheet, const SheetDefaults& defaults = {});

// The roster in `text`: a JSON array if it starts with '[' (after a BOM and spaces), otherwise a CSV, read as a
// sheet is (read_csv, then parse_roster_sheet): its places are its lines.
RosterRead parse_roster(std::string_view text, const SheetDefaults& defaults = {});

// A roster read a household at a time, for files of any size (batch): a CSV whose households' rows are together, as
// a sheet sorted by household has them (rows of one household apart are a problem at the later row), JSON Lines (a
// household a line) or a JSON array. Memory holds one household, the header and 16 bytes a household seen, not the
// file. The CSV is read as parse_roster reads it (header under title lines, columns by name, `defaults`); it is
// UTF-8 (a GBK file is decoded whole by the caller, as parse_roster's is).
class RosterStream {
 public:
  RosterStream(std::istream& in, SheetDefaults defaults);
  ~RosterStream();
  RosterStream(const RosterStream&) = delete;
  RosterStream& operator=(const RosterStream&) = delete;

  // The next household or its problems (each with its place), or nothing after the last. After a problem with the
  // file as a whole (no header, broken JSON) there is nothing more.
  std::optional<Parsed<RosterEntry>> next();
  // A CSV's header: its line (0 before it is found) and the columns it left out.
  int header_row() const;
  const std::vector<std::string>& ignored() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A category by its name in the household file (tuopin) or in Chinese (脱贫户).
std::optional<core::Category> category_from_text(std::string_view text);

// The sheet that holds the roster: the one whose header names the most roster columns (the first on a tie).
size_t roster_sheet_index(const Workbook& workbook);

// The columns a header may be matched to, each with its first Chinese name, the members' first: what the import
// window offers.
struct ColumnChoice {
  std::string_view name;  // "monthly_wage"
  std::string_view zh;    // "月工资"
};
std::vector<ColumnChoice> roster_column_choices();

}  // namespace zengshou::formats
