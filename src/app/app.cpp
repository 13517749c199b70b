// The application shell: full-window host, main menu, the views, the language switch.
#include "app.h"

#include <algorithm>  // min, max
#include <array>      // the view list
#include <chrono>     // the atlas build's time
#include <cmath>      // floor
#include <cstdio>     // snprintf
#include <ctime>      // today, for the worklist
#include <sstream>    // the workspace as text, for export

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8
#include <nlohmann/json.hpp>

#include "core/household_json.h"
#include "core/monitoring.h"
#include "core/share.h"
#include "core/version.h"
#include "core/village_json.h"
#include "core/workspace.h"
#include "format.h"
#include "labels.h"
#include "strings.h"

namespace zengshou::app {
namespace {

constexpr float base_font_size = 18.0f;  // CSS pixels
constexpr float touch_target = 44.0f;    // CSS pixels: the least height a finger hits surely (WCAG 2.5.5, Apple HIG)
constexpr float max_atlas_ratio = 2.0f;
// A training room's projector, read from the back: text at least 1.5 times its size, and on a wide screen 28 CSS
// pixels or more (18 × 1920 / 1100 = 31 at 1920 × 1080).
constexpr float presenter_min_scale = 1.5f;
constexpr float presenter_width_per_scale = 1100.0f;  // CSS pixels of screen width for each 1× of text

struct ViewInfo {
  View view;
  Str title;
  Str about;
  const char* anchor;  // test anchor of its tab
};

constexpr std::array views{
    ViewInfo{View::household, Str::view_household, Str::view_household_about, "tab_household"},
    ViewInfo{View::programmes, Str::view_programmes, Str::view_programmes_about, "tab_programmes"},
    ViewInfo{View::projection, Str::view_projection, Str::view_projection_about, "tab_projection"},
    ViewInfo{View::policy, Str::view_policy, Str::view_policy_about, "tab_policy"},
    ViewInfo{View::village, Str::view_village, Str::view_village_about, "tab_village"},
    ViewInfo{View::roster, Str::view_roster, Str::view_roster_about, "tab_roster"},
    ViewInfo{View::documents, Str::view_documents, Str::view_documents_about, "tab_documents"},
    ViewInfo{View::presenter, Str::presenter_tab, Str::presenter_mode, "tab_presenter"},
};

const ViewInfo& info(View view) { return views[static_cast<size_t>(view)]; }

// The UI font's: Latin, general punctuation, arrows and maths (→ ≥), CJK punctuation, kana, CJK ideographs, full-width
// forms and the placeholder �. The font is already a subset, so codepoints it lacks are skipped when the atlas is
// built.
constexpr ImWchar ui_glyph_ranges[] = {0x0020, 0x00FF, 0x2000, 0x206F, 0x2190, 0x22FF, 0x3000,
                                       0x30FF, 0x4E00, 0x9FFF, 0xFF00, 0xFFFD, 0};

}  // namespace

App::App(std::vector<unsigned char> font_ttf) : font_ttf_(std::move(font_ttf)) {
  store_.keep_policies(user_policies_);
  // Today's quarter, against which a household's ledger is stale (需入户核实).
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  roster_.set_today(local.tm_year + 1900, local.tm_mon / 3 + 1);
}

void App::put_policy(std::string_view text) {
  const auto put = user_policies_.put(text);
  open_errors_ = put.errors;
  if (!put.ok()) return;
  apply_policies();
  session_.set_policy(*session_.policies().find(put.value));
}

// A question in a modal window while `pending`: true for yes, false for no, none until she answers.
std::optional<bool> App::ask(const char* id, bool pending, const std::string& text, Str yes, Str no,
                             const std::string& anchor) {
  if (pending && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetMainViewport()->Size.x * 0.8f, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoTitleBar)) return std::nullopt;
  ui_.wrapped(text);
  std::optional<bool> answer;
  if (!pending) answer = false;  // nothing to ask any more
  if (ImGui::Button(tr(yes))) answer = true;
  ui_.anchor(anchor + "_yes");
  ImGui::SameLine();
  if (ImGui::Button(tr(no))) answer = false;
  ui_.anchor(anchor + "_no");
  if (answer) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return answer;
}

std::string App::policy_name(std::string_view id) const {
  const core::PolicyFile* p = session_.policies().find(id);
  return p == nullptr ? "" : app::policy_name(*p);
}

void App::draw_policy_replace_popup() {
  const std::string id = pending_policy_ ? core::parse_policy_file("", *pending_policy_).value.id : "";
  const auto answer = ask("##replace_policy", pending_policy_.has_value(),
                          printf_text(tr(Str::policy_replace_explain), policy_name(id)), Str::policy_replace_yes,
                          Str::policy_replace_no, "policy_replace");
  if (!answer) return;
  if (*answer && pending_policy_) put_policy(*pending_policy_);
  pending_policy_.reset();
}

void App::ask_remove_policy(const std::string& id) {
  // Households under it would have no policy: they are given another first.
  const auto users = std::count_if(roster_.households().begin(), roster_.households().end(),
                                   [&](const core::WorkspaceHousehold& h) { return h.household.policy == id; });
  if (users > 0) {
    open_errors_ = {{"/policy", "expected a policy no roster household is under before removing it, got " + id +
                                    ", which " + std::to_string(users) + " are under"}};
    return;
  }
  pending_policy_removal_ = id;
}

void App::draw_policy_remove_popup() {
  const std::string id = pending_policy_removal_.value_or("");
  const auto answer = ask("##remove_policy", pending_policy_removal_.has_value(),
                          printf_text(tr(Str::policy_remove_explain), policy_name(id)), Str::policy_remove_yes,
                          Str::policy_remove_no, "policy_remove");
  if (!answer) return;
  pending_policy_removal_.reset();
  if (!*answer) return;
  if (user_policies_.remove(id))
    apply_policies();  // the calculator goes back to the policy hers was made from (Session::set_policies)
  else
    open_errors_ = {{"/policy", "expected a policy none of your others inherits from, got " + id}};
}

void App::apply_policies() {
  if (user_policies_.generation() == policies_applied_) return;
  policies_applied_ = user_policies_.generation();
  session_.set_policies(user_policies_.set());
  roster_.set_policies(user_policies_.set());
}

void App::replace_font(std::vector<unsigned char> font_ttf) {
  font_ttf_ = std::move(font_ttf);
  full_font_ = true;
  pixel_ratio_ = 0.0f;
  for (const core::Document* d : core::DocumentSet::embedded().documents())
    for (std::string_view text :
         {std::string_view(d->title_zh), std::string_view(d->issuer), std::string_view(d->text)})
      glyphs_.need(text);
}

void App::need_glyphs_of_new_text() {
  if (session_.generation() != glyphs_session_seen_) {
    glyphs_session_seen_ = session_.generation();
    glyphs_.need(session_.household());
    glyphs_.need(session_.reform().name);
  }
  if (roster_.generation() != glyphs_roster_seen_) {
    glyphs_roster_seen_ = roster_.generation();
    for (const core::WorkspaceHousehold& entry : roster_.households()) glyphs_.need(entry.household);
  }
  if (user_policies_.generation() != glyphs_policies_seen_) {
    glyphs_policies_seen_ = user_policies_.generation();
    for (const UserPolicies::Entry& entry : user_policies_.entries()) glyphs_.need(entry.text);
  }
}

