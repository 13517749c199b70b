// 政策项目: every programme of the policy — qualified, not, or not available here — with its reason, source and
// parameters (assumed ones marked), and what the household could still get.
#include <cstdio>  // snprintf
#include <string>

#include <imgui.h>

#include "core/programmes/registry.h"
#include "format.h"
#include "views.h"

namespace zengshou::app {
namespace {

using core::Money;

constexpr ImU32 assumed_colour = IM_COL32(176, 110, 0, 255);

void assumed_badge(Ui& ui) {
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, assumed_colour);
  ImGui::TextUnformatted(tr(Str::assumed_badge));
  ImGui::PopStyleColor();
  ui.help(Str::assumed_help);
}

// "名称 = 值 [出处]" or "… (假设值): note".
void parameter_line(Ui& ui, const Session& s, core::ParamId id) {
  const core::ResolvedParam& p = s.params()[id];
  ui.wrapped("· " + param_name(id) + " = " + param_value_text(id, p));
  draw_param_origin(ui, p, "source_" + std::string(core::info(id).name));
}

// 本工具未计算: each measure the policy's documents name that is not worked out, with why and its clause, so that
// "not computed" is never read as "not eligible". The household's first, then those for enterprises and villages.
void draw_not_computed(Ui& ui, const Session& s) {
  const auto measures = s.params().not_computed();
  if (measures.empty()) return;
  char title[128];
  std::snprintf(title, sizeof title, tr(Str::programmes_not_computed), static_cast<int>(measures.size()));
  const bool open = ImGui::CollapsingHeader((std::string(title) + "###not_computed").c_str());
  ui.anchor("not_computed");
  if (!open) return;
  ImGui::PushStyleColor(ImGuiCol_Text, muted_colour);
  ui.wrapped(tr(Str::not_computed_intro));
  ImGui::PopStyleColor();
  constexpr Str why_labels[] = {Str::why_not_household_aid, Str::why_no_standard, Str::why_not_collected,
                                Str::why_one_off};
  const bool zh = language() == Language::zh_CN;
  for (const bool for_households : {true, false})
    for (size_t i = 0; i < measures.size(); ++i) {
      const core::UncomputedMeasure& m = *measures[i];
      if ((m.why != core::UncomputedWhy::not_household_aid) != for_households) continue;
      const std::string label = (zh ? m.name_zh : m.name_en) + "  · " + tr(why_labels[static_cast<size_t>(m.why)]) +
                                "###not_computed_" + std::to_string(i);
      const bool shown = ImGui::TreeNodeEx(label.c_str(), ImGuiTreeNodeFlags_SpanFullWidth);
      ui.anchor("not_computed_" + std::to_string(i));
      if (!shown) continue;
      ui.wrapped(zh ? m.detail_zh : m.detail_en);
      draw_source(ui, Str::source_label, m.source, "not_computed_source_" + std::to_string(i));
      ImGui::TreePop();
    }
}

}  // namespace

void draw_param_origin(Ui& ui, const core::ResolvedParam& p, const std::string& anchor) {
  if (p.entry == nullptr) return;
  if (p.assumed()) {
    assumed_badge(ui);
    if (!p.entry->note.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, muted_colour);
      ui.wrapped("  " + p.entry->note);
      ImGui::PopStyleColor();
    }
    if (p.entry->leans_on) draw_source(ui, Str::leans_on_label, *p.entry->leans_on, anchor);
  } else if (p.entry->cited) {
    draw_source(ui, Str::source_label, *p.entry->cited, anchor);
  }
}

void draw_overflow_notice(Ui& ui, const std::string& where, const std::string& anchor) {
  char text[768];
  std::snprintf(text, sizeof text, tr(Str::overflow_notice), overflow_text(where).c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, short_colour);
  ui.wrapped(text);
  ImGui::PopStyleColor();
  ui.anchor(anchor);
}

void draw_headline(Ui& ui, const Session& s) {
  const core::Result& r = s.result();
  if (r.overflowed()) return draw_overflow_notice(ui, r.overflow, "overflow_notice");
  ImGui::TextUnformatted(tr(Str::per_capita_net));
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, r.has_flag(core::FlagId::below_monitoring_line) ? short_colour : good_colour);
  ImGui::Text("%s %s", money_text(r.income.per_capita_net).c_str(), tr(Str::yuan));
  ImGui::PopStyleColor();
  ui.anchor("per_capita_net");
  ImGui::SameLine();
  ImGui::TextDisabled("(%d %s)", r.size, tr(Str::people));
  for (const core::LineResult& line : r.lines) {
    const Str label = line_label(line.id);
    ImGui::Text("%s %s %s:", tr(label), money_text(line.value).c_str(), tr(Str::yuan));
    ui.anchor(std::string("line_") + std::string(core::line_names[static_cast<size_t>(line.id)]));
    source_on_hover(ui, s.params()[line.param], reason_text(line.scope));
    if (s.params()[line.param].assumed()) assumed_badge(ui);
    char text[160];
    if (line.per_capita_gap == Money())
      std::snprintf(text, sizeof text, "%s", tr(Str::line_reached));
    else
      std::snprintf(text, sizeof text, tr(Str::line_gap), money_text(line.per_capita_gap).c_str(),
                    money_text(line.household_gap).c_str());
    // A line whose clause names other people is shown as not applying, with for whom it is.
    const std::string shown = line.applies ? std::string(text) : reason_text(line.scope);
    // Beside the line where it fits; on a phone, below it and wrapped.
    ui.same_line_if_fits(shown.c_str(), false);
    ImGui::PushStyleColor(ImGuiCol_Text, !line.applies                    ? muted_colour
                                         : line.per_capita_gap == Money() ? good_colour
                                                                          : short_colour);
    ui.wrapped(shown);
    ImGui::PopStyleColor();
  }
}

