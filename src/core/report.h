// The readable report (`zengshou explain`): the same result as text, every amount with its rule and source; and
// the same as a printable page (明白卡).
#pragma once

#include <string>  // the report

#include "household.h"
#include "policy.h"
#include "reason.h"
#include "result.h"

namespace zengshou::core {

std::string explain(const Result& result, const Household& household, const YearParameters& params, Language language);

// The household's 明白卡: the same result as a printable HTML page (one A4 sheet, or a phone's width on a phone) —
// the household, the four streams, each programme paid with its amount and source, the gap to the lines and the
// plan. Text a screen reader can read. `reform`: the name of the simulated change it was worked out under, said at
// the top; empty for the policy in force.
std::string household_card_html(const Result& result, const Household& household, const YearParameters& params,
                                Language language, const std::string& reform = "");

}  // namespace zengshou::core