bool App::prepare_fonts(float pixel_ratio) {
  if (std::exchange(restyle_, false) && pixel_ratio == pixel_ratio_) apply_style();
  need_glyphs_of_new_text();
  const bool new_glyphs = full_font_ && glyphs_.changed();
  if (pixel_ratio == pixel_ratio_ && !new_glyphs) return false;
  const bool new_ratio = pixel_ratio != pixel_ratio_;
  pixel_ratio_ = pixel_ratio;
  const float atlas_ratio = pixel_ratio < max_atlas_ratio ? pixel_ratio : max_atlas_ratio;

  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;  // WebGL2 takes any height: less memory
  if (!font_ttf_.empty()) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the bytes belong to font_ttf_
    config.OversampleH = 1;               // CJK glyphs are dense; oversampling would triple the atlas
    config.PixelSnapH = true;
    // The UI font is a small subset: all of it. The full font: the UI font's characters and the text's.
    const ImWchar* ranges = full_font_ ? glyphs_.ranges().data() : ui_glyph_ranges;
    io.Fonts->AddFontFromMemoryTTF(font_ttf_.data(), static_cast<int>(font_ttf_.size()), base_font_size * atlas_ratio,
                                   &config, ranges);
  } else {
    io.Fonts->AddFontDefault();
  }
  const auto start = std::chrono::steady_clock::now();
  io.Fonts->Build();
  atlas_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!full_font_)
    for (const ImFontGlyph& glyph : io.Fonts->Fonts[0]->Glyphs) glyphs_.need_codepoint(glyph.Codepoint);
  font_scale_ = pixel_ratio / atlas_ratio;
  io.FontGlobalScale = font_scale_ * presenter_text_scale();
  missing_glyphs_.reset();  // counted when asked (state_json), not before the first frame
  if (new_ratio) apply_style();
  return true;
}

void App::apply_style() {
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0.0f;
  style.FrameRounding = 4.0f;
  style.FramePadding = ImVec2(8.0f, 5.0f);
  style.ItemSpacing = ImVec2(10.0f, 8.0f);
  if (ui_.touch) {
    // A finger's target: buttons and fields 44 CSS pixels high (18-pixel text + 2 × 13), more room between them.
    style.FramePadding = ImVec2(12.0f, (touch_target - base_font_size) * 0.5f);
    style.ItemSpacing = ImVec2(12.0f, 10.0f);
    style.ScrollbarSize = 20.0f;
    style.GrabMinSize = 20.0f;
  }
  style.ScaleAllSizes(pixel_ratio_);
  ImGui::GetStyle() = style;
}

void App::set_touch(bool touch) {
  if (ui_.touch == touch) return;
  ui_.touch = touch;
  restyle_ = true;
}

namespace {

int count_missing(const ImFont& font, std::string_view text) {
  int missing = 0;
  for (const char *p = text.data(), *end = p + text.size(); p < end;) {
    unsigned int c = 0;
    p += ImTextCharFromUtf8(&c, p, end);
    if (c >= 0x20 && font.FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) ++missing;
  }
  return missing;
}

}  // namespace

int App::count_missing_glyphs() const {
  const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  int missing = 0;
  for (Language language : {Language::zh_CN, Language::en})
    for (size_t i = 0; i < static_cast<size_t>(Str::count_); ++i)
      missing += count_missing(*font, tr(static_cast<Str>(i), language));
  return missing;
}

int App::count_missing_document_glyphs() const {
  const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  int missing = 0;
  for (const core::Document* d : core::DocumentSet::embedded().documents())
    missing += count_missing(*font, d->title_zh) + count_missing(*font, d->issuer) + count_missing(*font, d->text);
  return missing;
}

void App::draw_frame() {
  apply_policies();  // the user's policies changed (here, at start, or in another tab)
  ui_.anchors.clear();
  ui_.scrolls.clear();
  ui_.documents = &session_.policies().documents();
  ui_.params = &session_.params();
  ui_.pixel_ratio = pixel_ratio_;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  constexpr ImGuiWindowFlags host_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                          ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##host", nullptr, host_flags);
  draw_menu_bar();
  draw_storage_banner();
  draw_view_tabs();
  // Large type in the presenter, from the next frame (the font size of this one is already set).
  ImGui::GetIO().FontGlobalScale = font_scale_ * presenter_text_scale();
  draw_about_popup();
  draw_backups_popup();
  if (auto text = import_preview_.draw(ui_)) open_text(*text);
  const formats::ColumnAliases aliases_before = column_aliases_;
  auto imported = workbook_import_.draw(ui_, column_aliases_);
  if (column_aliases_ != aliases_before) session_changed_ = true;  // her matches are kept with the session
  if (auto households = std::move(imported)) {
    const size_t first = roster_.households().size();
    open_errors_ = roster_.import_entries(std::move(*households), session_.policy());
    if (open_errors_.empty()) record_added(first, true);
  }
  draw_open_errors();
  draw_share_popup();
  draw_replace_popup();
  draw_policy_replace_popup();
  draw_policy_remove_popup();
  draw_conflict_popup();
  draw_unreadable_popup();
  ImGui::End();
  if (auto replacement = std::exchange(view_state_.replace, std::nullopt)) request_replace(std::move(*replacement));
  if (std::exchange(roster_view_.added_current, false) && roster_view_.selected >= 0) {
    record_added(static_cast<size_t>(roster_view_.selected), false);
    link_to_record(roster_.records()[static_cast<size_t>(roster_view_.selected)].key);
  }
  // Ctrl+Z takes back the last step, unless a field is being typed in (its own undo is the text's).
  const ImGuiIO& io = ImGui::GetIO();
  if (std::exchange(roster_view_.undo, false) || std::exchange(undo_requested_, false) ||
      (io.KeyCtrl && !io.WantTextInput && !ui_.edit.active &&
       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)))
    undo();
  follow_session();
  ++frame_count_;
}

void App::draw_menu_bar() {
  if (!ImGui::BeginMenuBar()) return;
  // Phones get the short title, so the menus and the language switch fit on one bar.
  const bool narrow = ImGui::GetMainViewport()->Size.x < ImGui::GetFontSize() * 30.0f;
  ImGui::TextUnformatted(tr(narrow ? Str::app_title_short : Str::app_title));
  if (ImGui::BeginMenu(tr(Str::menu_views))) {
    for (const ViewInfo& v : views) {
      if (v.view == View::presenter && !presenter_.on) continue;
      if (ImGui::MenuItem(tr(v.title), nullptr, view_ == v.view)) {
        view_ = v.view;
        view_requested_ = true;
      }
      ui_.anchor(std::string("menu_") + v.anchor);  // a phone reaches the tabs scrolled off screen from here
    }
    ImGui::EndMenu();
  }
  ui_.anchor("menu_views");
  // A projector's mode is not for a phone: its place on a narrow bar goes to 撤销 and the save state.
  if ((!narrow || presenter_.on) && ImGui::MenuItem(tr(Str::presenter_mode), nullptr, presenter_.on)) {
    // Large text in every view, and the prepared scenarios as a tab of their own, shown first.
    presenter_.on = !presenter_.on;
    presenter_.scenario = -1;
    if (presenter_.on || view_ == View::presenter) {
      view_ = presenter_.on ? View::presenter : View::household;
      view_requested_ = true;
    }
  }
  ui_.anchor("menu_presenter");
  draw_undo_menu();
  if (ImGui::BeginMenu(tr(Str::menu_help))) {
    if (ImGui::MenuItem(tr(Str::about_version))) about_requested_ = true;
    if (ImGui::MenuItem(tr(Str::backups_menu))) backups_requested_ = true;
    ui_.anchor("menu_backups");
    ImGui::EndMenu();
  }
  ui_.anchor("menu_help");
  // The language switch sits at the right end of the bar, one click away; whether the work is stored, beside it.
  const char* label = tr(Str::language_switch);
  const float width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2.0f;
  draw_save_state(ImGui::GetWindowContentRegionMax().x - width);
  ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - width);
  if (ImGui::Button(label)) set_language(language() == Language::zh_CN ? Language::en : Language::zh_CN);
  ui_.anchor("language_switch");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::language_switch_tip));
  ImGui::EndMenuBar();
}

