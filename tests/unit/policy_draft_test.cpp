// 新建本县政策 (issue 16): a county policy's particulars as a cadre types them become a policy file only when they have
// no problem; each problem is at the field she typed it in; the draft, problems and all, is kept in the session.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "core/engine.h"
#include "core/policy.h"
#include "core/policy_draft.h"
#include "core/workspace.h"
#include "helpers.h"

using namespace zengshou::core;
using zengshou::test::adult;
using zengshou::test::job;

namespace {

std::string places(const InputErrors& errors) {
  std::string out;
  for (const InputError& e : errors) out += e.where + " ";
  return out;
}

// A document as she would paste it: numbered as the county documents are, so 二(一) is a clause.
constexpr const char* pasted = "一、总体要求\n二、主要措施\n(一)公益性岗位补贴标准为每人每月1000元。\n(二)其他。\n";

}  // namespace

TEST_CASE("a new county policy on Yunnan: named, with her pasted document, a value cited from its clause") {
  const PolicySet& builtin = PolicySet::embedded();
  PolicyDraft draft = new_policy_draft(builtin, *builtin.find("yunnan"), 2024);
  CHECK_EQ(draft.base, "yunnan");
  CHECK_EQ(draft.province, "yunnan");
  CHECK_EQ(draft.first_year, 2024);
  draft.name_zh = "测试县2024年增收政策";
  DraftDocument& doc = add_document(draft, builtin);
  CHECK_EQ(doc.id, "mine-1");
  doc.title_zh = "测试县2024年农民增收若干措施";
  doc.issuer = "测试县人民政府";
  doc.number = "测政发〔2024〕1号";
  doc.issued = "2024-03-01";
  doc.text = pasted;

  const auto made = policy_from_draft(draft, builtin);
  REQUIRE_MESSAGE(made.ok(), places(made.errors));
  const PolicyFile& f = made.value;
  CHECK_EQ(f.id, "yunnan-county");
  CHECK_EQ(f.inherits, "yunnan");
  CHECK_EQ(f.name_en, "测试县2024年增收政策");  // no English name typed: the Chinese one
  CHECK_EQ(f.document, "mine-1");
  REQUIRE_EQ(f.documents.size(), 1u);
  CHECK_EQ(f.documents[0].issued, 20240301);
  CHECK(f.parameters.empty());  // nothing set yet: Yunnan's values stand

  // Kept as hers, a value cited from her document's clause 二(一) reads back; a post of 12 months pays 12 × 1000.
  const auto set = PolicySet::with_user_files({{"mine", write_policy_file(f)}});
  REQUIRE(set.ok());
  PolicyFile cited = *set.value->find(f.id);
  ParamEntry thousand;
  thousand.from = 20240101;
  thousand.value = Money::yuan(1000).fen();
  cited.parameters[ParamId::post_monthly_floor] = {thousand};
  cited = cite(cited, ParamId::post_monthly_floor, 20240101, {"mine-1", "二(一)", "每人每月1000元"});
  CHECK(check_reference({"mine-1", "二(一)", "每人每月1000元"}, set.value->documents()).empty());
  CHECK_FALSE(check_reference({"mine-1", "二(一)", "每人每月1200元"}, set.value->documents()).empty());
  const auto again = PolicySet::with_user_files({{"mine", write_policy_file(cited)}});
  REQUIRE(again.ok());
  const Household h =
      zengshou::test::household(Category::tuopin, 2024, {adult(1980, {job(JobKind::public_welfare_post, 12, 0)})});
  const Result r = evaluate(h, again.value->resolve(*again.value->find(f.id), 2024));
  CHECK_EQ(r.programme(ProgrammeId::public_welfare_post).amount, Money::yuan(12000));

  SUBCASE("edited again, her parameters stay and her document keeps its id") {
    PolicyDraft edit = policy_draft_of(*again.value->find(f.id), *again.value);
    CHECK_EQ(edit.id, f.id);
    REQUIRE_EQ(edit.documents.size(), 1u);
    CHECK_EQ(edit.documents[0].issued, "2024-03-01");
    edit.last_year = 2025;
    const auto changed = policy_from_draft(edit, *again.value);
    REQUIRE_MESSAGE(changed.ok(), places(changed.errors));
    CHECK_EQ(changed.value.id, f.id);
    CHECK_EQ(changed.value.last_year, 2025);
    CHECK_EQ(changed.value.parameters.at(ParamId::post_monthly_floor)[0].cited->clause, "二(一)");
    CHECK_EQ(add_document(edit, *again.value).id, "mine-2");  // mine-1 is hers already
    edit.documents.pop_back();

    // Her years cut short of a value she set: it would never be used.
    PolicyFile later = *again.value->find(f.id);
    later.last_year = 2025;
    ParamEntry in_2025;
    in_2025.from = 20250101;
    in_2025.value = Money::yuan(1100).fen();
    in_2025.assumed = true;
    in_2025.note = "本县自定";
    later.parameters[ParamId::post_monthly_floor].push_back(in_2025);
    const auto with_2025 = PolicySet::with_user_files({{"mine", write_policy_file(later)}});
    REQUIRE(with_2025.ok());
    PolicyDraft shorter = policy_draft_of(*with_2025.value->find(f.id), *with_2025.value);
    shorter.last_year = 2024;
    const auto cut = policy_from_draft(shorter, *with_2025.value);
    CHECK_EQ(places(cut.errors), "/years ");
    CHECK_EQ(cut.errors[0].expected,
             "expected years that cover each value the policy sets, got public_welfare_post.monthly from 2025-01-01");

    // Her document removed while a value cites it: the loader's problem, at the value.
    edit.documents.clear();
    const auto orphaned = policy_from_draft(edit, *again.value);
    CHECK_EQ(places(orphaned.errors), "/parameters/public_welfare_post.monthly/0/source/document ");
  }
}

