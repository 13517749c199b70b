// Every programme of DOMAIN.md §4 in the policies that have it, hand-computed, with the clause in each name.
#include <doctest/doctest.h>

#include "helpers.h"

using namespace zengshou::test;

namespace {

const ProgrammeResult& prog(const Result& r, ProgrammeId id) { return r.programme(id); }

Household one_worker(Category c, int year, Job j) { return household(c, year, {adult(1980, {j})}); }

}  // namespace

TEST_CASE("public_welfare_post 000 三(一)4: months × wage, never below the 800 floor (799/800/801)") {
  for (const auto& wage_and_expected : {std::pair{799, 9600}, {800, 9600}, {801, 9612}}) {
    const auto [wage, expected] = wage_and_expected;
    CAPTURE(wage_and_expected.first);
    const Result r =
        run(one_worker(Category::tuopin, 2022, job(JobKind::public_welfare_post, 12, wage)), "yunnan/changning", 2022);
    const auto& p = prog(r, ProgrammeId::public_welfare_post);
    CHECK(p.eligible);
    CHECK_EQ(p.amount, yuan(expected));
    CHECK_EQ(r.income.wage, yuan(expected));  // a post is wage income
    CHECK_EQ(p.reason.id, wage < 800 ? ReasonId::post_floor : ReasonId::post_wage);
  }
}

TEST_CASE("public_welfare_post in every policy: 6 months × 1000 = 6000; nobody holding one is not eligible") {
  for (const char* id : {"yunnan/changning", "yunnan/weixi", "yunnan/qujing", "guizhou/ceheng", "template/county"}) {
    CAPTURE(id);
    const Result r = run(one_worker(Category::general, 2023, job(JobKind::public_welfare_post, 6, 1000)), id, 2023);
    CHECK_EQ(prog(r, ProgrammeId::public_welfare_post).amount, yuan(6000));
    const Result none = run(one_worker(Category::general, 2023, job(JobKind::local, 6, 1000)), id, 2023);
    CHECK_FALSE(prog(none, ProgrammeId::public_welfare_post).eligible);
    CHECK_EQ(prog(none, ProgrammeId::public_welfare_post).reason.id, ReasonId::no_post);
  }
}

TEST_CASE("probation_certificate_subsidy 000 三(一)1: 1000 a month for the probation months, at most 3") {
  Job j = job(JobKind::local, 12, 2500);
  j.probation_certificate_months = 2;
  CHECK_EQ(prog(run(one_worker(Category::tuopin, 2022, j), "yunnan/changning", 2022),
                ProgrammeId::probation_certificate_subsidy)
               .amount,
           yuan(2000));
  j.probation_certificate_months = 5;
  const Result capped = run(one_worker(Category::monitor_marginal, 2022, j), "yunnan/changning", 2022);
  CHECK_EQ(prog(capped, ProgrammeId::probation_certificate_subsidy).amount, yuan(3000));
  CHECK(prog(capped, ProgrammeId::probation_certificate_subsidy).counted);  // counted by default (DOMAIN.md §4)
  const Result general = run(one_worker(Category::general, 2022, j), "yunnan/changning", 2022);
  CHECK_FALSE(prog(general, ProgrammeId::probation_certificate_subsidy).eligible);
  CHECK_EQ(prog(general, ProgrammeId::probation_certificate_subsidy).reason.id, ReasonId::category_not_covered);
  CHECK_FALSE(
      prog(run(one_worker(Category::tuopin, 2023, j), "yunnan/weixi", 2023), ProgrammeId::probation_certificate_subsidy)
          .available);
}

