// .xls (Excel 97–2003): BIFF8 records in the "Workbook" stream of an OLE2 compound file ([MS-CFB], [MS-XLS]).
// Our own reader, not freexl: fuzzing found freexl 1.0.6 reading past its buffers on crafted files again and again.
// Every read here is checked against the bytes it has; a sheet holds at most 65 536 rows of 256 columns, so the
// format bounds a sheet and the workbook is no larger than its file; the ReadLimits stop it as they stop an .xlsx.
// Only what a roster needs is read: sheet names, cell values (numbers as written, shared and inline strings,
// formulas' cached values), nothing of formatting.
#include <algorithm>  // stable_sort, min
#include <cstdint>
#include <cstdio>   // snprintf
#include <cstring>  // memcpy
#include <optional>
#include <string>
#include <vector>

#include "spreadsheet_read.h"
#include "text_encoding.h"  // read_sheets decodes a CSV

namespace zengshou::formats {
namespace {

uint16_t u16(std::string_view b, size_t at) {
  return static_cast<uint16_t>(static_cast<uint8_t>(b[at]) | static_cast<uint8_t>(b[at + 1]) << 8);
}
uint32_t u32(std::string_view b, size_t at) { return u16(b, at) | static_cast<uint32_t>(u16(b, at + 2)) << 16; }
bool has(std::string_view b, size_t at, size_t n) { return at <= b.size() && n <= b.size() - at; }

const std::string damaged = "expected an Excel 97–2003 workbook (.xls); this file is damaged or not one";

// ---- the compound file: a file system of sectors chained by a FAT; the workbook is one stream in it

class CompoundFile {
 public:
  explicit CompoundFile(std::string_view file) : file_(file) {}

  // The stream's bytes, or why not.
  std::optional<std::string> stream(std::u16string_view name, std::string& problem) {
    if (!read_header() || !read_fat()) return fail(problem);
    std::string directory;
    if (!read_chain(fat_, directory_start_, sector_size_, SIZE_MAX, directory)) return fail(problem);
    struct Entry {
      uint32_t start;
      uint64_t size;
    };
    std::optional<Entry> root, wanted;
    for (size_t at = 0; at + 128 <= directory.size(); at += 128) {
      const std::string_view e(directory.data() + at, 128);
      const uint8_t type = static_cast<uint8_t>(e[0x42]);
      const Entry entry{u32(e, 0x74), major_version_ == 3 ? u32(e, 0x78) : u32(e, 0x78) | uint64_t{u32(e, 0x7C)} << 32};
      if (type == 5 && !root) root = entry;
      if (type != 2 || wanted) continue;
      const size_t length = std::min<size_t>(u16(e, 0x40), 64) / 2;
      if (length == 0) continue;
      std::u16string entry_name;
      for (size_t i = 0; i + 1 < length; ++i) entry_name += static_cast<char16_t>(u16(e, 2 * i));
      if (same_name(entry_name, name)) wanted = entry;
    }
    if (!wanted) return std::nullopt;  // no such stream: not a problem of the file, the caller says what it expected
    if (wanted->size > file_.size()) return fail(problem);  // a stream never holds more than its file
    std::string bytes;
    if (wanted->size >= mini_cutoff_) {
      if (!read_chain(fat_, wanted->start, sector_size_, wanted->size, bytes)) return fail(problem);
    } else {
      // Small streams live in 64-byte pieces inside the root's stream, chained by the mini FAT.
      std::string mini_fat_bytes, mini_stream;
      if (!root || !read_chain(fat_, mini_fat_start_, sector_size_, SIZE_MAX, mini_fat_bytes) ||
          !read_chain(fat_, root->start, sector_size_, root->size, mini_stream))
        return fail(problem);
      std::vector<uint32_t> mini_fat(mini_fat_bytes.size() / 4);
      for (size_t i = 0; i < mini_fat.size(); ++i) mini_fat[i] = u32(mini_fat_bytes, 4 * i);
      if (!read_chain(mini_fat, wanted->start, 64, wanted->size, bytes, mini_stream)) return fail(problem);
    }
    bytes.resize(wanted->size);
    return bytes;
  }

 private:
  static constexpr uint32_t end_of_chain = 0xFFFFFFFE;