TEST_CASE("each problem of a draft is at the field it is about, and nothing is made while there is one") {
  const PolicySet& builtin = PolicySet::embedded();
  PolicyDraft draft = new_policy_draft(builtin, *builtin.find("guizhou"), 2023);
  draft.first_year = 2025;
  draft.last_year = 2024;
  DraftDocument& doc = add_document(draft, builtin);
  doc.issued = "2024-13-01";
  const auto made = policy_from_draft(draft, builtin);
  CHECK_EQ(places(made.errors), "/name/zh /years /documents/0/title/zh /documents/0/issued ");
  draft.base = "guizhou/nowhere";
  CHECK_EQ(places(policy_from_draft(draft, builtin).errors).rfind("/base ", 0), 0u);
}

TEST_CASE("another province: its monitoring line, 低保 standard and pension minimum, set by her, from the first year") {
  const PolicySet& builtin = PolicySet::embedded();
  PolicyDraft draft = new_policy_draft(builtin, *builtin.find("national"), 2024);
  CHECK(draft.another_province());
  draft.name_zh = "湖南某县";
  draft.province = "湖南";
  draft.monitoring_line.reset();
  draft.pension_monthly = Money::yuan(-5);
  CHECK_EQ(places(policy_from_draft(draft, builtin).errors), "/lines/monitoring /lines/pension ");

  draft.monitoring_line = Money::yuan(7000);
  draft.dibao_standard = Money::yuan(5500);
  draft.pension_monthly = Money::yuan(170);
  const auto made = policy_from_draft(draft, builtin);
  REQUIRE_MESSAGE(made.ok(), places(made.errors));
  const auto set = PolicySet::with_user_files({{"mine", write_policy_file(made.value)}});
  REQUIRE(set.ok());
  const YearParameters p = set.value->resolve(*set.value->find(made.value.id), 2024);
  CHECK_EQ(p.money(ParamId::line_monitoring), Money::yuan(7000));
  CHECK_EQ(p.money(ParamId::dibao_standard), Money::yuan(5500));
  CHECK(p[ParamId::line_monitoring].assumed());  // hers until she names the source
  // An enrolled 70-year-old alone: the pension is 170 × 12 = 2040 a year (national minimum below 170).
  Member elder = adult(1954);
  elder.pension.enrolled = true;
  const Household h = zengshou::test::household(Category::general, 2024, {elder});
  CHECK_EQ(evaluate(h, p).programme(ProgrammeId::pension_basic).amount, Money::yuan(2040));
}

TEST_CASE("the draft is kept in the tab's session record as she typed it, problems and all") {
  const PolicySet& builtin = PolicySet::embedded();
  SessionRecord record;
  record.policy_draft = new_policy_draft(builtin, *builtin.find("national"), 2024);
  record.policy_draft->first_year = 2030;  // after the last year: a problem, kept
  record.policy_draft->last_year = 2024;
  add_document(*record.policy_draft, builtin).issued = "去年三月";
  record.policy_draft->documents[0].text = pasted;
  const auto back = parse_session_record(session_record_json(record));
  REQUIRE_MESSAGE(back.ok(), places(back.errors));
  REQUIRE(back.value.policy_draft.has_value());
  const PolicyDraft& d = *back.value.policy_draft;
  CHECK_EQ(nlohmann::json(policy_draft_to_json(d)), nlohmann::json(policy_draft_to_json(*record.policy_draft)));
  CHECK_EQ(d.documents[0].issued, "去年三月");
  CHECK_EQ(d.first_year, 2030);
  CHECK_EQ(session_record_json(SessionRecord{}).find("policy_draft"), std::string::npos);
}
