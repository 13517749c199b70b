// What a programme unit sees and how it reports: each programme is one function in src/core/programmes/,
// registered in registry.cpp with the parameters it reads.
#pragma once

#include <initializer_list>  // parameter lists

#include "core/household.h"
#include "core/policy.h"
#include "core/result.h"

namespace zengshou::core {

// What the household's jobs hold, found once for the rules that look through every member's jobs for one thing: most
// households have none of it, and those rules then skip their loops.
struct JobsHeld {
  unsigned kinds_worked = 0;  // a bit for each JobKind of a job with months worked
  bool any_probation_certificate = false;
  bool any_risk_area_months = false;

  static JobsHeld of(const Household& household);
  bool worked(JobKind kind) const { return (kinds_worked & (1u << static_cast<unsigned>(kind))) != 0; }
};

inline JobsHeld JobsHeld::of(const Household& household) {
  JobsHeld held;
  for (const Member& m : household.members)
    for (const Job& job : m.jobs) {
      // the negation of the rules' "months == 0: skip"
      if (job.months != 0) held.kinds_worked |= 1u << static_cast<unsigned>(job.kind);
      held.any_probation_certificate = held.any_probation_certificate || job.probation_certificate_months != 0;
      held.any_risk_area_months = held.any_risk_area_months || job.risk_area_months != 0;
    }
  return held;
}

struct ProgrammeContext {
  ProgrammeContext(const Household& household, const YearParameters& params, int year, Money net_before)
      : household(household),
        params(params),
        year(year),
        net_before(net_before),
        member_count(household.member_count()),
        jobs(JobsHeld::of(household)) {}

  const Household& household;
  const YearParameters& params;
  int year;
  Money net_before;  // counted net income from everything evaluated before this programme (for dibao)
  int member_count;  // the household's members, counted once: the rules' loops add to a vector, so would count again
  JobsHeld jobs;

  bool household_in(ParamId categories) const { return contains(params.categories(categories), household.category); }
};

// Collects a programme's outcome: each qualifying member's share, or why nobody qualifies.
class ProgrammeOutput {
 public:
  // `why_not` is where the reason nobody qualifies goes: the programme's result itself, so it is not copied there.
  ProgrammeOutput(ProgrammeId id, std::vector<ProgrammeDetail>& details, Reason& why_not)
      : id_(id), details_(details), why_not_(why_not) {}

  void add(int member, Money amount, Reason reason) {
    details_.push_back({id_, member, amount, reason});
    total_ += amount;
    ++count_;
  }
  void not_eligible(Reason reason) { why_not_ = reason; }
  void not_eligible(ReasonId id, std::initializer_list<int64_t> args = {}) { why_not_ = make(id, args); }

  static Reason make(ReasonId id, std::initializer_list<int64_t> args) {
    Reason r{id, {}};
    size_t i = 0;
    for (int64_t a : args) r.args[i++] = a;
    return r;
  }

  int count() const { return count_; }
  Money total() const { return total_; }

 private:
  ProgrammeId id_;
  std::vector<ProgrammeDetail>& details_;
  Money total_;
  int count_ = 0;
  Reason& why_not_;
};

using ProgrammeRule = void (*)(const ProgrammeContext&, ProgrammeOutput&);

// The "not for this category" reason, shared by the programmes limited to some households.
inline Reason category_reason(const ProgrammeContext& c, ParamId categories,
                              ReasonId id = ReasonId::category_not_covered) {
  return ProgrammeOutput::make(
      id, {static_cast<int64_t>(c.params.categories(categories)), static_cast<int64_t>(c.household.category)});
}

// An area subsidy: the area in 1/100 mu × `per_mu` for the household; `none` where no area is entered. Reasons get
// {centimu, yuan per mu, amount}. Shared by farmland, grain and returned farmland.
void pay_per_mu(const ProgrammeContext& c, ProgrammeOutput& out, int64_t centimu, ParamId per_mu, ReasonId paid,
                ReasonId none);

// The household's 特困 people: those marked, or all of a 特困 household where nobody is (shared by 特困供养 and the
// temporary price subsidy).
int tekun_people(const Household& household);
// A 特困 household with no member marked: all of it is supported.
bool tekun_whole_household(const Household& household);

// Whether the household is among the people the job-seeking subsidy names (脱贫, rural low-income, relocated);
// shared by its rule and the suggestions.
bool job_seeking_covers(const Household& household, const YearParameters& params);

// 中职, 高职 or 技工院校: the schools Rain and Dew supports.
bool is_vocational(SchoolLevel level);

// The basic pension a month: the local standard, or the national minimum when that is higher.
Money pension_monthly(const YearParameters& params);

// The dibao standard that applies to the household: urban or rural.
ParamId dibao_standard_param(const Household& household);
// (standard − per-capita income before dibao) × members, never below 0; 0 where the policy sets no standard.
// Shared by the dibao rule and the suggestions, which ask how a step changes it.
Money dibao_allowance(const Household& household, const YearParameters& params, Money net_before);

// The rules, one per programme (src/core/programmes/*.cpp).
#define ZS_PROGRAMME(id, stream, counted, zh, en) void id##_rule(const ProgrammeContext&, ProgrammeOutput&);
#include "core/programmes.def"
#undef ZS_PROGRAMME

}  // namespace zengshou::core
