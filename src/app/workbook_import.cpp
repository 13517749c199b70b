#include "workbook_import.h"

#include <cstdio>   // snprintf
#include <utility>  // move

#include <imgui.h>

#include "format.h"
#include "labels.h"
#include "strings.h"

namespace zengshou::app {
namespace {

constexpr size_t shown_problems = 30;
constexpr size_t shown_households = 5;

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : "、") + n;
  return out;
}

}  // namespace

bool WorkbookImport::receive(std::string_view bytes, int year) {
  if (formats::sniff_file(bytes) == formats::FileKind::text) return false;
  auto read = formats::read_workbook(bytes);
  workbook_.reset();
  file_errors_ = std::move(read.errors);
  year_ = year;
  category_ = static_cast<int>(core::Category::tuopin);
  if (file_errors_.empty()) {
    workbook_ = std::move(read.value);
    sheet_ = static_cast<int>(formats::roster_sheet_index(*workbook_));
    read_sheet();
  }
  return true;
}

void WorkbookImport::read_sheet() {
  roster_ = formats::parse_roster_sheet(workbook_->sheets[static_cast<size_t>(sheet_)],
                                        {year_, static_cast<core::Category>(category_)});
  people_ = 0;
  for (const formats::RosterEntry& e : roster_.roster.value) people_ += e.household.size();
}

std::optional<std::vector<formats::RosterEntry>> WorkbookImport::draw(Ui& ui) {
  if (!workbook_ && file_errors_.empty()) return std::nullopt;
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
  const bool ok = workbook_.has_value() && roster_.roster.ok();
  if (workbook_) {
    if (ui.begin_form("##workbook_form")) {
      ui.row(Str::workbook_sheet, Str::workbook_sheet);
      const auto& sheets = workbook_->sheets;
      if (ImGui::BeginCombo("##workbook_sheet", sheets[static_cast<size_t>(sheet_)].name.c_str())) {
        for (size_t i = 0; i < sheets.size(); ++i) {
          if (ImGui::Selectable(sheets[i].name.c_str(), static_cast<int>(i) == sheet_) &&
              static_cast<int>(i) != sheet_) {
            sheet_ = static_cast<int>(i);
            read_sheet();
          }
          ui.anchor("workbook_sheet_" + std::to_string(i));
        }
        ImGui::EndCombo();
      }
      ui.anchor("workbook_sheet");
      ui.row(Str::workbook_year, Str::workbook_year);
      if (ui.integer("##workbook_year", year_, 2000, 2100)) read_sheet();
      ui.anchor("workbook_year");
      ui.row(Str::workbook_category, Str::workbook_category);
      if (ui.choice("##workbook_category", category_, category_labels, 6)) read_sheet();
      ui.anchor("workbook_category");
      ui.end_form();
    }
    if (roster_.header_row > 0) {
      char header[96];
      std::snprintf(header, sizeof header, tr(Str::workbook_header_row), roster_.header_row);
      ui.wrapped(header);
      ui.wrapped(std::string(tr(Str::workbook_columns_used)) + joined(roster_.used));
      if (!roster_.ignored.empty()) ui.wrapped(std::string(tr(Str::workbook_columns_ignored)) + joined(roster_.ignored));
    }
  }
  ImGui::Separator();
  const core::InputErrors& problems = workbook_ ? roster_.roster.errors : file_errors_;
  if (ok) {
    char count[128];
    std::snprintf(count, sizeof count, tr(Str::workbook_will_import), static_cast<int>(roster_.roster.value.size()),
                  people_);
    ui.wrapped(count);
    ui.anchor("workbook_count");
    for (size_t i = 0; i < roster_.roster.value.size() && i < shown_households; ++i) {
      const core::Household& h = roster_.roster.value[i].household;
      char line[256];
      std::snprintf(line, sizeof line, tr(Str::workbook_household_line), h.id.empty() ? "—" : h.id.c_str(),
                    h.head.c_str(), h.size(), h.year, tr(category_labels[static_cast<size_t>(h.category)]));
      ui.wrapped("· " + std::string(line));
    }
  } else {
    char count[128];
    std::snprintf(count, sizeof count, tr(Str::workbook_problems), static_cast<int>(problems.size()));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 40, 30, 255));
    ui.wrapped(count);
    for (size_t i = 0; i < problems.size() && i < shown_problems; ++i) ui.wrapped("· " + problem_text(problems[i]));
    ImGui::PopStyleColor();
    if (problems.size() > shown_problems) {
      std::snprintf(count, sizeof count, tr(Str::workbook_more_problems),
                    static_cast<int>(problems.size() - shown_problems));
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
    if (import) households = std::move(roster_.roster.value);
    workbook_.reset();
    file_errors_.clear();
    roster_ = {};
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return households;
}

nlohmann::json WorkbookImport::state() const {
  if (!workbook_ && file_errors_.empty()) return nullptr;
  nlohmann::json problems = nlohmann::json::array();
  for (const core::InputError& e : workbook_ ? roster_.roster.errors : file_errors_)
    problems.push_back(core::error_line(e));
  nlohmann::json sheets = nlohmann::json::array();
  if (workbook_)
    for (const formats::Sheet& s : workbook_->sheets) sheets.push_back(s.name);
  return {{"sheets", sheets},     {"sheet", sheet_},
          {"header_row", roster_.header_row}, {"used", roster_.used},
          {"ignored", roster_.ignored},       {"households", roster_.roster.value.size()},
          {"people", people_},                {"problems", problems}};
}

}  // namespace zengshou::app
