// Net income (DOMAIN.md §3), lines and flags (§5), suggestions (§5a), and parameter overrides.
#include <doctest/doctest.h>

#include "core/household_json.h"
#include "helpers.h"

using namespace zengshou::test;

TEST_CASE("net income §3: wage + production − costs + property + transfer, counted amounts only; cash adds the rest") {
  // The Changning example (assets/examples/changning-tuopin.json), worked by hand:
  // wage 4000×10 + post max(700,800)×12 = 49600; production 12000 − 5000; property 600 + 300;
  // transfer: pension 98×12 = 1176, care subsidy 80×12 = 960, farmland 5.5×80 = 440 → 2576;
  // net 60076, per capita 15019; not counted: risk area 1000 + travel 500 + training 5×40 + rain dew 5000 = 6700.
  Household h = household(Category::tuopin, 2022, {adult(1975), adult(1978), adult(2005), adult(1950)});
  Job out = job(JobKind::out_of_province, 10, 4000);
  out.risk_area_months = 3;
  h.members[0].jobs = {out};
  h.members[1].jobs = {job(JobKind::public_welfare_post, 12, 700)};
  h.members[1].training_days = 5;
  h.members[2].school = School{SchoolLevel::secondary_vocational, true, 0, Money()};
  h.members[3].labor = Labor::none;
  h.members[3].disability_grade = 2;
  h.members[3].pension.enrolled = true;
  h.production = {{ProductionKind::crop, "烤烟", yuan(12000), yuan(5000)}};
  h.property = {yuan(600), yuan(300), Money(), Money()};
  h.transfers.farmland_centimu = 550;
  const Result r = run(h, "yunnan/changning", 2022);
  CHECK_EQ(r.income.wage, yuan(49600));
  CHECK_EQ(r.income.production, yuan(12000));
  CHECK_EQ(r.income.production_cost, yuan(5000));
  CHECK_EQ(r.income.property, yuan(900));
  CHECK_EQ(r.income.transfer, yuan(2576));
  CHECK_EQ(r.income.net, yuan(60076));
  CHECK_EQ(r.income.per_capita_net, yuan(15019));
  CHECK_EQ(r.income.cash_received, yuan(60076 + 6700));
}

TEST_CASE("per-capita net rounds half up: 10000.01 over 3 people is 3333.34") {
  const Household h =
      household(Category::general, 2022, {adult(1980, {job(JobKind::local, 1, 0)}), adult(1981), adult(1982)});
  Household with_income = h;
  with_income.transfers.other = Money::fen(1000001);
  CHECK_EQ(run(with_income, "yunnan/changning", 2022).income.per_capita_net, Money::fen(333334));
}

TEST_CASE("counts_in_net_income is a switch: rain_dew counted when a reform says so") {
  Household h = household(Category::tuopin, 2022, {adult(2005)});
  h.members[0].school = School{SchoolLevel::higher_vocational, false, 0, Money()};
  const Result counted = run(h, "yunnan/changning", 2022, {set("rain_dew.counts_in_net_income=true")});
  CHECK_EQ(counted.income.net, yuan(3000));
  CHECK_EQ(counted.income.transfer, yuan(3000));
  CHECK(counted.programme(ProgrammeId::rain_dew).counted);
}

TEST_CASE("a programme a policy lacks can be switched on, and an amount raised (trainers' reforms)") {
  Job j = job(JobKind::public_welfare_post, 12, 800);
  const Household h = household(Category::tuopin, 2022, {adult(1980, {j})});
  const Result raised = run(h, "yunnan/changning", 2022, {set("public_welfare_post.monthly=1000")});
  CHECK_EQ(raised.programme(ProgrammeId::public_welfare_post).amount, yuan(12000));
  Job out = job(JobKind::out_of_province, 12, 4000);
  out.first_organized_export = true;
  const Household exporter = household(Category::tuopin, 2022, {adult(1980, {out})});
  CHECK_FALSE(run(exporter, "yunnan/changning", 2022).programme(ProgrammeId::job_seeking_subsidy).available);
  const Result on = run(exporter, "yunnan/changning", 2022, {set("job_seeking_subsidy.available=true")});
  CHECK_EQ(on.programme(ProgrammeId::job_seeking_subsidy).amount, yuan(1000));
}

