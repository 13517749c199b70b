// The household file (CONTRACT.md): every problem at once, each with its JSON pointer; never half a household;
// household → JSON → household gives the same household.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/household_json.h"

using namespace zengshou::core;
using nlohmann::json;

namespace {

json minimal() {
  return json::parse(R"({
    "schema": "zengshou.household/1", "id": "H1", "policy": "yunnan/changning", "year": 2022,
    "category": "tuopin",
    "members": [ { "name": "张三", "birth_year": 1975 } ]
  })");
}

std::vector<std::string> problems(const json& doc) {
  std::vector<std::string> lines;
  for (const InputError& e : household_from_json(doc).errors) lines.push_back(error_line(e));
  return lines;
}

bool mentions(const std::vector<std::string>& lines, const std::string& where) {
  for (const std::string& l : lines)
    if (l.rfind("error: " + where + ": expected", 0) == 0) return true;
  return false;
}

}  // namespace

TEST_CASE("a minimal household parses with the contract's defaults") {
  const auto parsed = household_from_json(minimal());
  REQUIRE(parsed.ok());
  const Household& h = parsed.value;
  CHECK_EQ(h.category, Category::tuopin);
  CHECK_EQ(h.size(), 1);
  CHECK_EQ(h.members[0].labor, Labor::full);
  CHECK_FALSE(h.members[0].school.has_value());
  CHECK_FALSE(h.last_year_per_capita_net.has_value());
}

TEST_CASE("text that is not JSON is one error naming the file") {
  const auto parsed = parse_household("{ not json");
  REQUIRE_EQ(parsed.errors.size(), 1);
  CHECK(parsed.errors[0].expected.find("valid JSON") != std::string::npos);
}

TEST_CASE("every problem is reported at once, with its pointer, and no household is returned") {
  json doc = minimal();
  doc["year"] = "2022";                    // wrong type
  doc["category"] = "poor";                // unknown enum value
  doc["members"][0]["birth_year"] = 1850;  // out of range
  doc["members"][0]["jobs"] = json::array({{{"kind", "local"}, {"months", 13}, {"monthly_wage", -5}}});
  doc["property"] = {{"land_rent", 12.345}};  // three decimals
  doc.erase("schema");                        // missing required field
  const auto parsed = household_from_json(doc);
  CHECK_FALSE(parsed.ok());
  CHECK_EQ(parsed.value.size(), 0);  // never half a household
  const auto lines = problems(doc);
  CHECK(mentions(lines, "/schema"));
  CHECK(mentions(lines, "/year"));
  CHECK(mentions(lines, "/category"));
  CHECK(mentions(lines, "/members/0/birth_year"));
  CHECK(mentions(lines, "/members/0/jobs/0/months"));
  CHECK(mentions(lines, "/members/0/jobs/0/monthly_wage"));
  CHECK(mentions(lines, "/property/land_rent"));
}

TEST_CASE("messages say what was expected and what came") {
  json doc = minimal();
  doc["members"][0]["labor"] = "strong";
  const auto lines = problems(doc);
  REQUIRE_EQ(lines.size(), 1);
  CHECK_EQ(lines[0], "error: /members/0/labor: expected one of full, weak, none, got \"strong\"");
}

TEST_CASE("amounts: 0 to 100 000 000 yuan with at most two decimals") {
  json doc = minimal();
  doc["transfers"] = {{"other", 100000000}};
  CHECK(household_from_json(doc).ok());
  doc["transfers"] = {{"other", 100000000.01}};
  CHECK(mentions(problems(doc), "/transfers/other"));
  doc["transfers"] = {{"other", -0.01}};
  CHECK(mentions(problems(doc), "/transfers/other"));
  doc["transfers"] = {{"other", 0.1}};
  CHECK(household_from_json(doc).ok());
}

TEST_CASE("members: 1 to 30 (0 and 31 are errors at /members)") {
  json doc = minimal();
  doc["members"] = json::array();
  CHECK(mentions(problems(doc), "/members"));
  doc["members"] = json::array();
  for (int i = 0; i < 30; ++i) doc["members"].push_back({{"birth_year", 1980 + i}});
  CHECK(household_from_json(doc).ok());
  doc["members"].push_back({{"birth_year", 2000}});
  const auto lines = problems(doc);
  REQUIRE_EQ(lines.size(), 1);
  CHECK_EQ(lines[0], "error: /members: expected 1 to 30 members, got 31");
}

