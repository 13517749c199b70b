// The workspace (issue 6): households with their quarterly ledgers (季度台账, seed 001 二(三)三), the open household
// and the reform, saved and read back unchanged; a roster array (version 0) migrated; the ledger against the
// year's projection, worked by hand.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "core/household_json.h"
#include "core/workspace.h"
#include "helpers.h"

using namespace zengshou::test;

namespace {

// Two adults, 12 × 1500 a month in the county: 18 000 a year, 9 000 a person (Changning 2022, no programme pays).
WorkspaceHousehold two_workers() {
  WorkspaceHousehold h;
  h.household = household(Category::tuopin, 2022, {adult(1980, {job(JobKind::local, 12, 1500)}), adult(1982)},
                          "yunnan/changning");
  h.household.id = "W-1";
  h.household.last_year_per_capita_net = yuan(9500);
  return h;
}

}  // namespace

TEST_CASE("a workspace with ledgers, the open household and a reform saves and reads back the same") {
  Workspace w;
  w.households.push_back(two_workers());
  QuarterRecord& q2 = w.households[0].quarter(2022, 2);
  q2.wage = yuan(4500);
  QuarterRecord& q1 = w.households[0].quarter(2022, 1);  // inserted before Q2
  q1.wage = yuan(4000);
  q1.production_revenue = yuan(1000);
  q1.production_cost = yuan(500);
  REQUIRE_EQ(w.households[0].ledger.size(), 2);
  CHECK_EQ(w.households[0].ledger[0].quarter, 1);
  w.current = w.households[0].household;
  w.current_index = 0;
  w.reform.name = "岗位";
  w.reform.set(ParamId::post_monthly_floor, 100000);
  const std::string text = workspace_to_json(w);
  const auto back = parse_workspace(text);
  REQUIRE(back.ok());
  CHECK_EQ(workspace_to_json(back.value), text);
  CHECK_EQ(back.value.households[0].find_quarter(2022, 1)->net(), yuan(4500));
  CHECK_EQ(back.value.current_index, 0);
  CHECK_EQ(back.value.reform.changes.size(), 1);
}

TEST_CASE("version 0, a bare array of households, is migrated to a workspace") {
  const std::string roster = "[" + household_to_json(two_workers().household).dump() + "]";
  const auto w = parse_workspace(roster);
  REQUIRE(w.ok());
  REQUIRE_EQ(w.value.households.size(), 1);
  CHECK_EQ(w.value.households[0].household.id, "W-1");
  CHECK(w.value.households[0].ledger.empty());
  CHECK(w.value.reform.empty());
}

TEST_CASE("a bad workspace names each problem and yields nothing") {
  const auto bad = parse_workspace(R"({"schema": "zengshou.workspace/1", "households": [
    {"household": {"schema": "zengshou.household/1", "year": 2022, "category": "tuopin", "members": [{"birth_year": 1980}]},
     "ledger": [{"year": 2022, "quarter": 5, "wage": 1}, {"year": 2022, "quarter": 1, "wage": -3}]}]})");
  REQUIRE_EQ(bad.errors.size(), 2);
  CHECK_EQ(bad.errors[0].where, "/households/0/ledger/0/quarter");
  CHECK_EQ(bad.errors[1].where, "/households/0/ledger/1/wage");
  CHECK(bad.value.households.empty());
  CHECK_EQ(parse_workspace(R"({"schema": "zengshou.household/1"})").errors[0].where, "/schema");
}

