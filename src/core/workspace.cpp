#include "workspace.h"

#include <algorithm>  // find_if, sort
#include <sstream>    // workspace_to_json

#include <nlohmann/json.hpp>

#include "household_json.h"
#include "json_reading.h"

namespace zengshou::core {
namespace {

using nlohmann::json;

std::vector<QuarterRecord> read_ledger(JsonReader& r, const json& entry, const std::string& at) {
  std::vector<QuarterRecord> ledger;
  const json* list = r.array_field(entry, at, "ledger", false);
  if (list == nullptr) return ledger;
  for (size_t i = 0; i < list->size(); ++i) {
    const json& q = (*list)[i];
    const std::string here = at + "/ledger/" + std::to_string(i);
    if (!q.is_object()) {
      r.error(here, "expected a quarter object, got " + describe(q));
      continue;
    }
    QuarterRecord record;
    const auto year = r.int_field(q, here, "year", true, 1900, 2100);
    const auto quarter = r.int_field(q, here, "quarter", true, 1, 4);
    record.wage = r.money_field(q, here, "wage");
    record.production_revenue = r.money_field(q, here, "production_revenue");
    record.production_cost = r.money_field(q, here, "production_cost");
    record.property = r.money_field(q, here, "property");
    record.transfer = r.money_field(q, here, "transfer");
    if (!year || !quarter) continue;  // reported; not a quarter to compare with the others
    record.year = *year;
    record.quarter = *quarter;
    ledger.push_back(record);
  }
  std::sort(ledger.begin(), ledger.end(), [](const QuarterRecord& a, const QuarterRecord& b) {
    return a.year * 10 + a.quarter < b.year * 10 + b.quarter;
  });
  for (size_t i = 1; i < ledger.size(); ++i)
    if (ledger[i].year == ledger[i - 1].year && ledger[i].quarter == ledger[i - 1].quarter)
      r.error(at + "/ledger", "expected one record a quarter, got two for " + std::to_string(ledger[i].year) + " Q" +
                                  std::to_string(ledger[i].quarter));
  return ledger;
}

}  // namespace

QuarterRecord& WorkspaceHousehold::quarter(int year, int q) {
  const auto it = std::find_if(ledger.begin(), ledger.end(),
                               [&](const QuarterRecord& r) { return r.year * 10 + r.quarter >= year * 10 + q; });
  if (it != ledger.end() && it->year == year && it->quarter == q) return *it;
  QuarterRecord record;
  record.year = year;
  record.quarter = q;
  return *ledger.insert(it, record);
}

const QuarterRecord* WorkspaceHousehold::find_quarter(int year, int q) const {
  for (const QuarterRecord& r : ledger)
    if (r.year == year && r.quarter == q) return &r;
  return nullptr;
}

Parsed<Workspace> parse_workspace(std::string_view text) {
  Parsed<Workspace> out;
  JsonReader r(out.errors);
  Workspace& w = out.value;
  // Each household is read as soon as the parser completes it, and dropped from the document: the whole workspace
  // as one JSON value would need several times the memory of its text. Version 0 is a bare array of households, as
  // a roster file has them; version 1 an object whose "households" hold each household with its ledger.
  bool bare_roster = false;
  bool in_households = false;
  const auto read_household = [&](int depth, json::parse_event_t event, json& value) {
    if (depth == 0 && event == json::parse_event_t::array_start) bare_roster = true;
    if (depth == 1 && event == json::parse_event_t::key) in_households = value == "households";
    const bool element_end = event == json::parse_event_t::object_end || event == json::parse_event_t::array_end ||
                             event == json::parse_event_t::value;
    if (!element_end || depth != (bare_roster ? 1 : 2) || (!bare_roster && !in_households)) return true;
    const size_t i = w.households.size();
    const std::string at = bare_roster ? "/" + std::to_string(i) : "/households/" + std::to_string(i);
    WorkspaceHousehold h;
    const bool wrapped = !bare_roster && value.is_object() && value.contains("household");
    auto parsed = household_from_json(wrapped ? value["household"] : value, wrapped ? at + "/household" : at);
    for (auto& e : parsed.errors) out.errors.push_back(std::move(e));
    h.household = std::move(parsed.value);
    if (wrapped) h.ledger = read_ledger(r, value, at);
    w.households.push_back(std::move(h));
    return false;
  };
  const auto doc = parse_json_text(text, "a workspace file (zengshou.workspace/1)", out.errors, read_household);
  if (!doc) return out;
  if (!bare_roster) {
    const std::string schema = r.string_field(*doc, "", "schema", true);
    if (doc->is_object() && doc->contains("schema") && schema != workspace_schema)
      r.error("/schema", "expected \"" + std::string(workspace_schema) + "\", got " + describe((*doc)["schema"]));
    r.array_field(*doc, "", "households", true);  // present and an array; its households are read already
  }
  if (!bare_roster && doc->is_object()) {
    if (doc->contains("current") && !(*doc)["current"].is_null()) {
      auto current = household_from_json((*doc)["current"], "/current");
      for (auto& e : current.errors) out.errors.push_back(std::move(e));
      w.current = std::move(current.value);
    }
    if (doc->contains("current_index") && !(*doc)["current_index"].is_null()) {
      w.current_index = r.int_field(*doc, "", "current_index", false, 0, static_cast<int>(w.households.size()) - 1);
    }
    if (doc->contains("reform") && !(*doc)["reform"].is_null()) {
      auto reform = parse_reform((*doc)["reform"].dump());
      for (auto& e : reform.errors) out.errors.push_back({"/reform" + e.where, e.expected});
      w.reform = std::move(reform.value);
    }
  }
  if (!out.ok()) out.value = Workspace{};
  return out;
}

void write_workspace_json(const std::vector<WorkspaceHousehold>& households, const Household* current,
                          std::optional<int> current_index, const Reform& reform, std::ostream& out) {
  const auto text = [](const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); };
  out << "{\"schema\":" << text(workspace_schema) << ",\"households\":[";
  for (size_t i = 0; i < households.size(); ++i) {
    const WorkspaceHousehold& h = households[i];
    json ledger = json::array();
    for (const QuarterRecord& q : h.ledger)
      ledger.push_back({{"year", q.year},
                        {"quarter", q.quarter},
                        {"wage", yuan_json(q.wage)},
                        {"production_revenue", yuan_json(q.production_revenue)},
                        {"production_cost", yuan_json(q.production_cost)},
                        {"property", yuan_json(q.property)},
                        {"transfer", yuan_json(q.transfer)}});
    out << (i ? "," : "") << text({{"household", household_to_json(h.household)}, {"ledger", std::move(ledger)}});
  }
  out << "],\"current\":" << text(current ? household_to_json(*current) : json(nullptr));
  out << ",\"current_index\":" << text(current_index ? json(*current_index) : json(nullptr));
  out << ",\"reform\":" << text(json::parse(reform_to_json(reform), nullptr, false)) << "}";
}

