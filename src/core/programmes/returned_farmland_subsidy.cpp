// 退耕还林补贴: the area of returned farmland still paid for × yuan per mu a year (000 三(三)20; 003 附件2 三.20;
// the documents give no amount: assumed).
#include "programme_unit.h"

namespace zengshou::core {

void returned_farmland_subsidy_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  pay_per_mu(c, out, c.household.transfers.returned_farmland_centimu, ParamId::returned_farmland_per_mu,
             ReasonId::returned_farmland, ReasonId::no_returned_farmland);
}

}  // namespace zengshou::core
