// .xlsx: a zip of XML parts (ECMA-376). The workbook part names the sheets and, through its relationships, their
// parts; cells hold numbers as written, or an index into the shared strings. Every part is inflated a chunk at a
// time into expat, so neither the file nor a sheet is ever held unpacked, and the limits stop a zip bomb early.
#include <expat.h>
#include <unzip.h>

#include <algorithm>  // min
#include <cstring>    // memcpy
#include <map>        // relationships
#include <string>
#include <vector>

#include "spreadsheet_read.h"

namespace zengshou::formats {
namespace {

// ---- the zip, read from memory through minizip's file functions

struct MemoryFile {
  std::string_view bytes;
  size_t at = 0;
};

voidpf ZCALLBACK memory_open(voidpf opaque, const char*, int) { return opaque; }
uLong ZCALLBACK memory_read(voidpf, voidpf stream, void* buf, uLong size) {
  auto* f = static_cast<MemoryFile*>(stream);
  const size_t n = std::min<size_t>(size, f->bytes.size() - f->at);
  std::memcpy(buf, f->bytes.data() + f->at, n);
  f->at += n;
  return static_cast<uLong>(n);
}
uLong ZCALLBACK memory_write(voidpf, voidpf, const void*, uLong) { return 0; }
long ZCALLBACK memory_tell(voidpf, voidpf stream) { return static_cast<long>(static_cast<MemoryFile*>(stream)->at); }
long ZCALLBACK memory_seek(voidpf, voidpf stream, uLong offset, int origin) {
  auto* f = static_cast<MemoryFile*>(stream);
  const size_t base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0 : origin == ZLIB_FILEFUNC_SEEK_CUR ? f->at : f->bytes.size();
  if (base + offset > f->bytes.size()) return -1;
  f->at = base + offset;
  return 0;
}
int ZCALLBACK memory_close(voidpf, voidpf) { return 0; }
int ZCALLBACK memory_error(voidpf, voidpf) { return 0; }

class Zip {
 public:
  explicit Zip(std::string_view bytes) : file_{bytes} {
    zlib_filefunc_def functions{memory_open, memory_read,  memory_write, memory_tell,
                                memory_seek, memory_close, memory_error, &file_};
    zip_ = unzOpen2("", &functions);
  }
  ~Zip() {
    if (zip_ != nullptr) unzClose(zip_);
  }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;
  bool ok() const { return zip_ != nullptr; }
  bool has(const std::string& name) { return unzLocateFile(zip_, name.c_str(), 1) == UNZ_OK; }

