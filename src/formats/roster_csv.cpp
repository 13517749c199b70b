#include "roster_csv.h"

#include <charconv>  // from_chars
#include <map>       // households by id
#include <set>       // cells already reported
#include <span>      // enum aliases

#include <nlohmann/json.hpp>

#include "core/household_json.h"
#include "core/json_reading.h"
#include "text_encoding.h"

namespace zengshou::formats {
namespace {

using namespace core;  // the household file's reader and its JSON helpers

using nlohmann::json;

// The Chinese a cadre's spreadsheet uses for an enum value, and the value.
struct Alias {
  std::string_view zh;
  std::string_view value;
};

constexpr Alias category_aliases[] = {{"脱贫户", "tuopin"},
                                      {"脱贫不稳定户", "monitor_unstable"},
                                      {"边缘易致贫户", "monitor_marginal"},
                                      {"突发严重困难户", "monitor_sudden"},
                                      {"一般农户", "general"},
                                      {"城镇居民", "urban"}};
constexpr Alias labor_aliases[] = {{"有劳动能力", "full"},         {"弱劳动力", "weak"},   {"半劳动力", "weak"},
                                   {"弱劳动力或半劳动力", "weak"}, {"无劳动能力", "none"}, {"丧失劳动能力", "none"}};
constexpr Alias school_aliases[] = {{"义务教育", "compulsory"},       {"普通高中", "senior_high"},
                                    {"中职", "secondary_vocational"}, {"高职", "higher_vocational"},
                                    {"技工院校", "technical"},        {"本科", "undergraduate"},
                                    {"高校毕业生", "graduate"}};
constexpr Alias job_aliases[] = {{"县内务工", "local"},
                                 {"省内县外", "in_province"},
                                 {"省外务工", "out_of_province"},
                                 {"乡村公益性岗位", "public_welfare_post"},
                                 {"公益性岗位", "public_welfare_post"},
                                 {"以工代赈", "work_relief"},
                                 {"生态护林员", "forest_ranger"}};

// Column → where it goes in the household JSON. "members/N/…" fields come from each member's row; the others from
// the first row of the household. Headers may be the English names or the Chinese ones (Excel templates in China).
struct Column {
  std::string_view name;
  std::string_view name_zh;
  std::string_view pointer;  // under the household, or under /members/N when `member`
  bool member;
  enum Kind { text, integer, number, boolean } kind;
  std::span<const Alias> aliases = {};  // Chinese words for an enum's values
};

const std::vector<Column>& columns() {
  static const std::vector<Column> list = {
      {"household_id", "户编号", "/id", false, Column::text},
      {"head", "户主", "/head", false, Column::text},
      {"village", "村", "/village", false, Column::text},
      {"policy", "政策", "/policy", false, Column::text},
      {"year", "年度", "/year", false, Column::integer},
      {"category", "户类别", "/category", false, Column::text, category_aliases},
      {"relocated", "易地搬迁", "/relocated", false, Column::boolean},
      {"dibao", "低保", "/dibao", false, Column::boolean},
      {"tekun", "特困", "/tekun", false, Column::boolean},
      {"farmland_mu", "耕地面积(亩)", "/transfers/farmland_mu", false, Column::number},
      {"eco_compensation", "生态补偿", "/transfers/eco_compensation", false, Column::number},
      {"family_support", "赡养费", "/transfers/family_support", false, Column::number},
      {"other_transfers", "其他转移性收入", "/transfers/other", false, Column::number},
      {"production_revenue", "生产经营收入", "/production/0/revenue", false, Column::number},
      {"production_cost", "生产经营支出", "/production/0/cost", false, Column::number},
      {"land_rent", "土地流转租金", "/property/land_rent", false, Column::number},
      {"dividends", "入股分红", "/property/dividends", false, Column::number},
      {"house_rent", "房屋租金", "/property/house_rent", false, Column::number},
      {"other_property", "其他财产性收入", "/property/other", false, Column::number},
      {"last_year_per_capita_net", "上年人均纯收入", "/last_year_per_capita_net", false, Column::number},
      {"name", "姓名", "/name", true, Column::text},
      {"birth_year", "出生年份", "/birth_year", true, Column::integer},
      {"labor", "劳动能力", "/labor", true, Column::text, labor_aliases},
      {"disability_grade", "残疾等级", "/disability_grade", true, Column::integer},
      {"school", "就学", "/school/level", true, Column::text, school_aliases},
      {"east_west", "东西协作", "/school/east_west", true, Column::boolean},
      {"job_kind", "务工类型", "/jobs/0/kind", true, Column::text, job_aliases},
      {"months", "务工月数", "/jobs/0/months", true, Column::integer},
      {"monthly_wage", "月工资", "/jobs/0/monthly_wage", true, Column::number},
      {"first_organized_export", "首次有组织输出", "/jobs/0/first_organized_export", true, Column::boolean},
      {"pension_enrolled", "参加养老保险", "/pension/enrolled", true, Column::boolean},
      {"pension_tier", "缴费档次", "/pension/tier", true, Column::number},
      {"training_days", "培训天数", "/training_days", true, Column::integer},
  };
  return list;
}

// RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. Records the line each row starts on;
// a quote left open is an error at the line it opened on.
struct Row {
  int line;
  std::vector<std::string> cells;
};

std::vector<Row> split_csv(std::string_view text, InputErrors& errors) {
  std::vector<Row> rows;
  Row row{1, {}};
  std::string cell;
  bool quoted = false, any = false;
  int line = 1, quote_line = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = any = true;
      quote_line = line;
    } else if (c == ',') {
      row.cells.push_back(std::move(cell));
      cell.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !cell.empty()) {
        row.cells.push_back(std::move(cell));
        rows.push_back(std::move(row));
      }
      cell.clear();
      any = false;
      row = Row{++line, {}};
    } else {
      cell += c;
      any = true;
    }
  }
  if (quoted)
    errors.push_back({"line " + std::to_string(quote_line), "expected a closing quote (\") for the cell it opens"});
  if (any || !cell.empty()) {
    row.cells.push_back(std::move(cell));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string cell_where(int line, std::string_view column) {
  return "line " + std::to_string(line) + ", column \"" + std::string(column) + "\"";
}

// A cell as JSON of its column's kind; an empty cell is left out.
std::optional<json> cell_value(const std::string& cell, const Column& column, InputErrors& errors,
                               const std::string& where) {
  if (cell.empty()) return std::nullopt;
  switch (column.kind) {
    case Column::text:
      for (const Alias& a : column.aliases)
        if (a.zh == cell) return json(a.value);
      return json(cell);
    case Column::boolean:
      if (cell == "true" || cell == "1" || cell == "是") return json(true);
      if (cell == "false" || cell == "0" || cell == "否") return json(false);
      errors.push_back({where, "expected true or false, got \"" + cell + "\""});
      return std::nullopt;
    case Column::integer: {
      long long v = 0;
      const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
      if (error == std::errc() && end == cell.data() + cell.size()) return json(v);
      errors.push_back({where, "expected a whole number, got \"" + cell + "\""});
      return std::nullopt;
    }
    case Column::number:
      if (const auto hundredths = parse_yuan_text(cell))
        return *hundredths % 100 == 0 ? json(*hundredths / 100) : json(static_cast<double>(*hundredths) / 100.0);
      errors.push_back({where, "expected a number with at most two decimals, got \"" + cell + "\""});
      return std::nullopt;
  }
  return std::nullopt;
}

// A household pointer as a CSV place: "/members/1/jobs/0/months" → the second member's row, column "months" (or
// "务工月数", as the header wrote it).
std::string csv_place(const std::string& pointer, int first_line, const std::vector<int>& member_lines,
                      const std::map<std::string_view, std::string>& header_as_written) {
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
      const auto written = header_as_written.find(c.name);
      return cell_where(line, written == header_as_written.end() ? c.name : written->second);
    }
  return "line " + std::to_string(line) + " (" + pointer + ")";
}

