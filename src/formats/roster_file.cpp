#include "roster_file.h"

#include <algorithm>  // find_if, min
#include <charconv>   // from_chars
#include <deque>      // rows read ahead
#include <map>        // households by id
#include <set>        // cells already reported
#include <span>       // enum aliases

#include <nlohmann/json.hpp>

#include "core/household_json.h"
#include "core/json_reading.h"
#include "csv_read.h"          // the stream's rows
#include "spreadsheet_read.h"  // read_csv
#include "text_encoding.h"     // is_utf8

namespace zengshou::formats {
namespace {

using namespace core;  // the household file's reader and its JSON helpers

using nlohmann::json;

// The Chinese a cadre's spreadsheet uses for an enum value, and the value. A workbook's cells may also begin with
// the words (小学三年级 is 小学).
struct Alias {
  std::string_view zh;
  std::string_view value;
};

// 监测户 alone does not say which kind of monitored household: a 监测对象类别 column does (monitor_kind_aliases).
constexpr std::string_view monitored_unspecified = "monitored";
constexpr Alias category_aliases[] = {{"脱贫户", "tuopin"},
                                      {"已脱贫户", "tuopin"},
                                      {"脱贫人口", "tuopin"},
                                      {"脱贫不稳定户", "monitor_unstable"},
                                      {"边缘易致贫户", "monitor_marginal"},
                                      {"突发严重困难户", "monitor_sudden"},
                                      {"一般农户", "general"},
                                      {"一般户", "general"},
                                      {"城镇居民", "urban"},
                                      {"监测户", monitored_unspecified},
                                      {"监测对象", monitored_unspecified},
                                      {"防返贫监测户", monitored_unspecified}};
constexpr Alias monitor_kind_aliases[] = {
    {"脱贫不稳定户", "monitor_unstable"}, {"脱贫不稳定", "monitor_unstable"}, {"不稳定户", "monitor_unstable"},
    {"边缘易致贫户", "monitor_marginal"}, {"边缘易致贫", "monitor_marginal"}, {"边缘户", "monitor_marginal"},
    {"突发严重困难户", "monitor_sudden"}, {"突发严重困难", "monitor_sudden"}, {"突发困难户", "monitor_sudden"}};
constexpr Alias labor_aliases[] = {{"有劳动能力", "full"}, {"普通劳动力", "full"},   {"技能劳动力", "full"},
                                   {"弱劳动力", "weak"},   {"半劳动力", "weak"},     {"弱劳动力或半劳动力", "weak"},
                                   {"无劳动能力", "none"}, {"丧失劳动能力", "none"}, {"丧失劳动力", "none"},
                                   {"无劳动力", "none"}};
constexpr Alias school_aliases[] = {
    {"义务教育", "compulsory"},       {"小学", "compulsory"},           {"初中", "compulsory"},
    {"普通高中", "senior_high"},      {"高中", "senior_high"},          {"中职", "secondary_vocational"},
    {"中专", "secondary_vocational"}, {"职高", "secondary_vocational"}, {"高职", "higher_vocational"},
    {"大专", "higher_vocational"},    {"技工院校", "technical"},        {"本科", "undergraduate"},
    {"高校毕业生", "graduate"}};
constexpr Alias job_aliases[] = {{"县内务工", "local"},
                                 {"县内", "local"},
                                 {"乡镇内", "local"},
                                 {"省内县外", "in_province"},
                                 {"县外省内", "in_province"},
                                 {"省内", "in_province"},
                                 {"省外务工", "out_of_province"},
                                 {"省外", "out_of_province"},
                                 {"乡村公益性岗位", "public_welfare_post"},
                                 {"公益性岗位", "public_welfare_post"},
                                 {"公益岗", "public_welfare_post"},
                                 {"以工代赈", "work_relief"},
                                 {"生态护林员", "forest_ranger"},
                                 {"护林员", "forest_ranger"},
                                 {"村医", "village_doctor"},
                                 {"乡村医生", "village_doctor"},
                                 {"就业见习", "internship"},
                                 {"见习", "internship"}};
// A vocational qualification's level (证书直补): 初级 is 五级, 中级 四级, 高级 三级; 技师 (二级) and 高级技师 (一级)
// are above 高级 and paid as it. A cell may say more after the words (初级工, 高级技师证书).
constexpr Alias certificate_aliases[] = {{"无", "none"},           {"初级", "primary"},      {"五级", "primary"},
                                         {"中级", "intermediate"}, {"四级", "intermediate"}, {"高级", "advanced"},
                                         {"三级", "advanced"},     {"技师", "advanced"},     {"二级", "advanced"},
                                         {"一级", "advanced"}};
// Every word above is Chinese, so a cell that begins with an ASCII byte (tuopin, full, a number) is none of them.
template <size_t N>
constexpr bool chinese_words(const Alias (&aliases)[N]) {
  for (const Alias& a : aliases)
    if (a.zh.empty() || static_cast<unsigned char>(a.zh[0]) < 0x80) return false;
  return true;
}
static_assert(chinese_words(category_aliases) && chinese_words(monitor_kind_aliases) && chinese_words(labor_aliases) &&
              chinese_words(school_aliases) && chinese_words(job_aliases) && chinese_words(certificate_aliases));

// What a certificate cell that is none of them is told, in a sheet's words rather than the household file's names
// (none, primary …), so that the app's Chinese (应为以下之一:无、初级…) needs no English.
constexpr std::string_view certificate_expected = "expected one of 无, 初级, 中级, 高级, 技师, 高级技师";

// Each column's place in a household, for the direct reader (direct_household): one a column, named as it is.
enum class Field {
  household_id,
  head,
  village,
  policy,
  year,
  category,
  relocated,
  dibao,
  tekun,
  farmland_mu,
  eco_compensation,
  family_support,
  other_transfers,
  production_revenue,
  production_cost,
  land_rent,
  dividends,
  house_rent,
  other_property,
  guaranteed_dividend,
  grain_mu,
  returned_farmland_mu,
  temporary_assistance,
  microcredit_principal,
  microcredit_rate,
  microcredit_months,
  last_year_per_capita_net,
  name,
  birth_year,
  id_number,
  relation,
  monitor_kind,
  labor,
  disability_grade,
  school,
  east_west,
  job_kind,
  months,
  monthly_wage,
  first_organized_export,
  pension_enrolled,
  pension_tier,
  training_days,
  certificate,
  people,
  wage_income,
  production_income,
  production_expenses,
  property_income,
  transfer_income,
  of_which
};

// Column → where it goes in the household JSON (and, for the direct reader, in a Household). "members/N/…"
// fields come from each member's row; the others from the first row of the household. Headers may be the English
// name or any of the Chinese ones cadres' sheets use (compared without spaces, full-width brackets and colons as
// half-width). A column with no pointer is read for what it tells about others: the ID number gives a birth year,
// the relation the head.
struct Column {
  std::string_view name;
  Field field;
  std::vector<std::string_view> names_zh;
  std::string_view pointer;  // under the household, or under /members/N when `member`
  bool member;
  enum Kind { text, integer, number, boolean, id_number, relation, monitor_kind, part } kind;
  std::span<const Alias> aliases = {};  // Chinese words for an enum's values
};

const std::vector<Column>& columns() {
  static const std::vector<Column> list = {
      {"household_id", Field::household_id, {"户编号", "户号", "户码", "户编码"}, "/id", false, Column::text},
      {"head", Field::head, {"户主", "户主姓名"}, "/head", false, Column::text},
      {"village", Field::village, {"村", "行政村", "所在村", "村名"}, "/village", false, Column::text},
      {"policy", Field::policy, {"政策"}, "/policy", false, Column::text},
      {"year", Field::year, {"年度"}, "/year", false, Column::integer},
      {"category",
       Field::category,
       {"户类别", "户类型", "农户类型", "户属性"},
       "/category",
       false,
       Column::text,
       category_aliases},
      // Which kind of monitored household, beside a 户类别 of 监测户 (the monitoring system's export has both).
      {"monitor_kind",
       Field::monitor_kind,
       {"监测对象类别", "监测对象类型", "监测类型", "监测类别", "监测户类型"},
       "",
       false,
       Column::monitor_kind,
       monitor_kind_aliases},
      {"relocated", Field::relocated, {"易地搬迁"}, "/relocated", false, Column::boolean},
      {"dibao", Field::dibao, {"低保"}, "/dibao", false, Column::boolean},
      {"tekun", Field::tekun, {"特困"}, "/tekun", false, Column::boolean},
      {"farmland_mu",
       Field::farmland_mu,
       {"耕地面积(亩)", "耕地面积"},
       "/transfers/farmland_mu",
       false,
       Column::number},
      {"eco_compensation",
       Field::eco_compensation,
       {"生态补偿", "生态补偿金"},
       "/transfers/eco_compensation",
       false,
       Column::number},
      {"family_support", Field::family_support, {"赡养费"}, "/transfers/family_support", false, Column::number},
      {"other_transfers", Field::other_transfers, {"其他转移性收入"}, "/transfers/other", false, Column::number},
      {"production_revenue",
       Field::production_revenue,
       {"生产经营收入"},
       "/production/0/revenue",
       false,
       Column::number},
      {"production_cost", Field::production_cost, {"生产经营支出"}, "/production/0/cost", false, Column::number},
      {"land_rent", Field::land_rent, {"土地流转租金"}, "/property/land_rent", false, Column::number},
      {"dividends", Field::dividends, {"入股分红"}, "/property/dividends", false, Column::number},
      {"house_rent", Field::house_rent, {"房屋租金"}, "/property/house_rent", false, Column::number},
      {"other_property", Field::other_property, {"其他财产性收入"}, "/property/other", false, Column::number},
      {"guaranteed_dividend",
       Field::guaranteed_dividend,
       {"保底分红", "保底分红基数"},
       "/property/guaranteed_dividend",
       false,
       Column::number},
      {"grain_mu",
       Field::grain_mu,
       {"实际种粮面积(亩)", "实际种粮面积", "种粮面积"},
       "/transfers/grain_mu",
       false,
       Column::number},
      {"returned_farmland_mu",
       Field::returned_farmland_mu,
       {"退耕还林面积(亩)", "退耕还林面积"},
       "/transfers/returned_farmland_mu",
       false,
       Column::number},
      {"temporary_assistance",
       Field::temporary_assistance,
       {"临时救助", "临时救助金"},
       "/transfers/temporary_assistance",
       false,
       Column::number},
      // A 脱贫人口小额信贷 loan: the three together, or none of them (the household file's reader requires all three).
      {"microcredit_principal",
       Field::microcredit_principal,
       {"小额信贷金额", "小额信贷本金", "贷款金额"},
       "/microcredit/principal",
       false,
       Column::number},
      {"microcredit_rate_percent",
       Field::microcredit_rate,
       {"贷款年利率(%)", "贷款年利率", "贷款利率(%)", "贷款利率"},
       "/microcredit/rate_percent",
       false,
       Column::number},
      {"microcredit_months",
       Field::microcredit_months,
       {"贷款月数", "本年贷款月数"},
       "/microcredit/months",
       false,
       Column::integer},
      {"last_year_per_capita_net",
       Field::last_year_per_capita_net,
       {"上年人均纯收入"},
       "/last_year_per_capita_net",
       false,
       Column::number},
      {"name", Field::name, {"姓名", "成员姓名"}, "/name", true, Column::text},
      {"birth_year", Field::birth_year, {"出生年份", "出生年"}, "/birth_year", true, Column::integer},
      {"id_number",
       Field::id_number,
       {"证件号码", "身份证号", "身份证号码", "公民身份号码"},
       "",
       true,
       Column::id_number},
      {"relation", Field::relation, {"与户主关系"}, "", true, Column::relation},
      {"labor", Field::labor, {"劳动能力", "劳动技能"}, "/labor", true, Column::text, labor_aliases},
      {"disability_grade", Field::disability_grade, {"残疾等级"}, "/disability_grade", true, Column::integer},
      {"school",
       Field::school,
       {"就学", "在校生状况", "在校情况"},
       "/school/level",
       true,
       Column::text,
       school_aliases},
      {"east_west", Field::east_west, {"东西协作"}, "/school/east_west", true, Column::boolean},
      {"job_kind",
       Field::job_kind,
       {"务工类型", "务工所在地", "务工地点"},
       "/jobs/0/kind",
       true,
       Column::text,
       job_aliases},
      {"months", Field::months, {"务工月数", "务工时间(月)", "务工时长(月)"}, "/jobs/0/months", true, Column::integer},
      {"monthly_wage",
       Field::monthly_wage,
       {"月工资", "务工月收入", "月收入"},
       "/jobs/0/monthly_wage",
       true,
       Column::number},
      {"first_organized_export",
       Field::first_organized_export,
       {"首次有组织输出"},
       "/jobs/0/first_organized_export",
       true,
       Column::boolean},
      {"pension_enrolled", Field::pension_enrolled, {"参加养老保险"}, "/pension/enrolled", true, Column::boolean},
      {"pension_tier", Field::pension_tier, {"缴费档次"}, "/pension/tier", true, Column::number},
      {"training_days", Field::training_days, {"培训天数"}, "/training_days", true, Column::integer},
      {"certificate",
       Field::certificate,
       {"取得证书等级", "职业技能证书", "证书等级"},
       "/certificate",
       true,
       Column::text,
       certificate_aliases},
      // One row a household with its income totals, as the national monitoring system's 收入测算表 has them: the
      // totals stand in for members (core::EnteredIncome); the parts (其中…) and the per-capita figure are in them.
      {"people",
       Field::people,
       {"家庭人口数", "家庭人口", "人口数", "户人口数", "家庭人数"},
       "/entered_income/people",
       false,
       Column::integer},
      {"wage_income", Field::wage_income, {"工资性收入"}, "/entered_income/wage", false, Column::number},
      {"production_income",
       Field::production_income,
       {"生产经营性收入"},
       "/entered_income/production",
       false,
       Column::number},
      {"production_expenses",
       Field::production_expenses,
       {"生产经营性支出"},
       "/entered_income/production_cost",
       false,
       Column::number},
      {"property_income", Field::property_income, {"财产性收入"}, "/entered_income/property", false, Column::number},
      {"transfer_income", Field::transfer_income, {"转移性收入"}, "/entered_income/transfer", false, Column::number},
      {"of_which",
       Field::of_which,
       {"其中公益性岗位收入", "其中:公益性岗位收入", "公益性岗位收入", "资产收益扶贫分红收入",
        "其中:资产收益扶贫分红收入", "养老金", "养老金或离退休金", "计划生育金", "最低生活保障金", "低保金",
        "特困供养金", "人均纯收入", "家庭纯收入", "家庭人均纯收入"},
       "",
       false,
       Column::part},
  };
  return list;
}

// A header or value as written, compared without spaces (ASCII and full-width), full-width brackets, colons and
// percent signs as half-width: 务工时间（月） is 务工时间(月), 贷款年利率（％） 贷款年利率(%).
std::string normalised(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const std::string_view rest = text.substr(i);
    if (rest.starts_with("\u3000")) {
      i += 3;
    } else if (rest.starts_with("（")) {
      out += '(';
      i += 3;
    } else if (rest.starts_with("）")) {
      out += ')';
      i += 3;
    } else if (rest.starts_with("：")) {
      out += ':';
      i += 3;
    } else if (rest.starts_with("％")) {
      out += '%';
      i += 3;
    } else {
      if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r') out += text[i];
      ++i;
    }
  }
  return out;
}

const Column* column_named(std::string_view name) {
  for (const Column& c : columns())
    if (c.name == name) return &c;
  return nullptr;
}

// The units a header may give in brackets after its name: 月工资(元), 务工月数(月), 耕地面积(亩), 月工资(万元).
constexpr std::string_view header_units[] = {"元", "万元", "万", "月",    "个月", "亩",
                                             "人", "天",   "年", "元/月", "元/年"};

// Whether a header's unit is ten thousands of yuan: 月工资(万元), 生产经营收入(万).
bool in_ten_thousands(std::string_view header) {
  const std::string name = normalised(header);
  return name.ends_with("(万元)") || name.ends_with("(万)");
}

// The column a header names: her own match for it first (`aliases`, the import window's), then the names above.
const Column* find_column(std::string_view header, const ColumnAliases* aliases = nullptr) {
  const std::string name = normalised(header);
  if (aliases != nullptr)
    for (const auto& [written, column] : *aliases)
      if (normalised(written) == name) return column_named(column);
  for (const Column& c : columns()) {
    if (c.name == name) return &c;
    for (std::string_view zh : c.names_zh)
      if (zh == name) return &c;
  }
  // A unit in brackets after the name: 月工资(元), 务工月数(月), 月工资(万元) (read as ten thousands).
  // A unit this reader does not know (千元 …) leaves the column unknown: listed, for her to match, not misread.
  if (const size_t open = name.rfind('('); open != std::string::npos && open > 0 && name.ends_with(')')) {
    const std::string_view unit = std::string_view(name).substr(open + 1, name.size() - open - 2);
    if (std::find(std::begin(header_units), std::end(header_units), unit) != std::end(header_units))
      return find_column(name.substr(0, open), aliases);
  }
  return nullptr;
}

// A row of cells, a CSV's or a sheet's, with the line or row number it has in its file.
struct Row {
  int line;
  std::vector<std::string> cells;
};

// Where the rows come from, to name a cell as its user sees it: a CSV's line and column header, or a sheet's cell
// (收入测算!E4) and header.
struct Source {
  std::string sheet;  // empty: CSV
  std::string where(int line, size_t column, std::string_view header) const {
    if (sheet.empty()) return "line " + std::to_string(line) + ", column \"" + std::string(header) + "\"";
    return sheet + "!" + column_letters(column) + std::to_string(line) + " (column \"" + std::string(header) + "\")";
  }
  std::string row(int line) const { return (sheet.empty() ? "line " : sheet + " row ") + std::to_string(line); }
};

// A number as a workbook stores it, in fen: exact decimals ("1500", "18000.5"), an exponent ("1.5E3"), and the
// binary noise of a sum a spreadsheet computed ("0.30000000000000004", "1199.9999999999998") rounded away — but
// nothing that is really finer than a fen.
std::optional<int64_t> workbook_fen(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  std::string digits;
  int exponent = 0;  // value = digits × 10^exponent
  bool point = false, any = false;
  size_t i = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      any = true;
      if (point) --exponent;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  if (i < text.size()) {
    if (text[i] != 'e' && text[i] != 'E') return std::nullopt;
    int e = 0;
    const char* from = text.data() + i + 1;
    if (from < text.data() + text.size() && *from == '+') ++from;
    const auto [end, error] = std::from_chars(from, text.data() + text.size(), e);
    if (error != std::errc() || end != text.data() + text.size() || e > 30 || e < -30) return std::nullopt;
    exponent += e;
  }
  exponent += 2;  // in fen
  if (exponent < 0) {
    const size_t cut = static_cast<size_t>(-exponent);
    std::string rest =
        digits.size() > cut ? digits.substr(digits.size() - cut) : std::string(cut - digits.size(), '0') + digits;
    digits = digits.size() > cut ? digits.substr(0, digits.size() - cut) : "0";
    // What is finer than a fen must be noise: at least four 0s or four 9s right after the fen.
    const bool exact = rest.find_first_not_of('0') == std::string::npos;
    const bool noise_below = rest.size() > 4 && rest.starts_with("0000");
    const bool noise_above = rest.size() > 4 && rest.starts_with("9999");
    if (!exact && !noise_below && !noise_above) return std::nullopt;
    if (noise_above) {  // round up: …99 → …00 with a carry
      size_t k = digits.size();
      while (k > 0 && digits[k - 1] == '9') digits[--k] = '0';
      if (k == 0)
        digits.insert(digits.begin(), '1');
      else
        ++digits[k - 1];
    }
  } else {
    digits.append(static_cast<size_t>(exponent), '0');
  }
  const size_t first = digits.find_first_not_of('0');
  if (first != std::string::npos && digits.size() - first > 15) return std::nullopt;  // beyond any amount
  int64_t fen = 0;
  for (char c : digits) fen = fen * 10 + (c - '0');
  return negative ? -fen : fen;
}

// GB 11643: the 18th character of an ID number is Σ digit × weight over the first 17, mod 11, mapped to 1 0 X 9 … 2.
bool id_check_digit_matches(std::string_view id) {
  constexpr int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  constexpr char check[] = "10X98765432";
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    if (id[i] < '0' || id[i] > '9') return false;
    sum += (id[i] - '0') * weights[i];
  }
  const char last = id[17] == 'x' ? 'X' : id[17];
  return last == check[sum % 11];
}

