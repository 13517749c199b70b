// 乡村公益性岗位: months × the wage entered, never below the county's monthly floor.
// 000 三(一)4 (Changning: ≥800 yuan/person/month); 003 附件2 一.5.
#include "programme_unit.h"

namespace zengshou::core {

void pay_jobs_with_floor(const ProgrammeContext& c, ProgrammeOutput& out, JobKind kind, std::optional<Money> floor,
                         int floor_months, ReasonId at_wage, ReasonId at_floor) {
  for (int i = 0; i < c.household.member_count(); ++i) {
    for (const Job& job : c.household.members[i].jobs) {
      if (job.kind != kind || job.months == 0) continue;
      const Money wage_pay = job.monthly_wage * job.months;
      const Money floor_pay = floor ? floor->scaled(job.months, floor_months) : Money();
      const bool at_floor_pay = floor && wage_pay < floor_pay;
      const Money pay = at_floor_pay ? floor_pay : wage_pay;
      out.add(i, pay,
              ProgrammeOutput::make(at_floor_pay ? at_floor : at_wage,
                                    {job.months, job.monthly_wage.fen(), pay.fen(), floor ? floor->fen() : 0}));
    }
  }
}

void public_welfare_post_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const std::optional<Money> floor = c.params.is_set(ParamId::post_monthly_floor)
                                         ? std::optional(c.params.money(ParamId::post_monthly_floor))
                                         : std::nullopt;
  pay_jobs_with_floor(c, out, JobKind::public_welfare_post, floor, 1, ReasonId::post_wage, ReasonId::post_floor);
  out.not_eligible(ReasonId::no_post);
}

}  // namespace zengshou::core