// 撤销: the last step, one click away; the ones before it listed greyed, newest first.
void App::draw_undo_menu() {
  if (ImGui::BeginMenu(tr(Str::undo_menu))) {
    if (undo_.empty()) {
      ImGui::TextDisabled("%s", tr(Str::undo_none));
    } else {
      const std::string last = printf_text(tr(Str::undo_item), undo_label(undo_.last()));
      if (ImGui::MenuItem(last.c_str(), "Ctrl+Z")) undo_requested_ = true;  // taken back once the frame is drawn
      ui_.anchor("undo_last");
      for (size_t i = undo_.steps().size() - 1; i-- > 0;)
        ImGui::TextDisabled("%s", undo_label(undo_.steps()[i]).c_str());
    }
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr(Str::undo_help));
    ImGui::EndMenu();
  }
  ui_.anchor("menu_undo");
}

float App::presenter_text_scale() const {
  if (!presenter_.on) return 1.0f;
  const float css_width = ImGui::GetMainViewport()->Size.x / std::max(pixel_ratio_, 0.5f);
  return std::max(presenter_min_scale, css_width / presenter_width_per_scale);
}

void App::draw_view_tabs() {
  if (!ImGui::BeginTabBar("##views", ImGuiTabBarFlags_FittingPolicyScroll)) return;
  // A view may ask for another while it draws (the roster opens the calculator): that request is for the next frame.
  const bool requested = std::exchange(view_requested_, false);
  std::array<const ViewInfo*, views.size()> order;  // the presenter's scenarios first, while it is on
  size_t shown = 0;
  if (presenter_.on) order[shown++] = &info(View::presenter);
  for (const ViewInfo& v : views)
    if (v.view != View::presenter) order[shown++] = &v;
  for (size_t k = 0; k < shown; ++k) {
    const ViewInfo& v = *order[k];
    const ImGuiTabItemFlags flags = (requested && view_ == v.view) ? ImGuiTabItemFlags_SetSelected : 0;
    // "###" keeps the tab's identity when the language changes its label.
    const std::string label = std::string(tr(v.title)) + "###" + v.anchor;
    const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, flags);
    ui_.anchor(v.anchor);
    if (open) {
      if (!requested) view_ = v.view;
      draw_view(v.view);
      ImGui::EndTabItem();
    }
  }
  ImGui::EndTabBar();
}

void App::draw_view(View view) {
  // The calculator's household, when it is a roster record, is assessed with that record's quarterly ledger.
  view_state_.ledger = nullptr;
  if (current_record_)
    if (const auto index = roster_.find(*current_record_)) view_state_.ledger = &roster_.households()[*index].ledger;
  switch (view) {
    case View::household:
      draw_household_view(ui_, session_, view_state_, requests_);
      break;
    case View::projection:
      session_.refresh();
      ImGui::BeginChild("##projection_view");
      draw_projection_view(ui_, session_, view_state_, requests_);
      ui_.drag_to_scroll();
      ImGui::EndChild();
      break;
    case View::programmes:
      session_.refresh();
      draw_programmes_view(ui_, session_);
      break;
    case View::policy:
      draw_policy_view(ui_, session_, view_state_, requests_);
      break;
    case View::village:
      draw_village_view(ui_, session_, village_, requests_);
      break;
    case View::roster: {
      // The reform in force applies to the roster too — to the households of the policy it changes (the
      // calculator's, when it names none) — unless she asked for the policies in force.
      core::Reform reform = roster_view_.policy_in_force ? core::Reform{} : session_.reform();
      if (reform.policy.empty()) reform.policy = session_.policy().id;
      roster_.set_reform(reform);
      roster_view_.reform_text = session_.reform().empty() ? "" : reform_in_force(session_.reform(), session_.params());
      bool open_calculator = false;
      draw_roster_view(ui_, session_, roster_, roster_view_, undo_, requests_, open_calculator);
      if (open_calculator && roster_view_.selected >= 0)
        request_replace(
            {Replacement::Kind::roster_household, roster_.records()[static_cast<size_t>(roster_view_.selected)].key});
      break;
    }
    case View::documents:
      draw_documents_view(ui_, documents_view_, session_.policies());
      break;
    case View::presenter:
      draw_presenter(ui_, session_, village_, presenter_, requests_);
      if (!presenter_.on) {  // left with its own 退出 button or Esc
        view_ = View::household;
        view_requested_ = true;
      }
      break;
    default:
      draw_placeholder_view(view);
      break;
  }
  // 新建本县政策 asked from the policy picker: its form is in 政策模拟.
  if (view_state_.policy_draft.start_new && view_ != View::policy) {
    view_ = View::policy;
    view_requested_ = true;
  }
  // A source clicked in this view: its document, at the clause, from the next frame.
  if (auto source = std::exchange(ui_.open_source, std::nullopt)) {
    documents_view_.show(*source);
    view_ = View::documents;
    view_requested_ = true;
  }
}

PlatformRequests App::take_requests() {
  requests_.read_workbook = workbook_import_.take_reading(column_aliases_);
  if (requests_.open_file) pending_open_ = requests_.open_kind;
  if (requests_.household_saved) {
    session_unsaved_ = false;
    session_changed_ = true;
  }
  if (!requests_.keep_policy.empty()) {
    put_policy(requests_.keep_policy);
    if (open_errors_.empty() && requests_.keep_policy_has_reform) session_.set_reform({});  // the policy's own now
    PolicyDraftState& draft = view_state_.policy_draft;
    if (std::exchange(draft.made, false) && open_errors_.empty()) {  // the draft is her policy now
      draft = PolicyDraftState{};
      session_changed_ = true;
    }
  }
  if (std::exchange(view_state_.policy_draft.changed, false)) session_changed_ = true;
  if (!requests_.remove_policy.empty()) ask_remove_policy(requests_.remove_policy);
  if (requests_.save_workspace) {
    requests_.save_name = "zengshou-workspace.json";
    requests_.save_text = workspace_text();
  }
  return std::exchange(requests_, {});
}

// Called between frames, where ImGui has no current window: the error window opens in the next frame.
void App::open_file_text(std::string_view bytes) {
  // A workbook is a roster's: it waits in its window, shown before anything changes.
  if (pending_open_ == OpenKind::roster && workbook_import_.start(bytes, session_.household().year)) return;
  if (auto text = import_preview_.receive(bytes)) open_text(*text);
  for (const std::string& line : import_preview_.lines()) glyphs_.need(line);
}