  static bool same_name(std::u16string_view a, std::u16string_view b) {
    const auto lower = [](char16_t c) { return c >= u'A' && c <= u'Z' ? static_cast<char16_t>(c + 32) : c; };
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [&](char16_t x, char16_t y) { return lower(x) == lower(y); });
  }
  static std::optional<std::string> fail(std::string& problem) {
    problem = damaged;
    return std::nullopt;
  }

  bool read_header() {
    if (!has(file_, 0, 512)) return false;
    major_version_ = u16(file_, 0x1A);
    const uint16_t shift = u16(file_, 0x1E);
    if (!((major_version_ == 3 && shift == 9) || (major_version_ == 4 && shift == 12))) return false;
    sector_size_ = size_t{1} << shift;
    directory_start_ = u32(file_, 0x30);
    mini_cutoff_ = u32(file_, 0x38);
    mini_fat_start_ = u32(file_, 0x3C);
    return true;
  }

  // The sector's bytes, or empty when it lies outside the file.
  std::string_view sector(uint32_t id) const {
    const uint64_t at = (uint64_t{id} + 1) * sector_size_;
    if (at >= file_.size()) return {};
    return file_.substr(at, sector_size_);
  }

  // The FAT, from the sectors the header and the DIFAT chain list.
  bool read_fat() {
    const uint32_t fat_sectors = u32(file_, 0x2C);
    if (uint64_t{fat_sectors} * sector_size_ > file_.size()) return false;
    std::vector<uint32_t> ids;
    for (size_t i = 0; i < 109 && ids.size() < fat_sectors; ++i) ids.push_back(u32(file_, 0x4C + 4 * i));
    uint32_t next = u32(file_, 0x44);
    for (size_t hops = 0; ids.size() < fat_sectors; ++hops) {
      const std::string_view s = sector(next);
      if (s.size() < sector_size_ || hops > file_.size() / sector_size_) return false;
      for (size_t i = 0; i + 1 < sector_size_ / 4 && ids.size() < fat_sectors; ++i) ids.push_back(u32(s, 4 * i));
      next = u32(s, sector_size_ - 4);
    }
    for (uint32_t id : ids) {
      const std::string_view s = sector(id);
      if (s.size() < sector_size_) return false;
      for (size_t i = 0; i < sector_size_ / 4; ++i) fat_.push_back(u32(s, 4 * i));
    }
    return true;
  }

  // A chain of pieces of `piece` bytes, from the file's sectors or from `pool` (the mini stream), up to `limit`
  // bytes. A chain that loops, leaves its table or ends short of `limit` is a damaged file.
  bool read_chain(const std::vector<uint32_t>& table, uint32_t start, size_t piece, uint64_t limit, std::string& out,
                  std::string_view pool = {}) const {
    out.clear();
    uint32_t id = start;
    for (size_t hops = 0; id != end_of_chain && out.size() < limit; ++hops) {
      if (id >= table.size() || hops > table.size()) return false;
      std::string_view bytes;
      if (pool.data() == nullptr) {
        bytes = sector(id);
      } else if (uint64_t{id} * piece < pool.size()) {
        bytes = pool.substr(size_t{id} * piece, piece);
      }
      if (bytes.size() < piece) return false;
      out.append(bytes);
      id = table[id];
    }
    return limit == SIZE_MAX || out.size() >= limit;
  }

  std::string_view file_;
  uint16_t major_version_ = 0;
  size_t sector_size_ = 512;
  uint32_t directory_start_ = 0, mini_cutoff_ = 4096, mini_fat_start_ = 0;
  std::vector<uint32_t> fat_;
};

// ---- BIFF8 records

enum Record : uint16_t {
  formula = 0x0006,
  end_of_file = 0x000A,
  filepass = 0x002F,
  continue_ = 0x003C,
  boundsheet = 0x0085,
  mulrk = 0x00BD,
  rstring = 0x00D6,
  sst = 0x00FC,
  labelsst = 0x00FD,
  number = 0x0203,
  label = 0x0204,
  boolerr = 0x0205,
  string = 0x0207,
  rk = 0x027E,
  bof = 0x0809,
};

struct RecordView {
  uint16_t type;
  std::string_view data;
};

// Reads across a record and the CONTINUE records after it, as long strings are split: where characters cross
// into the next piece, that piece begins with a byte saying whether they are one byte or two.
class PieceReader {
 public:
  explicit PieceReader(std::vector<std::string_view> pieces) : pieces_(std::move(pieces)) {}

