// The documents' other household measures (issue 21, 1; commit 825118f): 生态护林员, 村医, 就业见习, 证书直补,
// 小额信贷贴息, 种粮 and 退耕还林, 保底分红, 临时价格补贴 and 临时救助. Every amount hand-computed, the clause in each
// name. Amounts the documents do not give are the policies' assumptions (assets/policies), named as such.
#include <doctest/doctest.h>

#include "core/embedded_assets.h"
#include "core/household_json.h"
#include "helpers.h"

using namespace zengshou::test;

namespace {

const ProgrammeResult& prog(const Result& r, ProgrammeId id) { return r.programme(id); }

Household one_worker(Category c, int year, Job j) { return household(c, year, {adult(1980, {j})}); }

Member with_labor(Labor labor, int birth_year = 1980) {
  Member m = adult(birth_year);
  m.labor = labor;
  return m;
}

Member with_certificate(CertificateLevel level) {
  Member m = adult(1990);
  m.certificate = level;
  return m;
}

Microcredit loan(int64_t principal_yuan, int64_t rate_basis_points, int months) {
  Microcredit l;
  l.principal = yuan(principal_yuan);
  l.rate_basis_points = rate_basis_points;
  l.months = months;
  return l;
}

// A household of one adult with a crop (revenue, cost) and a loan, nothing else.
Household borrower(Category c, int year, Money revenue, Money cost, Microcredit l) {
  Household h = household(c, year, {adult(1980)});
  h.production = {{ProductionKind::crop, "烤烟", revenue, cost}};
  h.microcredit = l;
  return h;
}

const Suggestion* ranger_suggestion(const Result& r, int member) {
  for (const Suggestion& s : r.suggestions)
    if (s.kind == SuggestionKind::take_forest_ranger_post && s.member == member) return &s;
  return nullptr;
}

int ranger_suggestions(const Result& r) {
  int n = 0;
  for (const Suggestion& s : r.suggestions) n += s.kind == SuggestionKind::take_forest_ranger_post ? 1 : 0;
  return n;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// 1. 生态护林员 (003 附件2 一.5 names the post; Yunnan 9000, Guizhou 10000 a year, assumed, for a ranger whose pay
//    was not entered — no document sets a floor, so an entered pay is counted as it is)

TEST_CASE("forest_ranger_post 003 附件2 一.5: the pay entered, never raised to the assumed standard (749/750/751)") {
  // 749 × 12 = 8988, 750 × 12 = 9000, 751 × 12 = 9012: each as entered, the 9000 standard (assumed) not a floor
  for (const auto& wage_and_expected : {std::pair{749, 8988}, {750, 9000}, {751, 9012}}) {
    const auto [wage, expected] = wage_and_expected;
    CAPTURE(wage_and_expected.first);
    const Result r =
        run(one_worker(Category::tuopin, 2022, job(JobKind::forest_ranger, 12, wage)), "yunnan/changning", 2022);
    const auto& p = prog(r, ProgrammeId::forest_ranger_post);
    CHECK(p.available);
    CHECK(p.eligible);
    CHECK(p.counted);
    CHECK_EQ(p.amount, yuan(expected));
    CHECK_EQ(p.reason.id, ReasonId::ranger_wage);
    // {months, wage, pay, yearly standard}
    CHECK_EQ(p.reason.args, std::array<int64_t, 5>{12, wage * 100, expected * 100, 900000, 0});
    CHECK_EQ(r.income.wage, yuan(expected));  // the ranger's pay is wage income, and only once
  }
  CHECK(params("yunnan/changning", 2022)[ParamId::forest_ranger_yearly].assumed());
}

TEST_CASE("forest_ranger_post 003 附件2 一.5: no pay entered → the standard × months/12 (Yunnan 9000 × 7/12 = 5250)") {
  // 9000 × 7/12 = 5250
  Result r = run(one_worker(Category::tuopin, 2023, job(JobKind::forest_ranger, 7, 0)), "yunnan/changning", 2023);
  CHECK_EQ(prog(r, ProgrammeId::forest_ranger_post).amount, yuan(5250));
  CHECK_EQ(prog(r, ProgrammeId::forest_ranger_post).reason.id, ReasonId::ranger_standard);
  CHECK_EQ(r.income.wage, yuan(5250));
  // 500 × 7 = 3500 entered: 3500, below the standard's 5250 but as entered
  r = run(one_worker(Category::tuopin, 2023, job(JobKind::forest_ranger, 7, 500)), "yunnan/changning", 2023);
  CHECK_EQ(prog(r, ProgrammeId::forest_ranger_post).amount, yuan(3500));
  CHECK_EQ(prog(r, ProgrammeId::forest_ranger_post).reason.id, ReasonId::ranger_wage);
}

TEST_CASE("forest_ranger_post 003 附件2 一.5: Guizhou 10000 × 7/12 and × 5/12 round to the fen, halves away") {
  // 10000 × 7/12 = 1 000 000 fen × 7 / 12 = 583 333.33… fen → 583 333 fen = 5833.33
  Result r = run(one_worker(Category::tuopin, 2023, job(JobKind::forest_ranger, 7, 0)), "guizhou/ceheng", 2023);
  CHECK_EQ(prog(r, ProgrammeId::forest_ranger_post).amount, Money::fen(583333));
  CHECK_EQ(prog(r, ProgrammeId::forest_ranger_post).reason.id, ReasonId::ranger_standard);
  CHECK_EQ(r.income.wage, Money::fen(583333));
  // 10000 × 5/12 = 5 000 000 fen / 12 = 416 666.67 fen → 416 667 fen = 4166.67
  r = run(one_worker(Category::tuopin, 2023, job(JobKind::forest_ranger, 5, 0)), "guizhou/ceheng", 2023);
  CHECK_EQ(prog(r, ProgrammeId::forest_ranger_post).amount, Money::fen(416667));
  // 12 × 834 = 10008 entered → 10008
  r = run(one_worker(Category::tuopin, 2023, job(JobKind::forest_ranger, 12, 834)), "guizhou/ceheng", 2023);
  CHECK_EQ(prog(r, ProgrammeId::forest_ranger_post).amount, yuan(10008));
  CHECK_EQ(prog(r, ProgrammeId::forest_ranger_post).reason.id, ReasonId::ranger_wage);
}

TEST_CASE(
    "forest_ranger_post 003 附件2 一.5: the ranger's pay is not also in the ordinary wage sum; nobody → no_ranger") {
  // One ranger (12 × 500 = 6000) and one local job (10 × 3000 = 30000): wage = 6000 + 30000 = 36000, the ranger's pay
  // once.
  Household h =
      household(Category::tuopin, 2022,
                {adult(1980, {job(JobKind::forest_ranger, 12, 500)}), adult(1982, {job(JobKind::local, 10, 3000)})});
  Result r = run(h, "yunnan/changning", 2022);
  CHECK_EQ(prog(r, ProgrammeId::forest_ranger_post).amount, yuan(6000));
  CHECK_EQ(r.income.wage, yuan(6000 + 30000));
  REQUIRE_EQ(
      prog(r, ProgrammeId::forest_ranger_post).detail_end - prog(r, ProgrammeId::forest_ranger_post).detail_begin, 1);
  CHECK_EQ(r.details[prog(r, ProgrammeId::forest_ranger_post).detail_begin].member, 0);
  // A ranger's post alone: the wage is the programme's amount, nothing more.
  r = run(one_worker(Category::tuopin, 2022, job(JobKind::forest_ranger, 12, 900)), "yunnan/changning", 2022);
  CHECK_EQ(r.income.wage, prog(r, ProgrammeId::forest_ranger_post).amount);
  CHECK_EQ(r.income.wage, yuan(10800));  // 900 × 12
  // Nobody is a ranger (a ranger's job of 0 months is none either).
  r = run(one_worker(Category::tuopin, 2022, job(JobKind::local, 12, 1000)), "yunnan/changning", 2022);
  CHECK_FALSE(prog(r, ProgrammeId::forest_ranger_post).eligible);
  CHECK_EQ(prog(r, ProgrammeId::forest_ranger_post).reason.id, ReasonId::no_ranger);
  r = run(one_worker(Category::tuopin, 2022, job(JobKind::forest_ranger, 0, 1000)), "yunnan/changning", 2022);
  CHECK_EQ(prog(r, ProgrammeId::forest_ranger_post).reason.id, ReasonId::no_ranger);
  CHECK_EQ(r.income.wage, Money());
}

TEST_CASE(
    "forest_ranger_post 003 附件2 一.5 where no province sets a standard (template/county): the pay as entered, or 0") {
  // 6 × 500 = 3000
  Result r = run(one_worker(Category::tuopin, 2023, job(JobKind::forest_ranger, 6, 500)), "template/county", 2023);
  CHECK_EQ(prog(r, ProgrammeId::forest_ranger_post).amount, yuan(3000));
  CHECK_EQ(prog(r, ProgrammeId::forest_ranger_post).reason.id, ReasonId::ranger_wage);
  CHECK_EQ(r.income.wage, yuan(3000));
  // No pay and no standard: nothing to count, and the reason asks for the pay
  r = run(one_worker(Category::tuopin, 2023, job(JobKind::forest_ranger, 6, 0)), "template/county", 2023);
  CHECK_FALSE(prog(r, ProgrammeId::forest_ranger_post).eligible);
  CHECK_EQ(prog(r, ProgrammeId::forest_ranger_post).amount, Money());
  CHECK_EQ(prog(r, ProgrammeId::forest_ranger_post).reason.id, ReasonId::ranger_no_pay);
}

// ---------------------------------------------------------------------------------------------------------------
// 2. 村医 (003 附件2 一.6 "村医每人每月财政定额补助提高200元")

TEST_CASE("village_doctor_subsidy 003 附件2 一.6: 200 × months on top of the doctor's wage, which is wage income") {
  // 12 months × 1500 = 18000 of wage, and 200 × 12 = 2400 of raise: income.wage = 20400
  Result r = run(one_worker(Category::general, 2022, job(JobKind::village_doctor, 12, 1500)), "guizhou/ceheng", 2022);
  const auto& p = prog(r, ProgrammeId::village_doctor_subsidy);
  CHECK(p.eligible);
  CHECK(p.counted);
  CHECK_EQ(p.amount, yuan(2400));
  CHECK_EQ(p.reason.id, ReasonId::village_doctor);
  CHECK_EQ(p.reason.args, std::array<int64_t, 5>{12, 20000, 240000, 0, 0});  // {months, 200, 2400}
  CHECK_EQ(r.income.wage, yuan(18000 + 2400));
  CHECK_EQ(r.income.net, yuan(20400));
  CHECK_FALSE(params("guizhou/ceheng", 2022)[ParamId::village_doctor_monthly].assumed());  // the document's 200
  // 8 months × 1500 = 12000, 200 × 8 = 1600: 13600
  r = run(one_worker(Category::tuopin, 2023, job(JobKind::village_doctor, 8, 1500)), "guizhou/ceheng", 2023);
  CHECK_EQ(prog(r, ProgrammeId::village_doctor_subsidy).amount, yuan(1600));
  CHECK_EQ(r.income.wage, yuan(12000 + 1600));
  // Nobody a doctor
  r = run(one_worker(Category::tuopin, 2023, job(JobKind::local, 8, 1500)), "guizhou/ceheng", 2023);
  CHECK_EQ(prog(r, ProgrammeId::village_doctor_subsidy).reason.id, ReasonId::no_village_doctor);
}

TEST_CASE("village_doctor_subsidy is Ceheng's (003 附件2 一.6): not in Changning, where the wage still counts") {
  const Result r =
      run(one_worker(Category::tuopin, 2022, job(JobKind::village_doctor, 12, 1500)), "yunnan/changning", 2022);
  CHECK_FALSE(prog(r, ProgrammeId::village_doctor_subsidy).available);
  CHECK_FALSE(prog(r, ProgrammeId::village_doctor_subsidy).eligible);
  CHECK_EQ(prog(r, ProgrammeId::village_doctor_subsidy).reason.id, ReasonId::not_available);
  CHECK_EQ(r.income.wage, yuan(18000));  // 12 × 1500, the doctor's pay as entered
}

// ---------------------------------------------------------------------------------------------------------------
// 3. 就业见习 (003 附件3 15 "见习人员基本生活补助标准不低于当地最低工资标准"; 1570 assumed): the allowance is wage as
//    entered, the programme the difference up to the minimum wage

TEST_CASE("internship_allowance 003 附件3 15: the difference up to 1570 (assumed) × months in Ceheng") {
  // 1200 < 1570 → (1570 − 1200) × 6 = 2220 made up, wage 7200 + 2220 = 9420; 1570 and 2000: nothing made up
  for (const auto& row : {std::tuple{1200, 2220, 9420}, {1570, 0, 9420}, {2000, 0, 12000}}) {
    const auto [wage, top_up, total] = row;
    CAPTURE(std::get<0>(row));
    const Result r =
        run(one_worker(Category::general, 2023, job(JobKind::internship, 6, wage)), "guizhou/ceheng", 2023);
    const auto& p = prog(r, ProgrammeId::internship_allowance);
    CHECK_EQ(p.eligible, top_up > 0);  // at the minimum or above: said, nothing paid
    CHECK_EQ(p.amount, yuan(top_up));
    CHECK_EQ(p.reason.id, wage < 1570 ? ReasonId::internship_top_up : ReasonId::internship_at_minimum);
    CHECK_EQ(p.reason.args, std::array<int64_t, 5>{6, wage * 100, top_up * 100, 157000, 0});
    CHECK_EQ(r.income.wage, yuan(total));  // the allowance and what is made up: wage income, once
  }
  CHECK(params("guizhou/ceheng", 2023)[ParamId::internship_minimum_wage].assumed());
}

TEST_CASE("internship_allowance is Ceheng's (003 附件3 15): in Changning not available, the allowance still wage") {
  // 1200 × 6 = 7200 as entered; with a local job of 12 × 1000 = 12000 beside it: wage 19200
  const Household h =
      household(Category::tuopin, 2022,
                {adult(2000, {job(JobKind::internship, 6, 1200)}), adult(1975, {job(JobKind::local, 12, 1000)})});
  const Result r = run(h, "yunnan/changning", 2022);
  const auto& p = prog(r, ProgrammeId::internship_allowance);
  CHECK_FALSE(p.available);
  CHECK_EQ(p.reason.id, ReasonId::not_available);
  CHECK_EQ(r.income.wage, yuan(7200 + 12000));
  const Result none = run(one_worker(Category::tuopin, 2023, job(JobKind::local, 6, 1200)), "guizhou/ceheng", 2023);
  CHECK_EQ(prog(none, ProgrammeId::internship_allowance).reason.id, ReasonId::no_internship);
}

// ---------------------------------------------------------------------------------------------------------------
// 4. 证书直补 (003 附件2 三.23; 1000/1500/2000 assumed)

TEST_CASE("certificate_subsidy 003 附件2 三.23: 1000/1500/2000 by level (assumed), one-off, cash not counted") {
  Household h =
      household(Category::tuopin, 2023,
                {with_certificate(CertificateLevel::primary), with_certificate(CertificateLevel::intermediate),
                 with_certificate(CertificateLevel::advanced), with_certificate(CertificateLevel::none)});
  const Result r = run(h, "guizhou/ceheng", 2023);
  const auto& p = prog(r, ProgrammeId::certificate_subsidy);
  CHECK(p.eligible);
  CHECK_FALSE(p.counted);
  CHECK_EQ(p.amount, yuan(1000 + 1500 + 2000));  // 4500
  CHECK_EQ(p.reason.id, ReasonId::members_total);
  REQUIRE_EQ(p.detail_end - p.detail_begin, 3);
  const ProgrammeDetail* d = &r.details[p.detail_begin];
  // 初级 (五级), 中级 (四级), 高级 (三级) and above, each said by its level: {amount}
  CHECK_EQ(d[0].member, 0);
  CHECK_EQ(d[0].reason.id, ReasonId::certificate_primary);
  CHECK_EQ(d[0].reason.args, std::array<int64_t, 5>{100000, 0, 0, 0, 0});
  CHECK_EQ(d[1].member, 1);
  CHECK_EQ(d[1].reason.id, ReasonId::certificate_intermediate);
  CHECK_EQ(d[1].reason.args, std::array<int64_t, 5>{150000, 0, 0, 0, 0});
  CHECK_EQ(d[2].member, 2);
  CHECK_EQ(d[2].reason.id, ReasonId::certificate_advanced);
  CHECK_EQ(d[2].reason.args, std::array<int64_t, 5>{200000, 0, 0, 0, 0});
  CHECK_EQ(r.income.net, Money());               // not counted: net income has none of it
  CHECK_EQ(r.income.cash_received, yuan(4500));  // but the cash is received
  CHECK_EQ(r.income.cash_received - r.income.net, yuan(4500));
  for (ParamId id : {ParamId::certificate_primary, ParamId::certificate_intermediate, ParamId::certificate_advanced})
    CHECK(params("guizhou/ceheng", 2023)[id].assumed());
}

TEST_CASE(
    "certificate_subsidy 003 附件2 三.23: for farmers (an urban household is not_rural); nobody → none; not "
    "in Changning") {
  Household h = household(Category::urban, 2023, {with_certificate(CertificateLevel::advanced)});
  Result r = run(h, "guizhou/ceheng", 2023);
  CHECK_FALSE(prog(r, ProgrammeId::certificate_subsidy).eligible);
  CHECK_EQ(prog(r, ProgrammeId::certificate_subsidy).reason.id, ReasonId::not_rural);
  CHECK_EQ(r.income.cash_received, Money());
  h.category = Category::general;  // any farmer, not only 脱贫
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2023), ProgrammeId::certificate_subsidy).amount, yuan(2000));
  h.members[0].certificate = CertificateLevel::none;
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2023), ProgrammeId::certificate_subsidy).reason.id, ReasonId::no_certificate);
  h.members[0].certificate = CertificateLevel::primary;
  r = run(h, "yunnan/changning", 2022);
  CHECK_EQ(prog(r, ProgrammeId::certificate_subsidy).reason.id, ReasonId::not_available);
}

