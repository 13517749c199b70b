// 保底分红: the base each 脱贫 person gets from the asset-income projects, shared out by labour capacity (003 附件2
// 二.13 "对有劳动能力、半弱劳动能力和无劳动能力的脱贫人口实行差异化收益分配"). The document sets no ratio: the
// three shares of the base are the policy's parameters (assumed, editable).
#include "programme_unit.h"

namespace zengshou::core {

void guaranteed_dividend_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Household& h = c.household;
  const Money base = h.property.guaranteed_dividend;
  if (base == Money()) return out.not_eligible(ReasonId::no_dividend);
  if (!c.household_in(ParamId::dividend_categories))
    return out.not_eligible(category_reason(c, ParamId::dividend_categories));
  for (int i = 0; i < c.member_count; ++i) {
    const Labor labor = h.members[i].labor;
    const ParamId weight_param = labor == Labor::full   ? ParamId::dividend_weight_full
                                 : labor == Labor::weak ? ParamId::dividend_weight_weak
                                                        : ParamId::dividend_weight_none;
    const ReasonId why = labor == Labor::full   ? ReasonId::dividend_full
                         : labor == Labor::weak ? ReasonId::dividend_weak
                                                : ReasonId::dividend_none;
    const int64_t weight = c.params.raw(weight_param);  // basis points
    const Money amount = base.scaled(weight, 10000);
    out.add(i, amount, ProgrammeOutput::make(why, {base.fen(), weight, amount.fen()}));
  }
}

}  // namespace zengshou::core
