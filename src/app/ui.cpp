#include "ui.h"

#include <algorithm>  // min, max
#include <charconv>   // from_chars
#include <cmath>      // abs, exp: flings
#include <cstring>    // strlen

#include <imgui_internal.h>  // GetActiveID, ClearActiveID, ImTextCharFromUtf8
#include <imgui_stdlib.h>    // InputText on std::string

#include "core/json_reading.h"  // dates

namespace zengshou::app {
namespace {

constexpr ImU32 invalid_colour = IM_COL32(230, 120, 110, 255);
// A fling: its speed falls to a third in 0.27 s (e^-4t), and stops below 30 CSS pixels a second.
constexpr float fling_decay = 4.0f;
constexpr float min_fling_speed = 30.0f;
constexpr double fling_memory = 0.15;  // seconds: a finger still this long before lifting keeps a third of its speed

// Characters a line may not start with (Chinese line-breaking rules, simplified).
bool no_line_start(unsigned int c) {
  switch (c) {
    case 0xFF0C:
    case 0x3002:
    case 0x3001:
    case 0xFF1B:
    case 0xFF1A:
    case 0xFF01:
    case 0xFF1F:
    case 0xFF09:
    case 0x300B:
    case 0x300D:
    case 0x300F:
    case 0x201D:
    case 0x2019:
    case ',':
    case '.':
    case ')':
    case ';':
    case ':':
    case '!':
    case '?':
      return true;
    default:
      return false;
  }
}

bool is_cjk(unsigned int c) { return c >= 0x2E80; }

}  // namespace

void Ui::anchor(const std::string& name) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  anchors[name] = {min.x / pixel_ratio, min.y / pixel_ratio, (max.x - min.x) / pixel_ratio,
                   (max.y - min.y) / pixel_ratio};
}

bool Ui::begin_form(const char* id) {
  if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp)) return false;
  ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 0.42f);
  ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthStretch, 0.58f);
  return true;
}

void Ui::end_form() { ImGui::EndTable(); }

void Ui::row(Str label, Str help_text) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(label));
  help(help_text);
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-FLT_MIN);
}

void Ui::drag_to_scroll() {
  scrolls[ImGui::GetCurrentWindowRead()->Name] = ImGui::GetScrollY() / pixel_ratio;
  // A press on a window's background makes its move handle the active item, even where windows cannot move.
  const ImGuiContext& g = *GImGui;
  const bool on_background = g.ActiveIdWindow != nullptr && g.ActiveId == g.ActiveIdWindow->MoveId;
  // A finger that went down on this window's background scrolls it until it lifts, even once it leaves the window.
  const bool held_here = on_background && g.ActiveIdWindow == ImGui::GetCurrentWindowRead();
  const bool hovered =
      ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem | ImGuiHoveredFlags_ChildWindows);
  const ImGuiIO& io = ImGui::GetIO();
  const ImGuiID window = ImGui::GetCurrentWindowRead()->ID;
  Fling& fling = flings[window];
  const double now = ImGui::GetTime();
  if (ImGui::IsMouseDragging(0) && (held_here || (hovered && (!ImGui::IsAnyItemActive() || on_background)))) {
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    // The finger's speed over its last move (a phone reports one a frame; slower pages less often): what the
    // content keeps when it lifts.
    if (io.MouseDelta.y != 0.0f) {
      const double since = std::clamp(now - fling.last_move, static_cast<double>(io.DeltaTime), 2.0 * fling_memory);
      fling.velocity = static_cast<float>(-io.MouseDelta.y / std::max(since, 1e-3));
      fling.last_move = now;
    }
    return;
  }
  // On a touch screen a fling goes on after the finger lifts and slows to a stop, as the platform's lists do; a new
  // touch stops it. A finger that stood still before it lifted keeps less of its speed, the longer it stood.
  if (ImGui::IsMouseReleased(0) && fling.last_move >= 0.0) {
    const double still = std::max(0.0, now - fling.last_move - io.DeltaTime);
    fling.velocity *= static_cast<float>(std::exp(-still / fling_memory));
  }
  if (!touch || io.MouseDown[0] || std::abs(fling.velocity) < min_fling_speed * pixel_ratio) {
    fling = {};
    return;
  }
  fling.last_move = -1.0;  // flying: no longer measured from the finger
  ImGui::SetScrollY(ImGui::GetScrollY() + fling.velocity * io.DeltaTime);
  fling.velocity *= std::exp(-fling_decay * io.DeltaTime);
}

