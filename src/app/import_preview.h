// A picked file on its way into the app: its bytes decoded by the core's decoder (formats/text_encoding.h), the one the
// command line reads files with. UTF-8 goes straight on. A file read as GBK waits in a window that names the encoding
// and shows its first lines, until the user imports it or cancels. Bytes that are neither go on as they are, for the
// file's reader to refuse at the bad byte's line, as the command line does.
#pragma once

#include <optional>     // the text to open, if any
#include <string>       // decoded text
#include <string_view>  // file bytes
#include <vector>       // preview lines

#include <nlohmann/json.hpp>

#include "ui.h"

namespace zengshou::app {

class ImportPreview {
 public:
  // The text to open now, or nothing while the file waits for the user.
  std::optional<std::string> receive(std::string_view bytes);

  // The confirmation window while a file waits (once a frame, inside a window): the text, once the user imports it.
  std::optional<std::string> draw(Ui& ui);

  // For the browser tests: null, or the waiting file's encoding, the window's title and the lines it shows.
  nlohmann::json state() const;
  // The lines the window shows (none when no file waits).
  const std::vector<std::string>& lines() const { return lines_; }

 private:
  std::optional<std::string> waiting_;  // the decoded text of a file read as GBK, until imported or cancelled
  std::vector<std::string> lines_;      // its first lines, as shown
};

}  // namespace zengshou::app
