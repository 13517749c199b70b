// 问答式: the guided mode for households. One question at a time, asking only what matters given the answers so
// far (jobs for people of working age, school for the young, the pension for those 60 and over; spending, 三保障
// and sudden hardship where the monitoring line is for the household, a child's schooling only where there is a
// child of compulsory-school age), filling the same household the form edits. It ends on what the family gets,
// what else it could apply for, and (for the cadre) the monitoring decision.
#include <algorithm>  // any_of, min, clamp
#include <cstdio>     // snprintf
#include <optional>   // a sudden event
#include <string>
#include <vector>  // the job choices

#include <imgui.h>

#include "core/household_json.h"
#include "format.h"
#include "labels.h"
#include "views.h"

namespace zengshou::app {
namespace {

using core::Household;
using core::Member;

enum class Question {
  category,
  size,
  member,
  job,
  job_detail,
  school,
  pension,
  certificate,
  disability,
  production,
  land,
  support,
  spending,
  security,
  hardship,
  done
};

// The job choices: none, the kinds a household usually has, then the posts and jobs a programme of the policy pays.
std::vector<std::optional<core::JobKind>> job_choices(const core::YearParameters& p) {
  using K = core::JobKind;
  std::vector<std::optional<K>> out = {std::nullopt, K::local, K::in_province, K::out_of_province,
                                       K::public_welfare_post};
  if (offered(p, core::ProgrammeId::forest_ranger_post)) out.push_back(K::forest_ranger);
  if (offered(p, core::ProgrammeId::village_doctor_subsidy)) out.push_back(K::village_doctor);
  if (offered(p, core::ProgrammeId::internship_allowance)) out.push_back(K::internship);
  return out;
}
std::string who(const Household& h, int m) {
  return h.members[m].name.empty() ? std::string(tr(Str::member_unnamed)) + " " + std::to_string(m + 1)
                                   : h.members[m].name;
}

std::string format(Str question, const std::string& name) {
  char text[256];
  std::snprintf(text, sizeof text, tr(question), name.c_str());
  return text;
}

// Whether a question about member `m` matters, given what is known and what the policy has.
bool applies(Question q, const Member& m, int year, const core::YearParameters& p) {
  const int age = m.age_in(year);
  switch (q) {
    case Question::job:
      return age >= 16 && age < 60 && m.labor != core::Labor::none;
    case Question::job_detail:
      return age >= 16 && age < 60 && !m.jobs.empty();
    case Question::school:
      return age >= 6 && age <= 24;
    case Question::pension:
      return age >= 16;
    case Question::certificate:
      return age >= 16 && offered(p, core::ProgrammeId::certificate_subsidy);
    default:
      return true;
  }
}

bool compulsory_school_age(const Member& m, int year) {
  const int age = m.age_in(year);
  return age >= 6 && age < 15;
}

// Whether a household question matters: the monitoring's facts only where its line is for the household (not for
// urban residents).
bool applies(Question q, const core::Result& r) {
  if (q != Question::spending && q != Question::security && q != Question::hardship) return true;
  return std::any_of(r.lines.begin(), r.lines.end(),
                     [](const core::LineResult& l) { return l.id == core::LineId::monitoring && l.applies; });
}

// The running result while the questions go on, in two lines: a phone keeps the room for the question.
void draw_running_result(const Session& s) {
  const core::Result& r = s.result();
  ImGui::Text("%s %s %s", tr(Str::per_capita_net), money_text(r.income.per_capita_net).c_str(), tr(Str::yuan));
  const core::LineResult* widest = nullptr;  // the line it is furthest below
  for (const core::LineResult& line : r.lines)
    if (line.applies && line.per_capita_gap > core::Money() &&
        (widest == nullptr || line.per_capita_gap > widest->per_capita_gap))
      widest = &line;
  const std::string text = widest == nullptr ? tr(Str::guided_reached)
                                             : printf_text(tr(Str::guided_gap), tr(line_label(widest->id)),
                                                           money_text(widest->per_capita_gap));
  ImGui::PushStyleColor(ImGuiCol_Text, widest == nullptr ? good_colour : short_colour);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
}

// 你家可以享受: each programme the family gets, with its yuan, why, and who handles it; then what else it could
// apply for, the 明白卡 and a link (with its QR code) to send to the family.
void draw_results_page(Ui& ui, Session& s, PlatformRequests& requests) {
  const core::Result& r = s.result();
  ImGui::SetWindowFontScale(1.3f);
  ImGui::TextUnformatted(tr(Str::you_get_title));
  ImGui::SetWindowFontScale(1.0f);
  ui.anchor("you_get_title");
  // The year's cash in hand: what goes into the pension account is listed, not added.
  const auto cash = [](const core::ProgrammeResult& p) { return core::info(p.id).stream != core::Stream::none; };
  int count = 0;
  core::Money total;
  for (const core::ProgrammeResult& p : r.programmes)
    if (p.eligible && p.amount > core::Money()) {
      ++count;
      if (cash(p)) total += p.amount;
    }
  if (count == 0) {
    ui.wrapped(tr(Str::you_get_none));
  } else {
    char text[200];
    std::snprintf(text, sizeof text, tr(Str::you_get_total), count, std::to_string(s.household().year).c_str(),
                  money_text(total).c_str());
    ui.wrapped(text);
    ui.anchor("you_get_total");
  }
  // A simulated change is the trainer's: the family's page, and its card, are under the policies in force.
  if (!s.reform().empty())
    ui.wrapped(printf_text(tr(Str::you_get_reform_note), reform_in_force(s.reform(), s.params())));
  // What to do with it first, where a phone shows it without scrolling.
  if (ImGui::Button(tr(Str::you_get_share))) requests.share_text = s.share_text();
  ui.anchor("you_get_share");
  ui.same_line_if_fits(tr(Str::you_get_card));
  if (ImGui::Button(tr(Str::you_get_card))) request_card(s, requests, false);
  ui.anchor("you_get_card");
  for (const core::ProgrammeResult& p : r.programmes) {
    if (!p.eligible || p.amount <= core::Money()) continue;
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, good_colour);
    ui.wrapped(printf_text(tr(Str::you_get_item), programme_name(p.id), money_text(p.amount)));
    ImGui::PopStyleColor();
    ui.anchor("you_get_" + std::string(core::info(p.id).id));
    ImGui::Indent();
    ui.wrapped(reason_text(p.reason));
    if (!cash(p)) ImGui::TextDisabled("%s", tr(Str::you_get_not_cash));
    ui.wrapped(std::string(tr(Str::how_to_apply)) + ": " + how_to_apply(p.id));
    ImGui::Unindent();
  }
  if (count > 0) ImGui::TextDisabled("%s", tr(Str::how_to_apply_note));
  ImGui::Separator();
  draw_headline(ui, s);
  ImGui::Spacing();
  draw_suggestions(ui, s);
  ImGui::Spacing();
  // The monitoring decision is the cadre's; a household alone has no quarterly ledger (a monitored one's exit says so).
  if (ImGui::CollapsingHeader(tr(Str::monitoring_for_cadres))) draw_monitoring_panel(ui, s, {}, true);
  ui.anchor("you_get_monitoring");
}

}  // namespace

