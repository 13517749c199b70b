// Projection over N years (issue 3, item 6): each year's parameters, ageing, schooling, growth per stream.
#include <doctest/doctest.h>

#include "core/projection.h"
#include "helpers.h"

using namespace zengshou::test;

namespace {

std::vector<ProjectedYear> project_in(const Household& h, const std::string& policy, int years, GrowthRates g = {}) {
  const PolicySet& set = PolicySet::embedded();
  return project(h, set, *set.find(policy), years, g);
}

}  // namespace

TEST_CASE("Guizhou pension 103 → 118 (003 附件2 三.25) and turning 60 starts it") {
  Household h = household(Category::tuopin, 2022, {adult(1963)});  // 59 in 2022
  h.members[0].pension = {true, yuan(100)};
  h.members[0].labor = Labor::none;
  const auto years = project_in(h, "guizhou/ceheng", 3);
  REQUIRE_EQ(years.size(), 3);
  CHECK_EQ(years[0].result.year, 2022);
  CHECK_FALSE(years[0].result.programme(ProgrammeId::pension_basic).eligible);
  CHECK_EQ(years[1].result.programme(ProgrammeId::pension_basic).amount, yuan(118 * 12));      // 60 in 2023
  CHECK_EQ(years[2].result.programme(ProgrammeId::pension_basic).amount, yuan(123 * 12));      // national minimum 2024
  CHECK_FALSE(years[1].result.programme(ProgrammeId::pension_contribution_subsidy).eligible);  // stops paying in
}

TEST_CASE("growth defaults to the policy's targets: Ceheng 脱贫 wage 20%, production 13% (003 附件1)") {
  Household h = household(Category::tuopin, 2022, {adult(1980, {job(JobKind::local, 12, 1000)})});
  h.production = {{ProductionKind::crop, "茶叶", yuan(10000), yuan(2000)}};
  const auto years = project_in(h, "guizhou/ceheng", 2);
  CHECK_EQ(years[1].growth_bp[0], 2000);
  CHECK_EQ(years[1].household.members[0].jobs[0].monthly_wage, yuan(1200));
  CHECK_EQ(years[1].result.income.wage, yuan(14400));
  CHECK_EQ(years[1].result.income.production, yuan(11300));
  CHECK_EQ(years[1].result.income.production_cost, yuan(2260));
  CHECK_EQ(years[1].household.last_year_per_capita_net.value(), yuan(12000 + 10000 - 2000));
}

TEST_CASE("growth is 0 where a policy has no target, and can be set by the user") {
  Household h = household(Category::general, 2023, {adult(1980, {job(JobKind::local, 12, 1000)})});
  auto years = project_in(h, "yunnan/weixi", 2);
  CHECK_EQ(years[1].result.income.wage, yuan(12000));
  GrowthRates g;
  g.basis_points[0] = 550;  // 5.5 %
  years = project_in(h, "yunnan/weixi", 3, g);
  CHECK_EQ(years[1].household.members[0].jobs[0].monthly_wage, yuan(1055));
  CHECK_EQ(years[2].household.members[0].jobs[0].monthly_wage,
           Money::fen(111303));  // 1055 × 1.055 = 1113.025 → 1113.03
}

TEST_CASE("schooling moves on: 中职 ends at 19, and Rain and Dew with it; one-off facts are not repeated") {
  Household h = household(Category::tuopin, 2022, {adult(1975), adult(2004)});  // the student is 18 in 2022
  h.members[1].school = School{SchoolLevel::secondary_vocational, false, 0, Money()};
  Job out = job(JobKind::out_of_province, 10, 3000);
  out.first_organized_export = true;
  h.members[0].jobs = {out};
  const auto years = project_in(h, "guizhou/ceheng", 2);
  CHECK(years[0].result.programme(ProgrammeId::rain_dew).eligible);
  CHECK(years[0].result.programme(ProgrammeId::job_seeking_subsidy).eligible);
  CHECK_FALSE(years[1].household.members[1].school.has_value());
  CHECK_FALSE(years[1].result.programme(ProgrammeId::rain_dew).eligible);
  CHECK_FALSE(years[1].result.programme(ProgrammeId::job_seeking_subsidy).eligible);  // "first" happens once
}

TEST_CASE("a projection past the policy's last year keeps its parameters and says so") {
  const Household h = household(Category::general, 2024, {adult(1980)});
  const auto years = project_in(h, "guizhou/ceheng", 2);
  CHECK_FALSE(years[0].result.beyond_policy_years);
  CHECK(years[1].result.beyond_policy_years);
  CHECK_EQ(years[1].result.year, 2025);
}

TEST_CASE("000 三(三)25 低保渐退期 across years: kept from September 2022, 2 months in 2023, ended in 2024") {
  Household h = household(Category::tuopin, 2022, {adult(1980, {job(JobKind::local, 12, 1000)}), adult(1982)});
  h.dibao = true;
  h.dibao_taper = DibaoTaper{2022, 9, yuan(300)};  // Yunnan: 6 months (assumed)
  const auto years = project_in(h, "yunnan/changning", 3);
  REQUIRE_EQ(years.size(), 3);
  CHECK_EQ(years[0].result.programme(ProgrammeId::dibao).amount, yuan(300 * 4));
  CHECK_EQ(years[1].result.programme(ProgrammeId::dibao).amount, yuan(300 * 2));
  CHECK_FALSE(years[2].result.programme(ProgrammeId::dibao).eligible);
  CHECK_EQ(years[2].result.programme(ProgrammeId::dibao).reason.id, ReasonId::dibao_taper_ended);
  CHECK_EQ(years[2].household.dibao_taper->month, 9);  // the fact is carried, the year decides what it pays
}