  bool bytes(size_t n, std::string* out) {
    while (n > 0) {
      if (!next_piece_if_done()) return false;
      const size_t take = std::min(n, pieces_[piece_].size() - at_);
      if (out != nullptr) out->append(pieces_[piece_].substr(at_, take));
      at_ += take;
      n -= take;
    }
    return true;
  }
  std::optional<uint32_t> number(size_t width) {
    std::string b;
    if (!bytes(width, &b)) return std::nullopt;
    uint32_t v = 0;
    for (size_t i = width; i-- > 0;) v = v << 8 | static_cast<uint8_t>(b[i]);
    return v;
  }
  // `count` characters, one or two bytes each as `wide` says at first and each new piece says after, as UTF-16.
  bool characters(size_t count, bool wide, std::u16string& out) {
    while (count > 0) {
      if (at_ == pieces_[piece_].size()) {
        if (piece_ + 1 >= pieces_.size() || pieces_[piece_ + 1].empty()) return false;
        ++piece_;
        wide = (pieces_[piece_][0] & 1) != 0;
        at_ = 1;
        continue;
      }
      const std::string_view p = pieces_[piece_];
      if (wide) {
        if (p.size() - at_ < 2) return false;
        out += static_cast<char16_t>(u16(p, at_));
        at_ += 2;
      } else {
        out += static_cast<char16_t>(static_cast<uint8_t>(p[at_]));
        at_ += 1;
      }
      --count;
    }
    return true;
  }
  bool at_end() const { return piece_ + 1 >= pieces_.size() && at_ == pieces_[piece_].size(); }

 private:
  bool next_piece_if_done() {
    while (at_ == pieces_[piece_].size()) {
      if (piece_ + 1 >= pieces_.size()) return false;
      ++piece_;
      at_ = 0;
    }
    return true;
  }
  std::vector<std::string_view> pieces_;
  size_t piece_ = 0, at_ = 0;
};

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | c >> 6);
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | c >> 12);
    out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | c >> 18);
    out += static_cast<char>(0x80 | (c >> 12 & 0x3F));
    out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// UTF-16 as UTF-8; a lone surrogate becomes U+FFFD.
std::string utf8(std::u16string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (size_t i = 0; i < text.size(); ++i) {
    const char16_t c = text[i];
    if (c >= 0xD800 && c < 0xDC00 && i + 1 < text.size() && text[i + 1] >= 0xDC00 && text[i + 1] < 0xE000) {
      append_utf8(out, 0x10000 + ((char32_t{c} - 0xD800) << 10) + (text[++i] - 0xDC00));
    } else {
      append_utf8(out, c >= 0xD800 && c < 0xE000 ? char32_t{0xFFFD} : char32_t{c});
    }
  }
  return out;
}

// A BIFF8 string: its character count (one or two bytes wide, as the caller's record has it), a flags byte, the
// counts of rich-text runs and phonetic data it carries (skipped), then the characters.
std::optional<std::string> read_string(PieceReader& in, size_t count_width) {
  const auto count = in.number(count_width);
  const auto flags = in.number(1);
  if (!count || !flags) return std::nullopt;
  uint32_t runs = 0, phonetic = 0;
  if (*flags & 0x08) {
    const auto n = in.number(2);
    if (!n) return std::nullopt;
    runs = *n;
  }
  if (*flags & 0x04) {
    const auto n = in.number(4);
    if (!n) return std::nullopt;
    phonetic = *n;
  }
  std::u16string text;
  if (!in.characters(*count, (*flags & 1) != 0, text) || !in.bytes(size_t{runs} * 4, nullptr) ||
      !in.bytes(phonetic, nullptr))
    return std::nullopt;
  return utf8(text);
}

// A number as a spreadsheet shows it: an integer as such, a fraction to 15 significant digits (what a double
// holds), so 1234.56 reads as "1234.56".
std::string number_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.15g", value);
  return text;
}

// An RK number: 30 bits of an integer or of a double's top, perhaps in hundredths. Hundredths of an integer are
// written as decimals exactly, so 123456 hundredths is "1234.56", never a binary fraction.
std::string rk_text(uint32_t rk) {
  const bool hundredths = (rk & 1) != 0;
  if (rk & 2) {
    const int64_t whole = static_cast<int32_t>(rk) >> 2;
    if (!hundredths) return std::to_string(whole);
    const uint64_t magnitude = static_cast<uint64_t>(whole < 0 ? -whole : whole);
    std::string text = (whole < 0 ? "-" : "") + std::to_string(magnitude / 100);
    const uint64_t cents = magnitude % 100;
    if (cents != 0)
      text += cents % 10 == 0 ? "." + std::to_string(cents / 10) : (cents < 10 ? ".0" : ".") + std::to_string(cents);
    return text;
  }
  const uint64_t bits = uint64_t{rk & 0xFFFFFFFCu} << 32;
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return number_text(hundredths ? value / 100 : value);
}