TEST_CASE("lines §5: monitoring line by province and year, inherited from national where a province has none") {
  const Household h = household(Category::tuopin, 2022, {adult(1980, {job(JobKind::local, 12, 500)})});  // 6000
  const Result r2022 = run(h, "yunnan/changning", 2022);
  REQUIRE_EQ(r2022.lines.size(), 3);           // monitoring, policy 7000 (000 二), focus 10000 (000 四(三))
  CHECK_EQ(r2022.lines[0].value, yuan(6300));  // national reference, assumed
  CHECK(params("yunnan/changning", 2022)[ParamId::line_monitoring].assumed());
  CHECK_EQ(r2022.lines[0].per_capita_gap, yuan(300));
  CHECK_EQ(r2022.lines[1].value, yuan(7000));
  CHECK_EQ(r2022.lines[1].household_gap, yuan(1000));
  CHECK_EQ(run(h, "yunnan/weixi", 2023).lines[0].value, yuan(8050));  // Yunnan 2023, sourced
  CHECK_FALSE(params("yunnan/weixi", 2023)[ParamId::line_monitoring].assumed());
  CHECK_EQ(run(h, "yunnan/weixi", 2024).lines[0].value, yuan(8050));  // still in force
  CHECK_EQ(run(h, "yunnan/weixi", 2025).lines[0].value, yuan(8700));
  CHECK_EQ(run(h, "guizhou/ceheng", 2024).lines[0].value, yuan(7100));   // national, assumed
  CHECK_EQ(run(h, "yunnan/weixi", 2023).lines[1].value, yuan(8500));     // 001 二(三)
  CHECK_EQ(run(h, "guizhou/ceheng", 2023).lines.size(), 1);              // Ceheng's 10000 starts in 2024
  CHECK_EQ(run(h, "guizhou/ceheng", 2024).lines[1].value, yuan(10000));  // 003 附件2 二.18
}

TEST_CASE("flags §5: below the lines, with the gap per person and for the household") {
  const Household h = household(Category::tuopin, 2022, {adult(1980, {job(JobKind::local, 12, 500)}), adult(1982)});
  const Result r = run(h, "yunnan/changning", 2022);  // per capita 3000
  REQUIRE(r.has_flag(FlagId::below_monitoring_line));
  REQUIRE(r.has_flag(FlagId::below_policy_line));
  CHECK_EQ(render(r.flags[1].detail, Language::zh),
           "人均纯收入3000元,低于面向脱贫户、脱贫不稳定户、边缘易致贫户、突发严重困难户的收入线7000元,每人差4000元,"
           "全户差8000元");
}

TEST_CASE("flags §5: income fell; growth below the policy's target (Changning 18%, 000 二)") {
  Household h = household(Category::tuopin, 2022, {adult(1980, {job(JobKind::local, 12, 975)})});  // 11700
  h.last_year_per_capita_net = yuan(10000);
  Result r = run(h, "yunnan/changning", 2022);
  CHECK_FALSE(r.has_flag(FlagId::income_fell));
  CHECK(r.has_flag(FlagId::growth_below_target));                  // 17% < 18%
  h.members[0].jobs[0].monthly_wage = yuan(983) + Money::fen(34);  // 11800.08: 18.0008%
  CHECK_FALSE(run(h, "yunnan/changning", 2022).has_flag(FlagId::growth_below_target));
  h.last_year_per_capita_net = yuan(12000);
  r = run(h, "yunnan/changning", 2022);
  CHECK(r.has_flag(FlagId::income_fell));
  h.category = Category::general;  // no target for ordinary households in Changning
  CHECK_FALSE(run(h, "yunnan/changning", 2022).has_flag(FlagId::growth_below_target));
}

TEST_CASE("flags §5: zero employment, and a relocated household with nobody employed (000 三(一)6)") {
  Household h = household(Category::tuopin, 2022, {adult(1980), adult(1950)});
  h.relocated = true;
  const Result r = run(h, "yunnan/changning", 2022);
  CHECK(r.has_flag(FlagId::zero_employment));
  CHECK(r.has_flag(FlagId::relocated_without_job));
  h.members[0].labor = Labor::none;  // nobody can work: not a 零就业 household
  CHECK_FALSE(run(h, "yunnan/changning", 2022).has_flag(FlagId::zero_employment));
}

