// A user's policy files (issue 16): read as untrusted input beside the built-ins, written back as the same JSON,
// hashed with their chain, and used by the command line through --policy-file and `policy check`.
#include <doctest/doctest.h>

#include <fstream>   // the example policy, a reform file
#include <iterator>  // istreambuf_iterator
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_run.h"
#include "core/embedded_assets.h"
#include "core/engine.h"
#include "core/household_json.h"
#include "core/policy.h"
#include "core/reform.h"
#include "core/result_json.h"
#include "helpers.h"

using namespace zengshou::core;
using nlohmann::json;

namespace {

using Files = std::vector<std::pair<std::string_view, std::string_view>>;

Files embedded_files() {
  Files files;
  for (const EmbeddedAsset& f : embedded_policy_files()) files.emplace_back(f.name, f.text);
  return files;
}

std::vector<std::string> error_lines(const InputErrors& errors) {
  std::vector<std::string> lines;
  for (const InputError& e : errors) lines.push_back(error_line(e));
  return lines;
}

// A county inheriting from Guizhou with a document of its own, pasted in, whose clause 二(一) a value quotes.
constexpr std::string_view county = R"js({
  "schema": "zengshou.policy/1",
  "id": "guizhou/test-county",
  "name": { "zh": "测试县", "en": "Test county" },
  "inherits": "guizhou",
  "years": [2023, 2024],
  "documents": [
    { "id": "test-county-2023", "title": { "zh": "测试县2023年增收措施", "en": "Test county's 2023 measures" },
      "issuer": "测试县人民政府", "issued": "2023-03-01", "years": [2023, 2024],
      "text": "一、总体要求\n二、主要措施\n(一)公益性岗位补贴每人每月900元。\n(二)其他。\n" }
  ],
  "parameters": {
    "public_welfare_post.monthly": [
      { "from": "2023-01-01", "value": 900,
        "source": { "document": "test-county-2023", "clause": "二(一)", "quote": "每人每月900元" } }
    ]
  }
})js";

}  // namespace

TEST_CASE("every built-in policy writes back as its own text, and reads back to the same results") {
  Files written_files;
  std::vector<std::string> written;
  written.reserve(embedded_policy_files().size());
  for (const EmbeddedAsset& f : embedded_policy_files()) {
    CAPTURE(std::string(f.name));
    const auto parsed = parse_policy_file(f.name, f.text);
    REQUIRE(parsed.ok());
    written.push_back(write_policy_file(parsed.value));
    CHECK_EQ(written.back(), std::string(f.text));
    const auto again = parse_policy_file(f.name, written.back());
    REQUIRE(again.ok());
    CHECK_EQ(write_policy_file(again.value), written.back());
    CHECK_EQ(again.value.parameters.size(), parsed.value.parameters.size());
    written_files.emplace_back(f.name, written.back());
  }
  const auto rebuilt = PolicySet::from_files(written_files);
  REQUIRE(rebuilt.ok());
  const PolicySet& original = PolicySet::embedded();
  int compared = 0;
  for (const EmbeddedAsset& e : embedded_example_files()) {
    const Household h = parse_household(e.text).value;
    for (const PolicyFile* p : original.files()) {
      if (h.year < p->first_year || h.year > p->last_year) continue;
      CAPTURE(std::string(e.name) + " under " + p->id);
      const YearParameters a = original.resolve(*p, h.year);
      const YearParameters b = rebuilt.value->resolve(*rebuilt.value->find(p->id), h.year);
      CHECK_EQ(result_to_json(evaluate(h, a), h, a, Language::zh), result_to_json(evaluate(h, b), h, b, Language::zh));
      CHECK_EQ(a.policy_hash(), b.policy_hash());
      ++compared;
    }
  }
  CHECK_GE(compared, 30);
}