  // Feeds the part `name` to `sink` a chunk at a time. Empty when done; otherwise what went wrong.
  template <typename Sink>
  std::string read(const std::string& name, size_t& unpacked, size_t limit, Sink&& sink) {
    if (unzLocateFile(zip_, name.c_str(), 1) != UNZ_OK) return "expected the part " + name + " in the workbook";
    unz_file_info info{};
    if (unzGetCurrentFileInfo(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK ||
        unzOpenCurrentFile(zip_) != UNZ_OK)
      return "expected a readable part " + name + " (the file is damaged, or encrypted)";
    if (unpacked + info.uncompressed_size > limit) {
      unzCloseCurrentFile(zip_);
      return too_big(limit);
    }
    std::vector<char> chunk(1 << 16);
    std::string problem;
    for (;;) {
      const int n = unzReadCurrentFile(zip_, chunk.data(), static_cast<unsigned>(chunk.size()));
      if (n < 0) {
        problem = "expected a readable part " + name + " (the file is damaged)";
        break;
      }
      unpacked += static_cast<size_t>(n);
      if (unpacked > limit) {  // a size in the header that lies
        problem = too_big(limit);
        break;
      }
      problem = sink(std::string_view(chunk.data(), static_cast<size_t>(n)), n == 0);
      if (n == 0 || !problem.empty()) break;
    }
    // The zip's own check of the part: its CRC, once read to the end.
    if (unzCloseCurrentFile(zip_) != UNZ_OK && problem.empty())
      problem = "expected a readable part " + name + " (its checksum is wrong: the file is damaged)";
    return problem;
  }

 private:
  static std::string too_big(size_t limit) {
    return "expected a workbook that unpacks to at most " + std::to_string(limit >> 20) +
           " MB (this one unpacks to more: it is not a roster, or is a zip bomb)";
  }
  MemoryFile file_;
  unzFile zip_ = nullptr;
};

// ---- XML, streamed through expat with namespaces: names come as "namespace|local"

std::string_view local_name(const XML_Char* name) {
  std::string_view n(name);
  const size_t bar = n.rfind('|');
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

const XML_Char* attribute(const XML_Char** attributes, std::string_view local) {
  for (size_t i = 0; attributes[i] != nullptr; i += 2)
    if (local_name(attributes[i]) == local) return attributes[i + 1];
  return nullptr;
}

// A handler's state and the parser that calls it; the handler's start, end and text are its member functions.
template <typename Handler>
std::string parse_part(Zip& zip, const std::string& name, size_t& unpacked, const ReadLimits& limits, Handler& h) {
  XML_Parser parser = XML_ParserCreateNS(nullptr, '|');
  XML_SetUserData(parser, &h);
  XML_SetElementHandler(
      parser,
      [](void* data, const XML_Char* element, const XML_Char** attributes) {
        static_cast<Handler*>(data)->start(local_name(element), attributes);
      },
      [](void* data, const XML_Char* element) { static_cast<Handler*>(data)->end(local_name(element)); });
  XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* text, int length) {
    static_cast<Handler*>(data)->text(std::string_view(text, static_cast<size_t>(length)));
  });
  std::string problem = zip.read(name, unpacked, limits.max_unpacked_bytes, [&](std::string_view chunk, bool last) {
    if (XML_Parse(parser, chunk.data(), static_cast<int>(chunk.size()), last) == XML_STATUS_ERROR)
      return "expected well-formed XML in " + name + " (line " + std::to_string(XML_GetCurrentLineNumber(parser)) +
             ": " + XML_ErrorString(XML_GetErrorCode(parser)) + ")";
    if (!h.problem.empty()) XML_StopParser(parser, XML_FALSE);
    return h.problem;
  });
  XML_ParserFree(parser);
  return problem;
}

struct SheetEntry {
  std::string name;
  std::string relationship;
};

struct WorkbookPart {
  std::vector<SheetEntry> sheets;
  std::string problem;
  void start(std::string_view element, const XML_Char** attributes) {
    if (element != "sheet") return;
    const XML_Char* name = attribute(attributes, "name");
    const XML_Char* id = attribute(attributes, "id");  // r:id
    if (name != nullptr && id != nullptr) sheets.push_back({name, id});
  }
  void end(std::string_view) {}
  void text(std::string_view) {}
};

struct Relationships {
  std::map<std::string, std::string> targets;
  std::string problem;
  void start(std::string_view element, const XML_Char** attributes) {
    if (element != "Relationship") return;
    const XML_Char* id = attribute(attributes, "Id");
    const XML_Char* target = attribute(attributes, "Target");
    if (id != nullptr && target != nullptr) targets[id] = target;
  }
  void end(std::string_view) {}
  void text(std::string_view) {}
};

// Text as OOXML escapes what XML cannot hold (ECMA-376 ST_Xstring): _xHHHH_ is the character U+HHHH (a carriage
// return is _x000D_, and an underscore that would start such a run is _x005F_).
std::string unescaped(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  for (size_t i = 0; i < text.size();) {
    unsigned code = 0;
    bool escape = i + 7 <= text.size() && text.compare(i, 2, "_x") == 0 && text[i + 6] == '_';
    for (size_t k = 2; escape && k < 6; ++k) {
      const char c = text[i + k];
      const int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                               : -1;
      escape = digit >= 0;
      code = code * 16 + static_cast<unsigned>(digit);
    }
    if (!escape || (code >= 0xD800 && code < 0xE000)) {
      out += text[i++];
      continue;
    }
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
    i += 7;
  }
  return out;
}

// The shared strings: each <si> is the text of its <t>s, runs included, phonetic guides (<rPh>) left out.
struct SharedStrings {
  std::string pool;
  std::vector<std::pair<uint32_t, uint32_t>> strings;  // offset, length
  const ReadLimits* limits = nullptr;
  std::string problem;
  bool in_text = false;
  int phonetic = 0;
  uint32_t start_offset = 0;
  void start(std::string_view element, const XML_Char**) {
    if (element == "si") start_offset = static_cast<uint32_t>(pool.size());
    if (element == "rPh") ++phonetic;
    if (element == "t") in_text = true;
  }
  void end(std::string_view element) {
    if (element == "t") in_text = false;
    if (element == "rPh") --phonetic;
    if (element != "si") return;
    const std::string text = unescaped(std::string_view(pool).substr(start_offset));
    pool.resize(start_offset);
    pool += text;
    strings.emplace_back(start_offset, static_cast<uint32_t>(pool.size()) - start_offset);
  }
  void text(std::string_view t) {
    if (!in_text || phonetic > 0) return;
    pool.append(t);
    if (pool.size() > limits->max_text_bytes)
      problem = "expected at most " + std::to_string(limits->max_text_bytes >> 20) + " MB of text in the workbook";
  }
  std::string_view at(size_t i) const {
    return i < strings.size() ? std::string_view(pool).substr(strings[i].first, strings[i].second) : std::string_view();
  }
};

// "BC12" → column 54 (0-based); no letters → npos.
size_t reference_column(std::string_view reference) {
  size_t column = 0, letters = 0;
  for (char c : reference) {
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<size_t>(c - 'A' + 1);
    if (++letters > 3) return std::string::npos;
  }
  return letters == 0 ? std::string::npos : column - 1;
}

struct SheetPart {
  Sheet* sheet = nullptr;
  const SharedStrings* shared = nullptr;
  const ReadLimits* limits = nullptr;
  size_t* cells = nullptr;  // across the workbook
  size_t* text_bytes = nullptr;
  std::string problem;
  int next_row = 1;
  size_t next_column = 0;
  // The cell being read.
  bool in_cell = false, in_value = false, in_inline = false;
  int phonetic = 0;
  std::string type, value;
  size_t column = 0;

