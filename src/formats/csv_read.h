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
  // It reads `in` ahead of the rows it has given: nothing else reads `in` after it.
  explicit CsvReader(std::streambuf* in) : in_(in) {}

  // The next row's cells and its line, or false at the end. A quote left open ends the file: open_quote() names
  // the line it opened on.
  bool next(std::vector<std::string>& cells, int& line);
  std::optional<int> open_quote() const { return open_quote_; }
  // Whether the last row's bytes were all ASCII (then no cell needs a check for UTF-8).
  bool ascii_row() const { return high_bits_ < 0x80; }

 private:
  // The next byte without taking it, or EOF; the buffer refilled as it empties.
  int peek() { return next_ != end_ || refill() ? static_cast<unsigned char>(*next_) : std::char_traits<char>::eof(); }
  bool refill();

  std::streambuf* in_;
  std::vector<char> buffer_;  // read a block at a time, so a cell's plain bytes are copied as one run
  const char* next_ = nullptr;
  const char* end_ = nullptr;
  int line_ = 1;
  std::optional<int> open_quote_;
  unsigned char high_bits_ = 0;  // the row's bytes or-ed together
};

}  // namespace zengshou::formats