TEST_CASE("risk_area_work_subsidy 000 三(一)1: 1000 once for ≥3 months in a risk area in 2022 (2 and 3 months)") {
  Job j = job(JobKind::out_of_province, 10, 4000);
  j.risk_area_months = 2;
  CHECK_FALSE(
      prog(run(one_worker(Category::tuopin, 2022, j), "yunnan/changning", 2022), ProgrammeId::risk_area_work_subsidy)
          .eligible);
  j.risk_area_months = 3;
  const Result r = run(one_worker(Category::tuopin, 2022, j), "yunnan/changning", 2022);
  CHECK_EQ(prog(r, ProgrammeId::risk_area_work_subsidy).amount, yuan(1000));
  CHECK_FALSE(prog(r, ProgrammeId::risk_area_work_subsidy).counted);  // one-off: cash only
  CHECK_EQ(r.income.cash_received - r.income.net, yuan(1000 + 500));  // with the travel subsidy
  CHECK_FALSE(
      prog(run(one_worker(Category::tuopin, 2023, j), "yunnan/changning", 2023), ProgrammeId::risk_area_work_subsidy)
          .available);
}

TEST_CASE("a programme for a kind of job pays for one month of it, and not for a job of that kind with no months") {
  // The rules that look through the members' jobs skip them when the household works none of the kind (JobsHeld):
  // a single month must count as worked. Changning 2022: the post's floor 800 a month; the transport subsidy 500.
  const Result post =
      run(one_worker(Category::tuopin, 2022, job(JobKind::public_welfare_post, 1, 800)), "yunnan/changning", 2022);
  CHECK_EQ(prog(post, ProgrammeId::public_welfare_post).amount, yuan(800));
  const Result away =
      run(one_worker(Category::tuopin, 2022, job(JobKind::out_of_province, 1, 3500)), "yunnan/changning", 2022);
  CHECK_EQ(prog(away, ProgrammeId::cross_province_transport).amount, yuan(500));
  const Result idle =
      run(one_worker(Category::tuopin, 2022, job(JobKind::public_welfare_post, 0, 800)), "yunnan/changning", 2022);
  CHECK_FALSE(prog(idle, ProgrammeId::public_welfare_post).eligible);
  CHECK_EQ(prog(idle, ProgrammeId::public_welfare_post).reason.id, ReasonId::no_post);
}

TEST_CASE(
    "cross_province_transport 000 三(三)23, 003 附件2 三.24: 500, or 1000 when last year's income was below 10000") {
  for (const char* id : {"yunnan/changning", "guizhou/ceheng"}) {
    CAPTURE(id);
    Household h = one_worker(Category::tuopin, 2022, job(JobKind::out_of_province, 8, 3500));
    CHECK_EQ(prog(run(h, id, 2022), ProgrammeId::cross_province_transport).amount, yuan(500));
    h.last_year_per_capita_net = yuan(9999);
    CHECK_EQ(prog(run(h, id, 2022), ProgrammeId::cross_province_transport).amount, yuan(1000));
    h.last_year_per_capita_net = yuan(10000);
    CHECK_EQ(prog(run(h, id, 2022), ProgrammeId::cross_province_transport).amount, yuan(500));
  }
  const Household local = one_worker(Category::tuopin, 2022, job(JobKind::local, 8, 3500));
  CHECK_EQ(prog(run(local, "yunnan/changning", 2022), ProgrammeId::cross_province_transport).reason.id,
           ReasonId::no_out_of_province_job);
  CHECK_FALSE(prog(run(local, "yunnan/qujing", 2023), ProgrammeId::cross_province_transport).available);
}

TEST_CASE("job_seeking_subsidy 003 附件2 三.24: first organised export, 1000 out of province, 500 within it") {
  Job out = job(JobKind::out_of_province, 6, 4000);
  out.first_organized_export = true;
  CHECK_EQ(prog(run(one_worker(Category::tuopin, 2022, out), "guizhou/ceheng", 2022), ProgrammeId::job_seeking_subsidy)
               .amount,
           yuan(1000));
  Job in = job(JobKind::in_province, 6, 3000);
  in.first_organized_export = true;
  CHECK_EQ(prog(run(one_worker(Category::tuopin, 2022, in), "guizhou/ceheng", 2022), ProgrammeId::job_seeking_subsidy)
               .amount,
           yuan(500));
  Household general = one_worker(Category::general, 2022, out);
  CHECK_EQ(prog(run(general, "guizhou/ceheng", 2022), ProgrammeId::job_seeking_subsidy).reason.id,
           ReasonId::not_low_income);
  general.relocated = true;  // relocated people qualify whatever their category
  CHECK_EQ(prog(run(general, "guizhou/ceheng", 2022), ProgrammeId::job_seeking_subsidy).amount, yuan(1000));
  CHECK_FALSE(prog(run(general, "yunnan/changning", 2022), ProgrammeId::job_seeking_subsidy).available);
}