void Ui::help(Str text) {
  if (!touch) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(text));
    return;
  }
  // On a touch screen there is no hover: a tap shows the help until the next tap, above the item, so it never covers
  // the question or the field being filled in.
  const ImGuiID id = ImGui::GetID(tr(text));  // a label's help too: text has no item id of its own
  if (ImGui::IsMouseReleased(0))
    tapped_help = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)
                      ? id
                      : (tapped_help == id ? 0 : tapped_help);
  if (tapped_help != id) return;
  // Above the item's row: a label sits a frame's padding below its row's top.
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 above(ImGui::GetItemRectMin().x,
                     ImGui::GetItemRectMin().y - style.FramePadding.y - style.ItemSpacing.y * 0.5f);
  ImGui::SetNextWindowPos(above, ImGuiCond_Always, ImVec2(0.0f, 1.0f));
  ImGui::SetTooltip("%s", tr(text));
}

bool Ui::edit_field(const char* id, std::string& buffer, bool numeric, int lines) {
  const ImGuiID gid = ImGui::GetID(id);
  const ImVec2 size(ImGui::CalcItemWidth(), lines > 1 ? ImGui::GetTextLineHeight() * static_cast<float>(lines) +
                                                            ImGui::GetStyle().FramePadding.y * 2
                                                      : ImGui::GetFrameHeight());
  if (overlay && edit.active && edit.id == gid) {
    // Drawn as a framed box; the page's input on top of it takes the typing.
    ImGui::InvisibleButton(id, size);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBgActive),
                                              ImGui::GetStyle().FrameRounding);
    edit.rect = {min.x / pixel_ratio, min.y / pixel_ratio, (max.x - min.x) / pixel_ratio,
                 (max.y - min.y) / pixel_ratio};
    if (buffer == edit.text) return false;
    buffer = edit.text;
    return true;
  }
  const bool changed =
      lines > 1 ? ImGui::InputTextMultiline(id, &buffer, size)
                : ImGui::InputText(id, &buffer, numeric ? ImGuiInputTextFlags_CharsDecimal : ImGuiInputTextFlags_None);
  if (overlay && ImGui::IsItemActivated()) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    edit = {true,
            edit.generation + 1,
            gid,
            buffer,
            {min.x / pixel_ratio, min.y / pixel_ratio, (max.x - min.x) / pixel_ratio, (max.y - min.y) / pixel_ratio},
            numeric,
            lines > 1};
    ImGui::ClearActiveID();
  }
  return changed;
}

void Ui::edit_input(std::string text) {
  if (edit.active) edit.text = std::move(text);
}

void Ui::edit_close(uint32_t generation) {
  if (edit.active && edit.generation == generation) {
    buffers_.erase(edit.id);  // numbers show their value again
    edit.active = false;
  }
}

bool Ui::text(const char* id, std::string& value) { return edit_field(id, value, false); }

bool Ui::text_block(const char* id, std::string& value, int lines) { return edit_field(id, value, false, lines); }

bool Ui::parsed_field(const char* id, std::string& buffer, bool numeric) {
  const ImGuiID gid = ImGui::GetID(id);
  const bool was_invalid = invalid_[gid];
  if (was_invalid) ImGui::PushStyleColor(ImGuiCol_FrameBg, invalid_colour);
  const bool changed = edit_field(id, buffer, numeric);
  if (was_invalid) ImGui::PopStyleColor();
  return changed;
}

bool Ui::money(const char* id, core::Money& value) {
  const ImGuiID gid = ImGui::GetID(id);
  const bool editing = (edit.active && edit.id == gid) || ImGui::GetActiveID() == gid;
  std::string& buffer = buffers_[gid];
  if (!editing) buffer = value.yuan_text();
  if (!parsed_field(id, buffer, true)) return false;
  const auto fen = core::parse_yuan_text(buffer.empty() ? "0" : buffer);
  const bool ok = fen && *fen >= 0 && *fen <= core::max_amount_fen;
  invalid_[gid] = !ok;
  if (ok) value = core::Money::fen(*fen);
  return ok;
}

bool Ui::hundredths(const char* id, int64_t& value) {
  core::Money as_money = core::Money::fen(value);
  if (!money(id, as_money)) return false;
  value = as_money.fen();
  return true;
}

bool Ui::integer(const char* id, int& value, int min, int max) {
  const ImGuiID gid = ImGui::GetID(id);
  const bool editing = (edit.active && edit.id == gid) || ImGui::GetActiveID() == gid;
  std::string& buffer = buffers_[gid];
  if (!editing) buffer = std::to_string(value);
  if (!parsed_field(id, buffer, true)) return false;
  int parsed = 0;
  const auto [end, error] = std::from_chars(buffer.data(), buffer.data() + buffer.size(), parsed);
  const bool ok = error == std::errc() && end == buffer.data() + buffer.size() && parsed >= min && parsed <= max;
  invalid_[gid] = !ok;
  if (ok) value = parsed;
  return ok;
}

