// 一次性求职创业补贴: first organised labour export to a job outside the home county, for 脱贫, low-income
// (monitored, dibao, tekun) and relocated people: 500 or 1000 yuan once (in-province 500, out-of-province 1000:
// the split is assumed). 003 附件2 三.24.
#include "programme_unit.h"

namespace zengshou::core {

void job_seeking_subsidy_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Household& h = c.household;
  if (!c.household_in(ParamId::job_seeking_categories) && !h.relocated && !h.dibao && !h.tekun)
    return out.not_eligible(category_reason(c, ParamId::job_seeking_categories, ReasonId::not_low_income));
  for (int i = 0; i < h.size(); ++i) {
    for (const Job& job : h.members[i].jobs) {
      if (!job.first_organized_export || job.months == 0) continue;
      if (job.kind == JobKind::out_of_province) {
        const Money amount = c.params.money(ParamId::job_seeking_out_of_province);
        out.add(i, amount, ProgrammeOutput::make(ReasonId::job_seeking_out, {amount.fen()}));
        break;
      }
      if (job.kind == JobKind::in_province) {
        const Money amount = c.params.money(ParamId::job_seeking_in_province);
        out.add(i, amount, ProgrammeOutput::make(ReasonId::job_seeking_in, {amount.fen()}));
        break;
      }
    }
  }
  out.not_eligible(ReasonId::no_organized_export);
}

}  // namespace zengshou::core
