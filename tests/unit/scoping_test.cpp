// Each clause scoped to the people it names (issue 15, item 5): who a programme or a line is for, as the clause
// words it, hand-computed, with the clause in each test's name.
#include <doctest/doctest.h>

#include <optional>  // schooling
#include <tuple>     // cases

#include <nlohmann/json.hpp>

#include "core/result_json.h"
#include "helpers.h"

using namespace zengshou::test;

namespace {

Job probation_job(JobKind kind, int certificate_months) {
  Job j = job(kind, 12, 2500);
  j.probation_certificate_months = certificate_months;
  return j;
}

const LineResult& line(const Result& r, LineId id) {
  for (const LineResult& l : r.lines)
    if (l.id == id) return l;
  FAIL("no such line");
  return r.lines.front();
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

TEST_CASE(
    "lines 000 二 全面消除年人均纯收入7000元以下的脱贫人口: the 7000 line is for 脱贫人口 incl. monitored, not "
    "一般农户") {
  // Two people, one earning 12 × 500 = 6000: 3000 a person, in Changning 2022.
  const auto household_of = [](Category c) {
    return household(c, 2022, {adult(1980, {job(JobKind::local, 12, 500)}), adult(1982)});
  };
  for (const Category c :
       {Category::tuopin, Category::monitor_unstable, Category::monitor_marginal, Category::monitor_sudden}) {
    CAPTURE(category_names[static_cast<size_t>(c)]);
    const Result r = run(household_of(c), "yunnan/changning", 2022);
    const LineResult& l = line(r, LineId::policy);
    CHECK(l.applies);
    CHECK_EQ(l.per_capita_gap, yuan(7000 - 3000));
    CHECK_EQ(l.household_gap, yuan(2 * 4000));
    CHECK(r.has_flag(FlagId::below_policy_line));
  }
  const Result general = run(household_of(Category::general), "yunnan/changning", 2022);
  const LineResult& l = line(general, LineId::policy);
  CHECK_FALSE(l.applies);
  CHECK_EQ(l.value, yuan(7000));  // still shown, as not applying
  CHECK_EQ(l.per_capita_gap, yuan(0));
  CHECK_EQ(l.household_gap, yuan(0));
  CHECK_EQ(l.scope.id, ReasonId::line_not_for);
  CHECK_FALSE(general.has_flag(FlagId::below_policy_line));
  // The monitoring line is for every rural household: national 6300 (assumed) in 2022, 3300 short.
  CHECK(line(general, LineId::monitoring).applies);
  CHECK_EQ(line(general, LineId::monitoring).per_capita_gap, yuan(3300));
  CHECK(general.has_flag(FlagId::below_monitoring_line));
  // 四(三) 对年人均纯收入1万元以下的脱贫户: the focus line is for 脱贫户, not the marginal households.
  CHECK_EQ(line(run(household_of(Category::tuopin), "yunnan/changning", 2022), LineId::focus).per_capita_gap,
           yuan(7000));
  CHECK_FALSE(line(run(household_of(Category::monitor_marginal), "yunnan/changning", 2022), LineId::focus).applies);
}

TEST_CASE(
    "lines 003 附件2 二.18 现有年收入在低保线以上1万元以下的脱贫人口: Ceheng's 2024 10000 line, above the dibao line") {
  // One person, one month's wage: the per-capita net is that wage. Guizhou's rural dibao line is 4318.
  const auto household_of = [](Category c, int64_t wage) {
    return household(c, 2024, {adult(1980, {job(JobKind::local, 1, wage)})});
  };
  const Result at_dibao_line = run(household_of(Category::tuopin, 4318), "guizhou/ceheng", 2024);
  const LineResult& l = line(at_dibao_line, LineId::policy);
  CHECK(l.applies);  // 在低保线以上: at the line counts
  CHECK_EQ(l.scope.id, ReasonId::line_for_above_dibao);
  CHECK_EQ(l.per_capita_gap, yuan(10000 - 4318));
  CHECK(at_dibao_line.has_flag(FlagId::below_policy_line));
  CHECK_EQ(at_dibao_line.flags[1].detail.id, ReasonId::flag_below_line_above_dibao);

  const Result below_dibao_line = run(household_of(Category::tuopin, 4317), "guizhou/ceheng", 2024);
  CHECK_FALSE(line(below_dibao_line, LineId::policy).applies);
  CHECK_EQ(line(below_dibao_line, LineId::policy).scope.id, ReasonId::line_not_for_below_dibao);
  CHECK_EQ(line(below_dibao_line, LineId::policy).per_capita_gap, yuan(0));
  CHECK_FALSE(below_dibao_line.has_flag(FlagId::below_policy_line));
  CHECK(below_dibao_line.has_flag(FlagId::below_monitoring_line));  // 7100 (national, assumed) still applies

  const Result general = run(household_of(Category::general, 9000), "guizhou/ceheng", 2024);  // not 脱贫人口
  CHECK_FALSE(line(general, LineId::policy).applies);
  CHECK_FALSE(general.has_flag(FlagId::below_policy_line));
  CHECK_EQ(line(run(household_of(Category::tuopin, 9000), "guizhou/ceheng", 2024), LineId::policy).per_capita_gap,
           yuan(1000));
}

TEST_CASE("lines: the monitoring line is for rural households; an urban one is shown it as not applying") {
  const Household urban = household(Category::urban, 2024, {adult(1980, {job(JobKind::local, 12, 250)})});
  const Result r = run(urban, "guizhou/ceheng", 2024);  // 3000 a year, under the 7100 line
  CHECK_FALSE(line(r, LineId::monitoring).applies);
  CHECK_EQ(line(r, LineId::monitoring).per_capita_gap, yuan(0));
  CHECK_FALSE(r.has_flag(FlagId::below_monitoring_line));
  Household rural = urban;
  rural.category = Category::general;
  CHECK_EQ(line(run(rural, "guizhou/ceheng", 2024), LineId::monitoring).per_capita_gap, yuan(7100 - 3000));
}

TEST_CASE("lines in the result JSON: the old keys kept, and for whom the line is, whether it applies") {
  const Household h = household(Category::general, 2022, {adult(1980, {job(JobKind::local, 12, 500)}), adult(1982)});
  const YearParameters p = params("yunnan/changning", 2022);
  const nlohmann::json j = result_to_json(evaluate(h, p), h, p, Language::zh, false);
  const nlohmann::json& policy_line = j["lines"][1];
  CHECK_EQ(policy_line["id"], "policy");
  CHECK_EQ(policy_line["value"], 7000);
  CHECK_EQ(policy_line["per_capita_gap"], 0);
  CHECK_EQ(policy_line["household_gap"], 0);
  CHECK_EQ(policy_line["assumed"], false);
  CHECK(policy_line["source"].get<std::string>().find("7000元以下的脱贫人口") != std::string::npos);
  CHECK_EQ(policy_line["applies"], false);
  CHECK_EQ(policy_line["for"],
           nlohmann::json::array({"tuopin", "monitor_unstable", "monitor_marginal", "monitor_sudden"}));
  CHECK_EQ(policy_line["above_dibao_line"], false);
  CHECK_EQ(policy_line["scope"],
           "本户(一般农户)不在此线面向的脱贫户、脱贫不稳定户、边缘易致贫户、突发严重困难户之内,不按此线计算差距");
  CHECK_EQ(policy_line["scope_assumed"], false);
  CHECK_EQ(j["lines"][0]["applies"], true);
  CHECK_EQ(j["lines"][0]["scope"], "面向脱贫户、脱贫不稳定户、边缘易致贫户、突发严重困难户、一般农户");
  CHECK_EQ(j["lines"][0]["scope_assumed"], true);
}

TEST_CASE(
    "cross_province_transport 001 二(四)三 及时兑现跨省劳务补贴及一次性交通补贴: available in Weixi, amounts assumed") {
  Household h = household(Category::tuopin, 2023, {adult(1990, {job(JobKind::out_of_province, 8, 4000)})});
  const YearParameters p = params("yunnan/weixi", 2023);
  const ProgrammeResult r = evaluate(h, p).programme(ProgrammeId::cross_province_transport);
  CHECK(r.available);
  CHECK_EQ(r.amount, yuan(500));  // last year's income not known: the 500 of 1万元以上
  CHECK_FALSE(p[available_param(ProgrammeId::cross_province_transport)].assumed());  // the clause says it
  CHECK_EQ(p[available_param(ProgrammeId::cross_province_transport)].entry->cited->quote,
           "及时兑现跨省劳务补贴及一次性交通补贴");
  for (const ParamId amount :
       {ParamId::transport_amount, ParamId::transport_amount_low_income, ParamId::transport_low_income_below}) {
    CHECK(p[amount].assumed());  // the clause gives no amount
    CHECK_EQ(p[amount].file->id, "yunnan/weixi");
    CHECK(p[amount].entry->leans_on);
  }
  h.last_year_per_capita_net = yuan(9999);
  CHECK_EQ(evaluate(h, p).programme(ProgrammeId::cross_province_transport).amount, yuan(1000));
  // Working in the province is not cross-province work.
  h.members[0].jobs[0].kind = JobKind::in_province;
  CHECK_EQ(evaluate(h, p).programme(ProgrammeId::cross_province_transport).reason.id, ReasonId::no_out_of_province_job);
}

TEST_CASE(
    "a value carried past its document's years is assumed: 001 and 000 lines, Yunnan's 2023 line, 002 targets, 004 "
    "growth") {
  struct Case {
    const char* policy;
    ParamId param;
    int last_covered;  // the document's last year: sourced then, assumed the year after
  };
  for (const Case& c :
       {Case{"yunnan/weixi", ParamId::line_policy, 2023}, Case{"yunnan/weixi", ParamId::line_focus, 2023},
        Case{"yunnan/weixi", ParamId::line_monitoring, 2023}, Case{"yunnan/changning", ParamId::line_focus, 2022},
        Case{"yunnan/changning", ParamId::line_policy_categories, 2022},
        Case{"yunnan/qujing", ParamId::target_tuopin_production, 2023},
        Case{"yunnan/qujing", ParamId::target_tuopin_property, 2023},
        Case{"template/county", ParamId::target_tuopin_total, 2023}}) {
    CAPTURE(c.policy);
    CAPTURE(info(c.param).name);
    const YearParameters covered_year = params(c.policy, c.last_covered);  // kept: the values are references into it
    const YearParameters carried_year = params(c.policy, c.last_covered + 1);
    const ResolvedParam& covered = covered_year[c.param];
    const ResolvedParam& carried = carried_year[c.param];
    CHECK_FALSE(covered.assumed());
    CHECK(carried.assumed());
    CHECK_EQ(carried.value, covered.value);  // the same value, carried
    CHECK(carried.entry->note.find("沿用") != std::string::npos);
    REQUIRE(carried.entry->leans_on);
    CHECK_EQ(carried.entry->leans_on->document, covered.entry->cited->document);
  }
}
