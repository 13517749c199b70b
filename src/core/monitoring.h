// The monitoring decision (防返贫监测, issue 17), as 001 二(二) sets it out: monitor "既看收入、又看支出"; take in a
// household at risk of returning to poverty or in sudden serious hardship (一是监测环节); help it by the risk found
// (二是帮扶环节); let it leave only when "收入稳定超过当年监测范围且持续稳定不少于半年、“三保障”及饮水安全持续巩固、
// 返贫致贫风险已经稳定消除", after 入户核实、民主评议公示、审核批准公告 (三是退出环节). Each condition says why, with
// its clause. Income is counted as the national definition counts it: 刚性支出 is a trigger of its own, never
// subtracted from income.
#pragma once

#include <optional>     // a suggested kind
#include <string_view>  // names
#include <vector>       // conditions, help, steps

#include "document.h"
#include "household.h"
#include "policy.h"
#include "reason.h"
#include "result.h"
#include "workspace.h"  // the quarterly ledger

namespace zengshou::core {

enum class MonitoringVerdict { enter, not_needed, may_exit, not_yet, urban };
inline constexpr std::array<std::string_view, 5> monitoring_verdict_names{"enter", "not_needed", "may_exit", "not_yet",
                                                                          "urban"};

enum class MonitoringCondition {
  // Entry triggers, for a household not monitored: any one met means it should be taken in.
  income_below_line,
  income_near_line,
  rigid_expenses,
  security_gap,
  sudden_event,
  // Exit conditions, for a monitored household: all must be met.
  income_recent_above,  // the quarterly ledger: above the line for the months required
  income_year_above,    // the year's expected income above the line
  rigid_expenses_settled,
  security_secure,
  risk_removed,  // no sudden hardship this year
  can_work,      // someone can work; otherwise the household stays under social-security support
};
inline constexpr std::array<std::string_view, 11> monitoring_condition_names{
    "income_below_line", "income_near_line",    "rigid_expenses",    "security_gap",
    "sudden_event",      "income_recent_above", "income_year_above", "rigid_expenses_settled",
    "security_secure",   "risk_removed",        "can_work"};

struct ConditionCheck {
  MonitoringCondition id;
  bool met = false;
  Reason reason;
  const SourceRef* source = nullptr;  // the clause the condition comes from (the rules' own, which outlive it)
  std::optional<ParamId> param;       // the parameter it reads (a line, a margin, a threshold), for its own source
};

enum class ExitStep { visited, publicised, approved };  // 入户核实, 民主评议公示, 审核批准公告, in this order
inline constexpr std::array<std::string_view, 3> exit_step_names{"visited", "publicised", "approved"};

struct ExitStepState {
  ExitStep step;
  int done = 0;  // yyyymmdd it was done; 0: not yet
};

struct MonitoringAssessment {
  MonitoringVerdict verdict = MonitoringVerdict::not_needed;
  Reason summary;                          // the verdict in a sentence
  std::optional<Category> kind;            // for `enter`: the kind of monitored household it would be (004 前言)
  std::vector<ConditionCheck> conditions;  // entry triggers, or exit conditions for a monitored household
  std::vector<Reason> help;                // what helps, by risk and labour (001 二(二)二)
  const SourceRef* help_source = nullptr;
  std::vector<ExitStepState> steps;  // for a monitored household: the exit procedure, each step done or not
  const SourceRef* steps_source = nullptr;
};

// The household's assessment for its year under `params`, from its result and the quarterly ledger the roster keeps
// (none for a household alone: then income cannot yet be shown stable, and says so).
MonitoringAssessment assess_monitoring(const Household& household, const Result& result, const YearParameters& params,
                                       const std::vector<QuarterRecord>& ledger = {});

// The verdict alone, as assess_monitoring reaches it, for the many households of a village: from the household's
// net and per-capita net and its monitoring line (none: the line is not for it). `recent_above` stands for the
// ledger's condition, that income has stayed above the line for the months required.
MonitoringVerdict monitoring_verdict(const Household& household, Money net, Money per_capita_net,
                                     std::optional<Money> line, const YearParameters& params, bool recent_above);

// A step's name as users read it (入户核实, 民主评议公示, 审核批准公告).
Reason exit_step_name(ExitStep step);

// A monitored household: its category is one of the three kinds of 监测对象.
bool is_monitored(const Household& household);

}  // namespace zengshou::core
