#include "session.h"

#include <nlohmann/json.hpp>

#include "core/household_json.h"
#include "core/share.h"

namespace zengshou::app {

using core::PolicySet;

namespace {

constexpr std::string_view default_policy = "yunnan/changning";

}  // namespace

// The built-ins live as long as the program: the set is shared without an owner.
Session::Session() : policies_(std::shared_ptr<const PolicySet>(), &PolicySet::embedded()) {
  policy_ = policies_->find(default_policy);
  reset();
}

void Session::set_policies(std::shared_ptr<const core::PolicySet> policies) {
  const std::string id = policy_->id, parent = policy_->inherits;
  policies_ = std::move(policies);
  // A policy gone (she removed it, here or in another tab): the one it was made from, else the default.
  const core::PolicyFile* policy = policies_->find(id);
  if (policy == nullptr) policy = policies_->find(parent);
  if (policy == nullptr) policy = policies_->find(default_policy);
  set_policy(*policy);
  reform_changed();
  refresh();  // the results point into the set: none may outlive the old one
}

void Session::reset() {
  core::Household h;
  h.id = "";
  h.policy = policy_->id;
  h.year = policy_->first_year;
  h.category = core::Category::tuopin;
  // A head of 40, below any pension age: the age is not looked up in the policy (the start needs no resolving).
  constexpr int any_pension_age = 60;
  h.members.push_back(core::age_default_member("", h.year - 40, h.year, any_pension_age));
  household_ = std::move(h);
  changed();
}

void Session::refresh() {
  if (!dirty_) return;
  household_.policy = policy_->id;
  params_ = policies_->resolve(*policy_, household_.year);
  result_ = core::evaluate(household_, params_);
  reform_params_ = policies_->resolve(*policy_, household_.year, reform_.changes);
  reform_result_ = reform_.empty() ? result_ : core::evaluate(household_, reform_params_);
  dirty_ = false;
}

void Session::set_reform(core::Reform reform) {
  if (const core::PolicyFile* policy = policies_->find(reform.policy)) set_policy(*policy);
  if (reform.year && *reform.year >= policy_->first_year && *reform.year <= policy_->last_year) set_year(*reform.year);
  reform_ = std::move(reform);
  reform_changed();
}

void Session::set_reform_only(core::Reform reform) {
  reform_ = std::move(reform);
  reform_changed();
}

core::InputErrors Session::open_reform(std::string_view text) {
  auto parsed = core::parse_reform(text, policies_.get());
  if (!parsed.ok()) return parsed.errors;
  set_reform(std::move(parsed.value));
  return {};
}

void Session::set_policy(const core::PolicyFile& policy) {
  policy_ = &policy;
  if (household_.year < policy.first_year || household_.year > policy.last_year) set_year(policy.first_year);
  changed();
}

void Session::set_year(int year) {
  // Birth years stay as entered, so ages follow the year; whatever the new year cannot hold is fitted to it.
  core::move_to_year(household_, year);
  changed();
}

void Session::load(core::Household household) {
  const PolicySet& policies = *policies_;
  if (const core::PolicyFile* p = policies.find(household.policy);
      p != nullptr && household.year >= p->first_year && household.year <= p->last_year)
    policy_ = p;
  household_ = std::move(household);
  if (household_.year < policy_->first_year || household_.year > policy_->last_year) set_year(policy_->first_year);
  changed();
}

core::InputErrors Session::open(std::string_view text) {
  auto parsed = core::parse_household(text);
  if (!parsed.ok()) return parsed.errors;
  return open_checked(std::move(parsed.value), "");
}

core::InputErrors Session::open_checked(core::Household household, const std::string& at) {
  const PolicySet& policies = *policies_;
  const std::string policy_id = household.policy.empty() ? policy_->id : household.policy;
  if (auto problem = policies.check(policy_id, household.year, at + "/policy")) {
    if (problem->where == "/year") problem->where = at + "/year";
    return {*problem};
  }
  household_ = std::move(household);
  policy_ = policies.find(policy_id);
  changed();
  return {};
}

std::string Session::share_text() const {
  core::SharedHousehold shared{household_, reform_};
  shared.household.policy = policy_->id;
  return core::share_to_json(shared);
}

core::InputErrors Session::open_share(std::string_view text) {
  auto parsed = core::parse_share(text);
  if (!parsed.ok()) return parsed.errors;
  if (auto errors = open_checked(std::move(parsed.value.household), "/household"); !errors.empty()) return errors;
  reform_ = std::move(parsed.value.reform);
  reform_changed();
  return {};
}

std::string Session::save() const {
  core::Household h = household_;
  h.policy = policy_->id;
  return core::household_to_json(h).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace zengshou::app
