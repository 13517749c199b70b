// Fuzzes the policy loader: any bytes as a county's policy file give a policy or errors, never a crash; a policy
// read joins the embedded set and resolves for every year it covers.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "core/embedded_assets.h"
#include "core/policy.h"
#include "fuzz_check.h"

using namespace zengshou::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = parse_policy_file("yunnan/fuzzed", text);
  if (!parsed.ok()) return 0;
  std::vector<std::pair<std::string_view, std::string_view>> files;
  for (const EmbeddedAsset& f : embedded_policy_files()) files.emplace_back(f.name, f.text);
  files.emplace_back("yunnan/fuzzed", text);
  const auto set = PolicySet::from_files(files);
  if (!set.ok()) return 0;  // e.g. an unknown parent: reported, not a crash
  const PolicyFile* policy = set.value->find("yunnan/fuzzed");
  FUZZ_CHECK(policy != nullptr);
  FUZZ_CHECK(policy->first_year <= policy->last_year);
  for (int year = policy->first_year; year <= policy->last_year && year < policy->first_year + 5; ++year)
    FUZZ_CHECK(set.value->resolve(*policy, year).year() == year);
  return 0;
}
