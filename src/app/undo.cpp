#include "undo.h"

#include <cstdio>   // snprintf
#include <utility>  // move

namespace zengshou::app {

std::string undo_label(const UndoStep& step) {
  const Str format = step.kind == UndoStep::Kind::roster_removed ? Str::undo_roster_removed
                     : step.kind == UndoStep::Kind::roster_added ? Str::undo_roster_added
                                                                 : Str::undo_calculator_replaced;
  char text[256];
  std::snprintf(text, sizeof text, tr(format), step.subject.c_str());
  return text;
}

void UndoHistory::push(UndoStep step) {
  steps_.push_back(std::move(step));
  if (steps_.size() > max_steps) steps_.pop_front();
}

UndoStep UndoHistory::pop() {
  UndoStep step = std::move(steps_.back());
  steps_.pop_back();
  return step;
}

std::string household_subject(const core::Household& household) {
  if (household.id.empty()) return household.head.empty() ? tr(Str::undo_unnamed) : household.head;
  return household.head.empty() ? household.id : household.id + " " + household.head;
}

core::InputErrors undo_roster_step(Roster& roster, UndoStep step) {
  switch (step.kind) {
    case UndoStep::Kind::roster_removed:
      return roster.add_all(std::move(step.households));
    case UndoStep::Kind::roster_added:
      roster.remove_keys(step.keys);
      return {};
    case UndoStep::Kind::calculator_replaced:
      break;
  }
  return {};
}

}  // namespace zengshou::app
