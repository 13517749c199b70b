// 职业技能提升补贴证书直补: a farmer who obtains a vocational qualification by self-study or self-paid training gets
// a training subsidy "按规定" (003 附件2 三.23): the amount by level is the policy's parameter (assumed where the
// document gives none).
#include "programme_unit.h"

namespace zengshou::core {

void certificate_subsidy_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Household& h = c.household;
  if (h.category == Category::urban) return out.not_eligible(ReasonId::not_rural);
  for (int i = 0; i < c.member_count; ++i) {
    const CertificateLevel level = h.members[i].certificate;
    if (level == CertificateLevel::none) continue;
    const ParamId amount_param = level == CertificateLevel::primary        ? ParamId::certificate_primary
                                 : level == CertificateLevel::intermediate ? ParamId::certificate_intermediate
                                                                           : ParamId::certificate_advanced;
    const ReasonId why = level == CertificateLevel::primary        ? ReasonId::certificate_primary
                         : level == CertificateLevel::intermediate ? ReasonId::certificate_intermediate
                                                                   : ReasonId::certificate_advanced;
    const Money amount = c.params.money(amount_param);
    out.add(i, amount, ProgrammeOutput::make(why, {amount.fen()}));
  }
  out.not_eligible(ReasonId::no_certificate);
}

}  // namespace zengshou::core
