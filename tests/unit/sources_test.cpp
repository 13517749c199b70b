// Sources as references (issue 15, item 2): a parameter's source names a document, a clause and the quoted words;
// loading checks each against the document's text, and no repository file name reaches a user.
#include <doctest/doctest.h>

#include "app/strings.h"
#include "cli_run.h"
#include "core/embedded_assets.h"
#include "core/policy.h"

#include <nlohmann/json.hpp>

#include <algorithm>  // find, min
#include <regex>      // the scan for file names and hashes
#include <set>        // cited documents

using namespace zengshou::core;
using zengshou::test::run_cli;

namespace {

// A one-parameter policy file whose source (or leans_on) is `reference`.
std::string policy_citing(const std::string& reference, const char* key = "source") {
  return R"({"schema": "zengshou.policy/1", "id": "t", "name": {"zh": "测", "en": "t"}, "years": [2022, 2022],
    "parameters": {"rain_dew.amount": [{"from": "2022-01-01", "value": 3000, "assumed": true, ")" +
         std::string(key) + R"(": )" + reference + "}]}}";
}

std::vector<std::string> error_places(const std::string& text) {
  std::vector<std::string> out;
  for (const InputError& e : PolicySet::from_files({{"t", text}}).errors) out.push_back(e.where);
  return out;
}

}  // namespace

TEST_CASE("a good reference renders as 《title》clause「quote」 (000 三(三)21)") {
  const auto parsed =
      parse_policy_file("t", policy_citing(R"({"document": "changning-2022-zengshou-yaodian", "clause": "三(三)21",
                             "quote": "中高职职业院校3000元/生/年"})"));
  REQUIRE(parsed.ok());
  const ParamEntry& e = parsed.value.parameters.at(ParamId::rain_dew_amount)[0];
  REQUIRE(e.cited.has_value());
  CHECK_EQ(reference_text(*e.cited), "《昌宁县2022年脱贫人口持续增收工作要点》三(三)21「中高职职业院校3000元/生/年」");
  CHECK_EQ(e.cited->clause, "三(三)21");
  SUBCASE("in English the title is the document's English title; the quote stays in the document's words") {
    CHECK_EQ(reference_text(*e.cited, Language::en),
             "《Changning county: key tasks for keeping incomes of people lifted out of poverty rising, 2022》"
             "三(三)21「中高职职业院校3000元/生/年」");
  }
  SUBCASE("where space is short the title is cut to its first characters and …") {
    CHECK_EQ(reference_text(*e.cited, Language::zh, 7), "《昌宁县2022…》三(三)21「中高职职业院校3000元/生/年」");
    CHECK_EQ(reference_text(*e.cited, Language::zh, 200),
             "《昌宁县2022年脱贫人口持续增收工作要点》三(三)21「中高职职业院校3000元/生/年」");
  }
}

TEST_CASE("a document without text is cited by title and 文号, its clause unchecked") {
  const auto parsed = parse_policy_file("t", policy_citing(R"({"document": "guofa-2014-8"})"));
  REQUIRE(parsed.ok());
  CHECK_EQ(reference_text(*parsed.value.parameters.at(ParamId::rain_dew_amount)[0].cited),
           "《国务院关于建立统一的城乡居民基本养老保险制度的意见》(国发〔2014〕8号)");
}

TEST_CASE("an assumption's leans_on is checked the same way and named in its note") {
  const auto parsed =
      parse_policy_file("t", policy_citing(R"({"document": "ceheng-2022-2024-jumin-zengshou", "clause": "附件2 三.23",
                             "quote": "每人每天40元"})",
                                           "leans_on"));
  REQUIRE(parsed.ok());
  CHECK_EQ(assumption_text(parsed.value.parameters.at(ParamId::rain_dew_amount)[0]),
           "参照《册亨县促进居民增收三年行动方案(2022-2024)》附件2 三.23「每人每天40元」");
  CHECK_EQ(error_places(policy_citing(R"({"document": "no-such"})", "leans_on")),
           std::vector<std::string>{"t.json/parameters/rain_dew.amount/0/leans_on/document"});
}