// A number as a cadre types it, made plain: full-width digits and signs (１２，５００．５), thousands separated by
// commas ("1,500", only in groups of three), spaces around it and a closing unit: `unit` is 1 for 元, 10000 for 万
// or 万元, 0 for none. None when nothing is left to read.
std::optional<std::string> plain_number(std::string_view cell, int& unit) {
  std::string out;
  for (size_t i = 0; i < cell.size();) {
    const std::string_view rest = cell.substr(i);
    // Full-width forms U+FF01–FF5E are ASCII + 0xFEE0: EF BC 80–BF and EF BD 80–9E in UTF-8.
    if (rest.size() >= 3 && static_cast<unsigned char>(rest[0]) == 0xEF &&
        (static_cast<unsigned char>(rest[1]) == 0xBC || static_cast<unsigned char>(rest[1]) == 0xBD)) {
      const int code =
          0xFF00 + ((static_cast<unsigned char>(rest[1]) & 0x03) << 6) + (static_cast<unsigned char>(rest[2]) & 0x3F);
      out += static_cast<char>(code - 0xFEE0);
      i += 3;
    } else if (rest.starts_with("\u3000")) {  // a full-width space
      i += 3;
    } else {
      if (rest[0] != ' ') out += rest[0];
      ++i;
    }
  }
  for (std::string_view written : {"万元", "万", "元"})
    if (out.ends_with(written)) {
      unit = written == "元" ? 1 : 10000;
      out.resize(out.size() - written.size());
      break;
    }
  // Thousands: groups of three after the first (of one to three) in the whole part, each after a comma.
  if (out.find(',') != std::string::npos) {
    const size_t sign = out.starts_with('-') || out.starts_with('+') ? 1 : 0;
    const size_t end = std::min(out.find('.'), out.size());
    std::string whole;
    size_t group = 0;
    for (size_t i = sign; i < end; ++i) {
      if (out[i] != ',') {
        whole += out[i];
        ++group;
        continue;
      }
      if (group == 0 || group > 3 || (whole.size() > group && group != 3)) return std::nullopt;
      group = 0;
    }
    if (group != 3) return std::nullopt;
    out = out.substr(0, sign) + whole + out.substr(end);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

// A birth year from a Chinese ID number: 18 characters (digits 7–10 the year) or the old 15 (digits 7–8, 19xx).
// An 18-character number whose last character (GB 11643's check) does not match the others gives none: one digit of
// it was typed wrong, and which one is not known.
std::optional<int> id_birth_year(std::string_view id) {
  const auto digits = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (id[i] < '0' || id[i] > '9') return -1;
      v = v * 10 + (id[i] - '0');
    }
    return v;
  };
  int year = -1;
  if (id.size() == 18 && !id_check_digit_matches(id)) return std::nullopt;
  if (id.size() == 18) year = digits(6, 4);
  if (id.size() == 15) year = digits(6, 2) < 0 ? -1 : 1900 + digits(6, 2);
  if (year < 1900 || year > 2100) return std::nullopt;
  return year;
}

