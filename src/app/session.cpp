#include "session.h"

#include <nlohmann/json.hpp>

#include "core/household_json.h"
#include "core/json_reading.h"

namespace zengshou::app {

using core::PolicySet;

Session::Session() {
  policy_ = PolicySet::embedded().find("yunnan/changning");
  reset();
}

void Session::reset() {
  core::Household h;
  h.id = "";
  h.policy = policy_->id;
  h.year = policy_->first_year;
  h.category = core::Category::tuopin;
  core::Member head;
  head.birth_year = h.year - 40;
  head.pension.enrolled = true;
  head.pension.tier = core::Money::yuan(100);
  h.members.push_back(head);
  household_ = std::move(h);
  changed();
}

void Session::refresh() {
  if (!dirty_) return;
  household_.policy = policy_->id;
  params_ = PolicySet::embedded().resolve(*policy_, household_.year);
  result_ = core::evaluate(household_, params_);
  reform_params_ = PolicySet::embedded().resolve(*policy_, household_.year, reform_.changes);
  reform_result_ = reform_.empty() ? result_ : core::evaluate(household_, reform_params_);
  dirty_ = false;
}

void Session::set_reform(core::Reform reform) {
  if (const core::PolicyFile* policy = PolicySet::embedded().find(reform.policy)) set_policy(*policy);
  if (reform.year && *reform.year >= policy_->first_year && *reform.year <= policy_->last_year) set_year(*reform.year);
  reform_ = std::move(reform);
  reform_changed();
}

void Session::set_reform_only(core::Reform reform) {
  reform_ = std::move(reform);
  reform_changed();
}

core::InputErrors Session::open_reform(std::string_view text) {
  auto parsed = core::parse_reform(text);
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
  // Birth years stay as entered, so ages follow the year; a member born after the new year is kept at age 0.
  household_.year = year;
  for (core::Member& m : household_.members)
    if (m.birth_year > year) m.birth_year = year;
  changed();
}

void Session::load(core::Household household) {
  const PolicySet& policies = PolicySet::embedded();
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
  const PolicySet& policies = PolicySet::embedded();
  const std::string policy_id = parsed.value.policy.empty() ? policy_->id : parsed.value.policy;
  if (auto problem = policies.check(policy_id, parsed.value.year, "/policy")) return {*problem};
  household_ = std::move(parsed.value);
  policy_ = policies.find(policy_id);
  changed();
  return {};
}

std::string Session::share_text() const {
  core::Household h = household_;
  h.policy = policy_->id;
  const nlohmann::json doc = {{"schema", "zengshou.share/1"},
                              {"household", core::household_to_json(h)},
                              {"reform", nlohmann::json::parse(core::reform_to_json(reform_), nullptr, false)}};
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

core::InputErrors Session::open_share(std::string_view text) {
  core::InputErrors errors;
  const auto doc = core::parse_json_text(text, "a share link", errors);
  if (!doc) return errors;
  if (!doc->is_object() || !doc->contains("household") || doc->value("schema", "") != "zengshou.share/1")
    return {{"/", "expected a share link made by this program (zengshou.share/1)"}};
  core::Reform reform;
  if (doc->contains("reform") && !(*doc)["reform"].is_null()) {
    auto parsed = core::parse_reform((*doc)["reform"].dump());
    for (core::InputError& e : parsed.errors) errors.push_back({"/reform" + e.where, e.expected});
    reform = std::move(parsed.value);
  }
  if (!errors.empty()) return errors;
  for (core::InputError& e : open((*doc)["household"].dump())) errors.push_back({"/household" + e.where, e.expected});
  if (!errors.empty()) return errors;
  reform_ = std::move(reform);
  reform_changed();
  return {};
}

std::string Session::save() const {
  core::Household h = household_;
  h.policy = policy_->id;
  return core::household_to_json(h).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace zengshou::app
