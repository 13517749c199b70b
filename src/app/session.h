// The household being worked on, the policy and year it is evaluated with, and its result: recomputed whenever
// an edit marks it dirty, so results follow every keystroke.
#pragma once

#include <string>       // policy id, file text
#include <string_view>  // file text
#include <vector>       // open errors

#include "core/engine.h"
#include "core/error.h"
#include "core/household.h"
#include "core/policy.h"
#include "core/result.h"

namespace zengshou::app {

class Session {
 public:
  Session();

  core::Household& household() { return household_; }
  const core::Household& household() const { return household_; }
  const core::Result& result() const { return result_; }
  const core::YearParameters& params() const { return params_; }
  const core::PolicyFile& policy() const { return *policy_; }

  // Call after any edit; the result is recomputed before the next frame reads it.
  void changed() { dirty_ = true; }
  void refresh();

  // Picks a policy (keeping the year when it covers it, else its first year) or a year.
  void set_policy(const core::PolicyFile& policy);
  void set_year(int year);

  // Replaces the household with the file's, or keeps it and returns every problem.
  core::InputErrors open(std::string_view text);
  std::string save() const;  // the household file (CONTRACT.md), pretty-printed
  void reset();              // a new household: one adult, the current policy and year

 private:
  core::Household household_;
  const core::PolicyFile* policy_ = nullptr;
  core::YearParameters params_;
  core::Result result_;
  bool dirty_ = true;
};

}  // namespace zengshou::app
