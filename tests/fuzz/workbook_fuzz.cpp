// Fuzzes the workbook readers (.xlsx through minizip and expat, .xls by our own BIFF8 reader) and the sheet roster behind
// them, as the CLI and the app read a file: any bytes give sheets or one problem, within the limits, never a crash;
// a sheet's roster is whole or empty.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/roster_file.h"
#include "formats/spreadsheet_read.h"
#include "fuzz_check.h"

using namespace zengshou::formats;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Small limits, so that a run stays fast; the limits' own checks are what is tested.
  const ReadLimits limits{.max_rows = 2000,
                          .max_cells = 20000,
                          .max_text_bytes = 1u << 20,
                          .max_unpacked_bytes = 8u << 20,
                          .max_sheets = 16};
  const auto w = read_workbook(std::string_view(reinterpret_cast<const char*>(data), size), limits);
  FUZZ_CHECK(w.ok() || w.value.sheets.empty());
  size_t cells = 0;
  for (const Sheet& sheet : w.value.sheets) {
    FUZZ_CHECK(sheet.rows() <= limits.max_rows);
    cells += sheet.cells();
    for (size_t r = 0; r < sheet.rows(); ++r)
      for (size_t c = 0; c <= sheet.columns(r); ++c) (void)sheet.text(r, c);  // one past the end reads empty
    const RosterRead roster = parse_roster_sheet(sheet, {2024, zengshou::core::Category::tuopin});
    FUZZ_CHECK(roster.roster.ok() || roster.roster.value.empty());
  }
  FUZZ_CHECK(cells <= limits.max_cells);
  return 0;
}
