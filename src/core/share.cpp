#include "share.h"

#include <algorithm>  // find
#include <cstddef>    // size_t
#include <optional>   // a code's place

#include <nlohmann/json.hpp>

#include "household_json.h"
#include "json_reading.h"

namespace zengshou::core {

using nlohmann::json;

namespace {

constexpr const char* long_schema = "zengshou.share/1";
// {"s":2,"h":{…},"r":{…}}: "h" is a zengshou.household/1 file shortened. A household file of another version would
// be a link of another version too.
constexpr int short_version = 2;
static_assert(household_schema == "zengshou.household/1");

// The household file's keys, each written in a short link as the code of its place in this list: a–z, A–Z, then a
// letter and a digit. Links in people's phones depend on it: keys are only ever added at the end.
constexpr std::string_view household_keys[] = {
    "id", "head", "village", "policy", "year", "category", "relocated", "dibao", "tekun", "members", "production",
    "property", "transfers", "last_year_per_capita_net", "entered_income", "dibao_taper", "expenses", "security",
    "sudden_event", "monitoring",
    // a member, a job, school, pension
    "name", "birth_year", "labor", "disability_grade", "school", "jobs", "pension", "training_days",
    "first_business_year", "kind", "months", "monthly_wage", "first_organized_export", "probation_certificate_months",
    "risk_area_months", "level", "east_west", "years_since", "exam_fees", "enrolled", "tier",
    // production, property, transfers, income entered as totals, the dibao taper
    "revenue", "cost", "land_rent", "dividends", "house_rent", "other", "farmland_mu", "eco_compensation",
    "family_support", "people", "wage", "production_cost", "transfer", "month", "monthly",
    // 刚性支出, 三保障, a sudden event, the monitoring record
    "medical", "education", "disaster", "child_out_of_school", "member_uninsured", "house_unsafe", "water_unsafe",
    "date", "since", "measures", "visited", "publicised", "approved",
    // issue 21: a certificate, the guaranteed dividend, grain and returned farmland, temporary assistance, a loan
    "certificate", "guaranteed_dividend", "grain_mu", "returned_farmland_mu", "temporary_assistance", "microcredit",
    "principal", "rate_percent"};

constexpr std::string_view code_letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

std::string key_code(size_t index) {
  if (index < code_letters.size()) return std::string(1, code_letters[index]);
  const size_t beyond = index - code_letters.size();
  return std::string(1, code_letters[beyond / 10]) + std::to_string(beyond % 10);
}

// The place in the table a code names, if it names one.
std::optional<size_t> code_index(std::string_view code) {
  const size_t letter = code.empty() ? std::string_view::npos : code_letters.find(code[0]);
  if (letter == std::string_view::npos || code.size() > 2) return std::nullopt;
  if (code.size() == 2 && (code[1] < '0' || code[1] > '9')) return std::nullopt;
  const size_t index = code.size() == 1 ? letter : code_letters.size() + letter * 10 + (code[1] - '0');
  return index < std::size(household_keys) ? std::optional(index) : std::nullopt;
}

// Keys whose zero means nothing was entered, and may be left out. Others keep theirs: a job's months and wage are
// required, and last year's income of 0 is not an unknown one.
bool zero_is_default(std::string_view key) {
  constexpr std::string_view keys[] = {"disability_grade",
                                       "training_days",
                                       "probation_certificate_months",
                                       "risk_area_months",
                                       "tier",
                                       "exam_fees",
                                       "revenue",
                                       "cost",
                                       "land_rent",
                                       "dividends",
                                       "house_rent",
                                       "other",
                                       "farmland_mu",
                                       "grain_mu",
                                       "returned_farmland_mu",
                                       "temporary_assistance",
                                       "guaranteed_dividend",
                                       "eco_compensation",
                                       "family_support",
                                       "wage",
                                       "production",
                                       "production_cost",
                                       "property",
                                       "transfer",
                                       "medical",
                                       "education",
                                       "disaster"};
  return std::find(std::begin(keys), std::end(keys), key) != std::end(keys);
}

// What the household reader takes as absent: null, false, "", an empty list or object, and the zeros above.
bool at_default(std::string_view key, const json& value) {
  if (value.is_null() || value == false) return true;
  if (value.is_string()) return value.get_ref<const std::string&>().empty();  // json's empty() is false for text
  if (value.is_array() || value.is_object()) return value.empty();
  return value.is_number() && value == 0 && zero_is_default(key);
}

// `value` with every object's keys renamed by `rename(key, member)`, members first; an empty name leaves one out.
template <typename Rename>
json rekeyed(const json& value, const Rename& rename) {
  if (value.is_array()) {
    json out = json::array();
    for (const json& item : value) out.push_back(rekeyed(item, rename));
    return out;
  }
  if (!value.is_object()) return value;
  json out = json::object();
  for (const auto& [key, item] : value.items()) {
    json member = rekeyed(item, rename);
    if (std::string name = rename(key, member); !name.empty()) out[name] = std::move(member);
  }
  return out;
}

// The household file's object with its defaults left out and its keys coded (a key not in the table as it is).
json shortened(const json& household) {
  return rekeyed(household, [](const std::string& key, const json& member) -> std::string {
    if (at_default(key, member)) return {};
    const auto known = std::find(std::begin(household_keys), std::end(household_keys), key);
    return known == std::end(household_keys) ? key : key_code(known - std::begin(household_keys));
  });
}

json lengthened(const json& household) {
  return rekeyed(household, [](const std::string& key, const json&) {
    const auto index = code_index(key);
    return index ? std::string(household_keys[*index]) : key;
  });
}

}  // namespace

std::string share_to_json(const SharedHousehold& shared) {
  json household = shortened(household_to_json(shared.household));
  household.erase("schema");  // the link's version says it
  json doc = {{"s", short_version}, {"h", std::move(household)}};
  // The reform by what it changes: its descriptions stay with whoever made it (they would triple the link).
  if (!shared.reform.empty() || !shared.reform.name.empty()) {
    Reform reform = shared.reform;
    reform.description.clear();
    reform.description_en.clear();
    reform.name_en.clear();
    doc["r"] = json::parse(reform_to_json(reform), nullptr, false);
  }
  return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool share_is_newer(std::string_view text) {
  const json doc = json::parse(text, nullptr, false);
  if (!doc.is_object()) return false;
  const auto version = doc.find("s");
  return version != doc.end() && version->is_number_integer() && *version > short_version;
}

Parsed<SharedHousehold> parse_share(std::string_view text) {
  Parsed<SharedHousehold> out;
  const auto doc = parse_json_text(text, "a share link", out.errors);
  if (!doc) return out;
  // Not doc->value("schema", ""), which throws (the WebAssembly build aborts) when the schema is not a string.
  const auto field = [&](const char* key) { return doc->is_object() ? doc->find(key) : doc->end(); };
  const bool short_link = field("s") != doc->end() && *field("s") == short_version && field("h") != doc->end();
  const bool long_link =
      field("schema") != doc->end() && *field("schema") == long_schema && field("household") != doc->end();
  if (!short_link && !long_link) {
    // A later version's link: the app that opened it is older, and a reload brings the newer one.
    out.errors.push_back({"/", share_is_newer(text)
                                   ? "expected a share link of version 2 or before; this one was made by a newer "
                                     "version of the program: reload the page to update it"
                                   : "expected a share link made by this program (zengshou.share/1 or 2)"});
    return out;
  }
  if (const auto it = field(short_link ? "r" : "reform"); it != doc->end() && !it->is_null()) {
    auto reform = parse_reform(it->dump(), nullptr);
    for (InputError& e : reform.errors) out.errors.push_back({"/reform" + e.where, std::move(e.expected)});
    out.value.reform = std::move(reform.value);
  }
  json household = short_link ? lengthened(*field("h")) : *field("household");
  if (short_link && household.is_object()) household["schema"] = household_schema;
  auto read = household_from_json(household, "/household");
  for (InputError& e : read.errors) out.errors.push_back(std::move(e));
  out.value.household = std::move(read.value);
  if (!out.ok()) out.value = {};
  return out;
}

}  // namespace zengshou::core
