// Charts drawn with ImDrawList (ImPlot cannot be installed here): hovering shows the values.
#pragma once

#include <vector>  // projection years

#include "core/projection.h"
#include "core/village.h"
#include "session.h"
#include "ui.h"

namespace zengshou::app {

// The four streams per person, stacked, with the lines as marks.
void draw_stream_chart(Ui& ui, const Session& session);
// Per-capita net over the projected years, with each year's lines; with `reform`, its years beside them.
void draw_projection_chart(Ui& ui, const std::vector<core::ProjectedYear>& years,
                           const std::vector<core::ProjectedYear>* reform = nullptr,
                           const char* anchor = "chart_projection");
// How many people live at each per-capita net, in 1000-yuan bins, with the lines; with `reform`, its bars beside.
void draw_village_histogram(Ui& ui, const core::VillageRun& baseline, const core::VillageRun* reform,
                            const char* anchor);
// Per-capita net and cash as one member's monthly wage goes from 0 to 8000 yuan, marking where programmes start or
// stop (like PolicyEngine's earnings chart). `member` is the chosen member's index.
void draw_wage_sweep(Ui& ui, const Session& session, int& member);

}  // namespace zengshou::app
