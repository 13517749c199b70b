// 城乡居民基本养老保险基础养老金: members aged 60 or more in the year and enrolled receive the basic pension,
// a month × 12: the local standard (Guizhou 103 → 118, 003 附件2 三.25), never below the national minimum
// (NATIONAL.md).
#include "programme_unit.h"

namespace zengshou::core {

Money pension_monthly(const YearParameters& params) {
  return max(params.money(ParamId::pension_monthly), params.money(ParamId::pension_national_minimum));
}

void pension_basic_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const int pension_age = c.params.count(ParamId::pension_age);
  const Money local = c.params.money(ParamId::pension_monthly);
  const Money monthly = pension_monthly(c.params);
  Reason why_not = ProgrammeOutput::make(ReasonId::no_pension_age, {pension_age});
  for (int i = 0; i < c.member_count; ++i) {
    const Member& m = c.household.members[i];
    const int age = m.age_in(c.year);
    if (age < pension_age) continue;
    if (!m.pension.enrolled) {
      why_not = ProgrammeOutput::make(ReasonId::pension_not_enrolled, {age});
      continue;
    }
    const Money amount = monthly * 12;
    if (c.params.is_set(ParamId::pension_monthly) && monthly > local)
      out.add(
          i, amount,
          ProgrammeOutput::make(ReasonId::pension_national_minimum, {age, monthly.fen(), amount.fen(), local.fen()}));
    else
      out.add(i, amount, ProgrammeOutput::make(ReasonId::pension, {age, monthly.fen(), amount.fen()}));
  }
  out.not_eligible(why_not);
}

}  // namespace zengshou::core
