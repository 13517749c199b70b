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

namespace {

// One entry of "households": a household with its ledger (a wrapped entry), or a bare household (a roster array).
Parsed<WorkspaceHousehold> read_entry(const json& value, const std::string& at, bool may_be_wrapped) {
  Parsed<WorkspaceHousehold> out;
  const bool wrapped = may_be_wrapped && value.is_object() && value.contains("household");
  auto parsed = household_from_json(wrapped ? value["household"] : value, wrapped ? at + "/household" : at);
  out.errors = std::move(parsed.errors);
  out.value.household = std::move(parsed.value);
  if (wrapped) {
    JsonReader r(out.errors);
    out.value.ledger = read_ledger(r, value, at);
  }
  return out;
}

json entry_json(const WorkspaceHousehold& h) {
  json ledger = json::array();
  for (const QuarterRecord& q : h.ledger)
    ledger.push_back({{"year", q.year},
                      {"quarter", q.quarter},
                      {"wage", yuan_json(q.wage)},
                      {"production_revenue", yuan_json(q.production_revenue)},
                      {"production_cost", yuan_json(q.production_cost)},
                      {"property", yuan_json(q.property)},
                      {"transfer", yuan_json(q.transfer)}});
  return {{"household", household_to_json(h.household)}, {"ledger", std::move(ledger)}};
}

std::string compact(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

// Reads a workspace file a household at a time, handing each entry to `on_entry` as the parser completes it (the
// whole workspace as one JSON value would need several times the memory of its text). Version 0 is a bare array of
// households, as a roster file has them; version 1 an object whose "households" hold each household with its
// ledger. Returns the rest of the document (schema, current, reform), or nothing when the text is not JSON.
template <typename OnEntry>
std::optional<json> read_workspace(std::string_view text, InputErrors& errors, bool& bare_roster, OnEntry on_entry) {
  bool in_households = false;
  size_t count = 0;
  const auto read_household = [&](int depth, json::parse_event_t event, json& value) {
    if (depth == 0 && event == json::parse_event_t::array_start) bare_roster = true;
    if (depth == 1 && event == json::parse_event_t::key) in_households = value == "households";
    const bool element_end = event == json::parse_event_t::object_end || event == json::parse_event_t::array_end ||
                             event == json::parse_event_t::value;
    if (!element_end || depth != (bare_roster ? 1 : 2) || (!bare_roster && !in_households)) return true;
    const std::string at = (bare_roster ? "/" : "/households/") + std::to_string(count++);
    on_entry(at, value, read_entry(value, at, !bare_roster));
    return false;
  };
  auto doc = parse_json_text(text, "a workspace file (zengshou.workspace/1)", errors, read_household);
  if (!doc || bare_roster) return doc;
  JsonReader r(errors);
  const std::string schema = r.string_field(*doc, "", "schema", true);
  if (doc->is_object() && doc->contains("schema") && schema != workspace_schema)
    r.error("/schema", "expected \"" + std::string(workspace_schema) + "\", got " + describe((*doc)["schema"]));
  r.array_field(*doc, "", "households", true);  // present and an array; its households are read already
  return doc;
}

bool present(const json& doc, const char* key) { return doc.is_object() && doc.contains(key) && !doc[key].is_null(); }

}  // namespace

std::string household_record_json(const WorkspaceHousehold& entry) { return compact(entry_json(entry)); }

Parsed<WorkspaceHousehold> parse_household_record(std::string_view text) {
  Parsed<WorkspaceHousehold> out;
  const auto doc = parse_json_text(text, "a household record", out.errors);
  if (!doc) return out;
  if (!doc->is_object() || !doc->contains("household")) {
    out.errors.push_back(
        {"", "expected a household record {\"household\": …, \"ledger\": […]}, got " + describe(*doc)});
    return out;
  }
  out = read_entry(*doc, "", true);
  if (!out.ok()) out.value = WorkspaceHousehold{};
  return out;
}

std::string session_record_json(const SessionRecord& session) {
  json doc = {{"schema", session_schema},
              {"current", session.current ? household_to_json(*session.current) : json(nullptr)},
              {"current_record", session.current_record ? json(*session.current_record) : json(nullptr)},
              {"current_unsaved", session.current_unsaved},
              {"reform", json::parse(reform_to_json(session.reform), nullptr, false)}};
  if (session.policy_draft) doc["policy_draft"] = policy_draft_to_json(*session.policy_draft);
  if (!session.column_aliases.empty()) doc["column_aliases"] = session.column_aliases;  // older records have none
  return compact(doc);
}

Parsed<SessionRecord> parse_session_record(std::string_view text) {
  Parsed<SessionRecord> out;
  const auto doc = parse_json_text(text, "a session record (zengshou.session/1)", out.errors);
  if (!doc) return out;
  JsonReader r(out.errors);
  if (r.string_field(*doc, "", "schema", true) != session_schema && doc->is_object() && doc->contains("schema"))
    r.error("/schema", "expected \"" + std::string(session_schema) + "\", got " + describe((*doc)["schema"]));
  if (!doc->is_object()) return out;
  if (present(*doc, "current")) {
    auto current = household_from_json((*doc)["current"], "/current");
    for (auto& e : current.errors) out.errors.push_back(std::move(e));
    out.value.current = std::move(current.value);
  }
  if (present(*doc, "current_record")) {
    const json& record = (*doc)["current_record"];
    if (record.is_string())
      out.value.current_record = record.get<std::string>();
    else
      r.error("/current_record", "expected a record key, got " + describe(record));
  }
  out.value.current_unsaved = r.bool_field(*doc, "", "current_unsaved");
  if (present(*doc, "reform")) {
    auto reform = parse_reform((*doc)["reform"].dump(), nullptr);
    for (auto& e : reform.errors) out.errors.push_back({"/reform" + e.where, e.expected});
    out.value.reform = std::move(reform.value);
  }
  if (present(*doc, "policy_draft"))
    out.value.policy_draft = read_policy_draft((*doc)["policy_draft"], "/policy_draft", out.errors);
  if (present(*doc, "column_aliases")) {
    const json& aliases = (*doc)["column_aliases"];
    if (!aliases.is_object()) {
      r.error("/column_aliases", "expected an object of header → column, got " + describe(aliases));
    } else {
      for (const auto& [header, column] : aliases.items()) {
        if (column.is_string())
          out.value.column_aliases[header] = column.get<std::string>();
        else
          r.error("/column_aliases/" + header, "expected a column's name, got " + describe(column));
      }
    }
  }
  if (!out.ok()) out.value = SessionRecord{};
  return out;
}

Parsed<Workspace> parse_workspace(std::string_view text) {
  Parsed<Workspace> out;
  Workspace& w = out.value;
  bool bare_roster = false;
  const auto doc = read_workspace(text, out.errors, bare_roster,
                                  [&](const std::string&, const json&, Parsed<WorkspaceHousehold> entry) {
                                    for (auto& e : entry.errors) out.errors.push_back(std::move(e));
                                    w.households.push_back(std::move(entry.value));
                                  });
  if (!doc) return out;
  JsonReader r(out.errors);
  if (!bare_roster && doc->is_object()) {
    if (present(*doc, "current")) {
      auto current = household_from_json((*doc)["current"], "/current");
      for (auto& e : current.errors) out.errors.push_back(std::move(e));
      w.current = std::move(current.value);
    }
    if (present(*doc, "current_index"))
      w.current_index = r.int_field(*doc, "", "current_index", false, 0, static_cast<int>(w.households.size()) - 1);
    if (present(*doc, "reform")) {
      auto reform = parse_reform((*doc)["reform"].dump(), nullptr);
      for (auto& e : reform.errors) out.errors.push_back({"/reform" + e.where, e.expected});
      w.reform = std::move(reform.value);
    }
    if (present(*doc, "policies")) {
      const json& policies = (*doc)["policies"];
      if (!policies.is_array()) out.errors.push_back({"/policies", "expected an array of policy files"});
      for (size_t i = 0; policies.is_array() && i < policies.size(); ++i) {
        if (!policies[i].is_object())
          out.errors.push_back({"/policies/" + std::to_string(i), "expected a policy file (an object)"});
        else
          w.policies.push_back(policies[i].dump());
      }
    }
  }
  if (!out.ok()) out.value = Workspace{};
  return out;
}

SalvagedWorkspace salvage_workspace(std::string_view text) {
  SalvagedWorkspace out;
  Workspace& w = out.workspace;
  std::vector<size_t> kept_index;  // each entry's position in the file, to find the calculator's among the kept
  size_t position = 0;
  bool bare_roster = false;
  const auto doc = read_workspace(text, out.errors, bare_roster,
                                  [&](const std::string& at, const json& value, Parsed<WorkspaceHousehold> entry) {
                                    if (entry.ok()) {
                                      w.households.push_back(std::move(entry.value));
                                      kept_index.push_back(position);
                                    } else {
                                      out.unreadable.push_back({at, compact(value), std::move(entry.errors)});
                                    }
                                    ++position;
                                  });
  if (!doc || !out.errors.empty() || bare_roster) {
    if (!out.errors.empty()) out.workspace = Workspace{};
    return out;
  }
  if (present(*doc, "current")) {
    auto current = household_from_json((*doc)["current"], "/current");
    if (current.ok())
      w.current = std::move(current.value);
    else
      out.unreadable.push_back({"/current", compact((*doc)["current"]), std::move(current.errors)});
  }
  if (const json& index = present(*doc, "current_index") ? (*doc)["current_index"] : json(); index.is_number_unsigned())
    for (size_t i = 0; i < kept_index.size(); ++i)
      if (kept_index[i] == index.get<size_t>()) w.current_index = static_cast<int>(i);
  if (present(*doc, "reform")) {
    auto reform = parse_reform((*doc)["reform"].dump(), nullptr);
    if (reform.ok()) {
      w.reform = std::move(reform.value);
    } else {
      for (auto& e : reform.errors) e.where = "/reform" + e.where;
      out.unreadable.push_back({"/reform", compact((*doc)["reform"]), std::move(reform.errors)});
    }
  }
  return out;
}

void write_workspace_json(const std::vector<WorkspaceHousehold>& households, const Household* current,
                          std::optional<int> current_index, const Reform& reform,
                          const std::vector<std::string>& policies, std::ostream& out) {
  out << "{\"schema\":" << compact(workspace_schema) << ",\"households\":[";
  for (size_t i = 0; i < households.size(); ++i) out << (i ? "," : "") << compact(entry_json(households[i]));
  out << "],\"current\":" << compact(current ? household_to_json(*current) : json(nullptr));
  out << ",\"current_index\":" << compact(current_index ? json(*current_index) : json(nullptr));
  out << ",\"reform\":" << compact(json::parse(reform_to_json(reform), nullptr, false));
  out << ",\"policies\":[";
  for (size_t i = 0; i < policies.size(); ++i)
    out << (i ? "," : "") << compact(json::parse(policies[i], nullptr, false));
  out << "]}";
}

std::string workspace_to_json(const Workspace& w) {
  std::ostringstream out;
  write_workspace_json(w.households, w.current ? &*w.current : nullptr, w.current_index, w.reform, w.policies, out);
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
  s.expected_to_date = projection.income.net.scaled(s.quarters, 4);
  s.annualised_per_capita = s.year_to_date.scaled(4, static_cast<int64_t>(s.quarters) * size);
  s.overflow = projection.overflowed() || s.year_to_date.overflowed() || s.expected_to_date.overflowed() ||
               s.annualised_per_capita.overflowed();
  if (s.overflow) return s;
  s.below_expected = s.year_to_date < s.expected_to_date;
  for (const LineResult& line : projection.lines)
    if (line.id == LineId::monitoring && s.annualised_per_capita < line.value) s.below_monitoring_line = true;
  if (const auto& last = entry.household.last_year_per_capita_net; last && *last > Money()) {
    s.fell = s.annualised_per_capita < *last;
    if (projection.growth.target_basis_points)  // as the engine compares it
      s.growth_below_target = grew_less_than(s.annualised_per_capita, *last, *projection.growth.target_basis_points);
  }
  return s;
}

}  // namespace zengshou::core
