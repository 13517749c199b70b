// 家庭测算: the household editor (facts, members and their jobs, production, property, transfers) and its results
// (streams, lines, flags, a breakdown where every amount opens its reason and source), recomputed as one types.
#include <algorithm>         // clamp, min
#include <initializer_list>  // form rows
#include <iterator>          // size
#include <string>

#include <imgui.h>

#include "charts.h"
#include "core/embedded_assets.h"
#include "core/household_json.h"
#include "core/json_reading.h"  // iso_date_text
#include "core/monitoring.h"
#include "core/programme.h"
#include "core/report.h"
#include "format.h"
#include "labels.h"
#include "tables.h"
#include "views.h"

namespace zengshou::app {
namespace {

using core::Money;

template <typename E, size_t N>
bool enum_choice(Ui& ui, const char* id, E& value, const Str (&labels)[N]) {
  int index = static_cast<int>(value);
  if (!ui.choice(id, index, labels, static_cast<int>(N))) return false;
  value = static_cast<E>(index);
  return true;
}

void toolbar(Ui& ui, Session& s, ViewState& state, PlatformRequests& requests) {
  const core::PolicySet& policies = s.policies();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Str::policy_label));
  ui.help(Str::policy_help);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  const bool zh = language() == Language::zh_CN;
  const auto is_users = [&](const core::PolicyFile& p) {
    const auto& mine = policies.user_files();
    return std::find(mine.begin(), mine.end(), &p) != mine.end();
  };
  const auto name = [&](const core::PolicyFile& p) {
    return (zh ? p.name_zh : p.name_en) + (is_users(p) ? std::string(" ") + tr(Str::policy_users_mark) : "");
  };
  if (ImGui::BeginCombo("##policy", name(s.policy()).c_str(), ImGuiComboFlags_HeightLargest)) {
    for (const core::PolicyFile* p : policies.files()) {
      // National and provincial files are bases, not policies to pick; the user's are hers to pick.
      if (p->document.empty() && !is_users(*p)) continue;
      if (ImGui::Selectable(name(*p).c_str(), p == &s.policy())) s.set_policy(*p);
      ui.anchor("policy_" + p->id);
    }
    // The national and provincial bases, to start a county's own policy from (另存为本县政策 in 政策模拟).
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr(Str::policy_bases));
    for (const core::PolicyFile* p : policies.files()) {
      if (!p->document.empty() || is_users(*p)) continue;
      if (ImGui::Selectable(name(*p).c_str(), p == &s.policy())) s.set_policy(*p);
      ui.anchor("policy_" + p->id);
    }
    ImGui::Separator();
    if (ImGui::Selectable(tr(Str::policy_new_menu))) state.policy_draft.start_new = true;
    ui.anchor("policy_new_menu");
    if (ImGui::Selectable(tr(Str::policy_import))) {
      requests.open_file = true;
      requests.open_kind = OpenKind::policy;
    }
    ui.anchor("policy_import");
    ImGui::EndCombo();
  }
  ui.anchor("policy");
  ui.help(Str::policy_picker_help);
  // Any policy exports as its zengshou.policy/1 file (a built-in as its very text); hers can be removed.
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::policy_export))) {
    requests.save_text = core::write_policy_file(s.policy());
    std::string file = s.policy().id;
    std::replace(file.begin(), file.end(), '/', '-');
    requests.save_name = file + ".json";
  }
  ui.anchor("policy_export");
  if (is_users(s.policy())) {
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::policy_remove))) requests.remove_policy = s.policy().id;
    ui.anchor("policy_remove");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::policy_share))) requests.share_policy = core::write_policy_file(s.policy());
    ui.anchor("policy_share");
  }
  // On a phone the year goes to its own line.
  if (ImGui::GetContentRegionAvail().x / ui.pixel_ratio > 560.0f) ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Str::year_label));
  ui.help(Str::year_help);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
  if (ImGui::BeginCombo("##year", std::to_string(s.household().year).c_str())) {
    for (int y = s.policy().first_year; y <= s.policy().last_year; ++y) {
      if (ImGui::Selectable(std::to_string(y).c_str(), y == s.household().year)) s.set_year(y);
      ui.anchor("year_" + std::to_string(y));
    }
    ImGui::EndCombo();
  }
  ui.anchor("year");
  if (ImGui::Button(tr(Str::new_household))) state.replace = Replacement{Replacement::Kind::new_household, {}};
  ui.anchor("new_household");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::open_file))) requests.open_file = true;
  ui.anchor("open_file");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::save_file))) {
    requests.save_text = s.save();
    requests.save_name = (s.household().id.empty() ? "household" : s.household().id) + ".json";
    requests.household_saved = true;
  }
  ui.anchor("save_file");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::examples))) ImGui::OpenPopup("##examples");
  ui.anchor("examples");
  if (ImGui::BeginPopup("##examples")) {
    for (const core::EmbeddedAsset& e : core::embedded_example_files()) {
      if (ImGui::Selectable(std::string(e.name).c_str()))
        state.replace = Replacement{Replacement::Kind::household_file, std::string(e.text)};
      ui.anchor("example_" + std::string(e.name));
    }
    ImGui::EndPopup();
  }
  ui.same_line_if_fits(tr(Str::share_link));
  if (ImGui::Button(tr(Str::share_link))) requests.share_text = s.share_text();
  ui.anchor("share_link");
  ui.help(Str::share_link_help);
  ui.same_line_if_fits(tr(Str::card_print));
  if (ImGui::Button(tr(Str::card_print))) request_card(s, requests);
  ui.anchor("card_print");
  ui.help(Str::card_print_help);
}

