// The command line as CONTRACT.md "Commands" and "Errors" describe it: run the real program, read its stdout,
// stderr and exit status.
#include <doctest/doctest.h>

#include <algorithm>  // count
#include <fstream>    // temporary files
#include <string>

#include <nlohmann/json.hpp>

#include "cli_run.h"

namespace {

using nlohmann::json;
using zengshou::test::Run;
using zengshou::test::run_cli;

}  // namespace

TEST_CASE("policies lists every policy file with id, name, province and years") {
  const Run r = run_cli("policies");
  REQUIRE_EQ(r.status, 0);
  const json list = json::parse(r.out);
  REQUIRE_EQ(list.size(), 8);
  bool ceheng = false;
  for (const json& p : list) {
    CHECK(p.contains("name"));
    if (p["id"] == "guizhou/ceheng") {
      ceheng = true;
      CHECK_EQ(p["province"], "guizhou");
      CHECK_EQ(p["years"], json::array({2022, 2024}));
    }
  }
  CHECK(ceheng);
}

TEST_CASE("eval prints one zengshou.result/1 with the contract's fields") {
  const Run r = run_cli("eval examples/changning-tuopin.json");
  REQUIRE_EQ(r.status, 0);
  CHECK(r.err.empty());
  const json result = json::parse(r.out);
  CHECK_EQ(result["schema"], "zengshou.result/1");
  CHECK_EQ(result["household"], "CN-001");
  CHECK_EQ(result["size"], 4);
  CHECK_EQ(result["income"]["per_capita_net"], 15019);  // worked by hand in engine_test.cpp
  CHECK_EQ(result["income"]["cash_received"], 66776);
  const json& post = result["programmes"][0];
  CHECK_EQ(post["id"], "public_welfare_post");
  CHECK_EQ(post["amount"], 9600);
  CHECK_EQ(post["stream"], "wage");
  CHECK_EQ(post["source"], "《昌宁县2022年脱贫人口持续增收工作要点》三(一)4「规范乡村公益性岗位管理」");
  for (const char* key : {"eligible", "counted", "reason"}) CHECK(post.contains(key));
  CHECK_EQ(result["lines"][0]["id"], "monitoring");
  CHECK_EQ(result["lines"][0]["assumed"], true);
}

TEST_CASE("--policy and --year override the file; --lang en switches the text") {
  const Run r = run_cli("eval --policy guizhou/ceheng --year 2023 --lang en examples/changning-tuopin.json");
  REQUIRE_EQ(r.status, 0);
  const json result = json::parse(r.out);
  CHECK_EQ(result["policy"], "guizhou/ceheng");
  CHECK_EQ(result["year"], 2023);
  CHECK_EQ(result["programmes"][0]["reason"],
           "Public-welfare post, 12 months; the wage entered, 700 yuan, is below the local floor of 800 yuan, so the "
           "floor applies = 9600 yuan");
}

TEST_CASE("--set changes a parameter: a 1000-yuan post floor gives 12000") {
  const Run r = run_cli("eval --set public_welfare_post.monthly=1000 examples/changning-tuopin.json");
  REQUIRE_EQ(r.status, 0);
  CHECK_EQ(json::parse(r.out)["programmes"][0]["amount"], 12000);
}

TEST_CASE("stdin is read for FILE -") {
  std::ifstream in(std::string(ZENGSHOU_ASSETS) + "/examples/weixi-monitored.json");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const Run r = run_cli("eval -", text);
  REQUIRE_EQ(r.status, 0);
  CHECK_EQ(json::parse(r.out)["household"], "WX-014");
}

TEST_CASE("project prints N results, one a year from the household's year on") {
  const Run r = run_cli("project --years 3 examples/ceheng-dibao.json");
  REQUIRE_EQ(r.status, 0);
  const json years = json::parse(r.out);
  REQUIRE_EQ(years.size(), 3);
  CHECK_EQ(years[0]["year"], 2023);
  CHECK_EQ(years[2]["year"], 2025);
  CHECK_EQ(years[2]["beyond_policy_years"], true);
}

