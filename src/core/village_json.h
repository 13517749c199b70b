// A village's summary and a reform's comparison as JSON (CONTRACT.md "Simulation"): what `zengshou simulate`
// prints and what the browser shows its tests, so both give the same numbers in the same form.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "village.h"

namespace zengshou::core {

nlohmann::json village_summary_to_json(const VillageSummary& summary);
nlohmann::json village_comparison_to_json(const VillageComparison& comparison);

}  // namespace zengshou::core