// 低保渐退期: whether the household is in one, and if so when its income rose above the standard and what it kept.
bool taper_editor(Ui& ui, core::Household& h) {
  bool changed = false;
  ui.row(Str::dibao_taper, Str::dibao_taper_help);
  bool in_taper = h.dibao_taper.has_value();
  if (ui.checkbox("##taper", in_taper)) {
    h.dibao_taper = in_taper ? std::optional<core::DibaoTaper>(core::DibaoTaper{h.year, 1, Money()}) : std::nullopt;
    changed = true;
  }
  ui.anchor("dibao_taper");
  if (!h.dibao_taper) return changed;
  ui.row(Str::dibao_taper_year, Str::dibao_taper_year_help);
  changed |= ui.integer("##taper_year", h.dibao_taper->year, core::earliest_year, 2100);
  ui.row(Str::dibao_taper_month, Str::dibao_taper_month_help);
  changed |= ui.integer("##taper_month", h.dibao_taper->month, 1, 12);
  ui.row(Str::dibao_taper_monthly, Str::dibao_taper_monthly_help);
  changed |= ui.money("##taper_monthly", h.dibao_taper->monthly);
  return changed;
}

void facts(Ui& ui, Session& s) {
  core::Household& h = s.household();
  if (!ImGui::CollapsingHeader(tr(Str::section_household), ImGuiTreeNodeFlags_DefaultOpen)) return;
  if (!ui.begin_form("##facts")) return;
  bool changed = false;
  ui.row(Str::household_head, Str::household_head_help);
  changed |= ui.text("##head", h.head);
  ui.anchor("head");
  ui.row(Str::household_village, Str::household_village_help);
  changed |= ui.text("##village", h.village);
  ui.row(Str::household_id, Str::household_id_help);
  changed |= ui.text("##id", h.id);
  ui.row(Str::category, Str::category_help);
  changed |= enum_choice(ui, "##category", h.category, category_labels);
  ui.anchor("category");
  ui.row(Str::relocated, Str::relocated_help);
  changed |= ui.checkbox("##relocated", h.relocated);
  ui.row(Str::dibao, Str::dibao_help);
  changed |= ui.checkbox("##dibao", h.dibao);
  ui.anchor("dibao");
  if (h.dibao) changed |= taper_editor(ui, h);
  ui.row(Str::tekun, Str::tekun_help);
  changed |= ui.checkbox("##tekun", h.tekun);
  ui.row(Str::last_year, Str::last_year_help);
  Money last = h.last_year_per_capita_net.value_or(Money());
  if (ui.money("##last_year", last)) {
    h.last_year_per_capita_net = last == Money() ? std::nullopt : std::optional<Money>(last);
    changed = true;
  }
  ui.end_form();
  if (changed) s.changed();
}

bool job_editor(Ui& ui, core::Job& j, int year) {
  bool changed = false;
  ui.row(Str::job_kind, Str::job_kind_help);
  changed |= enum_choice(ui, "##kind", j.kind, job_labels);
  ui.anchor("job_kind");
  ui.row(Str::job_months, Str::job_months_help);
  changed |= ui.integer("##months", j.months, 0, 12);
  ui.anchor("job_months");
  ui.row(Str::job_wage, Str::job_wage_help);
  changed |= ui.money("##wage", j.monthly_wage);
  ui.anchor("job_wage");
  if (j.kind == core::JobKind::in_province || j.kind == core::JobKind::out_of_province) {
    ui.row(Str::job_first_export, Str::job_first_export_help);
    changed |= ui.checkbox("##export", j.first_organized_export);
  }
  if (j.kind == core::JobKind::local) {
    ui.row(Str::job_probation, Str::job_probation_help);
    changed |= ui.integer("##probation", j.probation_certificate_months, 0, 12);
  }
  if (year == 2022) {
    ui.row(Str::job_risk_area, Str::job_risk_area_help);
    changed |= ui.integer("##risk", j.risk_area_months, 0, 12);
  }
  return changed;
}

