// 政策模拟: every parameter of the policy, grouped by programme, with its value, date and source or "assumed";
// changing one makes a reform, shown as a diff, saved and loaded as JSON, and compared with the policy for the
// household (every figure, and the projection).
#include <algorithm>  // max
#include <array>      // category switches
#include <string>
#include <utility>  // exchange
#include <vector>

#include <imgui.h>

#include "charts.h"
#include "core/json_reading.h"
#include "core/programmes/registry.h"
#include "format.h"
#include "labels.h"
#include "tables.h"
#include "views.h"

namespace zengshou::app {
namespace {

using core::Money;
using core::ParamId;

constexpr ImU32 changed_colour = IM_COL32(214, 84, 40, 255);

// Records a change, or drops it when the value is back to the policy's own.
void set_change(Session& s, ParamId id, std::optional<int64_t> value) {
  if (value == s.params()[id].value)
    s.reform().remove(id);
  else
    s.reform().set(id, value);
  s.reform_changed();
}

std::string value_text(ParamId id, std::optional<int64_t> value) {
  core::ResolvedParam p;
  p.value = value;
  return param_value_text(id, p);
}

// The slider's top: twice the policy's value, and at least a sensible span for the unit.
int64_t slider_top(core::Unit unit, int64_t baseline_hundredths) {
  const int64_t floor = unit == core::Unit::percent ? 100 : unit == core::Unit::yuan_per_person_year ? 20000 : 5000;
  return std::max(floor, baseline_hundredths * 2 / 100);
}

// 注明出处 for a value her own policy sets: document, clause and quote, each problem beside its field as she types;
// saved into her policy only when the reference holds.
void draw_citation(Ui& ui, const Session& s, ParamId id, CitationEdit& c, const std::string& anchor) {
  const core::ResolvedParam& p = s.params()[id];
  const auto& mine = s.policies().user_files();
  if (p.entry == nullptr || std::find(mine.begin(), mine.end(), p.file) == mine.end()) return;  // not hers
  if (c.param != id) {
    if (ImGui::SmallButton(tr(p.entry->cited ? Str::cite_change : Str::cite_add))) {
      c = CitationEdit{id,
                       p.entry->from,
                       p.entry->cited ? p.entry->cited->document : s.policy().document,
                       p.entry->cited ? p.entry->cited->clause : "",
                       p.entry->cited ? p.entry->cited->quote : "",
                       ""};
    }
    ui.anchor(anchor + "_cite");
    return;
  }
  const core::DocumentSet& documents = s.policies().documents();
  const core::Document* chosen = documents.find(c.document);
  const auto title = [](const core::Document& d) { return language() == Language::en ? d.title_en : d.title_zh; };
  ImGui::Indent();
  ImGui::TextUnformatted(tr(Str::cite_document));
  ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 22.0f, ImGui::GetContentRegionAvail().x));
  if (ImGui::BeginCombo("##cite_document", chosen ? title(*chosen).c_str() : "")) {
    for (const core::Document* d : documents.documents()) {
      if (ImGui::Selectable(title(*d).c_str(), d == chosen)) c.document = d->id;
      ui.anchor(anchor + "_cite_document_" + d->id);
    }
    ImGui::EndCombo();
  }
  ui.anchor(anchor + "_cite_document");
  const core::SourceRef ref{c.document, c.clause, c.quote};
  const core::InputErrors problems = core::check_reference(ref, documents);
  const auto field = [&](Str label, const char* id, std::string& value, std::string_view place) {
    ImGui::TextUnformatted(tr(label));
    ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 22.0f, ImGui::GetContentRegionAvail().x));
    ui.text(id, value);
    ui.anchor(anchor + "_cite_" + std::string(place).substr(1));
    for (const core::InputError& e : problems)  // the problem beside the field it is about
      if (e.where == place) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 40, 30, 255));
        ui.wrapped(error_text(e));
        ImGui::PopStyleColor();
      }
  };
  field(Str::cite_clause, "##cite_clause", c.clause, "/clause");
  field(Str::cite_quote, "##cite_quote", c.quote, "/quote");
  ImGui::BeginDisabled(!problems.empty() || c.quote.empty());
  if (ImGui::Button(tr(Str::cite_save))) {
    c.keep = core::write_policy_file(core::cite(*p.file, id, c.from, ref));  // the file the value is in
    c.param.reset();
  }
  ImGui::EndDisabled();
  ui.anchor(anchor + "_cite_save");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::cite_cancel))) c.param.reset();
  ui.anchor(anchor + "_cite_cancel");
  ImGui::Unindent();
}

