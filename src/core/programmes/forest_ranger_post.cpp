// 生态护林员: a public-welfare post (003 附件2 一.5 names it first among them), paid the pay entered; where none was
// entered, the province's yearly standard for the months (NATIONAL.md: Yunnan 9000, Guizhou 10000 a year, both
// unverified, so assumed). No document sets a floor, so an entered pay is never raised to the standard.
#include "programme_unit.h"

namespace zengshou::core {

void forest_ranger_post_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  if (!c.jobs.worked(JobKind::forest_ranger)) return out.not_eligible(ReasonId::no_ranger);  // nobody is one
  const bool has_standard = c.params.is_set(ParamId::forest_ranger_yearly);
  const Money standard = c.params.money(ParamId::forest_ranger_yearly);
  bool unpaid = false;  // a ranger with no pay entered where the policy has no standard either
  for (int i = 0; i < c.member_count; ++i) {
    for (const Job& job : c.household.members[i].jobs) {
      if (job.kind != JobKind::forest_ranger || job.months == 0) continue;
      const bool by_standard = job.monthly_wage == Money();
      if (by_standard && !has_standard) {
        unpaid = true;
        continue;
      }
      const Money pay = by_standard ? standard.scaled(job.months, 12) : job.monthly_wage * job.months;
      out.add(i, pay,
              ProgrammeOutput::make(by_standard ? ReasonId::ranger_standard : ReasonId::ranger_wage,
                                    {job.months, job.monthly_wage.fen(), pay.fen(), standard.fen()}));
    }
  }
  out.not_eligible(unpaid ? ReasonId::ranger_no_pay : ReasonId::no_ranger);
}

}  // namespace zengshou::core