void App::open_text(std::string_view text) {
  switch (pending_open_) {
    case OpenKind::reform:
      open_errors_ = session_.open_reform(text);
      break;
    case OpenKind::roster: {
      const size_t first = roster_.households().size();
      auto imported = roster_.import(text, session_.policy(), column_aliases_);
      if (imported.errors.empty() && roster_.households().size() > first) record_added(first, true);
      // A cadre's own CSV waits in the import window, as a workbook does (the page reads the picked file again).
      if (imported.for_window) workbook_import_.start_csv(session_.household().year);
      open_errors_ = std::move(imported.errors);
      break;
    }
    case OpenKind::policy: {
      // Another's file is untrusted: it joins her policies only when it reads whole. One with the id of a policy
      // she has already replaces it only when she says so.
      auto file = core::parse_policy_file("", text);
      open_errors_ = file.errors;
      if (!file.ok()) break;
      // A built-in policy's own file (exported, passed on) is that policy: picked, nothing added.
      if (const core::PolicyFile* builtin = core::PolicySet::embedded().find(file.value.id);
          builtin != nullptr && core::write_policy_file(*builtin) == core::write_policy_file(file.value)) {
        session_.set_policy(*session_.policies().find(builtin->id));
        break;
      }
      const auto mine = user_policies_.find("p/" + file.value.id);
      if (mine && user_policies_.entries()[*mine].text != core::write_policy_file(file.value))
        pending_policy_ = std::string(text);
      else
        put_policy(text);
      break;
    }
    case OpenKind::workspace: {
      // A workspace file's households join the roster (nothing there is replaced); its calculator and reform are
      // taken only where they replace no work.
      auto parsed = core::parse_workspace(text);
      open_errors_ = parsed.errors;
      if (!parsed.ok()) break;
      const size_t first = roster_.households().size();
      open_errors_ = roster_.add_all(std::move(parsed.value.households));
      if (!open_errors_.empty()) break;
      record_added(first, true);
      // Her policies, which the households may be under (the roster is evaluated again under them). One with the id
      // of a policy she has keeps hers; one that does not read is listed at its place.
      core::InputErrors policy_problems;
      for (size_t i = 0; i < parsed.value.policies.size(); ++i) {
        const std::string at = "/policies/" + std::to_string(i);
        const std::string& policy = parsed.value.policies[i];
        const auto file = core::parse_policy_file("", policy);
        if (const auto mine = file.ok() ? user_policies_.find("p/" + file.value.id) : std::nullopt) {
          if (user_policies_.entries()[*mine].text != core::write_policy_file(file.value))
            policy_problems.push_back({at + "/id", "expected a policy id you do not have yet (yours is kept), got \"" +
                                                       file.value.id + "\""});
          continue;
        }
        for (core::InputError& e : user_policies_.put(policy).errors)
          policy_problems.push_back({at + e.where, e.expected});
      }
      apply_policies();
      open_errors_ = std::move(policy_problems);  // listed; the rest of the workspace still comes in
      if (session_unsaved_) break;
      if (parsed.value.current) {
        session_.load(std::move(*parsed.value.current));
        seen_session_ = session_.generation();
        session_changed_ = true;
        const auto index = parsed.value.current_index;
        link_to_record(index ? std::optional(roster_.records()[first + static_cast<size_t>(*index)].key)
                             : std::nullopt);
      }
      if (session_.reform().empty()) session_.set_reform_only(std::move(parsed.value.reform));
      break;
    }
    default: {
      // Read first: a file that cannot be read changes nothing and asks nothing.
      auto parsed = core::parse_household(text);
      if (!parsed.ok()) {
        open_errors_ = parsed.errors;
        break;
      }
      request_replace({Replacement::Kind::household_file, std::string(text)});
      break;
    }
  }
}

void App::request_replace(Replacement replacement) {
  // A roster household already is in the roster, and a household saved or unchanged has nothing to lose.
  if (!session_unsaved_ || current_record_) {
    replace_household(replacement);
    return;
  }
  pending_replace_ = std::move(replacement);
}

void App::replace_household(const Replacement& r) {
  // What the calculator shows now, to take back with 撤销: its own work, or the roster household it shows.
  std::optional<UndoStep> before;
  if (session_unsaved_ || current_record_) before = calculator_step();
  core::InputErrors errors;
  std::optional<std::string> record;
  switch (r.kind) {
    case Replacement::Kind::new_household:
      session_.reset();
      break;
    case Replacement::Kind::household_file:
      errors = session_.open(r.text);
      break;
    case Replacement::Kind::share_link:
      errors = session_.open_share(r.text);
      break;
    case Replacement::Kind::roster_household:
      if (const auto index = roster_.find(r.text)) {
        session_.load(roster_.households()[*index].household);
        record = r.text;
      }
      break;
  }
  open_errors_ = errors;
  if (!errors.empty()) return;
  if (before) undo_.push(std::move(*before));
  link_to_record(record);
  seen_session_ = session_.generation();  // opening is not an edit: nothing to write back to the roster
  session_changed_ = true;
  session_unsaved_ = false;
  view_ = View::household;
  view_requested_ = true;
  // Another household in the guided mode starts from its first question.
  if (view_state_.guide.on) view_state_.guide = {true, 0, 0};
}

UndoStep App::calculator_step() const {
  UndoStep step{.kind = UndoStep::Kind::calculator_replaced, .calculator = session_.household()};
  step.calculator->policy = session_.policy().id;
  step.record = current_record_;
  step.unsaved = session_unsaved_;
  step.subject = household_subject(session_.household());
  return step;
}

void App::record_added(size_t first, bool imported) {
  UndoStep step{.kind = UndoStep::Kind::roster_added, .imported = imported};
  for (size_t i = first; i < roster_.records().size(); ++i) step.keys.push_back(roster_.records()[i].key);
  step.subject = std::to_string(step.keys.size());
  undo_.push(std::move(step));
}

void App::undo() {
  if (undo_.empty()) return;
  UndoStep step = undo_.pop();
  roster_view_.selected = -1;
  if (step.kind != UndoStep::Kind::calculator_replaced) {
    auto done = undo_roster_step(roster_, step);
    open_errors_ = std::move(done.errors);
    if (!open_errors_.empty()) undo_.push(std::move(step));  // kept for when there is room
    // Households an import brought in, taken out with whatever was done to them since: one more 撤销 brings them back.
    if (done.removed) {
      undo_.push(std::move(*done.removed));
    }
    return;
  }
  // The household now in the calculator is not lost either: when it is kept nowhere else, it is kept under the step
  // before (on top, the next 撤销 would swap the two back).
  if (session_unsaved_ && !current_record_) undo_.push_under_last(calculator_step());
  const auto index = step.record ? roster_.find(*step.record) : std::nullopt;
  // A roster household comes back as the roster has it now (its ledger or another tab may have changed it since).
  session_.load(index ? roster_.households()[*index].household : *step.calculator);
  link_to_record(index ? step.record : std::nullopt);
  seen_session_ = session_.generation();
  session_changed_ = true;
  // Removed from the roster since: the calculator's copy is the only one left.
  session_unsaved_ = !index && (step.unsaved || step.record.has_value());
  view_ = View::household;
  view_requested_ = true;
}

void App::link_to_record(std::optional<std::string> key) {
  current_record_ = std::move(key);
  session_changed_ = true;
  if (current_record_) session_unsaved_ = false;
}