void draw_programme_node(Ui& ui, const Session& s, const core::ProgrammeResult& p, bool as_cost_reduction) {
  const core::Household& h = s.household();
  std::string label = programme_name(p.id);
  if (p.eligible) label += (as_cost_reduction ? "  −" : "  ") + money_text(p.amount);
  label += "###programme_" + std::string(core::info(p.id).id);
  ImGui::PushStyleColor(ImGuiCol_Text, p.eligible ? ImGui::GetColorU32(ImGuiCol_Text) : muted_colour);
  const bool open = ImGui::TreeNodeEx(label.c_str(), ImGuiTreeNodeFlags_SpanFullWidth);
  ImGui::PopStyleColor();
  ui.anchor("programme_" + std::string(core::info(p.id).id));
  if (!open) return;
  ui.wrapped(std::string(tr(Str::reason_label)) + ": " + reason_text(p.reason));
  if (p.detail_end - p.detail_begin > 1) {
    for (size_t d = p.detail_begin; d < p.detail_end; ++d) {
      const core::ProgrammeDetail& detail = s.result().details[d];
      const std::string who = detail.member < 0 ? tr(Str::whole_household) : h.members[detail.member].name;
      ui.wrapped("· " + who + ": " + reason_text(detail.reason));
    }
  }
  if (p.eligible && core::info(p.id).stream != core::Stream::none)
    ImGui::TextDisabled("%s", tr(p.counted ? Str::counted_yes : Str::counted_no));
  draw_param_origin(ui, s.params()[core::available_param(p.id)], "source_" + std::string(core::info(p.id).id));
  if (p.available) {
    ImGui::TextUnformatted(tr(Str::parameters_label));
    for (core::ParamId id : core::programme_unit(p.id).params) parameter_line(ui, s, id);
    parameter_line(ui, s, core::counted_param(p.id));
  }
  ImGui::TreePop();
}

void draw_suggestions(Ui& ui, const Session& s) {
  const core::Result& r = s.result();
  ImGui::TextUnformatted(tr(Str::suggestions_title));
  if (r.suggestions.empty()) ImGui::TextDisabled("%s", tr(Str::no_suggestions));
  for (size_t i = 0; i < r.suggestions.size(); ++i) {
    const core::Suggestion& sg = r.suggestions[i];
    const std::string who = sg.member < 0 ? tr(Str::whole_household) : s.household().members[sg.member].name;
    ui.wrapped(std::to_string(i + 1) + ". " + who + ": " + reason_text(sg.step));
    char text[200];
    std::snprintf(text, sizeof text, tr(Str::suggestion_adds), money_text(sg.adds).c_str(),
                  money_text(sg.adds_net).c_str());
    ImGui::Indent();
    ui.wrapped(text);
    ImGui::PushStyleColor(ImGuiCol_Text, sg.closes_gap ? good_colour : muted_colour);
    ImGui::TextUnformatted(tr(sg.closes_gap ? Str::closes_gap_yes : Str::closes_gap_no));
    ImGui::PopStyleColor();
    ui.anchor("suggestion_" + std::to_string(i));
    // What the step rests on: the post's floor, the standard, the line to reach — with its document or assumption.
    draw_param_origin(ui, s.params()[sg.basis], "suggestion_source_" + std::to_string(i));
    ImGui::Unindent();
  }
}

void draw_programmes_view(Ui& ui, const Session& s) {
  draw_headline(ui, s);
  ImGui::Separator();
  ImGui::BeginChild("##programmes", ImVec2(0, 0), false);
  const struct {
    Str title;
    bool available, eligible;
  } groups[] = {{Str::programmes_qualified, true, true},
                {Str::programmes_not_qualified, true, false},
                {Str::programmes_not_available, false, false}};
  for (const auto& g : groups) {
    if (!ImGui::CollapsingHeader(tr(g.title), g.eligible ? ImGuiTreeNodeFlags_DefaultOpen : 0)) continue;
    for (const core::ProgrammeResult& p : s.result().programmes)
      if (p.available == g.available && p.eligible == g.eligible) draw_programme_node(ui, s, p);
  }
  draw_not_computed(ui, s);
  ImGui::Spacing();
  draw_suggestions(ui, s);
  ui.drag_to_scroll();
  ImGui::EndChild();
}

}  // namespace zengshou::app