TEST_CASE("a user file with its own document: clauses and verbatim quotes checked, titles shown, written back") {
  const auto set = PolicySet::with_user_files({{"county.json", county}});
  for (const std::string& line : error_lines(set.errors)) FAIL_CHECK(line);
  REQUIRE(set.ok());
  const PolicyFile& f = *set.value->find("guizhou/test-county");
  REQUIRE_EQ(set.value->user_files().size(), 1);
  CHECK_EQ(set.value->user_files()[0], &f);
  CHECK_EQ(set.value->chain(f).size(), 3);  // → guizhou → national
  // 二(一): the post floor of 900 yuan a month, from the county's own text; the rest from Guizhou and national.
  const YearParameters y = set.value->resolve(f, 2023);
  CHECK_EQ(y.money(ParamId::post_monthly_floor), Money::yuan(900));
  CHECK_EQ(y[ParamId::post_monthly_floor].file, &f);
  CHECK_EQ(y.money(ParamId::pension_monthly), Money::yuan(118));  // guizhou's, 2023
  CHECK_EQ(param_source(y[ParamId::post_monthly_floor], Language::zh, y.documents()),
           "《测试县2023年增收措施》二(一)「每人每月900元」");
  // Written and read back: the same file, its document included.
  const std::string text = write_policy_file(f);
  const auto again = PolicySet::with_user_files({{"again.json", text}});
  REQUIRE(again.ok());
  CHECK_EQ(write_policy_file(*again.value->find(f.id)), text);
  CHECK_EQ(again.value->hash(*again.value->find(f.id)), set.value->hash(f));
  CHECK_EQ(again.value->documents().find("test-county-2023")->text, f.documents[0].text);

  SUBCASE("a quote not in the clause, and a clause the text does not have") {
    const auto replaced = [](std::string_view from, std::string_view to) {
      std::string text(county);
      return text.replace(text.rfind(from), from.size(), to);  // the reference's, after the document's text
    };
    const std::string bad = replaced("每人每月900元", "每人每月1000元"), no_clause = replaced("二(一)", "三(一)");
    const auto refused = PolicySet::with_user_files({{"bad.json", bad}, {"clause.json", no_clause}});
    CHECK_FALSE(refused.ok());
    CHECK_EQ(error_lines(refused.errors),
             std::vector<std::string>{
                 "error: bad.json:/parameters/public_welfare_post.monthly/0/source/quote: expected words that occur "
                 "verbatim in test-county-2023 二(一), got \"每人每月1000元\"",
                 "error: clause.json:/parameters/public_welfare_post.monthly/0/source/clause: expected a clause that "
                 "the text of test-county-2023 has, got \"三(一)\""});
  }
}

TEST_CASE("user files: ids taken, parents unknown or in a cycle, and nothing applied when any file is bad") {
  const auto file = [](const std::string& id, const std::string& inherits) {
    return R"({"schema": "zengshou.policy/1", "id": ")" + id + R"(", "name": {"zh": "县", "en": "County"},
      "inherits": ")" +
           inherits + R"(", "years": [2023, 2023], "parameters": {}})";
  };
  const std::string a = file("user/a", "user/b"), b = file("user/b", "user/a"), c = file("guizhou", "national"),
                    d = file("user/d", "nowhere"), good = file("user/good", "guizhou"),
                    twin = file("user/good", "yunnan");
  const auto cycle = PolicySet::with_user_files({{"a.json", a}, {"b.json", b}, {"good.json", good}});
  CHECK_FALSE(cycle.ok());
  CHECK(cycle.value == nullptr);  // the good file is not applied either
  CHECK_EQ(error_lines(cycle.errors),
           std::vector<std::string>{
               "error: a.json:/inherits: expected parents that end at a policy inheriting from none, got a cycle: "
               "user/a → user/b → user/a",
               "error: b.json:/inherits: expected parents that end at a policy inheriting from none, got a cycle: "
               "user/b → user/a → user/b"});
  const auto taken = PolicySet::with_user_files({{"c.json", c}, {"good.json", good}, {"twin.json", twin}});
  CHECK_EQ(error_lines(taken.errors),
           std::vector<std::string>{
               "error: c.json:/id: expected an id no built-in policy has, got \"guizhou\"",
               "error: twin.json:/id: expected an id no other policy file has, got \"user/good\" (as good.json has)"});
  const auto unknown = PolicySet::with_user_files({{"d.json", d}});
  CHECK_EQ(error_lines(unknown.errors), std::vector<std::string>{"error: d.json:/inherits: expected the id of a "
                                                                 "policy to inherit from, got \"nowhere\""});
  // Files may inherit from one another, in any order given.
  const auto chained = PolicySet::with_user_files({{"e.json", file("user/e", "user/good")}, {"good.json", good}});
  REQUIRE(chained.ok());
  CHECK_EQ(chained.value->chain(*chained.value->find("user/e")).size(), 4);
}