std::string workspace_to_json(const Workspace& w) {
  std::ostringstream out;
  write_workspace_json(w.households, w.current ? &*w.current : nullptr, w.current_index, w.reform, out);
  return out.str();
}

LedgerStatus ledger_status(const WorkspaceHousehold& entry, int year, const Result& projection) {
  LedgerStatus s;
  for (const QuarterRecord& q : entry.ledger) {
    if (q.year != year) continue;
    ++s.quarters;
    s.year_to_date += q.net();
  }
  if (s.quarters == 0) return s;
  const int size = entry.household.size();
  s.expected_to_date = (projection.income.net * s.quarters).divided_by(4);
  s.below_expected = s.year_to_date < s.expected_to_date;
  s.annualised_per_capita = (s.year_to_date * 4).divided_by(static_cast<int64_t>(s.quarters) * size);
  for (const LineResult& line : projection.lines)
    if (line.id == LineId::monitoring && s.annualised_per_capita < line.value) s.below_monitoring_line = true;
  if (const auto& last = entry.household.last_year_per_capita_net; last && *last > Money()) {
    s.fell = s.annualised_per_capita < *last;
    // growth < target ⇔ (now − last) × 10000 < target_bp × last, as the engine compares it
    if (projection.growth.target_basis_points)
      s.growth_below_target =
          (s.annualised_per_capita - *last).fen() * 10000 < *projection.growth.target_basis_points * last->fen();
  }
  return s;
}

}  // namespace zengshou::core
