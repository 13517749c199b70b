#include "format.h"

#include <cmath>     // abs
#include <cstdio>    // snprintf
#include <iterator>  // size
#include <utility>   // pair

#include "core/household.h"
#include "labels.h"
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

// An axis figure as a reader takes it in at a glance: thousands separated ("8,000"), and in Chinese ten thousands
// as 万 ("1.5万", "3万").
std::string chart_number(double value) {
  char text[32];
  if (language() == Language::zh_CN && std::abs(value) >= 10000.0) {
    std::snprintf(text, sizeof text, "%.1f", value / 10000.0);
    std::string t = text;
    if (t.ends_with(".0")) t.resize(t.size() - 2);
    return t + "万";
  }
  std::snprintf(text, sizeof text, "%.0f", value);
  std::string digits = text, out;
  const size_t sign = digits.starts_with('-') ? 1 : 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > sign && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string reason_text(const core::Reason& r) { return core::render(r, core_language()); }

std::string printf_text(const char* format, const std::string& a, const std::string& b) {
  // As long as it needs: a fixed buffer would cut a long reform's text inside a character.
  const int size = std::snprintf(nullptr, 0, format, a.c_str(), b.c_str());
  if (size <= 0) return {};
  std::string text(static_cast<size_t>(size) + 1, '\0');
  std::snprintf(text.data(), text.size(), format, a.c_str(), b.c_str());
  text.pop_back();
  return text;
}

namespace {

// An enum's value as the household file writes it (tuopin, out_of_province …) in the UI's words; itself if unknown.
// `certificates`: the list is a certificate's levels, whose "none" is not labour's.
std::string value_label(std::string_view code, bool certificates) {
  const auto find = [&](const auto& names, const auto& labels, size_t offset) -> const char* {
    for (size_t i = 0; i < names.size(); ++i)
      if (names[i] == code) return tr(labels[i + offset]);
    return nullptr;
  };
  if (certificates)
    if (const char* t = find(core::certificate_level_names, certificate_labels, 0)) return t;
  if (const char* t = find(core::category_names, category_labels, 0)) return t;
  if (const char* t = find(core::labor_names, labor_labels, 0)) return t;
  if (const char* t = find(core::job_kind_names, job_labels, 0)) return t;
  if (const char* t = find(core::school_level_names, school_labels, 1)) return t;  // school_labels[0]: not in school
  return std::string(code);
}

// "tuopin, monitor_unstable, …" as the UI's words.
std::string values_text(std::string_view list) {
  const bool certificates = list.find("intermediate") != std::string_view::npos;
  std::string out;
  while (!list.empty()) {
    const size_t comma = list.find(", ");
    if (!out.empty()) out += tr(Str::list_separator);
    out += value_label(list.substr(0, comma), certificates);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 2);
  }
  return out;
}

// The core's English "expected …" without its ", got …" part, in the UI's language; empty when unknown.
std::string expectation(const std::string& body) {
  const auto starts = [&](const char* prefix) { return body.rfind(prefix, 0) == 0; };
  if (starts("expected this required field")) return tr(Str::err_required);
  if (starts("expected one of ")) return printf_text(tr(Str::err_one_of), values_text(body.substr(16)));
  // A roster's cells and rows (formats/roster_file.cpp), as a cadre would have them said.
  if (starts("expected a number with at most two decimals")) return tr(Str::err_cell_number);
  if (starts("expected a percentage from 0 to 100")) return tr(Str::err_rate);
  if (starts("expected the yearly rate in percent")) return tr(Str::err_rate_fraction);
  if (starts("expected a whole number") && !starts("expected a whole number from")) return tr(Str::err_cell_whole);
  if (starts("expected which kind of monitored household") || starts("expected 脱贫不稳定户, 边缘易致贫户 or"))
    return tr(Str::err_monitor_kind);
  if (starts("expected an ID number of 18 characters")) return tr(Str::err_id_number);
  if (starts("expected a 户编号, 户主 or 与户主关系 column")) return tr(Str::err_key_column);
  if (starts("expected a 年度 (year) column")) return tr(Str::err_year_column);
  if (starts("expected a 户类别 (category) column")) return tr(Str::err_category_column);
  if (starts("expected a header row")) return tr(Str::err_header_row);
  if (starts("expected the household's head (户主) before")) return tr(Str::err_head_first);
  if (starts("expected the household's id on every row")) return tr(Str::err_id_every_row);
  if (starts("expected the head's name on every row")) return tr(Str::err_head_every_row);
  if (starts("expected a household row after the header")) return tr(Str::err_no_rows);
  if (starts("expected the rows of household")) return tr(Str::err_rows_apart);
  if (starts("expected a closing quote")) return tr(Str::err_quote_open);
  if (starts("expected ") && body.ends_with(" columns"))
    return printf_text(tr(Str::err_columns), body.substr(9, body.size() - 9 - 8));
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

// A roster's places in Chinese: "line 4, column "月工资"" is 第4行“月工资”列, "花名册!H5 (column "月工资")" is
// 花名册!H5(“月工资”列), "line 4" 第4行, "花名册 row 5" 花名册 第5行; other places (JSON pointers) as they are.
std::string place_text(const std::string& where) {
  const auto number_after = [&](size_t from) {
    size_t end = from;
    while (end < where.size() && where[end] >= '0' && where[end] <= '9') ++end;
    return std::pair(where.substr(from, end - from), end);
  };
  if (where.rfind("line ", 0) == 0) {
    const auto [line, end] = number_after(5);
    if (line.empty()) return where;
    const std::string rest = where.substr(end);
    if (rest.empty()) return printf_text(tr(Str::place_line), line);
    if (rest.rfind(", column \"", 0) == 0 && rest.ends_with("\""))
      return printf_text(tr(Str::place_cell), line, rest.substr(10, rest.size() - 11));
    if (rest.front() == '/') return printf_text(tr(Str::place_line), line) + " " + rest;  // a JSON Lines household
    return where;
  }
  if (const size_t column = where.find(" (column \""); column != std::string::npos && where.ends_with("\")"))
    return where.substr(0, column) +
           printf_text(tr(Str::place_sheet_column), where.substr(column + 10, where.size() - column - 12));
  if (const size_t row = where.find(" row "); row != std::string::npos) {
    const auto [line, end] = number_after(row + 5);
    if (!line.empty() && end == where.size())
      return where.substr(0, row) + " " + printf_text(tr(Str::place_line), line);
  }
  return where;
}

std::string error_text(const core::InputError& e) {
  if (language() == Language::en) return core::error_line(e);
  const size_t got = e.expected.rfind(", got ");
  const std::string body = got == std::string::npos ? e.expected : e.expected.substr(0, got);
  const std::string translated = expectation(body);
  if (translated.empty()) return core::error_line(e);
  std::string text = printf_text(tr(Str::err_at), e.where.empty() ? "/" : place_text(e.where)) + translated;
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

Str line_label(core::LineId id) {
  return id == core::LineId::monitoring ? Str::line_monitoring
         : id == core::LineId::policy   ? Str::line_policy
                                        : Str::line_focus;
}

const char* how_to_apply(core::ProgrammeId id) {
  static constexpr Str texts[] = {
#define ZS_PROGRAMME(id, stream, counted, zh, en) Str::apply_##id,
#include "core/programmes.def"
#undef ZS_PROGRAMME
  };
  return tr(texts[static_cast<size_t>(id)]);
}

}  // namespace zengshou::app
