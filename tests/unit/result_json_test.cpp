// The result written straight to text (ResultWriter, JsonWriter) is what nlohmann's dump of the same values
// gives: read back and dumped again, every line is the same bytes — keys in sorted order, amounts as yuan_json
// makes them, strings escaped alike, broken UTF-8 replaced alike. A batch line and eval's result are one contract.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/engine.h"
#include "core/json_reading.h"
#include "core/json_writer.h"
#include "core/monitoring.h"
#include "core/programmes/programme_unit.h"
#include "core/result_json.h"
#include "core/synthetic.h"
#include "helpers.h"

using namespace zengshou::core;
using nlohmann::json;

namespace {

std::string dumped(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

TEST_CASE("JsonWriter: amounts as yuan_json writes them, strings escaped as nlohmann escapes them") {
  for (const int64_t fen : {int64_t{0}, int64_t{5}, int64_t{-5}, int64_t{10}, int64_t{-10}, int64_t{100}, int64_t{-250},
                            int64_t{1'562'804}, int64_t{99'999'999'999'999}, int64_t{123'456'789'012'345},
                            int64_t{999'999'999'999'999}, Money::limit_fen, -Money::limit_fen}) {
    std::string out;
    JsonWriter(out).money(Money::fen(fen));
    CAPTURE(fen);
    CHECK_EQ(out, yuan_json(Money::fen(fen)).dump());
  }
  // 0.1 yuan is written "0.1", not "0.10"; 15628.04 keeps its zero.
  std::string tenth;
  JsonWriter(tenth).money(Money::fen(10));
  CHECK_EQ(tenth, "0.1");

  const std::string strings[] = {
      "张三", "quote \" and backslash \\", "new\nline\ttab\rreturn\bback\fform", std::string("nul\0x", 5),
      "\x01\x1f\x7f", "emoji 😀 and 𠀀", "broken \xff here", "cut \xe5\xbc", "overlong \xc0\xaf",
      "surrogate \xed\xa0\x80", "past U+10FFFF \xf4\x90\x80\x80",
      // Eight bytes are looked at together: escapes and characters inside such a word and across two.
      "0123456\"89abcdef\\ghij", "abcdefghi张三klmnopqrs\x1ftuvwxyz\x7f",
      "plain ascii longer than eight bytes, twice over",
      // Longer than the writer's room at first: it grows in the middle of a string.
      std::string(100'000, 'x') + "\t" + std::string(9, '"'), ""};
  for (const std::string& s : strings) {
    std::string out;
    JsonWriter(out).string(s);
    CAPTURE(s);
    CHECK_EQ(out, dumped(json(s)));
  }

  std::string nested;
  {  // the writer appends its text when it is done
    JsonWriter w(nested);
    w.begin_object();
    w.key("a").begin_array();
    w.integer(-3);
    w.begin_object();
    w.end_object();
    w.begin_array();
    w.end_array();
    w.null();
    w.end_array();
    w.key("b").boolean(false);
    w.end_object();
  }
  CHECK_EQ(nested, R"({"a":[-3,{},[],null],"b":false})");
}

TEST_CASE("ResultWriter: a writer kept from household to household writes what a new one writes") {
  // A batch keeps one writer, which keeps each programme's last unpaid object and copies it while the reason is the
  // same: a household's line must not carry the one before's.
  const PolicySet& set = PolicySet::embedded();
  int copied_lines = 0;
  for (const PolicyFile* policy : set.files()) {
    const YearParameters params = set.resolve(*policy, policy->first_year);
    const std::vector<Household> households = synthetic_households(11, 60, policy->id, policy->first_year);
    for (const auto& [language, parameters] : {std::pair{Language::zh, false}, std::pair{Language::en, true}}) {
      ResultWriter kept(params, language, parameters);
      for (size_t i = 0; i < households.size(); ++i) {
        const Result r = evaluate(households[i], params);
        std::string from_kept, from_new;
        kept.write(from_kept, r, households[i]);
        ResultWriter(params, language, parameters).write(from_new, r, households[i]);
        CAPTURE(policy->id);
        CAPTURE(i);
        CHECK_EQ(from_kept, from_new);
        ++copied_lines;
      }
    }
  }
  CHECK_GT(copied_lines, 500);

  // The same unpaid reason with other numbers (another category not covered) is written anew, not copied.
  const YearParameters params = set.resolve(*set.find("yunnan/changning"), 2022);
  const Household h = synthetic_households(11, 1, "yunnan/changning", 2022)[0];
  Result r = evaluate(h, params);
  ProgrammeResult& unpaid = r.programmes[static_cast<size_t>(ProgrammeId::dibao)];
  REQUIRE_FALSE(unpaid.eligible);
  ResultWriter kept(params, Language::zh, false);
  for (const Category category : {Category::general, Category::urban}) {
    unpaid.reason = ProgrammeOutput::make(ReasonId::category_not_covered, {0b11, static_cast<int64_t>(category)});
    std::string from_kept, from_new;
    kept.write(from_kept, r, h);
    ResultWriter(params, Language::zh, false).write(from_new, r, h);
    CAPTURE(static_cast<int>(category));
    CHECK_EQ(from_kept, from_new);
  }
}

TEST_CASE("ResultWriter: every built-in policy's results read back and dump to the same bytes") {
  const PolicySet& set = PolicySet::embedded();
  int lines = 0;
  for (const PolicyFile* policy : set.files()) {
    const int year = policy->first_year;
    const YearParameters params = set.resolve(*policy, year);
    std::vector<Household> households = synthetic_households(7, 40, policy->id, year);
    households[0].id = "王\"五\"\\\n\xff";  // escapes and broken UTF-8 in the id a result repeats
    for (size_t i = 0; i < households.size(); ++i) {
      const Household& h = households[i];
      const Result r = evaluate(h, params);
      const bool parameters = i % 2 == 0;
      const Language language = i % 3 == 0 ? Language::en : Language::zh;
      std::string line;
      ResultWriter(params, language, parameters).write(line, r, h);
      CAPTURE(policy->id);
      CAPTURE(i);
      CHECK_EQ(dumped(json::parse(line)), line);
      ++lines;
    }
  }
  CHECK_GT(lines, 100);
}