TEST_CASE("birth year 1900 to the household's year; months 0 to 12") {
  json doc = minimal();
  doc["members"][0]["birth_year"] = 2022;
  CHECK(household_from_json(doc).ok());
  doc["members"][0]["birth_year"] = 2023;
  CHECK(mentions(problems(doc), "/members/0/birth_year"));
  doc["members"][0]["birth_year"] = 1900;
  doc["members"][0]["jobs"] = json::array({{{"kind", "local"}, {"months", 12}, {"monthly_wage", 1}}});
  CHECK(household_from_json(doc).ok());
  doc["members"][0]["jobs"][0]["months"] = -1;
  CHECK(mentions(problems(doc), "/members/0/jobs/0/months"));
}

TEST_CASE("graduates need years_since; schools need a known level") {
  json doc = minimal();
  doc["members"][0]["school"] = {{"level", "graduate"}};
  CHECK(mentions(problems(doc), "/members/0/school/years_since"));
  doc["members"][0]["school"] = {{"level", "kindergarten"}};
  CHECK(mentions(problems(doc), "/members/0/school/level"));
}

TEST_CASE("household → JSON → household is the same household") {
  const auto first = parse_household(R"({
    "schema": "zengshou.household/1", "id": "H2", "head": "李四", "village": "新村", "policy": "guizhou/ceheng",
    "year": 2023, "category": "monitor_marginal", "relocated": true, "dibao": true, "tekun": false,
    "members": [
      { "name": "李四", "birth_year": 1960, "labor": "weak", "disability_grade": 1,
        "jobs": [ { "kind": "public_welfare_post", "months": 12, "monthly_wage": 800.5,
                    "first_organized_export": true, "probation_certificate_months": 2, "risk_area_months": 1 } ],
        "pension": { "enrolled": true, "tier": 300 }, "training_days": 4 },
      { "name": "李小", "birth_year": 2000, "school": { "level": "graduate", "years_since": 1, "exam_fees": 300 },
        "first_business_year": 2022 }
    ],
    "production": [ { "kind": "livestock", "name": "肉牛", "revenue": 20000.25, "cost": 8000 } ],
    "property": { "land_rent": 1, "dividends": 2, "house_rent": 3, "other": 4.05 },
    "transfers": { "farmland_mu": 3.25, "eco_compensation": 5, "family_support": 6, "other": 7 },
    "last_year_per_capita_net": 9876.54
  })");
  REQUIRE(first.ok());
  const json written = household_to_json(first.value);
  const auto second = household_from_json(written);
  REQUIRE(second.ok());
  CHECK_EQ(household_to_json(second.value), written);
  CHECK_EQ(second.value.transfers.farmland_centimu, 325);
  CHECK_EQ(second.value.members[0].jobs[0].monthly_wage, Money::fen(80050));
  CHECK_EQ(second.value.last_year_per_capita_net.value(), Money::fen(987654));
  CHECK_EQ(second.value.members[1].first_business_year.value(), 2022);
}

TEST_CASE("000 三(三)25: dibao_taper and a member's tekun are read and written back; absent, nothing changes") {
  json doc = minimal();
  auto plain = household_from_json(doc);
  REQUIRE(plain.ok());
  CHECK_FALSE(plain.value.dibao_taper.has_value());
  CHECK_FALSE(plain.value.members[0].tekun);
  const json written = household_to_json(plain.value);
  CHECK_FALSE(written.contains("dibao_taper"));  // files without them write as before
  CHECK_FALSE(written["members"][0].contains("tekun"));
  doc["dibao_taper"] = nullptr;
  CHECK(household_from_json(doc).ok());
  doc["dibao_taper"] = {{"year", 2021}, {"month", 9}, {"monthly", 312.5}};
  doc["members"][0]["tekun"] = true;
  const auto read = household_from_json(doc);
  REQUIRE(read.ok());
  REQUIRE(read.value.dibao_taper.has_value());
  CHECK_EQ(read.value.dibao_taper->year, 2021);
  CHECK_EQ(read.value.dibao_taper->month, 9);
  CHECK_EQ(read.value.dibao_taper->monthly, Money::fen(31250));
  CHECK(read.value.members[0].tekun);
  const json again = household_to_json(read.value);
  CHECK_EQ(again["dibao_taper"], doc["dibao_taper"]);
  CHECK_EQ(household_to_json(household_from_json(again).value), again);
  doc["dibao_taper"]["month"] = 13;
  CHECK(mentions(problems(doc), "/dibao_taper/month"));
  doc["dibao_taper"] = {{"year", 2021}, {"month", 1}};
  CHECK(mentions(problems(doc), "/dibao_taper/monthly"));
  doc["dibao_taper"] = {{"year", 2021}, {"month", 1}, {"monthly", -1}};
  CHECK(mentions(problems(doc), "/dibao_taper/monthly"));
  doc["dibao_taper"] = 5;
  CHECK(mentions(problems(doc), "/dibao_taper"));
}

