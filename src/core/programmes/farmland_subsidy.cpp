// 耕地地力保护补贴 and the other per-area farm subsidies: area × yuan per mu. 000 三(三)20; 003 附件2 三.20.
#include "programme_unit.h"

namespace zengshou::core {

void farmland_subsidy_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const int64_t centimu = c.household.transfers.farmland_centimu;
  if (centimu == 0) return out.not_eligible(ReasonId::no_farmland);
  const Money per_mu = c.params.money(ParamId::farmland_per_mu);
  const Money amount = per_mu.scaled(centimu, 100);
  out.add(-1, amount, ProgrammeOutput::make(ReasonId::farmland, {centimu, per_mu.fen(), amount.fen()}));
}

}  // namespace zengshou::core
