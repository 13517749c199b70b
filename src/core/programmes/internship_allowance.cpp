// 就业见习生活补助: the internship's allowance, never below the local minimum wage (003 附件3 15 "见习人员基本生活
// 补助标准不低于当地最低工资标准"); where a policy sets no minimum, the allowance as entered.
#include "programme_unit.h"

namespace zengshou::core {

void internship_allowance_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const std::optional<Money> minimum = c.params.is_set(ParamId::internship_minimum_wage)
                                           ? std::optional(c.params.money(ParamId::internship_minimum_wage))
                                           : std::nullopt;
  pay_jobs_with_floor(c, out, JobKind::internship, minimum, 1, ReasonId::internship_wage, ReasonId::internship_floor);
  out.not_eligible(ReasonId::no_internship);
}

}  // namespace zengshou::core