TEST_CASE("inheritance resolves at lookup: a built-in's new parameter reaches the user policy under it") {
  // Guizhou as it might be next year: with the job-seeking subsidy, which national leaves unavailable.
  std::string guizhou;
  Files files;
  for (const auto& [name, text] : embedded_files())
    if (name == "guizhou") guizhou = std::string(text);
  guizhou.replace(guizhou.find("\"parameters\": {") + 15, 0, R"(
    "job_seeking_subsidy.available": [ { "from": "2023-01-01", "value": true, "assumed": true, "note": "测试" } ],)");
  for (const auto& [name, text] : embedded_files()) files.emplace_back(name, name == "guizhou" ? guizhou : text);
  const auto grown = PolicySet::from_files(files);
  REQUIRE(grown.ok());
  const std::string_view user = R"({"schema": "zengshou.policy/1", "id": "guizhou/x", "name": {"zh": "县", "en": "X"},
    "inherits": "guizhou", "years": [2023, 2023], "parameters": {}})";
  const auto before = PolicySet::with_user_files({{"x.json", user}});
  const auto after = PolicySet::with_user_files({{"x.json", user}}, *grown.value);
  REQUIRE(before.ok());
  REQUIRE(after.ok());
  const PolicyFile& x_before = *before.value->find("guizhou/x");
  const PolicyFile& x_after = *after.value->find("guizhou/x");
  CHECK_FALSE(before.value->resolve(x_before, 2023).flag(ParamId::job_seeking_subsidy_available));
  CHECK(after.value->resolve(x_after, 2023).flag(ParamId::job_seeking_subsidy_available));
  CHECK_EQ(after.value->resolve(x_after, 2023)[ParamId::job_seeking_subsidy_available].file->id, "guizhou");
  // The same file under a changed parent is a different policy: its hash says so.
  CHECK_NE(before.value->hash(x_before), after.value->hash(x_after));
  CHECK_EQ(before.value->hash(x_before).size(), 16);
}

TEST_CASE("CLI: Qingzhen's travel subsidy (assets/user-policies/qingzhen.json) through --policy-file") {
  // Two people, 2023: one works 10 months out of the province at 4000 yuan; last year's per-capita net 9000 yuan.
  const std::string household = R"({ "schema": "zengshou.household/1", "id": "QZ-1", "policy": "guizhou/qingzhen",
    "year": 2023, "category": "tuopin", "last_year_per_capita_net": 9000, "members": [
      { "name": "甲", "birth_year": 1983, "jobs": [ { "kind": "out_of_province", "months": 10, "monthly_wage": 4000 } ] },
      { "name": "乙", "birth_year": 1985 } ] })";
  const auto r = zengshou::test::run_cli("eval --policy-file user-policies/qingzhen.json -", household);
  REQUIRE_EQ(r.status, 0);
  const json result = json::parse(r.out);
  CHECK_EQ(result["policy"], "guizhou/qingzhen");
  CHECK_EQ(result["policy_hash"].get<std::string>().size(), 16);
  // Wage 10 × 4000 = 40000, the only income counted: net 40000, 20000 a person. 9000 < 10000, so the travel
  // subsidy is Qingzhen's lower-income 1000 yuan, paid but not counted in net income: cash 41000.
  CHECK_EQ(result["income"]["wage"], 40000);
  CHECK_EQ(result["income"]["net"], 40000);
  CHECK_EQ(result["income"]["per_capita_net"], 20000);
  CHECK_EQ(result["income"]["cash_received"], 41000);
  for (const json& p : result["programmes"])
    if (p["id"] == "cross_province_transport") {
      CHECK_EQ(p["amount"], 1000);
      CHECK_EQ(p["source"], "清镇市2023年跨省务工一次性交通补贴标准");
    }
  // Under Guizhou, whose policy has no such subsidy, the cash is the wage alone.
  const auto guizhou =
      zengshou::test::run_cli("eval --policy guizhou --policy-file user-policies/qingzhen.json -", household);
  CHECK_EQ(json::parse(guizhou.out)["income"]["cash_received"], 40000);
  // Without the file the household's policy is unknown; --policy may name the user's policy too.
  const auto without = zengshou::test::run_cli("eval -", household);
  CHECK_EQ(without.status, 2);
  CHECK(without.err.starts_with("error: /policy: expected a known policy id"));
  const auto named = zengshou::test::run_cli(
      "explain --policy guizhou/qingzhen --policy-file user-policies/qingzhen.json examples/ceheng-dibao.json");
  CHECK_EQ(named.status, 0);
  CHECK_NE(named.out.find("(guizhou/qingzhen, 校验码 " + result["policy_hash"].get<std::string>() + ")"),
           std::string::npos);
  const auto simulate = zengshou::test::run_cli(
      "simulate --policy guizhou/qingzhen --policy-file user-policies/qingzhen.json --households 50 --seed 1");
  CHECK_EQ(simulate.status, 0);
}