// One parameter: its editor, the policy's value and where it comes from, and a reset when changed.
void param_editor(Ui& ui, Session& s, ParamId id, CitationEdit* citing) {
  const core::ResolvedParam& base = s.params()[id];
  const std::optional<int64_t> current = s.reform_params()[id].value;
  const bool changed = s.reform().find(id) != nullptr;
  const core::Unit unit = core::info(id).unit;
  const float em = ImGui::GetFontSize();
  ImGui::PushID(static_cast<int>(id));
  if (changed) ImGui::PushStyleColor(ImGuiCol_Text, changed_colour);
  ui.wrapped(param_name(id));
  if (changed) ImGui::PopStyleColor();
  const std::string anchor = "param_" + std::string(core::info(id).name);
  switch (unit) {
    case core::Unit::flag: {
      bool on = current.value_or(0) != 0;
      if (ui.checkbox(tr(on ? Str::yes : Str::no), on)) set_change(s, id, on ? 1 : 0);
      ui.anchor(anchor);
      break;
    }
    case core::Unit::categories: {
      const auto set = static_cast<core::CategorySet>(current.value_or(0));
      for (size_t i = 0; i < std::size(category_labels); ++i) {
        const auto bit = core::CategorySet{1} << i;
        bool on = (set & bit) != 0;
        if (i > 0 && i % 2 == 1) ImGui::SameLine(em * 12.0f);
        if (ImGui::Checkbox(tr(category_labels[i]), &on)) set_change(s, id, on ? (set | bit) : (set & ~bit));
      }
      break;
    }
    case core::Unit::months:
    case core::Unit::years: {
      int n = static_cast<int>(current.value_or(0));
      ImGui::SetNextItemWidth(em * 7.0f);
      if (ui.integer("##field", n, 0, unit == core::Unit::months ? 12 : 120)) set_change(s, id, n);
      ui.anchor(anchor);
      ImGui::SameLine();
      ImGui::SetNextItemWidth(std::max(em * 6.0f, ImGui::GetContentRegionAvail().x - em * 4.0f));
      if (ImGui::SliderInt("##slider", &n, 0, unit == core::Unit::months ? 12 : 60)) set_change(s, id, n);
      ImGui::SameLine();
      ImGui::TextUnformatted(unit_text(unit));
      break;
    }
    default: {  // money and percent, in hundredths
      Money value = Money::fen(current.value_or(0));
      ImGui::SetNextItemWidth(em * 7.0f);
      if (ui.money("##field", value)) set_change(s, id, value.fen());
      ui.anchor(anchor);
      ImGui::SameLine();
      // The slider moves in whole yuan (or whole percent); the field takes the exact value.
      int64_t whole = value.fen() / 100;
      const int64_t low = 0, high = slider_top(unit, base.value.value_or(0));
      ImGui::SetNextItemWidth(std::max(em * 6.0f, ImGui::GetContentRegionAvail().x - em * 5.0f));
      if (ImGui::SliderScalar("##slider", ImGuiDataType_S64, &whole, &low, &high, "%lld"))
        set_change(s, id, whole * 100);
      ui.anchor(anchor + "_slider");
      ImGui::SameLine();
      ImGui::TextUnformatted(unit_text(unit));
      break;
    }
  }
  ImGui::PushStyleColor(ImGuiCol_Text, muted_colour);
  std::string baseline = std::string(tr(Str::policy_value)) + ": " + param_value_text(id, base);
  if (base.entry != nullptr) {
    baseline += "  (" + std::string(tr(Str::since_label)) + " " + core::iso_date_text(base.entry->from) + ")";
  }
  ui.wrapped(baseline);
  ImGui::PopStyleColor();
  draw_param_origin(ui, base, anchor + "_source");
  if (citing != nullptr) draw_citation(ui, s, id, *citing, anchor);
  if (changed) {
    if (ImGui::SmallButton(tr(Str::reset_param))) {
      s.reform().remove(id);
      s.reform_changed();
    }
    ui.anchor(anchor + "_reset");
  }
  ImGui::Spacing();
  ImGui::PopID();
}

// Parameters no programme reads by itself: lines, targets, ages.
std::vector<ParamId> shared_params() {
  std::array<bool, core::param_count> used{};
  for (size_t p = 0; p < core::programme_count; ++p)
    for (ParamId id : core::programme_unit(static_cast<core::ProgrammeId>(p)).params)
      used[static_cast<size_t>(id)] = true;
  std::vector<ParamId> out;
  for (size_t i = core::programme_count * 2; i < core::param_count; ++i)
    if (!used[i]) out.push_back(static_cast<ParamId>(i));
  return out;
}

