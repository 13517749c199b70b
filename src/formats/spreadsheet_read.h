// Reading a cadre's workbook as it is: .xlsx (Excel, WPS, LibreOffice; minizip and expat, streamed so a file
// never unpacks whole), .xls (Excel 97–2003; our own BIFF8 reader) — every sheet, every row with its number. A broken,
// encrypted or oversized file is one clear problem, read in bounded time and memory (ReadLimits).
#pragma once

#include <string_view>  // the file's bytes

#include "table.h"

namespace zengshou::formats {

enum class FileKind { xlsx, xls, encrypted, text };

// What a file is by its first bytes: a zip (.xlsx), an OLE2 compound file (.xls, or an encrypted .xlsx, which
// Office stores the same way), or text (CSV, JSON).
FileKind sniff_file(std::string_view bytes);

Parsed<Workbook> read_xlsx(std::string_view bytes, const ReadLimits& limits = {});
Parsed<Workbook> read_xls(std::string_view bytes, const ReadLimits& limits = {});
// An .xlsx or .xls by sniff_file; text is not a workbook.
Parsed<Workbook> read_workbook(std::string_view bytes, const ReadLimits& limits = {});

// A CSV (UTF-8 text) as one sheet with no name: its rows are numbered by the line each starts on, and its places
// are lines ("line 3, column …"), as a CSV's always were.
Parsed<Sheet> read_csv(std::string_view text);
// A file as sheets: a workbook, or a CSV (UTF-8 or GBK, decoded by text_encoding.h) as a workbook of one sheet.
Parsed<Workbook> read_sheets(std::string bytes, const ReadLimits& limits = {});

}  // namespace zengshou::formats
