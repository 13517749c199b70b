// A cadre's workbook (.xlsx, .xls) on its way into the roster. The page reads it in its workbook module (loaded the
// first time: the app's own WebAssembly stays small) and hands back the roster as JSON (formats/workbook_json.h): the
// sheet, the header row, the columns read and left out, the households, every problem at its cell. It is shown before
// anything changes — she may pick another sheet, or the year and category for a sheet without them, which reads it
// again — and the roster takes the households only when she imports them. A column it does not know she may match to
// a roster column (对应); her matches are kept (the app stores them with the session) and read the next file's
// columns of the same name without asking.
#pragma once

#include <optional>     // the households to import, a reading to do
#include <string>       // problems
#include <string_view>  // file bytes, JSON
#include <vector>       // households

#include <nlohmann/json.hpp>

#include "formats/roster_file.h"
#include "ui.h"

namespace zengshou::app {

// What the page is asked to read: a sheet (-1: the one that looks like the roster), the year and category for a sheet
// without those columns.
struct WorkbookChoice {
  int sheet = -1;
  int year = 0;
  int category = 0;
};
// The options of formats::workbook_roster_json, as JSON: the choice and her column matches.
using WorkbookReading = std::string;

class WorkbookImport {
 public:
  // A picked file that is a workbook (true) is read by the page; a text file is not one (false). `year`: the year a
  // sheet without a year column starts with.
  bool start(std::string_view bytes, int year);
  // A picked CSV not in the roster's own shape, read by the page as a sheet.
  void start_csv(int year);
  // The reading the page should do now, once, with her column matches.
  std::optional<WorkbookReading> take_reading(const formats::ColumnAliases& aliases);
  // The page's answer: formats/workbook_json.h's roster JSON, or {"problems": [...]} when it could not read.
  void receive(std::string_view json);

  // The window while a workbook waits (once a frame): the households, once she imports them. A match she makes or
  // takes back changes `aliases` (and the workbook is read again).
  std::optional<std::vector<formats::RosterEntry>> draw(Ui& ui, formats::ColumnAliases& aliases);

  // For the browser tests: null, or the sheet, the header row, the columns, the counts and the problems.
  nlohmann::json state() const;

 private:
  // Opens the window, waiting for the page's reading.
  void begin(int year);
  // Each header it did not know, or read by her match, with a choice of column: true when she changed one.
  bool draw_matches(Ui& ui, formats::ColumnAliases& aliases);

  bool open_ = false;
  bool reading_ = false;  // asked, no answer yet
  bool to_read_ = false;
  WorkbookChoice chosen_;
  nlohmann::json answer_;  // the last roster JSON
  std::vector<formats::RosterEntry> households_;
  std::vector<std::string> problems_;  // error lines
  int people_ = 0;
};

}  // namespace zengshou::app
