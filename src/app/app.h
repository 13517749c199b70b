// The Dear ImGui interface: draws what the core computes. Knows nothing of the browser or of files;
// the platform layer hands it the font bytes and the pixel ratio, and calls draw_frame() once a frame.
#pragma once

#include <cstdint>      // overlay generations
#include <optional>     // roster index
#include <ostream>      // writing the workspace
#include <string>       // state JSON
#include <string_view>  // file text
#include <utility>      // exchange
#include <vector>       // font bytes

#include "core/error.h"
#include "import_preview.h"
#include "session.h"
#include "ui.h"
#include "views.h"

namespace zengshou::app {

enum class View { household, programmes, projection, policy, village, roster };

class App {
 public:
  // `font_ttf` is the TrueType subset made at build time; the atlas references it, so the App keeps it.
  explicit App(std::vector<unsigned char> font_ttf);

  // Builds fonts and style for this device pixel ratio (ImGui works in device pixels). Returns true when the
  // font atlas was rebuilt, so the renderer must upload it again.
  bool apply_pixel_ratio(float pixel_ratio);

  // A new font (the full one, after the UI-only font the first frame used), called between frames: the atlas is
  // rebuilt by the next apply_pixel_ratio, which then returns true.
  void replace_font(std::vector<unsigned char> font_ttf) {
    font_ttf_ = std::move(font_ttf);
    pixel_ratio_ = 0.0f;
  }

  // One frame of UI, between ImGui::NewFrame() and ImGui::Render().
  void draw_frame();

  // What the browser tests read through the page's JS hook: language, view, frame count, anchors, the
  // household and its per-capita net as shown.
  std::string state_json() const;

  // The platform lays a real text input over fields being edited (the browser does, for IME and phones).
  void enable_text_overlay() { ui_.overlay = true; }
  const TextEdit& text_edit() const { return ui_.edit; }
  void text_edit_input(std::string text) { ui_.edit_input(std::move(text)); }
  void text_edit_close(uint32_t generation) { ui_.edit_close(generation); }

  // Files: what the views asked for this frame, and the bytes of a file the user picked (decoded here: a file read
  // as GBK opens once the user confirms it, see import_preview.h).
  PlatformRequests take_requests();
  void open_file_text(std::string_view bytes);

  // The workspace (roster with ledgers, the open household, the reform) kept in the browser's storage: whether to
  // store it now (something changed since the last store, at most every half second unless `now`), and writing it
  // (streamed, as a whole roster's text would cost a phone's memory twice); restoring it at start. A stored
  // workspace that cannot be read is reported and left for the platform to keep aside.
  bool workspace_store_due(bool now);
  void write_workspace(std::ostream& out) const;
  bool restore_workspace(std::string_view text);

  // The browser's storage failed: the workspace lives only in the page until it works again (kind none).
  enum class StorageProblem { none, unavailable, full };
  void set_storage_problem(StorageProblem problem) { storage_problem_ = problem; }

  // Share links: the link the page made for the household, and a link's content on opening.
  void share_link_made(std::string link);
  void open_share(std::string_view text);

 private:
  void draw_menu_bar();
  void draw_view_tabs();
  void draw_view(View view);
  void draw_placeholder_view(View view);
  void draw_about_popup();
  void draw_open_errors();
  void draw_share_popup();
  void draw_storage_banner();
  std::string workspace_text() const;
  void open_text(std::string_view text);  // a picked file's text, as what the views asked to open
  void follow_session();  // writes the calculator's household back to its roster entry, marks the workspace dirty
  int count_missing_glyphs() const;

  std::vector<unsigned char> font_ttf_;
  float pixel_ratio_ = 0.0f;
  View view_ = View::household;
  bool view_requested_ = false;  // set when the menu picks a view, so its tab is selected once
  bool about_requested_ = false;
  long frame_count_ = 0;
  int missing_glyphs_ = 0;  // characters of the string tables the font cannot draw; 0 when the font is right
  Ui ui_;
  Session session_;
  PlatformRequests requests_;
  ViewState view_state_;
  VillageModel village_;
  PresenterState presenter_;
  OpenKind pending_open_ = OpenKind::household;  // what the file being picked will be opened as
  Roster roster_;
  RosterViewState roster_view_;
  std::optional<size_t> current_index_;  // the roster household the calculator shows, if it is one
  uint32_t seen_session_ = ~0u, seen_roster_ = ~0u;
  bool workspace_dirty_ = false;
  double last_store_ = -1.0;  // ImGui time of the last store
  std::string share_link_;
  bool share_popup_ = false;
  float font_scale_ = 1.0f;        // the atlas's scale to the pixel ratio, before the presenter's
  core::InputErrors open_errors_;  // problems of the last file the user tried to open
  ImportPreview import_preview_;   // a picked file read as GBK, waiting for the user
  StorageProblem storage_problem_ = StorageProblem::none;
};

}  // namespace zengshou::app
