// 一次性求职创业补贴: first organised labour export to a job outside the home county, for "脱贫人口、农村低收入
// 人口、易地搬迁人口" (003 附件2 三.24): 500 or 1000 yuan once (in-province 500, out-of-province 1000: the split is
// assumed).
#include "programme_unit.h"

namespace zengshou::core {

bool job_seeking_covers(const Household& h, const YearParameters& params) {
  // 农村低收入人口: the monitored categories, and dibao and tekun households that are rural, not urban ones.
  const bool rural_low_income = h.category != Category::urban && (h.dibao || h.tekun);
  return contains(params.categories(ParamId::job_seeking_categories), h.category) || rural_low_income || h.relocated;
}

void job_seeking_subsidy_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Household& h = c.household;
  if (!job_seeking_covers(h, c.params))
    return out.not_eligible(category_reason(c, ParamId::job_seeking_categories, ReasonId::not_low_income));
  if (!c.jobs.worked(JobKind::out_of_province) && !c.jobs.worked(JobKind::in_province))
    return out.not_eligible(ReasonId::no_organized_export);
  for (int i = 0; i < c.member_count; ++i) {
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
