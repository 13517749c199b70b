#include "village.h"

#include <algorithm>  // nth_element, stable_sort
#include <bit>        // the programmes that paid, as bits
#include <numeric>    // iota
#include <string>     // where an overflow is
#include <utility>    // pair

#include "engine.h"
#include "programmes/registry.h"

namespace zengshou::core {

static_assert(programme_count <= 32, "programme sets below are 32-bit masks");
namespace {

// The per-capita net of the middle person (the lower middle for an even count), each household counting once per
// member. A weighted quickselect: linear on average, where sorting a 100 000-household village was a tenth of a
// re-run.
Money person_median(const std::vector<HouseholdOutcome>& households, int people) {
  std::vector<std::pair<Money, int>> values;  // per-capita net and size
  values.reserve(households.size());
  for (const HouseholdOutcome& o : households) values.emplace_back(o.per_capita_net, o.size);
  const int middle = (people - 1) / 2;  // 0-based index of the middle person
  // A quickselect weighted by people: each round splits the range around a pivot income into below, at and above it
  // (one pass), and keeps the part that holds the middle person.
  auto low = values.begin(), high = values.end();
  int before = 0;  // people in the households ranked below `low`
  while (high - low > 1) {
    const Money a = low->first, b = (low + (high - low) / 2)->first, c = (high - 1)->first;
    const Money pivot = std::max(std::min(a, b), std::min(std::max(a, b), c));  // the median of three
    const auto at = std::partition(low, high, [&](const auto& v) { return v.first < pivot; });
    const auto above = std::partition(at, high, [&](const auto& v) { return !(pivot < v.first); });
    int below = 0, same = 0;
    for (auto it = low; it != at; ++it) below += it->second;
    for (auto it = at; it != above; ++it) same += it->second;
    if (before + below > middle) {
      high = at;
    } else if (before + below + same > middle) {
      return pivot;
    } else {
      before += below + same;
      low = above;
    }
  }
  return low->first;
}

// Which lines are for a household (line_scope), the monitoring line's and the policy's.
struct LinesFor {
  bool monitoring = true;
  bool policy = true;
};

LinesFor lines_for(const Household& h, const YearParameters& params, Money net_before_dibao) {
  return {line_scope(LineId::monitoring, h, params, net_before_dibao).applies,
          line_scope(LineId::policy, h, params, net_before_dibao).applies};
}

// One household's outcome in a run: its lines (as the engine draws them: below when the per-capita net is under a
// line the policy sets and the line is for the household), its monitoring verdict and what the programmes paid it.
HouseholdOutcome outcome_of(const VillageRun& run, const Household& h, const YearParameters& params, Money net,
                            LinesFor lines, const std::array<Money, programme_count>& amounts, uint32_t paid) {
  const int size = h.size();
  HouseholdOutcome o{net.divided_by(size), net, Money(), size};
  const bool monitoring_applies = run.has_monitoring_line && lines.monitoring;
  o.monitoring = monitoring_verdict(h, net, o.per_capita_net,
                                    monitoring_applies ? std::optional(run.monitoring_line) : std::nullopt, params,
                                    o.per_capita_net > run.monitoring_line);
  o.monitored = is_monitored(h) && monitoring_applies;
  o.below_monitoring_line = monitoring_applies && o.per_capita_net < run.monitoring_line;
  o.below_policy_line = run.has_policy_line && lines.policy && o.per_capita_net < run.policy_line;
  for (uint32_t bits = paid; bits != 0; bits &= bits - 1) o.programme_total += amounts[std::countr_zero(bits)];
  return o;
}

// Adds a household's outcome to the run's summary, or (`sign` −1) takes it away again.
void tally(VillageRun& run, const HouseholdOutcome& o, const std::array<Money, programme_count>& amounts, uint32_t paid,
           int sign) {
  VillageSummary& s = run.summary;
  const auto add = [sign](Money& to, Money amount) { to = sign > 0 ? to + amount : to - amount; };
  s.monitoring_enter += sign * (o.monitoring == MonitoringVerdict::enter);
  s.monitored += sign * o.monitored;
  s.monitoring_may_exit += sign * (o.monitoring == MonitoringVerdict::may_exit);
  if (o.below_monitoring_line) {
    s.below_monitoring_line += sign;
    s.people_below_monitoring_line += sign * o.size;
    add(s.poverty_gap_total, (run.monitoring_line - o.per_capita_net) * o.size);
  }
  if (o.below_policy_line) {
    s.below_policy_line += sign;
    s.people_below_policy_line += sign * o.size;
  }
  for (uint32_t bits = paid; bits != 0; bits &= bits - 1) {  // the programmes that paid
    const auto i = static_cast<size_t>(std::countr_zero(bits));
    add(s.programme_totals[i], amounts[i]);
    s.programme_recipients[i] += sign;
  }
  s.households += sign;
  s.people += sign * o.size;
  add(s.programme_cost, o.programme_total);
}

void record(VillageRun& run, const Household& h, const YearParameters& params, Money net, LinesFor lines,
            const std::array<Money, programme_count>& amounts, uint32_t paid) {
  run.households.push_back(outcome_of(run, h, params, net, lines, amounts, paid));
  tally(run, run.households.back(), amounts, paid, 1);
}

VillageRun start_run(size_t households, const YearParameters& params) {
  VillageRun run;
  run.households.reserve(households);
  run.monitoring_line = params.money(ParamId::line_monitoring);
  run.policy_line = params.money(ParamId::line_policy);
  run.has_monitoring_line = params.is_set(ParamId::line_monitoring);
  run.has_policy_line = params.is_set(ParamId::line_policy);
  return run;
}

// Where the first amount of a summary past the limit is: a programme's total before the sums it went into.
std::string first_overflow(const VillageSummary& s) {
  for (size_t i = 0; i < programme_count; ++i)
    if (s.programme_totals[i].overflowed()) return "/programme_totals/" + std::string(programme_infos[i].id);
  const std::pair<const char*, Money> amounts[] = {{"mean_per_capita_net", s.mean_per_capita_net},
                                                   {"median_per_capita_net", s.median_per_capita_net},
                                                   {"poverty_gap_total", s.poverty_gap_total},
                                                   {"poverty_gap_mean", s.poverty_gap_mean},
                                                   {"programme_cost", s.programme_cost}};
  for (const auto& [name, amount] : amounts)
    if (amount.overflowed()) return "/" + std::string(name);
  return {};
}

void finish_run(VillageRun& run) {
  VillageSummary& s = run.summary;
  if (s.people == 0) return;
  Money total_net;  // a household's overflowed net makes it overflowed, and so the mean
  for (const HouseholdOutcome& o : run.households) total_net += o.net;
  s.mean_per_capita_net = total_net.divided_by(s.people);
  s.poverty_gap_mean = s.people_below_monitoring_line > 0
                           ? s.poverty_gap_total.divided_by(s.people_below_monitoring_line)
                           : Money();  // (a re-run's summary starts as its baseline's)
  s.median_per_capita_net = person_median(run.households, s.people);
  s.overflow = first_overflow(s);
}

// The programmes whose parameters differ from `a` to `b`, as bits; `others` tells whether a parameter that is no
// programme's differs too (a line, a margin: they move records, not programmes; growth targets and the working-age
// limit move flags and suggestions, which a village run does not keep, and count here all the same).
uint32_t programmes_changed(const YearParameters& a, const YearParameters& b, bool& others) {
  uint32_t changed = 0;
  others = false;
  for (size_t i = 0; i < param_count; ++i) {
    const auto id = static_cast<ParamId>(i);
    if (a[id].value == b[id].value) continue;
    if (i < programme_count * 2) {  // a programme's "available" or "counted"
      changed |= 1u << (i / 2);
      continue;
    }
    bool used = false;
    for (size_t p = 0; p < programme_count; ++p)
      for (ParamId param : programme_unit(static_cast<ProgrammeId>(p)).params)
        if (param == id) {
          changed |= 1u << p;
          used = true;
        }
    others = others || !used;
  }
  return changed;
}

// Whether each programme's amount goes into net income under `params`.
std::array<bool, programme_count> counted_in_net(const YearParameters& params) {
  std::array<bool, programme_count> counted{};
  for (size_t i = 0; i < programme_count; ++i) {
    ProgrammeResult p;
    p.id = static_cast<ProgrammeId>(i);
    p.eligible = true;
    p.counted = params.flag(counted_param(p.id));
    counted[i] = counts_in_net(p);
  }
  return counted;
}

}  // namespace

VillageRun run_village(const std::vector<Household>& households, const YearParameters& params, VillageDetail* detail) {
  VillageRun run = start_run(households.size(), params);
  if (detail != nullptr) {
    *detail = {};
    detail->before_programmes.reserve(households.size());
    detail->amounts.reserve(households.size());
    detail->paid.reserve(households.size());
    detail->pays_nothing.reserve(households.size());
  }
  Result r;
  std::array<Money, programme_count> amounts{};
  for (const Household& h : households) {
    evaluate_into(r, h, params, {.suggestions = false});
    uint32_t paid = 0, pays_nothing = 0;
    Money programmes_in_net;
    for (size_t i = 0; i < programme_count; ++i) {
      const ProgrammeResult& p = r.programmes[i];
      amounts[i] = p.eligible ? p.amount : Money();
      if (p.eligible) paid |= 1u << i;
      if (!p.eligible && pays_nothing_whatever_the_parameters(p.reason.id)) pays_nothing |= 1u << i;
      if (counts_in_net(p)) programmes_in_net += p.amount;
    }
    LinesFor lines;
    for (const LineResult& l : r.lines) {
      if (l.id == LineId::monitoring) lines.monitoring = l.applies;
      if (l.id == LineId::policy) lines.policy = l.applies;
    }
    record(run, h, params, r.income.net, lines, amounts, paid);
    if (detail != nullptr) {
      detail->before_programmes.push_back(r.income.net - programmes_in_net);
      detail->amounts.push_back(amounts);
      detail->paid.push_back(paid);
      detail->pays_nothing.push_back(pays_nothing);
    }
  }
  finish_run(run);
  return run;
}

VillageSummary summarise_village(const std::vector<Household>& households, const YearParameters& params) {
  return run_village(households, params).summary;
}

VillageRun rerun_village(const std::vector<Household>& households, const VillageRun& baseline,
                         const VillageDetail& detail, const YearParameters& detail_params,
                         const YearParameters& params) {
  if (detail.amounts.size() != households.size() || detail.pays_nothing.size() != households.size())
    return run_village(households, params);
  bool others_changed = false;
  const uint32_t changed = programmes_changed(detail_params, params, others_changed);
  constexpr auto dibao = static_cast<size_t>(ProgrammeId::dibao);
  // The dibao tops up the income before it: a change to another programme can change it (where that income moves).
  const uint32_t touched = changed == 0 ? 0 : changed | 1u << dibao;
  // When only programmes changed, a household they pay as before keeps its baseline outcome, and the summary is the
  // baseline's with the other households' outcomes swapped for their new ones. Not when the dibao's own parameters
  // changed: its standard also decides whom a line is for (line_scope), whatever the household is paid.
  const bool incremental = !others_changed && (changed & 1u << dibao) == 0 &&
                           baseline.households.size() == households.size() && !baseline.summary.overflowed();
  VillageRun run = start_run(households.size(), params);
  if (incremental) run.summary = baseline.summary;
  const auto counted = counted_in_net(params), counted_before = counted_in_net(detail_params);
  std::vector<ProgrammeDetail> details;
  ProgrammeResult result;
  for (size_t h = 0; h < households.size(); ++h) {
    const std::array<Money, programme_count>& amounts_before = detail.amounts[h];
    const uint32_t paid_before = detail.paid[h];
    std::array<Money, programme_count> amounts = amounts_before;
    uint32_t paid = paid_before;
    Money net = detail.before_programmes[h], net_then = net;  // the income so far, now and in the baseline
    bool same = true;
    // In programme order, as the engine adds them: a touched programme's rule sees the net of those before it.
    for (uint32_t bits = (touched & ~detail.pays_nothing[h]) | paid_before; bits != 0; bits &= bits - 1) {
      const auto i = static_cast<size_t>(std::countr_zero(bits));
      const uint32_t bit = 1u << i;
      // A programme touched only through the income before it, which is as it was, pays as it did.
      if ((touched & bit) != 0 && ((changed & bit) != 0 || net != net_then)) {
        details.clear();
        evaluate_programme(result, static_cast<ProgrammeId>(i), households[h], params, net, details);
        amounts[i] = result.eligible ? result.amount : Money();
        paid = result.eligible ? (paid | bit) : (paid & ~bit);
        same = same && amounts[i] == amounts_before[i] && (paid & bit) == (paid_before & bit);
      }
      if (counted[i] && (paid & bit) != 0) net += amounts[i];
      if (counted_before[i] && (paid_before & bit) != 0) net_then += amounts_before[i];
    }
    if (incremental && same && net == net_then) {  // (a programme's "counted" flag moves the net alone)
      run.households.push_back(baseline.households[h]);
      continue;
    }
    const bool dibao_in_net = counted[dibao] && (paid & (1u << dibao)) != 0;
    const LinesFor lines = lines_for(households[h], params, net - (dibao_in_net ? amounts[dibao] : Money()));
    if (incremental) tally(run, baseline.households[h], amounts_before, paid_before, -1);
    record(run, households[h], params, net, lines, amounts, paid);
  }
  finish_run(run);
  return run;
}

std::vector<uint8_t> income_tenths(const VillageRun& run) {
  const size_t n = run.households.size();
  std::vector<uint32_t> ranking(n);
  std::iota(ranking.begin(), ranking.end(), uint32_t{0});
  std::stable_sort(ranking.begin(), ranking.end(), [&](uint32_t a, uint32_t b) {
    return run.households[a].per_capita_net < run.households[b].per_capita_net;
  });
  std::vector<uint8_t> tenths(n);
  for (size_t rank = 0; rank < n; ++rank) tenths[ranking[rank]] = static_cast<uint8_t>(rank * 10 / n);
  return tenths;
}

VillageComparison compare_villages(const VillageRun& baseline, const VillageRun& reform) {
  return compare_villages(baseline, reform, income_tenths(baseline));
}

VillageComparison compare_villages(const VillageRun& baseline, const VillageRun& reform,
                                   const std::vector<uint8_t>& tenths) {
  VillageComparison c;
  const size_t n = std::min({baseline.households.size(), reform.households.size(), tenths.size()});
  for (size_t h = 0; h < n; ++h) {
    const HouseholdOutcome& before = baseline.households[h];
    const HouseholdOutcome& after = reform.households[h];
    DecileChange& d = c.deciles[tenths[h]];
    if (d.households == 0 || before.per_capita_net < d.baseline_low) d.baseline_low = before.per_capita_net;
    if (d.households == 0 || before.per_capita_net > d.baseline_high) d.baseline_high = before.per_capita_net;
    ++d.households;
    d.people += before.size;
    d.net_change += after.net - before.net;
    if (after.per_capita_net > before.per_capita_net) ++d.winners;
    if (after.per_capita_net < before.per_capita_net) ++d.losers;
    c.cost += after.programme_total - before.programme_total;
    if (before.below_monitoring_line && !after.below_monitoring_line) c.people_lifted += before.size;
    if (!before.below_monitoring_line && after.below_monitoring_line) c.people_fallen += before.size;
    const auto moved = [&](MonitoringVerdict v, int& into, int& out_of) {
      into += before.monitoring != v && after.monitoring == v;
      out_of += before.monitoring == v && after.monitoring != v;
    };
    moved(MonitoringVerdict::enter, c.newly_entering, c.no_longer_entering);
    moved(MonitoringVerdict::may_exit, c.newly_may_exit, c.no_longer_may_exit);
  }
  for (const DecileChange& d : c.deciles) {
    c.winners += d.winners;
    c.losers += d.losers;
  }
  if (c.cost > Money() && c.people_lifted > 0) {
    c.has_cost_per_person_lifted = true;
    c.cost_per_person_lifted = c.cost.divided_by(c.people_lifted);
  }
  // Either run's overflow, or one of the differences': the cost is the sum of every household's.
  if (baseline.summary.overflowed() || reform.summary.overflowed() || c.cost.overflowed()) c.overflow = "/cost";
  for (size_t d = 0; d < c.deciles.size() && c.overflow.empty(); ++d)
    if (c.deciles[d].net_change.overflowed()) c.overflow = "/deciles/" + std::to_string(d) + "/per_capita_change";
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