// One member's fields; returns true when anything changed. `urban`: the household is urban (Ceheng's start-up
// subsidy asks when a first business was registered). `certificate_offered`: the policy has 证书直补. A birth year
// typed for a member not yet filled in brings the defaults of that age (a pension from `pension_age`, a pupil at school
// and not labour).
bool member_editor(Ui& ui, core::Member& m, int year, bool urban, int pension_age, bool certificate_offered) {
  bool changed = false;
  if (!ui.begin_form("##member")) return false;
  ui.row(Str::member_name, Str::member_name_help);
  changed |= ui.text("##name", m.name);
  ui.anchor("member_name");
  ui.row(Str::birth_year, Str::birth_year_help);
  if (ui.integer("##birth", m.birth_year, 1900, year)) {
    core::apply_age_defaults(m, year, pension_age);
    changed = true;
  }
  ui.anchor("member_birth_year");
  ui.row(Str::labor, Str::labor_help);
  changed |= enum_choice(ui, "##labor", m.labor, labor_labels);
  ui.row(Str::disability, Str::disability_help);
  int grade = m.disability_grade;
  if (ui.choice("##disability", grade, disability_labels, 5)) {
    m.disability_grade = grade;
    changed = true;
  }
  ui.row(Str::school, Str::school_help);
  int school = m.school ? static_cast<int>(m.school->level) + 1 : 0;
  if (ui.choice("##school", school, school_labels, 8)) {
    if (school == 0)
      m.school.reset();
    else
      m.school = core::School{static_cast<core::SchoolLevel>(school - 1), m.school && m.school->east_west, 0, Money()};
    changed = true;
  }
  if (m.school && m.school->level != core::SchoolLevel::graduate && m.school->level != core::SchoolLevel::compulsory) {
    ui.row(Str::east_west, Str::east_west_help);
    changed |= ui.checkbox("##east_west", m.school->east_west);
  }
  if (m.school && m.school->level == core::SchoolLevel::graduate) {
    ui.row(Str::years_since, Str::years_since_help);
    changed |= ui.integer("##years_since", m.school->years_since, 0, 50);
    ui.row(Str::exam_fees, Str::exam_fees_help);
    changed |= ui.money("##exam_fees", m.school->exam_fees);
  }
  ui.row(Str::pension_enrolled, Str::pension_enrolled_help);
  changed |= ui.checkbox("##pension", m.pension.enrolled);
  if (m.pension.enrolled && m.age_in(year) < 60) {
    ui.row(Str::pension_tier, Str::pension_tier_help);
    changed |= ui.money("##tier", m.pension.tier);
  }
  ui.row(Str::training_days, Str::training_days_help);
  changed |= ui.integer("##training", m.training_days, 0, 366);
  ui.row(Str::member_tekun, Str::member_tekun_help);
  changed |= ui.checkbox("##member_tekun", m.tekun);
  if (certificate_offered || m.certificate != core::CertificateLevel::none) {
    ui.row(Str::certificate, Str::certificate_help);
    changed |= enum_choice(ui, "##certificate", m.certificate, certificate_labels);
    ui.anchor("certificate");
  }
  if (urban) {
    ui.row(Str::first_business_year, Str::first_business_year_help);
    int started = m.first_business_year.value_or(0);
    if (ui.integer("##business", started, 0, year)) {
      m.first_business_year = started >= 1900 ? std::optional<int>(started) : std::nullopt;
      changed = true;
    }
  }
  for (size_t j = 0; j < m.jobs.size(); ++j) {
    ImGui::PushID(static_cast<int>(j));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Separator();
    ImGui::TextDisabled("%s %zu", tr(Str::jobs), j + 1);
    ImGui::TableNextColumn();
    ImGui::Separator();
    const bool remove = ImGui::SmallButton(tr(Str::remove_job));
    changed |= job_editor(ui, m.jobs[j], year);
    ImGui::PopID();
    if (remove) {
      m.jobs.erase(m.jobs.begin() + static_cast<long>(j));
      changed = true;
      break;
    }
  }
  ui.end_form();
  if (ImGui::Button(tr(Str::add_job))) {
    core::Job j;
    j.months = 12;
    m.jobs.push_back(j);
    changed = true;
  }
  ui.anchor("add_job");
  return changed;
}

