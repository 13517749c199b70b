// Parameter values in JSON, as policy and reform files write them: yuan and percent as numbers, months and years as
// integers, flags as booleans, categories as arrays of names.
#pragma once

#include <cstdint>   // values
#include <optional>  // a value of the wrong kind
#include <string>    // expectations

#include <nlohmann/json.hpp>

#include "programme.h"

namespace zengshou::core {

// The value in the unit's representation (fen, basis points, a count, 0/1, a CategorySet); empty when `v` is not
// a value of that unit or is out of its range.
std::optional<int64_t> param_value_from_json(const nlohmann::json& v, Unit unit);
nlohmann::json param_value_to_json(ParamId id, int64_t value);
// What a value of the unit looks like, for "expected …".
std::string unit_expectation(Unit unit);

}  // namespace zengshou::core
