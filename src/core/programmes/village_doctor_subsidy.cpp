// 村医财政定额补助的提高部分: 200 yuan more a month for each village doctor (003 附件2 一.6 "村医每人每月财政定额
// 补助提高200元"). The doctor's pay as entered is wage income; this is the raise on top of it, so a change of policy
// shows what the raise is worth.
#include "programme_unit.h"

namespace zengshou::core {

void village_doctor_subsidy_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  if (!c.jobs.worked(JobKind::village_doctor)) return out.not_eligible(ReasonId::no_village_doctor);
  const Money monthly = c.params.money(ParamId::village_doctor_monthly);
  for (int i = 0; i < c.member_count; ++i) {
    for (const Job& job : c.household.members[i].jobs) {
      if (job.kind != JobKind::village_doctor || job.months == 0) continue;
      const Money amount = monthly * job.months;
      out.add(i, amount, ProgrammeOutput::make(ReasonId::village_doctor, {job.months, monthly.fen(), amount.fen()}));
    }
  }
  out.not_eligible(ReasonId::no_village_doctor);
}

}  // namespace zengshou::core
