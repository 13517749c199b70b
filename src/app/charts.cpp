#include "charts.h"

#include <algorithm>  // max, clamp
#include <array>      // eligibility per programme
#include <cstdio>     // snprintf
#include <string>

#include <imgui.h>

#include "format.h"

namespace zengshou::app {
namespace {

using core::Money;

constexpr ImU32 stream_colours[] = {IM_COL32(66, 133, 244, 255), IM_COL32(52, 168, 83, 255), IM_COL32(251, 188, 5, 255),
                                    IM_COL32(171, 71, 188, 255)};
constexpr ImU32 line_colour = IM_COL32(200, 50, 40, 255);
constexpr ImU32 axis_colour = IM_COL32(110, 110, 110, 255);
constexpr ImU32 cash_colour = IM_COL32(140, 140, 140, 255);
constexpr ImU32 reform_colour = IM_COL32(255, 112, 67, 255);

float yuan(Money m) { return static_cast<float>(m.fen()) / 100.0f; }  // for drawing only

// A plot area: maps values to pixels, draws the frame.
struct Plot {
  ImVec2 min, max;
  float x0, x1, y0, y1;
  ImDrawList* draw;

  ImVec2 at(float x, float y) const {
    return {min.x + (x - x0) / (x1 - x0) * (max.x - min.x), max.y - (y - y0) / (y1 - y0) * (max.y - min.y)};
  }
  bool hovered() const { return ImGui::IsMouseHoveringRect(min, max); }
  float mouse_x() const { return x0 + (ImGui::GetIO().MousePos.x - min.x) / (max.x - min.x) * (x1 - x0); }
};

// A label under the horizontal axis, centred on its tick but kept inside the chart's width (never clipped).
void axis_label(const Plot& p, float tick_x, const std::string& text, float left) {
  const float width = ImGui::CalcTextSize(text.c_str()).x;
  const float x = std::clamp(tick_x - width * 0.5f, left, std::max(left, p.max.x - width));
  p.draw->AddText(ImVec2(x, p.max.y + 2.0f), axis_colour, text.c_str());
}

// A line's name beside it, on a pale ground so bars under it do not hide it; to its left near the right edge.
void line_name(const Plot& p, float line_x, float y, const char* text) {
  const ImVec2 size = ImGui::CalcTextSize(text);
  const float x = line_x + 3.0f + size.x > p.max.x ? line_x - 3.0f - size.x : line_x + 3.0f;
  p.draw->AddRectFilled(ImVec2(x - 1.0f, y), ImVec2(x + size.x + 1.0f, y + size.y), IM_COL32(255, 255, 255, 200));
  p.draw->AddText(ImVec2(x, y), line_colour, text);
}

// `value_axis_y`: label the vertical axis in yuan (line charts); otherwise the horizontal one (the bar).
Plot begin_plot(const char* id, float height, float x0, float x1, float y0, float y1, bool value_axis_y = true) {
  const float em = ImGui::GetFontSize();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::InvisibleButton(id, ImVec2(width, height));
  Plot p{{origin.x + em * 4.0f, origin.y + em * 0.5f},
         {origin.x + width - em * 0.5f, origin.y + height - em * 1.5f},
         x0,
         x1,
         y0,
         y1 > y0 ? y1 : y0 + 1.0f,
         ImGui::GetWindowDrawList()};
  p.draw->AddRect(p.min, p.max, axis_colour);
  if (!value_axis_y) {
    for (int i = 0; i <= 4; ++i) {
      const float v = p.x0 + (p.x1 - p.x0) * static_cast<float>(i) / 4.0f;
      axis_label(p, p.at(v, 0).x, chart_number(v), origin.x);
    }
    return p;
  }
  // Four grid steps on the value axis, labelled in yuan.
  for (int i = 0; i <= 4; ++i) {
    const float v = p.y0 + (p.y1 - p.y0) * static_cast<float>(i) / 4.0f;
    const ImVec2 a = p.at(p.x0, v);
    p.draw->AddLine(a, ImVec2(p.max.x, a.y), IM_COL32(0, 0, 0, 25));
    p.draw->AddText(ImVec2(origin.x, a.y - em * 0.5f), axis_colour, chart_number(v).c_str());
  }
  return p;
}

void legend_item(ImU32 colour, const char* text) {
  const float em = ImGui::GetFontSize();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + em * 0.25f), ImVec2(at.x + em * 0.8f, at.y + em * 1.0f),
                                            colour);
  ImGui::Dummy(ImVec2(em, em));
  ImGui::SameLine();
  ImGui::TextUnformatted(text);
  ImGui::SameLine();
}

}  // namespace

