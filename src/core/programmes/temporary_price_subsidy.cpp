// 临时价格补贴: when prices rise enough to start the linkage mechanism, people on dibao or tekun support get a monthly
// amount for the months it runs (003 附件2 三.26 "及时发放临时价格补贴"; 附件3 13 "达到启动条件"). Whether and how
// long it runs is known only afterwards: the months are the policy's parameter (0 unless a user sets them). One-off.
#include "programme_unit.h"

namespace zengshou::core {

void temporary_price_subsidy_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Household& h = c.household;
  const int people = h.dibao ? h.size() : tekun_people(h);  // a dibao household all; otherwise its 特困 people
  if (people == 0) return out.not_eligible(ReasonId::price_subsidy_not_covered);
  const int months = c.params.count(ParamId::price_subsidy_months);
  if (months == 0) return out.not_eligible(ReasonId::price_subsidy_not_started);
  const Money monthly = c.params.money(ParamId::price_subsidy_monthly);
  const Money amount = monthly * months * people;
  out.add(-1, amount, ProgrammeOutput::make(ReasonId::price_subsidy, {people, monthly.fen(), months, amount.fen()}));
}

}  // namespace zengshou::core
