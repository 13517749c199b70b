// Evaluating a household: its income streams, every programme, the lines, flags and suggestions
// (DOMAIN.md §3–§5a).
#pragma once

#include "household.h"
#include "policy.h"
#include "result.h"

namespace zengshou::core {

struct EvaluationOptions {
  bool suggestions = true;  // 一户一策 steps (skipped inside a village simulation's inner loop, say)
};

// Evaluates `household` with the parameters of one policy and year. The household must be valid (parsed).
Result evaluate(const Household& household, const YearParameters& params, EvaluationOptions options = {});
// The same into `result`, reusing its memory: many households in a row allocate nothing (a village's inner loop); with
// the same parameters, the programmes' fields that follow from them alone are left as written (Result::
// programmes_fixed_for).
void evaluate_into(Result& result, const Household& household, const YearParameters& params,
                   EvaluationOptions options = {});

// One programme for one household: its rule's amount, each member's share (appended to `details`) and the reason.
// `net_before` is the counted net income from the programmes before it (the dibao tops it up).
void evaluate_programme(ProgrammeResult& result, ProgrammeId id, const Household& household,
                        const YearParameters& params, Money net_before, std::vector<ProgrammeDetail>& details);
// Whether a programme's amount is in the household's net income: paid, counted, and cash of a stream.
bool counts_in_net(const ProgrammeResult& result);

// Jobs whose pay a programme computes (public-welfare posts with their floor, forest rangers with their standard),
// rather than the wage sum.
bool paid_by_programme(JobKind kind);

// Whether a line is for the household — among the categories its clause names and, for a line "在低保线以上", with
// per-capita net before dibao at or above the dibao standard — and the words that say for whom, or why not.
// `net_before_dibao` is the household's counted net income without the dibao allowance.
struct LineScope {
  bool applies = true;
  Reason scope;  // line_for… when it applies, line_not_for… when not
};
LineScope line_scope(LineId id, const Household& household, const YearParameters& params, Money net_before_dibao);
// The parameter that names the categories a line is for ("lines.policy.categories").
ParamId line_categories_param(LineId id);

// Which population's growth targets apply to the household: urban, 脱贫 (incl. monitored), or rural.
enum class TargetGroup { tuopin, rural, urban };
TargetGroup target_group(Category category);
// The growth-target parameter of a group for a stream (0 total, 1 wage, 2 production, 3 property, 4 transfer).
ParamId target_param(TargetGroup group, int stream);

}  // namespace zengshou::core
