// 农户台账: the cadre's households — imported from CSV (UTF-8 or GBK, English or Chinese headers) or JSON, a table
// sorted and filtered by village, category, income, gap and flags that opens a household in the calculator — and
// the selected household's quarterly ledger (季度台账, seed 001 二(三)三) against its projection.
#include <algorithm>  // stable_sort, count_if
#include <array>      // counts by worklist status
#include <cstdio>     // snprintf
#include <map>        // villages
#include <string>
#include <vector>

#include <imgui.h>

#include "core/report.h"
#include "format.h"
#include "labels.h"
#include "tables.h"
#include "views.h"

namespace zengshou::app {
namespace {

using core::Money;

constexpr ImU32 flag_colour = IM_COL32(170, 60, 30, 255);
constexpr Str work_filter_labels[] = {Str::work_all, Str::work_enter, Str::work_may_exit, Str::work_visit,
                                      Str::work_normal};

// The worklist counted by village, most households first, with a total: what each village's cadre has to do.
TextTable worklist_by_village(const Roster& roster) {
  std::map<std::string, std::array<int, worklist_count>> counts;
  for (size_t i = 0; i < roster.households().size(); ++i)
    ++counts[roster.households()[i].household.village][static_cast<size_t>(roster.rows()[i].work)];
  TextTable t{"monitoring-worklist.csv", {tr(Str::household_village)}, {}};
  for (Str label : work_labels) t.header.push_back(tr(label));
  std::array<int, worklist_count> total{};
  for (const auto& [village, n] : counts) {
    std::vector<std::string> row{village.empty() ? "—" : village};
    for (size_t k = 0; k < worklist_count; ++k) {
      row.push_back(std::to_string(n[k]));
      total[k] += n[k];
    }
    t.rows.push_back(std::move(row));
  }
  std::vector<std::string> row{tr(Str::work_village_total)};
  for (int n : total) row.push_back(std::to_string(n));
  t.rows.push_back(std::move(row));
  return t;
}

void draw_worklist_by_village(Ui& ui, const Roster& roster, PlatformRequests& requests) {
  const bool open = ImGui::CollapsingHeader(tr(Str::work_by_village));
  ui.anchor("worklist_by_village");
  if (open) draw_table(ui, worklist_by_village(roster), "worklist", requests);
}

enum Column {
  col_id,
  col_head,
  col_village,
  col_category,
  col_size,
  col_per_capita,
  col_gap,
  col_work,
  col_flags,
  col_count
};

bool contains(const std::string& text, const std::string& part) {
  return part.empty() || text.find(part) != std::string::npos;
}

// Which households the table shows, in which order: refreshed when the roster, the filter or the order changes.
void refresh_order(const Roster& roster, RosterViewState& v, const ImGuiTableSortSpecs* specs) {
  v.order.clear();
  const auto& hs = roster.households();
  const auto& rows = roster.rows();
  v.overflowed = static_cast<int>(
      std::count_if(rows.begin(), rows.end(), [](const Roster::Row& r) { return r.per_capita_net.overflowed(); }));
  for (size_t i = 0; i < hs.size(); ++i) {
    const core::Household& h = hs[i].household;
    if (!contains(h.id, v.filter) && !contains(h.head, v.filter) && !contains(h.village, v.filter)) continue;
    if (v.category > 0 && static_cast<int>(h.category) != v.category - 1) continue;
    if (v.only_below && rows[i].gap == Money()) continue;
    if (v.work > 0 && static_cast<int>(rows[i].work) != v.work - 1) continue;
    v.order.push_back(static_cast<int>(i));
  }
  if (specs == nullptr || specs->SpecsCount == 0) return;
  const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
  const bool up = s.SortDirection == ImGuiSortDirection_Ascending;
  const auto key_less = [&](int a, int b) {
    const core::Household& x = hs[static_cast<size_t>(a)].household;
    const core::Household& y = hs[static_cast<size_t>(b)].household;
    const Roster::Row& rx = rows[static_cast<size_t>(a)];
    const Roster::Row& ry = rows[static_cast<size_t>(b)];
    switch (s.ColumnIndex) {
      case col_head:
        return x.head < y.head;
      case col_village:
        return x.village < y.village;
      case col_category:
        return x.category < y.category;
      case col_size:
        return x.size() < y.size();
      case col_per_capita:
        return rx.per_capita_net < ry.per_capita_net;
      case col_gap:
        return rx.gap < ry.gap;
      case col_work:
        return rx.work < ry.work;
      case col_flags:
        return __builtin_popcount(rx.flags) < __builtin_popcount(ry.flags);
      default:
        return x.id < y.id;
    }
  };
  std::stable_sort(v.order.begin(), v.order.end(), [&](int a, int b) { return up ? key_less(a, b) : key_less(b, a); });
}

// The ledger as a printable page: the same rows as the CSV.
std::string ledger_print_html(const TextTable& t, int year) {
  const auto escape = [](const std::string& s) {
    std::string out;
    for (char c : s) out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
    return out;
  };
  std::string html = std::string("<!doctype html>\n<html lang=\"") + language_tag(language()) +
                     "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + tr(Str::ledger_title) + " " +
                     std::to_string(year) +
                     "</title>\n<style>@page { size: A4 landscape; margin: 10mm; } body { font: 10pt sans-serif; } "
                     "table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #999; padding: 2pt "
                     "4pt; }</style>\n</head>\n<body>\n<h1>" +
                     tr(Str::ledger_title) + " " + std::to_string(year) + "</h1>\n<table>\n<tr>";
  for (const std::string& h : t.header) html += "<th>" + escape(h) + "</th>";
  html += "</tr>\n";
  for (const auto& row : t.rows) {
    html += "<tr>";
    for (const std::string& cell : row) html += "<td>" + escape(cell) + "</td>";
    html += "</tr>\n";
  }
  return html + "</table>\n</body>\n</html>\n";
}

void draw_ledger(Ui& ui, Roster& roster, size_t index, PlatformRequests& requests) {
  core::WorkspaceHousehold& w = roster.households()[index];
  const int year = w.household.year;
  char title[256];
  std::snprintf(title, sizeof title, tr(Str::ledger_for), w.household.id.c_str(), w.household.head.c_str(), year);
  ui.heading(title);
  constexpr Str streams[] = {Str::stream_wage, Str::ledger_production_revenue, Str::ledger_production_cost,
                             Str::stream_property, Str::stream_transfer};
  if (ImGui::BeginTable("##ledger", 6, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn(tr(Str::ledger_quarter), ImGuiTableColumnFlags_WidthFixed);
    for (Str s : streams) ImGui::TableSetupColumn(tr(s));
    ImGui::TableHeadersRow();
    for (int q = 1; q <= 4; ++q) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("Q%d", q);
      const core::QuarterRecord* existing = w.find_quarter(year, q);
      core::QuarterRecord record;
      if (existing != nullptr) record = *existing;
      record.year = year;
      record.quarter = q;
      Money* fields[] = {&record.wage, &record.production_revenue, &record.production_cost, &record.property,
                         &record.transfer};
      bool changed = false;
      for (size_t k = 0; k < std::size(fields); ++k) {
        ImGui::TableNextColumn();
        ImGui::PushID(q * 10 + static_cast<int>(k));
        ImGui::SetNextItemWidth(-1);
        changed |= ui.money("##amount", *fields[k]);
        ui.anchor("ledger_q" + std::to_string(q) + "_" + std::to_string(k));
        ImGui::PopID();
      }
      if (changed) {
        w.quarter(year, q) = record;
        roster.ledger_changed(index);
      }
    }
    ImGui::EndTable();
  }
  const core::Result projection = roster.result(index);
  const core::LedgerStatus s = core::ledger_status(w, year, projection);
  if (s.quarters == 0) {
    ImGui::TextDisabled("%s", tr(Str::ledger_empty));
  } else if (s.overflow) {
    draw_overflow_notice(ui, projection.overflowed() ? projection.overflow : "/ledger", "ledger_overflow");
  } else {
    char text[512];
    std::snprintf(text, sizeof text, tr(Str::ledger_status_text), s.quarters, money_text(s.year_to_date).c_str(),
                  money_text(s.expected_to_date).c_str(), money_text(s.annualised_per_capita).c_str());
    ui.wrapped(text);
    ui.anchor("ledger_status");
    const std::pair<bool, Str> flags[] = {{s.below_expected, Str::ledger_flag_below_expected},
                                          {s.fell, Str::ledger_flag_fell},
                                          {s.growth_below_target, Str::ledger_flag_growth},
                                          {s.below_monitoring_line, Str::ledger_flag_below_line}};
    for (const auto& [on, label] : flags) {
      if (!on) continue;
      ImGui::PushStyleColor(ImGuiCol_Text, flag_colour);
      ui.wrapped(std::string("· ") + tr(label));
      ImGui::PopStyleColor();
    }
  }
  // Every household's quarters of the year, built only when asked for (a roster may hold 10 000).
  if (ImGui::Button(tr(Str::ledger_export))) {
    const TextTable all = ledger_table(roster, year);
    requests.save_name = all.file_name;
    requests.save_text = csv_text(all);
  }
  ui.anchor("ledger_export");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::ledger_print))) requests.page_html = ledger_print_html(ledger_table(roster, year), year);
  ui.anchor("ledger_print");
}

}  // namespace