void members(Ui& ui, Session& s) {
  core::Household& h = s.household();
  const std::string title = std::string(tr(Str::section_members)) + " (" + std::to_string(h.size()) + ")###members";
  if (!ImGui::CollapsingHeader(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
  bool changed = false;
  int remove = -1, duplicate = -1;
  for (int i = 0; i < h.member_count(); ++i) {
    core::Member& m = h.members[i];
    ImGui::PushID(i);
    const std::string name =
        m.name.empty() ? std::string(tr(Str::member_unnamed)) + " " + std::to_string(i + 1) : m.name;
    const std::string label = name + " · " + std::to_string(m.age_in(h.year)) + " " + tr(Str::age_suffix) + "###member";
    const bool open = ImGui::TreeNodeEx(label.c_str(), i == 0 ? ImGuiTreeNodeFlags_DefaultOpen : 0);
    ui.anchor("member_" + std::to_string(i));
    if (open) {
      const std::string prefix = "m" + std::to_string(i) + "_";
      changed |= member_editor(ui, m, h.year, h.category == core::Category::urban,
                               s.params().count(core::ParamId::pension_age),
                               offered(s.params(), core::ProgrammeId::certificate_subsidy));
      // Anchors of the fields just drawn, numbered by member, for the browser tests.
      for (const char* field :
           {"member_name", "member_birth_year", "certificate", "job_kind", "job_months", "job_wage", "add_job"}) {
        const auto it = ui.anchors.find(field);
        if (it != ui.anchors.end()) ui.anchors[prefix + field] = it->second;
      }
      if (ImGui::Button(tr(Str::duplicate_member)) && h.size() < core::max_members) duplicate = i;
      ui.anchor(prefix + "duplicate");
      ImGui::SameLine();
      if (ImGui::Button(tr(Str::remove_member)) && h.size() > 1) remove = i;
      ui.anchor(prefix + "remove");
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
  if (duplicate >= 0) h.members.insert(h.members.begin() + duplicate + 1, h.members[duplicate]);
  if (remove >= 0) h.members.erase(h.members.begin() + remove);
  if (h.size() < core::max_members && ImGui::Button(tr(Str::add_member))) {
    core::Member m;
    m.birth_year = h.year - 30;
    h.members.push_back(m);
    changed = true;
  }
  ui.anchor("add_member");
  if (changed || duplicate >= 0 || remove >= 0) s.changed();
}

void production(Ui& ui, Session& s) {
  core::Household& h = s.household();
  if (!ImGui::CollapsingHeader(tr(Str::section_production))) return;
  bool changed = false;
  for (size_t i = 0; i < h.production.size(); ++i) {
    core::ProductionActivity& a = h.production[i];
    ImGui::PushID(static_cast<int>(i));
    if (ui.begin_form("##activity")) {
      ui.row(Str::activity_kind, Str::activity_kind_help);
      changed |= enum_choice(ui, "##kind", a.kind, activity_labels);
      ui.row(Str::activity_name, Str::activity_name_help);
      changed |= ui.text("##name", a.name);
      ui.row(Str::activity_revenue, Str::activity_revenue_help);
      changed |= ui.money("##revenue", a.revenue);
      ui.anchor("activity_revenue_" + std::to_string(i));
      ui.row(Str::activity_cost, Str::activity_cost_help);
      changed |= ui.money("##cost", a.cost);
      ui.end_form();
    }
    const bool remove = ImGui::SmallButton(tr(Str::remove_activity));
    ImGui::Separator();
    ImGui::PopID();
    if (remove) {
      h.production.erase(h.production.begin() + static_cast<long>(i));
      changed = true;
      break;
    }
  }
  if (ImGui::Button(tr(Str::add_activity))) {
    h.production.push_back({});
    changed = true;
  }
  ui.anchor("add_activity");
  // Asked where the policy has it, and wherever a loan is already entered, so nothing entered is hidden.
  if ((offered(s.params(), core::ProgrammeId::microcredit_interest_subsidy) || h.microcredit) &&
      ui.begin_form("##loan")) {
    changed |= loan_editor(ui, h.microcredit, "microcredit");
    ui.end_form();
  }
  if (changed) s.changed();
}

struct MoneyRow {
  Str label, help;
  const char* id;
  Money* value;
};

bool money_rows(Ui& ui, std::initializer_list<MoneyRow> rows) {
  bool changed = false;
  for (const MoneyRow& r : rows) {
    ui.row(r.label, r.help);
    changed |= ui.money(r.id, *r.value);
  }
  return changed;
}

void property_and_transfers(Ui& ui, Session& s) {
  core::Household& h = s.household();
  bool changed = false;
  if (ImGui::CollapsingHeader(tr(Str::section_property)) && ui.begin_form("##property")) {
    changed |= money_rows(ui, {{Str::land_rent, Str::land_rent_help, "##land_rent", &h.property.land_rent},
                               {Str::dividends, Str::dividends_help, "##dividends", &h.property.dividends},
                               {Str::house_rent, Str::house_rent_help, "##house_rent", &h.property.house_rent},
                               {Str::other_property, Str::other_property_help, "##other_property", &h.property.other}});
    if (offered(s.params(), core::ProgrammeId::guaranteed_dividend) || h.property.guaranteed_dividend != Money())
      changed |= money_rows(ui, {{Str::guaranteed_dividend, Str::guaranteed_dividend_help, "##guaranteed_dividend",
                                  &h.property.guaranteed_dividend}});
    ui.end_form();
  }
  if (ImGui::CollapsingHeader(tr(Str::section_transfers)) && ui.begin_form("##transfers")) {
    ui.row(Str::farmland_mu, Str::farmland_mu_help);
    changed |= ui.hundredths("##farmland", h.transfers.farmland_centimu);
    ui.anchor("farmland");
    changed |=
        money_rows(ui, {{Str::eco_compensation, Str::eco_compensation_help, "##eco", &h.transfers.eco_compensation},
                        {Str::family_support, Str::family_support_help, "##family", &h.transfers.family_support},
                        {Str::other_transfers, Str::other_transfers_help, "##other_transfers", &h.transfers.other}});
    if (offered(s.params(), core::ProgrammeId::grain_subsidy) || h.transfers.grain_centimu != 0) {
      ui.row(Str::grain_mu, Str::grain_mu_help);
      changed |= ui.hundredths("##grain", h.transfers.grain_centimu);
      ui.anchor("grain_mu");
    }
    if (offered(s.params(), core::ProgrammeId::returned_farmland_subsidy) ||
        h.transfers.returned_farmland_centimu != 0) {
      ui.row(Str::returned_farmland_mu, Str::returned_farmland_mu_help);
      changed |= ui.hundredths("##returned_farmland", h.transfers.returned_farmland_centimu);
    }
    if (offered(s.params(), core::ProgrammeId::temporary_assistance) || h.transfers.temporary_assistance != Money())
      changed |= money_rows(ui, {{Str::temporary_assistance, Str::temporary_assistance_help, "##temporary_assistance",
                                  &h.transfers.temporary_assistance}});
    ui.end_form();
  }
  if (changed) s.changed();
}

// 防返贫监测's facts: 刚性支出, 三保障 and water, a sudden hardship, and for a monitored household its record.
void monitoring_facts(Ui& ui, Session& s) {
  core::Household& h = s.household();
  const bool open = ImGui::CollapsingHeader(tr(Str::section_monitoring));
  ui.anchor("section_monitoring");
  if (!open || !ui.begin_form("##monitoring")) return;
  bool changed = money_rows(
      ui, {{Str::expense_medical, Str::expense_medical_help, "##expense_medical", &h.expenses.medical},
           {Str::expense_education, Str::expense_education_help, "##expense_education", &h.expenses.education},
           {Str::expense_disaster, Str::expense_disaster_help, "##expense_disaster", &h.expenses.disaster}});
  ui.anchor("expense_disaster");
  const struct {
    Str label, help;
    const char* id;
    bool* value;
  } gaps[] = {
      {Str::security_school, Str::security_school_help, "##security_school", &h.security.child_out_of_school},
      {Str::security_insurance, Str::security_insurance_help, "##security_insurance", &h.security.member_uninsured},
      {Str::security_house, Str::security_house_help, "##security_house", &h.security.house_unsafe},
      {Str::security_water, Str::security_water_help, "##security_water", &h.security.water_unsafe}};
  for (const auto& g : gaps) {
    ui.row(g.label, g.help);
    changed |= ui.checkbox(g.id, *g.value);
    ui.anchor(std::string(g.id).substr(2));
  }
  constexpr Str events[] = {Str::sudden_none, Str::sudden_illness, Str::sudden_accident, Str::sudden_disaster,
                            Str::sudden_job_loss};
  ui.row(Str::sudden_event, Str::sudden_event_help);
  int event = h.sudden_event ? static_cast<int>(h.sudden_event->kind) + 1 : 0;
  if (ui.choice("##sudden_event", event, events, static_cast<int>(std::size(events)))) {
    if (event == 0)
      h.sudden_event.reset();
    else
      h.sudden_event =
          core::SuddenEvent{static_cast<core::SuddenEventKind>(event - 1), h.sudden_event ? h.sudden_event->month : 1};
    changed = true;
  }
  ui.anchor("sudden_event");
  if (h.sudden_event) {
    ui.row(Str::sudden_month, Str::sudden_month_help);
    changed |= ui.integer("##sudden_month", h.sudden_event->month, 1, 12);
    ui.anchor("sudden_month");
  }
  if (core::is_monitored(h)) {
    core::MonitoringRecord& m = h.monitoring;
    ui.row(Str::monitoring_since, Str::monitoring_since_help);
    int since = m.since;
    if (ui.date("##monitoring_since", since, true) && since / 100 <= h.year) {  // not after the household's year
      m.since = since;
      changed = true;
    }
    ui.row(Str::monitoring_measures, Str::monitoring_measures_help);
    std::string measures;
    for (const std::string& one : m.measures) measures += (measures.empty() ? "" : ";") + one;
    if (ui.text("##monitoring_measures", measures)) {
      // Split at ';', full-width '；' as a Chinese keyboard types it too.
      for (size_t at = measures.find("；"); at != std::string::npos; at = measures.find("；", at))
        measures.replace(at, std::string_view("；").size(), ";");
      m.measures.clear();
      for (size_t at = 0; at <= measures.size();) {
        const size_t end = std::min(measures.find(';', at), measures.size());
        if (end > at) m.measures.push_back(measures.substr(at, end - at));
        at = end + 1;
      }
      changed = true;
    }
    const struct {
      Str label;
      const char* id;
      int core::MonitoringRecord::*date;
    } steps[] = {{Str::step_visited_date, "##step_visited", &core::MonitoringRecord::visited},
                 {Str::step_publicised_date, "##step_publicised", &core::MonitoringRecord::publicised},
                 {Str::step_approved_date, "##step_approved", &core::MonitoringRecord::approved}};
    for (const auto& step : steps) {
      ui.row(step.label, Str::step_date_help);
      core::MonitoringRecord tried = m;
      // A date out of the procedure's order is not taken: the steps run 入户核实 → 民主评议公示 → 审核批准公告.
      if (ui.date(step.id, tried.*step.date) && tried.steps_in_order()) {
        m = std::move(tried);
        changed = true;
      }
      ui.anchor(std::string(step.id).substr(2));
    }
  }
  ui.end_form();
  if (changed) s.changed();
}

// A leaf of the breakdown: a label and an amount, no children.
void leaf(const std::string& label, Money amount) {
  ImGui::TreeNodeEx(label.c_str(),
                    ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen | ImGuiTreeNodeFlags_SpanFullWidth);
  ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.7f);
  ImGui::Text("%s", money_text(amount).c_str());
}

bool stream_node(const char* id, Str label, Money amount) {
  const std::string text = std::string(tr(label)) + "###" + id;
  const bool open = ImGui::TreeNodeEx(text.c_str(), ImGuiTreeNodeFlags_SpanFullWidth);
  ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.7f);
  ImGui::Text("%s", money_text(amount).c_str());
  return open;
}

// Stream → item → programme; every programme opens to its reason and source.
void breakdown(Ui& ui, const Session& s) {
  const core::Household& h = s.household();
  const core::Result& r = s.result();
  if (!ImGui::CollapsingHeader(tr(Str::breakdown_title), ImGuiTreeNodeFlags_DefaultOpen)) return;
  // The eligible programmes paying into `stream`, counted or not.
  auto programmes_in = [&](core::Stream stream, bool counted) {
    for (const core::ProgrammeResult& p : r.programmes)
      if (p.eligible && core::info(p.id).stream == stream && p.counted == counted) draw_programme_node(ui, s, p);
  };
  if (h.entered) {  // the totals as entered: nothing under them to show
    const std::pair<Str, Money> totals[] = {{Str::stream_wage, r.income.wage},
                                            {Str::stream_production, r.income.production},
                                            {Str::stream_production_cost, r.income.production_cost},
                                            {Str::stream_property, r.income.property},
                                            {Str::stream_transfer, r.income.transfer}};
    for (const auto& [label, amount] : totals) leaf(std::string(tr(label)) + " · " + tr(Str::section_entered), amount);
    return;
  }
  if (stream_node("wage", Str::stream_wage, r.income.wage)) {
    for (int i = 0; i < h.member_count(); ++i)
      for (const core::Job& j : h.members[i].jobs)
        if (!core::paid_by_programme(j.kind) && j.months > 0)
          leaf(h.members[i].name + " · " + tr(job_labels[static_cast<size_t>(j.kind)]) + " " +
                   std::to_string(j.months) + " × " + money_text(j.monthly_wage),
               j.monthly_wage * j.months);
    programmes_in(core::Stream::wage, true);
    ImGui::TreePop();
  }
  if (stream_node("production", Str::stream_production, r.income.production)) {
    for (const core::ProductionActivity& a : h.production)
      leaf((a.name.empty() ? std::string(tr(activity_labels[static_cast<size_t>(a.kind)])) : a.name), a.revenue);
    ImGui::TreePop();
  }
  if (stream_node("cost", Str::stream_production_cost, r.income.production_cost)) {
    for (const core::ProductionActivity& a : h.production)
      leaf((a.name.empty() ? std::string(tr(activity_labels[static_cast<size_t>(a.kind)])) : a.name), a.cost);
    for (const core::ProgrammeResult& p : r.programmes)  // 贴息: interest returned, taken off these costs
      if (p.eligible && p.counted && core::info(p.id).stream == core::Stream::production)
        draw_programme_node(ui, s, p, true);
    ImGui::TreePop();
  }
  if (stream_node("property", Str::stream_property, r.income.property)) {
    const std::pair<Str, Money> items[] = {{Str::land_rent, h.property.land_rent},
                                           {Str::dividends, h.property.dividends},
                                           {Str::house_rent, h.property.house_rent},
                                           {Str::other_property, h.property.other}};
    for (const auto& [label, amount] : items)
      if (amount != Money()) leaf(tr(label), amount);
    programmes_in(core::Stream::property, true);
    ImGui::TreePop();
  }
  if (stream_node("transfer", Str::stream_transfer, r.income.transfer)) {
    programmes_in(core::Stream::transfer, true);
    const Money other = h.transfers.eco_compensation + h.transfers.family_support + h.transfers.other;
    if (other != Money()) leaf(tr(Str::other_transfer_items), other);
    ImGui::TreePop();
  }
  const Money uncounted = r.income.cash_received - r.income.net;
  if (stream_node("uncounted", Str::stream_not_counted, uncounted)) {
    for (core::Stream stream :
         {core::Stream::wage, core::Stream::production, core::Stream::property, core::Stream::transfer})
      programmes_in(stream, false);
    ImGui::TreePop();
  }
  Money not_cash;
  for (const core::ProgrammeResult& p : r.programmes)
    if (p.eligible && core::info(p.id).stream == core::Stream::none) not_cash += p.amount;
  if (stream_node("not_cash", Str::stream_not_cash, not_cash)) {
    programmes_in(core::Stream::none, false);
    programmes_in(core::Stream::none, true);
    ImGui::TreePop();
  }
}

// `headline`: false when it is already at the top of the screen (phones).
void results(Ui& ui, const Session& s, ViewState& state, PlatformRequests& requests, bool headline) {
  const core::Result& r = s.result();
  if (!ImGui::CollapsingHeader(tr(Str::section_results), ImGuiTreeNodeFlags_DefaultOpen)) return;
  if (headline) draw_headline(ui, s);
  if (r.overflowed()) return;  // the headline says what overflowed, in place of every figure
  if (ImGui::BeginTable("##streams", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
    const std::pair<Str, Money> rows[] = {{Str::stream_wage, r.income.wage},
                                          {Str::stream_production, r.income.production},
                                          {Str::stream_production_cost, r.income.production_cost},
                                          {Str::stream_property, r.income.property},
                                          {Str::stream_transfer, r.income.transfer},
                                          {Str::net_income, r.income.net},
                                          {Str::per_capita_net, r.income.per_capita_net},
                                          {Str::cash_received, r.income.cash_received}};
    for (const auto& [label, amount] : rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(tr(label));
      if (label == Str::cash_received) ui.help(Str::cash_received_help);
      ImGui::TableNextColumn();
      ImGui::Text("%s %s", money_text(amount).c_str(), tr(Str::yuan));
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  ImGui::TextUnformatted(tr(Str::flags_title));
  if (r.flags.empty()) ImGui::TextDisabled("%s", tr(Str::no_flags));
  for (const core::Flag& f : r.flags) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(170, 60, 30, 255));
    ui.wrapped("· " + reason_text(f.detail));
    ImGui::PopStyleColor();
  }
  draw_monitoring_panel(ui, s, state.ledger ? *state.ledger : std::vector<core::QuarterRecord>{});
  ImGui::Spacing();
  breakdown(ui, s);
  const bool charts = ImGui::CollapsingHeader(tr(Str::charts_title));
  ui.anchor("charts");
  if (charts) {
    draw_stream_chart(ui, s);
    png_button(ui, "chart_streams", "streams.png", requests);
    ImGui::Spacing();
    draw_wage_sweep(ui, s, state.sweep_member);
    png_button(ui, "chart_sweep", "wage-sweep.png", requests);
  }
}

// Income entered as household totals (core::EnteredIncome): the totals, in place of members and their detail.
void entered_income(Ui& ui, Session& s) {
  core::Household& h = s.household();
  core::EnteredIncome& e = *h.entered;
  if (!ImGui::CollapsingHeader(tr(Str::section_entered), ImGuiTreeNodeFlags_DefaultOpen)) return;
  ui.wrapped(tr(Str::entered_about));
  bool changed = false;
  if (ui.begin_form("##entered")) {
    ui.row(Str::entered_people, Str::entered_people_help);
    changed |= ui.integer("##people", e.people, 1, core::max_members);
    ui.anchor("entered_people");
    changed |= money_rows(
        ui, {{Str::entered_wage, Str::entered_wage_help, "##wage", &e.wage},
             {Str::entered_production, Str::entered_production_help, "##production", &e.production},
             {Str::entered_production_cost, Str::entered_production_cost_help, "##production_cost", &e.production_cost},
             {Str::entered_property, Str::entered_property_help, "##property", &e.property},
             {Str::entered_transfer, Str::entered_transfer_help, "##transfer", &e.transfer}});
    ui.end_form();
  }
  // Member by member: the totals give way to one member (the head) to start from — asked first, as the totals go.
  if (ImGui::Button(tr(Str::entered_to_members))) ImGui::OpenPopup("##entered_to_members");
  ui.anchor("entered_to_members");
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetMainViewport()->Size.x * 0.8f, 0), ImGuiCond_Appearing);
  if (ImGui::BeginPopupModal("##entered_to_members", nullptr, ImGuiWindowFlags_NoTitleBar)) {
    ui.wrapped(tr(Str::entered_to_members_ask));
    if (ImGui::Button(tr(Str::entered_to_members_yes))) {
      h.entered.reset();
      core::Member m;
      m.name = h.head;
      m.birth_year = h.year - 40;
      h.members.push_back(m);
      changed = true;
      ImGui::CloseCurrentPopup();
    }
    ui.anchor("entered_to_members_yes");
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::cancel))) ImGui::CloseCurrentPopup();
    ui.anchor("entered_to_members_no");
    ImGui::EndPopup();
  }
  if (changed) s.changed();
}

