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

// Which population's growth targets apply to the household: urban, 脱贫 (incl. monitored), or rural.
enum class TargetGroup { tuopin, rural, urban };
TargetGroup target_group(Category category);
// The growth-target parameter of a group for a stream (0 total, 1 wage, 2 production, 3 property, 4 transfer).
ParamId target_param(TargetGroup group, int stream);

}  // namespace zengshou::core
