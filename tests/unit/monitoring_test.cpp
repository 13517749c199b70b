// The monitoring decision (防返贫监测, issue 17): who should be taken in, who may leave, and what helps — each rule
// with the clause it comes from (001 二(二) 一是 监测, 二是 帮扶, 三是 退出; 004 前言 for the three kinds).
// Hand-computed under Yunnan 2024: monitoring line 8050 yuan a person; near it up to 10 % above (8855, assumed);
// 刚性支出 a risk at 50 % of net income (assumed); six months above the line to leave (assumed, leaning on 001
// 二(二)三).
#include <doctest/doctest.h>

#include <fstream>  // a household file for the CLI
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_run.h"
#include "core/household_json.h"
#include "core/monitoring.h"
#include "core/workspace.h"
#include "helpers.h"

using namespace zengshou::core;
using zengshou::test::adult;
using zengshou::test::job;
using zengshou::test::yuan;

namespace {

const YearParameters& yunnan_2024() {
  static const YearParameters p = zengshou::test::params("yunnan", 2024);
  return p;
}

struct Assessed {
  Result result;
  MonitoringAssessment assessment;
};

Assessed assess(const Household& h, const std::vector<QuarterRecord>& ledger = {}) {
  Assessed a{evaluate(h, yunnan_2024()), {}};
  a.assessment = assess_monitoring(h, a.result, yunnan_2024(), ledger);
  return a;
}

// One adult with a county job: 12 months at `monthly` yuan, nothing else.
Household one_worker(Category category, int64_t monthly) {
  return zengshou::test::household(category, 2024, {adult(1980, {job(JobKind::local, 12, monthly)})});
}

const ConditionCheck& condition(const MonitoringAssessment& a, MonitoringCondition id) {
  for (const ConditionCheck& c : a.conditions)
    if (c.id == id) return c;
  FAIL("no condition " << monitoring_condition_names[static_cast<size_t>(id)]);
  return a.conditions.front();
}

std::vector<ReasonId> help_ids(const MonitoringAssessment& a) {
  std::vector<ReasonId> ids;
  for (const Reason& r : a.help) ids.push_back(r.id);
  return ids;
}

QuarterRecord quarter(int q, int64_t wage_yuan) {
  QuarterRecord r;
  r.year = 2024;
  r.quarter = q;
  r.wage = yuan(wage_yuan);
  return r;
}

}  // namespace

TEST_CASE("001 二(二)一: income below the monitoring line — a 脱贫户 is taken in as 脱贫不稳定户 (004 前言)") {
  // Two adults, one working 12 × 600 = 7200: 3600 a person, below 8050.
  Household h =
      zengshou::test::household(Category::tuopin, 2024, {adult(1980, {job(JobKind::local, 12, 600)}), adult(1982)});
  const auto [result, a] = assess(h);
  REQUIRE_EQ(result.income.per_capita_net, yuan(3600));
  CHECK_EQ(a.verdict, MonitoringVerdict::enter);
  CHECK_EQ(a.kind, Category::monitor_unstable);
  CHECK(condition(a, MonitoringCondition::income_below_line).met);
  CHECK_EQ(render(a.summary, Language::zh), "建议纳入防返贫监测,类型:脱贫不稳定户");
  CHECK_EQ(render(condition(a, MonitoringCondition::income_below_line).reason, Language::zh),
           "人均纯收入3600元,低于防止返贫监测线8050元");
  CHECK_EQ(help_ids(a), std::vector{ReasonId::help_development});  // one can work: jobs and industry
}