TEST_CASE("batch prints one result per line, from a JSON array and from CSV") {
  const Run csv = run_cli("batch examples/roster.csv");
  REQUIRE_EQ(csv.status, 0);
  std::vector<json> lines;
  for (size_t start = 0, end; (end = csv.out.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(json::parse(csv.out.substr(start, end - start)));
  REQUIRE_EQ(lines.size(), 2);
  CHECK_EQ(lines[0]["household"], "R-1");
  CHECK_EQ(lines[0]["size"], 2);
  // R-1: wage 4000 × 10 + 800 × 12 = 49600; production 12000 − 5000; farmland 5 × 80 = 400 → 57000 / 2 = 28500.
  CHECK_EQ(lines[0]["income"]["per_capita_net"], 28500);
  CHECK_EQ(lines[1]["policy"], "guizhou/ceheng");

  std::ifstream in(std::string(ZENGSHOU_ASSETS) + "/examples/weixi-monitored.json");
  const std::string one((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const Run array = run_cli("batch -", "[" + one + "," + one + "]");
  REQUIRE_EQ(array.status, 0);
  CHECK_EQ(std::count(array.out.begin(), array.out.end(), '\n'), 2);

  const Run bad = run_cli("batch -", "[" + one + ", {}]");  // the second is no household: rejected whole
  CHECK_EQ(bad.status, 2);
  CHECK(bad.out.empty());
  CHECK(bad.err.find("error: /1/schema: expected this required field") != std::string::npos);
}

TEST_CASE("batch --column: a workbook header read as a roster column; a column it does not have is refused") {
  const Run bad = run_cli("batch --column 月收入=wages examples/roster.csv");
  CHECK_EQ(bad.status, 2);
  CHECK_EQ(bad.err,
           "error: --column: expected HEADER=COLUMN with a roster column (monthly_wage, birth_year …; README \"Roster "
           "files\"), got \"月收入=wages\"\n");
  CHECK_EQ(run_cli("batch --column 月收入 examples/roster.csv").status, 2);  // no column named
  CHECK_EQ(run_cli("batch --column 月收入=monthly_wage examples/roster.csv").status, 0);
}

TEST_CASE("explain is a readable Chinese report with every amount's rule and source; --lang en in English") {
  const Run zh = run_cli("explain examples/changning-tuopin.json");
  REQUIRE_EQ(zh.status, 0);
  CHECK(zh.out.find("人均纯收入: 15019.00 元") != std::string::npos);
  CHECK(zh.out.find("李梅: 公益性岗位12个月") != std::string::npos);
  CHECK(zh.out.find("出处: 《昌宁县2022年脱贫人口持续增收工作要点》三(一)4「规范乡村公益性岗位管理」") !=
        std::string::npos);
  CHECK(zh.out.find("假设") != std::string::npos);
  const Run en = run_cli("explain --lang en examples/changning-tuopin.json");
  CHECK(en.out.find("Per-capita net income: 15019.00 yuan") != std::string::npos);
}

TEST_CASE("simulate: a seeded village summary, the same for the same seed, changed by --set") {
  const Run a = run_cli("simulate --policy yunnan/changning --households 300 --seed 1");
  const Run b = run_cli("simulate --policy yunnan/changning --households 300 --seed 1");
  REQUIRE_EQ(a.status, 0);
  CHECK_EQ(a.out, b.out);
  const json s = json::parse(a.out);
  for (const char* key : {"households", "people", "mean_per_capita_net", "median_per_capita_net",
                          "below_monitoring_line", "below_policy_line", "poverty_gap_total", "programme_totals"})
    CHECK(s.contains(key));
  CHECK_EQ(s["households"], 300);
  const Run reform =
      run_cli("simulate --policy yunnan/changning --households 300 --seed 1 --set public_welfare_post.monthly=1000");
  const json r = json::parse(reform.out);
  CHECK_GT(r["programme_totals"]["public_welfare_post"].get<double>(),
           s["programme_totals"]["public_welfare_post"].get<double>());
  // A saved reform does what the same --set does, and with a reform the output says what it changed.
  const Run saved =
      run_cli("simulate --policy yunnan/changning --households 300 --seed 1 --reform reforms/1-post-1000.json");
  REQUIRE_EQ(saved.status, 0);
  CHECK_EQ(json::parse(saved.out)["programme_totals"], r["programme_totals"]);
  CHECK_EQ(r["against_policy"]["losers"], 0);
  CHECK_GT(r["against_policy"]["winners"].get<int>(), 0);
  CHECK_GT(r["against_policy"]["cost"].get<double>(), 0);
  CHECK_FALSE(s.contains("against_policy"));
  const Run bad =
      run_cli("simulate --policy yunnan/changning --households 3 --seed 1 --reform examples/changning-tuopin.json");
  CHECK_EQ(bad.status, 2);
  CHECK_EQ(bad.out, "");
  CHECK(bad.err.find("error: examples/changning-tuopin.json:/schema: expected \"zengshou.reform/1\"") !=
        std::string::npos);
  const Run missing = run_cli("simulate --households 10");
  CHECK_EQ(missing.status, 2);
  CHECK(missing.err.find("error: --policy: expected --policy ID for simulate") != std::string::npos);
  CHECK(missing.err.find("error: --seed: expected --seed S for simulate") != std::string::npos);
}

TEST_CASE("errors: exit 2, nothing on stdout, one 'error: WHERE: expected' line per problem") {
  struct Case {
    const char* args;
    const char* input;
    const char* first_line;
  };
  const Case cases[] = {
      {"eval -", "not json", "error: line 1, column 2: expected a JSON household file"},
      {"eval -", R"({"schema":"zengshou.household/1","year":"x","category":"tuopin","members":[{"birth_year":1980}]})",
       "error: /year: expected a whole number from 1900 to 2100, got \"x\""},
      {"eval -", R"({"schema":"zengshou.household/1","year":2022,"category":"tuopin","members":[{"birth_year":1980}]})",
       "error: /policy: expected a policy id in the file or --policy"},
      {"eval --policy yunnan/kunming -",
       R"({"schema":"zengshou.household/1","year":2022,"category":"tuopin","members":[{"birth_year":1980}]})",
       "error: --policy: expected a known policy id"},
      {"eval --policy guizhou/ceheng -",
       R"({"schema":"zengshou.household/1","year":2021,"category":"tuopin","members":[{"birth_year":1980}]})",
       "error: /year: expected a year that guizhou/ceheng covers (2022–2024), got 2021"},
      {"eval --policy guizhou/ceheng -",
       R"({"schema":"zengshou.household/1","year":2022,"category":"x","members":[{"birth_year":1980,"jobs":[{"kind":"local","months":3,"monthly_wage":-1}]}]})",
       "error: /category: expected one of tuopin"},
      {"eval --set nonsense=1 -", "{}", "error: --set nonsense=1: expected a known parameter name"},
      {"eval --set public_welfare_post.monthly=abc -", "{}",
       "error: --set public_welfare_post.monthly=abc: expected an amount"},
      {"eval missing-file.json", "", "error: missing-file.json: expected a readable household file"},
      {"frobnicate x", "", "error: frobnicate: expected a command"},
      {"project examples/ceheng-dibao.json", "", "error: --years: expected --years N"},
      {"batch -", "household_id,year,category,name,birth_year,months\nA,2022,tuopin,x,1980,13\n",
       "error: line 2, column \"months\": expected"},
      {"batch -", "household_id,year,category\nA,2022,tuopin,extra\n", "error: line 2: expected 3 columns, got 4"},
      {"batch -", "household_id,name\nA,x\n", "error: line 1: expected a 年度 (year) column, or the year for"},
  };
  for (const Case& c : cases) {
    const std::string args = c.args;
    CAPTURE(args);
    const Run r = run_cli(c.args, c.input);
    CHECK_EQ(r.status, 2);
    CHECK(r.out.empty());
    CHECK_MESSAGE(r.err.find(c.first_line) != std::string::npos, r.err);
  }
  // Every problem on its own line: the bad category and the negative wage together.
  const Run both = run_cli("eval --policy guizhou/ceheng -", cases[5].input);
  CHECK(both.err.find("error: /members/0/jobs/0/monthly_wage: expected an amount") != std::string::npos);
}
