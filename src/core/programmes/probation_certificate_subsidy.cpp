// 企业新吸纳脱贫劳动力见习期取证补助: labour newly hired by a county firm who obtains a certificate within
// the 3-month probation: 1000 yuan/person/month for the probation months. 000 三(一)1 says "对辖区内企业新吸纳
// 就业的脱贫劳动力": only a job in the county (`local`) counts; work outside it does not, whatever the certificate.
#include <algorithm>  // min

#include "programme_unit.h"

namespace zengshou::core {

void probation_certificate_subsidy_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  if (!c.household_in(ParamId::probation_categories))
    return out.not_eligible(category_reason(c, ParamId::probation_categories));
  if (!c.jobs.any_probation_certificate) return out.not_eligible(ReasonId::no_probation);
  const Money monthly = c.params.money(ParamId::probation_monthly);
  const int max_months = c.params.count(ParamId::probation_max_months);
  bool outside_county = false;  // a certificate entered, but for work the clause does not name
  for (int i = 0; i < c.member_count; ++i) {
    for (const Job& job : c.household.members[i].jobs) {
      if (job.probation_certificate_months == 0) continue;
      if (job.kind != JobKind::local) {
        outside_county = true;
        continue;
      }
      const int months = std::min(job.probation_certificate_months, max_months);
      const Money amount = monthly * months;
      out.add(i, amount, ProgrammeOutput::make(ReasonId::probation, {months, monthly.fen(), amount.fen()}));
    }
  }
  out.not_eligible(outside_county ? ReasonId::probation_not_in_county : ReasonId::no_probation);
}

}  // namespace zengshou::core