TEST_CASE(
    "issue 21 facts: job kinds village_doctor and internship, certificate, guaranteed_dividend, grain and "
    "returned farmland, temporary_assistance and microcredit read, and write back the same") {
  json doc = minimal();
  doc["policy"] = "guizhou/ceheng";
  doc["year"] = 2023;
  doc["members"][0]["certificate"] = "intermediate";
  doc["members"][0]["jobs"] = json::array({{{"kind", "village_doctor"}, {"months", 12}, {"monthly_wage", 1500}},
                                           {{"kind", "internship"}, {"months", 3}, {"monthly_wage", 1200.5}}});
  doc["members"].push_back({{"name", "张小"}, {"birth_year", 2000}, {"certificate", "advanced"}});
  doc["property"] = {{"guaranteed_dividend", 1000.5}};
  doc["transfers"] = {{"grain_mu", 3.5}, {"returned_farmland_mu", 12.05}, {"temporary_assistance", 2000}};
  doc["microcredit"] = {{"principal", 50000}, {"rate_percent", 3.45}, {"months", 12}};
  const auto first = household_from_json(doc);
  REQUIRE(first.ok());
  const Household& h = first.value;
  CHECK_EQ(h.members[0].certificate, CertificateLevel::intermediate);
  CHECK_EQ(h.members[1].certificate, CertificateLevel::advanced);
  REQUIRE_EQ(h.members[0].jobs.size(), 2);
  CHECK_EQ(h.members[0].jobs[0].kind, JobKind::village_doctor);
  CHECK_EQ(h.members[0].jobs[0].months, 12);
  CHECK_EQ(h.members[0].jobs[0].monthly_wage, Money::fen(150000));
  CHECK_EQ(h.members[0].jobs[1].kind, JobKind::internship);
  CHECK_EQ(h.members[0].jobs[1].monthly_wage, Money::fen(120050));
  CHECK_EQ(h.property.guaranteed_dividend, Money::fen(100050));
  CHECK_EQ(h.transfers.grain_centimu, 350);               // 3.5 mu
  CHECK_EQ(h.transfers.returned_farmland_centimu, 1205);  // 12.05 mu
  CHECK_EQ(h.transfers.temporary_assistance, Money::fen(200000));
  REQUIRE(h.microcredit.has_value());
  CHECK_EQ(h.microcredit->principal, Money::fen(5000000));
  CHECK_EQ(h.microcredit->rate_basis_points, 345);  // 3.45 %
  CHECK_EQ(h.microcredit->months, 12);
  const json written = household_to_json(h);
  CHECK_EQ(written["members"][0]["certificate"], "intermediate");
  CHECK_EQ(written["members"][1]["certificate"], "advanced");
  CHECK_EQ(written["members"][0]["jobs"][0]["kind"], "village_doctor");
  CHECK_EQ(written["members"][0]["jobs"][1]["kind"], "internship");
  CHECK_EQ(written["property"]["guaranteed_dividend"], json(1000.5));
  CHECK_EQ(written["transfers"]["grain_mu"], json(3.5));
  CHECK_EQ(written["transfers"]["returned_farmland_mu"], json(12.05));
  CHECK_EQ(written["transfers"]["temporary_assistance"], json(2000));
  CHECK_EQ(written["microcredit"], json({{"principal", 50000}, {"rate_percent", 3.45}, {"months", 12}}));
  const auto second = household_from_json(written);
  REQUIRE(second.ok());
  CHECK_EQ(household_to_json(second.value), written);  // write → read → write is the same
}

