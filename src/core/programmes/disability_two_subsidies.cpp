// 残疾人两项补贴: 困难残疾人生活补贴 for disabled members of dibao households; 重度残疾人护理补贴 for grades 1–2.
// 003 附件2 三.26. Amounts unverified: parameters, assumed.
#include "programme_unit.h"

namespace zengshou::core {

void disability_two_subsidies_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Money living = c.params.money(ParamId::disability_living_monthly) * 12;
  const Money care = c.params.money(ParamId::disability_care_monthly) * 12;
  bool anyone_disabled = false;
  for (int i = 0; i < c.member_count; ++i) {
    const int grade = c.household.members[i].disability_grade;
    if (grade == 0) continue;
    anyone_disabled = true;
    const bool gets_living = c.household.dibao;
    const bool gets_care = grade <= 2;
    if (gets_living && gets_care)
      out.add(
          i, living + care,
          ProgrammeOutput::make(ReasonId::disability_both, {grade, living.fen(), care.fen(), (living + care).fen()}));
    else if (gets_living)
      out.add(i, living, ProgrammeOutput::make(ReasonId::disability_living, {grade, living.fen()}));
    else if (gets_care)
      out.add(i, care, ProgrammeOutput::make(ReasonId::disability_care, {grade, care.fen()}));
  }
  out.not_eligible(anyone_disabled ? ReasonId::disabled_not_covered : ReasonId::no_disabled_member);
}

}  // namespace zengshou::core