// ---------------------------------------------------------------------------------------------------------------
// 5. 小额信贷贴息 (000 三(二)17; Ceheng assumed on 附件2 二.12): min(principal, 50000) × rate × months/12 × 100 %

TEST_CASE(
    "microcredit_interest_subsidy 000 三(二)17: 50000 × 3.45 % × 12/12 × 100 % = 1725, a lower cost 3000 → "
    "1275") {
  // revenue 10000, cost 3000; subsidy 50000 × 0.0345 = 1725.00; cost 3000 − 1725 = 1275; net 10000 − 1275 = 8725
  const Household h = borrower(Category::tuopin, 2022, yuan(10000), yuan(3000), loan(50000, 345, 12));
  const Result r = run(h, "yunnan/changning", 2022);
  const auto& p = prog(r, ProgrammeId::microcredit_interest_subsidy);
  CHECK(p.available);
  CHECK(p.eligible);
  CHECK(p.counted);
  CHECK_EQ(p.amount, Money::fen(172500));
  CHECK_EQ(p.reason.id, ReasonId::microcredit);
  // {principal, rate bp, months, share bp, amount}
  CHECK_EQ(p.reason.args, std::array<int64_t, 5>{5000000, 345, 12, 10000, 172500});
  CHECK_EQ(r.income.production, yuan(10000));  // unchanged: interest returned is not income
  CHECK_EQ(r.income.production_cost, yuan(1275));
  CHECK_EQ(r.income.net, yuan(8725));
  CHECK_EQ(r.income.cash_received, yuan(8725));
  CHECK_FALSE(params("yunnan/changning", 2022)[available_param(ProgrammeId::microcredit_interest_subsidy)].assumed());
  CHECK(params("yunnan/changning", 2022)[ParamId::microcredit_max_principal].assumed());
  CHECK(params("yunnan/changning", 2022)[ParamId::microcredit_share].assumed());
}

