// 撤销: the session's last actions that removed or replaced the user's work, each taken back whole — households
// removed from the roster come back with their ledgers, an import's households go again, the calculator gets back
// the household another replaced, and this tab's version of a household another tab's replaced comes back beside it.
// Only what the session did is kept here; it ends with the tab.
#pragma once

#include <cstddef>  // sizes
#include <deque>    // the steps, oldest dropped first
#include <optional>
#include <string>
#include <vector>

#include "core/household.h"
#include "core/workspace.h"
#include "roster_model.h"
#include "strings.h"

namespace zengshou::app {

struct UndoStep {
  enum class Kind {
    roster_removed,       // households removed from the roster: put back
    roster_added,         // households an import (or 加入台账) added: taken out again
    calculator_replaced,  // the calculator's household before another took its place: put back
    roster_replaced,      // this tab's version of a household, replaced by another tab's: back beside it
  };
  Kind kind = Kind::roster_removed;
  // roster_removed and roster_replaced: households as they were, ledgers and all; roster_replaced has no key (its
  // record holds the other tab's version) and comes back as a household of its own.
  std::vector<core::WorkspaceHousehold> households{};
  std::vector<std::string> keys{};  // their records (roster_removed: each household's, put back under it)
  bool imported = false;            // roster_added: by an import (撤销导入 beside 导入 undoes it)
  // calculator_replaced: the household (with its policy id), the roster record it showed, whether it had edits kept
  // nowhere else.
  std::optional<core::Household> calculator{};
  std::optional<std::string> record{};
  bool unsaved = false;
  std::string subject{};  // whom it names: "A1 王一", or the number of households
};

// What the user sees of a step, in the UI's language: "删除 A1 王一", "导入 500 户", ….
std::string undo_label(const UndoStep& step);

class UndoHistory {
 public:
  static constexpr size_t max_steps = 20;

  void push(UndoStep step);  // the oldest step goes past max_steps
  // Under the last step: what an undo displaced, kept without becoming the next step taken back (which would swap
  // two households back and forth for ever).
  void push_under_last(UndoStep step);
  bool empty() const { return steps_.empty(); }
  const std::deque<UndoStep>& steps() const { return steps_; }  // oldest first
  const UndoStep& last() const { return steps_.back(); }
  UndoStep pop();

 private:
  std::deque<UndoStep> steps_;
};

// "A1 王一": a household as a step names it.
std::string household_subject(const core::Household& household);

// Takes back a roster step: removed households come back under their own keys (with their ledgers), a replaced
// version as a household of its own, added ones go.
// Every problem, and nothing changed, when they would not fit (Roster::max_households). Taking back an addition
// returns the households it removed, as a step of their own: work done on them since is not lost.
struct UndoResult {
  core::InputErrors errors;
  std::optional<UndoStep> removed;
};
UndoResult undo_roster_step(Roster& roster, UndoStep step);

}  // namespace zengshou::app
