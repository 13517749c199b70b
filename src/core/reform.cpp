#include "reform.h"

#include <algorithm>  // find_if

#include <nlohmann/json.hpp>

#include "embedded_assets.h"
#include "json_reading.h"
#include "param_json.h"

namespace zengshou::core {

using nlohmann::json;

const ParamOverride* Reform::find(ParamId id) const {
  const auto it = std::find_if(changes.begin(), changes.end(), [id](const ParamOverride& c) { return c.id == id; });
  return it == changes.end() ? nullptr : &*it;
}

void Reform::set(ParamId id, std::optional<int64_t> value) {
  for (ParamOverride& c : changes) {
    if (c.id == id) {
      c.value = value;
      return;
    }
  }
  changes.push_back({id, value});
}

void Reform::remove(ParamId id) {
  std::erase_if(changes, [id](const ParamOverride& c) { return c.id == id; });
}

Parsed<Reform> parse_reform(std::string_view text, const PolicySet* policies) {
  Parsed<Reform> out;
  const auto doc = parse_json_text(text, "a JSON reform file (zengshou.reform/1)", out.errors);
  if (!doc) return out;
  JsonReader r(out.errors);
  Reform& reform = out.value;
  const std::string schema = r.string_field(*doc, "", "schema", true);
  if (doc->is_object() && doc->contains("schema") && schema != reform_schema)
    r.error("/schema", "expected \"" + std::string(reform_schema) + "\", got " + describe((*doc)["schema"]));
  reform.name = r.string_field(*doc, "", "name", true);
  reform.description = r.string_field(*doc, "", "description", false);
  reform.name_en = r.string_field(*doc, "", "name_en", false);
  reform.description_en = r.string_field(*doc, "", "description_en", false);
  reform.policy = r.string_field(*doc, "", "policy", false);
  if (doc->is_object() && doc->contains("year")) reform.year = r.int_field(*doc, "", "year", false, 1900, 2100);
  reform.household = r.string_field(*doc, "", "household", false);
  if (!reform.policy.empty() && policies != nullptr && policies->find(reform.policy) == nullptr)
    r.error("/policy", "expected a known policy id, got \"" + reform.policy + "\"");
  const json* changes = r.object_field(*doc, "", "changes", true);
  if (changes != nullptr) {
    for (const auto& [name, value] : changes->items()) {
      const std::string where = "/changes/" + json_pointer_escape(name);
      const auto id = param_from_name(name);
      if (!id) {
        r.error(where, "expected a known parameter name (see the policy files)");
        continue;
      }
      std::optional<int64_t> parsed;
      if (!value.is_null()) {
        parsed = param_value_from_json(value, info(*id).unit);
        if (!parsed) {
          r.error(where, "expected " + unit_expectation(info(*id).unit) + " or null, got " + describe(value));
          continue;
        }
      }
      reform.set(*id, parsed);
    }
  }
  if (!out.ok()) out.value = Reform{};
  return out;
}

std::string reform_to_json(const Reform& reform) {
  // ordered_json keeps the changes in the order they were made, which is how a trainer reads them
  nlohmann::ordered_json doc;
  doc["schema"] = reform_schema;
  doc["name"] = reform.name;
  if (!reform.description.empty()) doc["description"] = reform.description;
  if (!reform.name_en.empty()) doc["name_en"] = reform.name_en;
  if (!reform.description_en.empty()) doc["description_en"] = reform.description_en;
  if (!reform.policy.empty()) doc["policy"] = reform.policy;
  if (reform.year) doc["year"] = *reform.year;
  if (!reform.household.empty()) doc["household"] = reform.household;
  doc["changes"] = nlohmann::ordered_json::object();
  for (const ParamOverride& c : reform.changes)
    doc["changes"][std::string(info(c.id).name)] = c.value ? param_value_to_json(c.id, *c.value) : json(nullptr);
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

const std::vector<Reform>& prepared_scenarios() {
  static const std::vector<Reform> scenarios = [] {
    std::vector<Reform> out;
    // The files are checked by the unit tests; one that does not parse is left out rather than stopping the app.
    for (const EmbeddedAsset& f : embedded_reform_files())
      if (auto parsed = parse_reform(f.text); parsed.ok()) out.push_back(std::move(parsed.value));
    return out;
  }();
  return scenarios;
}

std::vector<ParamChange> reform_diff(const Reform& reform, const YearParameters& baseline) {
  std::vector<ParamChange> out;
  for (const ParamOverride& c : reform.changes) {
    const std::optional<int64_t> before = baseline[c.id].value;
    if (before != c.value) out.push_back({c.id, before, c.value});
  }
  return out;
}

PolicyFile policy_with_reform(PolicyFile policy, const Reform& reform, int year) {
  const int from = year * 10000 + 101;
  for (const ParamOverride& change : reform.changes) {
    ParamEntry entry;
    entry.from = from;
    entry.value = change.value;
    entry.assumed = true;
    entry.note = "本县自定,在政策模拟中设定;出处待注明";
    std::vector<ParamEntry>& entries = policy.parameters[change.id];
    const auto at = std::find_if(entries.begin(), entries.end(), [&](const ParamEntry& e) { return e.from >= from; });
    if (at != entries.end() && at->from == from)
      *at = std::move(entry);
    else
      entries.insert(at, std::move(entry));
  }
  return policy;
}

Reform reform_from_policy(const PolicySet& set, const PolicyFile& policy, int year) {
  Reform r;
  r.name = policy.name_zh;
  r.name_en = policy.name_en;
  r.policy = policy.inherits;
  r.year = year;
  const PolicyFile* parent = set.find(policy.inherits);
  if (parent == nullptr) return r;
  const YearParameters base = set.resolve(*parent, year);
  const YearParameters hers = set.resolve(policy, year);
  for (size_t i = 0; i < param_count; ++i) {
    const auto id = static_cast<ParamId>(i);
    if (base[id].value != hers[id].value) r.set(id, hers[id].value);
  }
  return r;
}

}  // namespace zengshou::core
