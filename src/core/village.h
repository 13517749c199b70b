// A village's results: many households evaluated under one policy and year, summed up (CONTRACT.md "Simulation").
#pragma once

#include <array>   // programme totals
#include <vector>  // households

#include "household.h"
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
  std::array<Money, programme_count> programme_totals{};    // what each programme pays the village, counted or not
  std::array<int, programme_count> programme_recipients{};  // households receiving it
};

VillageSummary summarise_village(const std::vector<Household>& households, const YearParameters& params);

}  // namespace zengshou::core
