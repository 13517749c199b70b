// 缴费补贴: members under the pension age who pay contributions get a government subsidy into their account:
// at least the minimum (国发〔2014〕8号: 30 yuan a year), or a share of the year's contribution where the policy
// sets one (Ceheng 10 %, 003 附件2 三.25; 000 三(三)24). Not cash this year.
#include "programme_unit.h"

namespace zengshou::core {

void pension_contribution_subsidy_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Money minimum = c.params.money(ParamId::pension_subsidy_minimum);
  const int64_t rate_bp = c.params.raw(ParamId::pension_subsidy_rate);
  for (int i = 0; i < c.member_count; ++i) {
    const Member& m = c.household.members[i];
    if (!m.pension.enrolled || m.pension.tier == Money() || m.age_in(c.year) >= c.params.count(ParamId::pension_age))
      continue;
    const Money amount = max(minimum, m.pension.tier.percent_bp(rate_bp));
    out.add(i, amount, ProgrammeOutput::make(ReasonId::contribution_subsidy, {m.pension.tier.fen(), amount.fen()}));
  }
  out.not_eligible(ReasonId::no_contributor);
}

}  // namespace zengshou::core
