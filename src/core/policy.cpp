#include "policy.h"

#include <algorithm>  // sort, find
#include <charconv>   // from_chars

#include <nlohmann/json.hpp>

#include "embedded_assets.h"
#include "json_reading.h"
#include "param_json.h"

namespace zengshou::core {
namespace {

using nlohmann::json;

std::optional<CategorySet> parse_categories(const std::vector<std::string_view>& names) {
  CategorySet set = 0;
  for (std::string_view name : names) {
    const auto it = std::find(category_names.begin(), category_names.end(), name);
    if (it == category_names.end()) return std::nullopt;
    set |= CategorySet{1} << (it - category_names.begin());
  }
  return set;
}

std::string categories_text(CategorySet set) {
  std::string text;
  for (size_t i = 0; i < category_names.size(); ++i) {
    if ((set & (CategorySet{1} << i)) == 0) continue;
    if (!text.empty()) text += ',';
    text += category_names[i];
  }
  return text;
}

// Chinese numerals as clause headings use them: 一 … 二十.
constexpr std::array<std::string_view, 20> chinese_numerals = {"一",   "二",   "三",   "四",   "五",   "六",   "七",
                                                               "八",   "九",   "十",   "十一", "十二", "十三", "十四",
                                                               "十五", "十六", "十七", "十八", "十九", "二十"};

// The largest item or attachment number a clause label may have.
constexpr int max_clause_number = 999;

// One part of a clause label, as the line that starts it ("三、", "(三)", "21.", "三是", "附件2") and the line
// that starts the next part of the same kind.
struct ClausePart {
  std::string heading;
  std::string next;
  bool in_line = false;  // "三是" may also start a sentence within a line: "…。三是拓展…" (001 二(四))
};

constexpr std::string_view full_stop = "。";

// The first line (or, `in_line`, sentence) starting with `heading` in text[begin, end), or npos.
size_t find_line(std::string_view text, std::string_view heading, size_t begin, size_t end, bool in_line = false) {
  for (size_t at = text.find(heading, begin); at != std::string_view::npos && at < end; at = text.find(heading, at + 1))
    if (at == 0 || text[at - 1] == '\n' ||
        (in_line && at >= full_stop.size() && text.substr(at - full_stop.size(), full_stop.size()) == full_stop))
      return at;
  return std::string_view::npos;
}

// "三(三)21" → 三、 (三) 21.; "附件2 三.24" → 附件2 三、 24.; "二(四)三" → 二、 (四) 三是. Empty when malformed.
std::optional<std::vector<ClausePart>> clause_parts(std::string_view label) {
  std::vector<ClausePart> parts;
  bool after_parenthesis = false;
  const auto numeral_at = [&](std::string_view rest) -> std::optional<size_t> {
    for (size_t n = chinese_numerals.size(); n-- > 0;)  // longest first: 十一 before 十
      if (rest.substr(0, chinese_numerals[n].size()) == chinese_numerals[n]) return n;
    return std::nullopt;
  };
  while (!label.empty()) {
    if (label[0] == ' ' || label[0] == '.') {
      label.remove_prefix(1);
    } else if (label.substr(0, 6) == "附件") {
      label.remove_prefix(6);
      int n = 0;
      const auto [end, ec] = std::from_chars(label.data(), label.data() + label.size(), n);
      if (ec != std::errc{} || n > max_clause_number) return std::nullopt;
      label.remove_prefix(static_cast<size_t>(end - label.data()));
      parts.push_back({"附件" + std::to_string(n) + "\n", "附件" + std::to_string(n + 1) + "\n"});
    } else if (label[0] == '(') {
      const size_t close = label.find(')');
      const auto n = numeral_at(label.substr(1));
      if (close == std::string_view::npos || !n || chinese_numerals[*n].size() + 1 != close) return std::nullopt;
      const std::string next = *n + 1 < chinese_numerals.size() ? std::string(chinese_numerals[*n + 1]) : "";
      parts.push_back({"(" + std::string(chinese_numerals[*n]) + ")", "(" + next + ")"});
      label.remove_prefix(close + 1);
      after_parenthesis = true;
      continue;
    } else if (label[0] >= '0' && label[0] <= '9') {
      int n = 0;
      const auto [end, ec] = std::from_chars(label.data(), label.data() + label.size(), n);
      if (ec != std::errc{} || n > max_clause_number) return std::nullopt;
      label.remove_prefix(static_cast<size_t>(end - label.data()));
      parts.push_back({std::to_string(n) + ".", std::to_string(n + 1) + "."});
    } else if (const auto n = numeral_at(label)) {
      const std::string_view mark = after_parenthesis ? "是" : "、";
      const std::string next = *n + 1 < chinese_numerals.size() ? std::string(chinese_numerals[*n + 1]) : "";
      parts.push_back(
          {std::string(chinese_numerals[*n]) + std::string(mark), next + std::string(mark), after_parenthesis});
      label.remove_prefix(chinese_numerals[*n].size());
    } else {
      return std::nullopt;
    }
    after_parenthesis = false;
  }
  if (parts.empty()) return std::nullopt;
  return parts;
}

}  // namespace

std::optional<std::pair<size_t, size_t>> find_clause(std::string_view text, std::string_view clause) {
  if (clause == "前言") {  // the preamble: before the first heading
    const size_t first = find_line(text, "一、", 0, text.size());
    return std::pair<size_t, size_t>{0, first == std::string_view::npos ? text.size() : first};
  }
  const auto parts = clause_parts(clause);
  if (!parts) return std::nullopt;
  size_t begin = 0, end = text.size();
  for (const ClausePart& part : *parts) {
    const size_t at = find_line(text, part.heading, begin, end, part.in_line);
    if (at == std::string_view::npos) return std::nullopt;
    const size_t next = find_line(text, part.next, at + 1, end, part.in_line);
    begin = at;
    if (next != std::string_view::npos) end = next;
  }
  return std::pair<size_t, size_t>{begin, end};
}

std::string reference_text(const SourceRef& ref, const DocumentSet& documents) {
  const Document* d = documents.find(ref.document);
  std::string out = d == nullptr ? ref.document : d->title_is_description ? d->title_zh : "《" + d->title_zh + "》";
  if (d != nullptr && !d->number.empty()) out += "(" + d->number + ")";
  out += ref.clause;
  if (!ref.quote.empty()) out += "「" + ref.quote + "」";
  return out;
}

namespace {

// Reads {"document", "clause", "quote"} at `at` and checks it against the documents: the document exists and, where
// its text is present, the clause is found in it and the quote occurs verbatim within the clause.
std::optional<SourceRef> read_reference(const json& value, const std::string& at, const DocumentSet& documents,
                                        InputErrors& errors) {
  if (!value.is_object()) {
    errors.push_back({at, "expected a reference {\"document\", \"clause\", \"quote\"}, got " + describe(value)});
    return std::nullopt;
  }
  JsonReader r(errors);
  SourceRef ref{r.string_field(value, at, "document", true), r.string_field(value, at, "clause", false),
                r.string_field(value, at, "quote", false)};
  const Document* d = documents.find(ref.document);
  if (d == nullptr) {
    errors.push_back(
        {at + "/document", "expected the id of a document in assets/documents, got \"" + ref.document + "\""});
    return std::nullopt;
  }
  if (!d->has_text()) return ref;
  std::string_view text = d->text;
  if (!ref.clause.empty()) {
    const auto range = find_clause(text, ref.clause);
    if (!range) {
      errors.push_back({at + "/clause", "expected a clause of " + ref.document + ", got \"" + ref.clause +
                                            "\", which its text does not have"});
      return std::nullopt;
    }
    text = text.substr(range->first, range->second - range->first);
  }
  if (!ref.quote.empty() && text.find(ref.quote) == std::string_view::npos) {
    errors.push_back({at + "/quote", "expected words that occur verbatim in " + ref.document +
                                         (ref.clause.empty() ? "" : " " + ref.clause) + ", got \"" + ref.quote + "\""});
    return std::nullopt;
  }
  return ref;
}

}  // namespace

std::string unit_expectation(Unit unit) {
  switch (unit) {
    case Unit::percent:
      return "a percentage with at most two decimals";
    case Unit::months:
      return "a whole number of months from 0 to 12";
    case Unit::years:
      return "a whole number of years from 0 to 120";
    case Unit::flag:
      return "true or false";
    case Unit::categories:
      return "an array of household categories (tuopin, monitor_unstable, …)";
    default:
      return "an amount in yuan from 0 to 100000000 with at most two decimals";
  }
}

std::optional<int64_t> param_value_from_json(const json& v, Unit unit) {
  switch (unit) {
    case Unit::flag:
      if (v.is_boolean()) return v.get<bool>() ? 1 : 0;
      return std::nullopt;
    case Unit::months:
    case Unit::years: {
      if (!v.is_number_integer()) return std::nullopt;
      const int64_t n = v.get<int64_t>();
      if (n < 0 || n > (unit == Unit::months ? 12 : 120)) return std::nullopt;
      return n;
    }
    case Unit::categories: {
      if (!v.is_array()) return std::nullopt;
      std::vector<std::string_view> names;
      for (const json& item : v) {
        if (!item.is_string()) return std::nullopt;
        names.push_back(item.get_ref<const std::string&>());
      }
      return parse_categories(names);
    }
    default: {  // money and percent: a number with at most two decimals, not negative
      if (!v.is_number()) return std::nullopt;
      const auto hundredths = yuan_to_fen(v.get<double>());
      if (!hundredths || *hundredths < 0 || *hundredths > max_amount_fen) return std::nullopt;
      return hundredths;
    }
  }
}

json param_value_to_json(ParamId id, int64_t value) {
  const Unit unit = info(id).unit;
  if (unit == Unit::flag) return value != 0;
  if (unit == Unit::months || unit == Unit::years) return value;
  if (unit == Unit::categories) {
    json names = json::array();
    for (size_t i = 0; i < category_names.size(); ++i)
      if ((static_cast<CategorySet>(value) & (CategorySet{1} << i)) != 0) names.push_back(category_names[i]);
    return names;
  }
  return yuan_json(Money::fen(value));  // money, and percent in hundredths as 12.5
}

Parsed<PolicyFile> parse_policy_file(std::string_view name, std::string_view text, const DocumentSet& documents) {
  Parsed<PolicyFile> out;
  const auto parsed = parse_json_text(text, "a JSON policy file", out.errors);
  if (!parsed) return out;
  const json& doc = *parsed;
  JsonReader r(out.errors);
  PolicyFile& f = out.value;
  if (r.string_field(doc, "", "schema", true) != "zengshou.policy/1")
    out.errors.push_back({"/schema", "expected \"zengshou.policy/1\""});
  f.id = r.string_field(doc, "", "id", true);
  if (!f.id.empty() && f.id != name) out.errors.push_back({"/id", "expected \"" + std::string(name) + "\""});
  if (const json* n = r.object_field(doc, "", "name", true)) {
    f.name_zh = r.string_field(*n, "/name", "zh", true);
    f.name_en = r.string_field(*n, "/name", "en", true);
  }
  f.province = r.string_field(doc, "", "province", false);
  f.inherits = r.string_field(doc, "", "inherits", false);
  f.document = r.string_field(doc, "", "document", false);
  if (!f.document.empty() && documents.find(f.document) == nullptr)
    out.errors.push_back(
        {"/document", "expected the id of a document in assets/documents, got \"" + f.document + "\""});
  const json* years = doc.is_object() && doc.contains("years") ? &doc["years"] : nullptr;
  const auto calendar_year = [](const json& y) {
    return y.is_number_integer() && y.get<int64_t>() >= 1900 && y.get<int64_t>() <= 2100;
  };
  if (years == nullptr || !years->is_array() || years->size() != 2 || !calendar_year((*years)[0]) ||
      !calendar_year((*years)[1]) || (*years)[0].get<int>() > (*years)[1].get<int>()) {
    out.errors.push_back({"/years", "expected [first, last] calendar years from 1900 to 2100"});
  } else {
    f.first_year = (*years)[0].get<int>();
    f.last_year = (*years)[1].get<int>();
  }
  const json* params = r.object_field(doc, "", "parameters", true);
  if (params == nullptr) return out;
  for (const auto& [param_name, entries] : params->items()) {
    const std::string where = "/parameters/" + json_pointer_escape(param_name);
    const auto id = param_from_name(param_name);
    if (!id) {
      out.errors.push_back({where, "expected a known parameter name"});
      continue;
    }
    const Unit unit = info(*id).unit;
    if (!entries.is_array() || entries.empty()) {
      out.errors.push_back({where, "expected an array of dated values"});
      continue;
    }
    auto& list = f.parameters[*id];
    for (size_t i = 0; i < entries.size(); ++i) {
      const json& e = entries[i];
      const std::string at = where + "/" + std::to_string(i);
      if (!e.is_object()) {
        out.errors.push_back({at, "expected { \"from\", \"value\", \"source\" or \"assumed\" }"});
        continue;
      }
      ParamEntry entry;
      const auto from = parse_iso_date(r.string_field(e, at, "from", true));
      if (!from) out.errors.push_back({at + "/from", "expected a date YYYY-MM-DD"});
      entry.from = from.value_or(0);
      if (!e.contains("value")) {
        out.errors.push_back({at + "/value", "expected a value (or null to unset)"});
      } else if (!e["value"].is_null()) {
        entry.value = param_value_from_json(e["value"], unit);
        if (!entry.value) out.errors.push_back({at + "/value", "expected " + unit_expectation(unit)});
      }
      if (e.contains("source")) {
        entry.cited = read_reference(e["source"], at + "/source", documents, out.errors);
        if (entry.cited) entry.source = reference_text(*entry.cited, documents);
      }
      entry.note = r.string_field(e, at, "note", false);
      entry.assumed = e.contains("assumed") && e["assumed"].is_boolean() && e["assumed"].get<bool>();
      if (e.contains("leans_on")) {
        entry.leans_on = read_reference(e["leans_on"], at + "/leans_on", documents, out.errors);
        if (entry.leans_on)
          entry.note += (entry.note.empty() ? "参照" : ";参照") + reference_text(*entry.leans_on, documents);
      }
      if (!e.contains("source") && !entry.assumed)
        out.errors.push_back({at, "expected a \"source\", or \"assumed\": true with a \"note\""});
      list.push_back(std::move(entry));
    }
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
  }
  if (!out.ok()) out.value = PolicyFile{};
  return out;
}

Parsed<ParamOverride> parse_override(std::string_view assignment) {
  Parsed<ParamOverride> out;
  const size_t eq = assignment.find('=');
  const std::string where = "--set " + std::string(assignment);
  if (eq == std::string_view::npos) {
    out.errors.push_back({where, "expected NAME=VALUE"});
    return out;
  }
  const std::string_view name = assignment.substr(0, eq);
  const std::string_view text = assignment.substr(eq + 1);
  const auto id = param_from_name(name);
  if (!id) {
    out.errors.push_back({where, "expected a known parameter name (see the policy files)"});
    return out;
  }
  const Unit unit = info(*id).unit;
  std::optional<int64_t> value;
  if (unit == Unit::flag) {
    if (text == "true") value = 1;
    if (text == "false") value = 0;
  } else if (unit == Unit::categories) {
    std::vector<std::string_view> names;
    for (size_t start = 0; start <= text.size();) {
      const size_t comma = std::min(text.find(',', start), text.size());
      if (comma > start) names.push_back(text.substr(start, comma - start));
      start = comma + 1;
    }
    value = parse_categories(names);
  } else {
    const auto hundredths = parse_yuan_text(text);
    if (hundredths && *hundredths >= 0 && *hundredths <= max_amount_fen) {
      if (is_money(unit) || unit == Unit::percent)
        value = hundredths;
      else if (*hundredths % 100 == 0 && *hundredths / 100 <= (unit == Unit::months ? 12 : 120))
        value = *hundredths / 100;
    }
  }
  if (!value) {
    out.errors.push_back({where, "expected " + unit_expectation(unit)});
    return out;
  }
  out.value = {*id, value};
  return out;
}

Parsed<std::shared_ptr<const PolicySet>> PolicySet::from_files(
    const std::vector<std::pair<std::string_view, std::string_view>>& files) {
  Parsed<std::shared_ptr<const PolicySet>> out;
  auto set = std::make_shared<PolicySet>();
  for (const auto& [name, text] : files) {
    auto parsed = parse_policy_file(name, text);
    for (auto& e : parsed.errors) out.errors.push_back({std::string(name) + ".json" + e.where, e.expected});
    if (!parsed.ok()) continue;
    std::string id = parsed.value.id;
    set->files_[std::move(id)] = std::make_unique<PolicyFile>(std::move(parsed.value));
  }
  for (const auto& [id, file] : set->files_) {
    if (!file->inherits.empty() && set->files_.find(file->inherits) == set->files_.end())
      out.errors.push_back({id + ".json/inherits", "expected the id of another policy file"});
    set->ordered_.push_back(file.get());
  }
  if (out.ok()) out.value = std::move(set);
  return out;
}

const PolicySet& PolicySet::embedded() {
  static const std::shared_ptr<const PolicySet> set = [] {
    std::vector<std::pair<std::string_view, std::string_view>> files;
    for (const EmbeddedAsset& f : embedded_policy_files()) files.emplace_back(f.name, f.text);
    auto parsed = from_files(files);
    // The embedded files are checked by the unit tests; should one still be broken, the program keeps the
    // policies that parsed rather than stopping.
    return parsed.ok() ? parsed.value : std::make_shared<const PolicySet>();
  }();
  return *set;
}

const PolicyFile* PolicySet::find(std::string_view id) const {
  const auto it = files_.find(id);
  return it == files_.end() ? nullptr : it->second.get();
}

std::vector<const PolicyFile*> PolicySet::chain(const PolicyFile& policy) const {
  std::vector<const PolicyFile*> out;
  for (const PolicyFile* f = &policy; f != nullptr && out.size() < 8;
       f = f->inherits.empty() ? nullptr : find(f->inherits))
    out.push_back(f);
  return out;
}

YearParameters PolicySet::resolve(const PolicyFile& policy, int year,
                                  const std::vector<ParamOverride>& overrides) const {
  YearParameters out;
  out.policy_ = &policy;
  out.year_ = year;
  const int date = year * 10000 + 101;
  const auto files = chain(policy);
  for (size_t i = 0; i < param_count; ++i) {
    ResolvedParam& slot = out.values_[i];
    for (const PolicyFile* f : files) {
      const auto it = f->parameters.find(static_cast<ParamId>(i));
      if (it == f->parameters.end()) continue;
      const ParamEntry* in_force = nullptr;
      for (const ParamEntry& e : it->second)
        if (e.from <= date) in_force = &e;
      if (in_force == nullptr) continue;
      slot = {in_force->value, in_force, f, false};
      break;
    }
  }
  for (const ParamOverride& o : overrides) out.values_[static_cast<size_t>(o.id)] = {o.value, nullptr, nullptr, true};
  return out;
}

std::optional<InputError> PolicySet::check(std::string_view id, int year, const std::string& where) const {
  const PolicyFile* f = find(id);
  if (f == nullptr) {
    std::string known;
    for (const PolicyFile* p : ordered_) known += (known.empty() ? "" : ", ") + p->id;
    return InputError{where, "expected a known policy id (" + known + "), got \"" + std::string(id) + "\""};
  }
  if (year < f->first_year || year > f->last_year)
    return InputError{"/year", "expected a year that " + f->id + " covers (" + std::to_string(f->first_year) + "–" +
                                   std::to_string(f->last_year) + "), got " + std::to_string(year)};
  return std::nullopt;
}

std::string value_text(ParamId id, int64_t value) {
  const Unit unit = info(id).unit;
  if (unit == Unit::flag) return value ? "true" : "false";
  if (unit == Unit::categories) return categories_text(static_cast<CategorySet>(value));
  if (unit == Unit::months || unit == Unit::years) return std::to_string(value);
  const std::string text = Money::fen(value).yuan_text();
  return unit == Unit::percent ? text + "%" : text;
}

}  // namespace zengshou::core