TEST_CASE("training_allowance 003 附件2 三.23: 40 a day for 脱贫 and relocated labour; 000 三(三)22 assumed 40") {
  Household h = household(Category::tuopin, 2022, {adult(1985)});
  h.members[0].training_days = 5;
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2022), ProgrammeId::training_allowance).amount, yuan(200));
  h.category = Category::general;
  CHECK_FALSE(prog(run(h, "guizhou/ceheng", 2022), ProgrammeId::training_allowance).eligible);
  h.relocated = true;
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2022), ProgrammeId::training_allowance).amount, yuan(200));
  h.relocated = false;
  h.members[0].training_days = 3;  // Changning: any farmer in subsidised training (000 三(三)22)
  const Result r = run(h, "yunnan/changning", 2022);
  CHECK_EQ(prog(r, ProgrammeId::training_allowance).amount, yuan(120));
  CHECK(params("yunnan/changning", 2022)[ParamId::training_daily].assumed());
}

TEST_CASE("rain_dew 000 三(三)21: 3000 a student, 5000 at east–west places in Yunnan; cash, not counted") {
  Household h = household(Category::tuopin, 2022, {adult(1975), adult(2005)});
  h.members[1].school = School{SchoolLevel::secondary_vocational, false, 0, Money()};
  Result r = run(h, "yunnan/changning", 2022);
  CHECK_EQ(prog(r, ProgrammeId::rain_dew).amount, yuan(3000));
  CHECK_EQ(r.income.net, Money());  // not counted by default (NATIONAL.md)
  CHECK_EQ(r.income.cash_received, yuan(3000));
  h.members[1].school->east_west = true;
  CHECK_EQ(prog(run(h, "yunnan/weixi", 2023), ProgrammeId::rain_dew).amount, yuan(5000));
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2023), ProgrammeId::rain_dew).amount, yuan(3000));  // 5000 is Yunnan's
  h.members[1].school->level = SchoolLevel::undergraduate;
  CHECK_EQ(prog(run(h, "template/county", 2023), ProgrammeId::rain_dew).reason.id, ReasonId::no_vocational_student);
  h.members[1].school->level = SchoolLevel::technical;
  h.category = Category::general;
  CHECK_EQ(prog(run(h, "yunnan/qujing", 2023), ProgrammeId::rain_dew).reason.id, ReasonId::category_not_covered);
}

TEST_CASE("graduate_exam_fee 000 三(三)26: fees refunded within two years of graduating") {
  Household h = household(Category::tuopin, 2022, {adult(1999)});
  h.members[0].school = School{SchoolLevel::graduate, false, 2, yuan(300)};
  CHECK_EQ(prog(run(h, "yunnan/changning", 2022), ProgrammeId::graduate_exam_fee).amount, yuan(300));
  h.members[0].school->years_since = 3;
  CHECK_FALSE(prog(run(h, "yunnan/changning", 2022), ProgrammeId::graduate_exam_fee).eligible);
  CHECK_FALSE(prog(run(h, "guizhou/ceheng", 2022), ProgrammeId::graduate_exam_fee).available);
}