TEST_CASE("000 三(三)25 特困供养 across years: the standard every year for the 特困 member") {
  Household h = household(Category::general, 2022, {adult(1950)});
  h.members[0].tekun = true;
  const auto years = project_in(h, "guizhou/ceheng", 3);
  for (const ProjectedYear& y : years)
    CHECK_EQ(y.result.programme(ProgrammeId::tekun_support).amount, Money::fen(561340));
}

TEST_CASE("entered totals grow as their streams: Ceheng 脱贫 wage 20%, production 13% (003 附件1)") {
  Household h;
  h.policy = "guizhou/ceheng";
  h.year = 2022;
  h.category = Category::tuopin;
  h.entered = EnteredIncome{2, yuan(12000), yuan(10000), yuan(2000), Money(), Money()};
  const auto years = project_in(h, "guizhou/ceheng", 2);
  // 12000 × 1.20 = 14400; 10000 × 1.13 = 11300; 2000 × 1.13 = 2260 — as the member-by-member household above.
  CHECK_EQ(years[1].result.income.wage, yuan(14400));
  CHECK_EQ(years[1].result.income.production, yuan(11300));
  CHECK_EQ(years[1].result.income.production_cost, yuan(2260));
  CHECK_EQ(years[1].household.last_year_per_capita_net.value(), yuan((12000 + 10000 - 2000) / 2));
}

TEST_CASE("next year: a certificate (003 附件2 三.23) and temporary assistance (000 三(三)25) are not repeated") {
  Household h = household(Category::tuopin, 2022, {adult(1980), adult(1985)});
  h.members[0].certificate = CertificateLevel::advanced;
  h.members[1].certificate = CertificateLevel::primary;
  h.transfers.temporary_assistance = yuan(2000);
  h.transfers.eco_compensation = yuan(500);
  const Household next = next_year(h, {});
  CHECK_EQ(next.year, 2023);
  CHECK_EQ(next.members[0].certificate, CertificateLevel::none);
  CHECK_EQ(next.members[1].certificate, CertificateLevel::none);
  CHECK_EQ(next.transfers.temporary_assistance, Money());
  CHECK_EQ(next.transfers.eco_compensation, yuan(500));  // a yearly transfer stays (0 growth)
  // Over a projection: Ceheng pays 2000 + 1000 in 2022 and nothing in 2023; Changning's assistance likewise.
  auto years = project_in(h, "guizhou/ceheng", 2);
  CHECK_EQ(years[0].result.programme(ProgrammeId::certificate_subsidy).amount, yuan(2000 + 1000));
  CHECK_FALSE(years[1].result.programme(ProgrammeId::certificate_subsidy).eligible);
  CHECK_EQ(years[1].result.programme(ProgrammeId::certificate_subsidy).reason.id, ReasonId::no_certificate);
  years = project_in(h, "yunnan/changning", 2);
  CHECK_EQ(years[0].result.programme(ProgrammeId::temporary_assistance).amount, yuan(2000));
  CHECK_FALSE(years[1].result.programme(ProgrammeId::temporary_assistance).eligible);
  CHECK_EQ(years[1].household.transfers.temporary_assistance, Money());
}

TEST_CASE(
    "next year: an internship (003 附件3 15) ends; a loan (000 三(二)17) runs the whole year; the dividend base "
    "stays") {
  Household h = household(Category::tuopin, 2022,
                          {adult(2000, {job(JobKind::internship, 6, 1200), job(JobKind::local, 4, 3000)})});
  Microcredit loan;
  loan.principal = yuan(50000);
  loan.rate_basis_points = 345;
  loan.months = 4;  // taken in September
  h.microcredit = loan;
  h.property.guaranteed_dividend = yuan(1000);
  const Household next = next_year(h, {0, 0, 1000, 0});  // property grows 10 %
  REQUIRE_EQ(next.members[0].jobs.size(), 1u);           // the internship is a stage, not a job that goes on
  CHECK_EQ(next.members[0].jobs[0].kind, JobKind::local);
  REQUIRE(next.microcredit.has_value());
  CHECK_EQ(next.microcredit->months, 12);
  CHECK_EQ(next.microcredit->principal, yuan(50000));
  CHECK_EQ(next.property.guaranteed_dividend, yuan(1000));  // the project's fixed base, not grown
  // 2023 in Changning: 50000 × 3.45 % × 12/12 = 1725 of interest subsidy (2022: × 4/12 = 575)
  const auto years = project_in(h, "yunnan/changning", 2);
  CHECK_EQ(years[0].result.programme(ProgrammeId::microcredit_interest_subsidy).amount, yuan(575));
  CHECK_EQ(years[1].result.programme(ProgrammeId::microcredit_interest_subsidy).amount, yuan(1725));
}