TEST_CASE("microcredit_interest_subsidy 000 三(二)17: over 50000 (assumed cap) is paid on 50000 → microcredit_capped") {
  // 80000 → 50000 × 3.45 % = 1725.00, not 80000 × 3.45 % = 2760
  const Household h = borrower(Category::tuopin, 2022, yuan(10000), yuan(3000), loan(80000, 345, 12));
  const Result r = run(h, "yunnan/changning", 2022);
  const auto& p = prog(r, ProgrammeId::microcredit_interest_subsidy);
  CHECK_EQ(p.amount, Money::fen(172500));
  CHECK_EQ(p.reason.id, ReasonId::microcredit_capped);
  CHECK_EQ(p.reason.args[0], 5000000);  // the cap, 50000
  CHECK_EQ(r.income.production_cost, yuan(1275));
  // exactly 50000 is not capped
  CHECK_EQ(prog(run(borrower(Category::tuopin, 2022, yuan(10000), yuan(3000), loan(50000, 345, 12)), "yunnan/changning",
                    2022),
                ProgrammeId::microcredit_interest_subsidy)
               .reason.id,
           ReasonId::microcredit);
}

TEST_CASE("microcredit_interest_subsidy 000 三(二)17: never a cost below 0, the excess adds to production") {
  // cost 0: production 10000 + 1725 = 11725, cost stays 0, net 11725
  Result r =
      run(borrower(Category::tuopin, 2022, yuan(10000), Money(), loan(50000, 345, 12)), "yunnan/changning", 2022);
  CHECK_EQ(r.income.production_cost, Money());
  CHECK_EQ(r.income.production, Money::fen(1172500));
  CHECK_EQ(r.income.net, Money::fen(1172500));
  // cost 1000: cost 1000 − 1000 = 0, the 725 left adds to production: 10725; net 10725 = 10000 − 1000 + 1725
  r = run(borrower(Category::tuopin, 2022, yuan(10000), yuan(1000), loan(50000, 345, 12)), "yunnan/changning", 2022);
  CHECK_EQ(r.income.production_cost, Money());
  CHECK_EQ(r.income.production, yuan(10725));
  CHECK_EQ(r.income.net, yuan(10725));
  // cost exactly 1725: cost 0, production unchanged
  r = run(borrower(Category::tuopin, 2022, yuan(10000), yuan(1725), loan(50000, 345, 12)), "yunnan/changning", 2022);
  CHECK_EQ(r.income.production_cost, Money());
  CHECK_EQ(r.income.production, yuan(10000));
}

