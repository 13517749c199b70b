// The views the shell shows in its tabs, and what they ask of the platform (files).
#pragma once

#include <string>  // file text

#include "session.h"
#include "ui.h"

namespace zengshou::app {

// What a view asks the platform to do after this frame: open a file picker, or download a file.
struct PlatformRequests {
  bool open_file = false;
  std::string save_name;  // empty: nothing to save
  std::string save_text;
};

// 家庭测算: the household editor beside its results.
void draw_household_view(Ui& ui, Session& session, PlatformRequests& requests);
// 政策项目: every programme with its status and reason, and the suggestions.
void draw_programmes_view(Ui& ui, const Session& session);

// Pieces the two views share.
void draw_headline(Ui& ui, const Session& session);  // per-capita net against the lines
void draw_programme_node(Ui& ui, const Session& session, const core::ProgrammeResult& programme);
void draw_suggestions(Ui& ui, const Session& session);

}  // namespace zengshou::app