TEST_CASE("001 二(二)一: income just above the line (8050 ≤ 8400 < 8855) — an ordinary household as 边缘易致贫户") {
  const auto [result, a] = assess(one_worker(Category::general, 700));
  REQUIRE_EQ(result.income.per_capita_net, yuan(8400));
  CHECK_FALSE(condition(a, MonitoringCondition::income_below_line).met);
  CHECK(condition(a, MonitoringCondition::income_near_line).met);
  CHECK_EQ(a.verdict, MonitoringVerdict::enter);
  CHECK_EQ(a.kind, Category::monitor_marginal);
  CHECK_EQ(render(condition(a, MonitoringCondition::income_near_line).reason, Language::zh),
           "人均纯收入8400元,高出监测线8050元不到10%(低于8855元),收入稍有波动就可能返贫");
  // 12 × 740 = 8880 is 8855 or more: not near.
  CHECK_EQ(assess(one_worker(Category::general, 740)).assessment.verdict, MonitoringVerdict::not_needed);
}

TEST_CASE("001 二(二)一 既看收入、又看支出: 刚性支出 at half the net income is a risk, never taken off income") {
  Household h = one_worker(Category::general, 800);  // 9600 net, 9600 a person
  h.expenses.medical = yuan(3000);
  h.expenses.education = yuan(1000);
  h.expenses.disaster = yuan(799);  // 4799: 49.99 % of 9600
  auto a = assess(h).assessment;
  CHECK_EQ(a.verdict, MonitoringVerdict::not_needed);
  h.expenses.disaster = yuan(800);  // 4800: 50 %
  const auto [result, b] = assess(h);
  CHECK_EQ(result.income.per_capita_net, yuan(9600));  // income is as it was
  CHECK_EQ(b.verdict, MonitoringVerdict::enter);
  CHECK_EQ(b.kind, Category::monitor_sudden);
  CHECK_EQ(render(condition(b, MonitoringCondition::rigid_expenses).reason, Language::zh),
           "刚性支出4800元(医疗、教育、灾害意外损失),达到家庭纯收入9600元的50%(标准50%)");
}

TEST_CASE("001 二(二)二: a single 三保障 or water gap is taken in and gets its own fix, nothing else") {
  Household h = one_worker(Category::tuopin, 800);  // 9600: no income risk
  h.security.house_unsafe = true;
  const auto a = assess(h).assessment;
  CHECK_EQ(a.verdict, MonitoringVerdict::enter);
  CHECK_EQ(a.kind, Category::monitor_unstable);
  CHECK_EQ(help_ids(a), std::vector{ReasonId::help_house});

  // Two risks (a child out of school, and income below the line): each fix, combined help, and development help.
  Household both =
      zengshou::test::household(Category::general, 2024, {adult(1980, {job(JobKind::local, 12, 600)}), adult(2012)});
  both.security.child_out_of_school = true;
  CHECK_EQ(help_ids(assess(both).assessment),
           std::vector{ReasonId::help_school, ReasonId::help_combined, ReasonId::help_development});
}

TEST_CASE("001 二(二)一 突发严重困难: a sudden illness this year takes a household in as 突发严重困难户") {
  Household h = one_worker(Category::general, 800);
  h.sudden_event = SuddenEvent{SuddenEventKind::illness, 5};
  const auto a = assess(h).assessment;
  CHECK_EQ(a.verdict, MonitoringVerdict::enter);
  CHECK_EQ(a.kind, Category::monitor_sudden);
  CHECK_EQ(render(condition(a, MonitoringCondition::sudden_event).reason, Language::zh), "今年5月家人患大病");
}

TEST_CASE("no trigger: not needed; an urban household is outside the rural monitoring") {
  CHECK_EQ(assess(one_worker(Category::general, 800)).assessment.verdict, MonitoringVerdict::not_needed);
  CHECK_EQ(assess(one_worker(Category::urban, 100)).assessment.verdict, MonitoringVerdict::urban);
}