TEST_CASE("microcredit_interest_subsidy 000 三(二)17: part of a year, rounded once to the fen") {
  // 50000 × 3.45 % × 6/12 = 862.50
  Result r =
      run(borrower(Category::tuopin, 2022, yuan(10000), yuan(3000), loan(50000, 345, 6)), "yunnan/changning", 2022);
  CHECK_EQ(prog(r, ProgrammeId::microcredit_interest_subsidy).amount, Money::fen(86250));
  CHECK_EQ(r.income.production_cost, Money::fen(213750));  // 3000 − 862.50 = 2137.50
  // 33333 × 3.45 % × 5/12 = 3 333 300 fen × 345 × 5 / 120 000 = 5 749 942 500 / 120 000 = 47 916.1875 fen → 479.16
  Household h = borrower(Category::tuopin, 2022, yuan(10000), yuan(3000), loan(33333, 345, 5));
  CHECK_EQ(prog(run(h, "yunnan/changning", 2022), ProgrammeId::microcredit_interest_subsidy).amount, Money::fen(47916));
  // 30000 × 4.35 % × 7/12 = 1305 × 7/12 = 761.25
  h.microcredit = loan(30000, 435, 7);
  CHECK_EQ(prog(run(h, "yunnan/changning", 2022), ProgrammeId::microcredit_interest_subsidy).amount, Money::fen(76125));
}

