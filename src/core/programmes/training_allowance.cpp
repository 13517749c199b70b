// 培训生活费补助: 脱贫 and relocated labour in government-subsidised training, per day (Ceheng: 40 yuan).
// 003 附件2 三.23; 000 三(三)22 ("按规定": amount assumed).
#include "programme_unit.h"

namespace zengshou::core {

void training_allowance_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Household& h = c.household;
  if (!c.household_in(ParamId::training_categories) && !h.relocated)
    return out.not_eligible(category_reason(c, ParamId::training_categories, ReasonId::not_relocated_or_covered));
  const Money daily = c.params.money(ParamId::training_daily);
  for (int i = 0; i < c.member_count; ++i) {
    const int days = h.members[i].training_days;
    if (days == 0) continue;
    const Money amount = daily * days;
    out.add(i, amount, ProgrammeOutput::make(ReasonId::training, {days, daily.fen(), amount.fen()}));
  }
  out.not_eligible(ReasonId::no_training);
}

}  // namespace zengshou::core
