#include "format.h"

#include <cstdio>  // snprintf

#include "core/household.h"
#include "strings.h"

namespace zengshou::app {

core::Language core_language() { return language() == Language::zh_CN ? core::Language::zh : core::Language::en; }

std::string money_text(core::Money m) {
  const int64_t fen = m.fen() < 0 ? -m.fen() : m.fen();
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%s%lld.%02lld", m.fen() < 0 ? "-" : "", static_cast<long long>(fen / 100),
                static_cast<long long>(fen % 100));
  return buffer;
}

std::string reason_text(const core::Reason& r) { return core::render(r, core_language()); }

std::string param_value_text(core::ParamId id, const core::ResolvedParam& p) {
  if (!p.value) return tr(Str::not_set);
  const core::Unit unit = core::info(id).unit;
  switch (unit) {
    case core::Unit::flag:
      return tr(*p.value ? Str::yes : Str::no);
    case core::Unit::categories: {
      std::string out;
      for (size_t i = 0; i < core::category_names.size(); ++i) {
        if ((*p.value & (int64_t{1} << i)) == 0) continue;
        if (!out.empty()) out += language() == Language::zh_CN ? "、" : ", ";
        out += core::category_label(i, core_language());
      }
      return out;
    }
    default:
      break;
  }
  constexpr Str unit_labels[] = {Str::unit_yuan,        Str::unit_yuan_per_month, Str::unit_yuan_per_day,
                                 Str::unit_yuan_per_mu, Str::unit_yuan_per_year,  Str::unit_yuan_per_person_year,
                                 Str::unit_percent,     Str::unit_months,         Str::unit_years};
  const std::string number = core::is_money(unit) || unit == core::Unit::percent
                                 ? core::Money::fen(*p.value).yuan_text()
                                 : std::to_string(*p.value);
  return number + (unit == core::Unit::percent ? "" : " ") + tr(unit_labels[static_cast<size_t>(unit)]);
}

}  // namespace zengshou::app
