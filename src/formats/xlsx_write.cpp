#include "xlsx_write.h"

#include <unistd.h>  // mkstemp, close, unlink
#include <xlsxwriter.h>

#include <algorithm>  // min, max
#include <cstdlib>    // mkstemp
#include <fstream>    // reading the written file back
#include <iterator>   // istreambuf_iterator
#include <set>        // sheet names taken

#include "core/money.h"
#include "csv_write.h"

namespace zengshou::formats {
namespace {

// The UTF-8 characters of `text`, each with its display width: 2 for CJK and full-width, 1 otherwise.
size_t display_width(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    width += n >= 3 ? 2 : 1;
    i += n;
  }
  return width;
}

// At most `count` characters of `text`, cut on a character boundary.
std::string first_characters(std::string_view text, size_t count) {
  size_t bytes = 0;
  for (size_t characters = 0; bytes < text.size() && characters < count; ++characters) {
    ++bytes;
    while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) ++bytes;
  }
  return std::string(text.substr(0, bytes));
}

// A sheet name Excel takes: no [ ] : * ? / \, at most 31 characters, not empty, not one already taken.
std::string sheet_name(std::string_view wanted, std::set<std::string>& taken) {
  std::string name;
  for (char c : wanted) name += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  while (!name.empty() && name.front() == '\'') name.erase(name.begin());  // nor begin or end with '
  while (!name.empty() && name.back() == '\'') name.pop_back();
  if (name.empty()) name = "Sheet";
  name = first_characters(name, 31);
  std::string unique = name;
  for (int n = 2; taken.contains(unique); ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    unique = first_characters(name, 31 - suffix.size()) + suffix;
  }
  taken.insert(unique);
  return unique;
}

}  // namespace

Parsed<std::string> write_xlsx(const std::vector<TableSheet>& sheets) {
  Parsed<std::string> out;
  char path[] = "/tmp/zengshou-xlsx-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) {
    out.errors.push_back({"the workbook", "expected room for a temporary file to write it in"});
    return out;
  }
  ::close(fd);
  lxw_workbook_options options{};
  options.tmpdir = const_cast<char*>("/tmp");
  lxw_workbook* workbook = workbook_new_opt(path, &options);
  if (workbook == nullptr) {
    ::unlink(path);
    out.errors.push_back({"the workbook", "expected memory to write it in"});
    return out;
  }
  lxw_format* header = workbook_add_format(workbook);
  format_set_bold(header);
  format_set_bg_color(header, 0xE8EEF7);
  lxw_format* yuan = workbook_add_format(workbook);
  format_set_num_format(yuan, "0.00");
  lxw_format* whole = workbook_add_format(workbook);
  format_set_num_format(whole, "0");
  std::set<std::string> taken;
  for (const TableSheet& table : sheets) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name(table.name, taken).c_str());
    if (sheet == nullptr) {  // a name sheet_name let through that libxlsxwriter refuses
      workbook_close(workbook);
      ::unlink(path);
      out.errors.push_back({"the workbook", "expected a sheet name Excel takes, got \"" + table.name + "\""});
      return out;
    }
    std::vector<size_t> widths(table.header.size(), 4);
    for (size_t c = 0; c < table.header.size(); ++c) {
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.header[c].c_str(), header);
      widths[c] = std::max(widths[c], display_width(table.header[c]));
    }
    for (size_t r = 0; r < table.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (size_t c = 0; c < table.rows[r].size(); ++c) {
        const std::string& cell = table.rows[r][c];
        const auto column = static_cast<lxw_col_t>(c);
        if (c >= widths.size()) widths.resize(c + 1, 4);
        widths[c] = std::max(widths[c], display_width(cell));
        if (cell.empty()) continue;
        // A figure as the app writes it ("1234.56", "-12.50", "300") is a number; anything else is text.
        const auto fen = is_plain_number(cell) ? core::parse_yuan_text(cell) : std::nullopt;
        if (fen) {
          const bool decimals = cell.find('.') != std::string::npos;
          worksheet_write_number(sheet, row, column, static_cast<double>(*fen) / 100.0, decimals ? yuan : whole);
        } else {
          worksheet_write_string(sheet, row, column, cell.c_str(), nullptr);
        }
      }
    }
    for (size_t c = 0; c < widths.size(); ++c)
      worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           static_cast<double>(std::min<size_t>(widths[c], 60) + 2), nullptr);
    worksheet_freeze_panes(sheet, 1, 0);
  }
  const lxw_error closed = workbook_close(workbook);
  if (closed != LXW_NO_ERROR) {
    ::unlink(path);
    out.errors.push_back({"the workbook", std::string("expected to write it: ") + lxw_strerror(closed)});
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  out.value.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  ::unlink(path);
  return out;
}

}  // namespace zengshou::formats
