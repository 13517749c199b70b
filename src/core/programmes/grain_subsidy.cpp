// 实际种粮一次性补贴: the area actually sown to grain × yuan per mu, once (000 三(三)20; 003 附件2 三.20; the
// documents give no amount: assumed).
#include "programme_unit.h"

namespace zengshou::core {

void grain_subsidy_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  pay_per_mu(c, out, c.household.transfers.grain_centimu, ParamId::grain_per_mu, ReasonId::grain, ReasonId::no_grain);
}

}  // namespace zengshou::core