TEST_CASE("pension_basic: from 60 (59 gets none); Guizhou 103 in 2022, 118 from 2023 (003 附件2 三.25)") {
  Household h = household(Category::tuopin, 2022, {adult(1962), adult(1963)});
  h.members[0].pension.enrolled = h.members[1].pension.enrolled = true;
  Result r = run(h, "guizhou/ceheng", 2022);
  CHECK_EQ(prog(r, ProgrammeId::pension_basic).amount, yuan(103 * 12));  // only the 60-year-old
  CHECK_EQ(r.details[prog(r, ProgrammeId::pension_basic).detail_begin].member, 0);
  h.year = 2023;
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2023), ProgrammeId::pension_basic).amount, yuan(118 * 12 * 2));  // both 60+
  h.year = 2024;  // the national minimum, 123, overtakes Guizhou's 118 (NATIONAL.md)
  r = run(h, "guizhou/ceheng", 2024);
  CHECK_EQ(prog(r, ProgrammeId::pension_basic).amount, yuan(123 * 12 * 2));
  CHECK_EQ(r.details[prog(r, ProgrammeId::pension_basic).detail_begin].reason.id, ReasonId::pension_national_minimum);
}

TEST_CASE("pension_basic elsewhere: the national minimum of the year (98 assumed in 2022, 123 in 2024, 143 in 2025)") {
  Household h = household(Category::general, 2022, {adult(1950)});
  h.members[0].pension.enrolled = true;
  CHECK_EQ(prog(run(h, "yunnan/changning", 2022), ProgrammeId::pension_basic).amount, yuan(98 * 12));
  CHECK_EQ(prog(run(h, "yunnan/qujing", 2024), ProgrammeId::pension_basic).amount, yuan(123 * 12));
  CHECK_EQ(prog(run(h, "template/county", 2025), ProgrammeId::pension_basic).amount, yuan(143 * 12));
  h.members[0].pension.enrolled = false;
  const Result r = run(h, "yunnan/weixi", 2023);
  CHECK_EQ(prog(r, ProgrammeId::pension_basic).reason.id, ReasonId::pension_not_enrolled);
}

TEST_CASE("pension_contribution_subsidy 003 附件2 三.25: Ceheng 10% of the contribution, at least 30; not cash") {
  Household h = household(Category::general, 2022, {adult(1980), adult(1982)});
  h.members[0].pension = {true, yuan(1000)};
  h.members[1].pension = {true, yuan(200)};
  const Result r = run(h, "guizhou/ceheng", 2022);
  CHECK_EQ(prog(r, ProgrammeId::pension_contribution_subsidy).amount, yuan(100 + 30));
  CHECK_EQ(r.income.cash_received, Money());  // into the pension account, not cash
  CHECK_EQ(prog(run(h, "yunnan/changning", 2022), ProgrammeId::pension_contribution_subsidy).amount, yuan(30 + 30));
}

TEST_CASE(
    "pension_contribution_paid 003 附件2 三.25: 100-yuan tier paid for dibao, tekun and severely disabled members") {
  Household h = household(Category::tuopin, 2022, {adult(1980), adult(1950)});
  h.dibao = true;
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2022), ProgrammeId::pension_contribution_paid).amount,
           yuan(100));  // not the 72-year-old
  h.dibao = false;
  h.members[0].disability_grade = 2;
  CHECK_EQ(prog(run(h, "yunnan/changning", 2022), ProgrammeId::pension_contribution_paid).amount, yuan(100));
  h.members[0].disability_grade = 3;
  CHECK_FALSE(prog(run(h, "yunnan/changning", 2022), ProgrammeId::pension_contribution_paid).eligible);
}

TEST_CASE(
    "disability_two_subsidies 003 附件2 三.26: living subsidy on dibao, care subsidy for grades 1–2 (80 a month, "
    "assumed)") {
  Household h = household(Category::tuopin, 2022, {adult(1970), adult(1975), adult(1980)});
  h.members[0].disability_grade = 3;
  h.members[1].disability_grade = 1;
  Result r = run(h, "guizhou/ceheng", 2022);
  CHECK_EQ(prog(r, ProgrammeId::disability_two_subsidies).amount, yuan(960));  // care for grade 1 only
  h.dibao = true;
  r = run(h, "guizhou/ceheng", 2022);
  CHECK_EQ(prog(r, ProgrammeId::disability_two_subsidies).amount, yuan(960 + 960 + 960));  // living ×2, care ×1
  h.dibao = false;
  h.members[1].disability_grade = 4;
  CHECK_EQ(prog(run(h, "yunnan/weixi", 2023), ProgrammeId::disability_two_subsidies).reason.id,
           ReasonId::disabled_not_covered);
}