// A formula's or BOOLERR's boolean or error value as Excel shows it.
std::string boolean_or_error(uint8_t value, bool error) {
  if (!error) return value != 0 ? "TRUE" : "FALSE";
  switch (value) {
    case 0x00:
      return "#NULL!";
    case 0x07:
      return "#DIV/0!";
    case 0x0F:
      return "#VALUE!";
    case 0x17:
      return "#REF!";
    case 0x1D:
      return "#NAME?";
    case 0x24:
      return "#NUM!";
    default:
      return "#N/A";
  }
}

struct CellValue {
  uint16_t row, column;
  std::string text;
  CellKind kind;
};

struct SheetEntry {
  uint32_t offset;
  std::string name;
};

class BiffReader {
 public:
  BiffReader(std::string_view stream, const ReadLimits& limits) : stream_(stream), limits_(limits) {}

  Parsed<Workbook> read() {
    Parsed<Workbook> out;
    std::string problem;
    std::vector<SheetEntry> sheets;
    if (!read_globals(sheets, problem) || !read_sheets(sheets, out.value, problem)) {
      out.errors.push_back({"the workbook", problem});
      out.value = {};
    }
    return out;
  }

 private:
  // The record at `at`, or nothing past the stream's end.
  std::optional<RecordView> record_at(size_t at) const {
    if (!has(stream_, at, 4)) return std::nullopt;
    const uint16_t length = u16(stream_, at + 2);
    if (!has(stream_, at + 4, length)) return std::nullopt;
    return RecordView{u16(stream_, at), stream_.substr(at + 4, length)};
  }
  // A record's data and the CONTINUE records after it; `at` moves past them all.
  std::vector<std::string_view> with_continues(size_t& at) const {
    std::vector<std::string_view> pieces;
    for (auto r = record_at(at); r && (pieces.empty() || r->type == continue_); r = record_at(at)) {
      pieces.push_back(r->data);
      at += 4 + r->data.size();
    }
    return pieces;
  }

  // The BOF at `at` must open a BIFF8 substream of the expected kind.
  bool opens_biff8(size_t at, uint16_t kind, std::string& problem) const {
    const auto r = record_at(at);
    if (!r || r->type != bof || r->data.size() < 4) {
      problem = damaged;
      return false;
    }
    if (u16(r->data, 0) != 0x0600) {
      problem =
          "expected an Excel 97–2003 workbook; this one is from an older Excel (5.0/95): open it in Excel or "
          "WPS and save it as .xlsx (另存为 Excel 工作簿)";
      return false;
    }
    if (u16(r->data, 2) != kind) {
      problem = damaged;
      return false;
    }
    return true;
  }

  // The globals: the sheets' names and places, the shared strings, a password.
  bool read_globals(std::vector<SheetEntry>& sheets, std::string& problem) {
    if (!opens_biff8(0, 0x0005, problem)) return false;
    size_t at = 0;
    while (true) {
      const auto r = record_at(at);
      if (!r) {
        problem = damaged;
        return false;
      }
      if (r->type == filepass) {
        problem = "expected a workbook without a password (open it in Excel or WPS, remove the password, save again)";
        return false;
      }
      if (r->type == end_of_file) break;
      if (r->type == boundsheet && r->data.size() >= 8) {
        // Worksheets only (0): not charts, macros or dialogs.
        if (static_cast<uint8_t>(r->data[5]) == 0) {
          PieceReader name_in({r->data.substr(6)});
          const auto name = read_string(name_in, 1);
          if (!name) {
            problem = damaged;
            return false;
          }
          sheets.push_back({u32(r->data, 0), *name});
          if (sheets.size() > limits_.max_sheets) {
            problem = "expected at most " + std::to_string(limits_.max_sheets) + " sheets in the workbook";
            return false;
          }
        }
      }
      if (r->type == sst) {
        size_t next = at;
        PieceReader in(with_continues(next));
        const auto total = in.number(4), unique = in.number(4);
        if (!total || !unique) {
          problem = damaged;
          return false;
        }
        for (uint32_t i = 0; i < *unique && !in.at_end(); ++i) {
          auto text = read_string(in, 2);
          if (!text) {
            problem = damaged;
            return false;
          }
          if (!count_text(text->size(), problem)) return false;
          strings_.push_back(std::move(*text));
        }
        at = next;
        continue;
      }
      at += 4 + r->data.size();
    }
    if (sheets.empty()) {
      problem = "expected at least one sheet in the workbook";
      return false;
    }
    return true;
  }

