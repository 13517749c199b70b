// CSV rows one at a time from a stream (RFC 4180: quoted cells may hold commas, quotes ("") and line breaks), each
// with the line it starts on; a blank line is no row. The one CSV splitter: read_csv (a CSV as a sheet) and the
// batch's RosterStream both read through it.
#pragma once

#include <optional>   // an open quote's line
#include <streambuf>  // the bytes
#include <string>
#include <vector>

namespace zengshou::formats {

class CsvReader {
 public:
  explicit CsvReader(std::streambuf* in) : in_(in) {}

  // The next row's cells and its line, or false at the end. A quote left open ends the file: open_quote() names
  // the line it opened on.
  bool next(std::vector<std::string>& cells, int& line);
  std::optional<int> open_quote() const { return open_quote_; }

 private:
  std::streambuf* in_;
  int line_ = 1;
  std::optional<int> open_quote_;
};

}  // namespace zengshou::formats
