// Every sum and product of fen is checked (issue 14, item 9): an amount past ±Money::limit_fen (10^13 yuan) is an
// overflow, sticky through later arithmetic, named in the result and refused by the CLI with exit 2 — never a wrong
// figure. Near the limit, figures stay exact. A directory or unreadable FILE is exit 2 too.
#include <doctest/doctest.h>

#include <algorithm>  // count
#include <cstdint>    // INT64_MAX
#include <string>

#include "app/roster_model.h"
#include "cli_run.h"
#include "core/village.h"
#include "helpers.h"

namespace {

using namespace zengshou::test;

constexpr int64_t limit = Money::limit_fen;  // 10^15 fen

// One adult of working age, no job, with `centimu` of farmland: only the farmland subsidy pays.
Household farmer(int64_t centimu) {
  Household h = household(Category::general, 2022, {adult(1975)}, "yunnan/changning");
  h.transfers.farmland_centimu = centimu;
  return h;
}

const std::string farm_json =
    R"({ "schema": "zengshou.household/1", "id": "BIG", "policy": "yunnan/changning", "year": 2022,
         "category": "general", "members": [ { "name": "甲", "birth_year": 1975 } ],
         "transfers": { "farmland_mu": 100000000 } })";

const std::string overflow_message =
    "expected an amount within ±10000000000000 yuan, got one past it (an overflow): check the amounts, areas and "
    "--set values";

}  // namespace

TEST_CASE("Money: the limit itself is an amount, one fen past it an overflow") {
  CHECK_FALSE(Money::fen(limit).overflowed());
  CHECK_FALSE(Money::fen(-limit).overflowed());
  CHECK(Money::fen(limit + 1).overflowed());
  CHECK(Money::fen(-limit - 1).overflowed());
  CHECK_EQ((Money::fen(limit - 1) + Money::fen(1)).fen(), limit);
  CHECK((Money::fen(limit) + Money::fen(1)).overflowed());
  CHECK((Money::fen(-limit) - Money::fen(1)).overflowed());
  CHECK_EQ(Money::yuan(10'000'000'000'000).fen(), limit);  // 10^13 yuan
  CHECK(Money::yuan(10'000'000'000'001).overflowed());
  CHECK(Money::yuan(INT64_MAX).overflowed());  // past int64 itself: checked, not undefined
}