TEST_CASE(
    "microcredit_interest_subsidy 000 三(二)17: 脱贫人口 only (Changning's include the monitored: 000 一), Ceheng "
    "assumed on 附件2 二.12, none in Qujing") {
  Household h = borrower(Category::general, 2022, yuan(10000), yuan(3000), loan(50000, 345, 12));
  Result r = run(h, "yunnan/changning", 2022);
  CHECK_FALSE(prog(r, ProgrammeId::microcredit_interest_subsidy).eligible);
  CHECK_EQ(prog(r, ProgrammeId::microcredit_interest_subsidy).reason.id, ReasonId::category_not_covered);
  CHECK_EQ(prog(r, ProgrammeId::microcredit_interest_subsidy).reason.args[1], static_cast<int64_t>(Category::general));
  CHECK_EQ(r.income.production_cost, yuan(3000));  // nothing returned
  h.category = Category::monitor_marginal;         // Changning: 脱贫人口 includes the monitored
  CHECK_EQ(prog(run(h, "yunnan/changning", 2023), ProgrammeId::microcredit_interest_subsidy).amount,
           Money::fen(172500));
  // Ceheng: tuopin and monitor_unstable (assumed: the document says only "小额信贷的投放")
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2023), ProgrammeId::microcredit_interest_subsidy).reason.id,
           ReasonId::category_not_covered);
  h.category = Category::monitor_unstable;
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2023), ProgrammeId::microcredit_interest_subsidy).amount, Money::fen(172500));
  CHECK(params("guizhou/ceheng", 2023)[available_param(ProgrammeId::microcredit_interest_subsidy)].assumed());
  h.category = Category::tuopin;
  r = run(h, "yunnan/qujing", 2023);
  CHECK_FALSE(prog(r, ProgrammeId::microcredit_interest_subsidy).available);
  CHECK_EQ(prog(r, ProgrammeId::microcredit_interest_subsidy).reason.id, ReasonId::not_available);
  CHECK_EQ(r.income.production_cost, yuan(3000));
  // No loan, or a loan of no months
  h.microcredit.reset();
  CHECK_EQ(prog(run(h, "yunnan/changning", 2022), ProgrammeId::microcredit_interest_subsidy).reason.id,
           ReasonId::no_microcredit);
  h.microcredit = loan(50000, 345, 0);
  CHECK_EQ(prog(run(h, "yunnan/changning", 2022), ProgrammeId::microcredit_interest_subsidy).reason.id,
           ReasonId::no_microcredit);
}

// ---------------------------------------------------------------------------------------------------------------
// 6. 实际种粮一次性补贴 and 退耕还林补贴 (000 三(三)20; 003 附件2 三.20; 20 and 100 a mu assumed)

TEST_CASE(
    "grain_subsidy and returned_farmland_subsidy 000 三(三)20, 003 附件2 三.20: 3.5 mu × 20 and × 100 (assumed)") {
  Household h = household(Category::general, 2022, {adult(1970)});
  h.transfers.grain_centimu = 350;
  h.transfers.returned_farmland_centimu = 350;
  for (const char* id : {"yunnan/changning", "guizhou/ceheng"}) {
    CAPTURE(id);
    const Result r = run(h, id, 2022);
    const auto& grain = prog(r, ProgrammeId::grain_subsidy);
    const auto& returned = prog(r, ProgrammeId::returned_farmland_subsidy);
    CHECK_EQ(grain.amount, yuan(70));  // 3.5 × 20 = 70, one-off
    CHECK_FALSE(grain.counted);
    CHECK_EQ(grain.reason.args, std::array<int64_t, 5>{350, 2000, 7000, 0, 0});
    CHECK_EQ(returned.amount, yuan(350));  // 3.5 × 100 = 350 a year
    CHECK(returned.counted);
    CHECK_EQ(returned.reason.id, ReasonId::returned_farmland);
    CHECK_EQ(r.income.transfer, yuan(350));  // only the returned farmland is counted, as a transfer
    CHECK_EQ(r.income.net, yuan(350));
    CHECK_EQ(r.income.cash_received, yuan(350 + 70));
    const YearParameters p = params(id, 2022);
    CHECK(p[ParamId::grain_per_mu].assumed());
    CHECK(p[ParamId::returned_farmland_per_mu].assumed());
  }
  // 0.37 mu × 20 = 7.40; 12.05 mu × 100 = 1205
  h.transfers.grain_centimu = 37;
  h.transfers.returned_farmland_centimu = 1205;
  const Result r = run(h, "yunnan/changning", 2023);
  CHECK_EQ(prog(r, ProgrammeId::grain_subsidy).amount, Money::fen(740));
  CHECK_EQ(prog(r, ProgrammeId::returned_farmland_subsidy).amount, yuan(1205));
}

