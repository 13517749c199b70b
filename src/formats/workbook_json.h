// Workbooks across a JSON boundary. The browser keeps the spreadsheet libraries (0.6 MB of WebAssembly) out of the
// app, in a module of their own loaded the first time a workbook is opened or written (src/web/files); the app and
// that module speak these two calls' JSON, which the native tests check as well.
#pragma once

#include <string>       // JSON, bytes
#include <string_view>  // file bytes, JSON

#include "table.h"

namespace zengshou::formats {

// A workbook's roster (or a CSV's, as a workbook of one sheet with no name), read as `options` say — {"sheet": index
// (absent or < 0: the sheet that looks like the roster), "year" and "category" (core::Category's index) for a sheet
// without those columns, "columns": {header: column} (her own matches, SheetDefaults::columns)} — as {"sheets":
// [names], "sheet": index, "header_row": n, "used": [headers], "matched": [headers], "ignored": [headers],
// "households": [household JSON], "problems": ["error: …"]}.
std::string workbook_roster_json(std::string_view bytes, std::string_view options);

// A workbook's bytes from {"sheets": [{"name", "header": [text], "rows": [[text]]}]} (xlsx_write.h), or what went
// wrong with the JSON.
Parsed<std::string> xlsx_from_json(std::string_view spec);

}  // namespace zengshou::formats
