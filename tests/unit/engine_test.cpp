// Net income (DOMAIN.md §3), lines and flags (§5), suggestions (§5a), and parameter overrides.
#include <doctest/doctest.h>

#include <algorithm>  // any_of, find_if

#include <nlohmann/json.hpp>

#include "core/embedded_assets.h"
#include "core/household_json.h"
#include "core/result_json.h"
#include "core/synthetic.h"
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
  h.property = {yuan(600), yuan(300), Money(), Money(), Money()};
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
  REQUIRE_EQ(r.suggestions.size(), 8);
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
  // A forest ranger's post at Yunnan's 9000 a year (assumed; 003 附件2 一.5 names the post): 9000 / 3 = 3000 < 7000.
  CHECK_EQ(r.suggestions[4].kind, SuggestionKind::take_forest_ranger_post);
  CHECK_EQ(r.suggestions[4].member, 0);
  CHECK_EQ(r.suggestions[4].adds, yuan(9000));
  CHECK_FALSE(r.suggestions[4].closes_gap);
  CHECK_EQ(r.suggestions[5].kind, SuggestionKind::take_forest_ranger_post);
  CHECK_EQ(r.suggestions[5].member, 1);
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
  for (size_t i = 1; i + 1 < r.suggestions.size(); ++i) CHECK_GE(r.suggestions[i - 1].adds, r.suggestions[i].adds);
  // Last, what closing the gap to the policy line takes: 7000 × 3 = 21000 more a year.
  CHECK_EQ(r.suggestions.back().kind, SuggestionKind::close_gap);
  CHECK_EQ(r.suggestions.back().adds, yuan(21000));
  CHECK_EQ(r.suggestions.back().basis, ParamId::line_policy);
}

TEST_CASE("suggestions §5a: a 60+ member claims the pension; a household below the dibao standard applies") {
  Household h = household(Category::general, 2023, {adult(1955)});
  h.members[0].labor = Labor::none;
  const Result r = run(h, "guizhou/ceheng", 2023);
  REQUIRE_EQ(r.suggestions.size(), 4);
  // Nobody can work, and she is 68: 特困供养 at the assumed standard 4318 × 1.3 = 5613.40 a year.
  CHECK_EQ(r.suggestions[0].kind, SuggestionKind::apply_tekun);
  CHECK_EQ(r.suggestions[0].adds, Money::fen(561340));
  CHECK_EQ(r.suggestions[0].basis, ParamId::tekun_standard);
  CHECK_EQ(r.suggestions[1].kind, SuggestionKind::apply_dibao);
  CHECK_EQ(r.suggestions[1].adds, yuan(4318));
  CHECK_EQ(r.suggestions[2].kind, SuggestionKind::claim_pension);
  CHECK_EQ(r.suggestions[2].adds, yuan(118 * 12));
  // The monitoring line 6600 for one person with nothing: 6600 more closes it.
  CHECK_EQ(r.suggestions[3].kind, SuggestionKind::close_gap);
  CHECK_EQ(r.suggestions[3].adds, yuan(6600));
  CHECK(r.suggestions[3].closes_gap);
}

// Issue 20, 3: a household below a line always gets an answer — the steps that close the gap, or what closing it
// takes and whom to ask.
TEST_CASE("suggestions: a working household 312 yuan a person below the 6300 line is told the 624 yuan that close it") {
  // Changning 2022, a general household of two, each working in the county 12 months at 499: 5988 a person, 312
  // below the monitoring line 6300 (the policy line 7000 is not for general households). Both work all year, the
  // dibao standard 4500 is below 5988: no step opens a programme. Closing the gap takes 312 × 2 = 624 a year.
  const Household h =
      household(Category::general, 2022,
                {adult(1980, {job(JobKind::local, 12, 499)}), adult(1982, {job(JobKind::local, 12, 499)})});
  const Result r = run(h, "yunnan/changning", 2022);
  CHECK_EQ(r.income.per_capita_net, yuan(5988));
  REQUIRE_EQ(r.suggestions.size(), 1);
  const Suggestion& s = r.suggestions[0];
  CHECK_EQ(s.kind, SuggestionKind::close_gap);
  CHECK_EQ(s.adds, yuan(624));
  CHECK_EQ(s.adds_net, yuan(624));
  CHECK(s.closes_gap);
  CHECK_FALSE(s.programme.has_value());
  CHECK_EQ(s.basis, ParamId::line_monitoring);
  CHECK_EQ(render(s.step, Language::zh),
           "全家一年纯收入再增加624元(每人312元)就能达到6300元的线,可以来自多务工、生产经营或财产收入;"
           "上面的办法都不够时,请村委会和乡镇帮扶干部一起想办法");
  // Above the line nothing is suggested to close a gap there is not.
  const Household above = household(Category::general, 2022, {adult(1980, {job(JobKind::local, 12, 525)})});
  CHECK(run(above, "yunnan/changning", 2022).suggestions.empty());  // 6300 a person
}

