// Issue 18: a household entered as the national monitoring system records it — one total a stream and its number
// of people, no members (core::EnteredIncome). DOMAIN.md §3, the monitoring system's definition:
//   家庭纯收入 = 工资性收入 + 生产经营性收入 + 财产性收入 + 转移性收入 − 生产经营性支出;  人均纯收入 = 家庭纯收入 ÷
//   家庭人口
// The totals are taken as given (what each programme paid is in them); every programme the policy has says it was
// not checked; the lines, the dibao check (which needs no members) and the monitoring decision run as for any
// household. Figures are Changning 2024 (yunnan/changning): monitoring line 8050, dibao standard 4500 (Yunnan 2020).
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "core/household_json.h"
#include "core/monitoring.h"
#include "helpers.h"

using namespace zengshou::core;
using zengshou::test::params;
using zengshou::test::run;
using zengshou::test::yuan;

namespace {

Household entered(int people, int64_t wage, int64_t production, int64_t cost, int64_t property, int64_t transfer) {
  Household h;
  h.policy = "yunnan/changning";
  h.year = 2024;
  h.category = Category::tuopin;
  h.entered = EnteredIncome{people, yuan(wage), yuan(production), yuan(cost), yuan(property), yuan(transfer)};
  return h;
}

}  // namespace

TEST_CASE("entered totals are the income: net and per-capita by the system's definition, no programme added") {
  // 36000 + 12000 − 4000 + 800 + 2400 = 47200; ÷ 4 = 11800.
  const Household h = entered(4, 36000, 12000, 4000, 800, 2400);
  const Result r = run(h, "yunnan/changning", 2024);
  CHECK_EQ(r.size, 4);
  CHECK_EQ(r.income.wage, yuan(36000));
  CHECK_EQ(r.income.transfer, yuan(2400));
  CHECK_EQ(r.income.net, yuan(47200));
  CHECK_EQ(r.income.per_capita_net, yuan(11800));
  CHECK_EQ(r.income.cash_received, yuan(47200));
  CHECK(r.details.empty());
  for (const ProgrammeResult& p : r.programmes) {
    INFO(info(p.id).id);
    CHECK_FALSE(p.eligible);
    CHECK_EQ(p.amount, Money());
    CHECK_EQ(p.reason.id, p.available ? ReasonId::entered_totals : ReasonId::not_available);
  }
  CHECK(r.flags.empty());
  CHECK(r.suggestions.empty());  // no member to suggest a job to; above the dibao standard
}

TEST_CASE("a household of totals below the line: its gaps, the dibao it could apply for, and the decision") {
  // 0 + 3000 − 1000 + 0 + 6500 = 8500; ÷ 2 = 4250: 3800 a person below the monitoring line 8050, 7600 for two.
  const Household h = entered(2, 0, 3000, 1000, 0, 6500);
  const Result r = run(h, "yunnan/changning", 2024);
  CHECK_EQ(r.income.per_capita_net, yuan(4250));
  const LineResult& line = r.lines.front();
  REQUIRE_EQ(line.id, LineId::monitoring);
  CHECK_EQ(line.value, yuan(8050));
  CHECK_EQ(line.per_capita_gap, yuan(3800));
  CHECK_EQ(line.household_gap, yuan(7600));
  // 低保 needs no members: (4500 − 4250) × 2 people = 500 a year, which does not close the gap. Closing it takes
  // the 7600; with no members there is no one to suggest a job or 特困 to.
  REQUIRE_EQ(r.suggestions.size(), 2u);
  CHECK_EQ(r.suggestions[0].kind, SuggestionKind::apply_dibao);
  CHECK_EQ(r.suggestions[0].adds, yuan(500));
  CHECK_FALSE(r.suggestions[0].closes_gap);
  CHECK_EQ(r.suggestions[1].kind, SuggestionKind::close_gap);
  CHECK_EQ(r.suggestions[1].adds, yuan(7600));
  const MonitoringAssessment a = assess_monitoring(h, r, params("yunnan/changning", 2024));
  CHECK_EQ(a.verdict, MonitoringVerdict::enter);
}

TEST_CASE("a monitored household of totals: wage or production income is its sign of labour for the exit") {
  Household h = entered(3, 30000, 0, 0, 0, 0);  // 10000 a person, above 8050
  h.category = Category::monitor_marginal;
  const YearParameters p = params("yunnan/changning", 2024);
  MonitoringAssessment a = assess_monitoring(h, run(h, "yunnan/changning", 2024), p);
  const auto work = [](const MonitoringAssessment& m) {
    for (const ConditionCheck& c : m.conditions)
      if (c.id == MonitoringCondition::can_work) return c;
    FAIL("no labour condition");
    return ConditionCheck{};
  };
  CHECK(work(a).met);
  CHECK_EQ(work(a).reason.id, ReasonId::mon_work_entered);
  h.entered = EnteredIncome{3, Money(), Money(), Money(), Money(), yuan(30000)};  // transfers only
  a = assess_monitoring(h, run(h, "yunnan/changning", 2024), p);
  CHECK_FALSE(work(a).met);
  CHECK_EQ(work(a).reason.id, ReasonId::mon_no_labour);
}

TEST_CASE("the household file: entered_income reads, writes back the same, and stands instead of members") {
  const std::string text = R"({"schema": "zengshou.household/1", "policy": "yunnan/changning", "year": 2024,
    "category": "tuopin", "entered_income": {"people": 3, "wage": 18000.5, "production": 5000,
    "production_cost": 1500.25, "property": 0, "transfer": 1200}})";
  const auto h = parse_household(text);
  REQUIRE(h.ok());
  REQUIRE(h.value.entered);
  CHECK_EQ(h.value.size(), 3);
  CHECK_EQ(h.value.member_count(), 0);
  CHECK_EQ(h.value.entered->production_cost, Money::fen(150025));
  // 18000.50 + 5000 − 1500.25 + 1200 = 22700.25; ÷ 3 = 7566.75.
  CHECK_EQ(run(h.value, "yunnan/changning", 2024).income.per_capita_net, Money::fen(756675));
  const auto again = parse_household(household_to_json(h.value).dump());
  REQUIRE(again.ok());
  CHECK_EQ(household_to_json(again.value).dump(), household_to_json(h.value).dump());

  const auto errors = [](const std::string& body) {
    const auto p =
        parse_household(R"({"schema": "zengshou.household/1", "year": 2024, "category": "tuopin", )" + body + "}");
    return p.errors.empty() ? std::string() : p.errors.front().where + ": " + p.errors.front().expected;
  };
  CHECK_EQ(errors(R"("members": [{"birth_year": 1980}], "entered_income": {"people": 1})"),
           "/members: expected no members beside entered_income (the income is either entered as totals or worked "
           "out from the members), got 1 member");
  CHECK_EQ(errors(R"("entered_income": {"people": 0})").rfind("/entered_income/people: expected", 0), 0u);
  CHECK_EQ(errors(R"("entered_income": {"people": 2, "wage": -5})").rfind("/entered_income/wage: expected", 0), 0u);
  CHECK_EQ(errors(R"("entered_income": {"people": 2}, "members": [])"), "");  // none, as the file writes it
}
