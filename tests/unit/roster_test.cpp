// Rosters (CONTRACT.md `batch`, issue 6): a cadre's spreadsheet with Chinese headers and Chinese values reads as the
// same households as the documented English columns; problems name the column as the file wrote it.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "core/household_json.h"
#include "formats/roster_file.h"
#include "helpers.h"

using namespace zengshou::test;
using namespace zengshou::formats;

TEST_CASE("Chinese headers and values read as the English columns do") {
  const char* english =
      "household_id,head,village,year,category,dibao,farmland_mu,name,birth_year,labor,school,job_kind,months,"
      "monthly_wage\n"
      "R-1,张三,某村,2022,tuopin,false,5,张三,1975,full,,out_of_province,10,4000\n"
      "R-1,张三,某村,2022,tuopin,false,5,李梅,1978,weak,,public_welfare_post,12,800\n"
      "R-1,张三,某村,2022,tuopin,false,5,张小红,2006,full,secondary_vocational,,,\n"
      "R-2,韦光明,册亨某村,2023,monitor_marginal,true,2.5,韦光明,1962,none,,,,\n";
  const char* chinese =
      "\xEF\xBB\xBF户编号,户主,村,年度,户类别,低保,耕地面积(亩),姓名,出生年份,劳动能力,就学,务工类型,务工月数,月工资\n"
      "R-1,张三,某村,2022,脱贫户,否,5,张三,1975,有劳动能力,,省外务工,10,4000\n"
      "R-1,张三,某村,2022,脱贫户,否,5,李梅,1978,半劳动力,,公益性岗位,12,800\n"
      "R-1,张三,某村,2022,脱贫户,否,5,张小红,2006,有劳动能力,中职,,,\n"
      "R-2,韦光明,册亨某村,2023,边缘易致贫户,是,2.5,韦光明,1962,无劳动能力,,,,\n";
  const auto a = parse_roster(english).roster;
  const auto b = parse_roster(chinese).roster;
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE_EQ(a.value.size(), 2);
  REQUIRE_EQ(b.value.size(), 2);
  for (size_t i = 0; i < 2; ++i)
    CHECK_EQ(household_to_json(a.value[i].household).dump(), household_to_json(b.value[i].household).dump());
  CHECK_EQ(b.value[0].household.members[1].jobs[0].kind, JobKind::public_welfare_post);
  CHECK_EQ(b.value[1].household.category, Category::monitor_marginal);
}

TEST_CASE("a bad cell in a Chinese roster is named by its Chinese header") {
  const auto bad = parse_roster("户编号,年度,户类别,姓名,出生年份\nR-1,2022,脱贫户,张三,一九七五\n").roster;
  REQUIRE_EQ(bad.errors.size(), 1);
  CHECK_EQ(error_line(bad.errors[0]), "error: line 2, column \"出生年份\": expected a whole number, got \"一九七五\"");
  // A column it does not know is left out and listed, as a workbook's is; the file is then not in the roster's own
  // shape, so the app shows it in its import window first.
  const auto unknown = parse_roster("户编号,年度,户类别,姓名,出生年份,收入\nR-1,2022,脱贫户,张三,1975,5\n");
  CHECK(unknown.roster.ok());
  CHECK_EQ(unknown.ignored, std::vector<std::string>{"收入"});
  CHECK_FALSE(unknown.own_columns);
  CHECK(parse_roster("户编号,年度,户类别,姓名,出生年份\nR-1,2022,脱贫户,张三,1975\n").own_columns);
}

TEST_CASE("a household's rows are together, as a streamed batch reads them: rows apart are a problem at the later") {
  const auto apart =
      parse_roster("household_id,year,category,name,birth_year\nA,2022,tuopin,x,1980\nB,2022,tuopin,y,1980\n"
                   "A,2022,tuopin,z,1990\n")
          .roster;
  REQUIRE_EQ(apart.errors.size(), 1);
  CHECK_EQ(error_line(apart.errors[0]),
           "error: line 4: expected the rows of household \"A\" together: it has rows above another household's (sort "
           "the file by 户编号)");
}