TEST_CASE("001 二(二)三: four quarters of the ledger move a monitored household from 暂不能消除 to 可以申请风险消除") {
  // Two adults each 12 × 700: 8400 a person for the year, above 8050. Six months (two quarters) above the line are
  // needed: the last two quarters' wages × 4 ÷ 2 quarters ÷ 2 people.
  Household h = zengshou::test::household(
      Category::monitor_marginal, 2024,
      {adult(1980, {job(JobKind::local, 12, 700)}), adult(1982, {job(JobKind::local, 12, 700)})});
  std::vector<QuarterRecord> ledger{quarter(1, 3000)};
  auto a = assess(h, ledger).assessment;
  CHECK_EQ(a.verdict, MonitoringVerdict::not_yet);
  CHECK_EQ(render(condition(a, MonitoringCondition::income_recent_above).reason, Language::zh),
           "季度台账只有最近1个连续季度的收入,需要2个(收入稳定超过监测线不少于6个月)");
  ledger.push_back(quarter(2, 3000));  // (3000 + 3000) × 4 ÷ 2 ÷ 2 = 6000
  a = assess(h, ledger).assessment;
  CHECK_FALSE(condition(a, MonitoringCondition::income_recent_above).met);
  ledger.push_back(quarter(3, 4500));  // (3000 + 4500) × 4 ÷ 2 ÷ 2 = 7500
  a = assess(h, ledger).assessment;
  CHECK_EQ(render(condition(a, MonitoringCondition::income_recent_above).reason, Language::zh),
           "季度台账:最近2个季度人均纯收入折合全年7500元,没有超过监测线8050元");
  CHECK_EQ(a.verdict, MonitoringVerdict::not_yet);
  ledger.push_back(quarter(4, 4500));  // (4500 + 4500) × 4 ÷ 2 ÷ 2 = 9000
  a = assess(h, ledger).assessment;
  CHECK(condition(a, MonitoringCondition::income_recent_above).met);
  CHECK(condition(a, MonitoringCondition::income_year_above).met);
  CHECK_EQ(a.verdict, MonitoringVerdict::may_exit);
  CHECK_EQ(render(a.summary, Language::zh), "可以申请风险消除:退出条件都已满足,按程序办理");
  REQUIRE_EQ(a.steps.size(), 3u);
  CHECK_EQ(a.steps[0].done, 0);

  SUBCASE("a quarter missing breaks the run: Q2 and Q4 are not two quarters in a row") {
    const std::vector<QuarterRecord> gap{quarter(2, 4500), quarter(4, 4500)};
    CHECK_FALSE(condition(assess(h, gap).assessment, MonitoringCondition::income_recent_above).met);
  }
  SUBCASE("三保障 not secure, or a sudden hardship this year: not yet, with the fix") {
    h.security.water_unsafe = true;
    a = assess(h, ledger).assessment;
    CHECK_EQ(a.verdict, MonitoringVerdict::not_yet);
    CHECK_EQ(help_ids(a), std::vector{ReasonId::help_water});
    h.security.water_unsafe = false;
    h.sudden_event = SuddenEvent{SuddenEventKind::job_loss, 9};
    CHECK_FALSE(condition(assess(h, ledger).assessment, MonitoringCondition::risk_removed).met);
  }
  SUBCASE("001 二(二)二 对无劳动能力的,纳入社保体系: nobody able to work stays under social-security support") {
    for (Member& m : h.members) m.labor = Labor::none;
    a = assess(h, ledger).assessment;
    CHECK_EQ(a.verdict, MonitoringVerdict::not_yet);
    CHECK_FALSE(condition(a, MonitoringCondition::can_work).met);
    CHECK_EQ(help_ids(a), std::vector{ReasonId::help_social_security});
  }
}

TEST_CASE("every clause the assessment cites is in its document, word for word") {
  Household h = one_worker(Category::general, 100);
  h.security.member_uninsured = true;
  h.sudden_event = SuddenEvent{SuddenEventKind::disaster, 7};
  h.expenses.medical = yuan(5000);
  const auto entering = assess(h).assessment;
  h.category = Category::monitor_sudden;
  const auto leaving = assess(h, {quarter(1, 100)}).assessment;
  for (const MonitoringAssessment* a : {&entering, &leaving}) {
    for (const ConditionCheck& c : a->conditions) {
      CAPTURE(std::string(monitoring_condition_names[static_cast<size_t>(c.id)]));
      CHECK(check_reference(*c.source, DocumentSet::embedded()).empty());
    }
    CHECK(check_reference(*a->help_source, DocumentSet::embedded()).empty());
    CHECK(check_reference(*a->steps_source, DocumentSet::embedded()).empty());
  }
}

