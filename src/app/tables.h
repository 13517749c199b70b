// Tables of text drawn with ImGui and exported as CSV from the same rows, so what is saved is what is shown; and
// the button that saves a chart as a PNG image.
#pragma once

#include <string>  // cells
#include <vector>  // rows

#include "core/result.h"
#include "ui.h"
#include "views.h"

namespace zengshou::app {

struct TextTable {
  std::string file_name;  // "village-summary.csv"
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// A household under the policy and under the reform, figure by figure, with the differences.
TextTable reform_comparison_table(const core::Result& baseline, const core::Result& reform);

// UTF-8 with a byte-order mark (so spreadsheet programs read the Chinese right), cells quoted when needed.
std::string csv_text(const TextTable& table);

// The table, and above it an "export CSV" button anchored as `<anchor>_csv`; the table itself is `anchor`.
void draw_table(Ui& ui, const TextTable& table, const char* anchor, PlatformRequests& requests);

// A button that saves the chart anchored as `chart_anchor` (drawn this frame) as `file_name`.
void png_button(Ui& ui, const char* chart_anchor, const char* file_name, PlatformRequests& requests);

}  // namespace zengshou::app
