// The Dear ImGui interface: draws what the core computes. Knows nothing of the browser or of files;
// the platform layer hands it the font bytes and the pixel ratio, and calls draw_frame() once a frame.
#pragma once

#include <cstdint>      // overlay generations
#include <optional>     // the roster record shown, deleted records
#include <ostream>      // writing the workspace
#include <string>       // state JSON
#include <string_view>  // file text
#include <utility>      // exchange
#include <vector>       // font bytes

#include "core/error.h"
#include "formats/qr.h"
#include "glyph_set.h"
#include "import_preview.h"
#include "session.h"
#include "ui.h"
#include "user_policies.h"
#include "views.h"
#include "workbook_import.h"
#include "workspace_store.h"

namespace zengshou::app {

enum class View { household, programmes, projection, policy, village, roster, documents, presenter };

class App {
 public:
  // `font_ttf` is the TrueType subset made at build time; the atlas references it, so the App keeps it.
  explicit App(std::vector<unsigned char> font_ttf);

  // Builds fonts and style for this device pixel ratio (ImGui works in device pixels), and the atlas again when text
  // the app was given has characters it lacks (glyph_set.h). Called before each frame. Returns true when the font
  // atlas was rebuilt, so the renderer must upload it again.
  bool prepare_fonts(float pixel_ratio);

  // The full font (every CJK ideograph), after the UI-only font the first frame used; called between frames: the
  // next prepare_fonts rebuilds the atlas with it.
  void replace_font(std::vector<unsigned char> font_ttf);

  // One frame of UI, between ImGui::NewFrame() and ImGui::Render().
  void draw_frame();

  // What the browser tests read through the page's JS hook: language, view, frame count, anchors, the
  // household and its per-capita net as shown.
  std::string state_json() const;

  // The platform lays a real text input over fields being edited (the browser does, for IME and phones).
  void enable_text_overlay() { ui_.overlay = true; }
  // A touch screen (the page's pointer is coarse): targets a finger can hit, help shown beside what was tapped.
  void set_touch(bool touch);
  const TextEdit& text_edit() const { return ui_.edit; }
  void text_edit_input(std::string text) {
    glyphs_.need(text);
    ui_.edit_input(std::move(text));
  }
  void text_edit_close(uint32_t generation) { ui_.edit_close(generation); }

  // Files: what the views asked for this frame, and the bytes of a file the user picked (decoded here: a file read
  // as GBK opens once the user confirms it, see import_preview.h).
  PlatformRequests take_requests();
  void open_file_text(std::string_view bytes);
  // A picked workbook as the page's workbook module read it (formats/workbook_json.h).
  void workbook_read(std::string_view json) {
    glyphs_.need(json);  // the names and places of the preview
    workbook_import_.receive(json);
  }

  // The workspace kept in the browser's database, a record at a time (workspace_store.h): the records read at start
  // (`unsaved`: the page's copy of changes the database had not stored when the tab closed), an older workspace
  // file to migrate, the writes due now (every change within a second; `now` when the tab is being hidden), their
  // outcome, and what other tabs stored.
  void restore_record(std::string_view key, int version, std::string_view text, bool unsaved);
  void restore_finished();
  void migrate_workspace(std::string_view text);
  std::vector<WorkspaceStore::Write> take_store_writes(bool now);
  void store_written(const std::string& key, int version) { store_.written(roster_, key, version); }
  void store_conflict(const std::string& key, int version, std::optional<std::string_view> text);
  void store_done(bool failed);
  void stored_elsewhere(const std::string& key, int version, std::optional<std::string_view> text);
  std::string unsaved_records_json() const;
  // The daily backups the page keeps (the workspace as read at a start, the last three), for the user to export.
  struct Backup {
    std::string key;
    std::string when;  // as the page words the date and time
    int households = 0;
  };
  void set_backups(std::vector<Backup> backups) { backups_ = std::move(backups); }

  // The browser's storage failed: the workspace lives only in the page until it works again (kind none), or for
  // good when the browser has no database (unavailable from the start).
  // `slow`: the database did not answer at start; `failed`: a write failed for another reason (`detail` says which).
  enum class StorageProblem { none, unavailable, full, failed, slow };
  void set_storage_problem(StorageProblem problem, std::string detail = {}) {
    storage_problem_ = problem;
    storage_detail_ = std::move(detail);
  }

  // Share links: the link the page made for the household, and a link's content on opening.
  void share_link_made(std::string link);
  void open_share(std::string_view text);
  // A policy link's file: untrusted, taken as an imported policy file is.
  void open_policy_link(std::string_view text);

