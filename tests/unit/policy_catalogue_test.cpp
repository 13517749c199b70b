// The embedded policy catalogue lists every policy file with its years.
#include <doctest/doctest.h>

#include <algorithm>  // find_if

#include "core/policy_catalogue.h"

using zengshou::core::policy_summaries;

TEST_CASE("the catalogue holds the five seed policies (CONTRACT.md Commands) and the national and provincial bases") {
  const auto& list = policy_summaries();
  CHECK_EQ(list.size(), 8);
  for (const char* id : {"national", "yunnan", "guizhou", "yunnan/changning", "yunnan/weixi", "yunnan/qujing",
                         "guizhou/ceheng", "template/county"}) {
    CAPTURE(id);
    CHECK(std::find_if(list.begin(), list.end(), [&](const auto& p) { return p.id == id; }) != list.end());
  }
}

TEST_CASE("Ceheng's plan covers 2022-2024 (003 二)") {
  const auto& list = policy_summaries();
  const auto ceheng = std::find_if(list.begin(), list.end(), [](const auto& p) { return p.id == "guizhou/ceheng"; });
  REQUIRE(ceheng != list.end());
  CHECK_EQ(ceheng->province, "guizhou");
  CHECK_EQ(ceheng->first_year, 2022);
  CHECK_EQ(ceheng->last_year, 2024);
}
