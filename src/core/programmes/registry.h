// Each programme's rule and the parameters it reads (shown with the result, so every amount explains itself).
#pragma once

#include <array>  // the table
#include <span>   // parameter lists

#include "programme_unit.h"

namespace zengshou::core {

struct ProgrammeUnit {
  ProgrammeRule rule;
  std::span<const ParamId> params;  // every one the rule reads beyond <id>.available and <id>.counts_in_net_income
};

extern const std::array<ProgrammeUnit, programme_count> programme_units;  // in ProgrammeId order
// Inline: the engine asks for a rule 27 times a household.
inline const ProgrammeUnit& programme_unit(ProgrammeId id) { return programme_units[static_cast<size_t>(id)]; }

// Whether a rule gives `reason` from the household's own facts alone, whatever the parameters (nobody holds such a
// post, no area entered, not a 低保 household): a programme that gave it pays the household nothing under any policy
// values, so a village's re-run need not ask its rule again. Checked rule by rule; the village tests re-run every
// parameter against a full run.
bool pays_nothing_whatever_the_parameters(ReasonId reason);

}  // namespace zengshou::core
