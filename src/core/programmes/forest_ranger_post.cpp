// 生态护林员: a public-welfare post (003 附件2 一.5 names it first among them) paid by the province's yearly
// standard: months × the wage entered, never below the standard for those months (NATIONAL.md: Yunnan 9000,
// Guizhou 10000 a year, both unverified, so assumed).
#include "programme_unit.h"

namespace zengshou::core {

void forest_ranger_post_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const std::optional<Money> standard = c.params.is_set(ParamId::forest_ranger_yearly)
                                            ? std::optional(c.params.money(ParamId::forest_ranger_yearly))
                                            : std::nullopt;
  pay_jobs_with_floor(c, out, JobKind::forest_ranger, standard, 12, ReasonId::ranger_wage, ReasonId::ranger_floor);
  out.not_eligible(ReasonId::no_ranger);
}

}  // namespace zengshou::core
