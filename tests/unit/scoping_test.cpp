// Each clause scoped to the people it names (issue 15, item 5): who a programme or a line is for, as the clause
// words it, hand-computed, with the clause in each test's name.
#include <doctest/doctest.h>

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
