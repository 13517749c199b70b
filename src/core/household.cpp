#include "household.h"

#include <algorithm>  // min

namespace zengshou::core {

void move_to_year(Household& household, int year) {
  household.year = year;
  for (Member& m : household.members) {
    m.birth_year = std::min(m.birth_year, year);
    if (m.first_business_year) m.first_business_year = std::min(*m.first_business_year, year);
    if (m.school) m.school->years_since = std::min(m.school->years_since, year - earliest_year);
  }
  // Monitored since no later than the year (December of it, at the latest).
  if (household.monitoring.since / 100 > year) household.monitoring.since = year * 100 + 12;
}

Member age_default_member(std::string name, int birth_year, int year, int pension_age) {
  constexpr int working_age = 16, school_from = 6;
  Member m;
  m.name = std::move(name);
  m.birth_year = birth_year;
  const int age = m.age_in(year);
  if (age >= pension_age) {
    m.pension.enrolled = true;
  } else if (age >= working_age) {
    m.pension.enrolled = true;
    m.pension.tier = Money::yuan(100);
  } else {
    m.labor = Labor::none;
    if (age >= school_from) m.school = School{SchoolLevel::compulsory, false, 0, Money()};
  }
  return m;
}

namespace {

bool same_facts(const Member& a, const Member& b) {
  const auto level = [](const Member& m) { return m.school ? static_cast<int>(m.school->level) : -1; };
  return a.labor == b.labor && a.disability_grade == b.disability_grade && level(a) == level(b) && a.jobs.empty() &&
         b.jobs.empty() && a.pension.enrolled == b.pension.enrolled && a.pension.tier == b.pension.tier &&
         a.training_days == b.training_days && a.first_business_year == b.first_business_year && a.tekun == b.tekun &&
         a.certificate == b.certificate;
}

}  // namespace

bool untouched(const Member& m, int year, int pension_age) {
  if (same_facts(m, Member{})) return true;
  for (int age : {0, 10, 40, pension_age})  // a new member of each age class
    if (same_facts(m, age_default_member("", year - age, year, pension_age))) return true;
  return false;
}

void apply_age_defaults(Member& m, int year, int pension_age) {
  constexpr int oldest = 120;
  const int age = m.age_in(year);
  // A year still being typed (2, 20, 201 on the way to 2013) is no age: nothing is assumed from it.
  if (age < 0 || age > oldest || !untouched(m, year, pension_age)) return;
  m = age_default_member(std::move(m.name), m.birth_year, year, pension_age);
}

}  // namespace zengshou::core
