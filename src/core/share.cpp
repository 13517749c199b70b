#include "share.h"

#include <nlohmann/json.hpp>

#include "household_json.h"
#include "json_reading.h"

namespace zengshou::core {

using nlohmann::json;

namespace {
constexpr const char* share_schema = "zengshou.share/1";
}  // namespace

std::string share_to_json(const SharedHousehold& shared) {
  const json doc = {{"schema", share_schema},
                    {"household", household_to_json(shared.household)},
                    {"reform", json::parse(reform_to_json(shared.reform), nullptr, false)}};
  return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

Parsed<SharedHousehold> parse_share(std::string_view text) {
  Parsed<SharedHousehold> out;
  const auto doc = parse_json_text(text, "a share link", out.errors);
  if (!doc) return out;
  // Not doc->value("schema", ""), which throws (the WebAssembly build aborts) when the schema is not a string.
  const auto schema = doc->is_object() ? doc->find("schema") : doc->end();
  if (schema == doc->end() || *schema != share_schema || !doc->contains("household")) {
    out.errors.push_back({"/", "expected a share link made by this program (zengshou.share/1)"});
    return out;
  }
  if (const auto it = doc->find("reform"); it != doc->end() && !it->is_null()) {
    auto reform = parse_reform(it->dump(), nullptr);
    for (InputError& e : reform.errors) out.errors.push_back({"/reform" + e.where, std::move(e.expected)});
    out.value.reform = std::move(reform.value);
  }
  auto household = household_from_json((*doc)["household"], "/household");
  for (InputError& e : household.errors) out.errors.push_back(std::move(e));
  out.value.household = std::move(household.value);
  if (!out.ok()) out.value = {};
  return out;
}

}  // namespace zengshou::core
