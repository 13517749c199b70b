// A CSV as a sheet, so a roster CSV is read as a workbook's sheet is: its header found under any title lines, its
// columns by their English or Chinese names. Each row keeps the line it starts on, and every cell of it, empty ones
// too, so a row wider than its header shows.
#include "csv_read.h"

#include <sstream>  // the text as a stream

#include "spreadsheet_read.h"
#include "text_encoding.h"  // first_invalid_utf8

namespace zengshou::formats {

bool CsvReader::next(std::vector<std::string>& cells, int& line) {
  cells.clear();
  std::string cell;
  bool quoted = false, any = false;
  int quote_line = 0;
  line = line_;
  for (int ch = in_->sbumpc(); ch != std::char_traits<char>::eof(); ch = in_->sbumpc()) {
    const char c = static_cast<char>(ch);
    if (quoted) {
      if (c == '"' && in_->sgetc() == '"') {
        cell += '"';
        in_->sbumpc();
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line_;
        cell += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = any = true;
      quote_line = line_;
    } else if (c == ',') {
      cells.push_back(std::move(cell));
      cell.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && in_->sgetc() == '\n') in_->sbumpc();
      ++line_;
      if (any || !cell.empty()) {
        cells.push_back(std::move(cell));
        return true;
      }
      line = line_;  // a blank line is no row
    } else {
      cell += c;
      any = true;
    }
  }
  if (quoted) {
    open_quote_ = quote_line;
    return false;
  }
  if (any || !cell.empty()) {
    cells.push_back(std::move(cell));
    return true;
  }
  return false;
}

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
  std::istringstream in{std::string(text)};
  CsvReader reader(in.rdbuf());
  std::vector<std::string> cells;
  int line = 0;
  while (reader.next(cells, line)) {
    out.value.add_row(line);
    for (size_t c = 0; c < cells.size(); ++c) out.value.add_cell(c, cells[c], CellKind::text);
  }
  if (const auto quote = reader.open_quote()) {
    out.errors.push_back({"line " + std::to_string(*quote), "expected a closing quote (\") for the cell it opens"});
    out.value = {};
  }
  return out;
}

}  // namespace zengshou::formats