void App::follow_session() {
  if (session_.generation() == seen_session_) return;
  seen_session_ = session_.generation();
  session_changed_ = true;
  if (!current_record_) {
    session_unsaved_ = true;
    return;
  }
  if (const auto index = roster_.find(*current_record_)) {
    // The roster's only new text is the household's, which the glyphs take from the session: no need to go through
    // the whole roster again for it.
    const bool glyphs_seen = glyphs_roster_seen_ == roster_.generation();
    roster_.set_household(*index, session_.household());
    if (glyphs_seen) glyphs_roster_seen_ = roster_.generation();
  } else {
    current_record_.reset();  // removed from the roster: the calculator keeps it as its own, with this edit
    session_unsaved_ = true;
  }
}

void App::reload_current_record() {
  if (!current_record_) return;
  if (const auto index = roster_.find(*current_record_)) {
    session_.load(roster_.households()[*index].household);
    seen_session_ = session_.generation();
  } else {
    current_record_.reset();
    session_unsaved_ = true;  // its record is gone: the calculator's copy is the only one left
  }
  session_changed_ = true;
}

std::string App::session_record_text() const {
  core::SessionRecord record;
  record.current = session_.household();
  record.current->policy = session_.policy().id;
  record.current_record = current_record_;
  record.current_unsaved = session_unsaved_;
  record.reform = session_.reform();
  record.policy_draft = view_state_.policy_draft.draft;
  record.column_aliases = column_aliases_;
  return core::session_record_json(record);
}

void App::write_workspace(std::ostream& out) const {
  core::Household current = session_.household();
  current.policy = session_.policy().id;
  std::optional<int> index;
  if (current_record_)
    if (const auto i = roster_.find(*current_record_)) index = static_cast<int>(*i);
  std::vector<std::string> policies;
  for (const UserPolicies::Entry& e : user_policies_.entries()) policies.push_back(e.text);
  core::write_workspace_json(roster_.households(), &current, index, session_.reform(), policies, out);
}

std::string App::workspace_text() const {
  std::ostringstream out;
  write_workspace(out);
  return out.str();
}

void App::restore_record(std::string_view key, int version, std::string_view text, bool unsaved) {
  if (key != session_key) {
    store_.restore(roster_, key, version, text, unsaved);
    return;
  }
  apply_policies();  // read before the session ("p/" < "session"): its household may be under one of them
  auto parsed = core::parse_session_record(text);
  if (!parsed.ok()) {
    store_.set_aside_session(roster_, version, text, std::move(parsed.errors));
    return;
  }
  store_.set_session_version(version);
  if (parsed.value.current) session_.load(std::move(*parsed.value.current));
  session_.set_reform_only(std::move(parsed.value.reform));
  view_state_.policy_draft = PolicyDraftState{};
  view_state_.policy_draft.draft = std::move(parsed.value.policy_draft);
  column_aliases_ = std::move(parsed.value.column_aliases);
  current_record_ = std::move(parsed.value.current_record);
  session_unsaved_ = parsed.value.current_unsaved && !current_record_;
  session_changed_ = unsaved;
  seen_session_ = session_.generation();
}

void App::restore_finished() {
  seen_session_ = session_.generation();  // what was read back (or the first blank household) is not an edit
  // The calculator's record may have gone (removed in another tab): its household stays in the calculator.
  if (current_record_ && !roster_.find(*current_record_)) reload_current_record();
  // The roster read back is what is stored, not a change to store again.
  if (!store_.unreadable().empty()) show_unreadable_ = true;
}

void App::migrate_workspace(std::string_view text) {
  core::SalvagedWorkspace salvaged = store_.migrate(roster_, text);
  if (!salvaged.errors.empty()) {
    open_errors_ = {{"", tr(Str::restore_failed)}};
    for (const core::InputError& e : salvaged.errors) open_errors_.push_back(e);
  }
  if (salvaged.workspace.current) {
    session_.load(std::move(*salvaged.workspace.current));
    seen_session_ = session_.generation();
  }
  session_.set_reform_only(std::move(salvaged.workspace.reform));
  const auto index = salvaged.workspace.current_index;
  current_record_ = index ? std::optional(roster_.records()[static_cast<size_t>(*index)].key) : std::nullopt;
  session_changed_ = true;
  if (!store_.unreadable().empty()) show_unreadable_ = true;
}

std::vector<WorkspaceStore::Write> App::take_store_writes(bool now) {
  // Without a database the work stays in the page (the banner says so and offers the export).
  if (store_.writing() || storage_problem_ == StorageProblem::unavailable || storage_problem_ == StorageProblem::slow)
    return {};
  const double time = ImGui::GetTime();
  // After a failure, a new try every few seconds rather than every frame.
  const double pause = storage_problem_ == StorageProblem::none ? 0.3 : 3.0;
  if (!now && last_store_ >= 0.0 && time - last_store_ < pause) return {};
  std::optional<std::string> session;
  if (session_changed_) session = session_record_text();
  auto writes = store_.take_writes(roster_, std::move(session));
  if (!writes.empty()) {
    session_changed_ = false;
    last_store_ = time;
  }
  return writes;
}

void App::store_conflict(const std::string& key, int version, std::optional<std::string_view> text) {
  store_.conflicted(roster_, key, version, text);
}

void App::store_done(bool failed) {
  if (failed) session_changed_ = true;  // written again with the rest
  store_.batch_done(roster_, failed);
}

void App::stored_elsewhere(const std::string& key, int version, std::optional<std::string_view> text) {
  if (store_.stored_elsewhere(roster_, key, version, text) && current_record_ == key) {
    const auto index = roster_.find(key);
    if (!index || !roster_.records()[*index].changed) reload_current_record();
  }
}

std::string App::unsaved_records_json() const {
  // A session in a write under way is not stored yet either: the tab may close before the write ends.
  const bool unstored = session_changed_ || store_.writing_session();
  return store_.unsaved_json(roster_, unstored ? std::optional(session_record_text()) : std::nullopt);
}

void App::share_link_made(std::string link) {
  share_link_ = std::move(link);
  share_qr_ = formats::encode_qr(share_link_);
  share_popup_ = true;
}

void App::open_share(std::string_view text) {
  // Read first: a link that cannot be read changes nothing and asks nothing.
  if (auto parsed = core::parse_share(text); !parsed.ok()) {
    open_errors_ = parsed.errors;
    return;
  }
  request_replace({Replacement::Kind::share_link, std::string(text)});
}

void App::open_policy_link(std::string_view text) {
  pending_open_ = OpenKind::policy;
  open_text(text);
}