void draw_stream_chart(Ui& ui, const Session& s) {
  const core::Result& r = s.result();
  const float size = static_cast<float>(r.size);
  const Money production_net = r.income.production - r.income.production_cost;
  const float parts[] = {yuan(r.income.wage) / size, std::max(0.0f, yuan(production_net) / size),
                         yuan(r.income.property) / size, yuan(r.income.transfer) / size};
  const Str labels[] = {Str::stream_wage, Str::stream_production_net, Str::stream_property, Str::stream_transfer};
  float top = parts[0] + parts[1] + parts[2] + parts[3];
  for (const core::LineResult& l : r.lines) top = std::max(top, yuan(l.value));
  ImGui::TextUnformatted(tr(Str::chart_streams));
  const float em = ImGui::GetFontSize();
  const Plot p = begin_plot("##streams_chart", em * 3.0f + em * static_cast<float>(r.lines.size()), 0.0f, top * 1.1f,
                            0.0f, 1.0f, false);
  // One horizontal bar, stacked left to right; the lines are red marks across it.
  float x = 0.0f;
  int hovered = -1;
  const float bar_top = 1.0f - 0.1f;
  const float bar_bottom = 0.1f;
  for (int i = 0; i < 4; ++i) {
    const ImVec2 a = p.at(x, bar_bottom + (bar_top - bar_bottom) * 0.35f), b = p.at(x + parts[i], bar_bottom);
    p.draw->AddRectFilled(a, b, stream_colours[i]);
    if (ImGui::IsMouseHoveringRect(a, b)) hovered = i;
    x += parts[i];
  }
  // The lines' names stacked above the bar, one a row, so close lines do not overwrite each other.
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const core::LineResult& l = r.lines[i];
    p.draw->AddLine(p.at(yuan(l.value), 1.0f), p.at(yuan(l.value), 0.0f), line_colour, 2.0f);
    line_name(p, p.at(yuan(l.value), 1.0f).x, p.min.y + em * static_cast<float>(i), tr(line_label(l.id)));
  }
  if (hovered >= 0) {
    const Money amounts[] = {r.income.wage, production_net, r.income.property, r.income.transfer};
    ImGui::SetTooltip("%s: %s %s", tr(labels[hovered]), money_text(amounts[hovered].divided_by(r.size)).c_str(),
                      tr(Str::yuan));
  }
  ui.anchor("chart_streams");
  for (int i = 0; i < 4; ++i) legend_item(stream_colours[i], tr(labels[i]));
  ImGui::NewLine();
}

void draw_projection_chart(Ui& ui, const std::vector<core::ProjectedYear>& years,
                           const std::vector<core::ProjectedYear>* reform, const char* anchor) {
  if (years.empty()) return;
  float top = 0.0f;
  for (const auto* series : {&years, reform}) {
    if (series == nullptr) continue;
    for (const auto& y : *series) {
      top = std::max(top, yuan(y.result.income.per_capita_net));
      for (const core::LineResult& l : y.result.lines) top = std::max(top, yuan(l.value));
    }
  }
  const float first = static_cast<float>(years.front().result.year);
  const float last = std::max(first + 1.0f, static_cast<float>(years.back().result.year));
  ImGui::TextUnformatted(tr(Str::chart_projection));
  const float em = ImGui::GetFontSize();
  const Plot p = begin_plot(anchor, em * 12.0f, first - 0.3f, last + 0.3f, 0.0f, top * 1.15f);
  for (const core::ProjectedYear& y : years) {
    const float x = static_cast<float>(y.result.year);
    axis_label(p, p.at(x, 0).x, std::to_string(y.result.year), p.min.x - em * 3.0f);
    for (const core::LineResult& l : y.result.lines) {
      const ImVec2 a = p.at(x - 0.3f, yuan(l.value)), b = p.at(x + 0.3f, yuan(l.value));
      p.draw->AddLine(a, b, line_colour, 2.0f);
    }
  }
  // The reform's line first, dashed by its markers, so the baseline stays on top where they agree.
  const auto draw_series = [&](const std::vector<core::ProjectedYear>& series, ImU32 colour) {
    for (size_t i = 0; i < series.size(); ++i) {
      const auto& y = series[i].result;
      const ImVec2 point = p.at(static_cast<float>(y.year), yuan(y.income.per_capita_net));
      if (i > 0) {
        const auto& prev = series[i - 1].result;
        p.draw->AddLine(p.at(static_cast<float>(prev.year), yuan(prev.income.per_capita_net)), point, colour, 3.0f);
      }
      p.draw->AddCircleFilled(point, em * 0.3f, colour);
    }
  };
  if (reform != nullptr) draw_series(*reform, reform_colour);
  draw_series(years, stream_colours[0]);
  if (p.hovered()) {
    const int index = std::clamp(static_cast<int>(p.mouse_x() - first + 0.5f), 0, static_cast<int>(years.size()) - 1);
    const core::Result& r = years[static_cast<size_t>(index)].result;
    std::string text =
        std::to_string(r.year) + "  " + tr(Str::per_capita_net) + " " + money_text(r.income.per_capita_net);
    if (reform != nullptr && static_cast<size_t>(index) < reform->size())
      text += std::string("\n") + tr(Str::reform_label) + " " +
              money_text((*reform)[static_cast<size_t>(index)].result.income.per_capita_net);
    for (const core::LineResult& l : r.lines)
      text += std::string("\n") + tr(line_label(l.id)) + " " + money_text(l.value);
    ImGui::SetTooltip("%s", text.c_str());
  }
  ui.anchor(anchor);
  legend_item(stream_colours[0], tr(reform != nullptr ? Str::baseline_label : Str::per_capita_net));
  if (reform != nullptr) legend_item(reform_colour, tr(Str::reform_label));
  legend_item(line_colour, tr(Str::line_monitoring));
  ImGui::NewLine();
}

