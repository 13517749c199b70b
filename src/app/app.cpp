// The application shell: full-window host, main menu, the views, the language switch.
#include "app.h"

#include <sstream>  // the workspace as text, for export

#include <array>    // the view list
#include <cstring>  // strlen

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8
#include <nlohmann/json.hpp>

#include "core/version.h"
#include "core/village_json.h"
#include "core/workspace.h"
#include "format.h"
#include "strings.h"

namespace zengshou::app {
namespace {

constexpr float base_font_size = 18.0f;  // CSS pixels
constexpr float max_atlas_ratio = 2.0f;
constexpr float presenter_scale = 1.5f;  // a training room's projector, read from the back  // beyond this the atlas
                                         // grows too large for phones; ImGui scales up

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
};

const ViewInfo& info(View view) { return views[static_cast<size_t>(view)]; }

// Latin, general punctuation, arrows and maths (→ ≥), CJK punctuation, kana, CJK ideographs, full-width forms. The font
// is already a subset, so codepoints it lacks are skipped when the atlas is built.
constexpr ImWchar glyph_ranges[] = {0x0020, 0x00FF, 0x2000, 0x206F, 0x2190, 0x22FF, 0x3000,
                                    0x30FF, 0x4E00, 0x9FAF, 0xFF00, 0xFFEF, 0};

}  // namespace

App::App(std::vector<unsigned char> font_ttf) : font_ttf_(std::move(font_ttf)) {}

bool App::apply_pixel_ratio(float pixel_ratio) {
  if (pixel_ratio == pixel_ratio_) return false;
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
    io.Fonts->AddFontFromMemoryTTF(font_ttf_.data(), static_cast<int>(font_ttf_.size()), base_font_size * atlas_ratio,
                                   &config, glyph_ranges);
  } else {
    io.Fonts->AddFontDefault();
  }
  io.Fonts->Build();
  font_scale_ = pixel_ratio / atlas_ratio;
  io.FontGlobalScale = font_scale_;
  missing_glyphs_ = count_missing_glyphs();

  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0.0f;
  style.FrameRounding = 4.0f;
  style.FramePadding = ImVec2(8.0f, 5.0f);
  style.ItemSpacing = ImVec2(10.0f, 8.0f);
  style.ScaleAllSizes(pixel_ratio);
  ImGui::GetStyle() = style;
  return true;
}

int App::count_missing_glyphs() const {
  const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  int missing = 0;
  for (Language language : {Language::zh_CN, Language::en}) {
    for (size_t i = 0; i < static_cast<size_t>(Str::count_); ++i) {
      const char* text = tr(static_cast<Str>(i), language);
      const char* end = text + std::strlen(text);
      while (text < end) {
        unsigned int c = 0;
        text += ImTextCharFromUtf8(&c, text, end);
        if (c >= 0x20 && font->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) ++missing;
      }
    }
  }
  return missing;
}

void App::draw_frame() {
  ui_.anchors.clear();
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
  if (presenter_.on)
    draw_presenter(ui_, session_, village_, presenter_, requests_);
  else
    draw_view_tabs();
  // Large type in the presenter, from the next frame (the font size of this one is already set).
  ImGui::GetIO().FontGlobalScale = font_scale_ * (presenter_.on ? presenter_scale : 1.0f);
  draw_about_popup();
  if (auto text = import_preview_.draw(ui_)) open_text(*text);
  draw_open_errors();
  draw_share_popup();
  ImGui::End();
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
      if (ImGui::MenuItem(tr(v.title), nullptr, view_ == v.view)) {
        view_ = v.view;
        view_requested_ = true;
      }
      ui_.anchor(std::string("menu_") + v.anchor);  // a phone reaches the tabs scrolled off screen from here
    }
    ImGui::EndMenu();
  }
  ui_.anchor("menu_views");
  if (ImGui::MenuItem(tr(Str::presenter_mode), nullptr, presenter_.on)) {
    presenter_.on = !presenter_.on;
    presenter_.scenario = -1;
  }
  ui_.anchor("menu_presenter");
  if (ImGui::BeginMenu(tr(Str::menu_help))) {
    if (ImGui::MenuItem(tr(Str::about_version))) about_requested_ = true;
    ImGui::EndMenu();
  }
  // The language switch sits at the right end of the bar, one click away.
  const char* label = tr(Str::language_switch);
  const float width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2.0f;
  ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - width);
  if (ImGui::Button(label)) set_language(language() == Language::zh_CN ? Language::en : Language::zh_CN);
  ui_.anchor("language_switch");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::language_switch_tip));
  ImGui::EndMenuBar();
}