  bool too_many_cells(std::string& problem) const {
    problem = "expected at most " + std::to_string(limits_.max_cells) + " cells in the workbook";
    return false;
  }

  bool count_text(size_t size, std::string& problem) {
    text_bytes_ += size;
    if (text_bytes_ <= limits_.max_text_bytes) return true;
    problem = "expected at most " + std::to_string(limits_.max_text_bytes >> 20) + " MB of text in the workbook";
    return false;
  }

  bool read_sheets(const std::vector<SheetEntry>& entries, Workbook& book, std::string& problem) {
    for (const SheetEntry& entry : entries) {
      Sheet sheet;
      sheet.name = entry.name;
      if (!read_sheet(entry.offset, sheet, problem)) return false;
      book.sheets.push_back(std::move(sheet));
    }
    return true;
  }

  bool read_sheet(size_t at, Sheet& sheet, std::string& problem) {
    if (!opens_biff8(at, 0x0010, problem)) {
      if (problem == damaged) problem = "expected a readable sheet \"" + sheet.name + "\" (the file is damaged)";
      return false;
    }
    std::vector<CellValue> cells;
    std::optional<std::pair<uint16_t, uint16_t>> formula_awaiting_string;
    const auto add = [&](uint16_t row, uint16_t column, std::string text, CellKind kind) {
      if (cells_ + cells.size() >= limits_.max_cells) return too_many_cells(problem);
      if (!count_text(text.size(), problem)) return false;
      cells.push_back({row, column, std::move(text), kind});
      return true;
    };
    at += 4 + record_at(at)->data.size();
    while (true) {
      const auto r = record_at(at);
      // Sheets lie apart in a real file; sheets laid over each other would be read again and again.
      scanned_ += r ? 4 + r->data.size() : 0;
      if (!r || scanned_ > stream_.size()) {
        problem = "expected a readable sheet \"" + sheet.name + "\" (the file is damaged)";
        return false;
      }
      if (r->type == end_of_file) break;
      const std::string_view d = r->data;
      bool ok = true;
      if (r->type == string && formula_awaiting_string) {
        size_t next = at;
        PieceReader in(with_continues(next));
        const auto text = read_string(in, 2);
        if (text && !text->empty())
          ok = add(formula_awaiting_string->first, formula_awaiting_string->second, *text, CellKind::text);
        formula_awaiting_string.reset();
        at = next;
        if (!ok) return false;
        continue;
      }
      if (d.size() >= 6) {
        const uint16_t row = u16(d, 0), column = u16(d, 2);
        switch (r->type) {
          case labelsst:
            if (d.size() >= 10) {
              const uint32_t index = u32(d, 6);
              if (index >= strings_.size()) {
                problem = "expected a readable sheet \"" + sheet.name + "\" (the file is damaged)";
                return false;
              }
              if (!strings_[index].empty()) ok = add(row, column, strings_[index], CellKind::text);
            }
            break;
          case label:
          case rstring: {
            PieceReader in({d.substr(6)});
            const auto text = read_string(in, 2);
            if (text && !text->empty()) ok = add(row, column, *text, CellKind::text);
            break;
          }
          case number:
            if (d.size() >= 14) {
              double value;
              std::memcpy(&value, d.data() + 6, sizeof value);
              ok = add(row, column, number_text(value), CellKind::number);
            }
            break;
          case rk:
            if (d.size() >= 10) ok = add(row, column, rk_text(u32(d, 6)), CellKind::number);
            break;
          case mulrk:
            // Several RK numbers in a row: (format, number) pairs from the first column on, the last column at
            // the end.
            for (size_t i = 0; ok && 4 + 6 * i + 6 + 2 <= d.size(); ++i)
              ok = add(row, static_cast<uint16_t>(column + i), rk_text(u32(d, 4 + 6 * i + 2)), CellKind::number);
            break;
          case boolerr:
            if (d.size() >= 8) ok = add(row, column, boolean_or_error(d[6], d[7] != 0), CellKind::text);
            break;
          case formula:
            // The value Excel computed and kept: a number, or (marked by 0xFFFF in its top bytes) a string in the
            // STRING record that follows, a boolean, an error, or empty. A formula never computed has none.
            if (d.size() >= 14) {
              if (u16(d, 12) != 0xFFFF) {
                double value;
                std::memcpy(&value, d.data() + 6, sizeof value);
                ok = add(row, column, number_text(value), CellKind::number);
              } else if (d[6] == 0) {
                formula_awaiting_string.emplace(row, column);
              } else if (d[6] == 1 || d[6] == 2) {
                ok = add(row, column, boolean_or_error(d[8], d[6] == 2), CellKind::text);
              }
            }
            break;
          default:
            break;
        }
      }
      if (!ok) return false;
      at += 4 + d.size();
    }
    return build_rows(cells, sheet, problem);
  }

