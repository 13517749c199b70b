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

}  // namespace zengshou::core