void App::draw_view_tabs() {
  if (!ImGui::BeginTabBar("##views", ImGuiTabBarFlags_FittingPolicyScroll)) return;
  // A view may ask for another while it draws (the roster opens the calculator): that request is for the next frame.
  const bool requested = std::exchange(view_requested_, false);
  for (const ViewInfo& v : views) {
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
      bool open_calculator = false;
      draw_roster_view(ui_, session_, roster_, roster_view_, requests_, open_calculator);
      if (open_calculator && roster_view_.selected >= 0) {
        current_index_ = static_cast<size_t>(roster_view_.selected);
        session_.load(roster_.households()[*current_index_].household);
        seen_session_ = session_.generation();  // loading is not an edit to write back
        view_ = View::household;
        view_requested_ = true;
      }
      break;
    }
    default:
      draw_placeholder_view(view);
      break;
  }
}

PlatformRequests App::take_requests() {
  if (requests_.open_file) pending_open_ = requests_.open_kind;
  if (requests_.save_workspace) {
    requests_.save_name = "zengshou-workspace.json";
    requests_.save_text = workspace_text();
  }
  return std::exchange(requests_, {});
}

// Called between frames, where ImGui has no current window: the error window opens in the next frame.
void App::open_file_text(std::string_view bytes) {
  if (auto text = import_preview_.receive(bytes)) open_text(*text);
}

void App::open_text(std::string_view text) {
  switch (pending_open_) {
    case OpenKind::reform:
      open_errors_ = session_.open_reform(text);
      break;
    case OpenKind::roster:
      open_errors_ = roster_.import(text, session_.policy());
      break;
    case OpenKind::workspace: {
      auto parsed = core::parse_workspace(text);
      open_errors_ = parsed.errors;
      if (parsed.ok()) {
        roster_.replace(std::move(parsed.value.households));
        if (parsed.value.current) session_.load(*parsed.value.current);
        current_index_ = parsed.value.current_index;
        session_.set_reform_only(std::move(parsed.value.reform));
      }
      break;
    }
    default:
      open_errors_ = session_.open(text);
      if (open_errors_.empty()) current_index_.reset();  // a file of its own, not the roster's household
      break;
  }
}

void App::follow_session() {
  if (session_.generation() != seen_session_) {
    seen_session_ = session_.generation();
    if (current_index_ && *current_index_ < roster_.households().size())
      roster_.set_household(*current_index_, session_.household());
    workspace_dirty_ = true;
  }
  if (roster_.generation() != seen_roster_) {
    seen_roster_ = roster_.generation();
    workspace_dirty_ = true;
  }
}

void App::write_workspace(std::ostream& out) const {
  core::Household current = session_.household();
  current.policy = session_.policy().id;
  std::optional<int> index;
  if (current_index_ && *current_index_ < roster_.households().size()) index = static_cast<int>(*current_index_);
  core::write_workspace_json(roster_.households(), &current, index, session_.reform(), out);
}

std::string App::workspace_text() const {
  std::ostringstream out;
  write_workspace(out);
  return out.str();
}

bool App::workspace_store_due(bool now) {
  if (!workspace_dirty_) return false;
  const double time = ImGui::GetTime();
  if (!now && last_store_ >= 0.0 && time - last_store_ < 0.5) return false;
  last_store_ = time;
  workspace_dirty_ = false;
  return true;
}

