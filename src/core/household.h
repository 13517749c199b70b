// The household: the facts a user enters (../shared/spec/DOMAIN.md §2, CONTRACT.md "Household").
#pragma once

#include <algorithm>    // max
#include <array>        // enum name tables
#include <cstdint>      // int64_t
#include <optional>     // optional facts
#include <string>       // names
#include <string_view>  // enum names
#include <vector>       // members, jobs, activities

#include "money.h"

namespace zengshou::core {

// 2.1 household categories. The values are bit positions in CategorySet.
enum class Category {
  tuopin,            // 脱贫户
  monitor_unstable,  // 脱贫不稳定户
  monitor_marginal,  // 边缘易致贫户
  monitor_sudden,    // 突发严重困难户
  general,           // 一般农户
  urban,             // 城镇居民 (Ceheng's urban programmes)
};
inline constexpr std::array<std::string_view, 6> category_names{
    "tuopin", "monitor_unstable", "monitor_marginal", "monitor_sudden", "general", "urban"};

// A set of categories, as a bit mask (policy parameters such as rain_dew.categories).
using CategorySet = uint32_t;
constexpr CategorySet category_bit(Category c) { return CategorySet{1} << static_cast<int>(c); }
constexpr bool contains(CategorySet set, Category c) { return (set & category_bit(c)) != 0; }
// 脱贫户 and the three kinds of 监测对象: the households most programmes are for.
inline constexpr CategorySet tuopin_and_monitored =
    category_bit(Category::tuopin) | category_bit(Category::monitor_unstable) |
    category_bit(Category::monitor_marginal) | category_bit(Category::monitor_sudden);

enum class Labor { full, weak, none };  // 有劳动能力 / 弱劳动力或半劳动力 / 无劳动能力
inline constexpr std::array<std::string_view, 3> labor_names{"full", "weak", "none"};

enum class SchoolLevel {
  compulsory,            // 义务教育
  senior_high,           // 普通高中
  secondary_vocational,  // 中职
  higher_vocational,     // 高职
  technical,             // 技工院校
  undergraduate,         // 本科
  graduate,              // 高校毕业生, within a few years of graduating
};
inline constexpr std::array<std::string_view, 7> school_level_names{
    "compulsory", "senior_high", "secondary_vocational", "higher_vocational", "technical", "undergraduate", "graduate"};

enum class JobKind {
  local,                // 县内
  in_province,          // 省内县外
  out_of_province,      // 省外
  public_welfare_post,  // 乡村公益性岗位
  work_relief,          // 以工代赈
  forest_ranger,        // 生态护林员
  village_doctor,       // 乡村医生 (村医)
  internship,           // 就业见习 (its pay is the 见习 living allowance)
};
inline constexpr std::array<std::string_view, 8> job_kind_names{
    "local",       "in_province",   "out_of_province", "public_welfare_post",
    "work_relief", "forest_ranger", "village_doctor",  "internship"};

enum class ProductionKind { crop, livestock, tourism, processing, other };
inline constexpr std::array<std::string_view, 5> production_kind_names{"crop", "livestock", "tourism", "processing",
                                                                       "other"};

// A vocational qualification (职业资格、职业技能等级、特种作业操作证) obtained this year by self-study or self-paid
// training (003 附件2 三.23 证书直补): 初级 (五级), 中级 (四级), 高级 (三级) and above.
enum class CertificateLevel { none, primary, intermediate, advanced };
inline constexpr std::array<std::string_view, 4> certificate_level_names{"none", "primary", "intermediate", "advanced"};

struct School {
  SchoolLevel level = SchoolLevel::compulsory;
  bool east_west = false;  // 东西协作 place (Yunnan: higher Rain and Dew amount)
  int years_since = 0;     // graduates only: years since graduation
  Money exam_fees;         // graduates only: exam registration fees paid this year
};

struct Job {
  JobKind kind = JobKind::local;
  int months = 0;                        // months worked in the year, 0–12
  Money monthly_wage;                    // as entered
  bool first_organized_export = false;   // 首次有组织劳务输出
  int probation_certificate_months = 0;  // months of a 3-month probation in a county firm, with a certificate
  int risk_area_months = 0;              // months worked in a medium/high epidemic risk area (2022)
};

struct Pension {
  bool enrolled = false;  // in the residents' pension scheme (城乡居民基本养老保险)
  Money tier;             // yearly contribution chosen, while under 60
};

struct Member {
  std::string name;
  int birth_year = 0;
  Labor labor = Labor::full;
  int disability_grade = 0;  // 0 none, 1–4; 1–2 severe (重度)
  std::optional<School> school;
  std::vector<Job> jobs;
  Pension pension;
  int training_days = 0;                   // days of government-subsidised training this year
  std::optional<int> first_business_year;  // year a first small business was registered (Ceheng urban, 附件3 7)
  bool tekun = false;                      // 特困人员 (in a 特困 household where nobody is marked, all are)
  CertificateLevel certificate = CertificateLevel::none;  // obtained this year, self-paid (证书直补)

