#include "undo.h"

#include <cstdio>   // snprintf
#include <utility>  // move

#include "format.h"  // count_text

namespace zengshou::app {

std::string undo_label(const UndoStep& step) {
  const Str format = step.kind == UndoStep::Kind::roster_removed    ? Str::undo_roster_removed
                     : step.kind == UndoStep::Kind::roster_added    ? Str::undo_roster_added
                     : step.kind == UndoStep::Kind::roster_replaced ? Str::undo_roster_replaced
                                                                    : Str::undo_calculator_replaced;
  char text[256];
  std::snprintf(text, sizeof text, tr(format), step.subject.c_str());
  return text;
}

void UndoHistory::push(UndoStep step) {
  steps_.push_back(std::move(step));
  if (steps_.size() > max_steps) steps_.pop_front();
}

void UndoHistory::push_under_last(UndoStep step) {
  steps_.insert(steps_.empty() ? steps_.end() : steps_.end() - 1, std::move(step));
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

UndoResult undo_roster_step(Roster& roster, UndoStep step) {
  switch (step.kind) {
    case UndoStep::Kind::roster_removed:
    case UndoStep::Kind::roster_replaced: {
      if (auto full = roster.room_for(step.households.size()); !full.empty()) return {std::move(full), std::nullopt};
      for (size_t i = 0; i < step.households.size(); ++i)
        if (i < step.keys.size())
          roster.restore(step.keys[i], std::move(step.households[i]));
        else
          roster.add(std::move(step.households[i].household), std::move(step.households[i].ledger));
      return {};
    }
    case UndoStep::Kind::roster_added: {
      UndoStep removed{.kind = UndoStep::Kind::roster_removed};
      for (const std::string& key : step.keys)
        if (const auto index = roster.find(key)) {
          removed.households.push_back(roster.households()[*index]);
          removed.keys.push_back(key);
        }
      removed.subject = count_text(Str::undo_households, removed.keys.size());
      roster.remove_keys(step.keys);
      return {{}, removed.keys.empty() ? std::nullopt : std::optional(std::move(removed))};
    }
    case UndoStep::Kind::calculator_replaced:
      break;
  }
  return {};
}

}  // namespace zengshou::app