TEST_CASE("households are read one at a time, each problem under its own index, in both forms") {
  const std::string good = household_to_json(two_workers().household).dump();
  const std::string bad = R"({"schema": "zengshou.household/1", "year": 1800, "category": "tuopin",
                              "members": [{"birth_year": 1980}]})";
  const auto v1 = parse_workspace(R"({"households": [{"household": )" + good + R"(}, 7, {"household": )" + bad +
                                  R"(}], "schema": "zengshou.workspace/1", "current": null})");
  REQUIRE_EQ(v1.errors.size(), 2);
  CHECK_EQ(v1.errors[0].where, "/households/1");  // not a household at all
  CHECK_EQ(v1.errors[1].where, "/households/2/household/year");
  const auto v0 = parse_workspace("[" + good + "," + good + "," + bad + "]");
  REQUIRE_EQ(v0.errors.size(), 1);
  CHECK_EQ(v0.errors[0].where, "/2/year");
  const auto both = parse_workspace("[" + good + "," + good + "]");
  REQUIRE(both.ok());
  CHECK_EQ(both.value.households.size(), 2);
  // "households" must still be there, and an array.
  CHECK_EQ(parse_workspace(R"({"schema": "zengshou.workspace/1", "households": 3})").errors.at(0).where, "/households");
}

TEST_CASE("the ledger against the projection, by hand: two quarters of Changning 2022") {
  WorkspaceHousehold h = two_workers();
  const Result projection = run(h.household, "yunnan/changning", 2022);
  REQUIRE_EQ(projection.income.net, yuan(18000));
  CHECK_EQ(ledger_status(h, 2022, projection).quarters, 0);
  QuarterRecord& q1 = h.quarter(2022, 1);
  q1.wage = yuan(4000);
  q1.production_revenue = yuan(1000);
  q1.production_cost = yuan(500);
  h.quarter(2022, 2).wage = yuan(4500);
  h.quarter(2021, 4).wage = yuan(99999);  // another year: not counted
  const LedgerStatus s = ledger_status(h, 2022, projection);
  CHECK_EQ(s.quarters, 2);
  CHECK_EQ(s.year_to_date, yuan(4500 + 4500));
  CHECK_EQ(s.expected_to_date, yuan(18000 * 2 / 4));  // 9 000: on track
  CHECK_FALSE(s.below_expected);
  CHECK_EQ(s.annualised_per_capita, yuan(9000 * 4 / 2 / 2));  // 9 000 a person
  CHECK(s.fell);                                              // last year 9 500
  CHECK_EQ(s.growth_below_target, projection.growth.target_basis_points.has_value());
  CHECK_FALSE(s.below_monitoring_line);  // 9 000 ≥ 6 300
  h.quarter(2022, 2).wage = yuan(100);   // a bad second quarter: 4 600 to date, 4 600 a person a year
  const LedgerStatus low = ledger_status(h, 2022, projection);
  CHECK(low.below_expected);
  CHECK_EQ(low.annualised_per_capita, yuan(4600));
  CHECK(low.below_monitoring_line);
}

TEST_CASE("a household record (one record a household in the browser's database) reads back the same") {
  WorkspaceHousehold h = two_workers();
  h.quarter(2022, 3).transfer = yuan(250);
  const std::string text = household_record_json(h);
  const auto back = parse_household_record(text);
  REQUIRE(back.ok());
  CHECK_EQ(household_record_json(back.value), text);
  CHECK_EQ(back.value.find_quarter(2022, 3)->transfer, yuan(250));
  // A bare household is not a record, and a bad one names its field.
  CHECK_EQ(parse_household_record(household_to_json(h.household).dump()).errors.at(0).where, "");
  const auto bad =
      parse_household_record(R"({"household": {"schema": "zengshou.household/1", "year": 2022, "category": "tuopin",
      "members": [{"birth_year": 2024}]}, "ledger": []})");
  REQUIRE_EQ(bad.errors.size(), 1);
  CHECK_EQ(bad.errors[0].where, "/household/members/0/birth_year");
  CHECK(bad.value.household.members.empty());  // nothing half-read
}