  int age_in(int year) const { return year - birth_year; }
};

// Age-aware defaults (issue 20, 8). A new member of this age as the app starts one: of working age in the residents'
// pension at the 100-yuan tier; from `pension_age` (60) drawing it; under 16 not labour, and from 6 to 15 at school
// (义务教育).
Member age_default_member(std::string name, int birth_year, int year, int pension_age);
// Whether a member's facts beyond name and birth year are still those of a new member of some age (or of a bare
// one): then a birth year typed in brings its age's defaults. What was entered is never changed.
bool untouched(const Member& member, int year, int pension_age);
void apply_age_defaults(Member& member, int year, int pension_age);

struct ProductionActivity {
  ProductionKind kind = ProductionKind::other;
  std::string name;
  Money revenue;  // gross, 生产经营性收入
  Money cost;     // 生产经营性支出
};

struct Property {
  Money land_rent;   // 土地流转租金
  Money dividends;   // 入股分红、资产收益
  Money house_rent;  // 房屋出租
  Money other;       // machinery shares, forest rights, other
  // 保底分红 base this year: the most a 脱贫 person gets, each member a share of it by labour capacity (003 附件2
  // 二.13). Not also in `dividends`.
  Money guaranteed_dividend;
};

struct Transfers {
  int64_t farmland_centimu = 0;  // farmland area in 1/100 mu (耕地地力保护补贴 is paid by area)
  Money eco_compensation;        // 生态补偿
  Money family_support;          // 赡养费
  Money other;
  int64_t grain_centimu = 0;              // area actually sown to grain, 1/100 mu (实际种粮一次性补贴)
  int64_t returned_farmland_centimu = 0;  // 退耕还林 area still paid for, 1/100 mu (not also in eco_compensation)
  Money temporary_assistance;             // 临时救助 granted this year: one-off, set case by case
};

// A 脱贫人口小额信贷 loan (000 三(二)17): its interest is part of the production cost, and the subsidy (贴息)
// returns the share the policy pays.
struct Microcredit {
  Money principal;
  int64_t rate_basis_points = 0;  // the loan's yearly rate: 3.45 % is 345
  int months = 0;                 // months of this year the loan ran, 0–12
};

// A household's income as the national monitoring system records it: one figure a stream for the whole household,
// with its number of people, and no member detail (one row a household of the county's 收入测算表). The engine takes
// these as the household's income — what each programme paid is already in them — and says which programmes it
// could not check for want of members.
struct EnteredIncome {
  int people = 1;         // 家庭人口数
  Money wage;             // 工资性收入
  Money production;       // 生产经营性收入, gross
  Money production_cost;  // 生产经营性支出
  Money property;         // 财产性收入
  Money transfer;         // 转移性收入
};

// 低保渐退期: the household's income rose above the dibao standard, and it keeps its allowance for the taper months
// (000 三(三)25). The taper runs from `month` of `year` for the policy's dibao.taper_months.
struct DibaoTaper {
  int year = 0;   // when the per-capita income rose above the standard
  int month = 1;  // 1–12: the taper's first month
  Money monthly;  // the allowance the household had then, kept each taper month
};

// What the monitoring decision needs beyond income (issue 17; 001 二(二): "既看收入、又看支出").
// 刚性支出 of the year: what the household had to pay that its income does not show. Never subtracted from income
// (the national definition of net income does not): a trigger of its own.
struct RigidExpenses {
  Money medical;    // 医疗: paid out of pocket after reimbursement
  Money education;  // 教育
  Money disaster;   // 因灾因意外: losses from a disaster or an accident