 private:
  void draw_menu_bar();
  void draw_view_tabs();
  float presenter_text_scale() const;
  void apply_style();  // sizes for the pixel ratio, and for a finger on a touch screen  // the presenter's text size
                       // over the normal, for this screen
  void draw_view(View view);
  void draw_placeholder_view(View view);
  void draw_about_popup();
  void draw_backups_popup();
  void draw_open_errors();
  void draw_share_popup();
  void draw_share_qr();
  void draw_storage_banner();
  void draw_save_state(float right);  // `right`: where the bar's room for it ends
  void draw_replace_popup();
  void draw_conflict_popup();
  void draw_unreadable_popup();
  void write_workspace(std::ostream& out) const;  // streamed: a whole roster's text would cost a phone's memory
  std::string workspace_text() const;
  void open_text(std::string_view text);  // a picked file's text, as what the views asked to open
  std::string session_record_text() const;
  void follow_session();  // writes the calculator's household back to its roster record, marks what is to store
  // Puts something new in the calculator, asking first when that would lose work (views ask through ViewState).
  void request_replace(Replacement replacement);
  void replace_household(const Replacement& replacement);
  UndoStep calculator_step() const;                // what the calculator shows, as a step to take back
  void record_added(size_t first, bool imported);  // the roster's households from `first` on were just added
  void undo();                                     // takes the last step back
  void draw_undo_menu();
  void link_to_record(std::optional<std::string> key);  // the calculator now edits this roster record (or none)
  void reload_current_record();                         // the roster record the calculator shows changed
  void apply_policies();                   // gives the session and the roster the user's policies when they changed
  void put_policy(std::string_view text);  // a policy file read whole: hers, and in use
  void draw_policy_replace_popup();
  std::optional<bool> ask(const char* id, bool pending, const std::string& text, Str yes, Str no,
                          const std::string& anchor);
  std::string policy_name(std::string_view id) const;  // in the UI's language; empty for none
  void ask_remove_policy(const std::string& id);       // refused while roster households are under it, else asked
  void draw_policy_remove_popup();
  void need_glyphs_of_new_text();  // the household's, the roster's and the policies' text, when they changed
  int count_missing_glyphs() const;
  int count_missing_document_glyphs() const;

  std::vector<unsigned char> font_ttf_;
  bool full_font_ = false;  // font_ttf_ is the full font, not the UI-only one
  GlyphSet glyphs_;         // what the atlas holds once the full font is in: the UI font's and the text's
  formats::ColumnAliases column_aliases_;  // workbook headers she matched to roster columns, kept with the session
  uint32_t glyphs_session_seen_ = ~0u, glyphs_roster_seen_ = ~0u, glyphs_policies_seen_ = ~0u;  // generations
  double atlas_ms_ = 0;  // how long the last atlas build took
  float pixel_ratio_ = 0.0f;
  View view_ = View::household;
  bool view_requested_ = false;  // set when the menu picks a view, so its tab is selected once
  bool about_requested_ = false;
  long frame_count_ = 0;
  // Characters the atlas cannot draw: of the string tables (0 when the font is right), and of the policy documents.
  mutable std::optional<std::pair<int, int>> missing_glyphs_;
  Ui ui_;
  Session session_;
  PlatformRequests requests_;
  ViewState view_state_;
  UserPolicies user_policies_;
  uint32_t policies_applied_ = 0;              // the generation of the user's policies the session and roster use
  std::optional<std::string> pending_policy_;  // a file with the id of one of hers, waiting for her answer
  std::optional<std::string> pending_policy_removal_;  // the id of hers she asked to remove, waiting for her yes
  DocumentsViewState documents_view_;
  VillageModel village_;
  PresenterState presenter_;
  OpenKind pending_open_ = OpenKind::household;  // what the file being picked will be opened as
  Roster roster_;
  RosterViewState roster_view_;
  std::optional<std::string> current_record_;  // the key of the roster household the calculator shows, if one
  uint32_t seen_session_ = ~0u;
  bool session_changed_ = false;  // the session record is to be written
  bool session_unsaved_ = false;  // the calculator's household has edits kept nowhere else (not roster, not file)
  double last_store_ = -1.0;      // ImGui time of the last batch of writes
  WorkspaceStore store_;
  std::optional<Replacement> pending_replace_;  // waiting for the user's answer
  UndoHistory undo_;
  bool undo_requested_ = false;  // 撤销 chosen in the menu
  bool restyle_ = false;         // the style is to be made again before the next frame (touch changed)
  bool show_unreadable_ = false;
  std::vector<Backup> backups_;
  bool backups_requested_ = false;
  std::string share_link_;
  std::optional<formats::QrCode> share_qr_;  // the link as a QR code, when it fits one
  bool share_popup_ = false;
  float font_scale_ = 1.0f;         // the atlas's scale to the pixel ratio, before the presenter's
  core::InputErrors open_errors_;   // problems of the last file the user tried to open
  ImportPreview import_preview_;    // a picked file read as GBK, waiting for the user
  WorkbookImport workbook_import_;  // a picked workbook, shown before its households join the roster
  StorageProblem storage_problem_ = StorageProblem::none;
  std::string storage_detail_;
};

}  // namespace zengshou::app
