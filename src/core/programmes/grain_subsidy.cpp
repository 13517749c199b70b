// 实际种粮一次性补贴: the area actually sown to grain × yuan per mu, once (000 三(三)20; 003 附件2 三.20; the
// documents give no amount: assumed).
#include "programme_unit.h"

namespace zengshou::core {

void grain_subsidy_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const int64_t centimu = c.household.transfers.grain_centimu;
  if (centimu == 0) return out.not_eligible(ReasonId::no_grain);
  const Money per_mu = c.params.money(ParamId::grain_per_mu);
  const Money amount = per_mu.scaled(centimu, 100);
  out.add(-1, amount, ProgrammeOutput::make(ReasonId::grain, {centimu, per_mu.fen(), amount.fen()}));
}

}  // namespace zengshou::core