bool App::restore_workspace(std::string_view text) {
  auto parsed = core::parse_workspace(text);
  if (!parsed.ok()) {
    open_errors_ = {{"", tr(Str::restore_failed)}};
    for (const core::InputError& e : parsed.errors) open_errors_.push_back(e);
    return false;
  }
  roster_.replace(std::move(parsed.value.households));
  if (parsed.value.current) session_.load(std::move(*parsed.value.current));
  current_index_ = parsed.value.current_index;
  session_.set_reform_only(std::move(parsed.value.reform));
  seen_session_ = session_.generation();  // restored, not changed: nothing to store
  seen_roster_ = roster_.generation();
  return true;
}

void App::share_link_made(std::string link) {
  share_link_ = std::move(link);
  share_popup_ = true;
}

void App::open_share(std::string_view text) {
  open_errors_ = session_.open_share(text);
  if (!open_errors_.empty()) return;
  current_index_.reset();
  view_ = View::household;
  view_requested_ = true;
}

void App::draw_share_popup() {
  if (share_popup_) {
    ImGui::OpenPopup("##share");
    share_popup_ = false;
  }
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetMainViewport()->Size.x * 0.8f, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopup("##share")) return;
  ImGui::TextUnformatted(tr(Str::share_title));
  ui_.wrapped(tr(Str::share_explain));
  ui_.wrapped(share_link_);
  ui_.anchor("share_text");
  if (ImGui::Button(tr(Str::close))) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

// Above every view while the browser cannot store the workspace: what it means, and the way to keep the work.
void App::draw_storage_banner() {
  if (storage_problem_ == StorageProblem::none) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.72f, 0.11f, 0.11f, 1.0f));
  ui_.wrapped(tr(storage_problem_ == StorageProblem::full ? Str::storage_full : Str::storage_unavailable));
  ImGui::PopStyleColor();
  ui_.anchor("storage_banner");
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(Str::workspace_export))) requests_.save_workspace = true;
  ui_.anchor("storage_export");
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
  state["frames"] = frame_count_;
  state["pixel_ratio"] = pixel_ratio_;
  state["missing_glyphs"] = missing_glyphs_;
  state["anchors"] = std::move(anchors);
  state["editing"] = ui_.edit.active;
  state["household"] = json::parse(session_.save(), nullptr, false);
  state["per_capita_net"] = money_text(session_.result().income.per_capita_net);
  state["open_errors"] = std::move(errors);
  state["open_errors_shown"] = std::move(shown);  // as the error window words them
  state["import_preview"] = import_preview_.state();
  state["presenter"] = presenter_.on ? json{{"scenario", presenter_.scenario}} : json(nullptr);
  state["share_link"] = share_link_;
  state["storage_problem"] = storage_problem_ == StorageProblem::none   ? json(nullptr)
                             : storage_problem_ == StorageProblem::full ? json("full")
                                                                        : json("unavailable");
  json first_rows = json::array();  // the table's first rows, as shown
  for (size_t r = 0; r < roster_view_.order.size() && r < 3; ++r) {
    const auto i = static_cast<size_t>(roster_view_.order[r]);
    first_rows.push_back({{"id", roster_.households()[i].household.id},
                          {"head", roster_.households()[i].household.head},
                          {"per_capita_net", money_text(roster_.rows()[i].per_capita_net)}});
  }
  const bool selected =
      roster_view_.selected >= 0 && roster_view_.selected < static_cast<int>(roster_.households().size());
  state["roster"] = {{"households", roster_.households().size()},
                     {"first_rows", std::move(first_rows)},
                     {"selected_quarters",
                      selected ? roster_.households()[static_cast<size_t>(roster_view_.selected)].ledger.size() : 0},
                     {"shown", roster_view_.order.size()},
                     {"selected", roster_view_.selected},
                     {"current_index", current_index_ ? json(*current_index_) : json(nullptr)},
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
