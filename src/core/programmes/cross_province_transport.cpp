// 跨省务工一次性交通补贴: 脱贫 (and monitored) labour working out of the province, once a year. The seeds give no
// amount: the parameters follow NATIONAL.md's Qingzhen example (assumed). 000 三(三)23; 003 附件2 三.24.
#include "programme_unit.h"

namespace zengshou::core {

void cross_province_transport_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  if (!c.household_in(ParamId::transport_categories))
    return out.not_eligible(category_reason(c, ParamId::transport_categories));
  if (!c.jobs.worked(JobKind::out_of_province)) return out.not_eligible(ReasonId::no_out_of_province_job);
  const auto& last_year = c.household.last_year_per_capita_net;
  const bool low_income = last_year && c.params.is_set(ParamId::transport_low_income_below) &&
                          *last_year < c.params.money(ParamId::transport_low_income_below);
  const Money amount = c.params.money(low_income ? ParamId::transport_amount_low_income : ParamId::transport_amount);
  const Reason reason =
      low_income
          ? ProgrammeOutput::make(ReasonId::transport_low_income,
                                  {amount.fen(), last_year->fen(), c.params.raw(ParamId::transport_low_income_below)})
          : ProgrammeOutput::make(ReasonId::transport, {amount.fen()});
  for (int i = 0; i < c.member_count; ++i) {
    for (const Job& job : c.household.members[i].jobs) {
      if (job.kind != JobKind::out_of_province || job.months == 0) continue;
      out.add(i, amount, reason);
      break;  // once a person a year
    }
  }
  out.not_eligible(ReasonId::no_out_of_province_job);
}

}  // namespace zengshou::core
