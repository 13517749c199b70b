#include "village.h"

#include <algorithm>  // sort
#include <utility>    // pair

#include "engine.h"

namespace zengshou::core {

VillageSummary summarise_village(const std::vector<Household>& households, const YearParameters& params) {
  VillageSummary s;
  Money total_net;
  std::vector<std::pair<Money, int>> per_capita;  // each household's per-capita net and size, for the median
  per_capita.reserve(households.size());
  for (const Household& h : households) {
    const Result r = evaluate(h, params, {.suggestions = false});
    ++s.households;
    s.people += r.size;
    total_net += r.income.net;
    per_capita.emplace_back(r.income.per_capita_net, r.size);
    for (const LineResult& line : r.lines) {
      if (line.per_capita_gap == Money()) continue;
      if (line.id == LineId::monitoring) {
        ++s.below_monitoring_line;
        s.people_below_monitoring_line += r.size;
        s.poverty_gap_total += line.household_gap;
      } else if (line.id == LineId::policy) {
        ++s.below_policy_line;
        s.people_below_policy_line += r.size;
      }
    }
    for (size_t i = 0; i < programme_count; ++i) {
      if (!r.programmes[i].eligible) continue;
      s.programme_totals[i] += r.programmes[i].amount;
      ++s.programme_recipients[i];
    }
  }
  if (s.people == 0) return s;
  s.mean_per_capita_net = total_net.divided_by(s.people);
  std::sort(per_capita.begin(), per_capita.end());
  const int middle = (s.people - 1) / 2;  // 0-based index of the middle person
  int seen = 0;
  for (const auto& [value, size] : per_capita) {
    seen += size;
    if (seen > middle) {
      s.median_per_capita_net = value;
      break;
    }
  }
  return s;
}

}  // namespace zengshou::core
