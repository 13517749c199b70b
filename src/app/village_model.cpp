#include "village_model.h"

#include <algorithm>  // clamp
#include <chrono>     // timing the runs

#include "core/synthetic.h"

namespace zengshou::app {
namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

void VillageModel::update(const Session& s) {
  households = std::clamp(households, 1, max_households);
  seed = std::max(seed, 0);
  const int year = s.household().year;
  // A new policy set (the user's policies changed) regenerates too: baseline_params_ points into the set.
  const bool regenerate = s.shared_policies() != policies_ || &s.policy() != policy_ || year != year_ ||
                          seed != seed_ || households != households_;
  if (regenerate) {
    const auto start = std::chrono::steady_clock::now();
    village_ = core::synthetic_households(static_cast<uint64_t>(seed), households, s.policy().id, year);
    baseline_ = core::run_village(village_, s.params(), &detail_);
    baseline_params_ = s.params();
    tenths_ = core::income_tenths(baseline_);
    policies_ = s.shared_policies();
    policy_ = &s.policy();
    year_ = year;
    seed_ = seed;
    households_ = households;
    generate_ms_ = ms_since(start);
  }
  if (!regenerate && s.reform_generation() == reform_generation_) return;
  const auto start = std::chrono::steady_clock::now();
  // Only the programmes the reform touches are re-run: a slider stays live on 100 000 households.
  reform_ = s.reform().empty() ? baseline_
                               : core::rerun_village(village_, baseline_, detail_, baseline_params_, s.reform_params());
  comparison_ = core::compare_villages(baseline_, reform_, tenths_);
  reform_generation_ = s.reform_generation();
  reform_ms_ = ms_since(start);
}

}  // namespace zengshou::app