bool is_head_relation(std::string_view relation) { return relation == "户主" || relation == "本人"; }

// The value of the Chinese word a cell is, or begins with (小学三年级 is 小学); none when it is not one of them.
const Alias* find_alias(std::span<const Alias> aliases, std::string_view cell) {
  if (cell.empty() || static_cast<unsigned char>(cell[0]) < 0x80) return nullptr;  // the words are Chinese (above)
  for (const Alias& a : aliases)
    if (a.zh == cell) return &a;
  for (const Alias& a : aliases)
    if (!cell.empty() && cell.starts_with(a.zh)) return &a;
  return nullptr;
}

// A cell read by its column's kind: the field its kind fills. `text` views the cell or an alias's value.
struct CellValue {
  std::string_view text;   // text: an enum's value for its Chinese word, else the cell
  long long whole = 0;     // integer
  int64_t hundredths = 0;  // number: fen, or hundredths of a mu
  bool flag = false;       // boolean
};

// A cell's value; an empty cell is left out. Numbers may be written as a spreadsheet stores them (workbook_fen),
// enum words may begin a longer cell (小学三年级). A cell that cannot be read gives nothing and what was expected in
// `problem`.
std::optional<CellValue> cell_read(std::string_view cell, const Column& column, std::string& problem,
                                   bool ten_thousands = false) {
  if (cell.empty()) return std::nullopt;
  CellValue v;
  const auto got = [&] { return ", got \"" + std::string(cell) + "\""; };
  switch (column.kind) {
    case Column::id_number:
    case Column::relation:
    case Column::monitor_kind:
      return std::nullopt;  // read for what they tell of others
    case Column::part:
      return std::nullopt;  // in a total already
    case Column::text:
      if (const Alias* a = find_alias(column.aliases, cell))
        v.text = a->value;
      else
        v.text = cell;
      return v;
    case Column::boolean:
      v.flag = cell == "true" || cell == "1" || cell == "是" || cell == "TRUE";
      if (v.flag || cell == "false" || cell == "0" || cell == "否" || cell == "FALSE") return v;
      problem = "expected true or false" + got();
      return std::nullopt;
    case Column::integer: {
      const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), v.whole);
      if (error == std::errc() && end == cell.data() + cell.size()) return v;
      std::optional<int64_t> fen = workbook_fen(cell);
      int unit = 0;
      if (!fen)
        if (const auto plain = plain_number(cell, unit); plain && !unit) fen = workbook_fen(*plain);
      if (fen && *fen % 100 == 0) {
        v.whole = *fen / 100;
        return v;
      }
      problem = "expected a whole number" + got();
      return std::nullopt;
    }
    case Column::number: {
      // A loan's rate may end in % (Excel's CSV writes a percentage cell so): 3.45% is 3.45 in its column of percents.
      std::string_view number = cell;
      if (column.field == Field::microcredit_rate)
        for (const std::string_view percent : {"%", "％"})
          if (number.ends_with(percent)) {
            number.remove_suffix(percent.size());
            break;
          }
      // Yuan, or ten thousands of them where the cell or else the header says 万: 0.15 万元 is 1500 yuan; a cell's own
      // unit wins (1500元 in a 万元 column is 1500 yuan).
      std::optional<int64_t> hundredths = ten_thousands ? std::nullopt : parse_yuan_text(number);
      if (hundredths && column.field != Field::microcredit_rate) {  // a plain amount: most cells of a roster
        v.hundredths = *hundredths;
        return v;
      }
      int unit = 0;
      const auto plain = plain_number(number, unit);
      if (!hundredths && plain)
        hundredths = workbook_fen(unit == 10000 || (unit == 0 && ten_thousands) ? *plain + "E4" : *plain);
      // A sheet's percentage cell holds a fraction (5 % is 0.05, 3.45 % is 0.0345): no loan is lent below 1 % a year,
      // so a rate under 1 is that fraction, which read as percents would be a hundred times too small.
      const bool fraction = (plain && (plain->starts_with("0.") || plain->starts_with(".")) &&
                             plain->find_first_of("123456789") != std::string::npos) ||
                            (hundredths && *hundredths > 0 && *hundredths < 100);  // 5E-2 as a workbook stores it
      if (column.field == Field::microcredit_rate && fraction) {
        problem = "expected the yearly rate in percent (3.45 for 3.45 %), not a fraction" + got();
        return std::nullopt;
      }
      if (hundredths) {
        v.hundredths = *hundredths;
        return v;
      }
      problem = "expected a number with at most two decimals" + got();
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// The same as JSON, for the household file's reader.
std::optional<json> cell_value(std::string_view cell, const Column& column, std::string& problem, bool ten_thousands) {
  const auto v = cell_read(cell, column, problem, ten_thousands);
  if (!v) return std::nullopt;
  switch (column.kind) {
    case Column::text:
      return json(v->text);
    case Column::boolean:
      return json(v->flag);
    case Column::integer:
      return json(v->whole);
    default:
      return v->hundredths % 100 == 0 ? json(v->hundredths / 100) : json(static_cast<double>(v->hundredths) / 100.0);
  }
}

// Rows of cells, CSV's or a sheet's, from the header row on.
struct Table {
  Source source;
  std::optional<int> year;  // what the whole table shares: a workbook's year and category
  std::optional<Category> category;
  std::vector<Row> rows;                   // rows[0] is the header
  const ColumnAliases* aliases = nullptr;  // headers she matched to columns herself
  bool direct = true;                      // households read straight into a Household where they can be

  void share(const SheetDefaults& d) {
    year = d.year;
    category = d.category;
    aliases = &d.columns;
  }
};

// The header's columns, as found.
struct Header {
  std::vector<const Column*> columns;                               // per cell; null: unknown
  std::vector<json::json_pointer> pointers;                         // where each goes, parsed once
  std::vector<bool> ten_thousands;                                  // per cell: the header says 万元
  std::map<std::string_view, std::pair<size_t, std::string>> seen;  // column name → its index and header as written
  const Column* column(std::string_view name) const {
    const auto it = seen.find(name);
    return it == seen.end() ? nullptr : columns[it->second.first];
  }
  std::optional<size_t> index(std::string_view name) const {
    const auto it = seen.find(name);
    return it == seen.end() ? std::nullopt : std::optional(it->second.first);
  }
};

// A household pointer as a place in the table: "/members/1/jobs/0/months" → the second member's row, column
// "months" (or "务工月数", as the header wrote it).
std::string table_place(const Table& t, const Header& h, const std::string& pointer, int first_line,
                        const std::vector<int>& member_lines) {
  int line = first_line;
  std::string rest = pointer;
  bool member = false;
  if (rest.rfind("/members/", 0) == 0) {
    const size_t slash = rest.find('/', 9);
    size_t index = 0;
    std::from_chars(rest.data() + 9, rest.data() + (slash == std::string::npos ? rest.size() : slash), index);
    if (index < member_lines.size()) line = member_lines[index];
    rest = slash == std::string::npos ? "" : rest.substr(slash);
    member = true;
  }
  for (const Column& c : columns())
    if (c.member == member && c.pointer == rest) {
      const auto written = h.seen.find(c.name);
      if (written != h.seen.end()) return t.source.where(line, written->second.first, written->second.second);
      if (t.source.sheet.empty()) return "line " + std::to_string(line) + ", column \"" + std::string(c.name) + "\"";
      return t.source.row(line) + " (no column \"" + std::string(c.names_zh.front()) + "\")";
    }
  return t.source.row(line) + " (" + pointer + ")";
}

// How a header reads: its columns, and what puts members in households — the id, else the head's name, else the
// relation to the head (a household starts at its head's row).
struct Layout {
  Header h;
  std::vector<std::string> written;  // the header's cells as written
  std::optional<size_t> key_column;
  bool by_relation = false;
  bool member_detail = false;  // a column of a member's own facts (not only their ID or relation)
  std::optional<size_t> id_column, birth_column, relation_column, name_column, monitor_column, category_column;
};

Parsed<Layout> read_layout(const Table& t, const Row& first, std::vector<std::string>& ignored) {
  Parsed<Layout> out;
  Layout& l = out.value;
  Header& h = l.h;
  l.written = first.cells;
  for (size_t c = 0; c < first.cells.size(); ++c) {
    const std::string& name = first.cells[c];
    const Column* found = find_column(name, t.aliases);
    if (found == nullptr && !name.empty())
      ignored.push_back(name);
    else if (found != nullptr && !h.seen.contains(found->name))
      h.seen[found->name] = {c, name};
    else if (found != nullptr)
      found = nullptr;  // the same column twice: the first one is read
    h.columns.push_back(found);
    h.pointers.emplace_back(found ? std::string(found->pointer) : "");
    h.ten_thousands.push_back(found != nullptr && found->kind == Column::number && in_ten_thousands(name));
  }
  const bool by_id = h.seen.contains("household_id");
  const bool by_head = !by_id && h.seen.contains("head");
  l.by_relation = !by_id && !by_head && h.seen.contains("relation");
  if (!by_id && !by_head && !l.by_relation)
    out.errors.push_back(
        {t.source.row(first.line), "expected a 户编号, 户主 or 与户主关系 column, which puts members in households"});
  l.key_column = h.index(by_id ? "household_id" : by_head ? "head" : "relation");
  l.member_detail = std::any_of(h.columns.begin(), h.columns.end(),
                                [](const Column* c) { return c != nullptr && c->member && !c->pointer.empty(); });
  l.id_column = h.index("id_number");
  l.birth_column = h.index("birth_year");
  l.relation_column = h.index("relation");
  l.name_column = h.index("name");
  l.monitor_column = h.index("monitor_kind");
  l.category_column = h.index("category");
  return out;
}

std::string_view cell_of(const Row& row, std::optional<size_t> c) {
  return c && *c < row.cells.size() ? std::string_view(row.cells[*c]) : std::string_view();
}

// Whether a row is a member's: not an empty or 合计 row, not a CSV row wider than its header (a problem).
bool member_row(const Table& t, const Layout& l, const Row& row, InputErrors& errors) {
  const auto filled = std::find_if(row.cells.begin(), row.cells.end(), [](const std::string& x) { return !x.empty(); });
  if (filled == row.cells.end() || *filled == "合计" || *filled == "总计" || *filled == "小计") return false;
  // A CSV row wider than its header has a comma in a value not quoted ("1,500"): every cell after it would be
  // read in the wrong column. (A spreadsheet saves every row as wide as the widest, the header too.)
  if (t.source.sheet.empty() && row.cells.size() > l.written.size()) {
    errors.push_back({t.source.row(row.line), "expected " + std::to_string(l.written.size()) + " columns, got " +
                                                  std::to_string(row.cells.size())});
    return false;
  }
  return true;
}

// An enum's value by its English name, as the household file's reader takes it.
template <typename E, size_t N>
bool enum_value(const std::array<std::string_view, N>& names, std::string_view text, E& to) {
  const auto it = std::find(names.begin(), names.end(), text);
  if (it == names.end()) return false;
  to = static_cast<E>(it - names.begin());
  return true;
}

// The household of these rows read straight into a Household, with no JSON between (batch reads millions): when
// every cell reads and the household is within the household file's rules. Otherwise nothing, and read_household
// takes the JSON path, which names each problem as the household file's reader does. Where this gives a household,
// it is the one the JSON path gives (roster_test: "the direct reader gives the JSON path's household").
std::optional<Household> direct_household(const Table& t, const Layout& l, std::span<const Row* const> rows) {
  Household h;
  std::optional<int> year = t.year;
  std::optional<Category> category = t.category;
  ProductionActivity production;  // kind "other", as read_household writes it
  EnteredIncome entered;
  Microcredit loan;
  bool has_production = false, has_entered = false, has_people = false, has_head = false, members_complete = true;
  bool has_principal = false, has_rate = false, has_loan_months = false;
  const auto money = [](const CellValue& v, Money& to) {
    to = Money::fen(v.hundredths);
    return v.hundredths >= 0 && v.hundredths <= max_amount_fen;
  };
  const auto whole = [](const CellValue& v, WholeRange range, int& to) {
    to = static_cast<int>(v.whole);
    return range.holds(v.whole);
  };
  for (const Row* row : rows) {
    const bool first = row == rows.front();
    Member m;
    School school;
    Job job;
    bool has_school = false, has_level = false, has_job = false, has_kind = false;
    for (size_t c = 0; c < l.written.size(); ++c) {
      const Column* col = l.h.columns[c];
      if (col == nullptr) continue;
      std::string problem;
      const auto value = cell_read(cell_of(*row, c), *col, problem, l.h.ten_thousands[c]);
      if (!problem.empty()) return std::nullopt;
      if (!value || (!col->member && !first)) continue;  // the household's own columns come from its first row
      const CellValue& v = *value;
      bool ok = true;
      switch (col->field) {
        case Field::household_id:
          h.id = v.text;
          break;
        case Field::head:
          h.head = v.text;
          has_head = true;
          break;
        case Field::village:
          h.village = v.text;
          break;
        case Field::policy:
          h.policy = v.text;
          break;
        case Field::year:
          ok = year_range.holds(v.whole);
          year = static_cast<int>(v.whole);
          break;
        case Field::category:
          category.emplace();
          // 监测户: which kind, the 监测对象类别 column says (below); without it the JSON path names the problem.
          ok = v.text == monitored_unspecified || enum_value(category_names, v.text, *category);
          break;
        case Field::relocated:
          h.relocated = v.flag;
          break;
        case Field::dibao:
          h.dibao = v.flag;
          break;
        case Field::tekun:
          h.tekun = v.flag;
          break;
        case Field::farmland_mu: {
          Money area;
          ok = money(v, area);
          h.transfers.farmland_centimu = area.fen();
          break;
        }
        case Field::eco_compensation:
          ok = money(v, h.transfers.eco_compensation);
          break;
        case Field::family_support:
          ok = money(v, h.transfers.family_support);
          break;
        case Field::other_transfers:
          ok = money(v, h.transfers.other);
          break;
        case Field::production_revenue:
          ok = money(v, production.revenue);
          has_production = true;
          break;
        case Field::production_cost:
          ok = money(v, production.cost);
          has_production = true;
          break;
        case Field::land_rent:
          ok = money(v, h.property.land_rent);
          break;
        case Field::dividends:
          ok = money(v, h.property.dividends);
          break;
        case Field::house_rent:
          ok = money(v, h.property.house_rent);
          break;
        case Field::other_property:
          ok = money(v, h.property.other);
          break;
        case Field::guaranteed_dividend:
          ok = money(v, h.property.guaranteed_dividend);
          break;
        case Field::grain_mu: {
          Money area;
          ok = money(v, area);
          h.transfers.grain_centimu = area.fen();
          break;
        }
        case Field::returned_farmland_mu: {
          Money area;
          ok = money(v, area);
          h.transfers.returned_farmland_centimu = area.fen();
          break;
        }
        case Field::temporary_assistance:
          ok = money(v, h.transfers.temporary_assistance);
          break;
        case Field::microcredit_principal:
          ok = money(v, loan.principal);
          has_principal = true;
          break;
        case Field::microcredit_rate: {
          Money rate;  // two decimals of a percent: basis points, at most 100 %
          ok = money(v, rate) && rate.fen() <= 10000;
          loan.rate_basis_points = rate.fen();
          has_rate = true;
          break;
        }
        case Field::microcredit_months:
          ok = whole(v, months_range, loan.months);
          has_loan_months = true;
          break;
        case Field::last_year_per_capita_net:
          ok = money(v, h.last_year_per_capita_net.emplace());
          break;
        case Field::name:
          m.name = v.text;
          break;
        case Field::birth_year:
          // Up to the household's year, below; a member with none (0) is outside that too.
          ok = year_range.holds(v.whole);
          m.birth_year = static_cast<int>(v.whole);
          break;
        case Field::labor:
          ok = enum_value(labor_names, v.text, m.labor);
          break;
        case Field::disability_grade:
          ok = whole(v, disability_grade_range, m.disability_grade);
          break;
        case Field::school:
          ok = enum_value(school_level_names, v.text, school.level);
          has_school = has_level = true;
          break;
        case Field::east_west:
          school.east_west = v.flag;
          has_school = true;
          break;
        case Field::job_kind:
          ok = enum_value(job_kind_names, v.text, job.kind);
          has_job = has_kind = true;
          break;
        case Field::months:
          ok = whole(v, months_range, job.months);
          has_job = true;
          break;
        case Field::monthly_wage:
          ok = money(v, job.monthly_wage);
          has_job = true;
          break;
        case Field::first_organized_export:
          job.first_organized_export = v.flag;
          has_job = true;
          break;
        case Field::pension_enrolled:
          m.pension.enrolled = v.flag;
          break;
        case Field::pension_tier:
          ok = money(v, m.pension.tier);
          break;
        case Field::training_days:
          ok = whole(v, training_days_range, m.training_days);
          break;
        case Field::certificate:
          ok = enum_value(certificate_level_names, v.text, m.certificate);
          break;
        case Field::people:
          ok = whole(v, people_range, entered.people);
          has_entered = has_people = true;
          break;
        case Field::wage_income:
          ok = money(v, entered.wage);
          has_entered = true;
          break;
        case Field::production_income:
          ok = money(v, entered.production);
          has_entered = true;
          break;
        case Field::production_expenses:
          ok = money(v, entered.production_cost);
          has_entered = true;
          break;
        case Field::property_income:
          ok = money(v, entered.property);
          has_entered = true;
          break;
        case Field::transfer_income:
          ok = money(v, entered.transfer);
          has_entered = true;
          break;
        case Field::id_number:
        case Field::relation:
        case Field::monitor_kind:
        case Field::of_which:
          break;  // no value of their own
      }
      if (!ok) return std::nullopt;
    }
    // As read_household: the ID number's birth year where none is written, the head's name from the relation.
    if (cell_of(*row, l.birth_column).empty())
      if (const auto born = id_birth_year(cell_of(*row, l.id_column))) m.birth_year = *born;
    if (!has_head && is_head_relation(cell_of(*row, l.relation_column)) && !cell_of(*row, l.name_column).empty()) {
      h.head = cell_of(*row, l.name_column);
      has_head = true;
    }
    // What a kept member must have: a school's level, a job's kind (and a graduate's years since graduating, which
    // have no column, so the household file's reader refuses a graduate here).
    members_complete &=
        !(has_school && (!has_level || school.level == SchoolLevel::graduate)) && !(has_job && !has_kind);
    if (has_school) m.school = school;
    if (has_job) m.jobs.push_back(job);
    h.members.push_back(std::move(m));
  }
  // The kind of monitored household, where a column gives it, is the household's category.
  if (const std::string_view kind = cell_of(*rows.front(), l.monitor_column); !kind.empty()) {
    const Alias* alias = find_alias(monitor_kind_aliases, kind);
    if (alias == nullptr) return std::nullopt;
    category.emplace();
    enum_value(category_names, alias->value, *category);
  } else if (const Alias* a = find_alias(category_aliases, cell_of(*rows.front(), l.category_column));
             a != nullptr && a->value == monitored_unspecified) {
    return std::nullopt;
  }
  if (!year || !category || !year_range.holds(*year)) return std::nullopt;  // (a sheet's year is checked here)
  h.year = *year;
  h.category = *category;
  if (has_production) h.production.push_back(std::move(production));
  // A loan is its three columns together: one left empty is a problem for the JSON path to name.
  if (has_principal || has_rate || has_loan_months) {
    if (!has_principal || !has_rate || !has_loan_months) return std::nullopt;
    h.microcredit = loan;
  }
  if (has_entered) {
    // The totals stand in for members: a row of totals only, or a problem for the JSON path to name.
    if (!has_people || l.member_detail) return std::nullopt;
    h.entered = entered;
    h.members.clear();
  } else {
    if (!members_complete || h.members.size() > static_cast<size_t>(max_members)) return std::nullopt;
    for (const Member& m : h.members)
      if (m.birth_year < earliest_year || m.birth_year > h.year) return std::nullopt;
  }
  return h;
}

// The household of these rows (its members'), or its problems, added to `out`.
void read_household(const Table& t, const Layout& l, std::span<const Row* const> rows,
                    Parsed<std::vector<RosterEntry>>& out) {
  if (auto household = t.direct ? direct_household(t, l, rows) : std::nullopt) {
    out.value.push_back({std::move(*household), t.source.row(rows.front()->line)});
    return;
  }
  const Header& h = l.h;
  json doc = json::object();
  if (t.year) doc["year"] = *t.year;
  if (t.category) doc["category"] = std::string(category_names[static_cast<size_t>(*t.category)]);
  doc["schema"] = household_schema;
  doc["members"] = json::array();
  std::vector<int> member_lines;    // the row of each member
  std::set<std::string> bad_cells;  // cells already reported: the household's own checks would repeat them
  std::set<std::string> said;       // household pointers whose problem is already said at another cell
  for (const Row* row : rows) {
    member_lines.push_back(row->line);
    json person = json::object();
    for (size_t c = 0; c < l.written.size(); ++c) {
      if (h.columns[c] == nullptr) continue;
      const Column& col = *h.columns[c];
      std::string problem;
      auto value = cell_value(cell_of(*row, c), col, problem, h.ten_thousands[c]);
      // A certificate's level in words she knows (the household file's reader would list its English names).
      if (col.field == Field::certificate && value &&
          std::find(certificate_level_names.begin(), certificate_level_names.end(), value->get<std::string>()) ==
              certificate_level_names.end()) {
        problem = std::string(certificate_expected) + ", got \"" + std::string(cell_of(*row, c)) + "\"";
        value.reset();
      }
      if (!problem.empty()) {
        std::string where = t.source.where(row->line, c, l.written[c]);
        bad_cells.insert(where);
        out.errors.push_back({std::move(where), std::move(problem)});
      }
      if (!value) continue;
      if (col.member)
        person[h.pointers[c]] = *value;
      else if (row == rows.front())  // the household's own columns come from its first row
        doc[h.pointers[c]] = *value;
    }
    // The ID number's birth year where none is written; the head's name from the relation where no column has it.
    if (!person.contains("birth_year") && cell_of(*row, l.birth_column).empty()) {
      const std::string_view id = cell_of(*row, l.id_column);
      if (const auto year = id_birth_year(id)) {
        person["birth_year"] = *year;
      } else if (!id.empty() && !(doc.contains("entered_income") && !l.member_detail)) {
        // (A household of totals has no members to need a birth year.) Said at the ID number, not as a missing birth
        // year: a digit typed wrong, or the number Excel turned into 5.30524E+17 (its last digits gone).
        std::string where = t.source.where(row->line, *l.id_column, l.written[*l.id_column]);
        said.insert("/members/" + std::to_string(member_lines.size() - 1) + "/birth_year");
        out.errors.push_back({std::move(where),
                              "expected an ID number of 18 characters whose last one checks (GB "
                              "11643), or a 出生年份 column, got \"" +
                                  std::string(id) + "\""});
      }
    }
    if (!doc.contains("head") && is_head_relation(cell_of(*row, l.relation_column)) &&
        !cell_of(*row, l.name_column).empty())
      doc["head"] = std::string(cell_of(*row, l.name_column));
    if (person.contains("jobs") && !person["jobs"][0].contains("monthly_wage")) person["jobs"][0]["monthly_wage"] = 0;
    if (person.contains("jobs") && !person["jobs"][0].contains("months")) person["jobs"][0]["months"] = 0;
    doc["members"].push_back(std::move(person));
  }
  // 监测户 with its kind in a 监测对象类别 column; without one, which kind it is has to be said.
  const auto cell_problem = [&](size_t c, std::string problem) {
    std::string where = t.source.where(rows.front()->line, c, l.written[c]);
    bad_cells.insert(where);
    out.errors.push_back({std::move(where), std::move(problem)});
  };
  if (const std::string_view kind = cell_of(*rows.front(), l.monitor_column); !kind.empty()) {
    if (const Alias* a = find_alias(monitor_kind_aliases, kind))
      doc["category"] = std::string(a->value);
    else
      cell_problem(*l.monitor_column,
                   "expected 脱贫不稳定户, 边缘易致贫户 or 突发严重困难户, got \"" + std::string(kind) + "\"");
    said.insert("/category");  // whatever the category cell says, the kind's problem is said
  } else if (doc.value("category", "") == monitored_unspecified) {
    said.insert("/category");
    cell_problem(*l.category_column,
                 "expected which kind of monitored household: 脱贫不稳定户, 边缘易致贫户 or "
                 "突发严重困难户, here or in a 监测对象类别 column, got \"" +
                     std::string(cell_of(*rows.front(), l.category_column)) + "\"");
  }
  if (doc.contains("production")) doc["production"][0]["kind"] = "other";
  // A household of totals has no members: its row is its own (an ID number there is the head's), unless the
  // sheet also gives members' detail, which the household's reader then refuses beside the totals.
  if (doc.contains("entered_income") && !l.member_detail) doc.erase("members");
  const int first_line = rows.front()->line;
  auto parsed = household_from_json(doc);
  for (InputError& e : parsed.errors) {
    if (said.contains(e.where)) continue;
    e.where = table_place(t, h, e.where, first_line, member_lines);
    if (!bad_cells.contains(e.where)) out.errors.push_back(std::move(e));
  }
  if (parsed.ok()) out.value.push_back({std::move(parsed.value), t.source.row(first_line)});
}

InputError rows_apart(const Table& t, const Row& row, const std::string& key) {
  return {t.source.row(row.line), "expected the rows of household \"" + key +
                                      "\" together: it has rows above another household's (sort the "
                                      "file by 户编号)"};
}

Parsed<std::vector<RosterEntry>> read_table(const Table& t, std::vector<std::string>& ignored) {
  Parsed<std::vector<RosterEntry>> out;
  const Row& first = t.rows[0];
  auto layout = read_layout(t, first, ignored);
  out.errors = std::move(layout.errors);
  if (!out.ok()) return out;
  const Layout& l = layout.value;
  if (t.rows.size() == 1) {
    out.errors.push_back({t.source.row(first.line + 1), "expected a household row after the header"});
    return out;
  }

  // First the rows of each household, which are together (as a streamed batch needs them: RosterStream), then each
  // household on its own, so one household's JSON is in memory at a time, not the roster's.
  std::vector<std::vector<const Row*>> households;
  std::map<std::string, size_t> by_key;
  std::string previous;
  for (size_t r = 1; r < t.rows.size(); ++r) {
    const Row& row = t.rows[r];
    if (!member_row(t, l, row, out.errors)) continue;
    std::string key(cell_of(row, l.key_column));
    if (l.by_relation) {
      if (is_head_relation(key)) {
        households.emplace_back();
      } else if (households.empty()) {
        out.errors.push_back({t.source.where(row.line, *l.key_column, l.h.seen.at("relation").second),
                              "expected the household's head (户主) before its other members"});
        continue;
      }
      households.back().push_back(&row);
      continue;
    }
    if (key.empty()) {
      const bool by_id = l.h.seen.contains("household_id");
      const auto& [index, written] = l.h.seen.at(by_id ? "household_id" : "head");
      out.errors.push_back({t.source.where(row.line, index, written), by_id ? "expected the household's id on every row"
                                                                            : "expected the head's name on every row"});
      continue;
    }
    const auto [it, is_new] = by_key.try_emplace(key, households.size());
    if (is_new) households.emplace_back();
    if (!is_new && key != previous) out.errors.push_back(rows_apart(t, row, key));
    households[it->second].push_back(&row);
    previous = std::move(key);
  }
  for (const std::vector<const Row*>& rows : households) read_household(t, l, rows, out);
  if (!out.ok()) out.value.clear();
  return out;
}

// How many of a row's cells name a roster column.
size_t recognised(const Sheet& sheet, size_t row, const ColumnAliases& aliases) {
  size_t n = 0;
  for (size_t c = 0; c < sheet.columns(row); ++c) n += find_column(sheet.text(row, c), &aliases) != nullptr;
  return n;
}

// The header: the row among the first 30 that names the most roster columns (at least two), so title rows above
// it (merged across the sheet, as county sheets have) are passed over.
std::optional<size_t> header_row(const Sheet& sheet, const ColumnAliases& aliases) {
  std::optional<size_t> best;
  size_t most = 1;
  for (size_t r = 0; r < std::min<size_t>(sheet.rows(), 30); ++r)
    if (const size_t n = recognised(sheet, r, aliases); n > most) {
      most = n;
      best = r;
    }
  return best;
}

// Spaces around a cell's text (ASCII and full-width), which a typed cell often has, are not part of it.
std::string_view trimmed_view(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  while (text.starts_with("\u3000")) text.remove_prefix(3);
  while (text.ends_with("\u3000")) text.remove_suffix(3);
  return text;
}
std::string trimmed(std::string_view text) { return std::string(trimmed_view(text)); }

Parsed<std::vector<RosterEntry>> parse_json_roster(std::string_view text) {
  Parsed<std::vector<RosterEntry>> out;
  const auto parsed = parse_json_text(text, "a JSON array of households", out.errors);
  if (!parsed) return out;
  const json& doc = *parsed;
  if (!doc.is_array()) {
    out.errors.push_back({"", "expected a JSON array of households, got " + describe(doc)});
    return out;
  }
  for (size_t i = 0; i < doc.size(); ++i) {
    const std::string at = "/" + std::to_string(i);
    auto parsed = household_from_json(doc[i], at);
    for (auto& e : parsed.errors) out.errors.push_back(std::move(e));
    if (parsed.ok()) out.value.push_back({std::move(parsed.value), at});
  }
  if (!out.ok()) out.value.clear();
  return out;
}

}  // namespace

