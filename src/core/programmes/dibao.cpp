// 最低生活保障: dibao households get (local standard − per-capita income before dibao) × members, never below 0.
// 000 三(三)25; 003 附件2 三.26; NATIONAL.md. Evaluated last: the income before dibao is everything else counted.
#include "programme_unit.h"

namespace zengshou::core {

void dibao_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Household& h = c.household;
  if (!h.dibao) return out.not_eligible(ReasonId::not_dibao);
  const ParamId standard_id = h.category == Category::urban ? ParamId::dibao_urban_standard : ParamId::dibao_standard;
  if (!c.params.is_set(standard_id)) return out.not_eligible(ReasonId::no_standard);
  const Money standard = c.params.money(standard_id);
  const Money per_capita = c.net_before.divided_by(h.size());
  if (per_capita >= standard)
    return out.not_eligible(ReasonId::dibao_above_standard, {standard.fen(), per_capita.fen()});
  const Money amount = (standard - per_capita) * h.size();
  out.add(-1, amount,
          ProgrammeOutput::make(ReasonId::dibao, {standard.fen(), per_capita.fen(), h.size(), amount.fen()}));
}

}  // namespace zengshou::core
