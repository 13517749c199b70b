#include "workbook_import.h"

#include <cstdio>   // snprintf
#include <utility>  // move

#include <imgui.h>

#include "core/household_json.h"
#include "format.h"
#include "formats/spreadsheet_read.h"
#include "labels.h"
#include "strings.h"

namespace zengshou::app {
namespace {

constexpr size_t shown_problems = 30;
constexpr size_t shown_households = 5;

std::string joined(const nlohmann::json& names) {
  std::string out;
  if (names.is_array())
    for (const auto& n : names) out += (out.empty() ? "" : "、") + n.get<std::string>();
  return out;
}

// An error line ("error: line 4, column "月工资": expected …") in the UI's language, at its row and column.
std::string problem_shown(const std::string& line) {
  constexpr std::string_view prefix = "error: ";
  const size_t expected = line.find(": expected ");
  if (!line.starts_with(prefix) || expected == std::string::npos) return line;
  return error_text({line.substr(prefix.size(), expected - prefix.size()), line.substr(expected + 2)});
}

}  // namespace

bool WorkbookImport::start(std::string_view bytes, int year) {
  if (formats::sniff_file(bytes) == formats::FileKind::text) return false;
  begin(year);
  return true;
}

void WorkbookImport::start_csv(int year) { begin(year); }

void WorkbookImport::begin(int year) {
  open_ = true;
  chosen_ = {-1, year, static_cast<int>(core::Category::tuopin)};
  to_read_ = true;
  reading_ = true;
  answer_ = nullptr;
  households_.clear();
  problems_.clear();
}

std::optional<WorkbookReading> WorkbookImport::take_reading(const formats::ColumnAliases& aliases) {
  if (!std::exchange(to_read_, false)) return std::nullopt;
  return nlohmann::json{
      {"sheet", chosen_.sheet}, {"year", chosen_.year}, {"category", chosen_.category}, {"columns", aliases}}
      .dump();
}

void WorkbookImport::receive(std::string_view text) {
  if (!open_) return;
  reading_ = false;
  households_.clear();
  problems_.clear();
  people_ = 0;
  answer_ = nlohmann::json::parse(text, nullptr, false);
  if (!answer_.is_object()) answer_ = {{"problems", {"error: the workbook: expected it read by the page"}}};
  for (const auto& p : answer_.value("problems", nlohmann::json::array())) problems_.push_back(p.get<std::string>());
  chosen_.sheet = answer_.value("sheet", 0);
  const std::string sheet = answer_.contains("sheets") && answer_["sheets"].size() > static_cast<size_t>(chosen_.sheet)
                                ? answer_["sheets"][static_cast<size_t>(chosen_.sheet)].get<std::string>()
                                : std::string();
  const auto& households = answer_.value("households", nlohmann::json::array());
  for (size_t i = 0; i < households.size(); ++i) {
    const std::string where = (sheet.empty() ? "" : sheet + " ") + "/households/" + std::to_string(i);
    auto parsed = core::household_from_json(households[i], where);
    for (const core::InputError& e : parsed.errors) problems_.push_back(core::error_line(e));
    people_ += parsed.value.size();
    households_.push_back({std::move(parsed.value), where});
  }
  if (!problems_.empty()) households_.clear();
}

std::optional<std::vector<formats::RosterEntry>> WorkbookImport::draw(Ui& ui, formats::ColumnAliases& aliases) {
  if (!open_) return std::nullopt;
  if (!ImGui::IsPopupOpen("##workbook_import")) ImGui::OpenPopup("##workbook_import");
  const ImVec2 screen = ImGui::GetMainViewport()->Size;
  ImGui::SetNextWindowSize(ImVec2(screen.x * 0.9f, screen.y * 0.85f), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("##workbook_import", nullptr, ImGuiWindowFlags_NoTitleBar)) return std::nullopt;
  ImGui::TextUnformatted(tr(Str::workbook_title));
  ui.anchor("workbook_import");
  ui.wrapped(tr(Str::workbook_explain));
  ImGui::Separator();
  const float buttons = ImGui::GetFrameHeightWithSpacing() * 1.5f;
  ImGui::BeginChild("##workbook_body", ImVec2(0, -buttons));
  const auto& sheets = answer_.is_object() ? answer_.value("sheets", nlohmann::json::array()) : nlohmann::json::array();
  const bool ok = !reading_ && !sheets.empty() && problems_.empty();
  if (reading_) {
    ui.wrapped(tr(Str::workbook_reading));
  } else if (!sheets.empty()) {
    bool again = false;
    if (ui.begin_form("##workbook_form")) {
      ui.row(Str::workbook_sheet, Str::workbook_sheet);
      // A CSV is one sheet with no name.
      const auto sheet_name = [&](size_t i) {
        const std::string name = sheets[i].get<std::string>();
        return name.empty() ? std::string(tr(Str::workbook_csv_sheet)) : name;
      };
      if (ImGui::BeginCombo("##workbook_sheet", sheet_name(static_cast<size_t>(chosen_.sheet)).c_str())) {
        for (size_t i = 0; i < sheets.size(); ++i) {
          if (ImGui::Selectable(sheet_name(i).c_str(), static_cast<int>(i) == chosen_.sheet) &&
              static_cast<int>(i) != chosen_.sheet) {
            chosen_.sheet = static_cast<int>(i);
            again = true;
          }
          ui.anchor("workbook_sheet_" + std::to_string(i));
        }
        ImGui::EndCombo();
      }
      ui.anchor("workbook_sheet");
      ui.row(Str::workbook_year, Str::workbook_year);
      again |= ui.integer("##workbook_year", chosen_.year, 2000, 2100);
      ui.anchor("workbook_year");
      ui.row(Str::workbook_category, Str::workbook_category);
      again |= ui.choice("##workbook_category", chosen_.category, category_labels, 6);
      ui.anchor("workbook_category");
      ui.end_form();
    }
    if (const int row = answer_.value("header_row", 0); row > 0) {
      char header[96];
      std::snprintf(header, sizeof header, tr(Str::workbook_header_row), row);
      ui.wrapped(header);
      ui.wrapped(std::string(tr(Str::workbook_columns_used)) + joined(answer_["used"]));
      if (!answer_["ignored"].empty())
        ui.wrapped(std::string(tr(Str::workbook_columns_ignored)) + joined(answer_["ignored"]));
      again |= draw_matches(ui, aliases);
    }
    if (again) {
      to_read_ = true;
      reading_ = true;
    }
  }
  ImGui::Separator();
  if (ok) {
    char count[128];
    std::snprintf(count, sizeof count, tr(Str::workbook_will_import), static_cast<int>(households_.size()), people_);
    ui.wrapped(count);
    ui.anchor("workbook_count");
    for (size_t i = 0; i < households_.size() && i < shown_households; ++i) {
      const core::Household& h = households_[i].household;
      char line[256];
      std::snprintf(line, sizeof line, tr(Str::workbook_household_line), h.id.empty() ? "—" : h.id.c_str(),
                    h.head.c_str(), h.size(), h.year, tr(category_labels[static_cast<size_t>(h.category)]));
      ui.wrapped("· " + std::string(line));
    }
  } else if (!reading_) {
    char count[128];
    std::snprintf(count, sizeof count, tr(Str::workbook_problems), static_cast<int>(problems_.size()));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 40, 30, 255));
    ui.wrapped(count);
    for (size_t i = 0; i < problems_.size() && i < shown_problems; ++i) ui.wrapped("· " + problem_shown(problems_[i]));
    ImGui::PopStyleColor();
    if (problems_.size() > shown_problems) {
      std::snprintf(count, sizeof count, tr(Str::workbook_more_problems),
                    static_cast<int>(problems_.size() - shown_problems));
      ui.wrapped(count);
    }
    ui.anchor("workbook_problems");
  }
  ui.drag_to_scroll();
  ImGui::EndChild();
  std::optional<std::vector<formats::RosterEntry>> households;
  ImGui::BeginDisabled(!ok);
  const bool import = ImGui::Button(tr(Str::workbook_import));
  ImGui::EndDisabled();
  ui.anchor("workbook_import_button");
  ImGui::SameLine();
  const bool cancel = ImGui::Button(tr(Str::import_preview_cancel));
  ui.anchor("workbook_cancel");
  if ((import && ok) || cancel) {
    if (import) households = std::move(households_);
    open_ = reading_ = to_read_ = false;
    answer_ = nullptr;
    households_.clear();
    problems_.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return households;
}