TEST_CASE("Money: products past 64 bits are overflows, not wrapped figures") {
  CHECK((Money::fen(limit) * INT64_MAX).overflowed());
  CHECK((Money::fen(-3) * INT64_MAX).overflowed());
  CHECK_EQ((Money::yuan(100'000'000) * 100'000).fen(), limit);  // 10^8 yuan × 10^5 = 10^13 yuan
  CHECK((Money::yuan(100'000'000) * 100'001).overflowed());
}

TEST_CASE("Money: an overflow stays one through every operation") {
  const Money o = Money::overflow();
  CHECK((o + Money::fen(limit)).overflowed());
  CHECK((o - Money::fen(-limit)).overflowed());
  CHECK((Money::fen(limit) - o).overflowed());
  CHECK((Money::fen(-5) - o).overflowed());
  CHECK((-o).overflowed());
  CHECK((o * 0).overflowed());
  CHECK((o * -1).overflowed());
  CHECK(o.divided_by(1'000'000).overflowed());
  CHECK(o.percent_bp(0).overflowed());
  CHECK(max(Money(), o).overflowed());
  CHECK(min(Money::yuan(5), o).overflowed());
  Money sum;
  sum += o;
  sum -= Money::yuan(1);
  CHECK(sum.overflowed());
  CHECK_EQ(o.yuan_text(), "overflow");
  CHECK_EQ(o.fixed_text(), "overflow");
}

TEST_CASE("Money::scaled: exact through 128 bits, an overflow only when the result is one") {
  // 10^8 mu (10^10 centimu) × 10^8 yuan a mu (10^10 fen) ÷ 100 = 10^18 fen: past the limit.
  CHECK(Money::yuan(100'000'000).scaled(10'000'000'000, 100).overflowed());
  // 10^8 mu × 10^5 yuan a mu = 10^13 yuan = the limit, though 10^7 × 10^10 fen·centimu is past it.
  CHECK_EQ(Money::yuan(100'000).scaled(10'000'000'000, 100).fen(), limit);
  CHECK(Money::yuan(100'000).scaled(10'000'000'001, 100).overflowed());  // 10^15 + 10^5 fen
  // 999 999 999 999 999 × 100 000 is past int64; ÷ 100 000 gives it back exactly.
  CHECK_EQ(Money::fen(limit - 1).scaled(100'000, 100'000).fen(), limit - 1);
  // (5·10^14 + 1) × 20 000 ÷ 40 000 = 250 000 000 000 000.5 → rounds half away from zero, in 128 bits too.
  CHECK_EQ(Money::fen(500'000'000'000'001).scaled(20'000, 40'000).fen(), 250'000'000'000'001);
  CHECK_EQ(Money::fen(-500'000'000'000'001).scaled(20'000, 40'000).fen(), -250'000'000'000'001);
  CHECK_EQ(Money::yuan(300).percent_bp(1000), Money::yuan(30));  // the 64-bit path unchanged
}

TEST_CASE("grew_less_than compares growth exactly where (now − before) × 10000 is past int64") {
  // 10^13 yuan against 10^10 yuan: 999 times more, 99 900 % = 9 990 000 bp.
  CHECK(grew_less_than(Money::fen(limit), Money::fen(1'000'000'000'000), 10'000'000));
  CHECK_FALSE(grew_less_than(Money::fen(limit), Money::fen(1'000'000'000'000), 9'990'000));
  CHECK_FALSE(grew_less_than(Money::overflow(), Money::yuan(1), 1000));
}

TEST_CASE("farmland 10^8 mu × a reform's 10^8 yuan a mu overflows, and the result names the farmland subsidy") {
  const Result r = run(farmer(10'000'000'000), "yunnan/changning", 2022, {set("farmland_subsidy.per_mu=100000000")});
  CHECK(r.overflowed());
  CHECK_EQ(r.overflow, "/programmes/farmland_subsidy/amount");
  CHECK(r.programme(ProgrammeId::farmland_subsidy).amount.overflowed());
  CHECK(r.income.net.overflowed());  // and every sum it went into
  CHECK(r.income.per_capita_net.overflowed());
}

TEST_CASE("just under the limit the figures are exact") {
  // No farmland: this adult of 47 with no job and no income gets nothing (checked first, so the sums below hold).
  const Result none = run(farmer(0), "yunnan/changning", 2022, {set("farmland_subsidy.per_mu=99999")});
  REQUIRE_FALSE(none.overflowed());
  REQUIRE_EQ(none.income.cash_received, Money());
  // 10^8 mu × 99 999 yuan = 9 999 900 000 000 yuan = 999 990 000 000 000 fen, one person.
  const Result r = run(farmer(10'000'000'000), "yunnan/changning", 2022, {set("farmland_subsidy.per_mu=99999")});
  CHECK_FALSE(r.overflowed());
  CHECK_EQ(r.programme(ProgrammeId::farmland_subsidy).amount.fen(), 999'990'000'000'000);
  CHECK_EQ(r.income.transfer.fen(), 999'990'000'000'000);
  CHECK_EQ(r.income.per_capita_net.fen(), 999'990'000'000'000);
  // 100 000 yuan a mu reaches the limit exactly: still an amount.
  const Result at = run(farmer(10'000'000'000), "yunnan/changning", 2022, {set("farmland_subsidy.per_mu=100000")});
  CHECK_FALSE(at.overflowed());
  CHECK_EQ(at.income.net.fen(), limit);
  // 0.01 mu more: 100 000 yuan × 100 000 000.01 mu = 10^13 + 1000 yuan, past it.
  CHECK(run(farmer(10'000'000'001), "yunnan/changning", 2022, {set("farmland_subsidy.per_mu=100000")}).overflowed());
}

TEST_CASE("a growth rate past the limit is an overflow too: 1.2 billion yuan against last year's 0.01") {
  Household h =
      household(Category::general, 2022, {adult(1975, {job(JobKind::local, 12, 100'000'000)})}, "yunnan/changning");
  h.last_year_per_capita_net = Money::fen(1);
  const Result r = run(h, "yunnan/changning", 2022);
  // (120 000 000 000 − 1) × 10000 ÷ 1 fen = 1.2 × 10^15 basis points, past 10^15.
  CHECK_EQ(r.overflow, "/growth/percent");
  CHECK_FALSE(r.growth.basis_points.has_value());
  h.last_year_per_capita_net = Money::yuan(100'000'000);  // 1.2 × 10^11 against 10^10 fen: +1100 %
  const Result fine = run(h, "yunnan/changning", 2022);
  CHECK_FALSE(fine.overflowed());
  CHECK_EQ(fine.growth.basis_points, 110'000);
}

TEST_CASE("a village's totals overflow when their sum does, each household's being within the limit") {
  // Two households of 10^8 mu at 60 000 yuan a mu: 6 × 10^12 yuan each, 1.2 × 10^13 together.
  const std::vector<Household> two{farmer(10'000'000'000), farmer(10'000'000'000)};
  const VillageRun big = run_village(two, params("yunnan/changning", 2022, {set("farmland_subsidy.per_mu=60000")}));
  CHECK_EQ(big.summary.overflow, "/programme_totals/farmland_subsidy");
  CHECK_FALSE(big.households[0].net.overflowed());
  CHECK_EQ(big.households[0].net.fen(), 600'000'000'000'000);
  // At 50 000 yuan a mu the two make 10^13 yuan, the limit: exact.
  const VillageRun at = run_village(two, params("yunnan/changning", 2022, {set("farmland_subsidy.per_mu=50000")}));
  CHECK_FALSE(at.summary.overflowed());
  CHECK_EQ(at.summary.programme_totals[static_cast<size_t>(ProgrammeId::farmland_subsidy)].fen(), limit);
  CHECK_EQ(at.summary.mean_per_capita_net.fen(), 500'000'000'000'000);
  // Compared with a run that overflowed, the comparison is an overflow too.
  CHECK_EQ(compare_villages(at, big).overflow, "/cost");
}

TEST_CASE("the roster shows an overflowed household as such, with no flags") {
  zengshou::app::Roster roster;
  const std::string text =
      R"([{ "schema": "zengshou.household/1", "id": "G", "policy": "yunnan/changning", "year": 2022,
            "category": "general", "last_year_per_capita_net": 0.01,
            "members": [ { "birth_year": 1975, "jobs": [ { "kind": "local", "months": 12,
                                                           "monthly_wage": 100000000 } ] } ] }])";
  REQUIRE(roster.import(text, *PolicySet::embedded().find("yunnan/changning"), {}).errors.empty());
  REQUIRE_EQ(roster.rows().size(), 1);
  CHECK(roster.rows()[0].per_capita_net.overflowed());
  CHECK(roster.rows()[0].gap.overflowed());
  CHECK_EQ(roster.rows()[0].flags, 0u);
}

TEST_CASE("CLI: an overflow exits 2 with one line naming it, and prints nothing on stdout") {
  using zengshou::test::run_cli;
  const auto eval = run_cli("eval --set farmland_subsidy.per_mu=100000000 -", farm_json);
  CHECK_EQ(eval.status, 2);
  CHECK(eval.out.empty());
  CHECK_EQ(eval.err, "error: /programmes/farmland_subsidy/amount: " + overflow_message + "\n");
  const auto explain = run_cli("explain --set farmland_subsidy.per_mu=100000000 -", farm_json);
  CHECK_EQ(explain.status, 2);
  CHECK(explain.out.empty());
  const auto project = run_cli("project --years 2 --set farmland_subsidy.per_mu=100000000 -", farm_json);
  CHECK_EQ(project.status, 2);
  CHECK(project.out.empty());
  CHECK_EQ(project.err, "error: /0/programmes/farmland_subsidy/amount: " + overflow_message + "\n" +
                            "error: /1/programmes/farmland_subsidy/amount: " + overflow_message + "\n");
  const auto batch = run_cli("batch --set farmland_subsidy.per_mu=100000000 -", "[" + farm_json + "]");
  CHECK_EQ(batch.status, 2);
  CHECK(batch.out.empty());
  CHECK_EQ(batch.err, "error: /0/programmes/farmland_subsidy/amount: " + overflow_message + "\n");
  // Within the limit the same household prints: 10^8 mu × 1 yuan a mu = 10^8 yuan.
  const auto fine = run_cli("eval --set farmland_subsidy.per_mu=1 -", farm_json);
  CHECK_EQ(fine.status, 0);
  CHECK_NE(fine.out.find("\"per_capita_net\": 100000000"), std::string::npos);
}

TEST_CASE("CLI: a village whose totals overflow exits 2") {
  // 100 000 households of 0.5 to 10 mu at 10^8 yuan a mu: 5 × 10^8 yuan each on average, 5 × 10^13 yuan in all,
  // past 10^13 (no household's own amount is, at most 10^9 yuan).
  const auto sim = zengshou::test::run_cli(
      "simulate --policy yunnan/changning --households 100000 --seed 1 --set farmland_subsidy.per_mu=100000000");
  CHECK_EQ(sim.status, 2);
  CHECK(sim.out.empty());
  CHECK_EQ(sim.err, "error: /programme_totals/farmland_subsidy: " + overflow_message + "\n");
}

TEST_CASE("CLI: a directory or a missing file as FILE exits 2 with one error line") {
  using zengshou::test::run_cli;
  for (const char* command : {"eval", "explain", "batch", "project --years 2"}) {
    CAPTURE(command);
    const auto dir = run_cli(std::string(command) + " examples");
    CHECK_EQ(dir.status, 2);
    CHECK(dir.out.empty());
    CHECK_EQ(dir.err.substr(0, 16), "error: examples:");
    CHECK_EQ(std::count(dir.err.begin(), dir.err.end(), '\n'), 1);
  }
  CHECK_EQ(run_cli("eval examples").err, "error: examples: expected a readable household file\n");
  CHECK_EQ(run_cli("eval no-such-file.json").status, 2);
  const auto reform = run_cli("eval --reform reforms examples/changning-tuopin.json");
  CHECK_EQ(reform.status, 2);
  CHECK_EQ(reform.err, "error: reforms: expected a readable reform file\n");
}
