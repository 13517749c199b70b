// Turning core values into display text in the current language: money, parameter values with units, reasons.
#pragma once

#include <string>  // text

#include "core/error.h"
#include "core/policy.h"
#include "core/reason.h"
#include "core/result.h"  // LineId
#include "strings.h"

namespace zengshou::app {

core::Language core_language();         // the core's language for the UI's
std::string money_text(core::Money m);  // "12345.67", always two decimals; "溢出" when overflowed
// What an overflow pointer (core::Result::overflow, VillageSummary::overflow) names, in the UI's language: a
// programme or an income stream by its name, anything else as the pointer.
std::string overflow_text(const std::string& where);
// A chart's axis figure: thousands separated ("8,000"), in Chinese ten thousands as 万 ("1.5万", "3万").
std::string chart_number(double value);
// A string table format with one or two %s, filled.
std::string printf_text(const char* format, const std::string& a, const std::string& b = "");
std::string reason_text(const core::Reason& r);  // in the UI's language
// A string-table text with one %d, for `count`.
std::string count_text(Str format, size_t count);
// What a problem expected, in the UI's language, without its place (shown beside the field it is about).
std::string problem_text(const core::InputError& e);
// An input problem in the UI's language: the place, what was expected, what came.
std::string error_text(const core::InputError& error);

// "800 元/月", "是", "脱贫户、边缘易致贫户", or "未设定".
std::string param_value_text(core::ParamId id, const core::ResolvedParam& p);
const char* unit_text(core::Unit unit);    // "元/月"; empty for flags and categories
std::string param_name(core::ParamId id);  // "公益性岗位补贴最低标准"
// A policy's name in the UI's language (the Chinese one where it has no English name).
std::string policy_name(const core::PolicyFile& policy);
std::string programme_name(core::ProgrammeId id);  // "乡村公益性岗位"
Str line_label(core::LineId id);                   // 防止返贫监测线, 本政策收入底线, 重点帮扶线
const char* how_to_apply(core::ProgrammeId id);    // who handles it, in plain words (the usual way)

}  // namespace zengshou::app