void editor(Ui& ui, Session& s) {
  facts(ui, s);
  if (s.household().entered) {
    entered_income(ui, s);
  } else {
    members(ui, s);
    production(ui, s);
    property_and_transfers(ui, s);
  }
  monitoring_facts(ui, s);
}

}  // namespace

void draw_monitoring_panel(Ui& ui, const Session& s, const std::vector<core::QuarterRecord>& ledger, bool open) {
  const core::MonitoringAssessment a = core::assess_monitoring(s.household(), s.result(), s.params(), ledger);
  ImGui::Spacing();
  ImGui::TextUnformatted(tr(Str::monitoring_title));
  const bool alarm = a.verdict == core::MonitoringVerdict::enter || a.verdict == core::MonitoringVerdict::not_yet;
  ImGui::PushStyleColor(ImGuiCol_Text, alarm ? IM_COL32(190, 40, 30, 255) : IM_COL32(30, 120, 50, 255));
  ui.wrapped(reason_text(a.summary));
  ImGui::PopStyleColor();
  ui.anchor("monitoring_verdict");
  // The verdict stays in view; its conditions, help and steps open below it (the charts keep their place).
  const bool details = ImGui::TreeNodeEx(
      tr(Str::monitoring_details), ImGuiTreeNodeFlags_NoTreePushOnOpen | (open ? ImGuiTreeNodeFlags_DefaultOpen : 0));
  ui.anchor("monitoring_details");
  if (!details) return;
  const bool exiting = a.verdict == core::MonitoringVerdict::may_exit || a.verdict == core::MonitoringVerdict::not_yet;
  ImGui::Indent();
  for (size_t i = 0; i < a.conditions.size(); ++i) {
    const core::ConditionCheck& c = a.conditions[i];
    // Exit conditions are ticked when met; entry triggers are marked when they find a risk.
    const char* mark = exiting ? (c.met ? "✓ " : "✗ ") : (c.met ? "! " : "· ");
    ImGui::PushStyleColor(ImGuiCol_Text,
                          (exiting ? !c.met : c.met) ? IM_COL32(170, 60, 30, 255) : ImGui::GetColorU32(ImGuiCol_Text));
    ui.wrapped(mark + reason_text(c.reason));
    ImGui::PopStyleColor();
    const std::string anchor = "monitoring_" + std::string(core::monitoring_condition_names[static_cast<size_t>(c.id)]);
    ui.anchor(anchor);
    draw_source(ui, Str::source_label, *c.source, anchor + "_source");
  }
  ImGui::Unindent();
  if (!a.help.empty()) {
    ImGui::TextUnformatted(tr(Str::monitoring_help_title));
    ImGui::Indent();
    for (const core::Reason& help : a.help) ui.wrapped("· " + reason_text(help));
    draw_source(ui, Str::source_label, *a.help_source, "monitoring_help_source");
    ImGui::Unindent();
  }
  if (!a.steps.empty()) {
    ImGui::TextUnformatted(tr(Str::monitoring_steps_title));
    ImGui::Indent();
    bool next_marked = false;
    for (const core::ExitStepState& step : a.steps) {
      std::string line = reason_text(core::exit_step_name(step.step)) + ": ";
      if (step.done != 0) {
        line += core::iso_date_text(step.done);
      } else {
        line += tr(Str::step_not_done);
        if (!next_marked && a.verdict == core::MonitoringVerdict::may_exit) {
          line += std::string(" (") + tr(Str::step_next) + ")";
          next_marked = true;
        }
      }
      ui.wrapped(line);
    }
    draw_source(ui, Str::source_label, *a.steps_source, "monitoring_steps_source");
    ImGui::Unindent();
  }
}

