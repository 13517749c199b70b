// The policy files in assets/policies: every file parses, every value has a source or is marked assumed, and the
// inheritance national → province → county resolves as DOMAIN.md §6 says.
#include <doctest/doctest.h>

#include "core/embedded_assets.h"
#include "core/policy.h"

using namespace zengshou::core;

TEST_CASE("every embedded policy file parses, with a source or an assumption for each value") {
  std::vector<std::pair<std::string_view, std::string_view>> files;
  for (const EmbeddedAsset& f : embedded_policy_files()) files.emplace_back(f.name, f.text);
  const auto set = PolicySet::from_files(files);
  for (const InputError& e : set.errors) FAIL_CHECK(error_line(e));
  REQUIRE(set.ok());
  CHECK_EQ(set.value->files().size(), 8);
  CHECK_EQ(PolicySet::embedded().files().size(), 8);
}
