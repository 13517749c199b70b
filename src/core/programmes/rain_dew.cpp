// 雨露计划: students of 脱贫 or monitored households in secondary or higher vocational or technical schools:
// 3000 yuan/student/year; east–west cooperation places 5000. 000 三(三)21; 003 附件4 二.7.
#include "programme_unit.h"

namespace zengshou::core {

bool is_vocational(SchoolLevel level) {
  return level == SchoolLevel::secondary_vocational || level == SchoolLevel::higher_vocational ||
         level == SchoolLevel::technical;
}

void rain_dew_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  if (!c.household_in(ParamId::rain_dew_categories))
    return out.not_eligible(category_reason(c, ParamId::rain_dew_categories));
  for (int i = 0; i < c.member_count; ++i) {
    const auto& school = c.household.members[i].school;
    if (!school || !is_vocational(school->level)) continue;
    const bool east_west = school->east_west;
    const Money amount = c.params.money(east_west ? ParamId::rain_dew_east_west_amount : ParamId::rain_dew_amount);
    out.add(i, amount,
            ProgrammeOutput::make(east_west ? ReasonId::rain_dew_east_west : ReasonId::rain_dew, {amount.fen()}));
  }
  out.not_eligible(ReasonId::no_vocational_student);
}

}  // namespace zengshou::core