void draw_village_histogram(Ui& ui, const core::VillageRun& baseline, const core::VillageRun* reform,
                            const char* anchor) {
  // 1000-yuan bins from 0 to 30 000; the last holds everyone above.
  constexpr int bins = 31;
  const Money width = Money::yuan(1000);
  const auto before = core::per_capita_histogram(baseline, width, bins);
  const auto after = reform != nullptr ? core::per_capita_histogram(*reform, width, bins) : before;
  int top = 1;
  for (int i = 0; i < bins; ++i) top = std::max({top, before[static_cast<size_t>(i)], after[static_cast<size_t>(i)]});
  ImGui::TextUnformatted(tr(Str::chart_histogram));
  ui.help(Str::chart_histogram_help);
  const float em = ImGui::GetFontSize();
  const Plot p = begin_plot(anchor, em * 12.0f, 0.0f, static_cast<float>(bins), 0.0f, static_cast<float>(top) * 1.1f);
  for (int i = 0; i < bins; ++i) {
    const float x = static_cast<float>(i);
    const float b = static_cast<float>(before[static_cast<size_t>(i)]);
    const float a = static_cast<float>(after[static_cast<size_t>(i)]);
    if (reform != nullptr) {
      p.draw->AddRectFilled(p.at(x + 0.08f, b), p.at(x + 0.5f, 0.0f), stream_colours[0]);
      p.draw->AddRectFilled(p.at(x + 0.5f, a), p.at(x + 0.92f, 0.0f), reform_colour);
    } else {
      p.draw->AddRectFilled(p.at(x + 0.1f, b), p.at(x + 0.9f, 0.0f), stream_colours[0]);
    }
    if (i % 5 == 0) axis_label(p, p.at(x, 0).x, chart_number(i * 1000.0), p.min.x - em * 3.0f);
  }
  const std::pair<Money, Str> lines[] = {{baseline.monitoring_line, Str::line_monitoring},
                                         {baseline.policy_line, Str::line_policy}};
  for (size_t i = 0; i < 2; ++i) {
    const auto& [value, label] = lines[i];
    if (value <= Money()) continue;
    const float x = yuan(value) / 1000.0f;
    p.draw->AddLine(p.at(x, 0.0f), p.at(x, p.y1), line_colour, 2.0f);
    line_name(p, p.at(x, 0).x, p.min.y + em * static_cast<float>(i), tr(label));
  }
  if (p.hovered()) {
    const int i = std::clamp(static_cast<int>(p.mouse_x()), 0, bins - 1);
    char range[64];
    if (i == bins - 1)
      std::snprintf(range, sizeof range, "≥ %d", i * 1000);
    else
      std::snprintf(range, sizeof range, "%d – %d", i * 1000, (i + 1) * 1000);
    std::string text = std::string(range) + " " + tr(Str::yuan) + "\n" + tr(Str::baseline_label) + ": " +
                       std::to_string(before[static_cast<size_t>(i)]) + " " + tr(Str::people_unit);
    if (reform != nullptr)
      text += std::string("\n") + tr(Str::reform_label) + ": " + std::to_string(after[static_cast<size_t>(i)]) + " " +
              tr(Str::people_unit);
    ImGui::SetTooltip("%s", text.c_str());
  }
  ui.anchor(anchor);
  legend_item(stream_colours[0], tr(Str::baseline_label));
  if (reform != nullptr) legend_item(reform_colour, tr(Str::reform_label));
  ImGui::NewLine();
}

