// A spreadsheet as the roster importer reads it, whatever file it came from (.xlsx, .xls, CSV): sheets of rows of
// cells, each cell its text as written — a number keeps its decimal digits ("1500", "1234.5"), so money is read to
// the fen without a binary fraction in between. Cells live in one text pool per sheet: a 300 000-row sheet fits a
// phone's memory.
#pragma once

#include <cstddef>      // sizes
#include <cstdint>      // cell offsets
#include <string>       // the pool, names
#include <string_view>  // cells
#include <vector>       // cells, rows, sheets

#include "core/error.h"

namespace zengshou::formats {

using core::InputError;
using core::InputErrors;
using core::Parsed;

enum class CellKind : uint8_t { empty, text, number };

class Sheet {
 public:
  std::string name;

  // Rows as read, in order; each remembers its number in the workbook (1-based, as the spreadsheet shows it).
  size_t rows() const { return row_numbers_.size(); }
  int row_number(size_t row) const { return row_numbers_[row]; }
  size_t columns(size_t row) const { return row_end(row) - row_starts_[row]; }
  size_t widest_row() const;
  std::string_view text(size_t row, size_t column) const;
  CellKind kind(size_t row, size_t column) const;
  size_t cells() const { return cells_.size(); }
  size_t text_bytes() const { return pool_.size(); }

  // Building: a row, then its cells left to right; a column skipped is an empty cell.
  void add_row(int number);
  void add_cell(size_t column, std::string_view text, CellKind kind);

 private:
  struct Cell {
    uint32_t offset = 0;
    uint32_t length = 0;
    CellKind kind = CellKind::empty;
  };
  size_t row_end(size_t row) const { return row + 1 < row_starts_.size() ? row_starts_[row + 1] : cells_.size(); }
  std::string pool_;
  std::vector<Cell> cells_;
  std::vector<uint32_t> row_starts_;
  std::vector<int> row_numbers_;
};

struct Workbook {
  std::vector<Sheet> sheets;
};

// What a reader will take before it stops with an error: a file past these is not a roster (or is a zip bomb).
struct ReadLimits {
  size_t max_rows = 400000;                // a sheet's rows: 100 000 households of about four members
  size_t max_cells = 8000000;              // a workbook's cells
  size_t max_text_bytes = 256u << 20;      // a workbook's cell text
  size_t max_unpacked_bytes = 512u << 20;  // what the parts of an .xlsx unpack to, in all
  size_t max_sheets = 256;
};

// The column's letters as a spreadsheet names them: 0 → "A", 26 → "AA".
std::string column_letters(size_t column);
// "Sheet1!B7": where a cell is, for problems.
std::string cell_place(const Sheet& sheet, size_t row, size_t column);

}  // namespace zengshou::formats
