// 新建本县政策 / 本县政策信息 (issue 16): the county policy's particulars as a form — what it starts from, its names,
// province and years, another province's figures, and the documents it comes from with their pasted text. Each
// problem shows beside its field as she types; the draft is kept whatever it holds, and made into her policy only
// when it has none.
#include <algorithm>  // min
#include <string>
#include <vector>

#include <imgui.h>

#include "format.h"
#include "views.h"

namespace zengshou::app {
namespace {

constexpr ImU32 problem_colour = IM_COL32(190, 40, 30, 255);

// The problems at `place` or inside it, beside the field; marked as shown.
void problems_at(Ui& ui, const core::InputErrors& problems, std::vector<bool>& shown, const std::string& place) {
  for (size_t i = 0; i < problems.size(); ++i) {
    const std::string& where = problems[i].where;
    if (shown[i]) continue;  // beside a field nearer to it
    if (where != place && where.rfind(place + "/", 0) != 0) continue;
    shown[i] = true;
    ImGui::PushStyleColor(ImGuiCol_Text, problem_colour);
    ui.wrapped(problem_text(problems[i]));
    ImGui::PopStyleColor();
  }
}

std::string policy_label(const core::PolicyFile& p) {
  if (p.id == "national") return tr(Str::draft_base_other);
  return policy_name(p);
}

// The policies to start from: Yunnan, Guizhou and another province first, then every other policy.
std::vector<const core::PolicyFile*> bases(const core::PolicySet& set) {
  std::vector<const core::PolicyFile*> out;
  for (const char* id : {"yunnan", "guizhou", "national"})
    if (const core::PolicyFile* p = set.find(id)) out.push_back(p);
  for (const core::PolicyFile* p : set.files())
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  return out;
}

}  // namespace

void draw_policy_draft(Ui& ui, const Session& s, PolicyDraftState& state, PlatformRequests& requests) {
  core::PolicyDraft& d = *state.draft;
  const core::PolicySet& set = s.policies();
  const float em = ImGui::GetFontSize();
  const float width = std::min(em * 24.0f, ImGui::GetContentRegionAvail().x);
  // Checked again after she types, or when her policies change (another tab, an import): not every frame, since
  // the check writes and reads the policy with its pasted documents.
  if (!state.checked || state.checked_against != &set || state.recheck) {
    state.checked = core::policy_from_draft(d, set);
    state.checked_against = &set;
    state.recheck = false;
  }
  const core::Parsed<core::PolicyFile>& made = *state.checked;
  std::vector<bool> shown(made.errors.size(), false);
  bool& changed = state.changed;
  const auto label = [&](Str text) {
    ImGui::TextUnformatted(tr(text));
    ImGui::SetNextItemWidth(width);
  };

  ui.heading(tr(d.id.empty() ? Str::draft_title_new : Str::draft_title_edit));
  if (d.id.empty()) {  // what an existing policy inherits from stays: her values are changes against it
    label(Str::draft_base);
    const core::PolicyFile* base = set.find(d.base);
    if (ImGui::BeginCombo("##draft_base", base ? policy_label(*base).c_str() : d.base.c_str(),
                          ImGuiComboFlags_HeightLargest)) {
      for (const core::PolicyFile* p : bases(set)) {
        if (ImGui::Selectable(policy_label(*p).c_str(), p == base) && p != base) {
          core::PolicyDraft fresh = core::new_policy_draft(set, *p, d.first_year);
          d.base = fresh.base;
          d.province = fresh.province;
          d.monitoring_line = fresh.monitoring_line;
          d.dibao_standard = fresh.dibao_standard;
          d.pension_monthly = fresh.pension_monthly;
          changed = true;
        }
        ui.anchor("draft_base_" + p->id);
      }
      ImGui::EndCombo();
    }
    ui.anchor("draft_base");
    ui.help(Str::draft_base_help);
    problems_at(ui, made.errors, shown, "/base");
  }
  label(Str::draft_name_zh);
  changed |= ui.text("##draft_name_zh", d.name_zh);
  ui.anchor("draft_name_zh");
  problems_at(ui, made.errors, shown, "/name");
  label(Str::draft_name_en);
  changed |= ui.text("##draft_name_en", d.name_en);
  ui.anchor("draft_name_en");
  ImGui::TextUnformatted(tr(Str::draft_years));
  ImGui::SetNextItemWidth(em * 5.0f);
  changed |= ui.integer("##draft_first_year", d.first_year, 1900, 2100);
  ui.anchor("draft_first_year");
  ImGui::SameLine();
  ImGui::TextUnformatted("–");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 5.0f);
  changed |= ui.integer("##draft_last_year", d.last_year, 1900, 2100);
  ui.anchor("draft_last_year");
  problems_at(ui, made.errors, shown, "/years");