std::vector<ColumnChoice> roster_column_choices() {
  std::vector<ColumnChoice> out;
  // A ledger's columns are mostly about members: theirs first, then the household's.
  for (const bool member : {true, false})
    for (const Column& c : columns())
      if (c.member == member && (!c.pointer.empty() || c.kind == Column::id_number || c.kind == Column::relation))
        out.push_back({c.name, c.names_zh.front()});
  return out;
}

namespace {

RosterRead read_roster_sheet(const Sheet& sheet, const SheetDefaults& defaults, bool direct) {
  RosterRead out;
  if (sheet.rows() == 0) {
    out.roster.errors.push_back(
        {sheet.name.empty() ? "line 1" : sheet.name, "expected a header row of roster columns"});
    return out;
  }
  // A CSV's problems with the whole file are at its first line; a sheet's, at its name.
  const std::string whole = sheet.name.empty() ? "line " + std::to_string(sheet.row_number(0)) : sheet.name;
  const auto header = header_row(sheet, defaults.columns);
  if (!header) {
    out.roster.errors.push_back(
        {whole,
         "expected a header row naming roster columns (户编号, 户主, 姓名, 出生年份 or 证件号码 …) in the "
         "first 30 rows"});
    return out;
  }
  out.header_row = sheet.row_number(*header);
  Table t;
  t.source.sheet = sheet.name;
  t.share(defaults);
  t.direct = direct;
  for (size_t r = *header; r < sheet.rows(); ++r) {
    Row row{sheet.row_number(r), {}};
    for (size_t c = 0; c < sheet.columns(r); ++c) row.cells.push_back(trimmed(sheet.text(r, c)));
    t.rows.push_back(std::move(row));
  }
  out.roster = read_table(t, out.ignored);
  for (const std::string& header : t.rows[0].cells) {
    if (find_column(header, t.aliases) == nullptr) continue;
    out.used.push_back(header);
    if (find_column(header) == nullptr) out.matched.push_back(header);
  }
  // A year and a category every household needs: from a column, or given for the whole sheet.
  InputErrors missing;
  const auto has = [&](std::string_view column) {
    return std::any_of(t.rows[0].cells.begin(), t.rows[0].cells.end(), [&](const std::string& h) {
      const Column* c = find_column(h, t.aliases);
      return c && c->name == column;
    });
  };
  if (!defaults.year && !has("year"))
    missing.push_back({whole, "expected a 年度 (year) column, or the year for the whole sheet (batch --year)"});
  if (!defaults.category && !has("category"))
    missing.push_back({whole,
                       "expected a 户类别 (category) column, or the category for the whole sheet (batch "
                       "--category, e.g. 脱贫户)"});
  if (!missing.empty()) {
    out.roster.value.clear();
    out.roster.errors = std::move(missing);
  }
  out.own_columns = *header == 0 && out.ignored.empty() && out.matched.empty() && has("year") && has("category");
  return out;
}

}  // namespace

