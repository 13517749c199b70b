#include "format.h"

#include <cstdio>    // snprintf
#include <iterator>  // size
#include <utility>   // pair

#include "core/household.h"
#include "strings.h"

namespace zengshou::app {

core::Language core_language() { return language() == Language::zh_CN ? core::Language::zh : core::Language::en; }

std::string money_text(core::Money m) { return m.overflowed() ? tr(Str::overflow_figure) : m.fixed_text(); }

std::string overflow_text(const std::string& where) {
  for (const char* prefix : {"/programmes/", "/programme_totals/"}) {
    if (where.rfind(prefix, 0) != 0) continue;
    const std::string rest = where.substr(std::string_view(prefix).size());
    if (const auto id = core::programme_from_name(rest.substr(0, rest.find('/')))) return programme_name(*id);
  }
  constexpr std::pair<const char*, Str> names[] = {{"/income/wage", Str::stream_wage},
                                                   {"/income/production", Str::stream_production},
                                                   {"/income/production_cost", Str::stream_production_cost},
                                                   {"/income/property", Str::stream_property},
                                                   {"/income/transfer", Str::stream_transfer},
                                                   {"/income/net", Str::net_income},
                                                   {"/income/per_capita_net", Str::per_capita_net},
                                                   {"/income/cash_received", Str::cash_received},
                                                   {"/growth/percent", Str::overflow_growth},
                                                   {"/mean_per_capita_net", Str::village_mean},
                                                   {"/programme_cost", Str::village_cost},
                                                   {"/poverty_gap_total", Str::village_gap_total},
                                                   {"/cost", Str::village_reform_cost}};
  for (const auto& [pointer, label] : names)
    if (where == pointer) return tr(label);
  return where;
}

std::string reason_text(const core::Reason& r) { return core::render(r, core_language()); }

namespace {

std::string printf_text(const char* format, const std::string& a, const std::string& b = "") {
  char text[512];
  std::snprintf(text, sizeof text, format, a.c_str(), b.c_str());
  return text;
}

// The core's English "expected …" without its ", got …" part, in the UI's language; empty when unknown.
std::string expectation(const std::string& body) {
  const auto starts = [&](const char* prefix) { return body.rfind(prefix, 0) == 0; };
  if (starts("expected this required field")) return tr(Str::err_required);
  if (starts("expected one of ")) return printf_text(tr(Str::err_one_of), body.substr(16));
  if (starts("expected a whole number from ")) {
    const std::string range = body.substr(29);
    const size_t to = range.find(" to ");
    return printf_text(tr(Str::err_whole_number), range.substr(0, to),
                       to == std::string::npos ? "" : range.substr(to + 4));
  }
  if (starts("expected an amount in yuan")) return tr(Str::err_amount);
  if (starts("expected a string")) return tr(Str::err_string);
  if (starts("expected true or false")) return tr(Str::err_bool);
  if (starts("expected 1 to 30 members")) return tr(Str::err_members);
  if (body.find("not valid UTF-8") != std::string::npos) return tr(Str::err_not_utf8);
  if (body.find("not valid JSON") != std::string::npos) return tr(Str::err_not_json);
  if (starts("expected a known policy id")) return tr(Str::err_policy);
  if (starts("expected a year that")) return tr(Str::err_year);
  if (starts("expected \"zengshou.household/1\"")) return tr(Str::err_schema);
  if (starts("expected a clause that the text of ")) return tr(Str::err_clause);
  if (starts("expected a policy no roster household is under")) return tr(Str::err_policy_in_use);
  if (starts("expected a policy none of your others inherits from")) return tr(Str::err_policy_inherited);
  if (starts("expected words that occur verbatim")) return tr(Str::err_quote);
  if (starts("expected a date YYYY-MM-DD")) return tr(Str::err_date);
  if (starts("expected an amount above 0 yuan")) return tr(Str::err_amount_positive);
  if (starts("expected a first and a last year")) return tr(Str::err_policy_years);
  if (starts("expected years that cover each value")) return tr(Str::err_years_cover_values);
  if (starts("expected the id of a document")) return tr(Str::err_document_unknown);
  if (starts("expected at most ") && body.find(" rows ") != std::string::npos) return tr(Str::err_too_many_rows);
  if (starts("expected at most ") && body.find(" households ") != std::string::npos)
    return tr(Str::err_too_many_households);
  return {};
}

}  // namespace

std::string count_text(Str format, size_t count) {
  char text[256];
  std::snprintf(text, sizeof text, tr(format), static_cast<int>(count));
  return text;
}

std::string problem_text(const core::InputError& e) {
  if (language() == Language::en) return e.expected;
  const size_t got = e.expected.rfind(", got ");
  const std::string translated = expectation(got == std::string::npos ? e.expected : e.expected.substr(0, got));
  if (translated.empty()) return e.expected;
  return translated + (got == std::string::npos ? "" : printf_text(tr(Str::err_got), e.expected.substr(got + 6)));
}

std::string error_text(const core::InputError& e) {
  if (language() == Language::en) return core::error_line(e);
  const size_t got = e.expected.rfind(", got ");
  const std::string body = got == std::string::npos ? e.expected : e.expected.substr(0, got);
  const std::string translated = expectation(body);
  if (translated.empty()) return core::error_line(e);
  std::string text = printf_text(tr(Str::err_at), e.where.empty() ? "/" : e.where) + translated;
  if (got != std::string::npos) text += printf_text(tr(Str::err_got), e.expected.substr(got + 6));
  return text;
}

std::string param_value_text(core::ParamId id, const core::ResolvedParam& p) {
  if (!p.value) return tr(Str::not_set);
  const core::Unit unit = core::info(id).unit;
  switch (unit) {
    case core::Unit::flag:
      return tr(*p.value ? Str::yes : Str::no);
    case core::Unit::categories:
      return core::categories_label(*p.value, core_language());
    default:
      break;
  }
  const std::string number = core::is_money(unit) || unit == core::Unit::percent
                                 ? core::Money::fen(*p.value).yuan_text()
                                 : std::to_string(*p.value);
  return number + (unit == core::Unit::percent ? "" : " ") + unit_text(unit);
}

const char* unit_text(core::Unit unit) {
  constexpr Str unit_labels[] = {Str::unit_yuan,        Str::unit_yuan_per_month, Str::unit_yuan_per_day,
                                 Str::unit_yuan_per_mu, Str::unit_yuan_per_year,  Str::unit_yuan_per_person_year,
                                 Str::unit_percent,     Str::unit_months,         Str::unit_years};
  const auto i = static_cast<size_t>(unit);
  return i < std::size(unit_labels) ? tr(unit_labels[i]) : "";
}

std::string policy_name(const core::PolicyFile& policy) {
  return language() == Language::en && !policy.name_en.empty() ? policy.name_en : policy.name_zh;
}

std::string param_name(core::ParamId id) {
  const core::ParamInfo& p = core::info(id);
  const std::string text = language() == Language::zh_CN ? p.description_zh : p.description_en;
  // A programme's own switches read "whether it counts…": say which programme.
  const auto index = static_cast<size_t>(id);
  if (index >= core::programme_count * 2) return text;
  return programme_name(static_cast<core::ProgrammeId>(index / 2)) + " · " + text;
}

std::string programme_name(core::ProgrammeId id) {
  return language() == Language::zh_CN ? core::info(id).name_zh : core::info(id).name_en;
}

}  // namespace zengshou::app