  void start(std::string_view element, const XML_Char** attributes) {
    if (element == "row") {
      const XML_Char* r = attribute(attributes, "r");
      const int number = r != nullptr ? std::atoi(r) : next_row;
      next_row = (number > 0 ? number : next_row) + 1;
      next_column = 0;
      if (sheet->rows() >= limits->max_rows) {
        problem = "expected at most " + std::to_string(limits->max_rows) + " rows in sheet \"" + sheet->name +
                  "\" (split the sheet, or import it in parts)";
        return;
      }
      sheet->add_row(next_row - 1);
    } else if (element == "c") {
      in_cell = true;
      const XML_Char* t = attribute(attributes, "t");
      type = t != nullptr ? t : "n";
      const XML_Char* r = attribute(attributes, "r");
      column = r != nullptr ? reference_column(r) : next_column;
      if (column == std::string::npos) column = next_column;
      value.clear();
    } else if (in_cell && element == "v") {
      in_value = true;
    } else if (in_cell && element == "is") {
      in_inline = true;
    } else if (in_inline && element == "rPh") {
      ++phonetic;
    } else if (in_inline && element == "t") {
      in_value = phonetic == 0;
    }
  }

  void end(std::string_view element) {
    if (element == "v" || element == "t") in_value = false;
    if (element == "rPh") --phonetic;
    if (element == "is") in_inline = false;
    if (element != "c" || !in_cell) return;
    in_cell = false;
    next_column = column + 1;
    if (sheet->rows() == 0) sheet->add_row(next_row++);  // a cell outside any row: a row of its own
    if (type == "inlineStr" || type == "str") value = unescaped(value);
    std::string_view text = value;
    CellKind kind = CellKind::text;
    if (type == "s") {
      text = shared->at(static_cast<size_t>(std::atol(value.c_str())));
    } else if (type == "b") {
      text = value == "1" ? "TRUE" : "FALSE";
    } else if (type == "n") {
      kind = CellKind::number;
    }  // str (a formula's text), inlineStr, e (an error such as #N/A), d (an ISO date): text as written
    // The empty cells left of this one count too: they take memory as well ("ZZZ1" alone is 18 278 cells).
    const size_t width = sheet->columns(sheet->rows() - 1);
    *cells += column >= width ? column + 1 - width : 1;
    if (*cells > limits->max_cells) {
      problem = "expected at most " + std::to_string(limits->max_cells) + " cells in the workbook";
      return;
    }
    *text_bytes += text.size();
    if (*text_bytes > limits->max_text_bytes) {
      problem = "expected at most " + std::to_string(limits->max_text_bytes >> 20) + " MB of text in the workbook";
      return;
    }
    sheet->add_cell(column, text, kind);
  }

