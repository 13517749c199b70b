// A village's results: many households evaluated under one policy and year, summed up (CONTRACT.md "Simulation"),
// and two runs of the same households compared — a policy and its reform (DOMAIN.md's programmes, issue 5).
#pragma once

#include <array>    // programme totals, deciles
#include <cstdint>  // rankings
#include <string>   // where an overflow is
#include <vector>   // households

#include "household.h"
#include "monitoring.h"
#include "policy.h"

namespace zengshou::core {

struct VillageSummary {
  int households = 0;
  int people = 0;
  Money mean_per_capita_net;      // Σ net ÷ Σ people
  Money median_per_capita_net;    // the middle person's household per-capita net (the lower middle for even)
  int below_monitoring_line = 0;  // households
  int people_below_monitoring_line = 0;
  int below_policy_line = 0;  // households; 0 where the policy has no line of its own
  int people_below_policy_line = 0;
  Money poverty_gap_total;  // Σ (monitoring line − per-capita net) × size over households below it
  Money poverty_gap_mean;   // poverty_gap_total ÷ people below the monitoring line: how far below, on average
  Money programme_cost;     // Σ programme_totals: what the programmes pay the village in all
  // The monitoring decision (monitoring_verdict): households it would take in, households monitored, and of those
  // the ones that may leave. A village has no quarterly ledger: the year's own income stands for it.
  int monitoring_enter = 0;
  int monitored = 0;
  int monitoring_may_exit = 0;
  std::array<Money, programme_count> programme_totals{};    // what each programme pays the village, counted or not
  std::array<int, programme_count> programme_recipients{};  // households receiving it
  // Where the first amount past Money::limit_fen is, as a JSON pointer into the summary ("/programme_totals/
  // farmland_subsidy", "/mean_per_capita_net"); empty when none is. When set, no figure of the summary is shown.
  std::string overflow;
  bool overflowed() const { return !overflow.empty(); }
};

// One household's figures in a run, kept so that two runs can be compared household by household.
struct HouseholdOutcome {
  Money per_capita_net;
  Money net;
  Money programme_total;  // every programme's amount, counted or not
  int size = 0;
  bool below_monitoring_line = false;
  bool below_policy_line = false;
  MonitoringVerdict monitoring = MonitoringVerdict::not_needed;
  bool monitored = false;  // monitored, and the monitoring line is for it: counted in VillageSummary::monitored
};

struct VillageRun {
  VillageSummary summary;
  std::vector<HouseholdOutcome> households;  // in the order given
  Money monitoring_line;                     // the lines of the run's parameters, for charts
  Money policy_line;                         // zero when the policy has none
  bool has_monitoring_line = false;
  bool has_policy_line = false;
};

// What each programme paid each household in a run, kept so that a reform touching a few programmes re-runs only
// those (and the dibao, which tops up the income before it) rather than every rule of every household.
struct VillageDetail {
  std::vector<Money> before_programmes;                     // net income without any programme, per household
  std::vector<std::array<Money, programme_count>> amounts;  // each programme's amount, zero when it did not pay
  std::vector<uint32_t> paid;                               // bit i: programme i paid
  // Bit i: programme i's rule found nothing in the household to pay, whatever the parameters
  // (pays_nothing_whatever_the_parameters): a re-run does not ask it again, and reads none of the household.
  std::vector<uint32_t> pays_nothing;
};

// Evaluates every household; with `detail`, keeps what each programme paid each household.
VillageRun run_village(const std::vector<Household>& households, const YearParameters& params,
                       VillageDetail* detail = nullptr);
VillageSummary summarise_village(const std::vector<Household>& households, const YearParameters& params);

// The same households under `params`, given their `baseline` run under `detail_params`, which kept its `detail`.
// Re-runs only the programmes whose parameters differ between the two, and the dibao after them where the income
// before it moves (a change to the lines re-runs none); when only programmes changed, a household they pay as before
// keeps its baseline outcome and only the others' change the summary. Gives exactly what run_village(households,
// params) gives (tests/unit/village_test.cpp).
VillageRun rerun_village(const std::vector<Household>& households, const VillageRun& baseline,
                         const VillageDetail& detail, const YearParameters& detail_params,
                         const YearParameters& params);

// Winners and losers in one tenth of the households, ranked by their baseline per-capita net.
struct DecileChange {
  int households = 0;
  int people = 0;
  Money baseline_low;   // the lowest baseline per-capita net in the tenth
  Money baseline_high;  // the highest
  int winners = 0;      // per-capita net rose
  int losers = 0;       // per-capita net fell
  Money net_change;     // Σ household net change
  Money per_capita_change() const { return people == 0 ? Money() : net_change.divided_by(people); }
};

struct VillageComparison {
  std::array<DecileChange, 10> deciles{};
  int winners = 0;
  int losers = 0;
  Money cost;             // Σ programme payments under the reform − under the baseline
  int people_lifted = 0;  // people below the monitoring line under the baseline and not under the reform
  int people_fallen = 0;  // the other way round
  // Households the monitoring decision moves: to be taken in under the reform and not the baseline (or the other
  // way round), and monitored households that may leave under the reform and not the baseline (or the other way).
  int newly_entering = 0;
  int no_longer_entering = 0;
  int newly_may_exit = 0;
  int no_longer_may_exit = 0;
  bool has_cost_per_person_lifted = false;  // only when the reform costs something and lifts someone
  Money cost_per_person_lifted;             // cost ÷ people lifted
  // Where the first amount past Money::limit_fen is, as a JSON pointer into village_comparison_to_json's object
  // ("/cost", "/deciles/3/per_capita_change"); empty when none is. When set, no figure of the comparison is shown.
  std::string overflow;
  bool overflowed() const { return !overflow.empty(); }
};

// Each household's tenth of the run by per-capita net, 0 the lowest: ranked lowest first, ties in input order,
// tenth d holds ranks [n·d/10, n·(d+1)/10).
std::vector<uint8_t> income_tenths(const VillageRun& run);

// Compares two runs of the same households (same order). Deciles hold households by their baseline tenth
// (`tenths`, from income_tenths(baseline): kept by a caller that compares many reforms with one baseline). The
// households are read in their order, not their rank's: a slider's re-run compares 100 000 of them a frame.
VillageComparison compare_villages(const VillageRun& baseline, const VillageRun& reform,
                                   const std::vector<uint8_t>& tenths);
VillageComparison compare_villages(const VillageRun& baseline, const VillageRun& reform);

// People by household per-capita net in bins of `width` from 0; the last bin also holds everything above it.
std::vector<int> per_capita_histogram(const VillageRun& run, Money width, int bins);

}  // namespace zengshou::core