void App::draw_share_popup() {
  if (share_popup_) {
    ImGui::OpenPopup("##share");
    share_popup_ = false;
  }
  // In the middle of the screen, whatever opened it: on a phone the button is near an edge.
  const ImGuiViewport* screen = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(ImVec2(screen->Size.x * 0.8f, 0), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(screen->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopup("##share")) return;
  ImGui::TextUnformatted(tr(Str::share_title));
  const bool policy = share_link_.find("#policy=") != std::string::npos;
  ui_.wrapped(tr(policy ? Str::share_policy_explain : Str::share_explain));
  draw_share_qr();
  ui_.wrapped(share_link_);
  ui_.anchor("share_text");
  if (ImGui::Button(tr(Str::close))) ImGui::CloseCurrentPopup();
  ui_.anchor("share_close");
  ImGui::EndPopup();
}

// The link as a QR code for a phone's camera: dark modules on white with the four-module quiet zone, at most
// 320 CSS pixels wide. A code whose modules would be under 2 device pixels cannot be scanned, and is not drawn.
void App::draw_share_qr() {
  const int modules = share_qr_ ? share_qr_->size + 8 : 0;
  const float side = std::min(ImGui::GetContentRegionAvail().x, 320.0f * pixel_ratio_);
  const float module = modules > 0 ? std::floor(side / static_cast<float>(modules)) : 0.0f;
  if (module < 2.0f) {
    ImGui::TextDisabled("%s", tr(Str::share_qr_too_long));
    return;
  }
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + module * modules, at.y + module * modules), IM_COL32_WHITE);
  // A rectangle for each run of dark modules in a row: a quarter of the vertices of one a module, which keeps the
  // largest code well inside the 65 536 a WebGL draw call indexes.
  for (int y = 0; y < share_qr_->size; ++y)
    for (int x = 0; x < share_qr_->size;) {
      if (!share_qr_->dark(x, y)) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < share_qr_->size && share_qr_->dark(x, y)) ++x;
      const ImVec2 from(at.x + module * (start + 4), at.y + module * (y + 4));
      draw->AddRectFilled(from, ImVec2(at.x + module * (x + 4), from.y + module), IM_COL32_BLACK);
    }
  ImGui::Dummy(ImVec2(module * modules, module * modules));
  ui_.anchor("share_qr");
  ui_.wrapped(tr(Str::share_qr_explain));
}

// Above every view while the browser cannot store the workspace: what it means, and the way to keep the work.
void App::draw_storage_banner() {
  if (storage_problem_ == StorageProblem::none) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.72f, 0.11f, 0.11f, 1.0f));
  switch (storage_problem_) {
    case StorageProblem::full:
      ui_.wrapped(tr(Str::storage_full));
      break;
    case StorageProblem::failed:
      ui_.wrapped(printf_text(tr(Str::storage_failed), storage_detail_));
      break;
    case StorageProblem::slow:
      ui_.wrapped(tr(Str::storage_slow));
      break;
    default:
      ui_.wrapped(tr(Str::storage_unavailable));
      break;
  }
  ImGui::PopStyleColor();
  ui_.anchor("storage_banner");
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(Str::workspace_export))) requests_.save_workspace = true;
  ui_.anchor("storage_export");
}

// 已保存 / 正在保存 / 未能保存 in the menu bar, and the records that could not be read, one click away.
void App::draw_save_state(float right) {
  Str state = Str::save_state_saved;
  if (storage_problem_ == StorageProblem::unavailable || storage_problem_ == StorageProblem::slow)
    state = Str::save_state_memory;
  else if (storage_problem_ != StorageProblem::none)
    state = Str::save_state_failed;
  else if (session_changed_ || store_.has_unsaved(roster_))
    state = Str::save_state_saving;
  // Only where it fits before the language switch (a phone's bar is full); a storage problem has its banner.
  if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(tr(state)).x + ImGui::GetStyle().ItemSpacing.x <= right)
    ImGui::TextDisabled("%s", tr(state));
  ui_.anchor("save_state");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::save_state_tip));
  if (!store_.unreadable().empty()) {
    const std::string label = printf_text(tr(Str::unreadable_button), std::to_string(store_.unreadable().size()));
    if (ImGui::SmallButton(label.c_str())) show_unreadable_ = true;
    ui_.anchor("unreadable_button");
  }
}

// Before anything replaces the calculator's unsaved household: keep it (roster, file), open the new one beside it,
// or let it go — the user says which.
void App::draw_replace_popup() {
  if (pending_replace_ && !ImGui::IsPopupOpen("##replace")) ImGui::OpenPopup("##replace");
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetMainViewport()->Size.x * 0.8f, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("##replace", nullptr, ImGuiWindowFlags_NoTitleBar)) return;
  ImGui::TextUnformatted(tr(Str::replace_title));
  ImGui::Separator();
  ui_.wrapped(tr(Str::replace_explain));
  std::optional<Replacement> go;
  bool answered = !pending_replace_;
  if (ImGui::Button(tr(Str::replace_keep_roster))) {
    roster_.add(session_.household());
    go = pending_replace_;
    answered = true;
  }
  ui_.anchor("replace_keep_roster");
  if (ImGui::Button(tr(Str::replace_keep_file))) {
    requests_.save_text = session_.save();
    requests_.save_name = (session_.household().id.empty() ? "household" : session_.household().id) + ".json";
    go = pending_replace_;
    answered = true;
  }
  ui_.anchor("replace_keep_file");
  // Beside it: the new household goes to the roster, the calculator keeps this one (not for a blank household).
  const bool beside = pending_replace_ && (pending_replace_->kind == Replacement::Kind::household_file ||
                                           pending_replace_->kind == Replacement::Kind::share_link);
  if (beside && ImGui::Button(tr(Str::replace_beside))) {
    auto household = pending_replace_->kind == Replacement::Kind::share_link
                         ? core::Parsed<core::Household>{core::parse_share(pending_replace_->text).value.household, {}}
                         : core::parse_household(pending_replace_->text);
    if (household.ok()) {
      roster_view_.selected = static_cast<int>(roster_.add(std::move(household.value)));
      record_added(static_cast<size_t>(roster_view_.selected), false);
    }
    answered = true;
  }
  ui_.anchor("replace_beside");
  if (ImGui::Button(tr(Str::replace_discard))) {
    go = pending_replace_;
    answered = true;
  }
  ui_.anchor("replace_discard");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::cancel))) answered = true;
  ui_.anchor("replace_cancel");
  if (answered) {
    pending_replace_.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  if (go) replace_household(*go);
}