TEST_CASE("a wrong reference is a load error at its place: policy file, parameter, entry") {
  SUBCASE("an unknown document") {
    CHECK_EQ(error_places(policy_citing(R"({"document": "000_824a151a1583fd19.txt"})")),
             std::vector<std::string>{"t.json/parameters/rain_dew.amount/0/source/document"});
  }
  SUBCASE("a clause the text does not have: 000 has no 三(四)") {
    CHECK_EQ(error_places(policy_citing(R"({"document": "changning-2022-zengshou-yaodian", "clause": "三(四)21",
                                            "quote": "3000元"})")),
             std::vector<std::string>{"t.json/parameters/rain_dew.amount/0/source/clause"});
  }
  SUBCASE("a quote not verbatim: the text says 3000元/生/年, not 每生每年3000元") {
    CHECK_EQ(error_places(policy_citing(R"({"document": "changning-2022-zengshou-yaodian", "clause": "三(三)21",
                                            "quote": "每生每年3000元"})")),
             std::vector<std::string>{"t.json/parameters/rain_dew.amount/0/source/quote"});
  }
  SUBCASE("a quote that is in the text but under another clause: 跨省务工 is 三(三)23, not 21") {
    CHECK_EQ(error_places(policy_citing(R"({"document": "changning-2022-zengshou-yaodian", "clause": "三(三)21",
                                            "quote": "跨省务工一次性交通补贴"})")),
             std::vector<std::string>{"t.json/parameters/rain_dew.amount/0/source/quote"});
  }
  SUBCASE("free text instead of a reference") {
    CHECK_EQ(error_places(policy_citing(R"("000 三(三)21")")),
             std::vector<std::string>{"t.json/parameters/rain_dew.amount/0/source"});
  }
}

TEST_CASE("clauses are found by their headings: 三、 (三) 21.; 附件2 三、 24.; 二、 (四) 三是") {
  std::string text = "前言\n一、甲\n(一)乙\n1. 丙\n2. 丁\n(二)戊\n1. 己\n二、庚\n三是辛\n附件2\n一、壬\n";
  const auto slice = [&](std::string_view clause) {
    const auto r = find_clause(text, clause);
    return r ? text.substr(r->first, r->second - r->first) : std::string("(none)");
  };
  CHECK_EQ(slice("一(一)1"), "1. 丙\n");
  CHECK_EQ(slice("一(二)1"), "1. 己\n");
  CHECK_EQ(slice("一(一)"), "(一)乙\n1. 丙\n2. 丁\n");
  CHECK_EQ(slice("前言"), "前言\n");
  CHECK_EQ(slice("附件2 一"), "一、壬\n");
  CHECK_EQ(slice("一(三)"), "(none)");
  CHECK_EQ(slice("一(一)99999999999"), "(none)");  // not a number a clause has
  CHECK_EQ(slice("第十五条"), "(none)");
}

TEST_CASE("clauses in a pasted document's full-width parentheses: （一） found for 二(一) and for 二（一）") {
  // As county sites print them; the built-in texts were typed with half-width ones.
  std::string text = "一、甲\n二、乙\n（一）丙。\n（二）丁。\n(三)戊。\n三、己\n";
  const auto slice = [&](std::string_view clause) {
    const auto r = find_clause(text, clause);
    return r ? text.substr(r->first, r->second - r->first) : std::string("(none)");
  };
  CHECK_EQ(slice("二(一)"), "（一）丙。\n");
  CHECK_EQ(slice("二（一）"), "（一）丙。\n");
  CHECK_EQ(slice("二(二)"), "（二）丁。\n");  // up to the next, whichever width it has
  CHECK_EQ(slice("二(三)"), "(三)戊。\n");
  CHECK_EQ(slice("二（一"), "(none)");
}

TEST_CASE(
    "clauses: 二(四)三 is the sentence 三是… within a line, up to 四是 (001 二(四) 工作措施 runs its 是 in one line)") {
  std::string text = "二、甲\n(四)乙\n一是丙。二是丁,三是不是句首。三是戊。四是己。\n(五)庚\n";
  const auto slice = [&](std::string_view clause) {
    const auto r = find_clause(text, clause);
    return r ? text.substr(r->first, r->second - r->first) : std::string("(none)");
  };
  CHECK_EQ(slice("二(四)三"), "三是戊。");
  CHECK_EQ(slice("二(四)一"), "一是丙。");
  CHECK_EQ(slice("二(四)二"), "二是丁,三是不是句首。");  // 三是 mid-sentence is no heading
  CHECK_EQ(slice("二(四)四"), "四是己。\n");
  CHECK_EQ(slice("二、"), "(none)");
  // After a semicolon too (001 二(二): "…纳入现行社保体系;三是退出环节").
  text = "二、甲\n(二)乙\n一是丙。二是丁;三是戊；四是己\n";
  CHECK_EQ(slice("二(二)三"), "三是戊；");
  CHECK_EQ(slice("二(二)四"), "四是己\n");
}