RosterRead parse_roster_sheet(const Sheet& sheet, const SheetDefaults& defaults) {
  return read_roster_sheet(sheet, defaults, true);
}

RosterRead parse_roster_sheet_via_json(const Sheet& sheet, const SheetDefaults& defaults) {
  return read_roster_sheet(sheet, defaults, false);
}

std::optional<core::Category> category_from_text(std::string_view text) {
  for (size_t i = 0; i < category_names.size(); ++i)
    if (category_names[i] == text) return static_cast<Category>(i);
  for (const Alias& a : category_aliases)
    if (a.zh == text) return category_from_text(a.value);
  return std::nullopt;
}

size_t roster_sheet_index(const Workbook& workbook) {
  size_t best = 0, most = 0;
  for (size_t s = 0; s < workbook.sheets.size(); ++s) {
    const Sheet& sheet = workbook.sheets[s];
    if (const auto header = header_row(sheet, {}))
      if (const size_t n = recognised(sheet, *header, {}); n > most) {
        most = n;
        best = s;
      }
  }
  return best;
}

RosterRead parse_roster(std::string_view text, const SheetDefaults& defaults) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 BOM, as Excel writes
  const size_t first = text.find_first_not_of(" \t\r\n");
  RosterRead out;
  if (first != std::string_view::npos && text[first] == '[') {
    out.roster = parse_json_roster(text);
    out.own_columns = true;
    return out;
  }
  auto csv = read_csv(text);
  if (!csv.ok()) {
    out.roster.errors = std::move(csv.errors);
    return out;
  }
  return parse_roster_sheet(csv.value, defaults);
}

}  // namespace zengshou::formats

