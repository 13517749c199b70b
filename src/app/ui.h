// Widgets shared by the views: form rows with a one-line help tooltip, text and number fields that in the browser
// are edited through a real HTML input laid over the canvas (IME, paste, phone keyboards), Chinese-aware
// wrapping, and test anchors (widget rectangles the browser tests click).
#pragma once

#include <cstdint>        // generations
#include <map>            // anchors
#include <optional>       // a source to open
#include <string>         // buffers
#include <string_view>    // text
#include <unordered_map>  // edit buffers by widget id

#include <imgui.h>

#include "core/document.h"
#include "core/money.h"
#include "core/policy.h"  // the policy an exported workbook carries
#include "strings.h"

namespace zengshou::app {

// The colours results are read by: reached, short of a line, and not applying.
inline constexpr ImU32 good_colour = IM_COL32(30, 130, 60, 255);
inline constexpr ImU32 short_colour = IM_COL32(190, 40, 30, 255);
inline constexpr ImU32 muted_colour = IM_COL32(120, 120, 120, 255);

// A widget's rectangle in CSS pixels.
struct Anchor {
  float x, y, width, height;
};

// The text field being edited through the page's overlay input, if any.
struct TextEdit {
  bool active = false;
  uint32_t generation = 0;  // changes with each new edit, so a late close of an old one is ignored
  ImGuiID id = 0;
  std::string text;
  Anchor rect{};
  bool numeric = false;
  bool multiline = false;  // a block of text (a pasted document): the page lays a textarea
};

class Ui {
 public:
  float pixel_ratio = 1.0f;
  bool overlay = false;  // the platform lays an HTML input over text fields (the browser does)
  bool touch = false;    // a touch screen: help is shown for what was tapped, above it, until the next tap
  TextEdit edit;
  std::map<std::string, Anchor> anchors;
  // Each scrolling panel's offset (CSS pixels) by its window's name, as of its last frame: for the browser tests.
  std::map<std::string, float> scrolls;
  ImGuiID tapped_help = 0;  // the item whose help a tap showed (touch)
  // Each panel's fling (touch): its speed, device pixels a second the way the content moves, and when the finger
  // last moved it (ImGui's clock; negative once flying).
  struct Fling {
    float velocity = 0.0f;
    double last_move = 0.0;
  };
  std::map<ImGuiID, Fling> flings;
  // A source the user clicked, in any view: the app opens its document at the clause (政策文件).
  std::optional<core::SourceRef> open_source;
  // The documents sources name: the built-ins and those her own policies bring (set by the app each frame).
  const core::DocumentSet* documents = &core::DocumentSet::embedded();
  // The policy in force (the calculator's), whose parameters and documents an exported workbook carries.
  const core::YearParameters* params = nullptr;

  // Records the last item's rectangle under `name`.
  void anchor(const std::string& name);

  // A form: rows of label (with its help on hover) and field.
  bool begin_form(const char* id);
  void end_form();
  void row(Str label, Str help);

  // Fields: each returns true when the value changed. `id` must be unique within the current ID scope.
  bool text(const char* id, std::string& value);
  // A block of several lines (a pasted document), `lines` high.
  bool text_block(const char* id, std::string& value, int lines);
  bool money(const char* id, core::Money& value);
  bool integer(const char* id, int& value, int min, int max);
  bool hundredths(const char* id, int64_t& value);  // a decimal with two places (mu of farmland)
  // A date as yyyymmdd ("2024-07-02"), or with `month_only` a month as yyyymm ("2024-05"); empty text is 0.
  bool date(const char* id, int& value, bool month_only = false);
  bool checkbox(const char* id, bool& value);
  // A choice among `count` labels, by index.
  bool choice(const char* id, int& index, const Str* labels, int count);

  // Text wrapped at the available width, breaking between Chinese characters as well as at spaces; the bytes
  // [mark_begin, mark_end) of it on a highlight, as a marker pen would.
  void wrapped(std::string_view text, size_t mark_begin = 0, size_t mark_end = 0) const;
  // Wrapped text in the link colour that acts as one button; its rectangle is anchored as `anchor`.
  bool link(std::string_view text, const std::string& anchor);
  // The last item was clicked (or tapped): released over it, not the end of a drag that scrolled the panel.
  static bool item_clicked();
  void help(Str text);                   // a one-line tooltip for the last item, on hover (on a tap: see touch)
  void heading(const char* text) const;  // a section title with a rule under it
  // Puts the next button (labelled `label`), or text when `framed` is false, on the same line when it fits there,
  // else on the next (phones).
  void same_line_if_fits(const char* label, bool framed = true) const;
  // Scrolls the current window when a finger (or the mouse) drags its background; call before EndChild.
  void drag_to_scroll();

  // From the page: the overlay's text changed, or the overlay closed.
  void edit_input(std::string text);
  void edit_close(uint32_t generation);

 private:
  // `lines` > 1: a block of text that many lines high.
  bool edit_field(const char* id, std::string& buffer, bool numeric, int lines = 1);
  bool parsed_field(const char* id, std::string& buffer, bool numeric);  // red while the text is not a value

  std::unordered_map<ImGuiID, std::string> buffers_;  // numbers being edited, as typed
  std::unordered_map<ImGuiID, bool> invalid_;         // typed text that is not a valid value
};

}  // namespace zengshou::app