  if (d.another_province()) {  // Yunnan's and Guizhou's policies are of their province
    label(Str::draft_province);
    changed |= ui.text("##draft_province", d.province);
    ui.anchor("draft_province");
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(Str::draft_lines));
    const auto line = [&](Str text, const char* id, std::optional<core::Money>& value, const char* place) {
      label(text);
      core::Money amount = value.value_or(core::Money{});
      if (ui.money(id, amount)) {
        value = amount;
        changed = true;
      }
      ui.anchor(std::string(id).substr(2));
      problems_at(ui, made.errors, shown, place);
    };
    line(Str::draft_line_monitoring, "##draft_line_monitoring", d.monitoring_line, "/lines/monitoring");
    line(Str::draft_line_dibao, "##draft_line_dibao", d.dibao_standard, "/lines/dibao");
    line(Str::draft_line_pension, "##draft_line_pension", d.pension_monthly, "/lines/pension");
  }

  ImGui::Spacing();
  ImGui::TextUnformatted(tr(Str::draft_documents));
  ui.help(Str::draft_documents_help);
  std::optional<size_t> remove;
  for (size_t i = 0; i < d.documents.size(); ++i) {
    core::DraftDocument& doc = d.documents[i];
    const std::string n = std::to_string(i + 1);
    const std::string place = "/documents/" + std::to_string(i);
    ImGui::PushID(static_cast<int>(i));
    ImGui::Separator();
    ImGui::Indent();
    const auto field = [&](Str text, const char* id, std::string& value, const char* anchor, const char* where) {
      label(text);
      changed |= ui.text(id, value);
      ui.anchor(std::string("draft_doc_") + n + "_" + anchor);
      problems_at(ui, made.errors, shown, place + where);
    };
    field(Str::draft_doc_title, "##title", doc.title_zh, "title", "/title");
    field(Str::draft_doc_issuer, "##issuer", doc.issuer, "issuer", "/issuer");
    field(Str::draft_doc_number, "##number", doc.number, "number", "/number");
    field(Str::draft_doc_issued, "##issued", doc.issued, "issued", "/issued");
    ImGui::TextUnformatted(tr(Str::draft_doc_text));
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    changed |= ui.text_block("##text", doc.text, 8);
    ui.anchor("draft_doc_" + n + "_text");
    problems_at(ui, made.errors, shown, place);
    if (ImGui::SmallButton(tr(Str::draft_doc_remove))) remove = i;
    ui.anchor("draft_doc_" + n + "_remove");
    ImGui::Unindent();
    ImGui::PopID();
  }
  if (remove) {
    d.documents.erase(d.documents.begin() + static_cast<std::ptrdiff_t>(*remove));
    changed = true;
  }
  state.recheck |= changed;
  if (ImGui::Button(tr(Str::draft_doc_add))) {
    core::add_document(d, set);
    changed = true;
  }
  ui.anchor("draft_doc_add");
  ImGui::Separator();

  // What is not beside a field (the loader's findings on the whole policy), then the verdict.
  for (size_t i = 0; i < made.errors.size(); ++i)
    if (!shown[i]) {
      ImGui::PushStyleColor(ImGuiCol_Text, problem_colour);
      ui.wrapped(error_text(made.errors[i]));
      ImGui::PopStyleColor();
    }
  if (made.ok())
    ui.wrapped(tr(Str::draft_ready));
  else
    ui.wrapped(count_text(Str::draft_problems, made.errors.size()));
  ui.anchor("draft_verdict");
  ImGui::BeginDisabled(!made.ok());
  if (ImGui::Button(tr(d.id.empty() ? Str::draft_create : Str::draft_save)) && !state.recheck) {
    requests.keep_policy = core::write_policy_file(made.value);
    state.made = true;
  }
  ImGui::EndDisabled();
  ui.anchor("draft_make");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::draft_hide))) state.open = false;
  ui.anchor("draft_hide");
  ImGui::SameLine();
  if (!state.discarding) {
    if (ImGui::Button(tr(Str::draft_discard))) state.discarding = true;
    ui.anchor("draft_discard");
    return;
  }
  ui.wrapped(tr(Str::draft_discard_confirm));
  if (ImGui::Button(tr(Str::draft_discard_yes))) {
    state = PolicyDraftState{};
    state.changed = true;
    return;
  }
  ui.anchor("draft_discard_yes");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::draft_discard_no))) state.discarding = false;
  ui.anchor("draft_discard_no");
}

}  // namespace zengshou::app
