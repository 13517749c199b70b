// Reforms (issue 5): the reform file, its diff against a policy, and a village compared before and after —
// worked by hand on a small village — and monotonicity: raising a benefit never lowers anyone's income.
#include <algorithm>  // find_if

#include <doctest/doctest.h>

#include "core/embedded_assets.h"
#include "core/reform.h"
#include "core/synthetic.h"
#include "core/village.h"
#include "helpers.h"

using namespace zengshou::test;

namespace {

std::string post_reform_text() {
  return R"({
  "schema": "zengshou.reform/1",
  "name": "公益性岗位 1000 元",
  "policy": "yunnan/changning",
  "year": 2022,
  "changes": {
    "public_welfare_post.monthly": 1000,
    "rain_dew.counts_in_net_income": true,
    "pension_contribution_subsidy.rate": 12.5,
    "rain_dew.categories": ["tuopin", "general"],
    "farmland_subsidy.per_mu": null
  }
})";
}

}  // namespace

TEST_CASE("a reform file reads every kind of value and writes back the same") {
  const auto parsed = parse_reform(post_reform_text());
  REQUIRE(parsed.ok());
  const Reform& r = parsed.value;
  CHECK_EQ(r.name, "公益性岗位 1000 元");
  CHECK_EQ(r.policy, "yunnan/changning");
  CHECK_EQ(r.year, 2022);
  REQUIRE_EQ(r.changes.size(), 5);
  CHECK_EQ(r.find(ParamId::post_monthly_floor)->value, 100000);  // fen
  CHECK_EQ(r.find(ParamId::rain_dew_counted)->value, 1);
  CHECK_EQ(r.find(ParamId::pension_subsidy_rate)->value, 1250);  // basis points
  CHECK_FALSE(r.find(ParamId::farmland_per_mu)->value.has_value());
  const auto again = parse_reform(reform_to_json(r));
  REQUIRE(again.ok());
  CHECK_EQ(reform_to_json(again.value), reform_to_json(r));
}

TEST_CASE("a bad reform file names each problem and yields no reform") {
  const auto bad = parse_reform(R"({"schema": "zengshou.reform/1", "name": "x", "policy": "nowhere",
    "changes": {"public_welfare_post.monthly": -5, "no.such": 1, "rain_dew.counts_in_net_income": "yes"}})");
  REQUIRE_EQ(bad.errors.size(), 4);
  CHECK_EQ(error_line(bad.errors[0]), "error: /policy: expected a known policy id, got \"nowhere\"");
  CHECK_EQ(bad.errors[1].where, "/changes/no.such");
  CHECK_EQ(bad.errors[2].where, "/changes/public_welfare_post.monthly");
  CHECK_EQ(error_line(bad.errors[3]),
           "error: /changes/rain_dew.counts_in_net_income: expected true or false or null, got \"yes\"");
  CHECK(bad.value.empty());
  CHECK_EQ(parse_reform("[1,").errors.size(), 1);
  CHECK_EQ(parse_reform(R"({"schema": "zengshou.household/1", "name": "x", "changes": {}})").errors[0].where,
           "/schema");
}

TEST_CASE("the diff lists only what the reform changes against the policy's own values (000 三(一)4: 800)") {
  Reform r;
  r.set(ParamId::post_monthly_floor, 100000);
  r.set(ParamId::rain_dew_amount, 300000);    // Changning's own value: no change
  r.set(ParamId::post_monthly_floor, 90000);  // replaces, does not add
  const auto diff = reform_diff(r, params("yunnan/changning", 2022));
  REQUIRE_EQ(diff.size(), 1);
  CHECK_EQ(diff[0].id, ParamId::post_monthly_floor);
  CHECK_EQ(diff[0].baseline, 80000);
  CHECK_EQ(diff[0].reformed, 90000);
  r.remove(ParamId::post_monthly_floor);
  CHECK(reform_diff(r, params("yunnan/changning", 2022)).empty());
}

