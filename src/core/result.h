// The result of evaluating one household under one policy and year (CONTRACT.md "zengshou.result/1"):
// what every view, the CLI and the report render.
#pragma once

#include <array>     // programmes, lines
#include <optional>  // a suggestion's programme
#include <string>    // ids
#include <vector>    // details, flags, suggestions

#include "money.h"
#include "programme.h"
#include "reason.h"

namespace zengshou::core {

struct Income {
  Money wage;             // 工资性, counted amounts only
  Money production;       // 生产经营性, gross
  Money production_cost;  // 生产经营性支出
  Money property;         // 财产性
  Money transfer;         // 转移性, counted amounts only
  Money net;              // wage + production − production_cost + property + transfer
  Money per_capita_net;   // net ÷ size, rounded half up to the fen
  Money cash_received;    // net plus the cash that is not counted (education aid, one-off payments)
};

// One member's (or the household's) share of a programme.
struct ProgrammeDetail {
  ProgrammeId programme;
  int member;  // index into Household::members, or -1 for the household as a whole
  Money amount;
  Reason reason;
};

struct ProgrammeResult {
  ProgrammeId id;
  bool available = false;  // the policy has this programme
  bool eligible = false;
  Money amount;
  bool counted = false;  // counted in net income (a policy parameter)
  Reason reason;
  uint16_t detail_begin = 0, detail_end = 0;  // this programme's entries in Result::details
};

enum class LineId { monitoring, policy, focus };
inline constexpr std::array<std::string_view, 3> line_names{"monitoring", "policy", "focus"};

struct LineResult {
  LineId id;
  Money value;           // yuan per person per year
  Money per_capita_gap;  // how far below the line, 0 when above or when the line is not for this household
  Money household_gap;   // per_capita_gap × size
  ParamId param;         // where the value comes from
  bool applies = true;   // the household is among the people the line's clause names
  Reason scope;          // for whom the line is (line_for…), or why it is not for this household (line_not_for…)
};

enum class FlagId {
  below_monitoring_line,
  below_policy_line,
  income_fell,
  growth_below_target,
  zero_employment,
  relocated_without_job
};
inline constexpr std::array<std::string_view, 6> flag_names{"below_monitoring_line", "below_policy_line",
                                                            "income_fell",           "growth_below_target",
                                                            "zero_employment",       "relocated_without_job"};

struct Flag {
  FlagId id;
  Reason detail;
};

// The steps, then the 兜底 routes for a household nobody in can work, then what closing the gap takes (always given
// below a line, so a household below one is never told "no advice").
enum class SuggestionKind {
  take_post,
  take_forest_ranger_post,
  organized_export,
  enrol_vocational,
  claim_pension,
  apply_dibao,
  more_work_months,
  apply_tekun,
  close_gap
};
inline constexpr std::array<std::string_view, 9> suggestion_kind_names{
    "take_post",   "take_forest_ranger_post", "organized_export", "enrol_vocational", "claim_pension",
    "apply_dibao", "more_work_months",        "apply_tekun",      "close_gap"};

struct Suggestion {
  SuggestionKind kind;
  std::optional<ProgrammeId> programme;  // the programme the step opens; none for a job alone
  int member;                            // index into Household::members, or -1
  Money adds;                            // cash the household gains a year
  Money adds_net;                        // of which counted in net income
  bool closes_gap = false;               // per-capita net reaches the higher of the policy and monitoring lines for it
  Reason step;
  ParamId basis;  // the parameter the step rests on (its value and source): a post's floor, the line to reach …
};

// Growth of per-capita net against last year's, and the policy's target for the household's population.
struct Growth {
  std::optional<int64_t> basis_points;         // (this year − last year) ÷ last year, when last year is known
  std::optional<int64_t> target_basis_points;  // the policy's target, when it has one
};

struct Result {
  std::string household;    // the household's id
  std::string_view policy;  // policy id (the PolicyFile's, which outlives results)
  int year = 0;
  int size = 0;
  Income income;
  std::array<ProgrammeResult, programme_count> programmes{};
  std::vector<ProgrammeDetail> details;
  std::vector<LineResult> lines;
  Growth growth;
  std::vector<Flag> flags;
  std::vector<Suggestion> suggestions;  // most yuan added first
  bool beyond_policy_years = false;     // a projection year after the policy's last year: parameters held
  // Where the first amount past Money::limit_fen is, as a JSON pointer into the result ("/programmes/
  // farmland_subsidy/amount", "/income/net"); empty when none is. When set, no figure of this result is to be shown.
  std::string overflow;
  // The parameters (YearParameters::serial) that wrote the fields of `programmes` that follow from them alone: each
  // programme's id, whether the policy has it and whether it counts, and all of a programme it does not have.
  // evaluate_into leaves those as they are while the households' parameters stay the same; 0: none written. Only the
  // engine writes `programmes`: code that changes one must set this to 0, or the next evaluation keeps the change.
  uint64_t programmes_fixed_for = 0;

  bool overflowed() const { return !overflow.empty(); }

  const ProgrammeResult& programme(ProgrammeId id) const { return programmes[static_cast<size_t>(id)]; }
  bool has_flag(FlagId id) const {
    for (const Flag& f : flags)
      if (f.id == id) return true;
    return false;
  }
};

}  // namespace zengshou::core
