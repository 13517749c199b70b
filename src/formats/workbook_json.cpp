#include "workbook_json.h"

#include <nlohmann/json.hpp>

#include "core/household_json.h"
#include "roster_file.h"
#include "spreadsheet_read.h"
#include "xlsx_write.h"

namespace zengshou::formats {

using nlohmann::json;

std::string workbook_roster_json(std::string_view bytes, std::string_view options) {
  json out = {{"sheets", json::array()},
              {"sheet", 0},
              {"header_row", 0},
              {"used", json::array()},
              {"matched", json::array()},
              {"ignored", json::array()},
              {"households", json::array()},
              {"problems", json::array()}};
  json o = json::parse(options, nullptr, false);
  if (!o.is_object()) o = json::object();
  const auto number = [&](const char* key, int otherwise) {
    return o.contains(key) && o[key].is_number_integer() ? o[key].get<int>() : otherwise;
  };
  const int sheet = number("sheet", -1), year = number("year", 0), category = number("category", -1);
  auto workbook = read_sheets(std::string(bytes));
  for (const InputError& e : workbook.errors) out["problems"].push_back(core::error_line(e));
  if (!workbook.ok()) return out.dump();
  const auto& sheets = workbook.value.sheets;
  for (const Sheet& s : sheets) out["sheets"].push_back(s.name);
  const size_t index = sheet >= 0 && static_cast<size_t>(sheet) < sheets.size() ? static_cast<size_t>(sheet)
                                                                                : roster_sheet_index(workbook.value);
  SheetDefaults defaults;
  if (year > 0) defaults.year = year;
  if (category >= 0 && static_cast<size_t>(category) < core::category_names.size())
    defaults.category = static_cast<core::Category>(category);
  if (o.contains("columns") && o["columns"].is_object())
    for (const auto& [header, column] : o["columns"].items())
      if (column.is_string()) defaults.columns[header] = column.get<std::string>();
  const RosterRead roster = parse_roster_sheet(sheets[index], defaults);
  out["sheet"] = index;
  out["header_row"] = roster.header_row;
  out["used"] = roster.used;
  out["matched"] = roster.matched;
  out["ignored"] = roster.ignored;
  for (const InputError& e : roster.roster.errors) out["problems"].push_back(core::error_line(e));
  for (const RosterEntry& e : roster.roster.value) out["households"].push_back(core::household_to_json(e.household));
  return out.dump();
}

Parsed<std::string> xlsx_from_json(std::string_view spec) {
  const json doc = json::parse(spec, nullptr, false);
  std::vector<TableSheet> sheets;
  const auto strings = [](const json& list) {
    std::vector<std::string> out;
    if (list.is_array())
      for (const json& s : list) out.push_back(s.is_string() ? s.get<std::string>() : std::string());
    return out;
  };
  if (!doc.is_object() || !doc.contains("sheets") || !doc["sheets"].is_array())
    return {{}, {{"the workbook", "expected {\"sheets\": [...]}"}}};
  for (const json& s : doc["sheets"]) {
    if (!s.is_object()) continue;
    TableSheet t;
    t.name = s.value("name", std::string());
    t.header = strings(s.value("header", json::array()));
    if (s.contains("rows") && s["rows"].is_array())
      for (const json& row : s["rows"]) t.rows.push_back(strings(row));
    sheets.push_back(std::move(t));
  }
  return write_xlsx(sheets);
}

}  // namespace zengshou::formats
