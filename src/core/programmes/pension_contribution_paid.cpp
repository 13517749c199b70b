// 政府代缴养老保险费: for members of dibao and tekun households and the severely disabled, of contributing age,
// the government pays the minimum tier. Not cash. 003 附件2 三.25; 000 三(三)24.
#include "programme_unit.h"

namespace zengshou::core {

void pension_contribution_paid_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Household& h = c.household;
  const int pension_age = c.params.count(ParamId::pension_age);
  const Money tier = c.params.money(ParamId::pension_paid_tier);
  for (int i = 0; i < c.member_count; ++i) {
    const Member& m = h.members[i];
    const int age = m.age_in(c.year);
    if (age < c.params.count(ParamId::working_age_from) || age >= pension_age) continue;
    const bool severe = m.disability_grade == 1 || m.disability_grade == 2;
    if (h.dibao)
      out.add(i, tier, ProgrammeOutput::make(ReasonId::contribution_paid_dibao, {tier.fen()}));
    else if (h.tekun)
      out.add(i, tier, ProgrammeOutput::make(ReasonId::contribution_paid_tekun, {tier.fen()}));
    else if (severe)
      out.add(i, tier, ProgrammeOutput::make(ReasonId::contribution_paid_disabled, {tier.fen(), m.disability_grade}));
  }
  out.not_eligible(ReasonId::no_paid_contribution, {pension_age});
}

}  // namespace zengshou::core
