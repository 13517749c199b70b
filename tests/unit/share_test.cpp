// Share links' content (core/share.h): what a link carries comes back the same, and a bad one is refused whole.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/household_json.h"
#include "core/share.h"
#include "helpers.h"

using namespace zengshou::test;

TEST_CASE("a shared household and reform come back as they were") {
  SharedHousehold shared;
  shared.household = household(Category::tuopin, 2022, {adult(1975, {job(JobKind::public_welfare_post, 12, 800)})},
                               "yunnan/changning");
  shared.household.head = "张三";
  shared.reform.name = "岗位一千元";
  shared.reform.changes.push_back(set("public_welfare_post.monthly=1000"));
  const auto back = parse_share(share_to_json(shared));
  REQUIRE(back.ok());
  CHECK_EQ(household_to_json(back.value.household).dump(), household_to_json(shared.household).dump());
  CHECK_EQ(back.value.reform.name, "岗位一千元");
  CHECK_EQ(reform_to_json(back.value.reform), reform_to_json(shared.reform));
}

TEST_CASE("a bad share link is refused with every problem under /household or /reform") {
  CHECK_EQ(error_line(parse_share("not a share link").errors.at(0)),
           "error: line 1, column 2: expected a share link; the text is not valid JSON");  // "no…" is not null
  CHECK_EQ(error_line(parse_share(R"({"schema":"zengshou.household/1"})").errors.at(0)),
           "error: /: expected a share link made by this program (zengshou.share/1)");
  // Found by the share fuzzer: a second "schema" key holding an object made the check throw (an abort in WebAssembly).
  CHECK_EQ(error_line(parse_share(R"({"schema":"zengshou.share/1","household":{},"schema":{"a":1}})").errors.at(0)),
           "error: /: expected a share link made by this program (zengshou.share/1)");
  const auto bad = parse_share(
      R"({"schema":"zengshou.share/1","household":{"schema":"zengshou.household/1","year":2022,"category":"x",)"
      R"("members":[{"birth_year":1975}]},"reform":{"schema":"zengshou.reform/1","name":"r","changes":{"nope":1}}})");
  REQUIRE_EQ(bad.errors.size(), 2);
  CHECK_EQ(bad.errors[0].where, "/reform/changes/nope");
  CHECK_EQ(bad.errors[1].where, "/household/category");
  CHECK(bad.value.household.members.empty());
}
