// Writing .xlsx (libxlsxwriter): the app's tables, one sheet each, as Excel and WPS open them — Chinese headers in
// bold on a frozen first row, columns as wide as their text, figures as numbers (yuan with two decimals, counts as
// whole numbers), every other cell as text. Text is never a formula: a cell that begins with = + - @ stays the text
// it is (libxlsxwriter writes it as a string; only its formula call writes formulas).
#pragma once

#include <string>  // bytes, names
#include <vector>  // sheets, rows

#include "table.h"

namespace zengshou::formats {

struct TableSheet {
  std::string name;  // cut to Excel's 31 characters, [ ] : * ? / \ replaced, made unique
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// The workbook's bytes, or what went wrong.
Parsed<std::string> write_xlsx(const std::vector<TableSheet>& sheets);

}  // namespace zengshou::formats
