// 一次性创业补贴 (Ceheng): a first small business or self-employment that has run for a year: 5000 yuan once, for
// the people 003 附件3 7 names: "离校2年内高校毕业生、就业困难人员、农民工、复员退伍军人". The household file tells two
// of them: a graduate (school "graduate", years since leaving) and a 农民工, read as a member of a rural household;
// 就业困难人员 and 复员退伍军人 are registered statuses the file does not hold, so they are not assumed.
#include "programme_unit.h"

namespace zengshou::core {

void urban_startup_subsidy_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Money amount = c.params.money(ParamId::urban_startup_amount);
  const int graduate_years = c.params.count(ParamId::urban_startup_graduate_max_years);
  const bool rural = c.household.category != Category::urban;
  bool started_outside_groups = false;
  for (int i = 0; i < c.member_count; ++i) {
    const Member& m = c.household.members[i];
    if (!m.first_business_year || c.year - *m.first_business_year != 1) continue;
    // Years since leaving school when the business was registered, a year ago.
    const bool recent_graduate =
        m.school && m.school->level == SchoolLevel::graduate && m.school->years_since - 1 <= graduate_years;
    if (recent_graduate || rural) {
      out.add(i, amount, ProgrammeOutput::make(ReasonId::urban_startup, {*m.first_business_year, amount.fen()}));
    } else {
      started_outside_groups = true;
    }
  }
  if (started_outside_groups) return out.not_eligible(ReasonId::startup_not_in_groups, {graduate_years});
  out.not_eligible(ReasonId::no_new_business);
}

}  // namespace zengshou::core
