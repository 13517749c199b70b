// 困难高校毕业生一次性求职创业补贴 (Ceheng, urban): graduates of households in hardship (dibao, tekun, or with a
// disabled member): 1000 yuan once. 003 附件3 16.
#include "programme_unit.h"

namespace zengshou::core {

void urban_graduate_job_seeking_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Household& h = c.household;
  if (h.category != Category::urban) return out.not_eligible(ReasonId::not_urban);
  const int max_years = c.params.count(ParamId::urban_graduate_max_years);
  bool hardship = h.dibao || h.tekun;
  for (const Member& m : h.members) hardship = hardship || m.disability_grade > 0;
  if (hardship) {
    const Money amount = c.params.money(ParamId::urban_graduate_amount);
    for (int i = 0; i < c.member_count; ++i) {
      const auto& school = h.members[i].school;
      if (school && school->level == SchoolLevel::graduate && school->years_since <= max_years)
        out.add(i, amount, ProgrammeOutput::make(ReasonId::urban_graduate, {school->years_since, amount.fen()}));
    }
  }
  out.not_eligible(ReasonId::no_hardship_graduate, {max_years});
}

}  // namespace zengshou::core
