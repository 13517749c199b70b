// 脱贫家庭高校毕业生考试报名费报销: graduates of 脱贫 households, within two years of graduating: the exam fees
// they paid are refunded. 000 三(三)26.
#include "programme_unit.h"

namespace zengshou::core {

void graduate_exam_fee_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  if (!c.household_in(ParamId::exam_fee_categories))
    return out.not_eligible(category_reason(c, ParamId::exam_fee_categories));
  const int max_years = c.params.count(ParamId::exam_fee_max_years);
  for (int i = 0; i < c.member_count; ++i) {
    const auto& school = c.household.members[i].school;
    if (!school || school->level != SchoolLevel::graduate || school->years_since > max_years ||
        school->exam_fees == Money())
      continue;
    out.add(i, school->exam_fees,
            ProgrammeOutput::make(ReasonId::exam_fee, {school->years_since, school->exam_fees.fen()}));
  }
  out.not_eligible(ReasonId::no_recent_graduate, {max_years});
}

}  // namespace zengshou::core
