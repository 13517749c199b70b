#include "tables.h"

#include <imgui.h>

namespace zengshou::app {

void draw_table(Ui& ui, const TextTable& table, const char* anchor, PlatformRequests& requests) {
  ImGui::PushID(anchor);
  if (ImGui::SmallButton(tr(Str::export_csv))) {
    requests.save_name = table.file_name;
    requests.save_text = csv_text(table);
  }
  ui.anchor(std::string(anchor) + "_csv");
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(Str::export_xlsx))) {
    Workbook w = ui.params ? xlsx_workbook(table, {*ui.params}) : xlsx_workbook(table);
    requests.save_name = std::move(w.file_name);
    requests.save_text = std::move(w.spec);
  }
  ui.anchor(std::string(anchor) + "_xlsx");
  const int columns = static_cast<int>(table.header.size());
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
  if (columns > 0 && ImGui::BeginTable("##table", columns, flags)) {
    // The first column (the label) takes the room left and wraps; the figures keep their full width.
    for (size_t i = 0; i < table.header.size(); ++i)
      ImGui::TableSetupColumn(table.header[i].c_str(),
                              i == 0 ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (const auto& row : table.rows) {
      ImGui::TableNextRow();
      for (size_t i = 0; i < row.size(); ++i) {
        ImGui::TableNextColumn();
        if (i == 0)
          ui.wrapped(row[i]);
        else
          ImGui::TextUnformatted(row[i].c_str());
      }
    }
    ImGui::EndTable();
    ui.anchor(anchor);
  }
  ImGui::PopID();
}

void png_button(Ui& ui, const char* chart_anchor, const char* file_name, PlatformRequests& requests) {
  ImGui::PushID(chart_anchor);
  const bool pressed = ImGui::SmallButton(tr(Str::export_png));
  ImGui::PopID();
  ui.anchor(std::string(chart_anchor) + "_png");
  const auto it = ui.anchors.find(chart_anchor);
  if (!pressed || it == ui.anchors.end()) return;
  const Anchor& a = it->second;
  const float r = ui.pixel_ratio;
  requests.image = {file_name, a.x * r, a.y * r, a.width * r, a.height * r};
}

}  // namespace zengshou::app
