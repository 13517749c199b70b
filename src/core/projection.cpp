#include "projection.h"

#include <vector>  // erase_if

namespace zengshou::core {
namespace {

Money grown(Money m, int64_t bp) { return m.percent_bp(10000 + bp); }

// Schooling moves on by age: compulsory ends at 16; senior high and 中职 at 19; 高职 and 技工 at 21 and
// undergraduate at 23 become graduates; graduates count their years and stop counting after five.
void advance_school(Member& m, int year) {
  if (!m.school) return;
  const int age = m.age_in(year);
  School& s = *m.school;
  switch (s.level) {
    case SchoolLevel::compulsory:
      if (age >= 16) m.school.reset();
      break;
    case SchoolLevel::senior_high:
    case SchoolLevel::secondary_vocational:
      if (age >= 19) m.school.reset();
      break;
    case SchoolLevel::higher_vocational:
    case SchoolLevel::technical:
    case SchoolLevel::undergraduate:
      if (age >= (s.level == SchoolLevel::undergraduate ? 23 : 21))
        s = School{SchoolLevel::graduate, false, 0, Money()};
      break;
    case SchoolLevel::graduate:
      if (++s.years_since > 5) m.school.reset();
      s.exam_fees = Money();
      break;
  }
}

}  // namespace

std::array<int64_t, growth_stream_count> growth_for(const Household& h, const YearParameters& params,
                                                    const GrowthRates& growth) {
  std::array<int64_t, growth_stream_count> out{};
  for (int s = 0; s < growth_stream_count; ++s) {
    if (growth.basis_points[s]) {
      out[s] = *growth.basis_points[s];
    } else {
      // targets.<group>.<stream>: 0 total, 1 wage, 2 production, 3 property, 4 transfer
      out[s] = params.raw(target_param(target_group(h.category), s + 1));
    }
  }
  return out;
}

Household next_year(const Household& h, const std::array<int64_t, growth_stream_count>& g) {
  Household next = h;
  next.year = h.year + 1;
  for (Member& m : next.members) {
    for (Job& j : m.jobs) {
      j.monthly_wage = grown(j.monthly_wage, g[0]);
      j.first_organized_export = false;  // "first" happens once
      j.probation_certificate_months = 0;
      j.risk_area_months = 0;
    }
    m.training_days = 0;
    m.certificate = CertificateLevel::none;  // obtained once
    // An internship is a stage of at most a year, not a job that goes on
    std::erase_if(m.jobs, [](const Job& j) { return j.kind == JobKind::internship; });
    advance_school(m, next.year);
  }
  for (ProductionActivity& a : next.production) {
    a.revenue = grown(a.revenue, g[1]);
    a.cost = grown(a.cost, g[1]);
  }
  for (Money* p : {&next.property.land_rent, &next.property.dividends, &next.property.house_rent, &next.property.other})
    *p = grown(*p, g[2]);
  for (Money* t : {&next.transfers.eco_compensation, &next.transfers.family_support, &next.transfers.other})
    *t = grown(*t, g[3]);
  next.transfers.temporary_assistance = Money();  // one-off, for that year's hardship
  // A loan taken during the year runs all of the next: when it is repaid (脱贫人口小额信贷 run up to three years) is
  // not recorded, so a projection keeps it until the user removes it. The guaranteed dividend's base is the project's
  // fixed sum, so it does not grow with property income.
  if (next.microcredit) next.microcredit->months = 12;
  if (next.entered) {  // totals grow as the streams they are
    EnteredIncome& e = *next.entered;
    e.wage = grown(e.wage, g[0]);
    e.production = grown(e.production, g[1]);
    e.production_cost = grown(e.production_cost, g[1]);
    e.property = grown(e.property, g[2]);
    e.transfer = grown(e.transfer, g[3]);
  }
  return next;
}

std::vector<ProjectedYear> project(const Household& household, const PolicySet& policies, const PolicyFile& policy,
                                   int years, const GrowthRates& growth, const std::vector<ParamOverride>& overrides) {
  std::vector<ProjectedYear> out;
  Household h = household;
  std::array<int64_t, growth_stream_count> applied{};
  for (int k = 0; k < years; ++k) {
    if (k > 0) {
      applied = growth_for(h, policies.resolve(policy, h.year + 1, overrides), growth);
      Household next = next_year(h, applied);
      next.last_year_per_capita_net = max(Money(), out.back().result.income.per_capita_net);
      h = std::move(next);
    }
    const YearParameters params = policies.resolve(policy, h.year, overrides);
    out.push_back({h, evaluate(h, params), applied});
  }
  return out;
}

}  // namespace zengshou::core