TEST_CASE("CLI: policy check prints ok and each value against the parent's, or the problems") {
  const auto r = zengshou::test::run_cli("policy check user-policies/qingzhen.json");
  CHECK_EQ(r.status, 0);
  const std::string source = "; source: 清镇市2023年跨省务工一次性交通补贴标准\n";
  CHECK_EQ(r.out.substr(r.out.find('\n') + 1),
           "cross_province_transport.available from 2023-01-01: false → true" + source +
               "cross_province_transport.amount from 2023-01-01: 500 → 500" + source +
               "cross_province_transport.amount_low_income from 2023-01-01: 1000 → 1000" + source +
               "cross_province_transport.low_income_below from 2023-01-01: 10000 → 10000" + source +
               "cross_province_transport.categories from 2023-01-01: tuopin,monitor_unstable,monitor_marginal,"
               "monitor_sudden → tuopin,monitor_unstable,monitor_marginal,monitor_sudden; assumed: "
               "本工具没有这份文件的全文,补贴对象未核实:按脱贫人口(含监测帮扶对象)假设;参照"
               "清镇市2023年跨省务工一次性交通补贴标准\n");
  CHECK(
      r.out.starts_with("ok guizhou/qingzhen (清镇市跨省务工一次性交通补贴(用户政策示例)), inherits guizhou, "
                        "years 2023–2023, policy_hash "));
  const auto missing = zengshou::test::run_cli("policy check no-such-file.json");
  CHECK_EQ(missing.status, 2);
  CHECK_EQ(missing.err, "error: no-such-file.json: expected a readable policy file\n");
}

TEST_CASE("a reform kept as a county policy (另存为本县政策): its changes from 1 January of the year, assumed") {
  // Prepared scenario 1 on Changning: 公益性岗位 800 → 1000 yuan a month (000 三(一)4 says 不低于800).
  const Reform& reform = prepared_scenarios().front();
  REQUIRE_EQ(reform.policy, "yunnan/changning");
  const PolicyFile& base = *PolicySet::embedded().find("yunnan/changning");
  PolicyFile mine;
  mine.id = "yunnan/changning-mine";
  mine.name_zh = "昌宁县(本县修改)";
  mine.name_en = "Changning (changed here)";
  mine.province = base.province;
  mine.inherits = base.id;
  mine.first_year = base.first_year;
  mine.last_year = base.last_year;
  mine = policy_with_reform(std::move(mine), reform, 2022);
  const auto& entries = mine.parameters.at(ParamId::post_monthly_floor);
  REQUIRE_EQ(entries.size(), 1u);
  CHECK_EQ(entries[0].from, 20220101);
  CHECK(entries[0].assumed);
  CHECK_FALSE(entries[0].cited.has_value());

  // Written and read back as her file, beside the built-ins: a post worked 12 months pays 12 × 1000.
  const std::string text = write_policy_file(mine);
  const auto set = PolicySet::with_user_files({{"mine.json", text}});
  REQUIRE_MESSAGE(set.ok(), (set.errors.empty() ? "" : error_line(set.errors.front())));
  Household h = zengshou::test::household(
      Category::tuopin, 2022,
      {zengshou::test::adult(1980, {zengshou::test::job(JobKind::public_welfare_post, 12, 0)})});
  const PolicySet& policies = *set.value;
  const Result under_mine = evaluate(h, policies.resolve(*policies.find("yunnan/changning-mine"), 2022));
  const Result under_base = evaluate(h, policies.resolve(base, 2022));
  CHECK_EQ(under_mine.programme(ProgrammeId::public_welfare_post).amount, Money::yuan(12000));
  CHECK_EQ(under_base.programme(ProgrammeId::public_welfare_post).amount, Money::yuan(9600));

  SUBCASE("saved again over her policy, a later change replaces the value of the same date") {
    Reform more;
    more.set(ParamId::post_monthly_floor, Money::yuan(1100).fen());
    const PolicyFile again = policy_with_reform(mine, more, 2022);
    REQUIRE_EQ(again.parameters.at(ParamId::post_monthly_floor).size(), 1u);
    CHECK_EQ(again.parameters.at(ParamId::post_monthly_floor)[0].value, Money::yuan(1100).fen());
  }
}