TEST_CASE("suggestions: someone working part of the year is told the months more that close the gap") {
  // Changning 2022, general, two adults at 600 a month: 8 and 12 months, 4800 + 7200 = 12000, 6000 a person, 300
  // below 6300: 600 for the household, one month more for the first (600), none for the second (all year).
  const Household h =
      household(Category::general, 2022,
                {adult(1980, {job(JobKind::local, 8, 600)}), adult(1982, {job(JobKind::local, 12, 600)})});
  const Result r = run(h, "yunnan/changning", 2022);
  REQUIRE_EQ(r.suggestions.size(), 2);
  CHECK_EQ(r.suggestions[0].kind, SuggestionKind::more_work_months);
  CHECK_EQ(r.suggestions[0].member, 0);
  CHECK_EQ(r.suggestions[0].adds, yuan(600));
  CHECK(r.suggestions[0].closes_gap);  // 12600 ÷ 2 = 6300
  CHECK_EQ(render(r.suggestions[0].step, Language::zh), "再务工1个月(按现在每月600元计)");
  CHECK_EQ(r.suggestions[1].kind, SuggestionKind::close_gap);
  CHECK_EQ(r.suggestions[1].adds, yuan(600));
  // A gap of 3000 a person (6000 for two) at 600 a month needs 10 months; only 4 are left in the year: 2400.
  Household far = h;
  far.members[0].jobs[0].months = 8;
  far.members[1].jobs[0].monthly_wage = yuan(100);  // 4800 + 1200 = 6000, 3000 a person
  const Result f = run(far, "yunnan/changning", 2022);
  const auto more = std::find_if(f.suggestions.begin(), f.suggestions.end(),
                                 [](const Suggestion& s) { return s.kind == SuggestionKind::more_work_months; });
  REQUIRE(more != f.suggestions.end());
  CHECK_EQ(more->member, 0);
  CHECK_EQ(more->adds, yuan(2400));
  CHECK_FALSE(more->closes_gap);
}

TEST_CASE("suggestions on dibao: closing the gap counts the allowance the household would lose") {
  // Ceheng 2022, a dibao household of 2 with nothing before dibao: dibao (4318 − 0) × 2 = 8636, 4318 a person.
  // To reach the monitoring line 6300 (12600 for two) its income before dibao must be 12600: the allowance is gone
  // by then (above the standard, no taper). So 12600 more earned adds 12600 − 8636 = 3964 to net.
  Household h = household(Category::tuopin, 2022, {adult(1980), adult(1950)});
  h.dibao = true;
  h.members[1].labor = Labor::none;
  const Result r = run(h, "guizhou/ceheng", 2022);
  REQUIRE_FALSE(r.suggestions.empty());
  const Suggestion& close = r.suggestions.back();
  CHECK_EQ(close.kind, SuggestionKind::close_gap);
  CHECK_EQ(close.step.args[0], yuan(12600).fen());
  CHECK_EQ(close.adds_net, yuan(3964));
  CHECK(close.closes_gap);
}