void request_card(Session& s, PlatformRequests& requests, bool under_reform) {
  s.refresh();
  // Under the reform in force, when there is one (and asked for), and saying so.
  requests.page_html = s.reform().empty() || !under_reform
                           ? core::household_card_html(s.result(), s.household(), s.params(), core_language())
                           : core::household_card_html(s.reform_result(), s.household(), s.reform_params(),
                                                       core_language(), reform_in_force(s.reform(), s.params()));
}

void draw_household_view(Ui& ui, Session& s, ViewState& state, PlatformRequests& requests) {
  toolbar(ui, s, state, requests);
  ui.same_line_if_fits(tr(state.guide.on ? Str::form_mode : Str::guided_mode));
  if (ImGui::Button(tr(state.guide.on ? Str::form_mode : Str::guided_mode))) {
    state.guide = {!state.guide.on, 0, 0};
  }
  ui.help(Str::guided_mode_help);
  ui.anchor("guided_mode");
  s.refresh();
  ImGui::Separator();
  if (state.guide.on) {
    ImGui::BeginChild("##guided", ImVec2(0, 0), false);
    draw_guided_view(ui, s, state.guide, requests);
    ui.drag_to_scroll();
    ImGui::EndChild();
    return;
  }
  const bool wide = ImGui::GetContentRegionAvail().x / ui.pixel_ratio >= 880.0f;
  if (wide) {
    const float half = ImGui::GetContentRegionAvail().x * 0.5f;
    ImGui::BeginChild("##editor", ImVec2(half, 0), false);
    editor(ui, s);
    ui.drag_to_scroll();
    ImGui::EndChild();
    ImGui::SameLine();
    s.refresh();
    ImGui::BeginChild("##results", ImVec2(0, 0), false);
    results(ui, s, state, requests, true);
    ui.drag_to_scroll();
    ImGui::EndChild();
  } else {
    // A phone: the headline first, then the form, then the detail.
    ImGui::BeginChild("##single", ImVec2(0, 0), false);
    draw_headline(ui, s);
    editor(ui, s);
    s.refresh();
    results(ui, s, state, requests, false);
    ui.drag_to_scroll();
    ImGui::EndChild();
  }
}

bool offered(const core::YearParameters& params, core::ProgrammeId id) {
  return params.flag(core::available_param(id));
}

bool loan_editor(Ui& ui, std::optional<core::Microcredit>& loan, const std::string& anchor) {
  bool changed = false;
  ui.row(Str::microcredit, Str::microcredit_help);
  bool has_loan = loan.has_value();
  if (ui.checkbox("##has_loan", has_loan)) {
    loan = has_loan ? std::optional(core::Microcredit{Money(), 0, 12}) : std::nullopt;
    changed = true;
  }
  ui.anchor(anchor);
  if (!loan) return changed;
  ui.row(Str::microcredit_principal, Str::microcredit_principal_help);
  changed |= ui.money("##principal", loan->principal);
  ui.row(Str::microcredit_rate, Str::microcredit_rate_help);
  if (ui.hundredths("##rate", loan->rate_basis_points)) {
    loan->rate_basis_points = std::min<int64_t>(loan->rate_basis_points, 10000);  // a yearly rate of 0–100 %
    changed = true;
  }
  ui.row(Str::microcredit_months, Str::microcredit_months_help);
  changed |= ui.integer("##loan_months", loan->months, 0, 12);
  return changed;
}

}  // namespace zengshou::app
