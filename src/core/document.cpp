// Parsing assets/documents/*.json ("zengshou.document/1") into Documents, with every problem at its JSON pointer.
#include "document.h"

#include <algorithm>  // min
#include <array>      // clause numerals
#include <charconv>   // from_chars
#include <utility>    // move

#include <nlohmann/json.hpp>

#include "embedded_assets.h"
#include "json_reading.h"

namespace zengshou::core {

using nlohmann::json;
using json_ordered = nlohmann::ordered_json;

namespace {

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
  // The same in full-width parentheses, "（三）", as most documents print them (ours were typed half-width).
  std::string heading_wide;
  std::string next_wide;
};

ClausePart clause_part(std::string heading, std::string next, bool in_line = false, std::string heading_wide = {},
                       std::string next_wide = {}) {
  ClausePart part;
  part.heading = std::move(heading);
  part.next = std::move(next);
  part.in_line = in_line;
  part.heading_wide = std::move(heading_wide);
  part.next_wide = std::move(next_wide);
  return part;
}

// What ends the sentence before an in-line "三是": a full stop, or a semicolon (001 二(二): "…社保体系;三是退出环节").
constexpr std::string_view sentence_ends[] = {"。", "；", ";"};

bool after_sentence_end(std::string_view text, size_t at) {
  for (std::string_view end : sentence_ends)
    if (at >= end.size() && text.substr(at - end.size(), end.size()) == end) return true;
  return false;
}

// The first line (or, `in_line`, sentence) starting with `heading` in text[begin, end), or npos.
size_t find_line(std::string_view text, std::string_view heading, size_t begin, size_t end, bool in_line = false) {
  for (size_t at = text.find(heading, begin); at != std::string_view::npos && at < end; at = text.find(heading, at + 1))
    if (at == 0 || text[at - 1] == '\n' || (in_line && after_sentence_end(text, at))) return at;
  return std::string_view::npos;
}

// The first of `heading` or, when given, `wide` that starts a line in text[begin, end), or npos.
size_t find_either(std::string_view text, std::string_view heading, std::string_view wide, size_t begin, size_t end,
                   bool in_line) {
  const size_t at = find_line(text, heading, begin, end, in_line);
  return wide.empty() ? at : std::min(at, find_line(text, wide, begin, end, in_line));
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// "三(三)21" → 三、 (三) 21.; "附件2 三.24" → 附件2 三、 24.; "二(四)三" → 二、 (四) 三是; "二（一）" as "二(一)".
// Empty when malformed.
std::optional<std::vector<ClausePart>> clause_parts(std::string_view typed) {
  const std::string narrow = replace_all(replace_all(std::string(typed), "（", "("), "）", ")");
  std::string_view label = narrow;
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
      parts.push_back(clause_part("附件" + std::to_string(n) + "\n", "附件" + std::to_string(n + 1) + "\n"));
    } else if (label[0] == '(') {
      const size_t close = label.find(')');
      const auto n = numeral_at(label.substr(1));
      if (close == std::string_view::npos || !n || chinese_numerals[*n].size() + 1 != close) return std::nullopt;
      const std::string next = *n + 1 < chinese_numerals.size() ? std::string(chinese_numerals[*n + 1]) : "";
      parts.push_back(clause_part("(" + std::string(chinese_numerals[*n]) + ")", "(" + next + ")", false,
                                  "（" + std::string(chinese_numerals[*n]) + "）",
                                  next.empty() ? "" : "（" + next + "）"));
      label.remove_prefix(close + 1);
      after_parenthesis = true;
      continue;
    } else if (label[0] >= '0' && label[0] <= '9') {
      int n = 0;
      const auto [end, ec] = std::from_chars(label.data(), label.data() + label.size(), n);
      if (ec != std::errc{} || n > max_clause_number) return std::nullopt;
      label.remove_prefix(static_cast<size_t>(end - label.data()));
      parts.push_back(clause_part(std::to_string(n) + ".", std::to_string(n + 1) + "."));
    } else if (const auto n = numeral_at(label)) {
      const std::string_view mark = after_parenthesis ? "是" : "、";
      const std::string next = *n + 1 < chinese_numerals.size() ? std::string(chinese_numerals[*n + 1]) : "";
      parts.push_back(clause_part(std::string(chinese_numerals[*n]) + std::string(mark), next + std::string(mark),
                                  after_parenthesis));
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
    const size_t at = find_either(text, part.heading, part.heading_wide, begin, end, part.in_line);
    if (at == std::string_view::npos) return std::nullopt;
    const size_t next = find_either(text, part.next, part.next_wide, at + 1, end, part.in_line);
    begin = at;
    if (next != std::string_view::npos) end = next;
  }
  return std::pair<size_t, size_t>{begin, end};
}

std::variant<CitedPlace, PlaceProblem> locate(const Document& document, const SourceRef& ref) {
  const std::string_view text = document.text;
  CitedPlace place{0, text.size(), 0, 0};
  if (!ref.clause.empty()) {
    const auto range = find_clause(text, ref.clause);
    if (!range) return PlaceProblem::clause;
    place.clause_begin = range->first;
    place.clause_end = range->second;
  }
  place.quote_begin = place.quote_end = place.clause_begin;
  if (!ref.quote.empty()) {
    const size_t at = text.substr(place.clause_begin, place.clause_end - place.clause_begin).find(ref.quote);
    if (at == std::string_view::npos) return PlaceProblem::quote;
    place.quote_begin = place.clause_begin + at;
    place.quote_end = place.quote_begin + ref.quote.size();
  }
  return place;
}

Document read_document(const json& object, const std::string& at, InputErrors& errors, std::string_view name) {
  JsonReader r(errors);
  Document d;
  d.id = r.string_field(object, at, "id", true);
  if (!d.id.empty() && !name.empty() && d.id != name)
    errors.push_back({at + "/id", "expected \"" + std::string(name) + "\""});
  if (const json* t = r.object_field(object, at, "title", true)) {
    d.title_zh = r.string_field(*t, at + "/title", "zh", true);
    d.title_en = r.string_field(*t, at + "/title", "en", true);
  }
  d.title_is_description = r.bool_field(object, at, "title_is_description");
  d.issuer = r.string_field(object, at, "issuer", false);
  d.number = r.string_field(object, at, "number", false);
  d.index_number = r.string_field(object, at, "index_number", false);
  const std::string issued = r.string_field(object, at, "issued", false);
  if (!issued.empty()) {
    const auto day = parse_iso_date(issued);
    if (!day) errors.push_back({at + "/issued", "expected a date YYYY-MM-DD, got \"" + issued + "\""});
    d.issued = day.value_or(0);
  }
  if (object.is_object() && object.contains("years")) {
    const auto years = read_years(object["years"], at + "/years", errors);
    d.first_year = years.first;
    d.last_year = years.second;
  }
  d.text = r.string_field(object, at, "text", false);
  return d;
}

json_ordered document_to_json(const Document& d) {
  json_ordered out;
  out["id"] = d.id;
  out["title"] = {{"zh", d.title_zh}, {"en", d.title_en}};
  if (d.title_is_description) out["title_is_description"] = true;
  const auto optional = [&](const char* key, const std::string& value) {
    if (!value.empty()) out[key] = value;
  };
  optional("issuer", d.issuer);
  optional("number", d.number);
  optional("index_number", d.index_number);
  if (d.issued != 0) optional("issued", iso_date_text(d.issued));
  if (d.first_year != 0) out["years"] = {d.first_year, d.last_year};
  optional("text", d.text);
  return out;
}

Parsed<Document> parse_document_file(std::string_view name, std::string_view text) {
  Parsed<Document> out;
  const auto parsed = parse_json_text(text, "a JSON document file", out.errors);
  if (!parsed) return out;
  const json& doc = *parsed;
  JsonReader r(out.errors);
  if (r.string_field(doc, "", "schema", true) != "zengshou.document/1")
    out.errors.push_back({"/schema", "expected \"zengshou.document/1\""});
  out.value = read_document(doc, "", out.errors, name);
  if (!out.ok()) out.value = Document{};
  return out;
}

Parsed<std::shared_ptr<const DocumentSet>> DocumentSet::from_files(
    const std::vector<std::pair<std::string_view, std::string_view>>& files) {
  Parsed<std::shared_ptr<const DocumentSet>> out;
  auto set = std::make_shared<DocumentSet>();
  for (const auto& [name, text] : files) {
    auto parsed = parse_document_file(name, text);
    for (auto& e : parsed.errors) out.errors.push_back({std::string(name) + ".json" + e.where, e.expected});
    if (!parsed.ok()) continue;
    std::string id = parsed.value.id;
    if (set->documents_.count(id) != 0) {
      out.errors.push_back({std::string(name) + ".json/id", "expected an id no other document has"});
      continue;
    }
    set->documents_.emplace(std::move(id), std::move(parsed.value));
  }
  for (const auto& [id, document] : set->documents_) set->ordered_.push_back(&document);
  if (out.ok()) out.value = std::move(set);
  return out;
}

const DocumentSet& DocumentSet::embedded() {
  static const std::shared_ptr<const DocumentSet> set = [] {
    std::vector<std::pair<std::string_view, std::string_view>> files;
    for (const EmbeddedAsset& f : embedded_document_files()) files.emplace_back(f.name, f.text);
    auto parsed = from_files(files);
    // Checked by the unit tests; should one still be broken, the program runs without documents.
    return parsed.ok() ? parsed.value : std::make_shared<const DocumentSet>();
  }();
  return *set;
}

std::shared_ptr<const DocumentSet> DocumentSet::with(std::vector<Document> more) const {
  auto set = std::make_shared<DocumentSet>(*this);
  for (Document& d : more) {
    std::string id = d.id;
    set->documents_.emplace(std::move(id), std::move(d));
  }
  set->ordered_.clear();
  for (const auto& [id, document] : set->documents_) set->ordered_.push_back(&document);
  return set;
}

const Document* DocumentSet::find(std::string_view id) const {
  const auto it = documents_.find(id);
  return it == documents_.end() ? nullptr : &it->second;
}

}  // namespace zengshou::core
