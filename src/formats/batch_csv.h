// The batch's compact output (`batch --format csv`): a row a household with its key figures — the streams, net and
// per-capita net, each line with the household's gap to it, the flags, the monitoring verdict and each programme's
// amount — for a spreadsheet or another program; the full result stays the JSON Lines.
#pragma once

#include <string>  // rows appended

#include "core/monitoring.h"
#include "core/result.h"

namespace zengshou::formats {

// The header row, the same for every policy (a programme a policy lacks is an empty cell), ending in CR LF.
std::string batch_csv_header();
// The household's row, appended to `out`, ending in CR LF. Amounts are yuan as the JSON writes them ("1234.5").
void append_batch_csv_row(std::string& out, const core::Result& result, const core::MonitoringAssessment& monitoring);

}  // namespace zengshou::formats
