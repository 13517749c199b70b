// The readable report (`zengshou explain`): the same result as text, every amount with its rule and source.
#pragma once

#include <string>  // the report

#include "household.h"
#include "policy.h"
#include "reason.h"
#include "result.h"

namespace zengshou::core {

std::string explain(const Result& result, const Household& household, const YearParameters& params, Language language);

}  // namespace zengshou::core