TEST_CASE("the session record: the calculator's household, its roster record and the reform") {
  SessionRecord s;
  s.current = two_workers().household;
  s.current_record = "h/0001";
  s.current_unsaved = true;
  s.reform.name = "岗位";
  s.reform.set(ParamId::post_monthly_floor, 100000);
  const std::string text = session_record_json(s);
  const auto back = parse_session_record(text);
  REQUIRE(back.ok());
  CHECK_EQ(session_record_json(back.value), text);
  CHECK_EQ(*back.value.current_record, "h/0001");
  CHECK_EQ(back.value.current->id, "W-1");
  CHECK(back.value.current_unsaved);
  CHECK_EQ(parse_session_record(R"({"schema": "zengshou.session/1", "current_record": -1})").errors.at(0).where,
           "/current_record");
  CHECK_EQ(parse_session_record(R"({"schema": "zengshou.workspace/1"})").errors.at(0).where, "/schema");
}

TEST_CASE("the session record keeps her workbook column matches; records without them read as before") {
  SessionRecord s;
  s.column_aliases = {{"月收入（元）", "monthly_wage"}, {"务工地", "job_kind"}};
  const auto back = parse_session_record(session_record_json(s));
  REQUIRE(back.ok());
  CHECK_EQ(back.value.column_aliases, s.column_aliases);
  CHECK_EQ(session_record_json(SessionRecord{}).find("column_aliases"), std::string::npos);
  CHECK(parse_session_record(R"({"schema": "zengshou.session/1"})").value.column_aliases.empty());
  CHECK_EQ(
      parse_session_record(R"({"schema": "zengshou.session/1", "column_aliases": {"月收入": 5}})").errors.at(0).where,
      "/column_aliases/月收入");
}

TEST_CASE("a stored workspace that does not read whole gives up only its bad entries, each with its text") {
  const std::string good = household_to_json(two_workers().household).dump();
  // The reported case: a start-up year after the household's year (written before move_to_year existed).
  const std::string bad = R"({"schema": "zengshou.household/1", "year": 2022, "category": "urban",
                              "members": [{"birth_year": 1990, "first_business_year": 2024}]})";
  const auto salvaged = salvage_workspace(R"({"schema": "zengshou.workspace/1", "households": [{"household": )" + good +
                                          R"(}, {"household": )" + bad + R"(, "ledger": []}, {"household": )" + good +
                                          R"(}], "current": )" + bad + R"(, "current_index": 2})");
  CHECK(salvaged.errors.empty());
  CHECK_EQ(salvaged.workspace.households.size(), 2);
  REQUIRE_EQ(salvaged.unreadable.size(), 2);
  CHECK_EQ(salvaged.unreadable[0].where, "/households/1");
  CHECK_EQ(salvaged.unreadable[0].errors.at(0).where, "/households/1/household/members/0/first_business_year");
  CHECK(parse_household_record(salvaged.unreadable[0].text).errors.size() == 1);  // its text, as it was
  CHECK_EQ(salvaged.unreadable[1].where, "/current");
  CHECK_FALSE(salvaged.workspace.current.has_value());
  CHECK_EQ(salvaged.workspace.current_index, 1);  // the file's third household is the second kept
  // Not JSON at all: nothing read, one problem for the file.
  const auto broken = salvage_workspace("{\"households\": [");
  CHECK_EQ(broken.errors.size(), 1);
  CHECK(broken.workspace.households.empty());
}

TEST_CASE("a workspace carries her own policies (issue 16): written as the files, read back the same; a bad entry") {
  Workspace w;
  w.policies.push_back(R"({"schema":"zengshou.policy/1","id":"guizhou/mine","name":{"zh":"本县","en":"Mine"}})");
  const auto back = parse_workspace(workspace_to_json(w));
  REQUIRE(back.ok());
  REQUIRE_EQ(back.value.policies.size(), 1u);
  CHECK_EQ(nlohmann::json::parse(back.value.policies[0]), nlohmann::json::parse(w.policies[0]));
  const auto bad = parse_workspace(R"({"schema":"zengshou.workspace/1","households":[],"policies":[1]})");
  REQUIRE_EQ(bad.errors.size(), 1u);
  CHECK_EQ(error_line(bad.errors[0]), "error: /policies/0: expected a policy file (an object)");
}