int changes_in(const Session& s, core::ProgrammeId p) {
  int n = 0;
  for (const core::ParamOverride& c : s.reform().changes) {
    if (c.id == core::available_param(p) || c.id == core::counted_param(p)) ++n;
    for (ParamId id : core::programme_unit(p).params)
      if (c.id == id) ++n;
  }
  return n;
}

}  // namespace

void draw_parameter_editor(Ui& ui, Session& s, CitationEdit* citing) {
  ImGui::TextUnformatted(tr(Str::parameters_title));
  ui.help(Str::parameters_help);
  for (size_t i = 0; i < core::programme_count; ++i) {
    const auto p = static_cast<core::ProgrammeId>(i);
    const int n = changes_in(s, p);
    const std::string label = programme_name(p) + (n > 0 ? "  (" + std::to_string(n) + ")" : "") + "###programme_" +
                              std::string(core::info(p).id);
    const bool open = ImGui::CollapsingHeader(label.c_str());
    ui.anchor("params_" + std::string(core::info(p).id));
    if (!open) continue;
    ImGui::Indent();
    param_editor(ui, s, core::available_param(p), citing);
    param_editor(ui, s, core::counted_param(p), citing);
    for (ParamId id : core::programme_unit(p).params) param_editor(ui, s, id, citing);
    ImGui::Unindent();
  }
  const bool open = ImGui::CollapsingHeader(tr(Str::params_shared));
  ui.anchor("params_shared");
  if (open) {
    ImGui::Indent();
    for (ParamId id : shared_params()) param_editor(ui, s, id, citing);
    ImGui::Unindent();
  }
}

std::string reform_title(const core::Reform& r) {
  if (r.empty() && r.name.empty()) return tr(Str::no_reform);
  if (language() == Language::en && !r.name_en.empty()) return r.name_en;
  return r.name.empty() ? tr(Str::unnamed_reform) : r.name;
}

std::string reform_in_force(const core::Reform& r, const core::YearParameters& baseline) {
  std::string changes;
  for (const core::ParamChange& c : core::reform_diff(r, baseline)) {
    if (!changes.empty()) changes += tr(Str::list_separator);
    changes +=
        param_name(c.id) + " " + param_value_text(c.id, {c.baseline}) + " → " + param_value_text(c.id, {c.reformed});
  }
  const std::string title = reform_title(r);
  if (changes.empty()) return title;
  return r.name.empty() ? changes : title + "(" + changes + ")";
}

void draw_reform_bar(Ui& ui, Session& s, PlatformRequests& requests) {
  const float em = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(std::min(em * 22.0f, ImGui::GetContentRegionAvail().x));
  if (ImGui::BeginCombo("##scenario", reform_title(s.reform()).c_str())) {
    if (ImGui::Selectable(tr(Str::no_reform), s.reform().empty())) s.set_reform({});
    ui.anchor("scenario_none");
    for (size_t i = 0; i < core::prepared_scenarios().size(); ++i) {
      const core::Reform& r = core::prepared_scenarios()[i];
      if (ImGui::Selectable(reform_title(r).c_str(), r.name == s.reform().name)) s.set_reform(r);
      ui.anchor("scenario_" + std::to_string(i + 1));
    }
    ImGui::EndCombo();
  }
  ui.anchor("scenario");
  ui.help(Str::scenario_help);
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::clear_reform))) s.set_reform({});
  ui.anchor("clear_reform");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::open_reform))) {
    requests.open_file = true;
    requests.open_kind = OpenKind::reform;
  }
  ui.anchor("open_reform");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::save_reform))) {
    core::Reform r = s.reform();
    r.policy = s.policy().id;  // what its changes were made against
    r.year = s.household().year;
    if (r.name.empty()) r.name = tr(Str::unnamed_reform);
    requests.save_name = "reform.json";
    requests.save_text = core::reform_to_json(r);
  }
  ui.anchor("save_reform");
}

void draw_reform_diff(Ui& ui, Session& s) {
  const auto diff = core::reform_diff(s.reform(), s.params());
  if (diff.empty()) {
    ImGui::TextDisabled("%s", tr(Str::reform_no_changes));
    return;
  }
  ImGui::Text(tr(Str::reform_changes_count), static_cast<int>(diff.size()));
  for (const core::ParamChange& c : diff) {
    ImGui::PushID(static_cast<int>(c.id));
    if (ImGui::SmallButton("×")) {
      s.reform().remove(c.id);
      s.reform_changed();
    }
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, changed_colour);
    ui.wrapped(param_name(c.id) + ": " + value_text(c.id, c.baseline) + " → " + value_text(c.id, c.reformed));
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
}