  void text(std::string_view t) {
    if (in_value) value.append(t);
  }
};

// A relationship's target as a part name: relative to xl/, or absolute from the zip's root.
std::string part_name(const std::string& target) {
  if (!target.empty() && target.front() == '/') return target.substr(1);
  return "xl/" + target;
}

}  // namespace

Parsed<Workbook> read_xlsx(std::string_view bytes, const ReadLimits& limits) {
  Parsed<Workbook> out;
  const auto fail = [&](std::string what) {
    out.errors.push_back({"the workbook", std::move(what)});
    out.value = {};
    return out;
  };
  Zip zip(bytes);
  if (!zip.ok()) return fail("expected an .xlsx workbook (a zip file); this file is damaged or not a workbook");
  if (!zip.has("xl/workbook.xml"))
    return fail(
        "expected an Excel workbook (xl/workbook.xml); this zip file is not one (.docx, .ods or another file?)");
  size_t unpacked = 0;
  WorkbookPart workbook;
  if (auto p = parse_part(zip, "xl/workbook.xml", unpacked, limits, workbook); !p.empty()) return fail(p);
  Relationships relationships;
  if (auto p = parse_part(zip, "xl/_rels/workbook.xml.rels", unpacked, limits, relationships); !p.empty())
    return fail(p);
  SharedStrings shared;
  shared.limits = &limits;
  if (zip.has("xl/sharedStrings.xml"))
    if (auto p = parse_part(zip, "xl/sharedStrings.xml", unpacked, limits, shared); !p.empty()) return fail(p);
  if (workbook.sheets.empty()) return fail("expected at least one sheet in the workbook");
  if (workbook.sheets.size() > limits.max_sheets)
    return fail("expected at most " + std::to_string(limits.max_sheets) + " sheets in the workbook");
  size_t cells = 0, text_bytes = shared.pool.size();
  for (const SheetEntry& entry : workbook.sheets) {
    const auto target = relationships.targets.find(entry.relationship);
    if (target == relationships.targets.end()) continue;  // a chart sheet or a broken link: no cells
    const std::string part = part_name(target->second);
    if (!zip.has(part)) continue;
    Sheet sheet;
    sheet.name = entry.name;
    SheetPart reader;
    reader.sheet = &sheet;
    reader.shared = &shared;
    reader.limits = &limits;
    reader.cells = &cells;
    reader.text_bytes = &text_bytes;
    if (auto p = parse_part(zip, part, unpacked, limits, reader); !p.empty()) return fail(p);
    out.value.sheets.push_back(std::move(sheet));
  }
  return out;
}

}  // namespace zengshou::formats
