// Programme and parameter ids, streams and units: the vocabulary shared by policies, the engine and the views.
#pragma once

#include <array>        // tables
#include <cstddef>      // size_t
#include <optional>     // lookups
#include <string_view>  // names

namespace zengshou::core {

// Where a programme's money goes (DOMAIN.md §3). `none`: not cash (pension contribution items).
enum class Stream { wage, production, property, transfer, none };
inline constexpr std::array<std::string_view, 5> stream_names{"wage", "production", "property", "transfer", "none"};

enum class ProgrammeId {
#define ZS_PROGRAMME(id, stream, counted, zh, en) id,
#include "programmes.def"
#undef ZS_PROGRAMME
};
inline constexpr size_t programme_count = 0
#define ZS_PROGRAMME(id, stream, counted, zh, en) +1
#include "programmes.def"
#undef ZS_PROGRAMME
    ;

struct ProgrammeInfo {
  std::string_view id;
  Stream stream;
  bool counted_by_default;
  const char* name_zh;
  const char* name_en;
};
inline constexpr std::array<ProgrammeInfo, programme_count> programme_infos{{
#define ZS_PROGRAMME(id, stream, counted, zh, en) {#id, Stream::stream, counted, zh, en},
#include "programmes.def"
#undef ZS_PROGRAMME
}};
inline const ProgrammeInfo& info(ProgrammeId p) { return programme_infos[static_cast<size_t>(p)]; }
std::optional<ProgrammeId> programme_from_name(std::string_view name);

enum class Unit {
  yuan,  // a one-off amount
  yuan_per_month,
  yuan_per_day,
  yuan_per_mu,
  yuan_per_year,
  yuan_per_person_year,  // lines and standards
  percent,               // held in basis points (18 % = 1800)
  months,
  years,
  flag,        // on/off
  categories,  // a set of household categories
};
inline constexpr std::array<std::string_view, 11> unit_names{
    "yuan",    "yuan/month", "yuan/day", "yuan/mu", "yuan/year", "yuan/person/year",
    "percent", "months",     "years",    "flag",    "categories"};
constexpr bool is_money(Unit u) { return u <= Unit::yuan_per_person_year; }

// Parameter ids: each programme's "available" and "counts_in_net_income", then those of parameters.def.
enum class ParamId : unsigned {
#define ZS_PROGRAMME(id, stream, counted, zh, en) id##_available, id##_counted,
#include "programmes.def"
#undef ZS_PROGRAMME
#define ZS_PARAM(id, name, unit, zh, en) id,
#include "parameters.def"
#undef ZS_PARAM
  count_
};
inline constexpr size_t param_count = static_cast<size_t>(ParamId::count_);

constexpr ParamId available_param(ProgrammeId p) { return static_cast<ParamId>(static_cast<unsigned>(p) * 2); }
constexpr ParamId counted_param(ProgrammeId p) { return static_cast<ParamId>(static_cast<unsigned>(p) * 2 + 1); }

struct ParamInfo {
  std::string_view name;  // "public_welfare_post.monthly"
  Unit unit;
  const char* description_zh;
  const char* description_en;
};
const ParamInfo& info(ParamId p);
std::optional<ParamId> param_from_name(std::string_view name);

}  // namespace zengshou::core