// 另存为本县政策: the reform kept as her county policy — a new one inheriting the policy in use, named as she types;
// or, when the policy in use is hers, written into it. Then the reform is cleared: its changes are the policy now.
void draw_policy_save(Ui& ui, Session& s, PolicySaveState& save, PlatformRequests& requests) {
  const auto& mine = s.policies().user_files();
  const bool hers = std::find(mine.begin(), mine.end(), &s.policy()) != mine.end();
  ImGui::BeginDisabled(s.reform().empty());
  if (ImGui::Button(tr(hers ? Str::policy_save_into : Str::policy_save_as))) {
    if (hers) {
      requests.keep_policy =
          core::write_policy_file(core::policy_with_reform(s.policy(), s.reform(), s.household().year));
      requests.keep_policy_has_reform = true;
    } else {
      save.open = true;
      save.name = s.policy().name_zh + tr(Str::policy_save_suffix);
    }
  }
  ImGui::EndDisabled();
  ui.anchor("policy_save");
  ui.help(Str::policy_save_help);
  if (hers) {  // her policy's name, to change
    if (save.renaming != s.policy().id) {
      save.renaming = s.policy().id;
      save.rename = language() == Language::en ? s.policy().name_en : s.policy().name_zh;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 16.0f, ImGui::GetContentRegionAvail().x));
    ui.text("##policy_rename", save.rename);
    ui.anchor("policy_rename");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::policy_rename)) && !save.rename.empty()) {
      core::PolicyFile renamed = s.policy();
      (language() == Language::en ? renamed.name_en : renamed.name_zh) = save.rename;
      requests.keep_policy = core::write_policy_file(renamed);
    }
    ui.anchor("policy_rename_save");
  }
  if (!save.open) return;
  ui.wrapped(tr(Str::policy_save_name));
  ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 22.0f, ImGui::GetContentRegionAvail().x));
  ui.text("##policy_save_name", save.name);
  ui.anchor("policy_save_name");
  if (ImGui::Button(tr(Str::policy_save_confirm)) && !save.name.empty()) {
    const core::PolicyFile& base = s.policy();
    core::PolicyFile file;
    // An id no policy has yet: hers are told apart by their names; the id only has to be unique.
    for (int n = 1; file.id.empty() || s.policies().find(file.id) != nullptr; ++n)
      file.id = base.id + "-mine" + (n == 1 ? "" : "-" + std::to_string(n));
    file.name_zh = save.name;
    file.name_en = save.name;
    file.province = base.province;
    file.inherits = base.id;
    file.first_year = base.first_year;
    file.last_year = base.last_year;
    requests.keep_policy = core::write_policy_file(core::policy_with_reform(file, s.reform(), s.household().year));
    requests.keep_policy_has_reform = true;
    save.open = false;
  }
  ui.anchor("policy_save_confirm");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::policy_save_cancel))) save.open = false;
  ui.anchor("policy_save_cancel");
}

namespace {

// 新建本县政策, or back to the draft she left; for her own policy, its particulars to edit. One draft at a time: a
// new one never replaces what she typed.
void draw_draft_buttons(Ui& ui, const Session& s, PolicyDraftState& state) {
  const core::PolicySet& set = s.policies();
  const auto& mine = set.user_files();
  const bool hers = std::find(mine.begin(), mine.end(), &s.policy()) != mine.end();
  const auto start = [&](core::PolicyDraft draft) {
    state.draft = std::move(draft);
    state.open = true;
    state.checked.reset();
    state.changed = true;
  };
  if (std::exchange(state.start_new, false)) {
    if (!state.draft) {
      const core::PolicyFile* base = set.find(s.policy().province.empty() ? "national" : s.policy().province);
      start(core::new_policy_draft(set, base ? *base : *set.find("national"), s.household().year));
    }
    state.open = true;
  }
  if (state.open) return;
  if (state.draft) {
    if (ImGui::Button(tr(Str::policy_draft_continue))) state.open = true;
    ui.anchor("policy_draft_continue");
    return;
  }
  if (ImGui::Button(tr(Str::policy_new))) state.start_new = true;
  ui.anchor("policy_new");
  ui.help(Str::policy_new_help);
  if (!hers) return;
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::policy_edit_particulars))) start(core::policy_draft_of(s.policy(), set));
  ui.anchor("policy_edit_particulars");
}

