// The result as JSON (CONTRACT.md "zengshou.result/1"), with each programme's reason, source and parameters.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <array>   // kept texts
#include <string>  // written results
#include <vector>  // the ledger

#include "household.h"
#include "json_writer.h"
#include "monitoring.h"
#include "policy.h"
#include "reason.h"
#include "result.h"

namespace zengshou::core {

// `params` are the parameters the result was evaluated with: they give each amount its source. With
// `parameters`, each programme also lists every parameter it read (value, unit, source, note); a roster's lines
// leave that out to stay small.
// `ledger`: the household's quarterly ledger, for its monitoring assessment ("monitoring"; none for a household alone).
// As a JSON value, for callers that add to it or print it indented (ResultWriter's text, read back).
nlohmann::json result_to_json(const Result& result, const Household& household, const YearParameters& params,
                              Language language, bool parameters = true, const std::vector<QuarterRecord>& ledger = {});

// Results evaluated with one set of parameters written compact, straight to `out`, as a batch writes its lines:
// the bytes nlohmann's dump of result_to_json gives. What depends on the parameters alone (sources, parameters'
// notes) is written once and kept, so a writer lives as long as its parameters and serves one thread.
class ResultWriter {
 public:
  ResultWriter(const YearParameters& params, Language language, bool parameters = true);
  void write(std::string& out, const Result& result, const Household& household,
             const std::vector<QuarterRecord>& ledger = {});

 private:
  const std::string& param_source_json(ParamId id);
  const std::string& param_json(ParamId id);
  const std::string& reference_json(const SourceRef& ref);  // by address: the monitoring rules' own references
  void write_monitoring(JsonWriter& w, const MonitoringAssessment& assessment);
  void write_programme(JsonWriter& w, const ProgrammeResult& programme, const Result& result,
                       const Household& household);
  void write_programme_object(JsonWriter& w, const ProgrammeResult& programme, const Result& result,
                              const Household& household);
  void write_line(JsonWriter& w, const LineResult& line);

  const YearParameters& params_;
  Language language_;
  bool parameters_;
  std::string staging_;  // a result's text before it is appended to the output (JsonWriter)
  std::string scratch_;  // a reason's text, rendered
  // The parameters' sources and objects as JSON text, empty until written.
  std::array<std::string, param_count> param_sources_, param_objects_;
  std::vector<std::pair<const SourceRef*, std::string>> references_;
  // Each programme's last object that paid nothing, kept with what made it: most households get the same one (not
  // in the policy, not their category), which is then copied rather than written again.
  struct UnpaidProgramme {
    bool kept = false, available = false, counted = false;
    Reason reason;
    std::string json;
  };
  std::array<UnpaidProgramme, programme_count> unpaid_;
};

// Where a parameter's value comes from: its source as users read it (《title》clause「quote」), "override", or the
// assumption's note and what it leans on; the titles from `documents` (YearParameters::documents()).
std::string param_source(const ResolvedParam& p, Language language,
                         const DocumentSet& documents = DocumentSet::embedded());

}  // namespace zengshou::core
