// The browser's workbook module (zengshou-files.js and .wasm): the spreadsheet readers and writer, built apart from
// the app so that its first frame never waits for them; the page loads this the first time a workbook is opened or
// written (web/zengshou-loader.js) and passes JSON both ways (formats/workbook_json.h).
#include <emscripten.h>

#include <cstdlib>  // malloc
#include <cstring>  // memcpy
#include <string>
#include <string_view>

#include "formats/workbook_json.h"

namespace {

std::string result;  // the last call's result, valid until the next call

}  // namespace

extern "C" {

// A workbook's roster as JSON (workbook_roster_json); valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* files_read_roster(const char* bytes, int size, const char* options) {
  result = zengshou::formats::workbook_roster_json(std::string_view(bytes, static_cast<size_t>(size)), options);
  return result.c_str();
}

// A workbook's bytes from its JSON (xlsx_from_json); files_result_size() of them. Empty when the JSON is wrong.
EMSCRIPTEN_KEEPALIVE const char* files_write_xlsx(const char* spec) {
  auto written = zengshou::formats::xlsx_from_json(spec);
  result = written.ok() ? std::move(written.value) : std::string();
  return result.data();
}

EMSCRIPTEN_KEEPALIVE int files_result_size() { return static_cast<int>(result.size()); }

}  // extern "C"
