#include "roster_model.h"

#include <chrono>  // timing imports

#include "core/engine.h"
#include "core/roster_csv.h"

namespace zengshou::app {

core::Result Roster::result(size_t index) const {
  core::Result result;
  const core::Household& h = households_[index].household;
  const core::PolicySet& policies = core::PolicySet::embedded();
  // Imports check policies; a restored file's unknown one shows as zero.
  if (const core::PolicyFile* policy = policies.find(h.policy))
    core::evaluate_into(result, h, policies.resolve(*policy, h.year));
  return result;
}

void Roster::evaluate(size_t index) {
  const core::Household& h = households_[index].household;
  const core::PolicySet& policies = core::PolicySet::embedded();
  const core::PolicyFile* policy = policies.find(h.policy);
  Row& row = rows_[index];
  row = Row{};
  if (policy == nullptr) return;
  core::evaluate_into(scratch_, h, policies.resolve(*policy, h.year));  // its buffers serve every household
  row.per_capita_net = scratch_.income.per_capita_net;
  for (const core::LineResult& l : scratch_.lines)
    if (l.id == core::LineId::monitoring) row.gap = l.per_capita_gap;
  for (const core::Flag& f : scratch_.flags) row.flags |= 1u << static_cast<unsigned>(f.id);
}

core::InputErrors Roster::import(std::string_view text, const core::PolicyFile& fallback) {
  const auto start = std::chrono::steady_clock::now();
  auto parsed = core::parse_roster(text);
  if (!parsed.ok()) return parsed.errors;
  const core::PolicySet& policies = core::PolicySet::embedded();
  core::InputErrors errors;
  for (core::RosterEntry& e : parsed.value) {
    if (e.household.policy.empty()) e.household.policy = fallback.id;
    if (auto problem = policies.check(e.household.policy, e.household.year, e.where + "/policy")) {
      if (problem->where == "/year") problem->where = e.where + "/year";
      errors.push_back(*problem);
    }
  }
  if (!errors.empty()) return errors;
  const size_t first = households_.size();
  for (core::RosterEntry& e : parsed.value) households_.push_back({std::move(e.household), {}});
  rows_.resize(households_.size());
  for (size_t i = first; i < households_.size(); ++i) evaluate(i);
  ++generation_;
  import_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return {};
}

void Roster::replace(std::vector<core::WorkspaceHousehold> households) {
  households_ = std::move(households);
  rows_.assign(households_.size(), Row{});
  for (size_t i = 0; i < households_.size(); ++i) evaluate(i);
  ++generation_;
}

void Roster::add(core::Household household) {
  households_.push_back({std::move(household), {}});
  rows_.emplace_back();
  evaluate(households_.size() - 1);
  ++generation_;
}

void Roster::set_household(size_t index, const core::Household& household) {
  if (index >= households_.size()) return;
  households_[index].household = household;
  evaluate(index);
  ++generation_;
}

void Roster::remove(size_t index) {
  if (index >= households_.size()) return;
  households_.erase(households_.begin() + static_cast<std::ptrdiff_t>(index));
  rows_.erase(rows_.begin() + static_cast<std::ptrdiff_t>(index));
  ++generation_;
}

void Roster::clear() {
  households_.clear();
  rows_.clear();
  ++generation_;
}

}  // namespace zengshou::app
