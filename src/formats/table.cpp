#include "table.h"

#include <algorithm>  // max

namespace zengshou::formats {

size_t Sheet::widest_row() const {
  size_t widest = 0;
  for (size_t r = 0; r < rows(); ++r) widest = std::max(widest, columns(r));
  return widest;
}

std::string_view Sheet::text(size_t row, size_t column) const {
  if (row >= rows() || column >= columns(row)) return {};
  const Cell& c = cells_[row_starts_[row] + column];
  return std::string_view(pool_).substr(c.offset, c.length);
}

CellKind Sheet::kind(size_t row, size_t column) const {
  if (row >= rows() || column >= columns(row)) return CellKind::empty;
  return cells_[row_starts_[row] + column].kind;
}

void Sheet::add_row(int number) {
  row_starts_.push_back(static_cast<uint32_t>(cells_.size()));
  row_numbers_.push_back(number);
}

void Sheet::add_cell(size_t column, std::string_view text, CellKind kind) {
  if (row_starts_.empty()) add_row(1);
  const size_t first = row_starts_.back();
  while (cells_.size() - first < column) cells_.push_back({});
  if (cells_.size() - first > column) return;  // a column given twice (or out of order): the first one stands
  if (text.empty()) kind = CellKind::empty;
  cells_.push_back({static_cast<uint32_t>(pool_.size()), static_cast<uint32_t>(text.size()), kind});
  pool_.append(text);
}

std::string column_letters(size_t column) {
  std::string letters;
  for (size_t n = column + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), char('A' + (n - 1) % 26));
  return letters;
}

std::string cell_place(const Sheet& sheet, size_t row, size_t column) {
  return sheet.name + "!" + column_letters(column) + std::to_string(sheet.row_number(row));
}

}  // namespace zengshou::formats