bool Ui::date(const char* id, int& value, bool month_only) {
  const ImGuiID gid = ImGui::GetID(id);
  const bool editing = (edit.active && edit.id == gid) || ImGui::GetActiveID() == gid;
  std::string& buffer = buffers_[gid];
  if (!editing) {
    buffer = value == 0 ? "" : month_only ? core::iso_month_text(value) : core::iso_date_text(value);
  }
  if (!parsed_field(id, buffer, false)) return false;
  const auto day = buffer.empty() ? std::optional<int>(0)
                                  : core::parse_iso_date(month_only && buffer.size() == 7 ? buffer + "-01" : buffer);
  const bool ok = day.has_value() && (buffer.empty() || buffer.size() == (month_only ? 7u : 10u));
  invalid_[gid] = !ok;
  if (ok) value = month_only ? *day / 100 : *day;
  return ok;
}

bool Ui::checkbox(const char* id, bool& value) { return ImGui::Checkbox(id, &value); }

bool Ui::choice(const char* id, int& index, const Str* labels, int count) {
  bool changed = false;
  if (ImGui::BeginCombo(id, tr(labels[index]))) {
    for (int i = 0; i < count; ++i) {
      if (ImGui::Selectable(tr(labels[i]), i == index)) {
        changed = i != index;
        index = i;
      }
      // "##category" → "category_2": each option, for the browser tests.
      anchor(std::string(id).substr(std::string_view(id).rfind('#') + 1) + "_" + std::to_string(i));
    }
    ImGui::EndCombo();
  }
  return changed;
}

void Ui::same_line_if_fits(const char* label, bool framed) const {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::CalcTextSize(label).x + (framed ? style.FramePadding.x * 2.0f : 0.0f);
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right) ImGui::SameLine();
}

void Ui::heading(const char* text) const {
  ImGui::Spacing();
  ImGui::TextUnformatted(text);
  ImGui::Separator();
}

void Ui::wrapped(std::string_view text, size_t mark_begin, size_t mark_end) const {
  const ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const float width = ImGui::GetContentRegionAvail().x;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  while (begin < end) {
    // Take characters while they fit; remember the last place a line may break.
    const char* p = begin;
    const char* last_break = nullptr;
    float line = 0.0f;
    while (p < end && *p != '\n') {
      unsigned int c = 0;
      const int n = ImTextCharFromUtf8(&c, p, end);
      const float advance = font->CalcTextSizeA(size, FLT_MAX, 0.0f, p, p + n).x;
      if (line + advance > width && p > begin) break;
      if ((c == ' ' || is_cjk(c)) && p > begin && !no_line_start(c)) last_break = p;
      line += advance;
      p += n;
    }
    const char* cut = p;
    if (p < end && *p != '\n' && last_break != nullptr) {
      unsigned int c = 0;
      ImTextCharFromUtf8(&c, p, end);
      if (!is_cjk(c) || no_line_start(c)) cut = last_break;  // keep Latin words and closing punctuation whole
    }
    const size_t line_begin = static_cast<size_t>(begin - text.data());
    const size_t line_end = static_cast<size_t>(cut - text.data());
    if (mark_begin < line_end && mark_end > line_begin) {
      const char* from = text.data() + std::max(mark_begin, line_begin);
      const char* to = text.data() + std::min(mark_end, line_end);
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const float x0 = at.x + font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, from).x;
      const float x1 = x0 + font->CalcTextSizeA(size, FLT_MAX, 0.0f, from, to).x;
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x0, at.y), ImVec2(x1, at.y + ImGui::GetTextLineHeight()),
                                                IM_COL32(255, 226, 110, 255));
    }
    ImGui::TextUnformatted(begin, cut);
    begin = cut;
    if (begin < end && (*begin == '\n' || *begin == ' ')) ++begin;
  }
}

bool Ui::link(std::string_view text, const std::string& anchor_name) {
  ImGui::BeginGroup();
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(30, 90, 180, 255));
  wrapped(text);
  ImGui::PopStyleColor();
  ImGui::EndGroup();
  anchor(anchor_name);
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  return item_clicked();
}

bool Ui::item_clicked() {
  return ImGui::IsItemHovered() && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
         !ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left);
}

}  // namespace zengshou::app
