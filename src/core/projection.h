// Projection over the coming years (issue 3, DOMAIN.md §1): each year's parameters, members ageing (60 starts the
// pension, schooling moves on), and growth per stream, by default the policy's own targets (0 where it has none).
#pragma once

#include <array>     // growth per stream
#include <optional>  // growth overrides
#include <vector>    // the years

#include "engine.h"

namespace zengshou::core {

// Streams a projection grows: wage (jobs), production (revenue and cost), property, other transfers.
enum class GrowthStream { wage, production, property, transfer };
inline constexpr int growth_stream_count = 4;

struct GrowthRates {
  std::array<std::optional<int64_t>, growth_stream_count> basis_points;  // set: overrides the policy's target
};

struct ProjectedYear {
  Household household;  // as it stands that year
  Result result;
  std::array<int64_t, growth_stream_count> growth_bp;  // the growth applied to reach this year (0 the first year)
};

// The household's year and the `years` − 1 years after it.
std::vector<ProjectedYear> project(const Household& household, const PolicySet& policies, const PolicyFile& policy,
                                   int years, const GrowthRates& growth = {},
                                   const std::vector<ParamOverride>& overrides = {});

// The growth rates for a year: the overrides, else the policy's target for the household's population.
std::array<int64_t, growth_stream_count> growth_for(const Household& household, const YearParameters& params,
                                                    const GrowthRates& growth);

// The household a year on: one year older, schooling moved on, amounts grown by `growth_bp`.
Household next_year(const Household& household, const std::array<int64_t, growth_stream_count>& growth_bp);

}  // namespace zengshou::core
