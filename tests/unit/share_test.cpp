// Share links' content (core/share.h): what a link carries comes back the same, and a bad one is refused whole.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/embedded_assets.h"
#include "core/household_json.h"
#include "core/share.h"
#include "core/synthetic.h"
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
           "error: /: expected a share link made by this program (zengshou.share/1 or 2)");
  // Found by the share fuzzer: a second "schema" key holding an object made the check throw (an abort in WebAssembly).
  CHECK_EQ(error_line(parse_share(R"({"schema":"zengshou.share/1","household":{},"schema":{"a":1}})").errors.at(0)),
           "error: /: expected a share link made by this program (zengshou.share/1 or 2)");
  const auto bad = parse_share(
      R"({"schema":"zengshou.share/1","household":{"schema":"zengshou.household/1","year":2022,"category":"x",)"
      R"("members":[{"birth_year":1975}]},"reform":{"schema":"zengshou.reform/1","name":"r","changes":{"nope":1}}})");
  REQUIRE_EQ(bad.errors.size(), 2);
  CHECK_EQ(bad.errors[0].where, "/reform/changes/nope");
  CHECK_EQ(bad.errors[1].where, "/household/category");
  CHECK(bad.value.household.members.empty());
}

TEST_CASE("a share link is short: defaults left out, keys in one or two characters") {
  // The issue's complaint was an 815-character link; the household file itself is what /1 carried.
  SharedHousehold shared;
  shared.household = household(Category::tuopin, 2022, {adult(1975, {job(JobKind::public_welfare_post, 12, 800)})},
                               "yunnan/changning");
  const std::string text = share_to_json(shared);
  // id a ("T", the helper's), head and village "": left out; policy d, year e, category f, members j; a member's
  // name u, birth_year v, labor w ("full"), jobs z with kind D, months E, monthly_wage F; no reform, so no "r".
  CHECK_EQ(text, R"({"h":{"a":"T","d":"yunnan/changning","e":2022,"f":"tuopin","j":[{"u":"成员","v":1975,"w":"full",)"
                 R"("z":[{"D":"public_welfare_post","E":12,"F":800}]}]},"s":2})");
  CHECK_LT(text.size(), household_to_json(shared.household).dump().size() / 3);
}

TEST_CASE("a short link written by hand opens as the household it describes") {
  // Codes as the table gives them: a id, b head, e year, f category, j members, n last year's income, q expenses,
  // u name, v birth_year; medical, the 57th key, is past the 52 letters: a0 … a4.
  const auto back = parse_share(
      R"({"s":2,"h":{"a":"WX-1","b":"和建华","e":2023,"f":"monitor_marginal","j":[{"u":"和建华","v":1968}],)"
      R"("n":0,"q":{"a4":1500}},"r":{"schema":"zengshou.reform/1","name":"r","changes":{}}})");
  REQUIRE(back.ok());
  const Household& h = back.value.household;
  CHECK_EQ(h.id, "WX-1");
  CHECK_EQ(h.head, "和建华");
  CHECK_EQ(h.year, 2023);
  CHECK_EQ(h.category, Category::monitor_marginal);
  REQUIRE_EQ(h.members.size(), 1);
  CHECK_EQ(h.members[0].birth_year, 1968);
  CHECK_EQ(h.members[0].labor, Labor::full);  // left out: the default
  REQUIRE(h.last_year_per_capita_net.has_value());
  CHECK_EQ(*h.last_year_per_capita_net, Money::yuan(0));  // 0 kept: an income of nothing, not an unknown one
  CHECK_EQ(h.expenses.medical, Money::yuan(1500));
  CHECK_EQ(back.value.reform.name, "r");
}

TEST_CASE("a link made before the short ones (zengshou.share/1) still opens") {
  const auto back = parse_share(
      R"({"schema":"zengshou.share/1","household":{"schema":"zengshou.household/1","year":2022,"category":"tuopin",)"
      R"("members":[{"birth_year":1975,"jobs":[{"kind":"local","months":0,"monthly_wage":0}]}]},"reform":null})");
  REQUIRE(back.ok());
  CHECK_EQ(back.value.household.members.at(0).jobs.at(0).months, 0);
}

TEST_CASE("every example and 2000 generated households come back from a short link exactly") {
  std::vector<Household> households = synthetic_households(7, 2000, "yunnan/changning", 2023);
  for (const EmbeddedAsset& e : embedded_example_files()) households.push_back(parse_household(e.text).value);
  // Zeros that are not defaults: a job of 0 months at 0 yuan, and last year's income of 0.
  Household zeros = household(Category::general, 2022, {adult(1980, {job(JobKind::local, 0, 0)})});
  zeros.last_year_per_capita_net = Money();
  households.push_back(zeros);
  for (const Household& h : households) {
    const auto back = parse_share(share_to_json({h, {}}));
    REQUIRE(back.ok());
    CHECK_EQ(household_to_json(back.value.household).dump(), household_to_json(h).dump());
  }
}

TEST_CASE("a malformed short link is refused at its place, in the household file's terms, and never throws") {
  // "s" as text, no "h", "h" a list: not a link this program made.
  for (const char* text : {R"({"s":"2","h":{}})", R"({"s":2})", R"({"s":2.5,"h":{}})"})
    CHECK_EQ(error_line(parse_share(text).errors.at(0)),
             "error: /: expected a share link made by this program (zengshou.share/1 or 2)");
  CHECK_EQ(error_line(parse_share(R"({"s":2,"h":[]})").errors.at(0)),
           "error: /household: expected a household object, got an array");
  // A code holding the wrong type: its problem named by the full key (v is birth_year, E a job's months).
  const auto bad =
      parse_share(R"({"s":2,"h":{"e":2022,"f":"tuopin","j":[{"v":"1975","z":[{"D":"local","E":true,"F":0}]}]}})");
  REQUIRE_EQ(bad.errors.size(), 2);
  CHECK_EQ(bad.errors[0].where, "/household/members/0/birth_year");
  CHECK_EQ(bad.errors[1].where, "/household/members/0/jobs/0/months");
  CHECK_FALSE(share_is_newer(R"({"s":2,"h":{}})"));
}

TEST_CASE("a later version's link says to reload, and is known as one to keep for the updated program") {
  const std::string later = R"({"s":3,"x":"whatever a later version writes"})";
  CHECK(share_is_newer(later));
  CHECK_EQ(error_line(parse_share(later).errors.at(0)),
           "error: /: expected a share link of version 2 or before; this one was made by a newer version of the "
           "program: reload the page to update it");
  CHECK_FALSE(share_is_newer("not json"));
  CHECK_FALSE(share_is_newer(R"([3])"));
}

TEST_CASE("a reform goes into a link by what it changes, without its descriptions") {
  SharedHousehold shared;
  shared.household = household(Category::tuopin, 2022, {adult(1975)}, "yunnan/changning");
  shared.reform.name = "岗位一千元";
  shared.reform.name_en = "A 1000 post";
  shared.reform.description = std::string(300, 'x');
  shared.reform.changes.push_back(set("public_welfare_post.monthly=1000"));
  const std::string text = share_to_json(shared);
  CHECK_EQ(text.find("xxx"), std::string::npos);
  CHECK_EQ(text.find("A 1000 post"), std::string::npos);
  const auto back = parse_share(text);
  REQUIRE(back.ok());
  CHECK_EQ(back.value.reform.name, "岗位一千元");
  CHECK(back.value.reform.changes == shared.reform.changes);
}