TEST_CASE("issue 21 facts absent: a file without them writes exactly the keys it did before") {
  const auto plain = household_from_json(minimal());
  REQUIRE(plain.ok());
  CHECK_EQ(plain.value.members[0].certificate, CertificateLevel::none);
  CHECK_FALSE(plain.value.microcredit.has_value());
  CHECK_EQ(plain.value.transfers.grain_centimu, 0);
  const json written = household_to_json(plain.value);
  const auto keys = [](const json& object) {
    std::vector<std::string> out;
    for (const auto& [key, value] : object.items()) out.push_back(key);
    return out;
  };
  // nlohmann::json keeps keys sorted
  CHECK_EQ(keys(written), std::vector<std::string>{"category", "dibao", "head", "id", "last_year_per_capita_net",
                                                   "members", "policy", "production", "property", "relocated", "schema",
                                                   "tekun", "transfers", "village", "year"});
  CHECK_EQ(keys(written["property"]), std::vector<std::string>{"dividends", "house_rent", "land_rent", "other"});
  CHECK_EQ(keys(written["transfers"]),
           std::vector<std::string>{"eco_compensation", "family_support", "farmland_mu", "other"});
  CHECK_EQ(keys(written["members"][0]), std::vector<std::string>{"birth_year", "disability_grade", "jobs", "labor",
                                                                 "name", "pension", "school", "training_days"});
  // Zeros and "none" entered are not written either: the same file as without them
  json zeros = minimal();
  zeros["members"][0]["certificate"] = "none";
  zeros["property"] = {{"guaranteed_dividend", 0}};
  zeros["transfers"] = {{"grain_mu", 0}, {"returned_farmland_mu", 0}, {"temporary_assistance", 0}};
  const auto read = household_from_json(zeros);
  REQUIRE(read.ok());
  CHECK_EQ(household_to_json(read.value), written);
}

TEST_CASE("issue 21 facts: errors at their places (/microcredit/rate_percent, a member's /certificate, …)") {
  json doc = minimal();
  doc["microcredit"] = {{"principal", 50000}, {"rate_percent", 120}, {"months", 12}};
  auto lines = problems(doc);
  REQUIRE_EQ(lines.size(), 1);
  CHECK(mentions(lines, "/microcredit/rate_percent"));
  CHECK_EQ(lines[0],
           "error: /microcredit/rate_percent: expected a percentage from 0 to 100 with at most two decimals, got 120");
  doc["microcredit"]["rate_percent"] = 100;  // the most a yearly rate can be
  CHECK(household_from_json(doc).ok());
  doc["microcredit"]["rate_percent"] = 100.01;
  CHECK(mentions(problems(doc), "/microcredit/rate_percent"));
  doc["microcredit"]["rate_percent"] = 3.455;  // basis points: two decimals at most
  CHECK(mentions(problems(doc), "/microcredit/rate_percent"));
  doc["microcredit"] = {{"principal", 50000}, {"rate_percent", 3.45}, {"months", 13}};
  CHECK(mentions(problems(doc), "/microcredit/months"));
  doc["microcredit"] = {{"rate_percent", 3.45}, {"months", 12}};
  CHECK(mentions(problems(doc), "/microcredit/principal"));
  doc.erase("microcredit");
  doc["members"][0]["certificate"] = "expert";
  lines = problems(doc);
  REQUIRE_EQ(lines.size(), 1);
  CHECK_EQ(lines[0],
           "error: /members/0/certificate: expected one of none, primary, intermediate, advanced, got "
           "\"expert\"");
  doc["members"][0].erase("certificate");
  doc["members"][0]["jobs"] = json::array({{{"kind", "doctor"}, {"months", 12}, {"monthly_wage", 1500}}});
  CHECK(mentions(problems(doc), "/members/0/jobs/0/kind"));
  doc["members"][0].erase("jobs");
  doc["transfers"] = {{"grain_mu", -1}, {"returned_farmland_mu", 1.234}, {"temporary_assistance", -5}};
  lines = problems(doc);
  CHECK(mentions(lines, "/transfers/grain_mu"));
  CHECK(mentions(lines, "/transfers/returned_farmland_mu"));
  CHECK(mentions(lines, "/transfers/temporary_assistance"));
  doc.erase("transfers");
  doc["property"] = {{"guaranteed_dividend", 12.345}};
  CHECK(mentions(problems(doc), "/property/guaranteed_dividend"));
}