TEST_CASE(
    "grain_subsidy and returned_farmland_subsidy 000 三(三)20, 003 附件2 三.20: nothing entered → no_grain / "
    "no_returned_farmland; none in Weixi") {
  Household h = household(Category::general, 2022, {adult(1970)});
  Result r = run(h, "guizhou/ceheng", 2022);
  CHECK_EQ(prog(r, ProgrammeId::grain_subsidy).reason.id, ReasonId::no_grain);
  CHECK_EQ(prog(r, ProgrammeId::returned_farmland_subsidy).reason.id, ReasonId::no_returned_farmland);
  h.transfers.grain_centimu = 350;
  h.transfers.returned_farmland_centimu = 350;
  r = run(h, "yunnan/weixi", 2023);
  CHECK_EQ(prog(r, ProgrammeId::grain_subsidy).reason.id, ReasonId::not_available);
  CHECK_EQ(prog(r, ProgrammeId::returned_farmland_subsidy).reason.id, ReasonId::not_available);
  CHECK_EQ(r.income.net, Money());
}

// ---------------------------------------------------------------------------------------------------------------
// 7. 保底分红 (003 附件2 二.13: 差异化收益分配; shares 50/75/100 % assumed)

TEST_CASE("guaranteed_dividend 003 附件2 二.13: base 1000 × 50 % / 75 % / 100 % by labour (assumed), property") {
  // full 1000 × 50 % = 500; weak 1000 × 75 % = 750; none 1000 × 100 % = 1000; in all 2250
  Household h =
      household(Category::tuopin, 2023, {with_labor(Labor::full), with_labor(Labor::weak), with_labor(Labor::none)});
  h.property.guaranteed_dividend = yuan(1000);
  h.property.dividends = yuan(300);  // an ordinary dividend beside it
  const Result r = run(h, "guizhou/ceheng", 2023);
  const auto& p = prog(r, ProgrammeId::guaranteed_dividend);
  CHECK(p.eligible);
  CHECK(p.counted);
  CHECK_EQ(p.amount, yuan(2250));
  REQUIRE_EQ(p.detail_end - p.detail_begin, 3);
  const ProgrammeDetail* d = &r.details[p.detail_begin];
  CHECK_EQ(d[0].reason.id, ReasonId::dividend_full);
  CHECK_EQ(d[0].reason.args, std::array<int64_t, 5>{100000, 5000, 50000, 0, 0});
  CHECK_EQ(d[1].reason.id, ReasonId::dividend_weak);
  CHECK_EQ(d[1].amount, yuan(750));
  CHECK_EQ(d[2].reason.id, ReasonId::dividend_none);
  CHECK_EQ(d[2].amount, yuan(1000));
  CHECK_EQ(r.income.property, yuan(2250 + 300));  // the base itself is not income, only the shares
  CHECK_EQ(r.income.transfer, Money());
  for (ParamId id : {ParamId::dividend_weight_full, ParamId::dividend_weight_weak, ParamId::dividend_weight_none})
    CHECK(params("guizhou/ceheng", 2023)[id].assumed());
}

TEST_CASE("guaranteed_dividend 003 附件2 二.13: shares round to the fen (333.33 × 50 % = 166.665 → 166.67)") {
  // 33 333 fen × 5000 / 10000 = 16 666.5 → 16 667 (half away from zero); × 7500 / 10000 = 24 999.75 → 25 000
  Household h = household(Category::monitor_unstable, 2022, {with_labor(Labor::full), with_labor(Labor::weak)});
  h.property.guaranteed_dividend = Money::fen(33333);
  const Result r = run(h, "guizhou/ceheng", 2022);
  const auto& p = prog(r, ProgrammeId::guaranteed_dividend);
  REQUIRE_EQ(p.detail_end - p.detail_begin, 2);
  CHECK_EQ(r.details[p.detail_begin].amount, Money::fen(16667));
  CHECK_EQ(r.details[p.detail_begin + 1].amount, Money::fen(25000));
  CHECK_EQ(p.amount, Money::fen(16667 + 25000));
  CHECK_EQ(r.income.property, Money::fen(41667));
}

TEST_CASE("guaranteed_dividend 003 附件2 二.13: 脱贫人口 only (tuopin, monitor_unstable); no base; not in Changning") {
  Household h = household(Category::monitor_marginal, 2023, {with_labor(Labor::full)});
  h.property.guaranteed_dividend = yuan(1000);
  Result r = run(h, "guizhou/ceheng", 2023);
  CHECK_FALSE(prog(r, ProgrammeId::guaranteed_dividend).eligible);
  CHECK_EQ(prog(r, ProgrammeId::guaranteed_dividend).reason.id, ReasonId::category_not_covered);
  CHECK_EQ(r.income.property, Money());
  h.category = Category::general;
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2023), ProgrammeId::guaranteed_dividend).reason.id,
           ReasonId::category_not_covered);
  h.category = Category::tuopin;
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2023), ProgrammeId::guaranteed_dividend).amount, yuan(500));
  CHECK_EQ(prog(run(h, "yunnan/changning", 2022), ProgrammeId::guaranteed_dividend).reason.id, ReasonId::not_available);
  h.property.guaranteed_dividend = Money();
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2023), ProgrammeId::guaranteed_dividend).reason.id, ReasonId::no_dividend);
}

