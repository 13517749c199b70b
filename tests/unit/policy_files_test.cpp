// The policy files in assets/policies: every file parses, every value has a source or is marked assumed, and the
// inheritance national → province → county resolves as DOMAIN.md §6 says.
#include <doctest/doctest.h>

#include "core/embedded_assets.h"
#include "core/household_json.h"
#include "core/policy.h"

#include <algorithm>  // find
#include <set>        // entries read as other measures

using namespace zengshou::core;

TEST_CASE("every embedded policy file parses, with a source or an assumption for each value") {
  std::vector<std::pair<std::string_view, std::string_view>> files;
  for (const EmbeddedAsset& f : embedded_policy_files()) files.emplace_back(f.name, f.text);
  const auto set = PolicySet::from_files(files);
  for (const InputError& e : set.errors) FAIL_CHECK(error_line(e));
  REQUIRE(set.ok());
  CHECK_EQ(set.value->files().size(), 8);
  CHECK_EQ(PolicySet::embedded().files().size(), 8);
  // The program's own set trusts the quotes checked here and reads the same files.
  for (const PolicyFile* f : set.value->files()) {
    CAPTURE(f->id);
    const PolicyFile* same = PolicySet::embedded().find(f->id);
    REQUIRE(same != nullptr);
    CHECK_EQ(write_policy_file(*same), write_policy_file(*f));
  }
}

TEST_CASE("trusted quotes are not looked up, but their documents must exist") {
  const auto text = [](std::string_view quote, std::string_view document) {
    return R"({"schema": "zengshou.policy/1", "id": "t/quotes", "name": {"zh": "试", "en": "Test"}, "inherits": "national",
      "years": [2022, 2023], "parameters": {"public_welfare_post.available": [{"from": "2022-01-01", "value": true,
      "source": {"document": ")" +
           std::string(document) + R"(", "clause": "", "quote": ")" + std::string(quote) + R"("}}]}})";
  };
  const std::string document = PolicySet::embedded().find("yunnan/changning")->document;
  const std::string not_there = text("这句话不在文件里", document);
  CHECK_FALSE(parse_policy_file("", not_there).ok());
  CHECK(parse_policy_file("", not_there, DocumentSet::embedded(), Quotes::trusted).ok());
  const auto unknown = parse_policy_file("", text("", "no-such-document"), DocumentSet::embedded(), Quotes::trusted);
  REQUIRE_FALSE(unknown.ok());
  CHECK_EQ(unknown.errors[0].where, "/parameters/public_welfare_post.available/0/source/document");
}

TEST_CASE("inheritance: the most specific file with a value in force on 1 January wins") {
  const PolicySet& set = PolicySet::embedded();
  const PolicyFile& changning = *set.find("yunnan/changning");
  REQUIRE_EQ(set.chain(changning).size(), 3);  // changning → yunnan → national
  // Yunnan has no monitoring line before 2023: national's 2022 value (assumed) applies.
  const auto y2022 = set.resolve(changning, 2022);
  CHECK_EQ(y2022.money(ParamId::line_monitoring), Money::yuan(6300));
  CHECK_EQ(y2022[ParamId::line_monitoring].file->id, "national");
  const auto y2023 = set.resolve(changning, 2023);
  CHECK_EQ(y2023.money(ParamId::line_monitoring), Money::yuan(8050));
  CHECK_EQ(y2023[ParamId::line_monitoring].file->id, "yunnan");
  // A county value beats the province's: Changning's sourced 800 floor over national's assumed 800.
  CHECK_EQ(y2022[ParamId::post_monthly_floor].file->id, "yunnan/changning");
  CHECK_FALSE(y2022[ParamId::post_monthly_floor].assumed());
  // Guizhou's pension: 103 in 2022, 118 (date assumed) from 2023.
  const PolicyFile& ceheng = *set.find("guizhou/ceheng");
  CHECK_EQ(set.resolve(ceheng, 2022).money(ParamId::pension_monthly), Money::yuan(103));
  CHECK_EQ(set.resolve(ceheng, 2023).money(ParamId::pension_monthly), Money::yuan(118));
  CHECK(set.resolve(ceheng, 2023)[ParamId::pension_monthly].assumed());
  // Seed 004's blanks: assumed defaults.
  const auto tpl = set.resolve(*set.find("template/county"), 2022);
  CHECK(tpl[ParamId::line_policy].assumed());
  CHECK(tpl[ParamId::target_tuopin_total].assumed());
  CHECK_FALSE(set.resolve(*set.find("template/county"), 2023)[ParamId::target_tuopin_total].assumed());
  CHECK_EQ(set.resolve(*set.find("template/county"), 2023).raw(ParamId::target_tuopin_total), 1920);  // 19.2 %
}

