// A cadre's workbook (.xlsx, .xls) on its way into the roster: read by formats/spreadsheet_read.h, the roster found in
// a sheet by formats/roster_file.h (the header row, the columns it knows), and shown before anything changes — the
// sheet to read, the year and category for a sheet without those columns, the columns read and left out, what will
// come in, and every problem at its cell. The roster takes the households only when she imports them.
#pragma once

#include <optional>     // the households to import, if any
#include <string_view>  // file bytes
#include <vector>       // households

#include <nlohmann/json.hpp>

#include "formats/roster_file.h"
#include "formats/spreadsheet_read.h"
#include "ui.h"

namespace zengshou::app {

class WorkbookImport {
 public:
  // Takes the file when it is a workbook (true), to show it; a text file is not one (false). `year`: the year a sheet
  // without a year column starts with.
  bool receive(std::string_view bytes, int year);

  // The window while a workbook waits (once a frame): the households, once she imports them.
  std::optional<std::vector<formats::RosterEntry>> draw(Ui& ui);

  // For the browser tests: null, or the sheet, the header row, the columns, the counts and the problems.
  nlohmann::json state() const;

 private:
  void read_sheet();  // the roster of the chosen sheet under the chosen defaults

  std::optional<formats::Workbook> workbook_;
  core::InputErrors file_errors_;  // the workbook did not read: these, and nothing to import
  int sheet_ = 0;
  int year_ = 0;
  int category_ = 0;  // core::Category
  formats::SheetRoster roster_;
  int people_ = 0;
};

}  // namespace zengshou::app
