// Tables of text drawn with ImGui, each with the button that exports it as CSV (the tables themselves are built in
// exports.h); and the button that saves a chart as a PNG image.
#pragma once

#include "exports.h"
#include "ui.h"
#include "views.h"

namespace zengshou::app {

// The table, and above it an "export CSV" button anchored as `<anchor>_csv`; the table itself is `anchor`.
void draw_table(Ui& ui, const TextTable& table, const char* anchor, PlatformRequests& requests);

// A button that saves the chart anchored as `chart_anchor` (drawn this frame) as `file_name`.
void png_button(Ui& ui, const char* chart_anchor, const char* file_name, PlatformRequests& requests);

}  // namespace zengshou::app