TEST_CASE("a year's parameters read as resolved: the packed values the rules read follow every override") {
  const PolicySet& set = PolicySet::embedded();
  const PolicyFile& changning = *set.find("yunnan/changning");
  // Changning's post floor, 800 yuan a month (its file), in fen; the post is in its policy.
  const auto plain = set.resolve(changning, 2022);
  CHECK_EQ(plain.raw(ParamId::post_monthly_floor), 80000);
  CHECK_EQ(plain.money(ParamId::post_monthly_floor), Money::yuan(800));
  CHECK(plain.flag(available_param(ProgrammeId::public_welfare_post)));
  // Raised to 1000 yuan, the post turned off, and a line unset: each read says so.
  const std::vector<ParamOverride> changes{{ParamId::post_monthly_floor, 100000},
                                           {available_param(ProgrammeId::public_welfare_post), 0},
                                           {ParamId::line_focus, std::nullopt}};
  const auto changed = set.resolve(changning, 2022, changes);
  CHECK_EQ(changed.raw(ParamId::post_monthly_floor), 100000);
  CHECK_EQ(changed.money(ParamId::post_monthly_floor), Money::yuan(1000));
  CHECK_FALSE(changed.flag(available_param(ProgrammeId::public_welfare_post)));
  CHECK(plain.is_set(ParamId::line_focus));
  CHECK_FALSE(changed.is_set(ParamId::line_focus));
  CHECK_EQ(changed.raw(ParamId::line_focus), 0);
  CHECK_EQ(changed.money(ParamId::line_focus), Money());
  // And every other parameter: its packed value is the one resolved, 0 where none is.
  for (size_t i = 0; i < param_count; ++i) {
    const auto id = static_cast<ParamId>(i);
    CAPTURE(info(id).name);
    CHECK_EQ(changed.raw(id), changed[id].value.value_or(0));
    CHECK_EQ(changed.money(id), Money::fen(changed[id].value.value_or(0)));
  }
}

TEST_CASE("overrides: NAME=VALUE in the parameter's unit") {
  auto money = parse_override("public_welfare_post.monthly=1000");
  REQUIRE(money.ok());
  CHECK_EQ(money.value.value.value(), 100000);
  auto percent = parse_override("pension_contribution_subsidy.rate=12.5");
  REQUIRE(percent.ok());
  CHECK_EQ(percent.value.value.value(), 1250);
  auto flag = parse_override("rain_dew.counts_in_net_income=true");
  REQUIRE(flag.ok());
  CHECK_EQ(flag.value.value.value(), 1);
  auto categories = parse_override("rain_dew.categories=tuopin,general");
  REQUIRE(categories.ok());
  CHECK_EQ(categories.value.value.value(), category_bit(Category::tuopin) | category_bit(Category::general));
  CHECK_FALSE(parse_override("rain_dew.categories=rich").ok());
  CHECK_FALSE(parse_override("pension_basic.age=60.5").ok());
  CHECK_FALSE(parse_override("rain_dew.amount=-1").ok());
  CHECK_FALSE(parse_override("no_such.thing=1").ok());
  CHECK_FALSE(parse_override("rain_dew.amount").ok());
}