// A household two tabs changed: both shown, the user keeps one or both; nothing is written over unseen.
void App::draw_conflict_popup() {
  const auto& conflicts = store_.conflicts();
  if (!conflicts.empty() && !ImGui::IsPopupOpen("##conflict")) ImGui::OpenPopup("##conflict");
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetMainViewport()->Size.x * 0.8f, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("##conflict", nullptr, ImGuiWindowFlags_NoTitleBar)) return;
  if (conflicts.empty()) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const WorkspaceStore::Conflict& c = conflicts.front();
  const auto index = roster_.find(c.key);
  const auto summary = [&](const core::Household& h, core::Money per_capita) {
    char text[512];
    std::snprintf(text, sizeof text, tr(Str::conflict_summary), h.head.c_str(), std::to_string(h.size()).c_str(),
                  money_text(per_capita).c_str());
    return std::string(text);
  };
  ImGui::TextUnformatted(tr(Str::conflict_title));
  ui_.anchor("conflict_title");
  ImGui::Separator();
  if (index) {
    const core::Household& mine = roster_.households()[*index].household;
    char text[512];
    std::snprintf(text, sizeof text, tr(Str::conflict_explain), mine.id.c_str(), mine.head.c_str());
    ui_.wrapped(text);
    ui_.wrapped(std::string(tr(Str::conflict_mine)) + summary(mine, roster_.rows()[*index].per_capita_net));
  }
  if (c.theirs) {
    core::Result theirs;
    const core::PolicySet& policies = roster_.policies();
    if (const core::PolicyFile* p = policies.find(c.theirs->household.policy))
      core::evaluate_into(theirs, c.theirs->household, policies.resolve(*p, c.theirs->household.year));
    ui_.wrapped(std::string(tr(Str::conflict_theirs)) + summary(c.theirs->household, theirs.income.per_capita_net));
  } else {
    ui_.wrapped(std::string(tr(Str::conflict_theirs)) + tr(Str::conflict_deleted));
  }
  std::optional<WorkspaceStore::Resolution> answer;
  if (ImGui::Button(tr(Str::conflict_keep_mine))) answer = WorkspaceStore::Resolution::keep_mine;
  ui_.anchor("conflict_keep_mine");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::conflict_take_theirs))) answer = WorkspaceStore::Resolution::take_theirs;
  ui_.anchor("conflict_take_theirs");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::conflict_keep_both))) answer = WorkspaceStore::Resolution::keep_both;
  ui_.anchor("conflict_keep_both");
  if (answer) {
    const std::string key = c.key;
    // This tab's version is kept as a step: 撤销 brings it back, beside the other's or, where the other page deleted
    // it, as a household of its own again.
    if (*answer == WorkspaceStore::Resolution::take_theirs && index)
      undo_.push({.kind = c.theirs ? UndoStep::Kind::roster_replaced : UndoStep::Kind::roster_removed,
                  .households = {roster_.households()[*index]},
                  .subject = household_subject(roster_.households()[*index].household)});
    store_.resolve(roster_, *answer);
    if (current_record_ == key && *answer != WorkspaceStore::Resolution::keep_mine) reload_current_record();
    if (store_.conflicts().empty()) ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

// The stored records that could not be read: each with its problems, to export (and repair) or delete.
void App::draw_unreadable_popup() {
  if (show_unreadable_ && !store_.unreadable().empty() && !ImGui::IsPopupOpen("##unreadable"))
    ImGui::OpenPopup("##unreadable");
  show_unreadable_ = false;
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetMainViewport()->Size.x * 0.8f, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("##unreadable", nullptr, ImGuiWindowFlags_NoTitleBar)) return;
  ImGui::TextUnformatted(printf_text(tr(Str::unreadable_title), std::to_string(store_.unreadable().size())).c_str());
  ui_.anchor("unreadable_title");
  ImGui::Separator();
  ui_.wrapped(tr(Str::unreadable_explain));
  std::optional<size_t> drop;
  for (size_t i = 0; i < store_.unreadable().size() && i < 20; ++i) {
    const WorkspaceStore::Unreadable& u = store_.unreadable()[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Separator();
    for (size_t e = 0; e < u.errors.size() && e < 3; ++e) ui_.wrapped(error_text(u.errors[e]));
    if (ImGui::SmallButton(tr(Str::unreadable_export))) {
      // As a workspace file of that one entry: corrected, it reads back through 导入工作区.
      requests_.save_name = "zengshou-unreadable.json";
      requests_.save_text =
          u.key.rfind("h/", 0) == 0 ? "{\"schema\":\"zengshou.workspace/1\",\"households\":[" + u.text + "]}" : u.text;
    }
    ui_.anchor("unreadable_export_" + std::to_string(i));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Str::unreadable_drop))) drop = i;
    ui_.anchor("unreadable_drop_" + std::to_string(i));
    ImGui::PopID();
  }
  if (drop) store_.drop_unreadable(roster_, *drop);
  ImGui::Separator();
  if (ImGui::Button(tr(Str::close)) || store_.unreadable().empty()) ImGui::CloseCurrentPopup();
  ui_.anchor("unreadable_close");
  ImGui::EndPopup();
}

void App::draw_open_errors() {
  if (!open_errors_.empty() && !ImGui::IsPopupOpen("##open_errors")) ImGui::OpenPopup("##open_errors");
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetMainViewport()->Size.x * 0.8f, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("##open_errors", nullptr, ImGuiWindowFlags_NoTitleBar)) return;
  ImGui::TextUnformatted(tr(Str::open_errors_title));
  ImGui::Separator();
  for (const core::InputError& e : open_errors_) ui_.wrapped(error_text(e));
  if (ImGui::Button(tr(Str::close))) {
    open_errors_.clear();
    ImGui::CloseCurrentPopup();
  }
  ui_.anchor("close_errors");
  ImGui::EndPopup();
}

void App::draw_placeholder_view(View view) {
  ImGui::Spacing();
  ImGui::TextUnformatted(tr(info(view).title));
  ImGui::Separator();
  ui_.wrapped(tr(info(view).about));
  ImGui::Spacing();
  ImGui::TextDisabled("%s", tr(Str::coming_soon));
  ImGui::Spacing();
  ui_.wrapped(tr(Str::app_tagline));
}

void App::draw_about_popup() {
  if (about_requested_) {
    ImGui::OpenPopup("##about");
    about_requested_ = false;
  }
  if (!ImGui::BeginPopup("##about")) return;
  ImGui::TextUnformatted(tr(Str::app_title));
  ImGui::Text("%s %s", tr(Str::about_version), core::version());
  ui_.wrapped(tr(Str::about_privacy));
  ImGui::EndPopup();
}

// The workspace as it was at the last few starts, each to download as a workspace file.
void App::draw_backups_popup() {
  if (std::exchange(backups_requested_, false)) ImGui::OpenPopup("##backups");
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetMainViewport()->Size.x * 0.7f, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopup("##backups")) return;
  ImGui::TextUnformatted(tr(Str::backups_title));
  ImGui::Separator();
  ui_.wrapped(tr(Str::backups_explain));
  if (backups_.empty()) ImGui::TextDisabled("%s", tr(Str::backups_none));
  for (size_t i = 0; i < backups_.size(); ++i) {
    const Backup& b = backups_[backups_.size() - 1 - i];  // newest first
    ImGui::PushID(static_cast<int>(i));
    char line[256];
    std::snprintf(line, sizeof line, tr(Str::backups_line), b.when.c_str(), b.households);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(line);
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Str::unreadable_export))) requests_.backup_export = b.key;
    ui_.anchor("backup_export_" + std::to_string(i));
    ImGui::PopID();
  }
  ImGui::EndPopup();
}

