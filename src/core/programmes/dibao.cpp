// 最低生活保障: dibao households get (local standard − per-capita income before dibao) × members, never below 0.
// 000 三(三)25; 003 附件2 三.26; NATIONAL.md. Evaluated last: the income before dibao is everything else counted.
#include "programme_unit.h"

namespace zengshou::core {

ParamId dibao_standard_param(const Household& h) {
  return h.category == Category::urban ? ParamId::dibao_urban_standard : ParamId::dibao_standard;
}

Money dibao_allowance(const Household& h, const YearParameters& params, Money net_before) {
  const ParamId standard_id = dibao_standard_param(h);
  if (!params.is_set(standard_id)) return {};
  const Money standard = params.money(standard_id);
  const Money per_capita = net_before.divided_by(h.size());
  return per_capita < standard ? (standard - per_capita) * h.size() : Money();
}

void dibao_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Household& h = c.household;
  if (!h.dibao) return out.not_eligible(ReasonId::not_dibao);
  const ParamId standard_id = dibao_standard_param(h);
  if (!c.params.is_set(standard_id)) return out.not_eligible(ReasonId::no_standard);
  const Money standard = c.params.money(standard_id);
  const Money per_capita = c.net_before.divided_by(h.size());
  const Money amount = dibao_allowance(h, c.params, c.net_before);
  if (amount == Money()) return out.not_eligible(ReasonId::dibao_above_standard, {standard.fen(), per_capita.fen()});
  out.add(-1, amount,
          ProgrammeOutput::make(ReasonId::dibao, {standard.fen(), per_capita.fen(), h.size(), amount.fen()}));
}

}  // namespace zengshou::core
