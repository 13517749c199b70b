// Each clause scoped to the people it names (issue 15, item 5): who a programme or a line is for, as the clause
// words it, hand-computed, with the clause in each test's name.
#include <doctest/doctest.h>

#include <optional>  // schooling
#include <tuple>     // cases

#include "helpers.h"

using namespace zengshou::test;

namespace {

Job probation_job(JobKind kind, int certificate_months) {
  Job j = job(kind, 12, 2500);
  j.probation_certificate_months = certificate_months;
  return j;
}

}  // namespace

TEST_CASE("probation_certificate_subsidy 000 三(一)1 对辖区内企业新吸纳就业: a county job only, not work elsewhere") {
  const auto subsidy = [](Job j) {
    return run(household(Category::tuopin, 2022, {adult(1990, {j})}), "yunnan/changning", 2022)
        .programme(ProgrammeId::probation_certificate_subsidy);
  };
  const ProgrammeResult in_county = subsidy(probation_job(JobKind::local, 3));
  CHECK(in_county.eligible);
  CHECK_EQ(in_county.amount, yuan(3 * 1000));
  for (const JobKind elsewhere : {JobKind::in_province, JobKind::out_of_province}) {
    CAPTURE(job_kind_names[static_cast<size_t>(elsewhere)]);
    const ProgrammeResult p = subsidy(probation_job(elsewhere, 3));  // same certificate, work outside the county
    CHECK_FALSE(p.eligible);
    CHECK_EQ(p.amount, yuan(0));
    CHECK_EQ(p.reason.id, ReasonId::probation_not_in_county);
  }
  // Two members: the one hired in the county is paid, the one out of the province is not.
  const Household both = household(
      Category::tuopin, 2022,
      {adult(1990, {probation_job(JobKind::local, 2)}), adult(1992, {probation_job(JobKind::out_of_province, 3)})});
  const ProgrammeResult p = run(both, "yunnan/changning", 2022).programme(ProgrammeId::probation_certificate_subsidy);
  CHECK_EQ(p.amount, yuan(2 * 1000));
  CHECK_EQ(p.reason.id, ReasonId::probation);
  // No certificate at all keeps its own reason.
  CHECK_EQ(subsidy(probation_job(JobKind::local, 0)).reason.id, ReasonId::no_probation);
}

TEST_CASE(
    "job_seeking_subsidy 003 附件2 三.24 脱贫人口、农村低收入人口、易地搬迁人口: dibao and tekun count when rural") {
  Job out = job(JobKind::out_of_province, 6, 4000);
  out.first_organized_export = true;
  const auto subsidy = [&](Category c, bool dibao, bool tekun, bool relocated) {
    Household h = household(c, 2022, {adult(1995, {out})});
    h.dibao = dibao;
    h.tekun = tekun;
    h.relocated = relocated;
    return run(h, "guizhou/ceheng", 2022).programme(ProgrammeId::job_seeking_subsidy);
  };
  CHECK_EQ(subsidy(Category::tuopin, false, false, false).amount, yuan(1000));            // 脱贫人口
  CHECK_EQ(subsidy(Category::monitor_marginal, false, false, false).amount, yuan(1000));  // 农村低收入: monitored
  CHECK_EQ(subsidy(Category::general, true, false, false).amount, yuan(1000));  // 农村低收入: rural dibao
  CHECK_EQ(subsidy(Category::general, false, true, false).amount, yuan(1000));  // 农村低收入: rural tekun
  CHECK_EQ(subsidy(Category::general, false, false, true).amount, yuan(1000));  // 易地搬迁人口
  CHECK_EQ(subsidy(Category::urban, false, false, true).amount, yuan(1000));    // relocated, wherever now
  // An urban dibao or tekun household is low-income, but not 农村低收入人口; an ordinary rural one is neither.
  for (const auto& [c, dibao, tekun] :
       {std::tuple{Category::urban, true, false}, {Category::urban, false, true}, {Category::general, false, false}}) {
    const ProgrammeResult p = subsidy(c, dibao, tekun, false);
    CHECK_FALSE(p.eligible);
    CHECK_EQ(p.reason.id, ReasonId::not_low_income);
  }
}

TEST_CASE(
    "urban_startup_subsidy 003 附件3 7 离校2年内高校毕业生、就业困难人员、农民工、复员退伍军人: the groups the file "
    "tells") {
  const auto startup = [](Category c, std::optional<School> school) {
    Household h = household(c, 2023, {adult(1990)});
    h.members[0].first_business_year = 2022;  // registered last year, so a year of business in 2023
    h.members[0].school = school;
    return run(h, "guizhou/ceheng", 2023).programme(ProgrammeId::urban_startup_subsidy);
  };
  const auto graduate = [](int years_since) {
    School s;
    s.level = SchoolLevel::graduate;
    s.years_since = years_since;
    return std::optional<School>(s);
  };
  // 离校2年内: 3 years out now is 2 years out when the business was registered a year ago; 4 years out is not.
  CHECK_EQ(startup(Category::urban, graduate(3)).amount, yuan(5000));
  const ProgrammeResult late = startup(Category::urban, graduate(4));
  CHECK_FALSE(late.eligible);
  CHECK_EQ(late.reason.id, ReasonId::startup_not_in_groups);
  // 农民工: a member of a rural household, whatever their schooling.
  CHECK_EQ(startup(Category::tuopin, std::nullopt).amount, yuan(5000));
  CHECK_EQ(startup(Category::general, graduate(4)).amount, yuan(5000));
  // An urban founder who is no recent graduate: 就业困难人员 or 复员退伍军人 perhaps, which the file does not record.
  const ProgrammeResult urban = startup(Category::urban, std::nullopt);
  CHECK_FALSE(urban.eligible);
  CHECK_EQ(urban.reason.id, ReasonId::startup_not_in_groups);
}