void draw_guided_view(Ui& ui, Session& s, GuideState& g, PlatformRequests& requests) {
  Household& h = s.household();
  if (h.entered) {  // the questions are about members, which a household entered as totals does not have
    ui.wrapped(tr(Str::guided_entered));
    return;
  }
  const auto q = static_cast<Question>(g.step);
  // A question scrolls between the running result above and Back and Next below, which a phone always shows.
  if (q != Question::done) {
    s.refresh();
    draw_running_result(s);
    ImGui::Separator();
    const float buttons = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    // An id of its own for each question (and member), so each opens at its top, not where the last was scrolled.
    ImGui::PushID(g.step * (core::max_members + 1) + g.member);
    ImGui::BeginChild("##question", ImVec2(0, -buttons), false);
  }
  const float em = ImGui::GetFontSize();
  ImGui::SetWindowFontScale(1.2f);
  bool changed = false;
  const int m = std::min(g.member, h.size() - 1);
  switch (q) {
    case Question::category: {
      ui.wrapped(tr(Str::q_category));
      int index = static_cast<int>(h.category);
      for (int i = 0; i < 6; ++i) {
        if (ImGui::RadioButton(tr(category_labels[i]), &index, i)) changed = true;
        ui.anchor("guide_category_" + std::to_string(i));
      }
      h.category = static_cast<core::Category>(index);
      break;
    }
    case Question::size: {
      ui.wrapped(tr(Str::q_size));
      int size = h.size();
      ImGui::SetNextItemWidth(em * 8);
      if (ui.integer("##size", size, 1, core::max_members)) {
        while (h.size() < size) {
          Member added;
          added.birth_year = h.year - 30;
          h.members.push_back(added);
        }
        h.members.resize(static_cast<size_t>(size));
        changed = true;
      }
      ui.anchor("guide_size");
      break;
    }
    case Question::member: {
      char title[128];
      std::snprintf(title, sizeof title, tr(Str::q_member), m + 1);
      ui.wrapped(title);
      if (ui.begin_form("##guide_member")) {
        ui.row(Str::member_name, Str::member_name_help);
        changed |= ui.text("##name", h.members[m].name);
        ui.anchor("guide_name");
        ui.row(Str::birth_year, Str::birth_year_help);
        // Her age brings its defaults: the pension ticked from 60, a pupil at school and not labour.
        if (ui.integer("##birth", h.members[m].birth_year, 1900, h.year)) {
          core::apply_age_defaults(h.members[m], h.year, s.params().count(core::ParamId::pension_age));
          changed = true;
        }
        ui.anchor("guide_birth_year");
        ui.end_form();
      }
      break;
    }
    case Question::job: {
      ui.wrapped(format(Str::q_job, who(h, m)));
      const auto choices = job_choices(s.params());
      const std::optional<core::JobKind> now =
          h.members[m].jobs.empty() ? std::nullopt : std::optional(h.members[m].jobs.front().kind);
      int kind = static_cast<int>(std::find(choices.begin(), choices.end(), now) - choices.begin());
      for (int i = 0; i < static_cast<int>(choices.size()); ++i) {
        if (ImGui::RadioButton(choices[i] ? tr(job_labels[static_cast<size_t>(*choices[i])]) : tr(Str::no_job), &kind,
                               i))
          changed = true;
        ui.anchor("guide_job_" + std::to_string(i));
      }
      if (changed) {
        if (!choices[kind]) {
          h.members[m].jobs.clear();
        } else {
          if (h.members[m].jobs.empty()) {
            core::Job j;
            j.months = 12;
            h.members[m].jobs.push_back(j);
          }
          h.members[m].jobs.front().kind = *choices[kind];
        }
      }
      break;
    }
    case Question::job_detail: {
      ui.wrapped(format(Str::q_job_detail, who(h, m)));
      core::Job& j = h.members[m].jobs.front();
      if (ui.begin_form("##guide_job")) {
        ui.row(Str::job_months, Str::job_months_help);
        changed |= ui.integer("##months", j.months, 0, 12);
        ui.row(Str::job_wage, Str::job_wage_help);
        changed |= ui.money("##wage", j.monthly_wage);
        ui.anchor("guide_wage");
        ui.end_form();
      }
      break;
    }
    case Question::school: {
      ui.wrapped(format(Str::q_school, who(h, m)));
      int level = h.members[m].school ? static_cast<int>(h.members[m].school->level) + 1 : 0;
      for (int i = 0; i < 8; ++i) {
        if (ImGui::RadioButton(tr(school_labels[i]), &level, i)) changed = true;
        ui.anchor("guide_school_" + std::to_string(i));
      }
      if (changed) {
        if (level == 0)
          h.members[m].school.reset();
        else
          h.members[m].school = core::School{static_cast<core::SchoolLevel>(level - 1), false, 0, core::Money()};
      }
      break;
    }
    case Question::pension:
      ui.wrapped(format(Str::q_pension, who(h, m)));
      changed |= ImGui::Checkbox(tr(Str::pension_enrolled), &h.members[m].pension.enrolled);
      break;
    case Question::certificate: {
      ui.wrapped(format(Str::q_certificate, who(h, m)));
      int level = static_cast<int>(h.members[m].certificate);
      for (int i = 0; i < static_cast<int>(std::size(certificate_labels)); ++i) {
        if (ImGui::RadioButton(tr(certificate_labels[i]), &level, i)) changed = true;
        ui.anchor("guide_certificate_" + std::to_string(i));
      }
      h.members[m].certificate = static_cast<core::CertificateLevel>(level);
      break;
    }
    case Question::disability: {
      ui.wrapped(format(Str::q_disability, who(h, m)));
      int grade = h.members[m].disability_grade;
      for (int i = 0; i < 5; ++i)
        if (ImGui::RadioButton(tr(disability_labels[i]), &grade, i)) changed = true;
      h.members[m].disability_grade = grade;
      break;
    }
    case Question::production: {
      ui.wrapped(tr(Str::q_production));
      if (h.production.empty()) h.production.push_back({});
      if (ui.begin_form("##guide_production")) {
        ui.row(Str::activity_revenue, Str::activity_revenue_help);
        changed |= ui.money("##revenue", h.production.front().revenue);
        ui.row(Str::activity_cost, Str::activity_cost_help);
        changed |= ui.money("##cost", h.production.front().cost);
        if (offered(s.params(), core::ProgrammeId::microcredit_interest_subsidy))
          changed |= loan_editor(ui, h.microcredit, "guide_microcredit");
        ui.end_form();
      }
      break;
    }
    case Question::land:
      ui.wrapped(tr(Str::q_land));
      ImGui::SetNextItemWidth(em * 8);
      changed |= ui.hundredths("##land", h.transfers.farmland_centimu);
      if ((offered(s.params(), core::ProgrammeId::grain_subsidy) ||
           offered(s.params(), core::ProgrammeId::returned_farmland_subsidy)) &&
          ui.begin_form("##guide_land")) {
        if (offered(s.params(), core::ProgrammeId::grain_subsidy)) {
          ui.row(Str::grain_mu, Str::grain_mu_help);
          changed |= ui.hundredths("##grain", h.transfers.grain_centimu);
          ui.anchor("guide_grain");
        }
        if (offered(s.params(), core::ProgrammeId::returned_farmland_subsidy)) {
          ui.row(Str::returned_farmland_mu, Str::returned_farmland_mu_help);
          changed |= ui.hundredths("##returned", h.transfers.returned_farmland_centimu);
        }
        ui.end_form();
      }
      break;
    case Question::support:
      ui.wrapped(tr(Str::q_support));
      changed |= ImGui::Checkbox(tr(Str::dibao), &h.dibao);
      changed |= ImGui::Checkbox(tr(Str::tekun), &h.tekun);
      changed |= ImGui::Checkbox(tr(Str::relocated), &h.relocated);
      if (offered(s.params(), core::ProgrammeId::guaranteed_dividend) && ui.begin_form("##guide_dividend")) {
        ui.row(Str::guaranteed_dividend, Str::guaranteed_dividend_help);
        changed |= ui.money("##dividend", h.property.guaranteed_dividend);
        ui.anchor("guide_dividend");
        ui.end_form();
      }
      break;
    case Question::spending:
      ui.wrapped(tr(Str::q_spending));
      if (ui.begin_form("##guide_spending")) {
        ui.row(Str::expense_medical, Str::expense_medical_help);
        changed |= ui.money("##medical", h.expenses.medical);
        ui.anchor("guide_medical");
        ui.row(Str::expense_education, Str::expense_education_help);
        changed |= ui.money("##education", h.expenses.education);
        ui.row(Str::expense_disaster, Str::expense_disaster_help);
        changed |= ui.money("##disaster", h.expenses.disaster);
        ui.end_form();
      }
      break;
    case Question::security: {
      ui.wrapped(tr(Str::q_security));
      core::SecurityGaps& gaps = h.security;
      if (std::any_of(h.members.begin(), h.members.end(),
                      [&](const Member& x) { return compulsory_school_age(x, h.year); })) {
        changed |= ImGui::Checkbox(tr(Str::security_school), &gaps.child_out_of_school);
        ui.anchor("guide_security_school");
      } else if (gaps.child_out_of_school) {  // no child of that age any more: the gap cannot be
        gaps.child_out_of_school = false;
        changed = true;
      }
      changed |= ImGui::Checkbox(tr(Str::security_insurance), &gaps.member_uninsured);
      ui.anchor("guide_security_insurance");
      changed |= ImGui::Checkbox(tr(Str::security_house), &gaps.house_unsafe);
      ui.anchor("guide_security_house");
      changed |= ImGui::Checkbox(tr(Str::security_water), &gaps.water_unsafe);
      ui.anchor("guide_security_water");
      break;
    }
    case Question::hardship: {
      ui.wrapped(tr(Str::q_hardship));
      constexpr Str events[] = {Str::sudden_none, Str::sudden_illness, Str::sudden_accident, Str::sudden_disaster,
                                Str::sudden_job_loss};
      int event = h.sudden_event ? static_cast<int>(h.sudden_event->kind) + 1 : 0;
      for (int i = 0; i < static_cast<int>(std::size(events)); ++i) {
        if (ImGui::RadioButton(tr(events[i]), &event, i)) changed = true;
        ui.anchor("guide_sudden_" + std::to_string(i));
      }
      if (changed)
        h.sudden_event = event == 0 ? std::nullopt
                                    : std::optional(core::SuddenEvent{static_cast<core::SuddenEventKind>(event - 1),
                                                                      h.sudden_event ? h.sudden_event->month : 1});
      if (h.sudden_event && ui.begin_form("##guide_sudden")) {
        ui.row(Str::sudden_month, Str::sudden_month_help);
        changed |= ui.integer("##month", h.sudden_event->month, 1, 12);
        ui.anchor("guide_sudden_month");
        if (offered(s.params(), core::ProgrammeId::temporary_assistance)) {
          ui.row(Str::temporary_assistance, Str::temporary_assistance_help);
          changed |= ui.money("##temporary_assistance", h.transfers.temporary_assistance);
        }
        ui.end_form();
      }
      break;
    }
    case Question::done:
      break;
  }
  if (changed) s.changed();
  ImGui::SetWindowFontScale(1.0f);
  ImGui::Spacing();
  if (q != Question::done) {
    ui.drag_to_scroll();
    ImGui::EndChild();
    ImGui::PopID();
  }

  // Moving on: member questions repeat for each member, and those that do not apply are skipped.
  constexpr Question per_member[] = {Question::member,  Question::job,         Question::job_detail, Question::school,
                                     Question::pension, Question::certificate, Question::disability};
  auto is_member_question = [&](Question x) {
    for (Question p : per_member)
      if (p == x) return true;
    return false;
  };
  auto advance = [&](int direction) {
    for (;;) {
      g.step += direction;
      if (g.step > static_cast<int>(Question::disability) && direction > 0 && g.member + 1 < h.size() &&
          is_member_question(static_cast<Question>(g.step - 1))) {
        ++g.member;
        g.step = static_cast<int>(Question::member);
      }
      if (g.step < static_cast<int>(Question::member) && direction < 0 && g.member > 0 &&
          static_cast<Question>(g.step + 1) == Question::member) {
        --g.member;
        g.step = static_cast<int>(Question::disability);
      }
      if (g.step <= 0 || g.step >= static_cast<int>(Question::done)) break;
      const auto next = static_cast<Question>(g.step);
      if (is_member_question(next) ? applies(next, h.members[std::min(g.member, h.size() - 1)], h.year, s.params())
                                   : applies(next, s.result()))
        break;
    }
    g.step = std::clamp(g.step, 0, static_cast<int>(Question::done));
  };
  if (g.step > 0) {
    if (ImGui::Button(tr(Str::back))) advance(-1);
    ui.anchor("guide_back");
    ImGui::SameLine();
  }
  if (q != Question::done) {
    if (ImGui::Button(tr(Str::next))) advance(+1);
    ui.anchor("guide_next");
  }
  if (q != Question::done) return;
  ImGui::Separator();
  s.refresh();
  draw_results_page(ui, s, requests);
}

}  // namespace zengshou::app