TEST_CASE("farmland_subsidy 000 三(三)20: 5.5 mu × 80 yuan (assumed) = 440 in every policy") {
  Household h = household(Category::general, 2023, {adult(1970)});
  h.transfers.farmland_centimu = 550;
  for (const char* id : {"yunnan/changning", "yunnan/weixi", "yunnan/qujing", "guizhou/ceheng", "template/county"}) {
    CAPTURE(id);
    const Result r = run(h, id, 2023);
    CHECK_EQ(prog(r, ProgrammeId::farmland_subsidy).amount, yuan(440));
    CHECK_EQ(r.income.transfer, yuan(440));
  }
}

TEST_CASE("urban_startup_subsidy 003 附件3 7: 5000 once when a first business completes its first year") {
  Household h = household(Category::general, 2023, {adult(1990)});  // a 农民工, one of the clause's people
  h.members[0].first_business_year = 2022;
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2023), ProgrammeId::urban_startup_subsidy).amount, yuan(5000));
  h.members[0].first_business_year = 2021;
  CHECK_FALSE(prog(run(h, "guizhou/ceheng", 2023), ProgrammeId::urban_startup_subsidy).eligible);
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2023), ProgrammeId::urban_startup_subsidy).reason.id,
           ReasonId::no_new_business);
  CHECK_FALSE(prog(run(h, "yunnan/weixi", 2023), ProgrammeId::urban_startup_subsidy).available);
}

TEST_CASE("urban_graduate_job_seeking 003 附件3 16: 1000 for a graduate of an urban household in hardship") {
  Household h = household(Category::urban, 2023, {adult(1970), adult(2001)});
  h.members[1].school = School{SchoolLevel::graduate, false, 1, Money()};
  CHECK_FALSE(prog(run(h, "guizhou/ceheng", 2023), ProgrammeId::urban_graduate_job_seeking).eligible);  // no hardship
  h.dibao = true;
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2023), ProgrammeId::urban_graduate_job_seeking).amount, yuan(1000));
  h.members[1].school->years_since = 2;
  CHECK_FALSE(prog(run(h, "guizhou/ceheng", 2023), ProgrammeId::urban_graduate_job_seeking).eligible);
}

TEST_CASE("dibao 000 三(三)25, 003 附件2 三.26: (standard − per-capita income before dibao) × members") {
  Household h = household(Category::tuopin, 2022, {adult(1970, {job(JobKind::local, 6, 1000)}), adult(1972)});
  h.dibao = true;                               // net before dibao 6000, per capita 3000
  Result r = run(h, "yunnan/changning", 2022);  // Yunnan 4500
  CHECK_EQ(prog(r, ProgrammeId::dibao).amount, yuan((4500 - 3000) * 2));
  CHECK_EQ(r.income.net, yuan(6000 + 3000));
  h.members.push_back(adult(1990));  // per capita 2000; Guizhou 4318
  r = run(h, "guizhou/ceheng", 2022);
  CHECK_EQ(prog(r, ProgrammeId::dibao).amount, yuan((4318 - 2000) * 3));
  h.members[0].jobs[0].months = 12;
  h.members[0].jobs[0].monthly_wage = yuan(1200);  // 14400 / 3 = 4800 ≥ 4318
  r = run(h, "guizhou/ceheng", 2022);
  CHECK_FALSE(prog(r, ProgrammeId::dibao).eligible);
  CHECK_EQ(prog(r, ProgrammeId::dibao).reason.id, ReasonId::dibao_above_standard);
  h.dibao = false;
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2022), ProgrammeId::dibao).reason.id, ReasonId::not_dibao);
}