// ---- a roster a household at a time

namespace zengshou::formats {
namespace {

// A CSV's rows for the roster: each cell trimmed as parse_roster_sheet trims it, text not UTF-8 a problem (once).
class CsvRows {
 public:
  explicit CsvRows(std::streambuf* in) : reader_(in) {}

  // The next row, or false at the end; a row's problem (an open quote, text not UTF-8) is added to `errors`.
  bool next(Row& row, InputErrors& errors) {
    if (!reader_.next(row.cells, row.line)) {
      if (const auto quote = reader_.open_quote())
        errors.push_back({"line " + std::to_string(*quote), "expected a closing quote (\") for the cell it opens"});
      return false;
    }
    const bool check_text = !bad_text_ && !reader_.ascii_row();
    for (std::string& cell : row.cells) {
      if (check_text && !bad_text_ && !is_utf8(cell)) {
        errors.push_back(
            {"line " + std::to_string(row.line), "expected UTF-8 text (save the spreadsheet as CSV UTF-8)"});
        bad_text_ = true;  // once: every later row would say the same
      }
      if (const std::string_view t = trimmed_view(cell); t.size() != cell.size()) cell = std::string(t);
    }
    return true;
  }

 private:
  CsvReader reader_;
  bool bad_text_ = false;
};

// The households seen, by a 64-bit hash of their key (16 bytes each at most): a household whose rows come apart
// shows when its key comes again. Open addressing, half full at most.
class SeenKeys {
 public:
  // False when the key was seen before.
  bool insert(std::string_view key) {
    uint64_t h = 14695981039346656037u;  // FNV-1a
    for (const char c : key) h = (h ^ static_cast<uint8_t>(c)) * 1099511628211u;
    if (h == 0) h = 1;  // 0 marks an empty slot
    if (2 * (count_ + 1) > slots_.size()) grow();
    size_t i = h & (slots_.size() - 1);
    for (; slots_[i] != 0; i = (i + 1) & (slots_.size() - 1))
      if (slots_[i] == h) return false;
    slots_[i] = h;
    ++count_;
    return true;
  }