namespace {

// A repository file name ("000_824a151a1583fd19.txt"), a spec file name or a hash.
const std::regex leak(R"(\.txt|\.md|NATIONAL|DOMAIN|[0-9a-f]{16})");

void check_no_leak(const std::string& command) {
  CAPTURE(command);
  auto run = run_cli(command);
  CHECK_EQ(run.status, 0);
  // The one hash meant for users: a policy's own (policy_hash, and 校验码 in the report), to trace a result to it.
  for (const PolicyFile* f : PolicySet::embedded().files())
    for (size_t at = run.out.find(PolicySet::embedded().hash(*f)); at != std::string::npos;
         at = run.out.find(PolicySet::embedded().hash(*f)))
      run.out.erase(at, 16);
  std::smatch m;
  if (std::regex_search(run.out, m, leak)) FAIL_CHECK("found \"" << m.str() << "\" in the output");
}

}  // namespace

TEST_CASE("no repository file name, spec name or hash reaches a user: eval, explain and project over every example") {
  for (const EmbeddedAsset& f : embedded_example_files()) {
    const std::string file = "examples/" + std::string(f.name) + ".json";
    for (const std::string command : {"eval", "eval --lang en", "explain", "explain --lang en", "project --years 3"})
      check_no_leak(command + " " + file);
  }
}

TEST_CASE(
    "nor in policies, documents, each document, batch over the roster, or a simulated village under each county's "
    "policy") {
  check_no_leak("policies");
  check_no_leak("documents");
  for (const Document* d : DocumentSet::embedded().documents()) check_no_leak("document " + d->id);
  check_no_leak("batch examples/roster.csv");
  for (const char* policy : {"yunnan/changning", "yunnan/weixi", "yunnan/qujing", "guizhou/ceheng", "template/county"})
    check_no_leak(std::string("simulate --policy ") + policy + " --households 30 --seed 1");
}

TEST_CASE(
    "nor in any text the app shows: its string table in both languages, parameter names, policy notes, "
    "scenarios and examples") {
  const auto check_text = [](const std::string& where, std::string_view text) {
    CAPTURE(where);
    std::match_results<std::string_view::const_iterator> m;
    if (std::regex_search(text.begin(), text.end(), m, leak)) FAIL_CHECK("found \"" << m.str() << "\"");
  };
  using zengshou::app::Str;
  for (size_t i = 0; i < static_cast<size_t>(Str::count_); ++i)
    for (const auto language : {zengshou::app::Language::zh_CN, zengshou::app::Language::en})
      check_text("string " + std::to_string(i), zengshou::app::tr(static_cast<Str>(i), language));
  for (size_t i = 0; i < param_count; ++i) {
    const ParamInfo& p = info(static_cast<ParamId>(i));
    check_text(std::string(p.name), std::string(p.description_zh) + p.description_en);
  }
  for (const auto* files : {&embedded_policy_files(), &embedded_reform_files(), &embedded_example_files()})
    for (const EmbeddedAsset& f : *files) check_text(std::string(f.name), f.text);
}

TEST_CASE("every shipped document is cited by a policy, and every policy's own document exists") {
  std::set<std::string> cited;
  for (const PolicyFile* f : PolicySet::embedded().files()) {
    if (!f->document.empty()) {
      CHECK_MESSAGE(DocumentSet::embedded().find(f->document) != nullptr, f->id);
      cited.insert(f->document);
    }
    for (const auto& [param, entries] : f->parameters) {
      const auto name = info(param).name;  // a plain variable: clang 14 cannot capture a structured binding
      for (const ParamEntry& e : entries) {
        if (e.cited) cited.insert(e.cited->document);
        if (e.leans_on) cited.insert(e.leans_on->document);
        CHECK_MESSAGE((e.assumed || e.cited.has_value()), f->id << " " << name);
      }
    }
  }
  for (const Document* d : DocumentSet::embedded().documents()) CHECK_MESSAGE(cited.count(d->id) == 1, d->id);
}

