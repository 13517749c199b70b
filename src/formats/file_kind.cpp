// What a picked file is, by its first bytes: apart from the readers, so the app can tell a workbook without them.
#include "spreadsheet_read.h"

namespace zengshou::formats {

FileKind sniff_file(std::string_view bytes) {
  if (bytes.starts_with(std::string_view("PK\x03\x04", 4))) return FileKind::xlsx;
  if (bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) {
    // Office keeps an encrypted .xlsx in the same compound-file container as an .xls, as a stream named
    // "EncryptedPackage" (in UTF-16 in the directory).
    constexpr std::string_view encrypted("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
    return bytes.find(encrypted) != std::string_view::npos ? FileKind::encrypted : FileKind::xls;
  }
  return FileKind::text;
}

}  // namespace zengshou::formats
