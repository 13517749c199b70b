// The synthetic village the village view and the presenter show: generated once for a seed, size, policy and
// year; evaluated under the policy once, and under the reform again after each change to the reform (sliders stay
// live, so that re-run is timed).
#pragma once

#include <cstdint>  // seeds, generations
#include <vector>   // households

#include "core/household.h"
#include "core/village.h"
#include "session.h"

namespace zengshou::app {

class VillageModel {
 public:
  static constexpr int default_households = 300;
  static constexpr int max_households = 100000;

  int seed = 2026;
  int households = default_households;

  // Brings the runs up to date with the session's policy, year and reform; does nothing when none changed.
  void update(const Session& session);

  const std::vector<core::Household>& members() const { return village_; }
  const core::VillageRun& baseline() const { return baseline_; }
  const core::VillageRun& reform() const { return reform_; }
  const core::VillageComparison& comparison() const { return comparison_; }
  const core::YearParameters& baseline_params() const { return baseline_params_; }  // the policy's, for sources
  double generate_ms() const { return generate_ms_; }  // making the households and the baseline run
  double reform_ms() const { return reform_ms_; }      // the last re-run under the reform, with the comparison

 private:
  std::vector<core::Household> village_;
  core::VillageRun baseline_;
  core::VillageDetail detail_;  // what each programme paid each household under the policy
  core::YearParameters baseline_params_;
  std::vector<uint8_t> tenths_;  // each household's tenth by baseline per-capita net, for the deciles
  core::VillageRun reform_;
  core::VillageComparison comparison_;
  // What the runs were made for.
  std::shared_ptr<const core::PolicySet> policies_;  // kept alive while the runs point into it
  const core::PolicyFile* policy_ = nullptr;
  int year_ = 0;
  int seed_ = -1;
  int households_ = 0;
  uint32_t reform_generation_ = 0;
  double generate_ms_ = 0;
  double reform_ms_ = 0;
};

}  // namespace zengshou::app
