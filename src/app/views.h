// The views the shell shows in its tabs, and what they ask of the platform (files).
#pragma once

#include <string>  // file text

#include "core/projection.h"
#include "session.h"
#include "ui.h"

namespace zengshou::app {

// What a view asks the platform to do after this frame: open a file picker, or download a file.
struct PlatformRequests {
  bool open_file = false;
  std::string save_name;  // empty: nothing to save
  std::string save_text;
};

// Where the guided mode (问答式) is: the question, and for per-member questions, which member.
struct GuideState {
  bool on = false;
  int step = 0;
  int member = 0;
};

// What the views remember between frames beyond the session.
struct ViewState {
  GuideState guide;
  int sweep_member = 0;      // whose wage the sweep chart varies
  int projection_years = 5;  // how many years the projection shows
  core::GrowthRates growth;  // user-set growth per stream; unset: the policy's targets
};

// 家庭测算: the household editor beside its results.
void draw_household_view(Ui& ui, Session& session, ViewState& state, PlatformRequests& requests);
// 问答式: one question at a time, filling the same household.
void draw_guided_view(Ui& ui, Session& session, GuideState& guide);
// 收入预测: the coming years, with growth per stream.
void draw_projection_view(Ui& ui, const Session& session, ViewState& state);
// 政策项目: every programme with its status and reason, and the suggestions.
void draw_programmes_view(Ui& ui, const Session& session);

// Pieces the two views share.
void draw_headline(Ui& ui, const Session& session);  // per-capita net against the lines
void draw_programme_node(Ui& ui, const Session& session, const core::ProgrammeResult& programme);
void draw_suggestions(Ui& ui, const Session& session);

}  // namespace zengshou::app