TEST_CASE(
    "zengshou documents lists every document with its title, issuer, 文号, date, years and the policies citing it") {
  const auto run = run_cli("documents");
  REQUIRE_EQ(run.status, 0);
  const auto list = nlohmann::json::parse(run.out);
  CHECK_EQ(list.size(), DocumentSet::embedded().documents().size());
  bool changning = false, guofa = false;
  for (const auto& d : list) {
    if (d["id"] == "changning-2022-zengshou-yaodian") {
      changning = true;
      CHECK_EQ(d["title"]["zh"], "昌宁县2022年脱贫人口持续增收工作要点");
      CHECK_EQ(d["issuer"], "昌宁县乡村振兴局");
      CHECK_EQ(d["issued"], "2022-08-08");
      CHECK_EQ(d["years"], nlohmann::json::array({2022, 2022}));
      CHECK_EQ(d["has_text"], true);
      CHECK(std::find(d["used_by"].begin(), d["used_by"].end(), "yunnan/changning") != d["used_by"].end());
    }
    if (d["id"] == "guofa-2014-8") {
      guofa = true;
      CHECK_EQ(d["number"], "国发〔2014〕8号");
      CHECK_EQ(d["has_text"], false);
    }
  }
  CHECK(changning);
  CHECK(guofa);
}

TEST_CASE("zengshou document ID --clause C prints the particulars and that clause's words (000 三(三)21)") {
  const auto run = run_cli("document changning-2022-zengshou-yaodian --clause '三(三)21'");
  REQUIRE_EQ(run.status, 0);
  CHECK(run.out.rfind("《昌宁县2022年脱贫人口持续增收工作要点》\n发布机构: 昌宁县乡村振兴局\n", 0) == 0);
  CHECK_NE(run.out.find("\n21. 规范使用农村义务教育营养餐补助专项资金"), std::string::npos);
  CHECK_NE(run.out.find("中高职职业院校3000元/生/年"), std::string::npos);
  CHECK_EQ(run.out.find("22."), std::string::npos);  // the next item is not part of the clause
  SUBCASE("the whole text without --clause") {
    const auto whole = run_cli("document changning-2022-zengshou-yaodian");
    CHECK_NE(whole.out.find("22."), std::string::npos);
  }
  SUBCASE("a document without text says where to find it, in English with --lang en") {
    const auto none = run_cli("document guofa-2014-8 --lang en");
    CHECK_EQ(none.status, 0);
    CHECK_NE(none.out.find("Number: 国发〔2014〕8号"), std::string::npos);
    CHECK_NE(none.out.find("does not have the document's text"), std::string::npos);
  }
  SUBCASE("an unknown id or clause is one error line and exit 2") {
    const auto unknown = run_cli("document 000_824a151a1583fd19.txt");
    CHECK_EQ(unknown.status, 2);
    CHECK_EQ(unknown.err, "error: 000_824a151a1583fd19.txt: expected a document id that `zengshou documents` lists\n");
    const auto clause = run_cli("document changning-2022-zengshou-yaodian --clause '三(四)21'");
    CHECK_EQ(clause.status, 2);
    CHECK_NE(clause.err.find("error: --clause: expected a clause of changning-2022-zengshou-yaodian"),
             std::string::npos);
  }
}

TEST_CASE("a sourced value lies within its document's years: from its date, and in every year it is carried into") {
  // A value carried into a year no document covers is an assumption ("沿用2023年,文件只写到2023年"), not a source.
  const DocumentSet& documents = DocumentSet::embedded();
  for (const PolicyFile* policy : PolicySet::embedded().files()) {
    for (const auto& [id, entries] : policy->parameters) {
      for (size_t i = 0; i < entries.size(); ++i) {
        const ParamEntry& e = entries[i];
        if (!e.cited) continue;
        const Document* d = documents.find(e.cited->document);
        REQUIRE(d != nullptr);
        if (d->first_year == 0 || d->last_year == 0) continue;
        const int from = e.from / 10000;
        // The last year it is in force within the policy's years: until the next entry, or the policy's end.
        const int until =
            std::min(i + 1 < entries.size() ? entries[i + 1].from / 10000 - 1 : policy->last_year, policy->last_year);
        const std::string name(info(id).name);
        CAPTURE(policy->id);
        CAPTURE(name);
        CAPTURE(from);
        CAPTURE(d->id);
        CHECK(from >= d->first_year);
        CHECK(from <= d->last_year);
        CHECK(until <= d->last_year);
      }
    }
  }
}
