// The result as JSON (CONTRACT.md "zengshou.result/1"), with each programme's reason, source and parameters.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>  // written results
#include <vector>  // the ledger

#include "household.h"
#include "monitoring.h"
#include "policy.h"
#include "reason.h"
#include "result.h"

namespace zengshou::core {

// `params` are the parameters the result was evaluated with: they give each amount its source. With
// `parameters`, each programme also lists every parameter it read (value, unit, source, note); a roster's lines
// leave that out to stay small.
// `ledger`: the household's quarterly ledger, for its monitoring assessment ("monitoring"; none for a household alone).
// Written straight to `out`, compact, as a batch writes a line: the bytes nlohmann's dump of result_to_json gives.
void write_result_json(std::string& out, const Result& result, const Household& household,
                       const YearParameters& params, Language language, bool parameters = true,
                       const std::vector<QuarterRecord>& ledger = {});
// The same as a JSON value, for callers that add to it or print it indented.
nlohmann::json result_to_json(const Result& result, const Household& household, const YearParameters& params,
                              Language language, bool parameters = true, const std::vector<QuarterRecord>& ledger = {});

// Where a parameter's value comes from: its source as users read it (《title》clause「quote」), "override", or the
// assumption's note and what it leans on; the titles from `documents` (YearParameters::documents()).
std::string param_source(const ResolvedParam& p, Language language,
                         const DocumentSet& documents = DocumentSet::embedded());

}  // namespace zengshou::core
