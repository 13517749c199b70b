#include "import_preview.h"

#include <utility>  // move

#include <imgui.h>

#include "formats/text_encoding.h"
#include "strings.h"

namespace zengshou::app {
namespace {

constexpr size_t preview_lines = 5;
constexpr size_t preview_line_characters = 120;  // a longer line is cut, with "…"

// The first lines of `text`, without their line ends, each cut on a character boundary.
std::vector<std::string> first_lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (lines.size() < preview_lines && start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    size_t bytes = 0;
    for (size_t characters = 0; bytes < line.size() && characters < preview_line_characters; ++characters) {
      ++bytes;
      while (bytes < line.size() && (static_cast<unsigned char>(line[bytes]) & 0xC0) == 0x80) ++bytes;
    }
    lines.emplace_back(line.substr(0, bytes));
    if (bytes < line.size()) lines.back() += "…";
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::optional<std::string> ImportPreview::receive(std::string_view bytes) {
  formats::DecodedText decoded = formats::decode_text(std::string(bytes));
  if (decoded.encoding != formats::TextEncoding::gbk) return std::move(decoded.text);
  lines_ = first_lines(decoded.text);
  waiting_ = std::move(decoded.text);
  return std::nullopt;
}

std::optional<std::string> ImportPreview::draw(Ui& ui) {
  if (!waiting_) return std::nullopt;
  if (!ImGui::IsPopupOpen("##import_preview")) ImGui::OpenPopup("##import_preview");
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetMainViewport()->Size.x * 0.8f, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("##import_preview", nullptr, ImGuiWindowFlags_NoTitleBar)) return std::nullopt;
  ImGui::TextUnformatted(tr(Str::import_preview_title));
  ui.wrapped(tr(Str::import_preview_explain));
  ImGui::Separator();
  for (const std::string& line : lines_) ui.wrapped(line);
  ImGui::Separator();
  std::optional<std::string> text;
  const bool import = ImGui::Button(tr(Str::import_preview_import));
  ui.anchor("import_preview_import");
  ImGui::SameLine();
  const bool cancel = ImGui::Button(tr(Str::import_preview_cancel));
  ui.anchor("import_preview_cancel");
  if (import || cancel) {
    if (import) text = std::move(waiting_);
    waiting_.reset();
    lines_.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return text;
}

nlohmann::json ImportPreview::state() const {
  if (!waiting_) return nullptr;
  return {{"encoding", formats::encoding_name(formats::TextEncoding::gbk)},
          {"title", tr(Str::import_preview_title)},
          {"lines", lines_}};
}

}  // namespace zengshou::app
