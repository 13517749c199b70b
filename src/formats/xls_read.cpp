// .xls (Excel 97–2003, BIFF in an OLE2 compound file), through freexl, which opens a path: the bytes go to a
// temporary file first (in the browser, the in-memory file system). A sheet holds at most 65 536 rows of 256 columns,
// so its size is bounded by the format; a workbook past the limits still stops with the same problems as an .xlsx.
#include <freexl.h>
#include <unistd.h>  // mkstemp, write, unlink

#include <cstdio>   // snprintf
#include <cstdlib>  // mkstemp
#include <string>

#include "spreadsheet_read.h"

namespace zengshou::formats {
namespace {

// A temporary copy of the bytes, removed when done.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::string_view bytes) {
    char name[] = "/tmp/zengshou-XXXXXX";
    const int fd = mkstemp(name);
    if (fd < 0) return;
    path_ = name;
    size_t written = 0;
    while (written < bytes.size()) {
      const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
      if (n <= 0) break;
      written += static_cast<size_t>(n);
    }
    ::close(fd);
    if (written != bytes.size()) path_.clear();
  }
  ~TemporaryFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class Handle {
 public:
  ~Handle() {
    if (handle != nullptr) freexl_close(handle);
  }
  const void* handle = nullptr;
};

// A number as a spreadsheet shows it: an integer as such, a fraction to 15 significant digits (what a double
// holds), so 1234.56 reads as "1234.56".
std::string number_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.15g", value);
  return text;
}

}  // namespace

Parsed<Workbook> read_xls(std::string_view bytes, const ReadLimits& limits) {
  Parsed<Workbook> out;
  const auto fail = [&](std::string what) {
    out.errors.push_back({"the workbook", std::move(what)});
    out.value = {};
    return out;
  };
  const TemporaryFile file(bytes);
  if (file.path().empty()) return fail("expected room for a temporary copy of the workbook");
  Handle xls;
  const int opened = freexl_open(file.path().c_str(), &xls.handle);
  if (opened == FREEXL_INSUFFICIENT_MEMORY) return fail("expected a smaller workbook (not enough memory to read it)");
  if (opened != FREEXL_OK)
    return fail("expected an Excel 97–2003 workbook (.xls); this file is damaged or not one (freexl error " +
                std::to_string(opened) + ")");
  unsigned int password = 0;
  if (freexl_get_info(xls.handle, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK && password == FREEXL_BIFF_OBFUSCATED)
    return fail("expected a workbook without a password (open it in Excel or WPS, remove the password, save again)");
  unsigned int sheets = 0;
  freexl_get_info(xls.handle, FREEXL_BIFF_SHEET_COUNT, &sheets);
  if (sheets == 0) return fail("expected at least one sheet in the workbook");
  if (sheets > limits.max_sheets)
    return fail("expected at most " + std::to_string(limits.max_sheets) + " sheets in the workbook");
  size_t cells = 0, text_bytes = 0;
  for (unsigned short s = 0; s < sheets; ++s) {
    Sheet sheet;
    const char* name = nullptr;
    if (freexl_get_worksheet_name(xls.handle, s, &name) == FREEXL_OK && name != nullptr) sheet.name = name;
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (freexl_select_active_worksheet(xls.handle, s) != FREEXL_OK ||
        freexl_worksheet_dimensions(xls.handle, &rows, &columns) != FREEXL_OK)
      return fail("expected a readable sheet \"" + sheet.name + "\" (the file is damaged)");
    if (rows > limits.max_rows)
      return fail("expected at most " + std::to_string(limits.max_rows) + " rows in sheet \"" + sheet.name +
                  "\" (split the sheet, or import it in parts)");
    for (unsigned int r = 0; r < rows; ++r) {
      sheet.add_row(static_cast<int>(r) + 1);
      for (unsigned short c = 0; c < columns; ++c) {
        FreeXL_CellValue value{};
        if (freexl_get_cell_value(xls.handle, r, c, &value) != FREEXL_OK) continue;
        std::string text;
        CellKind kind = CellKind::text;
        switch (value.type) {
          case FREEXL_CELL_INT:
            text = std::to_string(value.value.int_value);
            kind = CellKind::number;
            break;
          case FREEXL_CELL_DOUBLE:
            text = number_text(value.value.double_value);
            kind = CellKind::number;
            break;
          case FREEXL_CELL_TEXT:
          case FREEXL_CELL_SST_TEXT:
          case FREEXL_CELL_DATE:
          case FREEXL_CELL_DATETIME:
          case FREEXL_CELL_TIME:
            text = value.value.text_value != nullptr ? value.value.text_value : "";
            break;
          default:
            continue;  // empty
        }
        if (++cells > limits.max_cells)
          return fail("expected at most " + std::to_string(limits.max_cells) + " cells in the workbook");
        text_bytes += text.size();
        if (text_bytes > limits.max_text_bytes)
          return fail("expected at most " + std::to_string(limits.max_text_bytes >> 20) +
                      " MB of text in the workbook");
        sheet.add_cell(c, text, kind);
      }
    }
    out.value.sheets.push_back(std::move(sheet));
  }
  return out;
}

Parsed<Workbook> read_workbook(std::string_view bytes, const ReadLimits& limits) {
  switch (sniff_file(bytes)) {
    case FileKind::xlsx:
      return read_xlsx(bytes, limits);
    case FileKind::xls:
      // Not from a user's file yet: fuzzing found freexl 1.0.6 reading past its buffers on crafted .xls files three
      // times in minutes (two fixed in scripts/patches, the inputs kept in tests/fuzz/seeds/workbook). Until it holds
      // up, an .xls is refused with the way round it; read_xls serves the tests' own files.
      return {{},
              {{"the workbook",
                "expected an .xlsx workbook; an Excel 97–2003 .xls is not read yet (open it in "
                "Excel or WPS and save it as .xlsx: 另存为 Excel 工作簿)"}}};
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

}  // namespace zengshou::formats