  Money total() const { return medical + education + disaster; }
  bool any() const { return total() > Money{}; }
};

// 三保障 and drinking water: a gap is a risk whatever the income.
struct SecurityGaps {
  bool child_out_of_school = false;  // a child of compulsory-school age not in school (义务教育辍学)
  bool member_uninsured = false;     // a member without basic medical insurance (未参加基本医保)
  bool house_unsafe = false;         // the house is unsafe (C/D 级危房)
  bool water_unsafe = false;         // drinking water unsafe (饮水不安全)

  bool any() const { return child_out_of_school || member_uninsured || house_unsafe || water_unsafe; }
};

enum class SuddenEventKind { illness, accident, disaster, job_loss };  // 大病、意外事故、自然灾害、失业
inline constexpr std::array<std::string_view, 4> sudden_event_kind_names{"illness", "accident", "disaster", "job_loss"};
struct SuddenEvent {  // in the household's year
  SuddenEventKind kind = SuddenEventKind::illness;
  int month = 1;  // 1–12
};

// A monitored household (its category says which kind): since when, the help it has, and the exit procedure's
// steps as they are done — 入户核实, 民主评议公示, 审核批准公告 (001 二(二)三) — each by its date (yyyymmdd; 0: not
// yet).
struct MonitoringRecord {
  int since = 0;                      // yyyymm it was taken in; 0: not known
  std::vector<std::string> measures;  // 帮扶措施, as the cadre writes them
  int visited = 0;                    // 入户核实
  int publicised = 0;                 // 民主评议公示
  int approved = 0;                   // 审核批准公告

  bool empty() const { return since == 0 && measures.empty() && visited == 0 && publicised == 0 && approved == 0; }
  // The steps done so far are dated in their order: a notice not before the visit, an approval not before either.
  bool steps_in_order() const {
    return (publicised == 0 || publicised >= visited) && (approved == 0 || approved >= std::max(visited, publicised));
  }
};

// The earliest and latest year any dated fact may name (birth years, start-up years; CONTRACT.md ranges).
inline constexpr int earliest_year = 1900;
inline constexpr int latest_year = 2100;

// The ranges a household's whole numbers are read in (CONTRACT.md), shared by every reader of households: the
// household file's and the roster's.
struct WholeRange {
  int min, max;
  constexpr bool holds(long long v) const { return v >= min && v <= max; }
};
inline constexpr WholeRange year_range{earliest_year, latest_year};
inline constexpr WholeRange months_range{0, 12};  // months worked in a year
inline constexpr WholeRange disability_grade_range{0, 4};
inline constexpr WholeRange training_days_range{0, 366};

struct Household {
  std::string id;
  std::string head;
  std::string village;
  std::string policy;  // policy id, e.g. "yunnan/changning"
  int year = 0;
  Category category = Category::general;
  bool relocated = false;                 // 易地扶贫搬迁
  bool dibao = false;                     // 低保
  bool tekun = false;                     // 特困供养
  std::optional<DibaoTaper> dibao_taper;  // empty: not in a taper
  std::vector<Member> members;            // empty when the income is entered as totals
  std::optional<EnteredIncome> entered;   // the income as totals, with no members
  std::vector<ProductionActivity> production;
  Property property;
  Transfers transfers;
  std::optional<Money> last_year_per_capita_net;
  std::optional<Microcredit> microcredit;
  RigidExpenses expenses;
  SecurityGaps security;
  std::optional<SuddenEvent> sudden_event;
  MonitoringRecord monitoring;

  // People in the household: its members, or the number entered with its totals.
  int size() const { return entered ? entered->people : static_cast<int>(members.size()); }
  int member_count() const { return static_cast<int>(members.size()); }
};

// Moves a household to another year, keeping every dated fact valid in it: the one place a year changes, so a
// household is never left in a state its own file reader refuses. A birth or start-up year after the new year
// becomes the new year (age 0, started this year); years since graduating are capped at what the year allows.
void move_to_year(Household& household, int year);

}  // namespace zengshou::core
