// Fuzzes the policy loader as a user's file meets it: any bytes as a policy file beside the built-ins give a policy
// or errors, never a crash — with its inherits resolved and its own documents' clauses and quotes checked. A policy
// read writes back to text that reads as the same policy, with the same hash, and resolves for the years it covers.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/policy.h"
#include "fuzz_check.h"

using namespace zengshou::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto set = PolicySet::with_user_files({{"fuzzed.json", text}});
  if (!set.ok()) {
    FUZZ_CHECK(set.value == nullptr);  // nothing partly applied
    return 0;
  }
  FUZZ_CHECK(set.value->user_files().size() == 1);
  const PolicyFile& policy = *set.value->user_files()[0];
  FUZZ_CHECK(policy.first_year <= policy.last_year);
  FUZZ_CHECK(set.value->chain(policy).back()->id == "national");
  const std::string written = write_policy_file(policy);
  const auto again = PolicySet::with_user_files({{"written.json", written}});
  FUZZ_CHECK(again.ok());
  const PolicyFile& reread = *again.value->find(policy.id);
  FUZZ_CHECK(write_policy_file(reread) == written);
  FUZZ_CHECK(again.value->hash(reread) == set.value->hash(policy));
  for (int year = policy.first_year; year <= policy.last_year && year < policy.first_year + 5; ++year)
    FUZZ_CHECK(set.value->resolve(policy, year).year() == year);
  return 0;
}