std::string App::state_json() const {
  using nlohmann::json;
  json anchors = json::object();
  for (const auto& [name, a] : ui_.anchors) anchors[name] = {{"x", a.x}, {"y", a.y}, {"w", a.width}, {"h", a.height}};
  json errors = json::array();
  json shown = json::array();
  for (const core::InputError& e : open_errors_) {
    errors.push_back(core::error_line(e));
    shown.push_back(error_text(e));
  }
  json state = json::object();
  state["language"] = language_tag(language());
  state["view"] = info(view_).anchor;
  state["document"] = documents_view_.open;
  state["frames"] = frame_count_;
  state["pixel_ratio"] = pixel_ratio_;
  state["scroll"] = ui_.scrolls;
  state["touch"] = ui_.touch;
  const ImVec2 mouse = ImGui::GetIO().MousePos;  // where ImGui has the pointer (off screen: none), CSS pixels
  state["pointer"] = {{"x", mouse.x / pixel_ratio_}, {"y", mouse.y / pixel_ratio_}};
  // The tooltip shown, if one is (its place, so the tests can check it covers nothing it explains).
  json tooltip = nullptr;
  for (const ImGuiWindow* w : GImGui->Windows)
    if (w->Active && (w->Flags & ImGuiWindowFlags_Tooltip) != 0)
      tooltip = {{"x", w->Pos.x / pixel_ratio_},
                 {"y", w->Pos.y / pixel_ratio_},
                 {"w", w->Size.x / pixel_ratio_},
                 {"h", w->Size.y / pixel_ratio_}};
  state["tooltip"] = tooltip;
  json undo = json::array();  // oldest first
  for (const UndoStep& step : undo_.steps()) undo.push_back(undo_label(step));
  state["undo"] = std::move(undo);
  if (!missing_glyphs_) missing_glyphs_ = {count_missing_glyphs(), count_missing_document_glyphs()};
  state["missing_glyphs"] = missing_glyphs_->first;
  state["missing_document_glyphs"] = missing_glyphs_->second;  // 0 once the full font (with the documents) is in
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  state["atlas"] = {{"font", full_font_ ? "full" : "ui"},
                    {"glyphs", atlas.Fonts.empty() ? 0 : atlas.Fonts[0]->Glyphs.Size},
                    {"width", atlas.TexWidth},
                    {"height", atlas.TexHeight},
                    {"build_ms", atlas_ms_}};  // the last build's time
  state["anchors"] = std::move(anchors);
  state["editing"] = ui_.edit.active;
  state["household"] = json::parse(session_.save(), nullptr, false);
  state["per_capita_net"] = money_text(session_.result().income.per_capita_net);
  json suggestions = json::array();  // 一户一策 as shown
  for (const core::Suggestion& sg : session_.result().suggestions)
    suggestions.push_back({{"kind", core::suggestion_kind_names[static_cast<size_t>(sg.kind)]},
                           {"adds", money_text(sg.adds)},
                           {"closes_gap", sg.closes_gap},
                           {"step", reason_text(sg.step)}});
  state["suggestions"] = std::move(suggestions);
  json programmes = json::array();  // every programme's amount, as the results page and the programmes view list them
  for (const core::ProgrammeResult& p : session_.result().programmes)
    programmes.push_back({{"id", core::info(p.id).id}, {"eligible", p.eligible}, {"amount", money_text(p.amount)}});
  state["programmes"] = std::move(programmes);
  {  // the monitoring verdict as the household page shows it (with the roster record's ledger)
    const std::vector<core::QuarterRecord> none;
    const core::MonitoringAssessment m = core::assess_monitoring(
        session_.household(), session_.result(), session_.params(), view_state_.ledger ? *view_state_.ledger : none);
    json conditions = json::object();
    for (const core::ConditionCheck& c : m.conditions)
      conditions[std::string(core::monitoring_condition_names[static_cast<size_t>(c.id)])] = c.met;
    state["monitoring"] = {{"verdict", core::monitoring_verdict_names[static_cast<size_t>(m.verdict)]},
                           {"kind", m.kind ? json(core::category_names[static_cast<size_t>(*m.kind)]) : json(nullptr)},
                           {"conditions", std::move(conditions)}};
  }
  state["cash_received"] = money_text(session_.result().income.cash_received);
  state["overflow"] = session_.result().overflow;  // where an amount overflowed; empty when none did
  state["open_errors"] = std::move(errors);
  // 新建本县政策: the draft (what she typed) and its problems, as last checked, by place.
  if (const PolicyDraftState& d = view_state_.policy_draft; d.draft) {
    json problems = json::array();
    if (d.checked)
      for (const core::InputError& e : d.checked->errors) problems.push_back(e.where);
    state["policy_draft"] = {{"open", d.open}, {"draft", core::policy_draft_to_json(*d.draft)}, {"problems", problems}};
  } else {
    state["policy_draft"] = nullptr;
  }
  state["open_errors_shown"] = std::move(shown);  // as the error window words them
  state["import_preview"] = import_preview_.state();
  state["workbook_import"] = workbook_import_.state();
  state["presenter"] = presenter_.on ? json{{"scenario", presenter_.scenario},
                                            {"title", reform_in_force(session_.reform(), session_.params())}}
                                     : json(nullptr);
  state["share_link"] = share_link_;
  state["share_qr"] = share_qr_ ? json{{"version", share_qr_->version}, {"size", share_qr_->size}} : json(nullptr);
  constexpr const char* problems[] = {nullptr, "unavailable", "full", "failed", "slow"};
  const char* problem = problems[static_cast<size_t>(storage_problem_)];
  state["storage_problem"] = problem ? json(problem) : json(nullptr);
  json unreadable = json::array();
  for (const WorkspaceStore::Unreadable& u : store_.unreadable()) {
    json lines = json::array();
    for (const core::InputError& e : u.errors) lines.push_back(core::error_line(e));
    unreadable.push_back({{"key", u.key}, {"errors", std::move(lines)}});
  }
  json conflicts = json::array();
  for (const WorkspaceStore::Conflict& c : store_.conflicts()) conflicts.push_back(c.key);
  state["storage"] = {{"unsaved", session_changed_ || store_.has_unsaved(roster_)},
                      {"writing", store_.writing()},
                      {"conflicts", std::move(conflicts)},
                      {"unreadable", std::move(unreadable)},
                      {"session_unsaved", session_unsaved_},
                      {"asking_to_replace", pending_replace_.has_value()},
                      {"backups", backups_.size()}};
  json first_rows = json::array();  // the table's first rows, as shown
  for (size_t r = 0; r < roster_view_.order.size() && r < 3; ++r) {
    const auto i = static_cast<size_t>(roster_view_.order[r]);
    first_rows.push_back({{"id", roster_.households()[i].household.id},
                          {"head", roster_.households()[i].household.head},
                          {"per_capita_net", money_text(roster_.rows()[i].per_capita_net)}});
  }
  std::array<int, worklist_count> counts{};  // the worklist: households by status
  for (const Roster::Row& row : roster_.rows()) ++counts[static_cast<size_t>(row.work)];
  json work = json::object();
  for (size_t k = 0; k < worklist_count; ++k) work[tr(work_labels[k])] = counts[k];
  const bool selected =
      roster_view_.selected >= 0 && roster_view_.selected < static_cast<int>(roster_.households().size());
  state["roster"] = {
      {"households", roster_.households().size()},
      {"first_rows", std::move(first_rows)},
      {"selected_quarters",
       selected ? roster_.households()[static_cast<size_t>(roster_view_.selected)].ledger.size() : 0},
      {"shown", roster_view_.order.size()},
      {"work", std::move(work)},
      {"selected_work",
       selected
           ? json(tr(work_labels[static_cast<size_t>(roster_.rows()[static_cast<size_t>(roster_view_.selected)].work)]))
           : json(nullptr)},
      {"selected", roster_view_.selected},
      {"current_record", current_record_ ? json(*current_record_) : json(nullptr)},
      {"import_ms", roster_.import_ms()}};
  state["font_scale"] = ImGui::GetIO().FontGlobalScale / font_scale_;  // 1, or larger in the presenter
  state["reform"] = json::parse(core::reform_to_json(session_.reform()), nullptr, false);
  state["reform_per_capita_net"] = money_text(session_.reform_result().income.per_capita_net);
  // The village as last computed: the same JSON as `zengshou simulate`, for the parity test.
  state["village"] = {{"seed", village_.seed},
                      {"households", village_.households},
                      {"baseline", core::village_summary_to_json(village_.baseline().summary)},
                      {"reform", core::village_summary_to_json(village_.reform().summary)},
                      {"comparison", core::village_comparison_to_json(village_.comparison())},
                      {"generate_ms", village_.generate_ms()},
                      {"reform_ms", village_.reform_ms()}};
  return state.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace zengshou::app
