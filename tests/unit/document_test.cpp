// The documents in assets/documents: every file parses, ids are unique, a seed carries the title, issuer and date
// its own metadata lines give, and a broken file names the place and what was expected.
#include <doctest/doctest.h>

#include "core/document.h"
#include "core/embedded_assets.h"

#include <set>  // unique ids

using namespace zengshou::core;

TEST_CASE("every embedded document parses, with a unique id") {
  std::vector<std::pair<std::string_view, std::string_view>> files;
  for (const EmbeddedAsset& f : embedded_document_files()) files.emplace_back(f.name, f.text);
  const auto set = DocumentSet::from_files(files);
  for (const InputError& e : set.errors) FAIL_CHECK(error_line(e));
  REQUIRE(set.ok());
  CHECK_EQ(set.value->documents().size(), files.size());
  CHECK_EQ(DocumentSet::embedded().documents().size(), files.size());
  std::set<std::string> ids;
  for (const Document* d : DocumentSet::embedded().documents()) {
    CHECK(ids.insert(d->id).second);
    CHECK_FALSE(d->title_zh.empty());
    CHECK_FALSE(d->title_en.empty());
  }
}

TEST_CASE("the five county documents carry their full text") {
  const DocumentSet& set = DocumentSet::embedded();
  int with_text = 0;
  for (const Document* d : set.documents()) with_text += d->has_text() ? 1 : 0;
  CHECK_EQ(with_text, 5);
}

TEST_CASE("seed 000: Changning 2022, as its metadata lines say (索引号, 发布机构, 发布日期)") {
  const Document* d = DocumentSet::embedded().find("changning-2022-zengshou-yaodian");
  REQUIRE(d != nullptr);
  CHECK_EQ(d->title_zh, "昌宁县2022年脱贫人口持续增收工作要点");
  CHECK_FALSE(d->title_is_description);
  CHECK_EQ(d->issuer, "昌宁县乡村振兴局");
  CHECK_EQ(d->index_number, "01526384-X-/2022-0808001");
  CHECK_EQ(d->issued, 20220808);
  CHECK_EQ(d->first_year, 2022);
  CHECK_EQ(d->last_year, 2022);
  CHECK(d->number.empty());  // its 文号 field is blank
  CHECK_NE(d->text.find("三、重点任务"), std::string::npos);
}

TEST_CASE("seed 003: Ceheng's plan, issued by the county government on 2022-09-30, covers 2022–2024") {
  const Document* d = DocumentSet::embedded().find("ceheng-2022-2024-jumin-zengshou");
  REQUIRE(d != nullptr);
  CHECK_EQ(d->title_zh, "册亨县促进居民增收三年行动方案(2022-2024)");
  CHECK_EQ(d->issuer, "册亨县人民政府");
  CHECK_EQ(d->issued, 20220930);
  CHECK_EQ(d->first_year, 2022);
  CHECK_EQ(d->last_year, 2024);
}

TEST_CASE("a national document without text still has its title, issuer and 文号") {
  const Document* d = DocumentSet::embedded().find("guofa-2014-8");
  REQUIRE(d != nullptr);
  CHECK_EQ(d->number, "国发〔2014〕8号");
  CHECK_EQ(d->issuer, "国务院");
  CHECK_FALSE(d->has_text());
}

TEST_CASE("a broken document file names the place and what was expected") {
  SUBCASE("wrong id, bad date, bad years") {
    const auto r = parse_document_file("a", R"({"schema": "zengshou.document/1", "id": "b",
      "title": {"zh": "甲", "en": "A"}, "issued": "2022-13-01", "years": [2024, 2022]})");
    REQUIRE_EQ(r.errors.size(), 3);
    CHECK_EQ(r.errors[0].where, "/id");
    CHECK_EQ(r.errors[1].where, "/issued");
    CHECK_EQ(r.errors[2].where, "/years");
    CHECK(r.value.id.empty());  // never a half-filled document
  }
  SUBCASE("a missing title") {
    const auto r = parse_document_file("a", R"({"schema": "zengshou.document/1", "id": "a"})");
    REQUIRE_EQ(r.errors.size(), 1);
    CHECK_EQ(r.errors[0].where, "/title");
  }
  SUBCASE("the set names the file") {
    const auto r = DocumentSet::from_files({{"x", R"({"schema": "zengshou.document/1", "id": "y",
      "title": {"zh": "甲", "en": "A"}})"}});
    REQUIRE_EQ(r.errors.size(), 1);
    CHECK_EQ(r.errors[0].where, "x.json/id");
  }
}
