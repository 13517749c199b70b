// 疫情中高风险地区稳岗务工补助 (2022): labour employed in a medium/high-risk area for at least 3 months:
// 1000 yuan/person once. 000 三(一)1.
#include "programme_unit.h"

namespace zengshou::core {

void risk_area_work_subsidy_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  if (!c.household_in(ParamId::risk_area_categories))
    return out.not_eligible(category_reason(c, ParamId::risk_area_categories));
  const int min_months = c.params.count(ParamId::risk_area_min_months);
  if (!c.jobs.any_risk_area_months) return out.not_eligible(ReasonId::no_risk_area, {min_months});
  const Money amount = c.params.money(ParamId::risk_area_amount);
  for (int i = 0; i < c.member_count; ++i) {
    int months = 0;
    for (const Job& job : c.household.members[i].jobs) months += job.risk_area_months;
    if (months >= min_months && months > 0)
      out.add(i, amount, ProgrammeOutput::make(ReasonId::risk_area, {months, min_months, amount.fen()}));
  }
  out.not_eligible(ReasonId::no_risk_area, {min_months});
}

}  // namespace zengshou::core