Parsed<std::vector<RosterEntry>> parse_csv(std::string_view text) {
  Parsed<std::vector<RosterEntry>> out;
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    out.errors.push_back({"line 1", "expected UTF-8 text; this text is UTF-16 (save the spreadsheet as CSV UTF-8)"});
    return out;
  }
  if (const auto bad = first_invalid_utf8(text)) {
    out.errors.push_back(
        {"line " + std::to_string(bad->line), "expected UTF-8 text (save the spreadsheet as CSV UTF-8)"});
    return out;
  }
  const auto rows = split_csv(text, out.errors);
  if (!out.ok()) return out;
  if (rows.empty()) {
    out.errors.push_back({"line 1", "expected a header row of roster columns"});
    return out;
  }
  // Header: known column names, in any order.
  std::vector<const Column*> header;
  std::vector<json::json_pointer> header_pointers;            // where each column goes, parsed once
  std::map<std::string_view, std::string> header_as_written;  // column name → its header in this file
  for (const std::string& name : rows[0].cells) {
    const Column* found = nullptr;
    for (const Column& c : columns())
      if (c.name == name || c.name_zh == name) found = &c;
    if (found == nullptr)
      out.errors.push_back({cell_where(1, name), "expected a known roster column (see README)"});
    else
      header_as_written[found->name] = name;
    header.push_back(found);
    header_pointers.emplace_back(found ? std::string(found->pointer) : "");
  }
  if (out.ok() && !header_as_written.contains("household_id"))
    out.errors.push_back({"line 1", "expected a household_id (户编号) column, which puts members in households"});
  if (!out.ok()) return out;
  if (rows.size() == 1) {
    out.errors.push_back({"line 2", "expected a household row after the header"});
    return out;
  }

  // First the rows of each household (its members may be anywhere in the file), in the order households first
  // appear; then each household on its own, so one household's JSON is in memory at a time, not the roster's.
  struct Grouped {
    std::vector<const Row*> rows;
  };
  std::vector<Grouped> households;
  std::map<std::string, size_t> by_id;
  for (size_t r = 1; r < rows.size(); ++r) {
    const Row& row = rows[r];
    if (row.cells.size() != header.size()) {
      out.errors.push_back(
          {"line " + std::to_string(row.line),
           "expected " + std::to_string(header.size()) + " columns, got " + std::to_string(row.cells.size())});
      continue;
    }
    std::string id;
    for (size_t c = 0; c < header.size(); ++c)
      if (header[c]->name == "household_id") id = row.cells[c];
    if (id.empty()) {
      out.errors.push_back(
          {cell_where(row.line, header_as_written.at("household_id")), "expected the household's id on every row"});
      continue;
    }
    const auto [it, is_new] = by_id.try_emplace(std::move(id), households.size());
    if (is_new) households.emplace_back();
    households[it->second].rows.push_back(&row);
  }
  for (const Grouped& g : households) {
    json doc = {{"schema", household_schema}, {"members", json::array()}};
    std::vector<int> member_lines;    // the row of each member
    std::set<std::string> bad_cells;  // cells already reported: the household's own checks would repeat them
    for (const Row* row : g.rows) {
      member_lines.push_back(row->line);
      json person = json::object();
      for (size_t c = 0; c < header.size(); ++c) {
        const Column& col = *header[c];
        const std::string where = cell_where(row->line, rows[0].cells[c]);
        const size_t errors_before = out.errors.size();
        const auto value = cell_value(row->cells[c], col, out.errors, where);
        if (out.errors.size() != errors_before) bad_cells.insert(where);
        if (!value) continue;
        if (col.member)
          person[header_pointers[c]] = *value;
        else if (row == g.rows.front())  // the household's own columns come from its first row
          doc[header_pointers[c]] = *value;
      }
      if (person.contains("jobs") && !person["jobs"][0].contains("monthly_wage")) person["jobs"][0]["monthly_wage"] = 0;
      if (person.contains("jobs") && !person["jobs"][0].contains("months")) person["jobs"][0]["months"] = 0;
      doc["members"].push_back(std::move(person));
    }
    if (doc.contains("production")) doc["production"][0]["kind"] = "other";
    const int first_line = g.rows.front()->line;
    auto parsed = household_from_json(doc);
    for (InputError& e : parsed.errors) {
      e.where = csv_place(e.where, first_line, member_lines, header_as_written);
      if (!bad_cells.contains(e.where)) out.errors.push_back(std::move(e));
    }
    if (parsed.ok()) out.value.push_back({std::move(parsed.value), "line " + std::to_string(first_line)});
  }
  if (!out.ok()) out.value.clear();
  return out;
}

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

const std::vector<std::string_view>& roster_csv_columns() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> list;
    for (const Column& c : columns()) list.push_back(c.name);
    return list;
  }();
  return names;
}

Parsed<std::vector<RosterEntry>> parse_roster(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 BOM, as Excel writes
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '[') return parse_json_roster(text);
  return parse_csv(text);
}

}  // namespace zengshou::formats
