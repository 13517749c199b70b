// Fuzzes the household file parser: any bytes give a household or errors, never a crash; a household read is
// written back to the same household, and evaluating it keeps the income accounts (CONTRACT.md "Result").
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/engine.h"
#include "core/household_json.h"
#include "core/policy.h"
#include "fuzz_check.h"

using namespace zengshou::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto parsed = parse_household(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!parsed.ok()) return 0;
  const std::string written = household_to_json(parsed.value).dump();
  const auto again = parse_household(written);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(household_to_json(again.value).dump() == written);

  const PolicySet& policies = PolicySet::embedded();
  const std::string policy_id = parsed.value.policy.empty() ? "yunnan/changning" : parsed.value.policy;
  if (policies.check(policy_id, parsed.value.year, "/policy")) return 0;
  const Result r = evaluate(parsed.value, policies.resolve(*policies.find(policy_id), parsed.value.year));
  const Income& i = r.income;
  FUZZ_CHECK(i.net == i.wage + i.production - i.production_cost + i.property + i.transfer);
  FUZZ_CHECK(i.cash_received >= i.net);
  return 0;
}
