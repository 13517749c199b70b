// Villages (CONTRACT.md "Simulation"): the seeded generator's shape and determinism, and the summary, worked by
// hand on a small village.
#include <doctest/doctest.h>

#include "core/synthetic.h"
#include "core/village.h"
#include "helpers.h"

using namespace zengshou::test;

TEST_CASE("the same seed gives the same village; another seed another") {
  const auto a = synthetic_households(42, 50, "yunnan/changning", 2022);
  const auto b = synthetic_households(42, 50, "yunnan/changning", 2022);
  const auto c = synthetic_households(43, 50, "yunnan/changning", 2022);
  const auto summary = [](const std::vector<Household>& v) {
    return summarise_village(v, params("yunnan/changning", 2022));
  };
  CHECK_EQ(summary(a).mean_per_capita_net, summary(b).mean_per_capita_net);
  CHECK_EQ(summary(a).people, summary(b).people);
  CHECK_NE(summary(a).mean_per_capita_net, summary(c).mean_per_capita_net);
}

TEST_CASE("the generator follows NATIONAL.md: Yunnan 2022 脱贫人口 about 14 147 a person, wages about two thirds") {
  const auto village = synthetic_households(1, 3000, "yunnan/changning", 2022);
  const YearParameters p = params("yunnan/changning", 2022);
  Money net, wage, production;
  int people = 0;
  for (const Household& h : village) {
    const Result r = evaluate(h, p, {.suggestions = false});
    net += r.income.net;
    wage += r.income.wage;
    production += r.income.production - r.income.production_cost;
    people += r.size;
  }
  const Money per_capita = net.divided_by(people);
  CHECK_GT(per_capita, yuan(12500));
  CHECK_LT(per_capita, yuan(16000));
  CHECK_GT(wage.fen() * 100, net.fen() * 60);  // wages 60–75 % of net income
  CHECK_LT(wage.fen() * 100, net.fen() * 75);
  CHECK_GT(production.fen() * 100, net.fen() * 15);  // production 15–30 %
  CHECK_LT(production.fen() * 100, net.fen() * 30);
  CHECK_GT(people * 10, static_cast<int>(village.size()) * 33);  // 3.3–3.9 people a household
  CHECK_LT(people * 10, static_cast<int>(village.size()) * 39);
}

TEST_CASE("village summary, by hand: three households under Changning 2022") {
  // A: 1 person, wage 12 × 500 = 6000, below the monitoring line 6300 (gap 300) and the policy line 7000.
  // B: 2 people, wage 12 × 1500 = 18000, 9000 each.
  // C: 3 people, a public-welfare post 12 × 800 = 9600, 3200 each: gap 3100 × 3 = 9300 below 6300.
  const std::vector<Household> village = {
      household(Category::tuopin, 2022, {adult(1980, {job(JobKind::local, 12, 500)})}),
      household(Category::tuopin, 2022, {adult(1980, {job(JobKind::local, 12, 1500)}), adult(1982)}),
      household(Category::tuopin, 2022,
                {adult(1980, {job(JobKind::public_welfare_post, 12, 800)}), adult(1982), adult(2010)}),
  };
  const VillageSummary s = summarise_village(village, params("yunnan/changning", 2022));
  CHECK_EQ(s.households, 3);
  CHECK_EQ(s.people, 6);
  CHECK_EQ(s.mean_per_capita_net, yuan((6000 + 18000 + 9600) / 6));  // 5600
  // People by per-capita net: 3200 ×3, 6000 ×1, 9000 ×2; the middle (3rd of 6, lower middle) is 3200.
  CHECK_EQ(s.median_per_capita_net, yuan(3200));
  CHECK_EQ(s.below_monitoring_line, 2);
  CHECK_EQ(s.people_below_monitoring_line, 4);
  CHECK_EQ(s.below_policy_line, 2);
  CHECK_EQ(s.poverty_gap_total, yuan(300 + 9300));
  CHECK_EQ(s.programme_totals[static_cast<size_t>(ProgrammeId::public_welfare_post)], yuan(9600));
  CHECK_EQ(s.programme_recipients[static_cast<size_t>(ProgrammeId::public_welfare_post)], 1);
}

TEST_CASE("a one-parameter reform changes exactly the households it touches: post floor 800 → 1000") {
  const std::vector<Household> village = {
      household(Category::tuopin, 2022, {adult(1980, {job(JobKind::local, 12, 500)})}),
      household(Category::tuopin, 2022, {adult(1980, {job(JobKind::public_welfare_post, 12, 800)}), adult(1982)}),
  };
  const VillageSummary base = summarise_village(village, params("yunnan/changning", 2022));
  const VillageSummary reform =
      summarise_village(village, params("yunnan/changning", 2022, {set("public_welfare_post.monthly=1000")}));
  const auto post = static_cast<size_t>(ProgrammeId::public_welfare_post);
  CHECK_EQ(reform.programme_totals[post] - base.programme_totals[post], yuan(12 * 200));
  // 2400 more for the post holder's household, over the village's 3 people: 800 more a person on average.
  CHECK_EQ(reform.mean_per_capita_net - base.mean_per_capita_net, yuan(800));
}
