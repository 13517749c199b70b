// The cadre's households (the workspace's roster) with what the roster table shows for each — per-capita net, the
// gap to the monitoring line, flags — kept up to date as households are imported, edited and recorded.
#pragma once

#include <cstdint>      // flag bits, generations
#include <string_view>  // file text
#include <vector>       // households, rows

#include "core/error.h"
#include "core/policy.h"
#include "core/workspace.h"

namespace zengshou::app {

class Roster {
 public:
  // What the table shows for one household, from its result under its own policy and year.
  // What the table shows of each household's result. The whole result (for the ledger and the card) is worked
  // out again when asked for: kept for 10 000 households it would take most of a phone's memory.
  struct Row {
    core::Money per_capita_net;
    core::Money gap;     // to the monitoring line, a person; zero when above
    uint32_t flags = 0;  // bit i: core::FlagId i
  };

  std::vector<core::WorkspaceHousehold>& households() { return households_; }
  const std::vector<core::WorkspaceHousehold>& households() const { return households_; }
  const std::vector<Row>& rows() const { return rows_; }
  // The whole result of household `index` under its policy and year (empty for a policy this build lacks).
  core::Result result(size_t index) const;
  uint32_t generation() const { return generation_; }  // changes with every change to the roster
  double import_ms() const { return import_ms_; }      // parsing and evaluating the last import

  // Adds a roster file's households (CSV or a JSON array); a household that names no policy gets `fallback`.
  // Every problem, and nothing added, when there is any.
  core::InputErrors import(std::string_view text, const core::PolicyFile& fallback);
  void replace(std::vector<core::WorkspaceHousehold> households);  // a restored or imported workspace
  void add(core::Household household);
  void set_household(size_t index, const core::Household& household);
  void ledger_changed() { ++generation_; }
  void remove(size_t index);
  void clear();

 private:
  void evaluate(size_t index);

  std::vector<core::WorkspaceHousehold> households_;
  std::vector<Row> rows_;
  core::Result scratch_;  // evaluate()'s result, reused so each household costs no allocations
  uint32_t generation_ = 0;
  double import_ms_ = 0;
};

}  // namespace zengshou::app
