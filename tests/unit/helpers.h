// Short ways to build households and evaluate them in tests.
#pragma once

#include <string>

#include <doctest/doctest.h>

#include "core/engine.h"
#include "core/household.h"
#include "core/policy.h"

namespace zengshou::test {

using namespace zengshou::core;

inline Money yuan(int64_t y) { return Money::yuan(y); }

inline Household household(Category category, int year, std::vector<Member> members, std::string policy = "") {
  Household h;
  h.id = "T";
  h.category = category;
  h.year = year;
  h.policy = std::move(policy);
  h.members = std::move(members);
  return h;
}

inline Member adult(int birth_year, std::vector<Job> jobs = {}) {
  Member m;
  m.name = "成员";
  m.birth_year = birth_year;
  m.jobs = std::move(jobs);
  return m;
}

inline Job job(JobKind kind, int months, int64_t monthly_wage_yuan) {
  Job j;
  j.kind = kind;
  j.months = months;
  j.monthly_wage = Money::yuan(monthly_wage_yuan);
  return j;
}

inline YearParameters params(const std::string& policy, int year, const std::vector<ParamOverride>& overrides = {}) {
  const PolicySet& set = PolicySet::embedded();
  return set.resolve(*set.find(policy), year, overrides);
}

inline Result run(const Household& h, const std::string& policy, int year, const std::vector<ParamOverride>& o = {}) {
  return evaluate(h, params(policy, year, o));
}

inline ParamOverride set(const std::string& assignment) { return parse_override(assignment).value; }

}  // namespace zengshou::test

namespace doctest {
template <>
struct StringMaker<zengshou::core::Money> {
  static String convert(const zengshou::core::Money& m) { return (m.yuan_text() + " yuan").c_str(); }
};
}  // namespace doctest
