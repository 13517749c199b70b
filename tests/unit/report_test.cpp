// The household's 明白卡 (issue 6): a printable page holding the result's figures, each programme with its source,
// the gap and the plan; what the household wrote is escaped, never markup.
#include <doctest/doctest.h>

#include "core/report.h"
#include "helpers.h"

using namespace zengshou::test;

TEST_CASE("the card holds the figures, each programme's source and the plan (Changning 2022, 000 三(一)4)") {
  Household h = household(Category::tuopin, 2022, {adult(1980, {job(JobKind::public_welfare_post, 12, 800)})},
                          "yunnan/changning");
  h.id = "H-7";
  h.head = "王<b>五</b>";
  const YearParameters p = params("yunnan/changning", 2022);
  const std::string html = household_card_html(evaluate(h, p), h, p, Language::zh);
  CHECK(html.find("<title>家庭收入明白卡 H-7 王&lt;b&gt;五&lt;/b&gt;</title>") != std::string::npos);
  CHECK(html.find("<b>五</b>") == std::string::npos);
  // 12 × 800 = 9600 of post pay: the only income, 9600 a person.
  CHECK(html.find("<tr><th>人均纯收入</th><td class=\"amount\">9600.00</td></tr>") != std::string::npos);
  CHECK(html.find("乡村公益性岗位") != std::string::npos);
  CHECK(html.find("《昌宁县2022年脱贫人口持续增收工作要点》三(一)4「规范乡村公益性岗位管理」") != std::string::npos);
  CHECK(html.find("增收计划(一户一策)") != std::string::npos);
  const std::string en = household_card_html(evaluate(h, p), h, p, Language::en);
  CHECK(en.find("<html lang=\"en\">") != std::string::npos);
  CHECK(en.find("Per-capita net income") != std::string::npos);
}

// Issue 20, 5 and 6: a card worked out under a simulated change says so at its top, escaped like her text; any card
// lays out at a phone's width on a phone (no 980-pixel page to zoom into).
TEST_CASE("the card says the simulated change it was worked out under, and fits a phone's width") {
  const Household h = household(Category::tuopin, 2022, {adult(1980, {job(JobKind::public_welfare_post, 12, 800)})},
                                "yunnan/changning");
  const YearParameters p = params("yunnan/changning", 2022, {set("public_welfare_post.monthly=1000")});
  const std::string html = household_card_html(evaluate(h, p), h, p, Language::zh, "岗位<1000>");
  CHECK(html.find("<p class=\"reform\">按政策模拟测算(不是现行政策):岗位&lt;1000&gt;</p>") != std::string::npos);
  CHECK(html.find("<tr><th>人均纯收入</th><td class=\"amount\">12000.00</td></tr>") != std::string::npos);
  CHECK(html.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">") != std::string::npos);
  const std::string plain = household_card_html(evaluate(h, params("yunnan/changning", 2022)), h,
                                                params("yunnan/changning", 2022), Language::zh);
  CHECK(plain.find("class=\"reform\"") == std::string::npos);
}

// Issue 21, 2: what the document names and the tool does not compute is on the card, so that a household does not
// read its absence as "not eligible"; measures for enterprises and villages are counted, not listed.
TEST_CASE("the card lists the measures not computed for households, each with why and its clause") {
  const Household h = household(Category::tuopin, 2022, {adult(1980)}, "yunnan/changning");
  const YearParameters p = params("yunnan/changning", 2022);
  const std::string html = household_card_html(evaluate(h, p), h, p, Language::zh);
  CHECK(html.find("<h2>七、本工具未计算的政策</h2>") != std::string::npos);
  CHECK(html.find("<li>农业政策性保险 (文件未给标准)") != std::string::npos);
  CHECK(html.find("三(二)17「落实农业政策性保险」") != std::string::npos);
  // 小额信贷贴息, once listed, is now computed (issue 21, 1): not on the list.
  CHECK(html.find("<li>小额信贷贴息") == std::string::npos);
  // Changning's 27 measures, 11 of them not paid to households.
  CHECK(html.find("另有 11 项不是直接给农户的补助(对企业、合作社、村集体、学校或基础设施等),未列出。") !=
        std::string::npos);
  CHECK(html.find("企业培训费用补贴") == std::string::npos);
  const std::string en = household_card_html(evaluate(h, p), h, p, Language::en);
  CHECK(en.find("Policy-based agricultural insurance (no amount in the document)") != std::string::npos);
  // A policy whose documents list nothing (Yunnan's own, as a user's county policy under it would be): no section.
  const YearParameters yunnan = params("yunnan", 2023);
  const Household y = household(Category::tuopin, 2023, {adult(1980)}, "yunnan");
  CHECK(household_card_html(evaluate(y, yunnan), y, yunnan, Language::zh).find("本工具未计算") == std::string::npos);
}