namespace {

// Changning 2022, on dibao, two people, 12 × 1000 of wages: per capita 6000, above Yunnan's standard of 4500.
Household above_standard() {
  Household h = household(Category::tuopin, 2022, {adult(1980, {job(JobKind::local, 12, 1000)}), adult(1982)});
  h.dibao = true;
  return h;
}

}  // namespace

TEST_CASE("000 三(三)25 低保渐退期: the allowance is kept for the taper months in the year, and stops after") {
  Household h = above_standard();
  SUBCASE("from September, Yunnan's 6 months (assumed): Sep–Dec 2022, then Jan–Feb 2023") {
    h.dibao_taper = DibaoTaper{2022, 9, yuan(300)};
    Result r = run(h, "yunnan/changning", 2022);
    CHECK(prog(r, ProgrammeId::dibao).eligible);
    CHECK_EQ(prog(r, ProgrammeId::dibao).amount, yuan(300 * 4));
    CHECK_EQ(prog(r, ProgrammeId::dibao).reason.id, ReasonId::dibao_taper);
    CHECK_EQ(prog(r, ProgrammeId::dibao).reason.args[3], 4);  // months this year
    CHECK_EQ(r.income.net, yuan(12000 + 1200));               // 低保金 is counted (转移性)
    h.year = 2023;
    CHECK_EQ(prog(run(h, "yunnan/changning", 2023), ProgrammeId::dibao).amount, yuan(300 * 2));
    h.year = 2024;
    r = run(h, "yunnan/changning", 2024);
    CHECK_FALSE(prog(r, ProgrammeId::dibao).eligible);
    CHECK_EQ(prog(r, ProgrammeId::dibao).reason.id, ReasonId::dibao_taper_ended);
    CHECK_EQ(prog(r, ProgrammeId::dibao).reason.args, std::array<int64_t, 5>{2023, 2, 6, 0, 0});  // ended Feb 2023
  }
  SUBCASE("from July: the 6 months are July–December, nothing the next year") {
    h.dibao_taper = DibaoTaper{2022, 7, Money::fen(25050)};
    CHECK_EQ(prog(run(h, "yunnan/changning", 2022), ProgrammeId::dibao).amount, Money::fen(25050 * 6));
    h.year = 2023;
    CHECK_EQ(prog(run(h, "yunnan/changning", 2023), ProgrammeId::dibao).reason.id, ReasonId::dibao_taper_ended);
  }
  SUBCASE("Guizhou's 3 months (assumed) from November 2022: Nov–Dec, then January 2023") {
    h.dibao_taper = DibaoTaper{2022, 11, yuan(200)};
    CHECK_EQ(prog(run(h, "guizhou/ceheng", 2022), ProgrammeId::dibao).amount, yuan(400));
    h.year = 2023;
    CHECK_EQ(prog(run(h, "guizhou/ceheng", 2023), ProgrammeId::dibao).amount, yuan(200));
  }
  SUBCASE("the months follow the parameter: --set dibao.taper_months=12 from September pays 4, then 8") {
    h.dibao_taper = DibaoTaper{2022, 9, yuan(300)};
    const std::vector<ParamOverride> twelve{set("dibao.taper_months=12")};
    CHECK_EQ(prog(run(h, "yunnan/changning", 2022, twelve), ProgrammeId::dibao).amount, yuan(1200));
    h.year = 2023;
    CHECK_EQ(prog(run(h, "yunnan/changning", 2023, twelve), ProgrammeId::dibao).amount, yuan(2400));
  }
}

