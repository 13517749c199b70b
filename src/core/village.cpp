#include "village.h"

#include <algorithm>  // sort, stable_sort
#include <numeric>    // iota
#include <utility>    // pair

#include "engine.h"

namespace zengshou::core {

VillageRun run_village(const std::vector<Household>& households, const YearParameters& params) {
  VillageRun run;
  VillageSummary& s = run.summary;
  run.households.reserve(households.size());
  run.monitoring_line = params.money(ParamId::line_monitoring);
  run.policy_line = params.money(ParamId::line_policy);
  Money total_net;
  for (const Household& h : households) {
    const Result r = evaluate(h, params, {.suggestions = false});
    HouseholdOutcome o{r.income.per_capita_net, r.income.net, Money(), r.size};
    ++s.households;
    s.people += r.size;
    total_net += r.income.net;
    for (const LineResult& line : r.lines) {
      if (line.per_capita_gap == Money()) continue;
      if (line.id == LineId::monitoring) {
        o.below_monitoring_line = true;
        ++s.below_monitoring_line;
        s.people_below_monitoring_line += r.size;
        s.poverty_gap_total += line.household_gap;
      } else if (line.id == LineId::policy) {
        o.below_policy_line = true;
        ++s.below_policy_line;
        s.people_below_policy_line += r.size;
      }
    }
    for (size_t i = 0; i < programme_count; ++i) {
      if (!r.programmes[i].eligible) continue;
      s.programme_totals[i] += r.programmes[i].amount;
      ++s.programme_recipients[i];
      o.programme_total += r.programmes[i].amount;
    }
    s.programme_cost += o.programme_total;
    run.households.push_back(o);
  }
  if (s.people == 0) return run;
  s.mean_per_capita_net = total_net.divided_by(s.people);
  if (s.people_below_monitoring_line > 0)
    s.poverty_gap_mean = s.poverty_gap_total.divided_by(s.people_below_monitoring_line);
  std::vector<std::pair<Money, int>> per_capita;  // each household's per-capita net and size, for the median
  per_capita.reserve(run.households.size());
  for (const HouseholdOutcome& o : run.households) per_capita.emplace_back(o.per_capita_net, o.size);
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
  return run;
}

VillageSummary summarise_village(const std::vector<Household>& households, const YearParameters& params) {
  return run_village(households, params).summary;
}

VillageComparison compare_villages(const VillageRun& baseline, const VillageRun& reform) {
  VillageComparison c;
  const size_t n = std::min(baseline.households.size(), reform.households.size());
  std::vector<size_t> ranks(n);
  std::iota(ranks.begin(), ranks.end(), size_t{0});
  std::stable_sort(ranks.begin(), ranks.end(), [&](size_t a, size_t b) {
    return baseline.households[a].per_capita_net < baseline.households[b].per_capita_net;
  });
  for (size_t rank = 0; rank < n; ++rank) {
    const HouseholdOutcome& before = baseline.households[ranks[rank]];
    const HouseholdOutcome& after = reform.households[ranks[rank]];
    DecileChange& d = c.deciles[rank * 10 / n];
    if (d.households == 0) d.baseline_low = before.per_capita_net;
    d.baseline_high = before.per_capita_net;
    ++d.households;
    d.people += before.size;
    d.net_change += after.net - before.net;
    if (after.per_capita_net > before.per_capita_net) ++d.winners;
    if (after.per_capita_net < before.per_capita_net) ++d.losers;
    c.cost += after.programme_total - before.programme_total;
    if (before.below_monitoring_line && !after.below_monitoring_line) c.people_lifted += before.size;
    if (!before.below_monitoring_line && after.below_monitoring_line) c.people_fallen += before.size;
  }
  for (const DecileChange& d : c.deciles) {
    c.winners += d.winners;
    c.losers += d.losers;
  }
  if (c.cost > Money() && c.people_lifted > 0) {
    c.has_cost_per_person_lifted = true;
    c.cost_per_person_lifted = c.cost.divided_by(c.people_lifted);
  }
  return c;
}

std::vector<int> per_capita_histogram(const VillageRun& run, Money width, int bins) {
  std::vector<int> people(static_cast<size_t>(std::max(bins, 1)), 0);
  if (width <= Money()) return people;
  for (const HouseholdOutcome& o : run.households) {
    const int64_t bin = o.per_capita_net < Money() ? 0 : o.per_capita_net.fen() / width.fen();
    people[static_cast<size_t>(std::min<int64_t>(bin, static_cast<int64_t>(people.size()) - 1))] += o.size;
  }
  return people;
}

}  // namespace zengshou::core