TEST_CASE("a broken policy file is reported at each place, and the set is not built") {
  const auto set = PolicySet::from_files({{"bad", R"({
    "schema": "zengshou.policy/1", "id": "bad", "name": {"zh": "坏", "en": "bad"}, "inherits": "nowhere",
    "years": [2022, 2024],
    "parameters": {
      "no.such": [{"from": "2022-01-01", "value": 1, "source": "x"}],
      "rain_dew.amount": [{"from": "2022-13-01", "value": -5}],
      "rain_dew.available": [{"from": "2022-01-01", "value": "yes", "source": "x"}]
    }
  })"}});
  CHECK_FALSE(set.ok());
  std::vector<std::string> where;
  for (const InputError& e : set.errors) where.push_back(e.where);
  const auto has = [&](const std::string& w) { return std::find(where.begin(), where.end(), w) != where.end(); };
  CHECK(has("bad.json/parameters/no.such"));
  CHECK(has("bad.json/parameters/rain_dew.amount/0/from"));
  CHECK(has("bad.json/parameters/rain_dew.amount/0/value"));
  CHECK(has("bad.json/parameters/rain_dew.amount/0"));  // neither source nor assumed
  CHECK(has("bad.json/parameters/rain_dew.available/0/value"));
}

TEST_CASE("every example household in assets/examples parses and is evaluated under its own policy and year") {
  for (const EmbeddedAsset& f : embedded_example_files()) {
    CAPTURE(std::string(f.name));
    const auto parsed = parse_household(f.text);
    for (const InputError& e : parsed.errors) FAIL_CHECK(error_line(e));
    REQUIRE(parsed.ok());
    const PolicySet& set = PolicySet::embedded();
    CHECK_FALSE(set.check(parsed.value.policy, parsed.value.year, "/policy").has_value());
  }
  CHECK_GE(embedded_example_files().size(), 6);
}

// Issue 21, 2: 本工具未计算. Read clause by clause, each county document's measures the calculator does not compute.
TEST_CASE("every county policy lists what it does not compute, each at a clause its document has, quoted verbatim") {
  const PolicySet& set = PolicySet::embedded();
  for (const char* id : {"yunnan/changning", "yunnan/qujing", "yunnan/weixi", "guizhou/ceheng", "template/county"}) {
    CAPTURE(id);
    const PolicyFile& policy = *set.find(id);
    const auto measures = set.not_computed(policy);
    CHECK_GE(measures.size(), 20u);
    for (const UncomputedMeasure* m : measures) {
      CAPTURE(m->name_zh);
      CHECK_FALSE(m->name_zh.empty());
      CHECK_FALSE(m->name_en.empty());
      CHECK_FALSE(m->detail_zh.empty());
      CHECK_EQ(m->source.document, policy.document);  // its own document: the one a cadre has
      const Document* d = set.documents().find(m->source.document);
      REQUIRE(d != nullptr);
      REQUIRE(d->has_text());
      const auto place = locate(*d, m->source);
      REQUIRE(std::holds_alternative<CitedPlace>(place));
      const CitedPlace& at = std::get<CitedPlace>(place);
      CHECK_GT(at.quote_end, at.quote_begin);  // the quote itself, inside the clause
      CHECK_GE(at.quote_begin, at.clause_begin);
      CHECK_LE(at.quote_end, at.clause_end);
      CHECK_EQ(d->text.substr(at.quote_begin, at.quote_end - at.quote_begin), m->source.quote);
    }
  }
  // The measures the issue named are no longer in the lists: each is a programme at its clause (issue 21, 1;
  // household_measures_test.cpp has their amounts).
  const auto listed = [&](const char* policy, const char* clause, const char* name) {
    for (const UncomputedMeasure* m : set.not_computed(*set.find(policy)))
      if (m->source.clause == clause && m->name_zh.find(name) != std::string::npos) return true;
    return false;
  };
  CHECK_FALSE(listed("yunnan/changning", "三(二)17", "贴息"));
  CHECK_FALSE(listed("yunnan/changning", "三(三)20", "种粮"));
  CHECK_FALSE(listed("guizhou/ceheng", "附件2 一.6", "村医"));
  CHECK_FALSE(listed("guizhou/ceheng", "附件3 15", "见习"));
  CHECK_FALSE(listed("guizhou/ceheng", "附件3 13", "临时价格补贴"));
}

TEST_CASE("a not_computed entry is checked as a source is, and a user's file writes it back the same") {
  const std::string head =
      R"({"schema":"zengshou.policy/1","id":"guizhou/mine","name":{"zh":"我的","en":"Mine"},"inherits":"guizhou",)"
      R"("years":[2023,2023],"parameters":{},"not_computed":[)";
  const std::string good =
      R"({"measure":{"zh":"村医补助","en":"Village doctors"},"why":"not_collected",)"
      R"("detail":{"zh":"每月增加200元;本工具不问谁是村医","en":"200 more a month"},)"
      R"("source":{"document":"ceheng-2022-2024-jumin-zengshou","clause":"附件2 一.6","quote":"村医"}})";
  const auto parsed = parse_policy_file("", head + good + "]}");
  for (const InputError& e : parsed.errors) FAIL_CHECK(error_line(e));
  REQUIRE_EQ(parsed.value.not_computed.size(), 1);
  CHECK_EQ(parsed.value.not_computed[0].why, UncomputedWhy::not_collected);
  const auto again = parse_policy_file("", write_policy_file(parsed.value));
  REQUIRE(again.ok());
  CHECK_EQ(write_policy_file(again.value), write_policy_file(parsed.value));
  // A reason it does not know, and a quote its clause does not have: each at its place.
  std::string bad = good;
  const std::string quote = R"("quote":"村医")";
  bad.replace(bad.find("not_collected"), std::string("not_collected").size(), "not_known");
  bad.replace(bad.find(quote), quote.size(), R"("quote":"护林员")");
  const auto refused = parse_policy_file("", head + bad + "]}");
  REQUIRE_EQ(refused.errors.size(), 2);
  CHECK_EQ(refused.errors[0].where, "/not_computed/0/why");
  CHECK_EQ(refused.errors[1].where, "/not_computed/0/source/quote");
}

TEST_CASE("a measure not computed whose clause is also a computed programme's says what is computed") {
  // A clause can name both: Ceheng's 附件2 一.5 names the posts (computed as 乡村公益性岗位) and a price-linked pay
  // (not computed). Its entry must say which part is computed, so the card does not deny the other — unless it was
  // read and found to be another measure of the same clause (listed here, each with the computed one beside it).
  const std::set<std::pair<std::string, std::string>> other_measure = {
      {"guizhou/ceheng", "创业担保贷款及贴息"},  // 三.24: a loan; the clause's 一次性求职创业补贴 is computed
      {"yunnan/changning", "企业培训费用补贴"},  // 三(一)1: paid to the enterprise; 见习期取证补助 is computed
      {"yunnan/changning", "慈善助学项目"},      // 三(三)26: charity grants; the exam-fee refund is computed
      {"yunnan/weixi", "以工代赈"},              // 二(四)三: the transport subsidy is computed
      {"yunnan/weixi", "就业帮扶车间"},          //
      {"yunnan/weixi", "脱贫人口自主创业、灵活就业"},  //
  };
  const PolicySet& set = PolicySet::embedded();
  int shared = 0;
  for (const PolicyFile* f : set.files())
    for (const UncomputedMeasure& m : f->not_computed)
      for (const auto& [id, entries] : f->parameters) {
        if (!info(id).name.ends_with(".available")) continue;
        for (const ParamEntry& e : entries)
          if (e.value.value_or(0) != 0 && e.cited && e.cited->document == m.source.document &&
              e.cited->clause == m.source.clause) {
            CAPTURE(f->id);
            CAPTURE(m.name_zh);
            ++shared;
            if (other_measure.contains({f->id, m.name_zh})) continue;
            CHECK((m.detail_zh.find("已计算") != std::string::npos || m.detail_zh.find("已按") != std::string::npos));
          }
      }
  CHECK_GE(shared, 1);  // Ceheng's posts at least: the check runs on something
}
