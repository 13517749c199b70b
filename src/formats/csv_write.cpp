#include "csv_write.h"

namespace zengshou::formats {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

void append_row(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_cell(cells[i]);
  }
  out += "\r\n";
}

}  // namespace

bool is_plain_number(std::string_view cell) {
  size_t i = 0;
  if (i < cell.size() && (cell[i] == '+' || cell[i] == '-')) ++i;
  const size_t integer_start = i;
  while (i < cell.size() && is_digit(cell[i])) ++i;
  if (i == integer_start) return false;
  if (i < cell.size() && cell[i] == '.') {
    const size_t fraction_start = ++i;
    while (i < cell.size() && is_digit(cell[i])) ++i;
    if (i == fraction_start) return false;
  }
  return i == cell.size();
}

std::string spreadsheet_text(std::string_view cell) {
  constexpr std::string_view formula_starts = "=+-@\t\r";
  if (cell.empty() || formula_starts.find(cell.front()) == std::string_view::npos || is_plain_number(cell))
    return std::string(cell);
  return "'" + std::string(cell);
}

std::string csv_cell(std::string_view cell) {
  const std::string text = spreadsheet_text(cell);
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string csv_document(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::string out = "\xEF\xBB\xBF";
  append_row(out, header);
  for (const auto& row : rows) append_row(out, row);
  return out;
}

}  // namespace zengshou::formats
