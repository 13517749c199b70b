#include "household_json.h"

#include <algorithm>  // max

#include <nlohmann/json.hpp>

#include "json_reading.h"

namespace zengshou::core {
namespace {

using nlohmann::json;

template <typename E, size_t N>
E enum_or(std::optional<size_t> index, E fallback) {
  return index ? static_cast<E>(*index) : fallback;
}

std::optional<School> read_school(JsonReader& r, const json& m, const std::string& at, int year) {
  const json* s = r.object_field(m, at, "school", false);
  if (s == nullptr) return std::nullopt;
  const std::string here = at + "/school";
  School school;
  const auto level = r.enum_field(*s, here, "level", school_level_names, true);
  school.level = level ? static_cast<SchoolLevel>(*level) : SchoolLevel::compulsory;
  school.east_west = r.bool_field(*s, here, "east_west");
  if (school.level == SchoolLevel::graduate) {
    school.years_since = r.int_field(*s, here, "years_since", true, 0, year - earliest_year).value_or(0);
    school.exam_fees = r.money_field(*s, here, "exam_fees");
  }
  return school;
}

Job read_job(JsonReader& r, const json& j, const std::string& at) {
  Job job;
  if (!j.is_object()) {
    r.error(at, "expected a job object, got " + describe(j));
    return job;
  }
  job.kind = enum_or<JobKind, job_kind_names.size()>(r.enum_field(j, at, "kind", job_kind_names, true), JobKind::local);
  job.months = r.int_field(j, at, "months", true, months_range.min, months_range.max).value_or(0);
  job.monthly_wage = r.money_field(j, at, "monthly_wage", true);
  job.first_organized_export = r.bool_field(j, at, "first_organized_export");
  job.probation_certificate_months = r.int_field(j, at, "probation_certificate_months", false, 0, 12).value_or(0);
  job.risk_area_months = r.int_field(j, at, "risk_area_months", false, 0, 12).value_or(0);
  return job;
}

Member read_member(JsonReader& r, const json& m, const std::string& at, int year) {
  Member member;
  if (!m.is_object()) {
    r.error(at, "expected a member object, got " + describe(m));
    return member;
  }
  member.name = r.string_field(m, at, "name", false);
  member.birth_year = r.int_field(m, at, "birth_year", true, earliest_year, year).value_or(year);
  member.labor = enum_or<Labor, 3>(r.enum_field(m, at, "labor", labor_names, false), Labor::full);
  member.disability_grade =
      r.int_field(m, at, "disability_grade", false, disability_grade_range.min, disability_grade_range.max).value_or(0);
  member.school = read_school(r, m, at, year);
  if (const json* jobs = r.array_field(m, at, "jobs", false))
    for (size_t i = 0; i < jobs->size(); ++i)
      member.jobs.push_back(read_job(r, (*jobs)[i], at + "/jobs/" + std::to_string(i)));
  if (const json* p = r.object_field(m, at, "pension", false)) {
    member.pension.enrolled = r.bool_field(*p, at + "/pension", "enrolled");
    member.pension.tier = r.money_field(*p, at + "/pension", "tier");
  }
  member.training_days =
      r.int_field(m, at, "training_days", false, training_days_range.min, training_days_range.max).value_or(0);
  if (m.contains("first_business_year") && !m["first_business_year"].is_null())
    member.first_business_year = r.int_field(m, at, "first_business_year", true, earliest_year, year);
  member.tekun = r.bool_field(m, at, "tekun");
  member.certificate = enum_or<CertificateLevel, certificate_level_names.size()>(
      r.enum_field(m, at, "certificate", certificate_level_names, false), CertificateLevel::none);
  return member;
}

// "2024-05" → 202405; empty (with the problem recorded) when it is not a month of 1900–2100.
std::optional<int> read_month(JsonReader& r, const json& object, const std::string& at, const char* key,
                              bool required) {
  const std::string text = r.string_field(object, at, key, required);
  if (text.empty()) return std::nullopt;
  const auto day = parse_iso_date(text + "-01");
  if (!day || text.size() != 7) {
    r.error(at + "/" + key, "expected a month YYYY-MM, got " + describe(object[key]));
    return std::nullopt;
  }
  return *day / 100;
}

// A date YYYY-MM-DD as yyyymmdd; 0 when absent or null.
int read_day(JsonReader& r, const json& object, const std::string& at, const char* key) {
  if (!object.contains(key) || object[key].is_null()) return 0;
  const std::string text = r.string_field(object, at, key, false);
  const auto day = parse_iso_date(text);
  if (!day) r.error(at + "/" + key, "expected a date YYYY-MM-DD, got " + describe(object[key]));
  return day.value_or(0);
}

// 刚性支出, 三保障 and water, a sudden event, and the monitoring record (issue 17): absent in older files, which
// read as before.
void read_monitoring_facts(JsonReader& r, const json& doc, const std::string& at, Household& h) {
  if (const json* e = r.object_field(doc, at, "expenses", false)) {
    const std::string here = at + "/expenses";
    h.expenses = {r.money_field(*e, here, "medical"), r.money_field(*e, here, "education"),
                  r.money_field(*e, here, "disaster")};
  }
  if (const json* s = r.object_field(doc, at, "security", false)) {
    const std::string here = at + "/security";
    h.security = {r.bool_field(*s, here, "child_out_of_school"), r.bool_field(*s, here, "member_uninsured"),
                  r.bool_field(*s, here, "house_unsafe"), r.bool_field(*s, here, "water_unsafe")};
  }
  if (const json* e = r.object_field(doc, at, "sudden_event", false)) {
    const std::string here = at + "/sudden_event";
    SuddenEvent event;
    event.kind = enum_or<SuddenEventKind, 4>(r.enum_field(*e, here, "kind", sudden_event_kind_names, true),
                                             SuddenEventKind::illness);
    if (const auto month = read_month(r, *e, here, "date", true)) {
      if (*month / 100 != h.year)
        r.error(here + "/date", "expected a month of the household's year " + std::to_string(h.year) +
                                    " (an event of this year), got " + describe((*e)["date"]));
      event.month = *month % 100;
    }
    h.sudden_event = event;
  }
  if (const json* m = r.object_field(doc, at, "monitoring", false)) {
    const std::string here = at + "/monitoring";
    MonitoringRecord& record = h.monitoring;
    if (m->contains("since") && !(*m)["since"].is_null()) {
      record.since = read_month(r, *m, here, "since", true).value_or(0);
      if (record.since / 100 > h.year)
        r.error(here + "/since", "expected a month not after the household's year " + std::to_string(h.year) +
                                     ", got " + describe((*m)["since"]));
    }
    if (const json* list = r.array_field(*m, here, "measures", false))
      for (size_t i = 0; i < list->size(); ++i) {
        if ((*list)[i].is_string())
          record.measures.push_back((*list)[i].get<std::string>());
        else
          r.error(here + "/measures/" + std::to_string(i), "expected a string, got " + describe((*list)[i]));
      }
    record.visited = read_day(r, *m, here, "visited");
    record.publicised = read_day(r, *m, here, "publicised");
    record.approved = read_day(r, *m, here, "approved");
    // The procedure runs in its order: 入户核实, then 民主评议公示, then 审核批准公告.
    MonitoringRecord upto_notice = record;
    upto_notice.approved = 0;
    if (!upto_notice.steps_in_order())
      r.error(here + "/publicised",
              "expected a date not before the home visit's (visited), got " + describe((*m)["publicised"]));
    else if (!record.steps_in_order())
      r.error(here + "/approved", "expected a date not before the steps before it (visited, publicised), got " +
                                      describe((*m)["approved"]));
  }
}

}  // namespace

Parsed<Household> household_from_json(const json& doc, const std::string& at) {
  Parsed<Household> out;
  JsonReader r(out.errors);
  if (!doc.is_object()) {
    r.error(at.empty() ? "" : at, "expected a household object, got " + describe(doc));
    return out;
  }
  Household& h = out.value;
  const std::string schema = r.string_field(doc, at, "schema", true);
  if (doc.contains("schema") && doc["schema"].is_string() && schema != household_schema)
    r.error(at + "/schema", "expected \"zengshou.household/1\", got " + describe(doc["schema"]));
  h.id = r.string_field(doc, at, "id", false);
  h.head = r.string_field(doc, at, "head", false);
  h.village = r.string_field(doc, at, "village", false);
  h.policy = r.string_field(doc, at, "policy", false);
  h.year = r.int_field(doc, at, "year", true, year_range.min, year_range.max).value_or(latest_year);
  h.category = enum_or<Category, 6>(r.enum_field(doc, at, "category", category_names, true), Category::general);
  h.relocated = r.bool_field(doc, at, "relocated");
  h.dibao = r.bool_field(doc, at, "dibao");
  h.tekun = r.bool_field(doc, at, "tekun");
  if (const json* t = r.object_field(doc, at, "dibao_taper", false)) {
    const std::string here = at + "/dibao_taper";
    DibaoTaper taper;
    taper.year = r.int_field(*t, here, "year", true, earliest_year, 2100).value_or(earliest_year);
    taper.month = r.int_field(*t, here, "month", true, 1, 12).value_or(1);
    taper.monthly = r.money_field(*t, here, "monthly", true);
    h.dibao_taper = taper;
  }
  // Income entered as totals stands in for the members: a household has one or the other.
  if (const json* e = r.object_field(doc, at, "entered_income", false)) {
    const std::string here = at + "/entered_income";
    EnteredIncome entered;
    entered.people = r.int_field(*e, here, "people", true, people_range.min, people_range.max).value_or(1);
    entered.wage = r.money_field(*e, here, "wage");
    entered.production = r.money_field(*e, here, "production");
    entered.production_cost = r.money_field(*e, here, "production_cost");
    entered.property = r.money_field(*e, here, "property");
    entered.transfer = r.money_field(*e, here, "transfer");
    h.entered = entered;
    const json* members = doc.contains("members") ? &doc["members"] : nullptr;
    if (members != nullptr && !(members->is_array() && members->empty()))
      r.error(
          at + "/members",
          "expected no members beside entered_income (the income is either entered as totals "
          "or worked out from the members), got " +
              (members->is_array() ? std::to_string(members->size()) + (members->size() == 1 ? " member" : " members")
                                   : describe(*members)));
  } else if (const json* members = r.array_field(doc, at, "members", true)) {
    if (members->empty() || members->size() > max_members) {
      r.error(at + "/members", "expected 1 to 30 members, got " + std::to_string(members->size()));
    } else {
      for (size_t i = 0; i < members->size(); ++i)
        h.members.push_back(read_member(r, (*members)[i], at + "/members/" + std::to_string(i), h.year));
    }
  }
  if (const json* production = r.array_field(doc, at, "production", false)) {
    for (size_t i = 0; i < production->size(); ++i) {
      const json& p = (*production)[i];
      const std::string here = at + "/production/" + std::to_string(i);
      if (!p.is_object()) {
        r.error(here, "expected a production activity object, got " + describe(p));
        continue;
      }
      ProductionActivity a;
      a.kind =
          enum_or<ProductionKind, 5>(r.enum_field(p, here, "kind", production_kind_names, true), ProductionKind::other);
      a.name = r.string_field(p, here, "name", false);
      a.revenue = r.money_field(p, here, "revenue");
      a.cost = r.money_field(p, here, "cost");
      h.production.push_back(std::move(a));
    }
  }
  if (const json* p = r.object_field(doc, at, "property", false)) {
    const std::string here = at + "/property";
    h.property = {r.money_field(*p, here, "land_rent"), r.money_field(*p, here, "dividends"),
                  r.money_field(*p, here, "house_rent"), r.money_field(*p, here, "other"),
                  r.money_field(*p, here, "guaranteed_dividend")};
  }
  if (const json* t = r.object_field(doc, at, "transfers", false)) {
    const std::string here = at + "/transfers";
    h.transfers.farmland_centimu = r.money_field(*t, here, "farmland_mu").fen();  // same two-decimal rule
    h.transfers.eco_compensation = r.money_field(*t, here, "eco_compensation");
    h.transfers.family_support = r.money_field(*t, here, "family_support");
    h.transfers.other = r.money_field(*t, here, "other");
    h.transfers.grain_centimu = r.money_field(*t, here, "grain_mu").fen();
    h.transfers.returned_farmland_centimu = r.money_field(*t, here, "returned_farmland_mu").fen();
    h.transfers.temporary_assistance = r.money_field(*t, here, "temporary_assistance");
  }
  if (const json* c = r.object_field(doc, at, "microcredit", false)) {
    const std::string here = at + "/microcredit";
    Microcredit loan;
    loan.principal = r.money_field(*c, here, "principal", true);
    loan.rate_basis_points = r.percent_field(*c, here, "rate_percent", true);
    loan.months = r.int_field(*c, here, "months", true, months_range.min, months_range.max).value_or(0);
    h.microcredit = loan;
  }
  if (doc.contains("last_year_per_capita_net") && !doc["last_year_per_capita_net"].is_null())
    h.last_year_per_capita_net = r.money_field(doc, at, "last_year_per_capita_net");
  read_monitoring_facts(r, doc, at, h);
  if (!out.ok()) out.value = Household{};
  return out;
}

Parsed<Household> parse_household(std::string_view text) {
  Parsed<Household> out;
  const auto doc = parse_json_text(text, "a JSON household file (zengshou.household/1)", out.errors);
  return doc ? household_from_json(*doc) : out;
}

json household_to_json(const Household& h) {
  json members = json::array();
  for (const Member& m : h.members) {
    json jobs = json::array();
    for (const Job& j : m.jobs)
      jobs.push_back({{"kind", job_kind_names[static_cast<size_t>(j.kind)]},
                      {"months", j.months},
                      {"monthly_wage", yuan_json(j.monthly_wage)},
                      {"first_organized_export", j.first_organized_export},
                      {"probation_certificate_months", j.probation_certificate_months},
                      {"risk_area_months", j.risk_area_months}});
    json school = nullptr;
    if (m.school) {
      school = {{"level", school_level_names[static_cast<size_t>(m.school->level)]},
                {"east_west", m.school->east_west}};
      if (m.school->level == SchoolLevel::graduate) {
        school["years_since"] = m.school->years_since;
        school["exam_fees"] = yuan_json(m.school->exam_fees);
      }
    }
    json member = {{"name", m.name},
                   {"birth_year", m.birth_year},
                   {"labor", labor_names[static_cast<size_t>(m.labor)]},
                   {"disability_grade", m.disability_grade},
                   {"school", school},
                   {"jobs", jobs},
                   {"pension", {{"enrolled", m.pension.enrolled}, {"tier", yuan_json(m.pension.tier)}}},
                   {"training_days", m.training_days}};
    if (m.first_business_year) member["first_business_year"] = *m.first_business_year;
    if (m.tekun) member["tekun"] = true;  // written only when set, so files without it read and write the same
    if (m.certificate != CertificateLevel::none)
      member["certificate"] = certificate_level_names[static_cast<size_t>(m.certificate)];
    members.push_back(std::move(member));
  }
  json production = json::array();
  for (const ProductionActivity& a : h.production)
    production.push_back({{"kind", production_kind_names[static_cast<size_t>(a.kind)]},
                          {"name", a.name},
                          {"revenue", yuan_json(a.revenue)},
                          {"cost", yuan_json(a.cost)}});
  json out = {{"schema", household_schema},
              {"id", h.id},
              {"head", h.head},
              {"village", h.village},
              {"policy", h.policy},
              {"year", h.year},
              {"category", category_names[static_cast<size_t>(h.category)]},
              {"relocated", h.relocated},
              {"dibao", h.dibao},
              {"tekun", h.tekun},
              {"members", members},
              {"production", production},
              {"property",
               {{"land_rent", yuan_json(h.property.land_rent)},
                {"dividends", yuan_json(h.property.dividends)},
                {"house_rent", yuan_json(h.property.house_rent)},
                {"other", yuan_json(h.property.other)}}},
              {"transfers",
               {{"farmland_mu", yuan_json(Money::fen(h.transfers.farmland_centimu))},
                {"eco_compensation", yuan_json(h.transfers.eco_compensation)},
                {"family_support", yuan_json(h.transfers.family_support)},
                {"other", yuan_json(h.transfers.other)}}},
              {"last_year_per_capita_net",
               h.last_year_per_capita_net ? yuan_json(*h.last_year_per_capita_net) : json(nullptr)}};
  // Facts added with issue 21 only where given, so older files read and write the same.
  if (h.property.guaranteed_dividend != Money())
    out["property"]["guaranteed_dividend"] = yuan_json(h.property.guaranteed_dividend);
  if (h.transfers.grain_centimu != 0) out["transfers"]["grain_mu"] = yuan_json(Money::fen(h.transfers.grain_centimu));
  if (h.transfers.returned_farmland_centimu != 0)
    out["transfers"]["returned_farmland_mu"] = yuan_json(Money::fen(h.transfers.returned_farmland_centimu));
  if (h.transfers.temporary_assistance != Money())
    out["transfers"]["temporary_assistance"] = yuan_json(h.transfers.temporary_assistance);
  if (h.microcredit)
    out["microcredit"] = {{"principal", yuan_json(h.microcredit->principal)},
                          {"rate_percent", yuan_json(Money::fen(h.microcredit->rate_basis_points))},
                          {"months", h.microcredit->months}};
  if (h.entered)
    out["entered_income"] = {{"people", h.entered->people},
                             {"wage", yuan_json(h.entered->wage)},
                             {"production", yuan_json(h.entered->production)},
                             {"production_cost", yuan_json(h.entered->production_cost)},
                             {"property", yuan_json(h.entered->property)},
                             {"transfer", yuan_json(h.entered->transfer)}};
  if (h.dibao_taper)
    out["dibao_taper"] = {
        {"year", h.dibao_taper->year}, {"month", h.dibao_taper->month}, {"monthly", yuan_json(h.dibao_taper->monthly)}};
  // The monitoring facts only where given, so older files read and write the same.
  if (h.expenses.any())
    out["expenses"] = {{"medical", yuan_json(h.expenses.medical)},
                       {"education", yuan_json(h.expenses.education)},
                       {"disaster", yuan_json(h.expenses.disaster)}};
  if (h.security.any())
    out["security"] = {{"child_out_of_school", h.security.child_out_of_school},
                       {"member_uninsured", h.security.member_uninsured},
                       {"house_unsafe", h.security.house_unsafe},
                       {"water_unsafe", h.security.water_unsafe}};
  if (h.sudden_event) {
    out["sudden_event"] = {{"kind", sudden_event_kind_names[static_cast<size_t>(h.sudden_event->kind)]},
                           {"date", iso_month_text(h.year * 100 + h.sudden_event->month)}};
  }
  if (!h.monitoring.empty()) {
    const MonitoringRecord& m = h.monitoring;
    const auto day = [](int yyyymmdd) { return yyyymmdd == 0 ? json(nullptr) : json(iso_date_text(yyyymmdd)); };
    out["monitoring"] = {{"since", m.since == 0 ? json(nullptr) : json(iso_month_text(m.since))},
                         {"measures", m.measures},
                         {"visited", day(m.visited)},
                         {"publicised", day(m.publicised)},
                         {"approved", day(m.approved)}};
  }
  return out;
}

}  // namespace zengshou::core
