#include "monitoring.h"

#include <algorithm>  // count_if

namespace zengshou::core {
namespace {

// 001 二(二) (维西县 2023, the text at hand of the national rule, 中农组发〔2021〕7号) and 004 前言.
constexpr const char* rules = "weixi-township-2023-gongzuo-yaodian";
const SourceRef income_and_spending{rules, "二(二)一", "既看收入、又看支出"};
const SourceRef at_risk{rules, "二(二)一", "将有返贫致贫风险和突发严重困难的农户全部纳入监测帮扶"};
const SourceRef single_risk{rules, "二(二)二", "对存在“三保障”和饮水安全问题单一风险的,及时落实针对性帮扶措施"};
const SourceRef help_by_risk{rules, "二(二)二", "结合风险类型和农户需求落实综合帮扶措施"};
const SourceRef no_labour{rules, "二(二)二", "对无劳动能力的,及时纳入现行社保体系"};
const SourceRef income_stable{rules, "二(二)三", "收入稳定超过当年监测范围且持续稳定不少于半年"};
const SourceRef secure{rules, "二(二)三", "“三保障”及饮水安全持续巩固"};
const SourceRef risk_gone{rules, "二(二)三", "返贫致贫风险已经稳定消除"};
const SourceRef exit_steps{rules, "二(二)三", "经过入户核实、民主评议公示、审核批准公告等环节"};

Reason reason(ReasonId id, std::initializer_list<int64_t> args = {}) {
  Reason r{id, {}};
  size_t i = 0;
  for (int64_t a : args) r.args[i++] = a;
  return r;
}

const LineResult* monitoring_line(const Result& result) {
  for (const LineResult& l : result.lines)
    if (l.id == LineId::monitoring) return &l;
  return nullptr;
}

// Members who can work. Income entered as totals lists no members: its wage or production income is the sign of
// labour it gives (1), and none is taken as none (0).
int working_members(const Household& h) {
  if (h.entered) return h.entered->wage > Money() || h.entered->production > Money() ? 1 : 0;
  return static_cast<int>(
      std::count_if(h.members.begin(), h.members.end(), [](const Member& m) { return m.labor != Labor::none; }));
}

// 刚性支出 large against the household's net income: at least the policy's share of it (any, when there is none).
bool rigid_expenses_high(const Household& h, Money net, const YearParameters& p) {
  const Money spent = h.expenses.total();
  return spent > Money{} && (net <= Money{} || spent >= net.percent_bp(p.raw(ParamId::monitoring_rigid_share)));
}

// The top of the band "near the line": the line and the policy's margin above it.
Money near_line_top(Money line, const YearParameters& p) {
  return line + line.percent_bp(p.raw(ParamId::monitoring_near_margin));
}

ConditionCheck rigid_check(const Household& h, const Result& r, const YearParameters& p, MonitoringCondition id) {
  const Money spent = h.expenses.total();
  const Money net = r.income.net;
  const int64_t share = p.raw(ParamId::monitoring_rigid_share);
  const bool high = rigid_expenses_high(h, net, p);
  ConditionCheck c{id, false, {}, &income_and_spending, ParamId::monitoring_rigid_share};
  if (high) {
    const int64_t actual = net > Money{} ? spent.scaled(10000, net.fen()).fen() : 0;
    c.reason = reason(ReasonId::mon_rigid_high, {spent.fen(), net.fen(), actual, share});
  } else {
    c.reason = reason(ReasonId::mon_rigid_low, {spent.fen(), net.fen(), share});
  }
  c.met = id == MonitoringCondition::rigid_expenses ? high : !high;
  return c;
}

ConditionCheck sudden_check(const Household& h, MonitoringCondition id) {
  ConditionCheck c{id, false, reason(ReasonId::mon_no_sudden), &at_risk, std::nullopt};
  if (h.sudden_event) {
    constexpr ReasonId by_kind[] = {ReasonId::mon_sudden_illness, ReasonId::mon_sudden_accident,
                                    ReasonId::mon_sudden_disaster, ReasonId::mon_sudden_job_loss};
    c.reason = reason(by_kind[static_cast<size_t>(h.sudden_event->kind)], {h.sudden_event->month});
  }
  c.met = (id == MonitoringCondition::sudden_event) == h.sudden_event.has_value();
  if (id == MonitoringCondition::risk_removed) c.source = &risk_gone;
  return c;
}

int security_gap_count(const SecurityGaps& s) {
  return int{s.child_out_of_school} + int{s.member_uninsured} + int{s.house_unsafe} + int{s.water_unsafe};
}

// The ledger's latest quarters in a row, up to `wanted`, no later than the household's year: how many, and their net.
std::pair<int, Money> recent_quarters(const std::vector<QuarterRecord>& ledger, int year, int wanted) {
  int count = 0;
  Money net;
  int next = 0;  // year × 4 + quarter of the quarter after the one being looked at
  for (auto it = ledger.rbegin(); it != ledger.rend() && count < wanted; ++it) {
    if (it->year > year) continue;
    const int index = it->year * 4 + it->quarter - 1;
    if (count > 0 && index != next - 1) break;  // a quarter missing: the run ends
    net += it->net();
    next = index;
    ++count;
  }
  return {count, net};
}

enum class RiskKind { income, spending, security, sudden, labour };
RiskKind risk_kind(MonitoringCondition id) {
  switch (id) {
    case MonitoringCondition::rigid_expenses:
    case MonitoringCondition::rigid_expenses_settled:
      return RiskKind::spending;
    case MonitoringCondition::security_gap:
    case MonitoringCondition::security_secure:
      return RiskKind::security;
    case MonitoringCondition::sudden_event:
    case MonitoringCondition::risk_removed:
      return RiskKind::sudden;
    case MonitoringCondition::can_work:
      return RiskKind::labour;
    default:
      return RiskKind::income;
  }
}

// What helps, by the risks found and whether anyone can work (001 二(二)二).
std::vector<Reason> help_for(const Household& h, const std::vector<ConditionCheck>& risks) {
  std::vector<Reason> help;
  const SecurityGaps& s = h.security;
  if (s.child_out_of_school) help.push_back(reason(ReasonId::help_school));
  if (s.member_uninsured) help.push_back(reason(ReasonId::help_insurance));
  if (s.house_unsafe) help.push_back(reason(ReasonId::help_house));
  if (s.water_unsafe) help.push_back(reason(ReasonId::help_water));
  // Several kinds of risk (income, spending, 三保障 and water, sudden hardship, labour) need combined help; two
  // findings about income are one kind.
  std::array<bool, 5> kinds{};
  for (const ConditionCheck& c : risks)
    if (c.met) kinds[static_cast<size_t>(risk_kind(c.id))] = true;
  if (std::count(kinds.begin(), kinds.end(), true) > 1) help.push_back(reason(ReasonId::help_combined));
  const bool income_risk = std::any_of(risks.begin(), risks.end(), [](const ConditionCheck& c) {
    return c.met && risk_kind(c.id) != RiskKind::security;
  });
  if (income_risk)  // a single 三保障 or water gap gets its own fix only
    help.push_back(working_members(h) > 0 ? reason(ReasonId::help_development)
                                          : reason(ReasonId::help_social_security));
  return help;
}

}  // namespace

Reason exit_step_name(ExitStep step) {
  constexpr ReasonId names[] = {ReasonId::exit_step_visited, ReasonId::exit_step_publicised,
                                ReasonId::exit_step_approved};
  return Reason{names[static_cast<size_t>(step)], {}};
}

bool is_monitored(const Household& h) {
  return h.category == Category::monitor_unstable || h.category == Category::monitor_marginal ||
         h.category == Category::monitor_sudden;
}

MonitoringAssessment assess_monitoring(const Household& h, const Result& r, const YearParameters& p,
                                       const std::vector<QuarterRecord>& ledger) {
  MonitoringAssessment a;
  a.help_source = &help_by_risk;
  a.steps_source = &exit_steps;
  const LineResult* line = monitoring_line(r);
  if (line == nullptr || !line->applies) {  // the rural monitoring is not for urban residents
    a.verdict = MonitoringVerdict::urban;
    a.summary = reason(ReasonId::mon_urban);
    return a;
  }
  const Money pc = r.income.per_capita_net;
  const Money upper = near_line_top(line->value, p);
  const int gaps = security_gap_count(h.security);

  if (!is_monitored(h)) {
    ConditionCheck below{
        MonitoringCondition::income_below_line, pc < line->value, {}, &income_and_spending, line->param};
    below.reason =
        reason(below.met ? ReasonId::mon_below_line : ReasonId::mon_not_below_line, {pc.fen(), line->value.fen()});
    ConditionCheck near{MonitoringCondition::income_near_line,
                        pc >= line->value && pc < upper,
                        {},
                        &at_risk,
                        ParamId::monitoring_near_margin};
    near.reason = reason(pc < upper ? ReasonId::mon_near_line : ReasonId::mon_not_near_line,
                         {pc.fen(), line->value.fen(), p.raw(ParamId::monitoring_near_margin), upper.fen()});
    ConditionCheck security{MonitoringCondition::security_gap, gaps > 0,
                            reason(gaps > 0 ? ReasonId::mon_security_gaps : ReasonId::mon_security_ok, {gaps}),
                            &single_risk, std::nullopt};
    a.conditions = {below, near, rigid_check(h, r, p, MonitoringCondition::rigid_expenses), security,
                    sudden_check(h, MonitoringCondition::sudden_event)};
    const auto met = [&](MonitoringCondition id) {
      for (const ConditionCheck& c : a.conditions)
        if (c.id == id) return c.met;
      return false;
    };
    const bool any =
        std::any_of(a.conditions.begin(), a.conditions.end(), [](const ConditionCheck& c) { return c.met; });
    if (!any) {
      a.verdict = MonitoringVerdict::not_needed;
      a.summary = reason(ReasonId::mon_not_needed);
      return a;
    }
    // 004 前言: 突发严重困难户 for hardship from an event or spending; otherwise 脱贫不稳定户 for a 脱贫户,
    // 边缘易致贫户 for any other.
    a.kind = met(MonitoringCondition::sudden_event) || met(MonitoringCondition::rigid_expenses)
                 ? Category::monitor_sudden
             : h.category == Category::tuopin ? Category::monitor_unstable
                                              : Category::monitor_marginal;
    a.verdict = MonitoringVerdict::enter;
    a.summary = reason(ReasonId::mon_enter, {static_cast<int64_t>(*a.kind)});
    a.help = help_for(h, a.conditions);
    return a;
  }

  // A monitored household: may it leave? Income above the line for the months required, in the ledger, and for the
  // year as expected; spending, 三保障 and water, and sudden hardship settled; and someone able to work.
  const int months = p.count(ParamId::monitoring_exit_months);
  const int wanted = std::max(1, (months + 2) / 3);
  const auto [quarters, net] = recent_quarters(ledger, h.year, wanted);
  ConditionCheck recent{
      MonitoringCondition::income_recent_above, false, {}, &income_stable, ParamId::monitoring_exit_months};
  if (quarters < wanted) {
    recent.reason = reason(ReasonId::mon_recent_missing, {quarters, wanted, months});
  } else {
    const Money yearly = net.scaled(4, static_cast<int64_t>(quarters) * h.size());
    recent.met = yearly > line->value;
    recent.reason = reason(recent.met ? ReasonId::mon_recent_above : ReasonId::mon_recent_below,
                           {quarters, yearly.fen(), line->value.fen(), months});
  }
  ConditionCheck year{MonitoringCondition::income_year_above, pc > line->value, {}, &income_stable, line->param};
  year.reason = reason(year.met ? ReasonId::mon_year_above : ReasonId::mon_year_below, {pc.fen(), line->value.fen()});
  ConditionCheck security{MonitoringCondition::security_secure, gaps == 0,
                          reason(gaps > 0 ? ReasonId::mon_security_gaps : ReasonId::mon_security_ok, {gaps}), &secure,
                          std::nullopt};
  const int workers = working_members(h);
  ConditionCheck work{MonitoringCondition::can_work, workers > 0,
                      reason(workers == 0 ? ReasonId::mon_no_labour
                             : h.entered  ? ReasonId::mon_work_entered
                                          : ReasonId::mon_can_work,
                             {workers}),
                      &no_labour, std::nullopt};
  a.conditions = {recent,
                  year,
                  rigid_check(h, r, p, MonitoringCondition::rigid_expenses_settled),
                  security,
                  sudden_check(h, MonitoringCondition::risk_removed),
                  work};
  const auto unmet =
      std::count_if(a.conditions.begin(), a.conditions.end(), [](const ConditionCheck& c) { return !c.met; });
  a.verdict = unmet == 0 ? MonitoringVerdict::may_exit : MonitoringVerdict::not_yet;
  a.summary = unmet == 0 ? reason(ReasonId::mon_may_exit) : reason(ReasonId::mon_not_yet, {unmet});
  if (unmet > 0) {
    std::vector<ConditionCheck> risks;  // what stands in the way, as risks to help with
    for (const ConditionCheck& c : a.conditions)
      if (!c.met) risks.push_back({c.id, true, c.reason, c.source, c.param});
    a.help = help_for(h, risks);
  }
  a.steps = {{ExitStep::visited, h.monitoring.visited},
             {ExitStep::publicised, h.monitoring.publicised},
             {ExitStep::approved, h.monitoring.approved}};
  return a;
}

MonitoringVerdict monitoring_verdict(const Household& h, Money net, Money per_capita_net, std::optional<Money> line,
                                     const YearParameters& p, bool recent_above) {
  if (!line) return MonitoringVerdict::urban;
  const bool rigid = rigid_expenses_high(h, net, p);
  const bool gaps = h.security.any();
  if (!is_monitored(h))  // any trigger; below the line is also below the top of the band near it
    return per_capita_net < near_line_top(*line, p) || rigid || gaps || h.sudden_event ? MonitoringVerdict::enter
                                                                                       : MonitoringVerdict::not_needed;
  return recent_above && per_capita_net > *line && !rigid && !gaps && !h.sudden_event && working_members(h) > 0
             ? MonitoringVerdict::may_exit
             : MonitoringVerdict::not_yet;
}

}  // namespace zengshou::core
