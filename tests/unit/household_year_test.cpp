// Changing a household's year keeps every dated fact valid (issue 14): a household moved to an earlier year must
// still be read back by its own file reader, or a stored workspace is refused at the next start.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/embedded_assets.h"
#include "core/household_json.h"
#include "helpers.h"

namespace {

using namespace zengshou::test;

// Writes the household as its file and reads it back; returns the reader's problems, one a line.
std::string reread_problems(const Household& h) {
  auto parsed = parse_household(household_to_json(h).dump());
  std::string problems;
  for (const InputError& e : parsed.errors) problems += error_line(e) + "\n";
  return problems;
}

// A household of 2024 with every dated fact at the latest the year allows.
Household latest_facts_2024() {
  Member founder = adult(2024);  // born this year
  founder.first_business_year = 2024;
  Member graduate = adult(2000);
  graduate.school = School{SchoolLevel::graduate, false, 2024 - earliest_year, Money::yuan(100)};
  return household(Category::urban, 2024, {founder, graduate}, "guizhou/ceheng");
}

}  // namespace

TEST_CASE("moving to an earlier year fits every dated field to it (birth, start-up year, years since graduating)") {
  Household h = latest_facts_2024();
  REQUIRE_EQ(reread_problems(h), "");
  move_to_year(h, 2022);
  CHECK_EQ(h.year, 2022);
  CHECK_EQ(h.members[0].birth_year, 2022);
  CHECK_EQ(*h.members[0].first_business_year, 2022);  // the reported case: 2024 in a 2022 household was refused
  CHECK_EQ(h.members[1].birth_year, 2000);            // earlier facts stay as entered
  CHECK_EQ(h.members[1].school->years_since, 2022 - 1900);
  CHECK_EQ(reread_problems(h), "");
}

TEST_CASE("moving to a later year changes no dated fact") {
  Household h = latest_facts_2024();
  move_to_year(h, 2025);
  CHECK_EQ(h.members[0].birth_year, 2024);
  CHECK_EQ(*h.members[0].first_business_year, 2024);
  CHECK_EQ(h.members[1].school->years_since, 124);
  CHECK_EQ(reread_problems(h), "");
}

TEST_CASE("every example household moved to every year from 1900 to 2100 is still a valid household file") {
  for (const EmbeddedAsset& e : embedded_example_files()) {
    auto parsed = parse_household(e.text);
    REQUIRE(parsed.ok());
    for (int year : {2100, 2030, 2024, 2023, 2022, 2021, 2000, 1900}) {
      Household h = parsed.value;
      for (Member& m : h.members) m.first_business_year = h.year;  // a dated fact in every member
      move_to_year(h, year);
      INFO(e.name, " moved to ", year);
      CHECK_EQ(reread_problems(h), "");
    }
  }
}
