// 一次性创业补贴 (Ceheng, urban): a first small business or self-employment that has run for a year: 5000 yuan
// once. 003 附件3 7.
#include "programme_unit.h"

namespace zengshou::core {

void urban_startup_subsidy_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  if (c.household.category != Category::urban) return out.not_eligible(ReasonId::not_urban);
  const Money amount = c.params.money(ParamId::urban_startup_amount);
  for (int i = 0; i < c.household.size(); ++i) {
    const auto& started = c.household.members[i].first_business_year;
    if (started && c.year - *started == 1)
      out.add(i, amount, ProgrammeOutput::make(ReasonId::urban_startup, {*started, amount.fen()}));
  }
  out.not_eligible(ReasonId::no_new_business);
}

}  // namespace zengshou::core