 private:
  void grow() {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    for (const uint64_t h : old)
      if (h != 0) {
        size_t i = h & (slots_.size() - 1);
        while (slots_[i] != 0) i = (i + 1) & (slots_.size() - 1);
        slots_[i] = h;
      }
  }
  std::vector<uint64_t> slots_;
  size_t count_ = 0;
};

constexpr size_t max_json_household_bytes = 1u << 20;  // a household of 30 members is a few KB

}  // namespace

struct RosterStream::Impl {
  enum class Kind { csv, json_lines, json_array };
  Impl(std::istream& stream, SheetDefaults d) : in(*stream.rdbuf()), defaults(std::move(d)), rows(&in) {}

  std::streambuf& in;
  SheetDefaults defaults;
  Kind kind = Kind::csv;
  bool started = false, done = false;
  // A CSV's
  Table table;
  std::optional<Layout> layout;
  std::vector<std::string> ignored;
  int header_line = 0;
  std::deque<Row> pending;  // rows read ahead: those after the header among the first 30, the next household's first
  CsvRows rows;
  std::vector<Row> rows_read;  // a household's rows, kept from one household to the next for their room
  std::vector<const Row*> row_pointers;
  SeenKeys seen;
  size_t households = 0;
  // JSON's
  size_t index = 0;
  int line = 0;

  std::optional<Parsed<RosterEntry>> next() {
    if (done) return std::nullopt;
    if (!started) {
      started = true;
      start();
      if (done) return problem_of_start;
    }
    switch (kind) {
      case Kind::csv:
        return next_csv();
      case Kind::json_lines:
        return next_json_line();
      case Kind::json_array:
        return next_json_element();
    }
    return std::nullopt;
  }

  std::optional<Parsed<RosterEntry>> problem_of_start;

