// 退耕还林补贴: the area of returned farmland still paid for × yuan per mu a year (000 三(三)20; 003 附件2 三.20;
// the documents give no amount: assumed).
#include "programme_unit.h"

namespace zengshou::core {

void returned_farmland_subsidy_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const int64_t centimu = c.household.transfers.returned_farmland_centimu;
  if (centimu == 0) return out.not_eligible(ReasonId::no_returned_farmland);
  const Money per_mu = c.params.money(ParamId::returned_farmland_per_mu);
  const Money amount = per_mu.scaled(centimu, 100);
  out.add(-1, amount, ProgrammeOutput::make(ReasonId::returned_farmland, {centimu, per_mu.fen(), amount.fen()}));
}

}  // namespace zengshou::core
