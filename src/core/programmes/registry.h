// Each programme's rule and the parameters it reads (shown with the result, so every amount explains itself).
#pragma once

#include <span>  // parameter lists

#include "programme_unit.h"

namespace zengshou::core {

struct ProgrammeUnit {
  ProgrammeRule rule;
  std::span<const ParamId> params;  // every one the rule reads beyond <id>.available and <id>.counts_in_net_income
};

const ProgrammeUnit& programme_unit(ProgrammeId id);

}  // namespace zengshou::core
