// 收入预测: per-capita net over the coming years — each year's parameters, members ageing, schooling moving on,
// growth per stream (the policy's targets by default, editable) — against the lines.
#include <string>

#include <imgui.h>

#include "charts.h"
#include "core/engine.h"
#include "format.h"
#include "tables.h"
#include "views.h"

namespace zengshou::app {

void draw_projection_view(Ui& ui, const Session& s, ViewState& state, PlatformRequests& requests) {
  if (ui.begin_form("##projection_options")) {
    ui.row(Str::projection_years, Str::projection_years_help);
    ImGui::SliderInt("##years", &state.projection_years, 1, 10);
    ui.anchor("projection_years");
    ui.end_form();
  }
  ImGui::TextDisabled("%s", tr(Str::projection_growth));
  ui.help(Str::projection_growth_help);
  const core::YearParameters next = s.policies().resolve(s.policy(), s.household().year + 1);
  if (ui.begin_form("##growth")) {
    const auto defaults = core::growth_for(s.household(), next, {});
    constexpr Str streams[] = {Str::stream_wage, Str::stream_production, Str::stream_property, Str::stream_transfer};
    for (int k = 0; k < core::growth_stream_count; ++k) {
      ui.row(streams[k], Str::projection_growth_help);
      ImGui::PushID(k);
      int64_t bp = state.growth.basis_points[k].value_or(defaults[k]);
      if (ui.hundredths("##growth", bp)) state.growth.basis_points[k] = bp;
      ImGui::PopID();
    }
    ui.end_form();
  }
  // Where the default targets come from (the total's clause states the streams' too, where a document has them).
  const core::ResolvedParam& target = next[core::target_param(core::target_group(s.household().category), 0)];
  if (target.entry != nullptr) {
    ImGui::TextDisabled("%s", tr(Str::projection_target_origin));
    draw_param_origin(ui, target, "source_growth");
  }
  const auto years = core::project(s.household(), s.policies(), s.policy(), state.projection_years, state.growth);
  draw_projection_chart(ui, years);
  png_button(ui, "chart_projection", "projection.png", requests);
  if (ImGui::BeginTable("##projection", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn(tr(Str::projection_table_year));
    ImGui::TableSetupColumn(tr(Str::per_capita_net));
    ImGui::TableSetupColumn(tr(Str::line_monitoring));
    ImGui::TableSetupColumn(tr(Str::flags_title));
    ImGui::TableHeadersRow();
    for (const core::ProjectedYear& y : years) {
      const core::Result& r = y.result;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%d%s", r.year, r.beyond_policy_years ? tr(Str::projection_beyond) : "");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(money_text(r.income.per_capita_net).c_str());
      ImGui::TableNextColumn();
      if (!r.lines.empty()) {
        // Each year's line from that year's parameters: a value carried past its document says so on hover.
        ImGui::TextUnformatted(money_text(r.lines.front().value).c_str());
        const core::YearParameters year = s.policies().resolve(s.policy(), r.year);
        source_on_hover(ui, year[r.lines.front().param], reason_text(r.lines.front().scope));
      }
      ImGui::TableNextColumn();
      std::string flags;
      for (const core::Flag& f : r.flags) flags += reason_text(f.detail) + "\n";
      ui.wrapped(flags);
    }
    ImGui::EndTable();
  }
}

}  // namespace zengshou::app
