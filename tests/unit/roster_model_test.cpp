// Issue 20, 5: the reform in force applies to the roster as it does to the calculator — its rows, worklist, ledger
// projection and cards — for the households under the policy it was made for, and goes when it is taken away.
#include <doctest/doctest.h>

#include "app/exports.h"
#include "app/roster_model.h"
#include "core/reform.h"
#include "helpers.h"

using namespace zengshou::test;
using zengshou::app::Roster;

TEST_CASE("the roster under a reform: the households of its policy are evaluated under it, the others are not") {
  // Changning 2022: one adult in a public-welfare post 12 months at 700, below the 800 floor: 9600 a person (the
  // floor applies). Under a floor of 1000: 12 × 1000 = 12000. A Weixi household (2023) is not under the reform.
  Roster roster;
  roster.add(household(Category::tuopin, 2022, {adult(1980, {job(JobKind::public_welfare_post, 12, 700)})},
                       "yunnan/changning"));
  roster.add(household(Category::tuopin, 2023, {adult(1980, {job(JobKind::local, 12, 1000)})}, "yunnan/weixi"));
  CHECK_EQ(roster.rows()[0].per_capita_net, yuan(9600));
  CHECK_EQ(roster.rows()[1].per_capita_net, yuan(12000));

  Reform reform;
  reform.name = "公益性岗位 1000 元/月";
  reform.policy = "yunnan/changning";
  reform.set(ParamId::post_monthly_floor, yuan(1000).fen());
  const uint32_t before = roster.generation();
  roster.set_reform(reform);
  CHECK_NE(roster.generation(), before);
  CHECK(roster.under_reform(roster.households()[0].household));
  CHECK_FALSE(roster.under_reform(roster.households()[1].household));
  CHECK_EQ(roster.rows()[0].per_capita_net, yuan(12000));
  CHECK_EQ(roster.result(0).programme(ProgrammeId::public_welfare_post).amount, yuan(12000));
  CHECK_EQ(roster.rows()[1].per_capita_net, yuan(12000));
  // The same reform again changes nothing (the roster is not evaluated again); another name is only a name.
  const uint32_t same = roster.generation();
  reform.name = "另一个名字";
  roster.set_reform(reform);
  CHECK_EQ(roster.generation(), same);
  // A household added under it is evaluated under it.
  roster.add(household(Category::tuopin, 2022, {adult(1975, {job(JobKind::public_welfare_post, 6, 800)})},
                       "yunnan/changning"));
  CHECK_EQ(roster.rows()[2].per_capita_net, yuan(6000));  // 6 × 1000
  // Taken away: the policies in force again.
  roster.set_reform({});
  CHECK_EQ(roster.rows()[0].per_capita_net, yuan(9600));
  CHECK_EQ(roster.rows()[2].per_capita_net, yuan(4800));
}

TEST_CASE("the roster exported under a reform says, household by household, what its figures were worked out under") {
  Roster roster;
  roster.add(household(Category::tuopin, 2022, {adult(1980, {job(JobKind::public_welfare_post, 12, 700)})},
                       "yunnan/changning"));
  roster.add(household(Category::tuopin, 2023, {adult(1980, {job(JobKind::local, 12, 1000)})}, "yunnan/weixi"));
  // No reform: the table as before, with no column for it.
  auto table = zengshou::app::roster_table(roster, {0, 1}, "公益性岗位 800 → 1000");
  CHECK_EQ(table.file_name, "roster.csv");
  CHECK_EQ(table.header.back(), "提示");
  Reform reform;
  reform.policy = "yunnan/changning";
  reform.set(ParamId::post_monthly_floor, yuan(1000).fen());
  roster.set_reform(reform);
  table = zengshou::app::roster_table(roster, {0, 1}, "公益性岗位 800 → 1000");
  CHECK_EQ(table.file_name, "roster-reform.csv");
  CHECK_EQ(table.header.back(), "测算依据");
  CHECK_EQ(table.rows[0][5], "12000.00");  // 12 × 1000, under the reform
  CHECK_EQ(table.rows[0].back(), "公益性岗位 800 → 1000");
  CHECK_EQ(table.rows[1].back(), "现行政策");  // Weixi's household: not the reform's policy
}