TEST_CASE(
    "bad monitoring facts: a negative cost, month 13, an event after the year, steps out of order — one line each") {
  const auto errors = [](const std::string& facts) {
    const std::string text = R"({"schema": "zengshou.household/1", "year": 2024, "category": "general",
      "members": [{"birth_year": 1980}], )" +
                             facts + "}";
    std::string lines;
    for (const InputError& e : parse_household(text).errors) lines += error_line(e) + "\n";
    return lines;
  };
  CHECK_EQ(
      errors(R"("expenses": {"medical": -5})"),
      "error: /expenses/medical: expected an amount in yuan from 0 to 100000000 with at most two decimals, got -5\n");
  CHECK_EQ(errors(R"("sudden_event": {"kind": "illness", "date": "2024-13"})"),
           "error: /sudden_event/date: expected a month YYYY-MM, got \"2024-13\"\n");
  CHECK_EQ(errors(R"("sudden_event": {"kind": "illness", "date": "2025-03"})"),
           "error: /sudden_event/date: expected a month of the household's year 2024 (an event of this year), got "
           "\"2025-03\"\n");
  CHECK_EQ(errors(R"("sudden_event": {"kind": "flood", "date": "2024-03"})"),
           "error: /sudden_event/kind: expected one of illness, accident, disaster, job_loss, got \"flood\"\n");
  CHECK_EQ(
      errors(R"("monitoring": {"since": "2023-04", "visited": "2024-07-02", "publicised": "2024-07-01"})"),
      "error: /monitoring/publicised: expected a date not before the home visit's (visited), got \"2024-07-01\"\n");
  CHECK_EQ(errors(R"("monitoring": {"visited": "2024-07-02", "publicised": "2024-07-09", "approved": "2024-07-08"})"),
           "error: /monitoring/approved: expected a date not before the steps before it (visited, publicised), got "
           "\"2024-07-08\"\n");
  CHECK_EQ(errors(R"("monitoring": {"since": "2025-01"})"),
           "error: /monitoring/since: expected a month not after the household's year 2024, got \"2025-01\"\n");
  CHECK_EQ(errors(R"("security": {"house_unsafe": "yes"})"),
           "error: /security/house_unsafe: expected true or false, got \"yes\"\n");
}

TEST_CASE("the monitoring facts read and write back, and a file without them writes as before") {
  const std::string text = R"({"schema": "zengshou.household/1", "year": 2024, "category": "monitor_sudden",
    "members": [{"birth_year": 1980}],
    "expenses": {"medical": 1200.5, "education": 0, "disaster": 0},
    "security": {"child_out_of_school": false, "member_uninsured": true, "house_unsafe": false, "water_unsafe": false},
    "sudden_event": {"kind": "accident", "date": "2024-03"},
    "monitoring": {"since": "2023-11", "measures": ["公益性岗位"], "visited": "2024-07-02", "publicised": null,
                   "approved": null}})";
  const auto h = parse_household(text);
  REQUIRE(h.ok());
  CHECK_EQ(h.value.expenses.medical, Money::fen(120050));
  CHECK_EQ(h.value.monitoring.since, 202311);
  CHECK_EQ(h.value.sudden_event->month, 3);
  const auto back = household_from_json(household_to_json(h.value));
  REQUIRE(back.ok());
  CHECK_EQ(household_to_json(back.value), household_to_json(h.value));
  CHECK_EQ(household_to_json(back.value)["monitoring"]["since"], "2023-11");
  Household plain = h.value;
  plain.expenses = {};
  plain.security = {};
  plain.sudden_event.reset();
  plain.monitoring = {};
  const auto json = household_to_json(plain);
  for (const char* key : {"expenses", "security", "sudden_event", "monitoring"}) CHECK_FALSE(json.contains(key));

  // Moved to an earlier year, it stays a household its own reader takes: monitored since no later than that year.
  Household earlier = h.value;
  move_to_year(earlier, 2022);
  CHECK_EQ(earlier.monitoring.since, 202212);
  CHECK(household_from_json(household_to_json(earlier)).ok());
}

