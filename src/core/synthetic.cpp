#include "synthetic.h"

#include <algorithm>  // any_of, max

namespace zengshou::core {
namespace {

// Household size 1–6, mean 3.62 (NATIONAL.md: about 3.6 people a monitored household).
int draw_size(Random& r) {
  const int u = r.between(1, 100);
  return u <= 8 ? 1 : u <= 23 ? 2 : u <= 45 ? 3 : u <= 72 ? 4 : u <= 90 ? 5 : 6;
}

// Mostly 脱贫户, some monitored and ordinary households (assumed shares).
Category draw_category(Random& r) {
  const int u = r.between(1, 100);
  return u <= 70   ? Category::tuopin
         : u <= 78 ? Category::monitor_unstable
         : u <= 86 ? Category::monitor_marginal
         : u <= 90 ? Category::monitor_sudden
                   : Category::general;
}

// A job for a working adult. Wages are tuned so that wages come to about two thirds of net income
// (NATIONAL.md: 9 409 of 14 147 yuan per person): out of province 2800–4800 a month, in province 2200–3800,
// local 1500–3000, a public-welfare post 800; 5 to 11 months.
Job draw_job(Random& r) {
  Job j;
  const int u = r.between(1, 100);
  j.kind = u <= 35   ? JobKind::out_of_province
           : u <= 58 ? JobKind::in_province
           : u <= 88 ? JobKind::local
           : u <= 96 ? JobKind::public_welfare_post
                     : JobKind::forest_ranger;
  j.months = r.between(6, 12);
  switch (j.kind) {
    case JobKind::out_of_province:
      j.monthly_wage = Money::yuan(r.between(3500, 6000));
      break;
    case JobKind::in_province:
      j.monthly_wage = Money::yuan(r.between(2500, 4500));
      break;
    case JobKind::local:
      j.monthly_wage = Money::yuan(r.between(1800, 3500));
      break;
    case JobKind::public_welfare_post:
      j.monthly_wage = Money::yuan(800);
      j.months = 12;
      break;
    default:
      j.monthly_wage = Money::yuan(750);
      j.months = 12;
      break;  // 生态护林员, 9000 a year (NATIONAL.md)
  }
  j.first_organized_export = j.kind == JobKind::out_of_province && r.chance(10);
  return j;
}

Member draw_member(Random& r, int year, int age) {
  Member m;
  m.birth_year = year - age;
  const bool working_age = age >= 16 && age < 60;
  m.labor = age < 16      ? Labor::none
            : working_age ? (r.chance(90) ? Labor::full : Labor::weak)
                          : (r.chance(50) ? Labor::weak : Labor::none);
  m.disability_grade = r.chance(5) ? r.between(1, 4) : 0;
  if (age >= 6 && age < 15) m.school = School{SchoolLevel::compulsory, false, 0, Money()};
  if (age >= 15 && age <= 18 && r.chance(45))
    m.school =
        School{r.chance(60) ? SchoolLevel::secondary_vocational : SchoolLevel::senior_high, r.chance(10), 0, Money()};
  if (age >= 19 && age <= 21 && r.chance(25)) m.school = School{SchoolLevel::higher_vocational, false, 0, Money()};
  if (working_age && !m.school && m.labor != Labor::none && r.chance(m.labor == Labor::full ? 50 : 25))
    m.jobs.push_back(draw_job(r));
  m.pension.enrolled = age >= 16 && r.chance(age >= 60 ? 95 : 80);
  if (m.pension.enrolled && age < 60) {
    constexpr int tiers[] = {100, 200, 300, 500, 1000};
    m.pension.tier = Money::yuan(tiers[r.between(0, 4)]);
  }
  m.training_days = working_age && r.chance(10) ? r.between(3, 15) : 0;
  return m;
}

// The facts the monitoring decision reads (issue 17), at assumed rates — no statistics at hand give them:
// out-of-pocket medical costs in a fifth of households (500–8 000 yuan; 3 % a serious illness, 10 000–40 000);
// schooling costs in three in five households with a pupil past compulsory school (1 000–6 000); a loss from a
// disaster or an accident in 3 % (2 000–20 000); each 三保障 or water gap in 1–2 %; a sudden event in 3 %.
// Drawn from a stream of their own, so the households' incomes stay what they were before these were drawn.
void draw_monitoring_facts(Random& r, Household& h) {
  if (r.chance(20)) h.expenses.medical = Money::yuan(r.between(500, 8000));
  if (r.chance(3)) h.expenses.medical += Money::yuan(r.between(10000, 40000));
  const bool pupil_past_compulsory = std::any_of(h.members.begin(), h.members.end(), [](const Member& m) {
    return m.school && m.school->level != SchoolLevel::compulsory;
  });
  if (pupil_past_compulsory && r.chance(60)) h.expenses.education = Money::yuan(r.between(1000, 6000));
  if (r.chance(3)) h.expenses.disaster = Money::yuan(r.between(2000, 20000));
  const bool compulsory_age_child = std::any_of(h.members.begin(), h.members.end(), [&](const Member& m) {
    return h.year - m.birth_year >= 6 && h.year - m.birth_year < 15;
  });
  h.security.child_out_of_school = compulsory_age_child && r.chance(1);
  h.security.member_uninsured = r.chance(2);
  h.security.house_unsafe = r.chance(1);
  h.security.water_unsafe = r.chance(2);
  if (r.chance(3)) h.sudden_event = SuddenEvent{static_cast<SuddenEventKind>(r.between(0, 3)), r.between(1, 12)};
}

// The facts of the documents' other measures (issue 21), at assumed rates with no statistics behind them: grain on
// part of the farmland in three households in five; returned farmland (1–5 mu) in one in seven; a 小额信贷 loan
// (10 000–50 000 at 3.45–4.35 %) in one 脱贫 or monitored household with production in six, taken some month of the
// year; a guaranteed-dividend base (200–1 000) in three 脱贫 households in ten; a certificate for 2 % of working-age
// members; temporary assistance (1 000–5 000) for half the households with a sudden event. Drawn from a stream of
// their own, so the incomes drawn before stay what they were.
void draw_measure_facts(Random& r, Household& h) {
  if (r.chance(60)) h.transfers.grain_centimu = h.transfers.farmland_centimu * r.between(30, 100) / 100;
  if (r.chance(15)) h.transfers.returned_farmland_centimu = r.between(100, 500);
  if (contains(tuopin_and_monitored, h.category) && !h.production.empty() && r.chance(17))
    h.microcredit = Microcredit{Money::yuan(r.between(10, 50) * 1000), r.between(345, 435), r.between(1, 12)};
  if (h.category == Category::tuopin && r.chance(30))
    h.property.guaranteed_dividend = Money::yuan(r.between(200, 1000));
  for (Member& m : h.members) {
    const int age = h.year - m.birth_year;
    if (age >= 16 && age < 60 && r.chance(2)) m.certificate = static_cast<CertificateLevel>(r.between(1, 3));
  }
  if (h.sudden_event && r.chance(50)) h.transfers.temporary_assistance = Money::yuan(r.between(1000, 5000));
}

}  // namespace

std::vector<Household> synthetic_households(uint64_t seed, int count, const std::string& policy, int year) {
  Random r(seed);
  Random facts(seed ^ 0x6D6F6E69746F72ULL);   // "monitor": the monitoring facts' own stream
  Random measures(seed ^ 0x6D6561737572ULL);  // "measur": the issue 21 measures' own stream
  std::vector<Household> out;
  out.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    Household h;
    h.id = "S" + std::to_string(i + 1);
    h.policy = policy;
    h.year = year;
    h.category = draw_category(r);
    h.relocated = r.chance(10);
    h.dibao = r.chance(10);
    h.tekun = !h.dibao && r.chance(2);
    const int size = draw_size(r);
    // Head 28–70, a partner of similar age, then children, and a grandparent in larger households.
    const int head_age = r.between(28, 70);
    h.members.reserve(static_cast<size_t>(size));  // one block: a village re-run reads every member in order
    h.members.push_back(draw_member(r, year, head_age));
    if (size >= 2) h.members.push_back(draw_member(r, year, std::max(18, head_age + r.between(-5, 5))));
    for (int k = 2; k < size; ++k) {
      const bool grandparent = k == size - 1 && size >= 4 && head_age < 55;
      const int age = grandparent ? head_age + r.between(22, 30) : std::max(0, head_age - r.between(20, 32));
      h.members.push_back(draw_member(r, year, age));
    }
    // Production: about a fifth of net income (NATIONAL.md: 3 120 of 14 147 per person); costs 25–45 % of revenue.
    if (r.chance(85)) {
      const Money revenue = Money::yuan(r.between(5000, 30000));
      h.production.push_back({ProductionKind::crop, "", revenue, revenue.percent_bp(r.between(2500, 4500))});
    }
    if (r.chance(35)) {
      const Money revenue = Money::yuan(r.between(2000, 15000));
      h.production.push_back({ProductionKind::livestock, "", revenue, revenue.percent_bp(r.between(3000, 5000))});
    }
    // Property and other transfers: the rest (NATIONAL.md: property + transfer about 11.5 %).
    if (r.chance(30)) h.property.land_rent = Money::yuan(r.between(300, 3000));
    if (r.chance(60)) h.property.dividends = Money::yuan(r.between(300, 2000));
    h.transfers.farmland_centimu = r.between(50, 1000);
    if (r.chance(50)) h.transfers.eco_compensation = Money::yuan(r.between(300, 2500));
    if (r.chance(40)) h.transfers.family_support = Money::yuan(r.between(1000, 5000));
    draw_monitoring_facts(facts, h);
    draw_measure_facts(measures, h);
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace zengshou::core