void draw_roster_view(Ui& ui, Session& s, Roster& roster, RosterViewState& v, UndoHistory& undo,
                      PlatformRequests& requests, bool& open_calculator) {
  // A simulated change in force: the table, worklist, ledger and cards follow it, and say so; one click back to the
  // policies in force (her monitoring decisions are made under those).
  if (!v.reform_text.empty()) {
    const bool applied = !roster.reform().empty();
    ImGui::PushStyleColor(ImGuiCol_Text, applied ? flag_colour : ImGui::GetColorU32(ImGuiCol_Text));
    ui.wrapped(printf_text(tr(applied ? Str::roster_under_reform : Str::roster_under_policy), v.reform_text));
    ImGui::PopStyleColor();
    ui.anchor("roster_reform_notice");
    if (ImGui::Button(tr(applied ? Str::roster_show_policy : Str::roster_show_reform))) v.policy_in_force = applied;
    ui.anchor("roster_reform_switch");
  }
  if (ImGui::Button(tr(Str::roster_import))) {
    requests.open_file = true;
    requests.open_kind = OpenKind::roster;
  }
  ui.anchor("roster_import");
  ui.help(Str::roster_import_help);
  // A sheet to start from: the columns as she heads them, one household filled in.
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::roster_template_csv))) {
    const TextTable t = roster_template_table(s.household().year);
    requests.save_name = t.file_name;
    requests.save_text = csv_text(t);
  }
  ui.anchor("roster_template_csv");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::roster_template_xlsx))) {
    Workbook w = xlsx_workbook(roster_template_table(s.household().year));
    requests.save_name = std::move(w.file_name);
    requests.save_text = std::move(w.spec);
  }
  ui.anchor("roster_template_xlsx");
  ui.help(Str::roster_template_help);
  if (!undo.empty() && undo.last().kind == UndoStep::Kind::roster_added && undo.last().imported) {
    char text[96];
    std::snprintf(text, sizeof text, tr(Str::workbook_undo), static_cast<int>(undo.last().keys.size()));
    ImGui::SameLine();
    if (ImGui::Button(text)) v.undo = true;
    ui.anchor("roster_undo_import");
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::roster_export))) {
    const TextTable t = roster_table(roster, v.order, v.reform_text);
    requests.save_name = t.file_name;
    requests.save_text = csv_text(t);
  }
  ui.anchor("roster_export");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::roster_export_xlsx))) {
    // One workbook a cadre can hand on: the roster as shown, this year's ledger, the worklist by village, and the
    // policies the figures come from with their documents.
    // Under a simulated change, the sheets it changed say so in their names (the roster's rows say which
    // households), and the policy sheet, which lists the values in force, says it is not the change.
    const bool reformed =
        !roster.reform().empty() && !v.reform_text.empty() &&
        std::any_of(roster.households().begin(), roster.households().end(),
                    [&](const core::WorkspaceHousehold& w) { return roster.under_reform(w.household); });
    const std::string suffix = reformed ? tr(Str::sheet_under_reform) : "";
    Workbook w = xlsx_workbook({{tr(Str::sheet_roster) + suffix, roster_table(roster, v.order, v.reform_text)},
                                {tr(Str::sheet_ledger), ledger_table(roster, s.household().year)},
                                {tr(Str::sheet_worklist) + suffix, worklist_by_village(roster)}},
                               roster_policies(roster),
                               reformed ? printf_text(tr(Str::policy_sheet_in_force_note), v.reform_text) : "");
    requests.save_name = std::move(w.file_name);
    requests.save_text = std::move(w.spec);
  }
  ui.anchor("roster_export_xlsx");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::workspace_export))) requests.save_workspace = true;
  ui.anchor("workspace_export");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::workspace_import))) {
    requests.open_file = true;
    requests.open_kind = OpenKind::workspace;
  }
  ui.anchor("workspace_import");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::roster_add_current))) {
    v.selected = static_cast<int>(roster.add(s.household()));
    v.added_current = true;
  }
  ui.anchor("roster_add_current");

  bool filter_changed = false;
  const float em = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(em * 12.0f);
  filter_changed |= ui.text("##filter", v.filter);
  ui.anchor("roster_filter");
  ui.help(Str::roster_filter_help);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 10.0f);
  const char* current = v.category == 0 ? tr(Str::roster_all_categories) : tr(category_labels[v.category - 1]);
  if (ImGui::BeginCombo("##category", current)) {
    if (ImGui::Selectable(tr(Str::roster_all_categories), v.category == 0)) {
      v.category = 0;
      filter_changed = true;
    }
    for (size_t i = 0; i < std::size(category_labels); ++i) {
      if (ImGui::Selectable(tr(category_labels[i]), v.category == static_cast<int>(i) + 1)) {
        v.category = static_cast<int>(i) + 1;
        filter_changed = true;
      }
    }
    ImGui::EndCombo();
  }
  ui.anchor("roster_category");
  ImGui::SameLine();
  filter_changed |= ImGui::Checkbox(tr(Str::roster_only_below), &v.only_below);
  ui.anchor("roster_only_below");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 9.0f);
  if (ui.choice("##roster_work", v.work, work_filter_labels, static_cast<int>(std::size(work_filter_labels))))
    filter_changed = true;
  ui.anchor("roster_work");
  ui.help(Str::work_help);
  draw_worklist_by_village(ui, roster, requests);

  char count[160];
  std::snprintf(count, sizeof count, tr(Str::roster_count), static_cast<int>(v.order.size()),
                static_cast<int>(roster.households().size()), roster.import_ms());
  ImGui::TextDisabled("%s", count);
  if (v.overflowed > 0) {
    char text[512];
    std::snprintf(text, sizeof text, tr(Str::overflow_roster), v.overflowed);
    ImGui::PushStyleColor(ImGuiCol_Text, flag_colour);
    ui.wrapped(text);
    ImGui::PopStyleColor();
    ui.anchor("roster_overflow");
  }
  if (!undo.empty() && undo.last().kind == UndoStep::Kind::roster_removed) {
    char text[256];
    std::snprintf(text, sizeof text, tr(Str::roster_removed_notice), undo.last().subject.c_str());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::undo_menu))) v.undo = true;
    ui.anchor("roster_undo_remove");
  }
  if (roster.households().empty()) {
    ui.wrapped(tr(Str::roster_empty));
    return;
  }

  const bool has_selection = v.selected >= 0 && v.selected < static_cast<int>(roster.households().size());
  const float table_height = has_selection ? ImGui::GetContentRegionAvail().y * 0.5f : 0.0f;
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable;
  if (ImGui::BeginTable("##roster", col_count, flags, ImVec2(0, table_height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    const Str headers[] = {Str::household_id, Str::household_head, Str::household_village,
                           Str::category,     Str::roster_size,    Str::per_capita_net,
                           Str::roster_gap,   Str::work_column,    Str::flags_title};
    for (int c = 0; c < col_count; ++c)
      ImGui::TableSetupColumn(tr(headers[c]), c == col_id ? ImGuiTableColumnFlags_DefaultSort : 0);
    ImGui::TableHeadersRow();
    ui.anchor("roster_header");
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    const bool resort = specs != nullptr && specs->SpecsDirty;
    if (resort || filter_changed || v.generation != roster.generation()) {
      refresh_order(roster, v, specs);
      if (specs != nullptr) specs->SpecsDirty = false;
      v.generation = roster.generation();
    }
    // Only the rows on screen are drawn: 10 000 households scroll as smoothly as ten.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(v.order.size()));
    while (clipper.Step()) {
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const int i = v.order[static_cast<size_t>(r)];
        const core::Household& h = roster.households()[static_cast<size_t>(i)].household;
        const Roster::Row& row = roster.rows()[static_cast<size_t>(i)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(i);
        if (ImGui::Selectable(h.id.empty() ? "—" : h.id.c_str(), v.selected == i,
                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
          v.selected = i;
          if (ImGui::IsMouseDoubleClicked(0)) open_calculator = true;
        }
        if (r < 3) ui.anchor("roster_row_" + std::to_string(r));
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(h.head.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(h.village.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(category_labels[static_cast<size_t>(h.category)]));
        ImGui::TableNextColumn();
        ImGui::Text("%d", h.size());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(money_text(row.per_capita_net).c_str());
        ImGui::TableNextColumn();
        if (row.gap > Money()) ImGui::PushStyleColor(ImGuiCol_Text, flag_colour);
        ImGui::TextUnformatted(money_text(row.gap).c_str());
        if (row.gap > Money()) ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        if (row.work != Worklist::normal) ImGui::PushStyleColor(ImGuiCol_Text, flag_colour);
        ImGui::TextUnformatted(tr(work_labels[static_cast<size_t>(row.work)]));
        if (row.work != Worklist::normal) ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(flags_text(row.flags).c_str());
      }
    }
    ImGui::EndTable();
  }
  if (!has_selection) return;
  ImGui::BeginChild("##ledger_panel");
  const size_t index = static_cast<size_t>(v.selected);
  if (ImGui::Button(tr(Str::roster_open))) open_calculator = true;
  ui.anchor("roster_open");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::card_print))) {
    const core::Household& h = roster.households()[index].household;
    if (roster.policies().find(h.policy) != nullptr)
      requests.page_html = core::household_card_html(roster.result(index), h, roster.params(index), core_language(),
                                                     roster.under_reform(h) ? v.reform_text : "");
  }
  ui.anchor("roster_card");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::roster_remove))) {
    // No question asked: the step is one click from being taken back (the notice below, 撤销, Ctrl+Z).
    UndoStep step{.kind = UndoStep::Kind::roster_removed,
                  .households = {roster.households()[index]},
                  .keys = {roster.records()[index].key}};
    step.subject = household_subject(step.households.front().household);
    undo.push(std::move(step));
    roster.remove(index);
    v.selected = -1;
    ImGui::EndChild();
    return;
  }
  ui.anchor("roster_remove");
  draw_ledger(ui, roster, index, requests);
  ui.drag_to_scroll();
  ImGui::EndChild();
}

}  // namespace zengshou::app