  static Parsed<RosterEntry> problem(std::string where, std::string expected) {
    return {{}, {{std::move(where), std::move(expected)}}};
  }
  void stop(std::string where, std::string expected) {
    problem_of_start = problem(std::move(where), std::move(expected));
    done = true;
  }

  // What the file is, by its first character past a BOM and spaces; a CSV's header.
  void start() {
    if (in.sgetc() == 0xEF) {  // a UTF-8 BOM, as Excel writes
      std::string bom(3, '\0');
      in.sgetn(bom.data(), 3);
      if (bom != "\xEF\xBB\xBF") {
        stop("line 1", "expected UTF-8 text (save the spreadsheet as CSV UTF-8)");
        return;
      }
    }
    while (in.sgetc() == ' ' || in.sgetc() == '\t' || in.sgetc() == '\r' || in.sgetc() == '\n') {
      if (in.sbumpc() == '\n') ++line;
    }
    if (in.sgetc() == '[') {
      kind = Kind::json_array;
      in.sbumpc();
    } else if (in.sgetc() == '{') {
      kind = Kind::json_lines;
    } else {
      start_csv();
    }
  }

  void start_csv() {
    table.share(defaults);
    // The header: among the first 30 rows, as a sheet's.
    InputErrors errors;
    Sheet first;
    Row row;
    while (pending.size() < 30 && rows.next(row, errors)) {
      first.add_row(row.line);
      for (size_t c = 0; c < row.cells.size(); ++c) first.add_cell(c, row.cells[c], CellKind::text);
      pending.push_back(row);
    }
    if (!errors.empty()) {
      problem_of_start = Parsed<RosterEntry>{{}, std::move(errors)};
      done = true;
      return;
    }
    if (pending.empty()) return stop("line 1", "expected a header row of roster columns");
    const auto header = formats::header_row(first, defaults.columns);
    if (!header)
      return stop("line " + std::to_string(pending.front().line),
                  "expected a header row naming roster columns (户编号, 户主, 姓名, 出生年份 or 证件号码 …) in the "
                  "first 30 rows");
    for (size_t r = 0; r < *header; ++r) pending.pop_front();
    const Row head = std::move(pending.front());
    pending.pop_front();
    header_line = head.line;
    auto read = read_layout(table, head, ignored);
    if (!read.ok()) {
      problem_of_start = Parsed<RosterEntry>{{}, std::move(read.errors)};
      done = true;
      return;
    }
    layout = std::move(read.value);
    InputErrors missing;
    const std::string whole = "line " + std::to_string(first.row_number(0));
    if (!defaults.year && !layout->h.seen.contains("year"))
      missing.push_back({whole, "expected a 年度 (year) column, or the year for the whole sheet (batch --year)"});
    if (!defaults.category && !layout->h.seen.contains("category"))
      missing.push_back({whole,
                         "expected a 户类别 (category) column, or the category for the whole sheet (batch "
                         "--category, e.g. 脱贫户)"});
    if (!missing.empty()) {
      problem_of_start = Parsed<RosterEntry>{{}, std::move(missing)};
      done = true;
    }
  }

  bool take_row(Row& row, InputErrors& errors) {
    if (!pending.empty()) {
      row = std::move(pending.front());
      pending.pop_front();
      return true;
    }
    return rows.next(row, errors);
  }

  // The rows of the next household, together: until the key changes (or, grouped by relation, the next head).
  std::optional<Parsed<RosterEntry>> next_csv() {
    const Layout& l = *layout;
    size_t members = 0;  // the household's rows: the first of rows_read
    const auto slot = [&]() -> Row& {
      if (members == rows_read.size()) rows_read.emplace_back();
      return rows_read[members];
    };
    std::string key;
    InputErrors problems;
    while (take_row(slot(), problems)) {
      Row& row = rows_read[members];
      if (!member_row(table, l, row, problems)) {
        if (!problems.empty() && members == 0) return Parsed<RosterEntry>{{}, std::move(problems)};
        continue;
      }
      const std::string_view k = cell_of(row, l.key_column);
      if (l.by_relation) {
        if (is_head_relation(k) && members > 0) {
          pending.push_front(std::move(row));
          break;
        }
        if (!is_head_relation(k) && members == 0)
          return problem(table.source.where(row.line, *l.key_column, l.h.seen.at("relation").second),
                         "expected the household's head (户主) before its other members");
        ++members;
        continue;
      }
      if (k.empty()) {
        const bool by_id = l.h.seen.contains("household_id");
        const auto& [index, written] = l.h.seen.at(by_id ? "household_id" : "head");
        problems.push_back(
            {table.source.where(row.line, index, written),
             by_id ? "expected the household's id on every row" : "expected the head's name on every row"});
        if (members == 0) return Parsed<RosterEntry>{{}, std::move(problems)};
        continue;
      }
      if (members == 0) {
        key = k;
        if (!seen.insert(k)) problems.push_back(rows_apart(table, row, key));
      } else if (k != key) {
        pending.push_front(std::move(row));
        break;
      }
      ++members;
    }
    if (members == 0) {
      done = true;
      if (!problems.empty()) return Parsed<RosterEntry>{{}, std::move(problems)};
      if (households == 0)
        return problem("line " + std::to_string(header_line + 1), "expected a household row after the header");
      return std::nullopt;
    }
    ++households;
    Parsed<std::vector<RosterEntry>> read;
    read.errors = std::move(problems);
    row_pointers.clear();
    for (size_t m = 0; m < members; ++m) row_pointers.push_back(&rows_read[m]);
    read_household(table, l, row_pointers, read);
    if (!read.ok() || read.value.empty()) return Parsed<RosterEntry>{{}, std::move(read.errors)};
    return Parsed<RosterEntry>{std::move(read.value.front()), {}};
  }

  // A household from its JSON text, at `where` ("line 3" of JSON Lines, "/3" of an array).
  static Parsed<RosterEntry> household_of(std::string_view text, const std::string& where) {
    InputErrors errors;
    const auto doc = parse_json_text(text, "a household (a JSON object)", errors);
    if (!doc) return problem(where, errors.empty() ? "expected a household" : errors.front().expected);
    auto parsed = household_from_json(*doc, where);
    if (!parsed.ok()) return {{}, std::move(parsed.errors)};
    return {{std::move(parsed.value), where}, {}};
  }

  std::optional<Parsed<RosterEntry>> next_json_line() {
    std::string text;
    while (true) {
      text.clear();
      int ch = in.sbumpc();
      if (ch == std::char_traits<char>::eof()) {
        done = true;
        return std::nullopt;
      }
      ++line;
      for (; ch != std::char_traits<char>::eof() && ch != '\n'; ch = in.sbumpc()) {
        if (text.size() == max_json_household_bytes) {
          done = true;
          return problem("line " + std::to_string(line), "expected a household of at most 1 MB on a line");
        }
        text += static_cast<char>(ch);
      }
      if (text.find_first_not_of(" \t\r") != std::string::npos) break;
    }
    return household_of(text, "line " + std::to_string(line));
  }

  // The next element of the array: its text found by brackets and strings, then read on its own.
  std::optional<Parsed<RosterEntry>> next_json_element() {
    const auto skip_space = [&] {
      while (in.sgetc() == ' ' || in.sgetc() == '\t' || in.sgetc() == '\r' || in.sgetc() == '\n') in.sbumpc();
    };
    skip_space();
    if (index > 0 && in.sgetc() == ',') {
      in.sbumpc();
      skip_space();
    }
    if (in.sgetc() == ']') {
      done = true;
      return std::nullopt;
    }
    const std::string where = "/" + std::to_string(index++);
    std::string text;
    int depth = 0;
    bool in_string = false, escaped = false;
    for (int ch = in.sgetc(); ch != std::char_traits<char>::eof(); ch = in.sgetc()) {
      const char c = static_cast<char>(ch);
      if (depth == 0 && !in_string && (c == ',' || c == ']') && !text.empty()) break;
      in.sbumpc();
      text += c;
      if (text.size() > max_json_household_bytes) {
        done = true;
        return problem(where, "expected a household of at most 1 MB");
      }
      if (in_string) {
        if (escaped)
          escaped = false;
        else if (c == '\\')
          escaped = true;
        else if (c == '"')
          in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) break;
      }
    }
    if (text.empty() || depth != 0 || in_string) {
      done = true;
      return problem(where, "expected a household, then , or ] (the array ends before it closes)");
    }
    return household_of(text, where);
  }
};

RosterStream::RosterStream(std::istream& in, SheetDefaults defaults)
    : impl_(std::make_unique<Impl>(in, std::move(defaults))) {}
RosterStream::~RosterStream() = default;
std::optional<Parsed<RosterEntry>> RosterStream::next() { return impl_->next(); }
int RosterStream::header_row() const { return impl_->header_line; }
const std::vector<std::string>& RosterStream::ignored() const { return impl_->ignored; }

}  // namespace zengshou::formats
