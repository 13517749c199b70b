// 临时救助: emergency, transitional help for a household in sudden hardship that other assistance does not cover
// (000 三(三)25 "给予应急性、过渡性临时救助"). No document sets an amount: the one granted is entered; where there
// is none, a sudden event or unavoidable spending says the household may apply. One-off.
#include "programme_unit.h"

namespace zengshou::core {

void temporary_assistance_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Household& h = c.household;
  const Money granted = h.transfers.temporary_assistance;
  if (granted > Money())
    return out.add(-1, granted, ProgrammeOutput::make(ReasonId::temporary_assistance, {granted.fen()}));
  out.not_eligible(h.sudden_event || h.expenses.any() ? ReasonId::temporary_assistance_may_apply
                                                      : ReasonId::no_temporary_hardship);
}

}  // namespace zengshou::core