// What her policy changes against the policy it is based on: each value as old → new, from its date, with its source.
void draw_changes_from_base(Ui& ui, const Session& s) {
  const auto& mine = s.policies().user_files();
  if (std::find(mine.begin(), mine.end(), &s.policy()) == mine.end()) return;
  const auto changes = core::changes_from_parent(s.policies(), s.policy());
  const std::string title = count_text(Str::policy_changes_title, changes.size()) + "###changes_from_base";
  const bool open = ImGui::CollapsingHeader(title.c_str());
  ui.anchor("changes_from_base");
  if (!open) return;
  ImGui::Indent();
  for (size_t i = 0; i < changes.size(); ++i) {
    const core::ChangeFromParent& c = changes[i];
    ui.wrapped(param_name(c.id) + " (" + tr(Str::since_label) + " " + core::iso_date_text(c.entry->from) +
               "): " + value_text(c.id, c.parent) + " → " + value_text(c.id, c.entry->value));
    core::ResolvedParam p;
    p.value = c.entry->value;
    p.entry = c.entry;
    p.file = &s.policy();
    draw_param_origin(ui, p, "change_" + std::to_string(i));
  }
  ImGui::Unindent();
}

// Her policy against its base in the simulator and the village, as a policy against a reform: the base in use, her
// values as the reform. Not while a reform is being tried (it would replace it).
void draw_compare_with_base(Ui& ui, Session& s) {
  const auto& mine = s.policies().user_files();
  if (std::find(mine.begin(), mine.end(), &s.policy()) == mine.end()) return;
  ImGui::SameLine();
  ImGui::BeginDisabled(!s.reform().empty());
  if (ImGui::Button(tr(Str::policy_compare_base))) {
    s.set_reform(core::reform_from_policy(s.policies(), s.policy(), s.household().year));  // picks the base
  }
  ImGui::EndDisabled();
  ui.anchor("policy_compare_base");
  ui.help(Str::policy_compare_base_help);
}

}  // namespace

void draw_policy_view(Ui& ui, Session& s, ViewState& state, PlatformRequests& requests) {
  s.refresh();
  draw_reform_bar(ui, s, requests);
  draw_policy_save(ui, s, state.policy_save, requests);
  draw_draft_buttons(ui, s, state.policy_draft);
  if (!state.policy_draft.open) draw_compare_with_base(ui, s);
  draw_changes_from_base(ui, s);
  if (state.policy_draft.open && state.policy_draft.draft) {
    ImGui::BeginChild("##policy_draft");
    draw_policy_draft(ui, s, state.policy_draft, requests);
    ui.drag_to_scroll();
    ImGui::EndChild();
    return;
  }
  ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 22.0f, ImGui::GetContentRegionAvail().x));
  if (ui.text("##reform_name", s.reform().name)) s.reform_changed();
  ui.anchor("reform_name");
  ui.help(Str::reform_name_help);
  draw_reform_diff(ui, s);
  ImGui::Separator();

  // Wide screens: the editor beside the comparison; phones: one under the other.
  const bool wide = ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 45.0f;
  const float height = ImGui::GetContentRegionAvail().y;
  if (wide) {
    ImGui::BeginChild("##editor", ImVec2(ImGui::GetContentRegionAvail().x * 0.48f, height));
  } else {
    ImGui::BeginChild("##policy_scroll", ImVec2(0, height));
  }
  s.refresh();
  draw_parameter_editor(ui, s, &state.citing);
  if (!state.citing.keep.empty()) requests.keep_policy = std::exchange(state.citing.keep, {});
  if (wide) {
    ui.drag_to_scroll();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##comparison", ImVec2(0, height));
  }
  s.refresh();
  ImGui::TextUnformatted(tr(Str::household_comparison));
  for (const core::Result* r : {&s.result(), &s.reform_result()})
    if (r->overflowed()) {
      draw_overflow_notice(ui, r->overflow, "comparison_overflow");
      break;
    }
  draw_table(ui, reform_comparison_table(s.result(), s.reform_result()), "household_comparison", requests);
  const auto baseline = core::project(s.household(), s.policies(), s.policy(), state.projection_years, state.growth);
  const auto reform =
      core::project(s.household(), s.policies(), s.policy(), state.projection_years, state.growth, s.reform().changes);
  draw_projection_chart(ui, baseline, &reform, "chart_reform_projection");
  png_button(ui, "chart_reform_projection", "projection-reform.png", requests);
  ui.drag_to_scroll();
  ImGui::EndChild();
}

}  // namespace zengshou::app
