// 最低生活保障: dibao households get (local standard − per-capita income before dibao) × members, never below 0.
// 000 三(三)25; 003 附件2 三.26; NATIONAL.md. Evaluated last: the income before dibao is everything else counted.
// 渐退期 (000 三(三)25, "救助“渐退期”延缓半年至一年"): a dibao household whose income rose above the standard keeps
// its allowance for dibao.taper_months from the month it rose; the months that fall in the year are paid.
#include <algorithm>  // min, max

#include "programme_unit.h"

namespace zengshou::core {
namespace {

// Months are counted from year 0 (year × 12 + month − 1), so a taper can run across a new year.
int64_t taper_first_month(const DibaoTaper& t) { return int64_t{t.year} * 12 + t.month - 1; }

// The household's taper months that fall in the year; 0 without a taper.
int64_t taper_months_in_year(const Household& h, const YearParameters& params) {
  if (!h.dibao_taper) return 0;
  const int64_t first = taper_first_month(*h.dibao_taper);
  const int64_t end = first + params.raw(ParamId::dibao_taper_months);
  const int64_t year_first = int64_t{params.year()} * 12;
  return std::max<int64_t>(0, std::min(end, year_first + 12) - std::max(first, year_first));
}

}  // namespace

ParamId dibao_standard_param(const Household& h) {
  return h.category == Category::urban ? ParamId::dibao_urban_standard : ParamId::dibao_standard;
}

Money dibao_allowance(const Household& h, const YearParameters& params, Money net_before) {
  const ParamId standard_id = dibao_standard_param(h);
  if (!params.is_set(standard_id)) return {};
  const Money standard = params.money(standard_id);
  const Money per_capita = net_before.divided_by(h.size());
  if (per_capita < standard) return (standard - per_capita) * h.size();
  // Only a household already on dibao has a taper: an applicant above the standard gets nothing.
  return h.dibao && h.dibao_taper ? h.dibao_taper->monthly * taper_months_in_year(h, params) : Money();
}

void dibao_rule(const ProgrammeContext& c, ProgrammeOutput& out) {
  const Household& h = c.household;
  if (!h.dibao) return out.not_eligible(ReasonId::not_dibao);
  const ParamId standard_id = dibao_standard_param(h);
  if (!c.params.is_set(standard_id)) return out.not_eligible(ReasonId::no_standard);
  const Money standard = c.params.money(standard_id);
  const Money per_capita = c.net_before.divided_by(h.size());
  const Money amount = dibao_allowance(h, c.params, c.net_before);
  if (per_capita < standard)
    return out.add(-1, amount,
                   ProgrammeOutput::make(ReasonId::dibao, {standard.fen(), per_capita.fen(), h.size(), amount.fen()}));
  if (amount > Money())
    return out.add(
        -1, amount,
        ProgrammeOutput::make(ReasonId::dibao_taper, {per_capita.fen(), standard.fen(), h.dibao_taper->monthly.fen(),
                                                      taper_months_in_year(h, c.params)}));
  const int64_t taper_months = c.params.raw(ParamId::dibao_taper_months);
  if (h.dibao_taper && taper_months > 0) {
    const int64_t last = taper_first_month(*h.dibao_taper) + taper_months - 1;
    if (last < int64_t{c.year} * 12)
      return out.not_eligible(ReasonId::dibao_taper_ended, {last / 12, last % 12 + 1, taper_months});
  }
  out.not_eligible(ReasonId::dibao_above_standard, {standard.fen(), per_capita.fen()});
}

}  // namespace zengshou::core