TEST_CASE("suggestions: 特困供养 only where nobody can work, for the members the national rule names") {
  // Ceheng 2023: a 45-year-old who cannot work is neither elderly, disabled nor a child: no 特困 route.
  Household h = household(Category::general, 2023, {adult(1978)});
  h.members[0].labor = Labor::none;
  auto has_tekun = [](const Result& r) {
    return std::any_of(r.suggestions.begin(), r.suggestions.end(),
                       [](const Suggestion& s) { return s.kind == SuggestionKind::apply_tekun; });
  };
  CHECK_FALSE(has_tekun(run(h, "guizhou/ceheng", 2023)));
  h.members[0].disability_grade = 2;  // disabled: 1 × 5613.40
  const Result disabled = run(h, "guizhou/ceheng", 2023);
  REQUIRE(has_tekun(disabled));
  CHECK_EQ(disabled.suggestions[0].adds, Money::fen(561340));
  // Someone in the household can work: no 兜底 route, the steps are for work.
  h.members.push_back(adult(1990));
  CHECK_FALSE(has_tekun(run(h, "guizhou/ceheng", 2023)));
  // Already 特困: nothing to apply for.
  h.members.pop_back();
  h.members[0].tekun = true;
  CHECK_FALSE(has_tekun(run(h, "guizhou/ceheng", 2023)));
}

