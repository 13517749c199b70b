// 乡村公益性岗位: months × the wage entered, never below the county's monthly floor.
// 000 三(一)4 (Changning: ≥800 yuan/person/month); 003 附件2 一.5.
#include "programme_unit.h"

namespace zengshou::core {

void public_welfare_post_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  if (!c.jobs.worked(JobKind::public_welfare_post)) return out.not_eligible(ReasonId::no_post);  // nobody holds one
  const bool has_floor = c.params.is_set(ParamId::post_monthly_floor);
  const Money floor = c.params.money(ParamId::post_monthly_floor);
  for (int i = 0; i < c.member_count; ++i) {
    for (const Job& job : c.household.members[i].jobs) {
      if (job.kind != JobKind::public_welfare_post || job.months == 0) continue;
      if (has_floor && job.monthly_wage < floor) {
        const Money pay = floor * job.months;
        out.add(
            i, pay,
            ProgrammeOutput::make(ReasonId::post_floor, {job.months, job.monthly_wage.fen(), pay.fen(), floor.fen()}));
      } else {
        const Money pay = job.monthly_wage * job.months;
        out.add(i, pay, ProgrammeOutput::make(ReasonId::post_wage, {job.months, job.monthly_wage.fen(), pay.fen()}));
      }
    }
  }
  out.not_eligible(ReasonId::no_post);
}

}  // namespace zengshou::core
