// The household being worked on, the policy and year it is evaluated with, the reform being tried on that policy,
// and the results under both: recomputed whenever an edit marks them dirty, so results follow every keystroke.
#pragma once

#include <cstdint>      // generations
#include <memory>       // the policy set
#include <string>       // policy id, file text
#include <string_view>  // file text
#include <vector>       // open errors

#include "core/engine.h"
#include "core/error.h"
#include "core/household.h"
#include "core/policy.h"
#include "core/reform.h"
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
  // Every policy the app offers: the built-ins, and the user's own (issue 16) once she has made or imported some.
  const core::PolicySet& policies() const { return *policies_; }
  const std::shared_ptr<const core::PolicySet>& shared_policies() const { return policies_; }
  // A new set (the user's policies changed): the policy in use is found again by id, else the one it inherits from,
  // else the default; the results are recomputed.
  void set_policies(std::shared_ptr<const core::PolicySet> policies);

  // The reform (政策模拟): changes to the policy's parameters, and the household's result under them.
  const core::Reform& reform() const { return reform_; }
  core::Reform& reform() { return reform_; }  // call reform_changed() after editing
  const core::YearParameters& reform_params() const { return reform_params_; }
  const core::Result& reform_result() const { return reform_result_; }
  uint32_t reform_generation() const { return reform_generation_; }  // changes with every change to the reform
  // Replaces the reform; a prepared scenario also brings its policy and year.
  void set_reform(core::Reform reform);
  void set_reform_only(core::Reform reform);  // the reform alone, keeping the policy and year (a restored one)
  core::InputErrors open_reform(std::string_view text);

  // Call after any edit of the household; the results are recomputed before the next frame reads them.
  void changed() {
    dirty_ = true;
    ++generation_;
  }
  void reform_changed() {
    changed();
    ++reform_generation_;
  }
  uint32_t generation() const { return generation_; }  // changes with every change to the household or reform

  // Puts a household in the calculator as it is (a roster's, or a shared one), with its policy when it names one
  // this program knows, else keeping the current.
  void load(core::Household household);
  void refresh();

  // Picks a policy (keeping the year when it covers it, else its first year) or a year.
  void set_policy(const core::PolicyFile& policy);
  void set_year(int year);

  // Replaces the household with the file's, or keeps it and returns every problem.
  core::InputErrors open(std::string_view text);
  // A share link's content ("zengshou.share/1": the household and the reform), and reading one back.
  std::string share_text() const;
  core::InputErrors open_share(std::string_view text);
  std::string save() const;  // the household file (CONTRACT.md), pretty-printed
  void reset();              // a new household: one adult, the current policy and year

 private:
  // Puts a household read from a file in the calculator once its policy and year are known (`at`: its pointer).
  core::InputErrors open_checked(core::Household household, const std::string& at);

  core::Household household_;
  std::shared_ptr<const core::PolicySet> policies_;
  const core::PolicyFile* policy_ = nullptr;  // within *policies_
  core::YearParameters params_;
  core::Result result_;
  core::Reform reform_;
  core::YearParameters reform_params_;
  core::Result reform_result_;
  uint32_t reform_generation_ = 0;
  uint32_t generation_ = 0;
  bool dirty_ = true;
};

}  // namespace zengshou::app
