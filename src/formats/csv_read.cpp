// A CSV as a sheet (RFC 4180: quoted fields may hold commas, quotes ("") and line breaks), so a roster CSV is read
// as a workbook's sheet is: its header found under any title lines, its columns by their English or Chinese names.
// Each row keeps the line it starts on, and every cell of it, empty ones too, so a row wider than its header shows.
#include <string>

#include "spreadsheet_read.h"
#include "text_encoding.h"  // first_invalid_utf8

namespace zengshou::formats {

Parsed<Sheet> read_csv(std::string_view text) {
  Parsed<Sheet> out;
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    out.errors.push_back({"line 1", "expected UTF-8 text; this text is UTF-16 (save the spreadsheet as CSV UTF-8)"});
    return out;
  }
  if (const auto bad = first_invalid_utf8(text)) {
    out.errors.push_back(
        {"line " + std::to_string(bad->line), "expected UTF-8 text (save the spreadsheet as CSV UTF-8)"});
    return out;
  }
  Sheet& sheet = out.value;
  std::string cell;
  size_t column = 0;
  bool quoted = false, any = false, in_row = false;
  int line = 1, row_line = 1, quote_line = 0;
  const auto end_cell = [&] {
    if (!in_row) sheet.add_row(row_line);
    in_row = true;
    sheet.add_cell(column++, cell, CellKind::text);
    cell.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = any = true;
      quote_line = line;
    } else if (c == ',') {
      end_cell();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !cell.empty()) end_cell();  // a blank line is no row
      cell.clear();
      any = in_row = false;
      column = 0;
      row_line = ++line;
    } else {
      cell += c;
      any = true;
    }
  }
  if (quoted) {
    out.errors.push_back({"line " + std::to_string(quote_line), "expected a closing quote (\") for the cell it opens"});
    out.value = {};
    return out;
  }
  if (any || !cell.empty()) end_cell();
  return out;
}

}  // namespace zengshou::formats