// ---------------------------------------------------------------------------------------------------------------
// 8. 临时价格补贴 (003 附件2 三.26 "及时发放临时价格补贴", 附件3 13 "达到启动条件"; 30 a month assumed, 0 months)

TEST_CASE("temporary_price_subsidy 003 附件2 三.26: dibao or tekun households; 0 months by default → not started") {
  Household h = household(Category::tuopin, 2023, {adult(1960), adult(1962), adult(2010)});
  h.dibao = true;
  Result r = run(h, "guizhou/ceheng", 2023);
  CHECK(prog(r, ProgrammeId::temporary_price_subsidy).available);
  CHECK_FALSE(prog(r, ProgrammeId::temporary_price_subsidy).eligible);
  CHECK_EQ(prog(r, ProgrammeId::temporary_price_subsidy).reason.id, ReasonId::price_subsidy_not_started);
  // Started for 3 months (a user's change): 3 people × 30 × 3 months = 270, one-off, cash not counted
  const std::vector<ParamOverride> three{set("temporary_price_subsidy.months=3")};
  r = run(h, "guizhou/ceheng", 2023, three);
  const auto& p = prog(r, ProgrammeId::temporary_price_subsidy);
  CHECK(p.eligible);
  CHECK_FALSE(p.counted);
  CHECK_EQ(p.amount, yuan(270));
  CHECK_EQ(p.reason.id, ReasonId::price_subsidy);
  CHECK_EQ(p.reason.args, std::array<int64_t, 5>{3, 3000, 3, 27000, 0});  // {people, 30, months, 270}
  CHECK_EQ(r.income.cash_received - r.income.net, yuan(270));
  // A tekun household, 1 person × 30 × 3 = 90
  Household t = household(Category::general, 2023, {adult(1950)});
  t.tekun = true;
  CHECK_EQ(prog(run(t, "guizhou/ceheng", 2023, three), ProgrammeId::temporary_price_subsidy).amount, yuan(90));
  // A household not marked 特困 with one 特困 member of three: that member, 1 × 30 × 3 = 90, as 特困供养 pays her
  Household m = household(Category::general, 2023, {adult(1950), adult(1975), adult(1978)});
  m.members[0].tekun = true;
  const Result marked = run(m, "guizhou/ceheng", 2023, three);
  CHECK_EQ(prog(marked, ProgrammeId::temporary_price_subsidy).amount, yuan(90));
  CHECK_EQ(prog(marked, ProgrammeId::tekun_support).detail_end - prog(marked, ProgrammeId::tekun_support).detail_begin,
           1);
  // Neither
  h.dibao = false;
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2023, three), ProgrammeId::temporary_price_subsidy).reason.id,
           ReasonId::price_subsidy_not_covered);
  // Not in Changning
  h.dibao = true;
  CHECK_EQ(prog(run(h, "yunnan/changning", 2022, three), ProgrammeId::temporary_price_subsidy).reason.id,
           ReasonId::not_available);
  CHECK(params("guizhou/ceheng", 2023)[ParamId::price_subsidy_monthly].assumed());
}

// ---------------------------------------------------------------------------------------------------------------
// 9. 临时救助 (000 三(三)25 "给予应急性、过渡性临时救助")

TEST_CASE("temporary_assistance 000 三(三)25: the amount granted as entered, one-off, cash not counted") {
  Household h = household(Category::monitor_sudden, 2022, {adult(1980, {job(JobKind::local, 12, 1000)})});
  h.transfers.temporary_assistance = yuan(2000);
  const Result r = run(h, "yunnan/changning", 2022);
  const auto& p = prog(r, ProgrammeId::temporary_assistance);
  CHECK(p.eligible);
  CHECK_FALSE(p.counted);
  CHECK_EQ(p.amount, yuan(2000));
  CHECK_EQ(p.reason.id, ReasonId::temporary_assistance);
  CHECK_EQ(r.income.net, yuan(12000));  // 12 × 1000, the assistance not in it
  CHECK_EQ(r.income.transfer, Money());
  CHECK_EQ(r.income.cash_received, yuan(12000 + 2000));
  // Ceheng's document has no such programme here: not available, and the amount goes nowhere
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2022), ProgrammeId::temporary_assistance).reason.id, ReasonId::not_available);
}

TEST_CASE("temporary_assistance 000 三(三)25: none entered — a sudden event or rigid spending may apply; else none") {
  Household h = household(Category::monitor_sudden, 2022, {adult(1980)});
  Result r = run(h, "yunnan/changning", 2022);
  CHECK_FALSE(prog(r, ProgrammeId::temporary_assistance).eligible);
  CHECK_EQ(prog(r, ProgrammeId::temporary_assistance).reason.id, ReasonId::no_temporary_hardship);
  h.sudden_event = SuddenEvent{SuddenEventKind::illness, 5};
  r = run(h, "yunnan/changning", 2022);
  CHECK_FALSE(prog(r, ProgrammeId::temporary_assistance).eligible);
  CHECK_EQ(prog(r, ProgrammeId::temporary_assistance).reason.id, ReasonId::temporary_assistance_may_apply);
  h.sudden_event.reset();
  h.expenses.medical = yuan(8000);
  CHECK_EQ(prog(run(h, "yunnan/changning", 2022), ProgrammeId::temporary_assistance).reason.id,
           ReasonId::temporary_assistance_may_apply);
}

// ---------------------------------------------------------------------------------------------------------------
// 10. The suggestion: be hired as a forest ranger (003 附件2 一.5, "向…低收入人群倾斜")