TEST_CASE("a village compared, by hand: post 800 → 1100 under Changning 2022 (000 三(一)4), line 6300") {
  // Baseline per-capita net, lowest first:
  //   C 1 person, post 6 × 800 = 4800 (below 6300)   → 6 × 1100 = 6600, lifted, +1800
  //   A 1 person, local 12 × 500 = 6000 (below)       → unchanged
  //   D 2 people, local 12 × 1500 = 18000, 9000 each   → unchanged
  //   B 1 person, post 12 × 800 = 9600                 → 13200, +3600
  const std::vector<Household> village = {
      household(Category::tuopin, 2022, {adult(1980, {job(JobKind::local, 12, 500)})}),                // A
      household(Category::tuopin, 2022, {adult(1980, {job(JobKind::public_welfare_post, 12, 800)})}),  // B
      household(Category::tuopin, 2022, {adult(1980, {job(JobKind::public_welfare_post, 6, 800)})}),   // C
      household(Category::tuopin, 2022, {adult(1980, {job(JobKind::local, 12, 1500)}), adult(1982)}),  // D
  };
  const VillageRun base = run_village(village, params("yunnan/changning", 2022));
  const VillageRun reform =
      run_village(village, params("yunnan/changning", 2022, {set("public_welfare_post.monthly=1100")}));
  CHECK_EQ(base.summary.people_below_monitoring_line, 2);
  CHECK_EQ(base.summary.poverty_gap_total, yuan(1500 + 300));
  CHECK_EQ(base.summary.poverty_gap_mean, yuan(900));
  CHECK_EQ(reform.summary.people_below_monitoring_line, 1);
  const VillageComparison c = compare_villages(base, reform);
  CHECK_EQ(c.winners, 2);
  CHECK_EQ(c.losers, 0);
  CHECK_EQ(c.cost, yuan(1800 + 3600));
  CHECK_EQ(c.people_lifted, 1);
  CHECK(c.has_cost_per_person_lifted);
  CHECK_EQ(c.cost_per_person_lifted, yuan(5400));
  // Four households: ranks 0–3 fall in tenths 0, 2, 5 and 7.
  CHECK_EQ(c.deciles[0].households, 1);
  CHECK_EQ(c.deciles[0].baseline_low, yuan(4800));
  CHECK_EQ(c.deciles[0].winners, 1);
  CHECK_EQ(c.deciles[0].per_capita_change(), yuan(1800));
  CHECK_EQ(c.deciles[2].winners, 0);
  CHECK_EQ(c.deciles[5].people, 2);
  CHECK_EQ(c.deciles[5].net_change, Money());
  CHECK_EQ(c.deciles[7].per_capita_change(), yuan(3600));
  CHECK_EQ(c.deciles[1].households, 0);
  // People by per-capita net in 2000-yuan bins, the last open: 4800 → bin 2, 6000 → 3, 9000 ×2 and 9600 → 4.
  CHECK_EQ(per_capita_histogram(base, yuan(2000), 5), std::vector<int>{0, 0, 1, 1, 3});
}

TEST_CASE("a reform that costs nothing or lifts nobody has no cost per person lifted") {
  const std::vector<Household> village = {
      household(Category::tuopin, 2022, {adult(1980, {job(JobKind::local, 12, 500)})})};
  const VillageRun base = run_village(village, params("yunnan/changning", 2022));
  const VillageComparison same = compare_villages(base, base);
  CHECK_FALSE(same.has_cost_per_person_lifted);
  CHECK_EQ(same.winners + same.losers, 0);
  CHECK_EQ(same.deciles[0].households, 1);
}

TEST_CASE("monotonicity: raising any amount, or counting or offering a programme, never lowers a household's net") {
  struct Case {
    const char* policy;
    int year;
  };
  for (const Case& pc : {Case{"yunnan/changning", 2022}, Case{"guizhou/ceheng", 2023}, Case{"yunnan/weixi", 2022},
                         Case{"yunnan/qujing", 2023}, Case{"template/county", 2022}}) {
    const auto village = synthetic_households(11, 600, pc.policy, pc.year);
    const YearParameters base_params = params(pc.policy, pc.year);
    const VillageRun base = run_village(village, base_params);
    for (size_t i = 0; i < param_count; ++i) {
      const auto id = static_cast<ParamId>(i);
      const Unit unit = info(id).unit;
      ParamOverride raised{id, std::nullopt};
      if (is_money(unit) && base_params.is_set(id))
        raised.value = base_params.raw(id) + base_params.raw(id) / 10 + 10000;  // +10 % and 100 yuan
      else if (unit == Unit::flag && !base_params.flag(id))  // a programme's "available" or "counted" switched on
        raised.value = 1;
      else
        continue;
      const VillageRun after = run_village(village, params(pc.policy, pc.year, {raised}));
      int lowered = 0;
      for (size_t h = 0; h < village.size(); ++h)
        if (after.households[h].net < base.households[h].net) ++lowered;
      INFO(pc.policy, " ", info(id).name);
      CHECK_EQ(lowered, 0);
    }
  }
}

TEST_CASE("the prepared scenarios all load, each for a policy and year it covers, each changing something") {
  REQUIRE_EQ(embedded_reform_files().size(), prepared_scenarios().size());
  REQUIRE_GE(prepared_scenarios().size(), 3);
  for (const Reform& r : prepared_scenarios()) {
    INFO(r.name);
    CHECK_FALSE(r.name_en.empty());
    CHECK_FALSE(r.description.empty());
    REQUIRE(r.year.has_value());
    CHECK_FALSE(PolicySet::embedded().check(r.policy, *r.year, "/policy").has_value());
    CHECK_FALSE(reform_diff(r, params(r.policy, *r.year)).empty());
    const auto example = std::find_if(embedded_example_files().begin(), embedded_example_files().end(),
                                      [&](const EmbeddedAsset& e) { return e.name == r.household; });
    CHECK(example != embedded_example_files().end());
  }
  // Guizhou pension 103 → 118 in 2022 (003 附件2 三.25): the change the trainer steps to third.
  const auto diff = reform_diff(prepared_scenarios()[2], params("guizhou/ceheng", 2022));
  REQUIRE_EQ(diff.size(), 1);
  CHECK_EQ(diff[0].baseline, 10300);
  CHECK_EQ(diff[0].reformed, 11800);
}
