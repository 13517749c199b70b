// 演示模式: for a training room — large type, the prepared scenarios one after another (arrow keys or buttons),
// each with its example household and the village, before and after.
#include <cstdio>  // snprintf
#include <string>

#include <imgui.h>

#include "core/embedded_assets.h"
#include "core/engine.h"
#include "core/household_json.h"
#include "format.h"
#include "tables.h"
#include "views.h"

namespace zengshou::app {
namespace {

// Puts scenario `index` in force: its reform, policy and year on the session, its example household aside (the
// user's own household is left as it is).
void show_scenario(Session& s, PresenterState& p, int index) {
  const auto& scenarios = core::prepared_scenarios();
  if (scenarios.empty()) return;
  p.scenario = (index % static_cast<int>(scenarios.size()) + static_cast<int>(scenarios.size())) %
               static_cast<int>(scenarios.size());
  const core::Reform& r = scenarios[static_cast<size_t>(p.scenario)];
  s.set_reform(r);
  p.example.reset();
  for (const core::EmbeddedAsset& e : core::embedded_example_files()) {
    if (e.name != r.household) continue;
    if (auto parsed = core::parse_household(e.text); parsed.ok()) p.example = std::move(parsed.value);
  }
  if (p.example) core::move_to_year(*p.example, s.household().year);
}

}  // namespace

void draw_presenter(Ui& ui, Session& s, VillageModel& village, PresenterState& p, PlatformRequests& requests) {
  const auto& scenarios = core::prepared_scenarios();
  if (p.scenario < 0) show_scenario(s, p, 0);
  const int count = static_cast<int>(scenarios.size());
  if (ImGui::Button(tr(Str::presenter_previous)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)))
    show_scenario(s, p, p.scenario - 1);
  ui.anchor("presenter_previous");
  ImGui::SameLine();
  ImGui::Text("%d / %d", p.scenario + 1, count);
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::presenter_next)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)))
    show_scenario(s, p, p.scenario + 1);
  ui.anchor("presenter_next");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::presenter_exit)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    p.on = false;
    p.scenario = -1;
  }
  ui.anchor("presenter_exit");
  s.refresh();
  village.update(s);

  ImGui::BeginChild("##presenter_scroll");
  // Each scenario opens at its top, its title in view.
  if (p.shown_at_top != p.scenario) {
    ImGui::SetScrollY(0.0f);
    p.shown_at_top = p.scenario;
  }
  const core::Reform& r = s.reform();
  ImGui::SetWindowFontScale(1.3f);
  ui.wrapped(reform_in_force(r, s.params()));  // the values in force, after any slider moved them
  ImGui::SetWindowFontScale(1.0f);
  ui.anchor("presenter_title");
  ui.wrapped(language() == Language::en && !r.description_en.empty() ? r.description_en : r.description);
  draw_reform_diff(ui, s);

  const bool wide = ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 45.0f;
  if (wide) ImGui::Columns(2, "##presenter_columns", false);
  if (p.example) {
    ui.heading(tr(Str::presenter_example));
    const core::Result before = core::evaluate(*p.example, s.params(), {.suggestions = false});
    const core::Result after = core::evaluate(*p.example, s.reform_params(), {.suggestions = false});
    ui.wrapped(p.example->head + " · " + std::to_string(p.example->size()) + " " + tr(Str::people_unit));
    draw_table(ui, reform_comparison_table(before, after), "presenter_household", requests);
  }
  if (wide) ImGui::NextColumn();
  char timing[160];
  std::snprintf(timing, sizeof timing, tr(Str::village_timing), village.baseline().summary.households,
                village.generate_ms(), village.reform_ms());
  ImGui::TextDisabled("%s", timing);
  draw_village_results(ui, s, village, requests, false);
  if (wide) ImGui::Columns(1);
  ui.drag_to_scroll();
  ImGui::EndChild();
}

}  // namespace zengshou::app
