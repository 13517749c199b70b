// 耕地地力保护补贴 and the other per-area farm subsidies: area × yuan per mu. 000 三(三)20; 003 附件2 三.20.
#include "programme_unit.h"

namespace zengshou::core {

void pay_per_mu(const ProgrammeContext& c, ProgrammeOutput& out, int64_t centimu, ParamId per_mu, ReasonId paid,
                ReasonId none) {
  if (centimu == 0) return out.not_eligible(none);
  const Money rate = c.params.money(per_mu);
  const Money amount = rate.scaled(centimu, 100);
  out.add(-1, amount, ProgrammeOutput::make(paid, {centimu, rate.fen(), amount.fen()}));
}

void farmland_subsidy_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  pay_per_mu(c, out, c.household.transfers.farmland_centimu, ParamId::farmland_per_mu, ReasonId::farmland,
             ReasonId::no_farmland);
}

}  // namespace zengshou::core