TEST_CASE("her policy as a reform of its base: the values it changes in that year, and the base under it gives hers") {
  std::ifstream in(std::string(ZENGSHOU_ASSETS) + "/user-policies/qingzhen.json");
  const std::string qingzhen((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto set = PolicySet::with_user_files({{"qingzhen.json", qingzhen}});
  REQUIRE(set.ok());
  const PolicyFile& mine = *set.value->find("guizhou/qingzhen");
  const Reform r = reform_from_policy(*set.value, mine, 2023);
  CHECK_EQ(r.policy, "guizhou");
  CHECK_EQ(r.name, mine.name_zh);
  // What the Qingzhen file sets for 2023 and Guizhou does not have, or has otherwise.
  std::vector<std::string> changed;
  for (const ParamOverride& c : r.changes) changed.emplace_back(info(c.id).name);
  std::vector<std::string> expected;
  for (const ChangeFromParent& c : changes_from_parent(*set.value, mine))
    if (c.parent != c.entry->value) expected.emplace_back(info(c.id).name);
  CHECK_EQ(changed, expected);
  CHECK_FALSE(changed.empty());
  const YearParameters base = set.value->resolve(*set.value->find("guizhou"), 2023, r.changes);
  const YearParameters hers = set.value->resolve(mine, 2023);
  for (size_t i = 0; i < param_count; ++i)
    CHECK_EQ(base[static_cast<ParamId>(i)].value, hers[static_cast<ParamId>(i)].value);
}

TEST_CASE("a reform made on her policy reads back: in the app's set, in a stored session, through --policy-file") {
  const std::string text = R"({"schema": "zengshou.reform/1", "name": "试", "policy": "guizhou/qingzhen",
    "changes": {"public_welfare_post.monthly": 1000}})";
  CHECK_FALSE(parse_reform(text).ok());  // the built-ins alone do not know it
  std::ifstream in(std::string(ZENGSHOU_ASSETS) + "/user-policies/qingzhen.json");
  const std::string qingzhen((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto set = PolicySet::with_user_files({{"qingzhen.json", qingzhen}});
  REQUIRE(set.ok());
  CHECK(parse_reform(text, set.value.get()).ok());
  CHECK(parse_reform(text, nullptr).ok());  // what the program stored itself is read before her policies are
  const std::string dir = ZENGSHOU_TEST_TMP;
  std::ofstream(dir + "/reform-mine.json") << text;
  const auto run = zengshou::test::run_cli(
      "simulate --policy guizhou/qingzhen --policy-file user-policies/qingzhen.json "
      "--households 3 --seed 1 --year 2023 --reform " +
      dir + "/reform-mine.json");
  CHECK_EQ(run.err, "");
  CHECK_EQ(run.status, 0);
}

TEST_CASE("policies, documents and document take --policy-file: hers listed (user: true), her documents readable") {
  const auto policies =
      zengshou::test::run_cli("policies --policy-file ../tests/bad-input/ok-policy-own-document.json");
  REQUIRE_EQ(policies.status, 0);
  const json list = json::parse(policies.out);
  CHECK_EQ(list.size(), PolicySet::embedded().files().size() + 1);
  bool mine = false;
  for (const json& p : list)
    if (p["id"] == "guizhou/test-ok") mine = p.value("user", false);
  CHECK(mine);
  const auto documents =
      zengshou::test::run_cli("documents --policy-file ../tests/bad-input/ok-policy-own-document.json");
  CHECK_NE(documents.out.find("\"test-2023-cuoshi\""), std::string::npos);
  const auto document =
      zengshou::test::run_cli("document test-2023-cuoshi --policy-file ../tests/bad-input/ok-policy-own-document.json");
  CHECK_EQ(document.status, 0);
  CHECK_NE(document.out.find("guizhou/test-ok"), std::string::npos);         // cited by her policy
  CHECK_EQ(zengshou::test::run_cli("document test-2023-cuoshi").status, 2);  // not without her file
}
