// Writing CSV for spreadsheet programs (Excel, WPS): the one place every export's cells are written, so the rule
// against formula injection (OWASP "CSV Injection") holds for all of them. The coming .xlsx writer uses the same
// cell rule (spreadsheet_text).
#pragma once

#include <string>       // the file's text
#include <string_view>  // a cell
#include <vector>       // rows of cells

namespace zengshou::formats {

// A plain number as the app writes figures: an optional sign, digits, and an optional decimal part ("-12.50",
// "+3", "1200"). A spreadsheet reads it as that number and runs nothing.
bool is_plain_number(std::string_view cell);

// The cell as a spreadsheet should receive it. A cell that begins with = + - @, a tab or a carriage return would be
// read as a formula (or a DDE command), so it gets a leading ' and is shown as the text it is — unless it is a
// plain number (a difference such as "-12.50" or "+3"), which stays a number.
std::string spreadsheet_text(std::string_view cell);

// The cell as CSV: spreadsheet_text, then in double quotes (inner quotes doubled) when it holds a comma, a quote,
// a line feed or a carriage return.
std::string csv_cell(std::string_view cell);

// A whole CSV file: UTF-8 with a byte-order mark (so Excel and WPS read the Chinese right), the header row, then the
// rows; lines end in CR LF.
std::string csv_document(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

}  // namespace zengshou::formats
