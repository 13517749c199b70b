// A CSV as a sheet, so a roster CSV is read as a workbook's sheet is: its header found under any title lines, its
// columns by their English or Chinese names. Each row keeps the line it starts on, and every cell of it, empty ones
// too, so a row wider than its header shows.
#include "csv_read.h"

#include <sstream>  // the text as a stream

#include "spreadsheet_read.h"
#include "text_encoding.h"  // first_invalid_utf8

namespace zengshou::formats {

bool CsvReader::refill() {
  if (buffer_.empty()) buffer_.resize(64 * 1024);
  const auto n = in_->sgetn(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  next_ = buffer_.data();
  end_ = next_ + (n > 0 ? n : 0);
  return n > 0;
}

bool CsvReader::next(std::vector<std::string>& cells, int& line) {
  // Cells are written over the strings already in `cells`, which keep their room from row to row.
  size_t n = 0;
  const auto start_cell = [&]() -> std::string& {
    if (n == cells.size()) cells.emplace_back();
    std::string& cell = cells[n++];
    cell.clear();
    return cell;
  };
  std::string* cell = &start_cell();
  high_bits_ = 0;
  bool quoted = false, any = false;
  int quote_line = 0;
  line = line_;
  while (peek() != std::char_traits<char>::eof()) {
    // The bytes up to the next one that means something, as one run.
    const char* run = next_;
    unsigned char bits = 0;
    if (quoted)
      for (; run != end_ && *run != '"' && *run != '\n'; ++run) bits |= static_cast<unsigned char>(*run);
    else
      for (; run != end_ && *run != ',' && *run != '"' && *run != '\n' && *run != '\r'; ++run)
        bits |= static_cast<unsigned char>(*run);
    high_bits_ |= bits;
    if (run != next_) {
      cell->append(next_, static_cast<size_t>(run - next_));
      any = any || !quoted;
      next_ = run;
      continue;
    }
    const char c = *next_++;
    if (quoted) {
      if (c == '"' && peek() == '"') {
        *cell += '"';
        ++next_;
      } else if (c == '"') {
        quoted = false;
      } else {  // a line break inside the quotes
        ++line_;
        *cell += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = any = true;
      quote_line = line_;
    } else if (c == ',') {
      cell = &start_cell();
      any = true;
    } else {  // \n or \r
      if (c == '\r' && peek() == '\n') ++next_;
      ++line_;
      if (any || !cell->empty()) {
        cells.resize(n);
        return true;
      }
      line = line_;  // a blank line is no row
    }
  }
  cells.resize(n);
  if (quoted) {
    open_quote_ = quote_line;
    return false;
  }
  return any || !cells.back().empty();
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
