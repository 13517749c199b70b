// The result as JSON (CONTRACT.md "zengshou.result/1"), with each programme's reason, source and parameters.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "household.h"
#include "policy.h"
#include "reason.h"
#include "result.h"

namespace zengshou::core {

// `params` are the parameters the result was evaluated with: they give each amount its source. With
// `parameters`, each programme also lists every parameter it read (value, unit, source, note); a roster's lines
// leave that out to stay small.
nlohmann::json result_to_json(const Result& result, const Household& household, const YearParameters& params,
                              Language language, bool parameters = true);

// Where a parameter's value comes from: its source as users read it (《title》clause「quote」), "override", or the
// assumption's note and what it leans on; the titles from `documents` (YearParameters::documents()).
std::string param_source(const ResolvedParam& p, Language language,
                         const DocumentSet& documents = DocumentSet::embedded());

}  // namespace zengshou::core
