// The household file (CONTRACT.md, "zengshou.household/1"): parsing with every problem reported by its JSON
// pointer, and writing back.
#pragma once

#include <string_view>  // file text

#include <nlohmann/json_fwd.hpp>

#include "error.h"
#include "household.h"

namespace zengshou::core {

inline constexpr std::string_view household_schema = "zengshou.household/1";
inline constexpr int max_members = 30;
inline constexpr WholeRange people_range{1, max_members};  // a household's people, entered as totals

// Parses a household file's text. Either a whole household or the list of problems, never half of one.
Parsed<Household> parse_household(std::string_view text);
// The same from an already parsed JSON value; `at` prefixes every pointer (a roster's "/3").
Parsed<Household> household_from_json(const nlohmann::json& doc, const std::string& at = "");

nlohmann::json household_to_json(const Household& household);

}  // namespace zengshou::core