void draw_wage_sweep(Ui& ui, const Session& s, int& member) {
  const core::Household& base = s.household();
  if (base.members.empty()) return;  // income entered as totals: no one's wage to vary
  member = std::clamp(member, 0, base.member_count() - 1);
  ImGui::TextUnformatted(tr(Str::chart_sweep));
  ui.help(Str::chart_sweep_help);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  const std::string current = base.members[member].name.empty()
                                  ? std::string(tr(Str::member_unnamed)) + " " + std::to_string(member + 1)
                                  : base.members[member].name;
  if (ImGui::BeginCombo(tr(Str::chart_sweep_member), current.c_str())) {
    for (int i = 0; i < base.member_count(); ++i) {
      const std::string name = base.members[i].name.empty()
                                   ? std::string(tr(Str::member_unnamed)) + " " + std::to_string(i + 1)
                                   : base.members[i].name;
      if (ImGui::Selectable((name + "##" + std::to_string(i)).c_str(), i == member)) member = i;
    }
    ImGui::EndCombo();
  }
  // 0 to 8000 yuan a month in steps of 100, for 12 months of a job in the county (the member's other jobs go).
  constexpr int steps = 81;
  Money counted[steps], cash[steps];
  struct Change {
    int step;
    core::ProgrammeId programme;
    bool starts;
  };
  std::vector<Change> changes;
  std::array<bool, core::programme_count> eligible_before{};
  core::Household h = base;
  float top = 0.0f;
  for (int i = 0; i < steps; ++i) {
    core::Job job;
    job.kind = core::JobKind::local;
    job.months = 12;
    job.monthly_wage = Money::yuan(100 * i);
    h.members[member].jobs = {job};
    const core::Result r = core::evaluate(h, s.params(), {.suggestions = false});
    counted[i] = r.income.per_capita_net;
    cash[i] = r.income.cash_received.divided_by(r.size);
    top = std::max(top, yuan(cash[i]));
    for (size_t k = 0; k < core::programme_count; ++k) {
      if (i > 0 && r.programmes[k].eligible != eligible_before[k])
        changes.push_back({i, static_cast<core::ProgrammeId>(k), r.programmes[k].eligible});
      eligible_before[k] = r.programmes[k].eligible;
    }
  }
  for (const core::LineResult& l : s.result().lines) top = std::max(top, yuan(l.value));
  const float em = ImGui::GetFontSize();
  const Plot p = begin_plot("##sweep_chart", em * 12.0f, 0.0f, 8000.0f, 0.0f, top * 1.1f);
  for (const Change& c : changes)
    p.draw->AddLine(p.at(100.0f * c.step, 0.0f), p.at(100.0f * c.step, p.y1), IM_COL32(0, 0, 0, 60), 1.0f);
  for (const core::LineResult& l : s.result().lines)
    p.draw->AddLine(p.at(0.0f, yuan(l.value)), p.at(8000.0f, yuan(l.value)), line_colour, 1.5f);
  for (int i = 1; i < steps; ++i) {
    p.draw->AddLine(p.at(100.0f * (i - 1), yuan(cash[i - 1])), p.at(100.0f * i, yuan(cash[i])), cash_colour, 2.0f);
    p.draw->AddLine(p.at(100.0f * (i - 1), yuan(counted[i - 1])), p.at(100.0f * i, yuan(counted[i])), stream_colours[0],
                    3.0f);
  }
  for (int tick = 0; tick <= 8000; tick += 2000)
    axis_label(p, p.at(static_cast<float>(tick), 0).x, chart_number(tick), p.min.x - em * 3.0f);
  if (p.hovered()) {
    const int i = std::clamp(static_cast<int>(p.mouse_x() / 100.0f + 0.5f), 0, steps - 1);
    std::string text = std::string(tr(Str::chart_wage_axis)) + " " + std::to_string(100 * i) + "\n" +
                       tr(Str::chart_counted) + " " + money_text(counted[i]) + "\n" + tr(Str::chart_cash) + " " +
                       money_text(cash[i]);
    for (const Change& c : changes) {
      if (c.step != i) continue;
      text += std::string("\n") +
              (language() == Language::zh_CN ? core::info(c.programme).name_zh : core::info(c.programme).name_en) +
              " " + tr(c.starts ? Str::chart_starts : Str::chart_stops);
    }
    ImGui::SetTooltip("%s", text.c_str());
  }
  ui.anchor("chart_sweep");
  legend_item(stream_colours[0], tr(Str::chart_counted));
  legend_item(cash_colour, tr(Str::chart_cash));
  legend_item(IM_COL32(0, 0, 0, 60), tr(Str::chart_changes));
  ImGui::NewLine();
}

}  // namespace zengshou::app