TEST_CASE("CLI eval and explain carry the assessment (001 二(二)): a 脱贫户 with an unsafe house, taken in") {
  const std::string file = std::string(ZENGSHOU_TEST_TMP) + "/monitoring-house.json";
  std::ofstream(file) << R"({"schema": "zengshou.household/1", "policy": "yunnan", "year": 2024, "category": "tuopin",
    "members": [{"birth_year": 1980, "jobs": [{"kind": "local", "months": 12, "monthly_wage": 800}]}],
    "security": {"house_unsafe": true}})";
  const auto eval = zengshou::test::run_cli("eval " + file);
  REQUIRE_EQ(eval.status, 0);
  const auto m = nlohmann::json::parse(eval.out)["monitoring"];
  CHECK_EQ(m["verdict"], "enter");
  CHECK_EQ(m["kind"], "monitor_unstable");
  CHECK_EQ(m["help"], nlohmann::json::array({"实施农村危房改造"}));
  CHECK_EQ(m["conditions"][3]["id"], "security_gap");
  CHECK_EQ(
      m["conditions"][3]["source"],
      "维西县乡镇2023年巩固拓展脱贫攻坚成果同乡村振兴有效衔接重点工作二(二)二「对存在“三保障”和饮水安全问题单一风险的,"
      "及时落实针对性帮扶措施」");
  const auto explain = zengshou::test::run_cli("explain " + file);
  CHECK_NE(explain.out.find("六、防返贫监测\n  建议纳入防返贫监测,类型:脱贫不稳定户\n"), std::string::npos);
  CHECK_NE(explain.out.find("  [!] “三保障”和饮水安全有1项缺口"), std::string::npos);
}

TEST_CASE("001 二(二)三 on the command line: batch of the app's workspace file reads each household's ledger") {
  // The household of the four-quarter case above: with its ledger it may leave; in a plain roster it has none.
  WorkspaceHousehold w;
  w.household = zengshou::test::household(
      Category::monitor_marginal, 2024,
      {adult(1980, {job(JobKind::local, 12, 700)}), adult(1982, {job(JobKind::local, 12, 700)})}, "yunnan/changning");
  w.ledger = {quarter(1, 3000), quarter(2, 3000), quarter(3, 4500), quarter(4, 4500)};
  const Workspace workspace{{w}, std::nullopt, std::nullopt, {}, {}};
  const std::string file = std::string(ZENGSHOU_TEST_TMP) + "/monitoring-workspace.json";
  std::ofstream(file) << workspace_to_json(workspace);
  const auto with_ledger = zengshou::test::run_cli("batch " + file);
  REQUIRE_EQ(with_ledger.status, 0);
  CHECK_EQ(nlohmann::json::parse(with_ledger.out)["monitoring"]["verdict"], "may_exit");

  const std::string roster = std::string(ZENGSHOU_TEST_TMP) + "/monitoring-roster.json";
  std::ofstream(roster) << "[" << household_to_json(w.household) << "]";
  const auto alone = zengshou::test::run_cli("batch " + roster);
  REQUIRE_EQ(alone.status, 0);
  const auto m = nlohmann::json::parse(alone.out)["monitoring"];
  CHECK_EQ(m["verdict"], "not_yet");
  CHECK_EQ(m["conditions"][0]["met"], false);  // income_recent_above: no ledger

  // A workspace's problem names the household in it.
  std::ofstream(file) << R"({"schema": "zengshou.workspace/1", "households": [{"household": {"schema":
    "zengshou.household/1", "year": 2024, "members": [{"birth_year": 1980}], "expenses": {"medical": -1}}}]})";
  const auto bad = zengshou::test::run_cli("batch " + file);
  CHECK_EQ(bad.status, 2);
  CHECK_NE(bad.err.find("/households/0/household/expenses/medical"), std::string::npos);
}