TEST_CASE("suggestions §5a: ranked by yuan added, each saying whether it closes the gap") {
  // A 脱贫 household in Changning 2022, two idle adults and a 16-year-old out of school; net 0.
  Household h = household(Category::tuopin, 2022, {adult(1980), adult(1982), adult(2006)});
  h.members[1].labor = Labor::weak;
  const Result r = run(h, "yunnan/changning", 2022);
  REQUIRE_EQ(r.suggestions.size(), 5);
  // Organised export: 3500 × 10 (assumed) + travel 500 (cash, not counted).
  CHECK_EQ(r.suggestions[0].kind, SuggestionKind::organized_export);
  CHECK_EQ(r.suggestions[0].member, 0);
  CHECK_EQ(r.suggestions[0].adds, yuan(35500));
  CHECK_EQ(r.suggestions[0].adds_net, yuan(35000));
  CHECK(r.suggestions[0].closes_gap);  // 35000 / 3 = 11666.67 ≥ 7000
  // Not on dibao with no income: applying adds (4500 − 0) × 3 = 13500 (Yunnan standard, 000 三(三)25).
  CHECK_EQ(r.suggestions[1].kind, SuggestionKind::apply_dibao);
  CHECK_EQ(r.suggestions[1].adds, yuan(13500));
  CHECK_FALSE(r.suggestions[1].closes_gap);  // 4500 < 7000
  // A public-welfare post at the 800 floor: 9600, for each of the two adults; 9600 / 3 = 3200 < 7000.
  CHECK_EQ(r.suggestions[2].kind, SuggestionKind::take_post);
  CHECK_EQ(r.suggestions[2].adds, yuan(9600));
  CHECK_FALSE(r.suggestions[2].closes_gap);
  CHECK_EQ(r.suggestions[3].kind, SuggestionKind::take_post);
  CHECK_EQ(r.suggestions[3].member, 1);
  // The 16-year-old enrols in 中职: Rain and Dew 3000, cash only.
  bool found = false;
  for (const Suggestion& s : r.suggestions) {
    if (s.kind != SuggestionKind::enrol_vocational) continue;
    found = true;
    CHECK_EQ(s.member, 2);
    CHECK_EQ(s.adds, yuan(3000));
    CHECK_EQ(s.adds_net, Money());
  }
  CHECK(found);
  for (size_t i = 1; i < r.suggestions.size(); ++i) CHECK_GE(r.suggestions[i - 1].adds, r.suggestions[i].adds);
}

TEST_CASE("suggestions §5a: a 60+ member claims the pension; a household below the dibao standard applies") {
  Household h = household(Category::general, 2023, {adult(1955)});
  h.members[0].labor = Labor::none;
  const Result r = run(h, "guizhou/ceheng", 2023);
  REQUIRE_EQ(r.suggestions.size(), 2);
  CHECK_EQ(r.suggestions[0].kind, SuggestionKind::apply_dibao);
  CHECK_EQ(r.suggestions[0].adds, yuan(4318));
  CHECK_EQ(r.suggestions[1].kind, SuggestionKind::claim_pension);
  CHECK_EQ(r.suggestions[1].adds, yuan(118 * 12));
}

TEST_CASE("suggestions on dibao: extra counted income is partly offset by a smaller allowance") {
  // Ceheng 2022, dibao household of 2, net before dibao 0: dibao (4318 − 0) × 2 = 8636.
  // A post adds 9600; per capita before dibao 4800 ≥ 4318, so dibao falls to 0: net gain 9600 − 8636 = 964.
  Household h = household(Category::tuopin, 2022, {adult(1980), adult(1950)});
  h.dibao = true;
  h.members[1].labor = Labor::none;
  const Result r = run(h, "guizhou/ceheng", 2022);
  CHECK_EQ(r.programme(ProgrammeId::dibao).amount, yuan(8636));
  for (const Suggestion& s : r.suggestions) {
    if (s.kind != SuggestionKind::take_post) continue;
    CHECK_EQ(s.adds_net, yuan(964));
    CHECK_EQ(s.adds, yuan(964));
  }
}

TEST_CASE("policy check: an unknown policy id or a year the policy does not cover is an input error") {
  const PolicySet& set = PolicySet::embedded();
  CHECK_FALSE(set.check("yunnan/changning", 2022, "/policy").has_value());
  const auto unknown = set.check("yunnan/kunming", 2022, "/policy");
  REQUIRE(unknown.has_value());
  CHECK_EQ(unknown->where, "/policy");
  const auto uncovered = set.check("guizhou/ceheng", 2021, "/policy");
  REQUIRE(uncovered.has_value());
  CHECK_EQ(uncovered->where, "/year");
  CHECK(uncovered->expected.find("2022–2024") != std::string::npos);
}

TEST_CASE("a household of 30 members (the largest allowed) is evaluated whole") {
  std::vector<Member> members;
  for (int i = 0; i < 30; ++i) members.push_back(adult(1960 + i, {job(JobKind::local, 12, 1000 + i)}));
  const Result r = run(household(Category::general, 2023, members), "yunnan/qujing", 2023);
  CHECK_EQ(r.size, 30);
  // Σ (1000 + i) × 12 for i = 0…29 = 12 × (30 000 + 435) = 365 220; ÷ 30 = 12 174
  CHECK_EQ(r.income.wage, yuan(365220));
  CHECK_EQ(r.income.per_capita_net, yuan(12174));
}
