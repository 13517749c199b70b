// The policy files in assets/policies: every file parses, every value has a source or is marked assumed, and the
// inheritance national → province → county resolves as DOMAIN.md §6 says.
#include <doctest/doctest.h>

#include "core/embedded_assets.h"
#include "core/household_json.h"
#include "core/policy.h"

#include <algorithm>  // find

using namespace zengshou::core;

TEST_CASE("every embedded policy file parses, with a source or an assumption for each value") {
  std::vector<std::pair<std::string_view, std::string_view>> files;
  for (const EmbeddedAsset& f : embedded_policy_files()) files.emplace_back(f.name, f.text);
  const auto set = PolicySet::from_files(files);
  for (const InputError& e : set.errors) FAIL_CHECK(error_line(e));
  REQUIRE(set.ok());
  CHECK_EQ(set.value->files().size(), 8);
  CHECK_EQ(PolicySet::embedded().files().size(), 8);
}

TEST_CASE("inheritance: the most specific file with a value in force on 1 January wins") {
  const PolicySet& set = PolicySet::embedded();
  const PolicyFile& changning = *set.find("yunnan/changning");
  REQUIRE_EQ(set.chain(changning).size(), 3);  // changning → yunnan → national
  // Yunnan has no monitoring line before 2023: national's 2022 value (assumed) applies.
  const auto y2022 = set.resolve(changning, 2022);
  CHECK_EQ(y2022.money(ParamId::line_monitoring), Money::yuan(6300));
  CHECK_EQ(y2022[ParamId::line_monitoring].file->id, "national");
  const auto y2023 = set.resolve(changning, 2023);
  CHECK_EQ(y2023.money(ParamId::line_monitoring), Money::yuan(8050));
  CHECK_EQ(y2023[ParamId::line_monitoring].file->id, "yunnan");
  // A county value beats the province's: Changning's sourced 800 floor over national's assumed 800.
  CHECK_EQ(y2022[ParamId::post_monthly_floor].file->id, "yunnan/changning");
  CHECK_FALSE(y2022[ParamId::post_monthly_floor].assumed());
  // Guizhou's pension: 103 in 2022, 118 (date assumed) from 2023.
  const PolicyFile& ceheng = *set.find("guizhou/ceheng");
  CHECK_EQ(set.resolve(ceheng, 2022).money(ParamId::pension_monthly), Money::yuan(103));
  CHECK_EQ(set.resolve(ceheng, 2023).money(ParamId::pension_monthly), Money::yuan(118));
  CHECK(set.resolve(ceheng, 2023)[ParamId::pension_monthly].assumed());
  // Seed 004's blanks: assumed defaults.
  const auto tpl = set.resolve(*set.find("template/county"), 2022);
  CHECK(tpl[ParamId::line_policy].assumed());
  CHECK(tpl[ParamId::target_tuopin_total].assumed());
  CHECK_FALSE(set.resolve(*set.find("template/county"), 2023)[ParamId::target_tuopin_total].assumed());
  CHECK_EQ(set.resolve(*set.find("template/county"), 2023).raw(ParamId::target_tuopin_total), 1920);  // 19.2 %
}

TEST_CASE("overrides: NAME=VALUE in the parameter's unit") {
  auto money = parse_override("public_welfare_post.monthly=1000");
  REQUIRE(money.ok());
  CHECK_EQ(money.value.value.value(), 100000);
  auto percent = parse_override("pension_contribution_subsidy.rate=12.5");
  REQUIRE(percent.ok());
  CHECK_EQ(percent.value.value.value(), 1250);
  auto flag = parse_override("rain_dew.counts_in_net_income=true");
  REQUIRE(flag.ok());
  CHECK_EQ(flag.value.value.value(), 1);
  auto categories = parse_override("rain_dew.categories=tuopin,general");
  REQUIRE(categories.ok());
  CHECK_EQ(categories.value.value.value(), category_bit(Category::tuopin) | category_bit(Category::general));
  CHECK_FALSE(parse_override("rain_dew.categories=rich").ok());
  CHECK_FALSE(parse_override("pension_basic.age=60.5").ok());
  CHECK_FALSE(parse_override("rain_dew.amount=-1").ok());
  CHECK_FALSE(parse_override("no_such.thing=1").ok());
  CHECK_FALSE(parse_override("rain_dew.amount").ok());
}

TEST_CASE("a broken policy file is reported at each place, and the set is not built") {
  const auto set = PolicySet::from_files({{"bad", R"({
    "schema": "zengshou.policy/1", "id": "bad", "name": {"zh": "坏", "en": "bad"}, "inherits": "nowhere",
    "years": [2022, 2024],
    "parameters": {
      "no.such": [{"from": "2022-01-01", "value": 1, "source": "x"}],
      "rain_dew.amount": [{"from": "2022-13-01", "value": -5}],
      "rain_dew.available": [{"from": "2022-01-01", "value": "yes", "source": "x"}]
    }
  })"}});
  CHECK_FALSE(set.ok());
  std::vector<std::string> where;
  for (const InputError& e : set.errors) where.push_back(e.where);
  const auto has = [&](const std::string& w) { return std::find(where.begin(), where.end(), w) != where.end(); };
  CHECK(has("bad.json/parameters/no.such"));
  CHECK(has("bad.json/parameters/rain_dew.amount/0/from"));
  CHECK(has("bad.json/parameters/rain_dew.amount/0/value"));
  CHECK(has("bad.json/parameters/rain_dew.amount/0"));  // neither source nor assumed
  CHECK(has("bad.json/parameters/rain_dew.available/0/value"));
}

TEST_CASE("every example household in assets/examples parses and is evaluated under its own policy and year") {
  for (const EmbeddedAsset& f : embedded_example_files()) {
    CAPTURE(std::string(f.name));
    const auto parsed = parse_household(f.text);
    for (const InputError& e : parsed.errors) FAIL_CHECK(error_line(e));
    REQUIRE(parsed.ok());
    const PolicySet& set = PolicySet::embedded();
    CHECK_FALSE(set.check(parsed.value.policy, parsed.value.year, "/policy").has_value());
  }
  CHECK_GE(embedded_example_files().size(), 6);
}
