// The result as JSON (CONTRACT.md "zengshou.result/1"), with each programme's reason, source and parameters.
#pragma once

#include <nlohmann/json_fwd.hpp>

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
nlohmann::json result_to_json(const Result& result, const Household& household, const YearParameters& params,
                              Language language, bool parameters = true, const std::vector<QuarterRecord>& ledger = {});

// The monitoring assessment as the result's "monitoring": the verdict, each condition with its reason and clause,
// what helps, and for a monitored household the exit steps.
nlohmann::json monitoring_to_json(const MonitoringAssessment& assessment, const YearParameters& params,
                                  Language language);

// Where a parameter's value comes from: its source as users read it (《title》clause「quote」), "override", or the
// assumption's note and what it leans on; the titles from `documents` (YearParameters::documents()).
std::string param_source(const ResolvedParam& p, Language language,
                         const DocumentSet& documents = DocumentSet::embedded());

}  // namespace zengshou::core