TEST_CASE(
    "take_forest_ranger_post 003 附件2 一.5: an idle adult of a 脱贫 or monitored household, the yearly "
    "standard") {
  // Changning 2022, one idle adult and one working: the ranger's post adds Yunnan's 9000 for the idle one only.
  Household h = household(Category::tuopin, 2022, {adult(1980), adult(1982, {job(JobKind::local, 12, 1000)})});
  Result r = run(h, "yunnan/changning", 2022);
  REQUIRE_EQ(ranger_suggestions(r), 1);
  const Suggestion* s = ranger_suggestion(r, 0);
  REQUIRE(s != nullptr);
  CHECK_EQ(s->programme, std::optional(ProgrammeId::forest_ranger_post));
  CHECK_EQ(s->adds, yuan(9000));
  CHECK_EQ(s->adds_net, yuan(9000));  // counted, as wage income
  CHECK_EQ(s->step.id, ReasonId::step_forest_ranger);
  CHECK_EQ(s->step.args[0], 900000);
  CHECK_EQ(s->basis, ParamId::forest_ranger_yearly);
  // (12000 + 9000) / 2 = 10500 ≥ 7000, Changning's policy line in 2022
  CHECK(s->closes_gap);
  // Ceheng: Guizhou's 10000, for each monitored category too
  for (Category c :
       {Category::tuopin, Category::monitor_unstable, Category::monitor_marginal, Category::monitor_sudden}) {
    CAPTURE(static_cast<int>(c));
    h.category = c;
    r = run(h, "guizhou/ceheng", 2023);
    s = ranger_suggestion(r, 0);
    REQUIRE(s != nullptr);
    CHECK_EQ(s->adds, yuan(10000));
  }
}

TEST_CASE(
    "take_forest_ranger_post 003 附件2 一.5: not for a general or urban household, anyone employed or unable to work, "
    "nor where no standard is set") {
  Household h = household(Category::general, 2022, {adult(1980), adult(1982, {job(JobKind::local, 12, 1000)})});
  CHECK_EQ(ranger_suggestions(run(h, "yunnan/changning", 2022)), 0);
  h.category = Category::urban;
  CHECK_EQ(ranger_suggestions(run(h, "guizhou/ceheng", 2023)), 0);
  h.category = Category::tuopin;
  CHECK_EQ(ranger_suggestions(run(h, "template/county", 2023)), 0);  // no yearly standard in the template
  h.members[0].jobs = {job(JobKind::forest_ranger, 12, 800)};        // already a ranger: employed
  CHECK_EQ(ranger_suggestions(run(h, "yunnan/changning", 2022)), 0);
  h.members[0].jobs.clear();
  h.members[0].labor = Labor::none;  // cannot work
  CHECK_EQ(ranger_suggestions(run(h, "yunnan/changning", 2022)), 0);
}

// ---------------------------------------------------------------------------------------------------------------
// The example assets/examples/ceheng-household-measures.json, every measure at once

TEST_CASE("example ceheng-household-measures (Ceheng 2023, 脱贫): each measure and the household's income by hand") {
  const EmbeddedAsset* example = nullptr;
  for (const EmbeddedAsset& e : embedded_example_files())
    if (e.name == std::string_view("ceheng-household-measures")) example = &e;
  REQUIRE(example != nullptr);
  const auto parsed = parse_household(example->text);
  for (const InputError& e : parsed.errors) FAIL_CHECK(error_line(e));
  REQUIRE(parsed.ok());
  const Household& h = parsed.value;
  const Result r = run(h, h.policy, h.year);
  CHECK_EQ(prog(r, ProgrammeId::forest_ranger_post).amount, yuan(9600));            // 800 × 12, as entered
  CHECK_EQ(prog(r, ProgrammeId::village_doctor_subsidy).amount, yuan(2400));        // 200 × 12
  CHECK_EQ(prog(r, ProgrammeId::internship_allowance).amount, yuan(1620));          // (1570 − 1300) × 6
  CHECK_EQ(prog(r, ProgrammeId::certificate_subsidy).amount, yuan(1000));           // 初级, not counted
  CHECK_EQ(prog(r, ProgrammeId::microcredit_interest_subsidy).amount, yuan(1725));  // 50000 × 3.45 %
  CHECK_EQ(prog(r, ProgrammeId::grain_subsidy).amount, yuan(40));                   // 2 × 20, not counted
  CHECK_EQ(prog(r, ProgrammeId::returned_farmland_subsidy).amount, yuan(350));      // 3.5 × 100
  CHECK_EQ(prog(r, ProgrammeId::farmland_subsidy).amount, yuan(200));               // 2.5 × 80
  CHECK_EQ(prog(r, ProgrammeId::guaranteed_dividend).amount, yuan(2500));           // 3 × 500 + 1 × 1000
  CHECK_EQ(prog(r, ProgrammeId::pension_basic).amount, yuan(1416));                 // 118 × 12, the 73-year-old
  // wage 9600 + 18000 (the doctor's own) + 2400 + 7800 (1300 × 6, the intern's) + 1620 = 39420
  CHECK_EQ(r.income.wage, yuan(39420));
  CHECK_EQ(r.income.production, yuan(8000));
  CHECK_EQ(r.income.production_cost, yuan(1275));  // 3000 − 1725
  CHECK_EQ(r.income.property, yuan(2500));
  CHECK_EQ(r.income.transfer, yuan(200 + 350 + 1416));  // 1966
  // 39420 + 8000 − 1275 + 2500 + 1966 = 50611; ÷ 4 = 12652.75; cash + 1000 + 40 = 51651
  CHECK_EQ(r.income.net, yuan(50611));
  CHECK_EQ(r.income.per_capita_net, Money::fen(1265275));
  CHECK_EQ(r.income.cash_received, yuan(51651));
  CHECK_FALSE(r.overflowed());
}