bool WorkbookImport::draw_matches(Ui& ui, formats::ColumnAliases& aliases) {
  const auto& ignored = answer_.value("ignored", nlohmann::json::array());
  const auto& matched = answer_.value("matched", nlohmann::json::array());
  if (ignored.empty() && matched.empty()) return false;
  ui.wrapped(tr(Str::workbook_match_explain));
  static const std::vector<formats::ColumnChoice> choices = formats::roster_column_choices();
  const auto label = [](std::string_view name) {
    for (const formats::ColumnChoice& c : choices)
      if (c.name == name) return std::string(c.zh) + " (" + std::string(c.name) + ")";
    return std::string(tr(Str::workbook_match_none));
  };
  bool changed = false;
  size_t n = 0;
  for (const nlohmann::json* list : {&matched, &ignored}) {
    for (const auto& h : *list) {
      const std::string header = h.get<std::string>();
      const auto it = aliases.find(header);
      const std::string id = "workbook_match_" + std::to_string(n++);
      ImGui::PushID(id.c_str());
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(header.c_str());
      ImGui::SameLine(ImGui::GetFontSize() * 10);
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
      if (ImGui::BeginCombo("##match", it == aliases.end() ? tr(Str::workbook_match_none) : label(it->second).c_str(),
                            ImGuiComboFlags_HeightLarge)) {
        if (ImGui::Selectable(tr(Str::workbook_match_none), it == aliases.end()) && it != aliases.end()) {
          aliases.erase(it);
          changed = true;
        }
        ui.anchor(id + "_none");
        for (const formats::ColumnChoice& c : choices) {
          if (ImGui::Selectable(label(c.name).c_str(), it != aliases.end() && it->second == c.name)) {
            aliases[header] = std::string(c.name);
            changed = true;
          }
          if (ImGui::IsItemVisible()) ui.anchor(id + "_" + std::string(c.name));  // the list scrolls
        }
        ImGui::EndCombo();
      }
      ui.anchor(id);
      ImGui::PopID();
      if (changed) return true;  // the lists are the last answer's: read again before going on
    }
  }
  return false;
}

nlohmann::json WorkbookImport::state() const {
  if (!open_) return nullptr;
  nlohmann::json shown = nlohmann::json::array();
  for (const std::string& p : problems_) shown.push_back(problem_shown(p));
  const auto field = [&](const char* name, nlohmann::json otherwise) {
    return answer_.is_object() ? answer_.value(name, otherwise) : otherwise;
  };
  return {{"reading", reading_},
          {"sheets", field("sheets", nlohmann::json::array())},
          {"sheet", chosen_.sheet},
          {"header_row", field("header_row", 0)},
          {"used", field("used", nlohmann::json::array())},
          {"matched", field("matched", nlohmann::json::array())},
          {"ignored", field("ignored", nlohmann::json::array())},
          {"households", households_.size()},
          {"people", people_},
          {"problems", problems_},
          {"problems_shown", shown}};
}

}  // namespace zengshou::app