TEST_CASE("suggestions: every household below a line gets a plan, and its last step closes the gap when taken") {
  // 2000 generated households under each policy and year: whenever the household is below the line its plan is
  // measured against (the higher of the policy and monitoring lines that are for it), the plan is not
  // empty and ends with what closing it takes; that much more production income, evaluated again, closes it.
  int below = 0;
  for (const PolicyFile* policy : PolicySet::embedded().files()) {
    for (int year = policy->first_year; year <= policy->last_year; ++year) {
      const YearParameters p = PolicySet::embedded().resolve(*policy, year);
      for (Household& h : synthetic_households(20261204, 2000, policy->id, year)) {
        const auto gap_line = [](const Result& r) {
          const LineResult* line = nullptr;
          for (const LineResult& l : r.lines)
            if (l.applies && l.id != LineId::focus && (line == nullptr || l.value > line->value)) line = &l;
          return line;
        };
        const Result r = evaluate(h, p);
        const LineResult* line = gap_line(r);
        if (line == nullptr || line->per_capita_gap == Money()) continue;
        ++below;
        REQUIRE_FALSE(r.suggestions.empty());
        const Suggestion& close = r.suggestions.back();
        REQUIRE_EQ(close.kind, SuggestionKind::close_gap);
        CHECK(close.closes_gap);
        h.production.push_back({ProductionKind::crop, "增收", Money::fen(close.step.args[0]), Money()});
        // The same line closes (a higher one may then be for it: Ceheng's policy line is for households above the
        // dibao line).
        const LineId id = line->id;
        const Result after = evaluate(h, p);
        const auto same =
            std::find_if(after.lines.begin(), after.lines.end(), [&](const LineResult& l) { return l.id == id; });
        REQUIRE(same != after.lines.end());
        CHECK_MESSAGE(same->per_capita_gap == Money(), policy->id, " ", year, " ", h.id);
      }
    }
  }
  CHECK_GT(below, 1000);
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

TEST_CASE("suggestions on dibao: the months more that close the gap count the allowance they cost") {
  // Changning 2022, one adult on dibao working 3 months at 1000: 3000 before dibao, dibao (4500 − 3000) = 1500,
  // net 4500, 1800 below the policy line 7000 (for 脱贫户: the higher line for it). Income before dibao must reach
  // 7000 (the allowance is gone above 4500): 4000 more, 4 months at 1000 — not the 2 months the gap alone suggests.
  Household h = household(Category::tuopin, 2022, {adult(1980, {job(JobKind::local, 3, 1000)})});
  h.dibao = true;
  const Result r = run(h, "yunnan/changning", 2022);
  REQUIRE_EQ(r.programme(ProgrammeId::dibao).amount, yuan(1500));
  const auto more = std::find_if(r.suggestions.begin(), r.suggestions.end(),
                                 [](const Suggestion& s) { return s.kind == SuggestionKind::more_work_months; });
  REQUIRE(more != r.suggestions.end());
  CHECK_EQ(more->step.args[0], 4);
  CHECK_EQ(more->adds_net, yuan(2500));  // 4000 earned, 1500 of dibao gone
  CHECK(more->closes_gap);               // 7000 a person
}

// Issue 20, 8: age-aware defaults for a member not yet filled in — 67 draws the pension, 9 is a pupil and not
// labour, 17 is labour and no pupil by default, 40 keeps the defaults — and never over what was entered.
TEST_CASE(
    "age-aware defaults: the pension from 60, a pupil under 16 at school and not labour, nothing entered changed") {
  using zengshou::core::apply_age_defaults;
  Member old = adult(1955);  // 67 in 2022
  apply_age_defaults(old, 2022, 60);
  CHECK(old.pension.enrolled);
  CHECK_EQ(old.pension.tier, Money());  // drawing, not paying in
  CHECK_EQ(old.labor, Labor::full);
  // Typed again as 40: the new member's defaults of that age (paying the 100 tier); as 9, a pupil.
  old.birth_year = 1982;
  apply_age_defaults(old, 2022, 60);
  CHECK_EQ(old.pension.tier, yuan(100));
  old.birth_year = 2013;
  apply_age_defaults(old, 2022, 60);
  CHECK_EQ(old.labor, Labor::none);
  CHECK_FALSE(old.pension.enrolled);
  Member pupil = adult(2013);  // 9
  apply_age_defaults(pupil, 2022, 60);
  CHECK_EQ(pupil.labor, Labor::none);
  REQUIRE(pupil.school.has_value());
  CHECK_EQ(pupil.school->level, SchoolLevel::compulsory);
  Member toddler = adult(2020);  // 2: not labour, not at school
  apply_age_defaults(toddler, 2022, 60);
  CHECK_EQ(toddler.labor, Labor::none);
  CHECK_FALSE(toddler.school.has_value());
  Member adult40 = adult(1982);
  apply_age_defaults(adult40, 2022, 60);
  CHECK(zengshou::core::untouched(adult40, 2022, 60));
  // Entered facts stay: a 67-year-old who works keeps no pension default.
  Member working = adult(1955, {job(JobKind::local, 6, 1000)});
  apply_age_defaults(working, 2022, 60);
  CHECK_FALSE(working.pension.enrolled);
}

TEST_CASE("age-aware defaults: a birth year still being typed brings nothing") {
  for (int typed : {0, 2, 20, 201}) {
    Member m = adult(typed);
    zengshou::core::apply_age_defaults(m, 2022, 60);
    CHECK(zengshou::core::untouched(m, 2022, 60));
  }
}

TEST_CASE("a result evaluated into again, under other policies, years and switches, is each time a fresh one") {
  // evaluate_into leaves a programme's fields that follow from the parameters alone (its id, whether the policy has
  // it, whether it counts; all of one it lacks) while the parameters stay the same: they must be written again as soon
  // as they change, a switched-off programme included, and not when a copy of the same parameters comes.
  const YearParameters changning = params("yunnan/changning", 2022);
  const YearParameters sets[] = {
      changning,
      params("yunnan/changning", 2022, {set("public_welfare_post.available=false"), set("rain_dew.counted=true")}),
      params("guizhou/ceheng", 2023),
      params("yunnan/changning", 2022, {set("village_doctor_subsidy.available=true")}),
      YearParameters(changning),  // the same values, the same serial
  };
  CHECK_EQ(sets[4].serial(), changning.serial());
  CHECK_NE(sets[1].serial(), changning.serial());
  std::vector<Household> households = synthetic_households(5, 60, "yunnan/changning", 2022);
  for (const EmbeddedAsset& f : embedded_example_files()) households.push_back(parse_household(f.text).value);
  Result reused;
  const auto same_as_fresh = [&](const Household& h, const YearParameters& p) {
    evaluate_into(reused, h, p);
    CHECK_EQ(result_to_json(reused, h, p, Language::zh).dump(),
             result_to_json(evaluate(h, p), h, p, Language::zh).dump());
  };
  // The parameters changing at every household, in three orders ...
  for (int round = 0; round < 3; ++round)
    for (size_t k = 0; k < households.size(); ++k) same_as_fresh(households[k], sets[(k + round) % std::size(sets)]);
  // ... and the same over all of them (the fields left as written), households with members after one entered as totals
  for (const YearParameters& p : sets)
    for (const Household& h : households) same_as_fresh(h, p);
  CHECK(std::any_of(households.begin(), households.end(), [](const Household& h) { return h.entered.has_value(); }));
}
