// 就业见习生活补助: the allowance the host pays is wage income as entered; where it is below the local minimum wage,
// the programme makes up the difference (003 附件3 15 "见习人员基本生活补助标准不低于当地最低工资标准"). 附件3 is
// Ceheng's plan for urban residents, but the 《贵州省就业见习管理暂行办法》 it carries out is for every intern.
#include "programme_unit.h"

namespace zengshou::core {

void internship_allowance_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  if (!c.params.is_set(ParamId::internship_minimum_wage)) return out.not_eligible(ReasonId::no_standard);
  const Money minimum = c.params.money(ParamId::internship_minimum_wage);
  out.not_eligible(ReasonId::no_internship);
  if (!c.jobs.worked(JobKind::internship)) return;
  for (int i = 0; i < c.member_count; ++i) {
    for (const Job& job : c.household.members[i].jobs) {
      if (job.kind != JobKind::internship || job.months == 0) continue;
      if (job.monthly_wage >= minimum) {  // nothing to make up: said, not paid
        out.not_eligible(ReasonId::internship_at_minimum, {job.months, job.monthly_wage.fen(), 0, minimum.fen()});
        continue;
      }
      const Money top_up = (minimum - job.monthly_wage) * job.months;
      out.add(i, top_up,
              ProgrammeOutput::make(ReasonId::internship_top_up,
                                    {job.months, job.monthly_wage.fen(), top_up.fen(), minimum.fen()}));
    }
  }
}

}  // namespace zengshou::core