TEST_CASE("000 三(三)25 低保渐退期: above the standard and not in a taper gets nothing; below it, the full top-up") {
  Household h = above_standard();
  Result r = run(h, "yunnan/changning", 2022);
  CHECK_FALSE(prog(r, ProgrammeId::dibao).eligible);
  CHECK_EQ(prog(r, ProgrammeId::dibao).amount, Money());
  CHECK_EQ(prog(r, ProgrammeId::dibao).reason.id, ReasonId::dibao_above_standard);
  CHECK_EQ(r.income.net, yuan(12000));
  // A taper on a household not on dibao: nothing, and applying for dibao above the standard adds nothing either.
  h.dibao_taper = DibaoTaper{2022, 9, yuan(300)};
  h.dibao = false;
  r = run(h, "yunnan/changning", 2022);
  CHECK_EQ(prog(r, ProgrammeId::dibao).reason.id, ReasonId::not_dibao);
  for (const Suggestion& s : r.suggestions) CHECK_NE(s.kind, SuggestionKind::apply_dibao);
  // Income back below the standard (6 × 1000, 3000 a person): the ordinary allowance, (4500 − 3000) × 2.
  h.dibao = true;
  h.members[0].jobs[0].months = 6;
  r = run(h, "yunnan/changning", 2022);
  CHECK_EQ(prog(r, ProgrammeId::dibao).amount, yuan(3000));
  CHECK_EQ(prog(r, ProgrammeId::dibao).reason.id, ReasonId::dibao);
}

TEST_CASE("000 三(三)25 低保渐退期: in the taper, more income does not shrink the kept allowance (suggestions)") {
  Household h = above_standard();
  h.dibao_taper = DibaoTaper{2022, 9, yuan(300)};
  const Result r = run(h, "yunnan/changning", 2022);
  bool found = false;
  for (const Suggestion& s : r.suggestions) {
    if (s.kind != SuggestionKind::take_post) continue;
    found = true;
    CHECK_EQ(s.member, 1);
    CHECK_EQ(s.adds_net, yuan(800 * 12));  // the whole post: the 1200 of taper stays
  }
  CHECK(found);
}

TEST_CASE("000 三(三)25 特困供养: a 特困 member gets the province's standard, the others nothing") {
  Household h = household(Category::tuopin, 2022, {adult(1980, {job(JobKind::local, 12, 1000)}), adult(1950)});
  Result r = run(h, "yunnan/changning", 2022);
  CHECK_FALSE(prog(r, ProgrammeId::tekun_support).eligible);
  CHECK_EQ(prog(r, ProgrammeId::tekun_support).reason.id, ReasonId::not_tekun);
  h.members[1].tekun = true;
  r = run(h, "yunnan/changning", 2022);  // Yunnan 5850 a year (assumed: 4500 × 1.3)
  const auto& p = prog(r, ProgrammeId::tekun_support);
  CHECK_EQ(p.amount, yuan(5850));
  CHECK_EQ(p.reason.id, ReasonId::tekun_support);
  REQUIRE_EQ(p.detail_end - p.detail_begin, 1);
  CHECK_EQ(r.details[p.detail_begin].member, 1);
  CHECK_EQ(r.income.transfer, yuan(5850));  // 特困供养金 is counted (转移性)
  CHECK_EQ(r.income.net, yuan(12000 + 5850));
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2022), ProgrammeId::tekun_support).amount,
           Money::fen(561340));  // Guizhou 4318 × 1.3 = 5613.40 (assumed)
}

TEST_CASE("000 三(三)25 特困供养: a 特困 household with nobody marked is supported whole") {
  Household h = household(Category::general, 2023, {adult(1950)});
  h.tekun = true;
  CHECK_EQ(prog(run(h, "yunnan/weixi", 2023), ProgrammeId::tekun_support).amount, yuan(5850));
  h.members.push_back(adult(1952));
  CHECK_EQ(prog(run(h, "yunnan/weixi", 2023), ProgrammeId::tekun_support).amount, yuan(5850 * 2));
  h.members[0].tekun = true;  // marked: only that member
  CHECK_EQ(prog(run(h, "yunnan/weixi", 2023), ProgrammeId::tekun_support).amount, yuan(5850));
}

TEST_CASE("dibao for Ceheng's urban households uses the urban standard (7200, assumed)") {
  Household h = household(Category::urban, 2022, {adult(1970, {job(JobKind::local, 12, 300)})});
  h.dibao = true;
  CHECK_EQ(prog(run(h, "guizhou/ceheng", 2022), ProgrammeId::dibao).amount, yuan(7200 - 3600));
}
