// A roster: many households from one file, a JSON array of households or a CSV with one row per member
// (columns in README.md "Roster files"). Problems name a JSON pointer ("/3/members/0/birth_year") or a CSV
// line and column ("line 3, column \"months\"").
#pragma once

#include <string>       // where
#include <string_view>  // file text
#include <vector>       // households

#include "core/error.h"
#include "core/household.h"

namespace zengshou::formats {

using core::InputErrors;
using core::Parsed;

struct RosterEntry {
  core::Household household;
  std::string where;  // prefix for problems found later, e.g. with the policy: "/3" or "line 7"
};

// The roster in `text`: JSON if it starts with '[' (after a BOM and spaces), CSV otherwise.
Parsed<std::vector<RosterEntry>> parse_roster(std::string_view text);

// The CSV columns, in their documented order.
const std::vector<std::string_view>& roster_csv_columns();

}  // namespace zengshou::formats