  // Cells into rows in order (records come by row, but nothing in the format promises it); a cell written twice
  // keeps its last value. The empty cells left of a cell count against the limit: they take memory too.
  bool build_rows(std::vector<CellValue>& cells, Sheet& sheet, std::string& problem) {
    std::stable_sort(cells.begin(), cells.end(), [](const CellValue& a, const CellValue& b) {
      return a.row != b.row ? a.row < b.row : a.column < b.column;
    });
    size_t rows = 0;
    int last_row = -1;
    for (size_t i = 0; i < cells.size(); ++i) {
      const CellValue& c = cells[i];
      if (i + 1 < cells.size() && cells[i + 1].row == c.row && cells[i + 1].column == c.column) continue;
      if (c.row != last_row) {
        last_row = c.row;
        if (++rows > limits_.max_rows) {
          problem = "expected at most " + std::to_string(limits_.max_rows) + " rows in sheet \"" + sheet.name +
                    "\" (split the sheet, or import it in parts)";
          return false;
        }
        sheet.add_row(c.row + 1);
      }
      const size_t width = sheet.columns(sheet.rows() - 1);
      cells_ += c.column >= width ? c.column + 1 - width : 1;
      if (cells_ > limits_.max_cells) return too_many_cells(problem);
      sheet.add_cell(c.column, c.text, c.kind);
    }
    return true;
  }

  std::string_view stream_;
  const ReadLimits& limits_;
  std::vector<std::string> strings_;
  size_t cells_ = 0, text_bytes_ = 0, scanned_ = 0;
};

}  // namespace

Parsed<Workbook> read_xls(std::string_view bytes, const ReadLimits& limits) {
  const auto fail = [](std::string what) { return Parsed<Workbook>{{}, {{"the workbook", std::move(what)}}}; };
  CompoundFile file(bytes);
  std::string problem;
  const auto workbook = file.stream(u"Workbook", problem);
  if (!workbook) {
    if (!problem.empty()) return fail(problem);
    std::string older;
    if (file.stream(u"Book", older))
      return fail(
          "expected an Excel 97–2003 workbook; this one is from an older Excel (5.0/95): open it in Excel or "
          "WPS and save it as .xlsx (另存为 Excel 工作簿)");
    return fail("expected an Excel workbook; this Office file has no workbook in it (a Word .doc or another file?)");
  }
  return BiffReader(*workbook, limits).read();
}

Parsed<Workbook> read_workbook(std::string_view bytes, const ReadLimits& limits) {
  switch (sniff_file(bytes)) {
    case FileKind::xlsx:
      return read_xlsx(bytes, limits);
    case FileKind::xls:
      return read_xls(bytes, limits);
    case FileKind::encrypted:
      return {{},
              {{"the workbook",
                "expected a workbook without a password (open it in Excel or WPS, remove the "
                "password, save again)"}}};
    case FileKind::text:
      break;
  }
  return {{}, {{"the workbook", "expected an .xlsx or .xls workbook"}}};
}

Parsed<Workbook> read_sheets(std::string bytes, const ReadLimits& limits) {
  if (sniff_file(bytes) != FileKind::text) return read_workbook(bytes, limits);
  DecodedText decoded = decode_text(std::move(bytes));
  auto csv = read_csv(decoded.text);
  Parsed<Workbook> out;
  out.errors = std::move(csv.errors);
  if (out.ok()) out.value.sheets.push_back(std::move(csv.value));
  return out;
}

}  // namespace zengshou::formats
