// 小额信贷贴息: the share of a 脱贫人口小额信贷 loan's interest the government pays back (000 三(二)17 "按季度拨付
// 贷款财政贴息资金并及时兑付到农户"): principal (up to the cap) × yearly rate × months/12 × share. The interest is a
// production cost, so the subsidy lowers that cost: the production stream, never income of its own.
#include "programme_unit.h"

namespace zengshou::core {

void microcredit_interest_subsidy_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Household& h = c.household;
  if (!h.microcredit || h.microcredit->principal == Money() || h.microcredit->months == 0)
    return out.not_eligible(ReasonId::no_microcredit);
  if (!c.household_in(ParamId::microcredit_categories))
    return out.not_eligible(category_reason(c, ParamId::microcredit_categories));
  const Microcredit& loan = *h.microcredit;
  const bool capped = c.params.is_set(ParamId::microcredit_max_principal) &&
                      loan.principal > c.params.money(ParamId::microcredit_max_principal);
  const Money principal = capped ? c.params.money(ParamId::microcredit_max_principal) : loan.principal;
  const int64_t share = c.params.raw(ParamId::microcredit_share);  // basis points
  // principal × rate/10000 × months/12 × share/10000, rounded once
  const Money amount = principal.scaled(loan.rate_basis_points * loan.months * share, int64_t{10000} * 12 * 10000);
  out.add(-1, amount,
          ProgrammeOutput::make(capped ? ReasonId::microcredit_capped : ReasonId::microcredit,
                                {principal.fen(), loan.rate_basis_points, loan.months, share, amount.fen()}));
}

}  // namespace zengshou::core
