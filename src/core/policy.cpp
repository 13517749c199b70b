#include "policy.h"

#include <algorithm>  // sort, find
#include <atomic>     // the resolutions' serial numbers
#include <charconv>   // from_chars
#include <cstdio>     // snprintf
#include <tuple>      // tie

#include <nlohmann/json.hpp>

#include "embedded_assets.h"
#include "json_reading.h"
#include "param_json.h"

namespace zengshou::core {
namespace {

using nlohmann::json;

// `text` cut to `chars` UTF-8 characters and "…" when it is longer (0: whole).
std::string shortened(const std::string& text, size_t chars) {
  if (chars == 0) return text;
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (count++ == chars) return text.substr(0, i) + "…";
  }
  return text;
}

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

}  // namespace

std::string reference_text(const SourceRef& ref, Language language, size_t title_chars, const DocumentSet& documents) {
  const Document* d = documents.find(ref.document);
  std::string out = ref.document;
  if (d != nullptr) {
    const std::string title = shortened(language == Language::en ? d->title_en : d->title_zh, title_chars);
    out = d->title_is_description ? title : "《" + title + "》";
    if (!d->number.empty()) out += "(" + d->number + ")";
  }
  out += ref.clause;
  if (!ref.quote.empty()) out += "「" + ref.quote + "」";
  return out;
}

std::string assumption_text(const ParamEntry& entry, Language language, const DocumentSet& documents) {
  if (!entry.leans_on) return entry.note;
  const char* following = language == Language::en ? (entry.note.empty() ? "Following " : "; following ")
                                                   : (entry.note.empty() ? "参照" : ";参照");
  return entry.note + following + reference_text(*entry.leans_on, language, 0, documents);
}

InputErrors check_reference(const SourceRef& ref, const DocumentSet& documents, const std::string& at, Quotes quotes) {
  const Document* d = documents.find(ref.document);
  if (d == nullptr)
    return {
        {at + "/document", "expected the id of a document in assets/documents or the file's own \"documents\", got \"" +
                               ref.document + "\""}};
  if (!d->has_text() || quotes == Quotes::trusted) return {};
  const auto place = locate(*d, ref);
  const auto* problem = std::get_if<PlaceProblem>(&place);
  if (problem == nullptr) return {};
  if (*problem == PlaceProblem::clause)
    return {
        {at + "/clause", "expected a clause that the text of " + ref.document + " has, got \"" + ref.clause + "\""}};
  return {{at + "/quote", "expected words that occur verbatim in " + ref.document +
                              (ref.clause.empty() ? "" : " " + ref.clause) + ", got \"" + ref.quote + "\""}};
}

PolicyFile cite(PolicyFile policy, ParamId id, int from, SourceRef ref) {
  for (ParamEntry& e : policy.parameters[id]) {
    if (e.from != from) continue;
    e.cited = std::move(ref);
    e.assumed = false;
    e.note.clear();
    e.leans_on.reset();
  }
  return policy;
}

namespace {

// Reads {"document", "clause", "quote"} at `at` and checks it against the documents: the document exists and, where
// its text is present and the quotes are not trusted, the clause is found in it and the quote occurs verbatim
// within the clause.
std::optional<SourceRef> read_reference(const json& value, const std::string& at, const DocumentSet& documents,
                                        Quotes quotes, InputErrors& errors) {
  if (!value.is_object()) {
    errors.push_back({at, "expected a reference {\"document\", \"clause\", \"quote\"}, got " + describe(value)});
    return std::nullopt;
  }
  JsonReader r(errors);
  SourceRef ref{r.string_field(value, at, "document", true), r.string_field(value, at, "clause", false),
                r.string_field(value, at, "quote", false)};
  InputErrors problems = check_reference(ref, documents, at, quotes);
  if (!problems.empty()) {
    for (InputError& e : problems) errors.push_back(std::move(e));
    return std::nullopt;
  }
  return ref;
}

// "not_computed": each measure with its names, why, what the document says and where (checked as a source is).
std::vector<UncomputedMeasure> read_not_computed(const json& doc, const DocumentSet& documents, Quotes quotes,
                                                 InputErrors& errors) {
  std::vector<UncomputedMeasure> out;
  JsonReader r(errors);
  const json* list = r.array_field(doc, "", "not_computed", false);
  if (list == nullptr) return out;
  for (size_t i = 0; i < list->size(); ++i) {
    const json& item = (*list)[i];
    const std::string at = "/not_computed/" + std::to_string(i);
    if (!item.is_object()) {
      errors.push_back(
          {at, "expected a measure {\"measure\", \"why\", \"detail\", \"source\"}, got " + describe(item)});
      continue;
    }
    UncomputedMeasure m;
    if (const json* name = r.object_field(item, at, "measure", true)) {
      m.name_zh = r.string_field(*name, at + "/measure", "zh", true);
      m.name_en = r.string_field(*name, at + "/measure", "en", true);
    }
    if (const auto why = r.enum_field(item, at, "why", uncomputed_why_names, true))
      m.why = static_cast<UncomputedWhy>(*why);
    if (const json* detail = r.object_field(item, at, "detail", false)) {
      m.detail_zh = r.string_field(*detail, at + "/detail", "zh", false);
      m.detail_en = r.string_field(*detail, at + "/detail", "en", false);
    }
    if (!item.contains("source"))
      errors.push_back({at + "/source", "expected this required field"});
    else if (auto ref = read_reference(item["source"], at + "/source", documents, quotes, errors))
      m.source = std::move(*ref);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

namespace {

// The largest amount (fen) or percentage (hundredths) a value of the unit may have: a rate is of a whole.
int64_t max_hundredths(Unit unit) { return unit == Unit::percent ? 10000 : max_amount_fen; }

}  // namespace

std::string unit_expectation(Unit unit) {
  switch (unit) {
    case Unit::percent:
      return "a percentage from 0 to 100 with at most two decimals";
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
      if (!hundredths || *hundredths < 0 || *hundredths > max_hundredths(unit)) return std::nullopt;
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

namespace {

// An id as policies and documents have them: lowercase a-z, 0-9, '-' and '_', and for a policy '/' between parts
// ("guizhou/qingzhen"); at most 64 characters. They name files and appear in results, so nothing else.
bool valid_id(std::string_view id, bool parts) {
  if (id.empty() || id.size() > 64 || id.front() == '/' || id.back() == '/' || id.find("//") != id.npos) return false;
  return std::all_of(id.begin(), id.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || (parts && c == '/');
  });
}

// The file's "documents": each checked, with an id no document of `base` or before it in the file has.
std::vector<Document> read_documents(const json& doc, const DocumentSet& base, InputErrors& errors) {
  std::vector<Document> out;
  const json* list = JsonReader(errors).array_field(doc, "", "documents", false);
  if (list == nullptr) return out;
  if (list->size() > max_policy_documents) {
    errors.push_back({"/documents", "expected at most " + std::to_string(max_policy_documents) + " documents, got " +
                                        std::to_string(list->size())});
    return out;
  }
  for (size_t i = 0; i < list->size(); ++i) {
    const std::string at = "/documents/" + std::to_string(i);
    if (!(*list)[i].is_object()) {
      errors.push_back({at, "expected a document {\"id\", \"title\", …, \"text\"}, got " + describe((*list)[i])});
      continue;
    }
    Document d = read_document((*list)[i], at, errors);
    const bool taken = std::any_of(out.begin(), out.end(), [&](const Document& o) { return o.id == d.id; });
    if (d.id.empty()) continue;  // reported as missing
    if (!valid_id(d.id, false))
      errors.push_back({at + "/id", "expected an id of lowercase a-z, 0-9, '-' and '_', got " + describe(d.id)});
    else if (base.find(d.id) != nullptr)
      errors.push_back({at + "/id", "expected an id no built-in document has, got \"" + d.id + "\""});
    else if (taken)
      errors.push_back({at + "/id", "expected an id no other document of this file has, got \"" + d.id + "\""});
    out.push_back(std::move(d));
  }
  return out;
}

// One parameter's dated values at `where`, each with its source or assumption, in date order.
std::vector<ParamEntry> read_entries(const json& entries, Unit unit, const std::string& where,
                                     const DocumentSet& documents, Quotes quotes, InputErrors& errors) {
  std::vector<ParamEntry> list;
  if (!entries.is_array() || entries.empty()) {
    errors.push_back({where, "expected an array of dated values, got " +
                                 (entries.is_array() ? std::string("an empty array") : describe(entries))});
    return list;
  }
  if (entries.size() > max_parameter_entries) {
    errors.push_back({where, "expected at most " + std::to_string(max_parameter_entries) + " dated values, got " +
                                 std::to_string(entries.size())});
    return list;
  }
  JsonReader r(errors);
  for (size_t i = 0; i < entries.size(); ++i) {
    const json& e = entries[i];
    const std::string at = where + "/" + std::to_string(i);
    if (!e.is_object()) {
      errors.push_back({at, "expected { \"from\", \"value\", \"source\" or \"assumed\" }"});
      continue;
    }
    ParamEntry entry;
    const std::string from_text = r.string_field(e, at, "from", true);
    const auto from = parse_iso_date(from_text);
    if (!from && e.contains("from") && e["from"].is_string())
      errors.push_back({at + "/from", "expected a date YYYY-MM-DD, got " + describe(e["from"])});
    // Written in date order, one value a date: a value out of order or on a date taken is a mistake, not a choice.
    if (from && !list.empty() && list.back().from >= *from)
      errors.push_back({at + "/from", "expected a date after the value before's (" + iso_date_text(list.back().from) +
                                          "), got \"" + from_text + "\""});
    entry.from = from.value_or(0);
    if (!e.contains("value")) {
      errors.push_back({at + "/value", "expected a value (or null to unset)"});
    } else if (!e["value"].is_null()) {
      entry.value = param_value_from_json(e["value"], unit);
      if (!entry.value)
        errors.push_back({at + "/value", "expected " + unit_expectation(unit) + ", got " + describe(e["value"])});
    }
    if (e.contains("source")) entry.cited = read_reference(e["source"], at + "/source", documents, quotes, errors);
    entry.note = r.string_field(e, at, "note", false);
    entry.assumed = r.bool_field(e, at, "assumed");
    if (e.contains("leans_on"))
      entry.leans_on = read_reference(e["leans_on"], at + "/leans_on", documents, quotes, errors);
    if (!e.contains("source") && !entry.assumed)
      errors.push_back({at, "expected a \"source\", or \"assumed\": true with a \"note\""});
    if (from) list.push_back(std::move(entry));
  }
  return list;
}

}  // namespace

Parsed<PolicyFile> parse_policy_file(std::string_view name, std::string_view text, const DocumentSet& documents,
                                     Quotes quotes) {
  Parsed<PolicyFile> out;
  // Refused unread: a file this large is not a policy, and reading it would take the time and memory it asks for.
  if (text.size() > max_policy_file_bytes) {
    out.errors.push_back({"", "expected a policy file of at most " + std::to_string(max_policy_file_bytes / 1048576) +
                                  " MB (" + std::to_string(max_policy_file_bytes) + " bytes)"});
    return out;
  }
  const auto parsed = parse_json_text(text, "a JSON policy file", out.errors);
  if (!parsed) return out;
  const json& doc = *parsed;
  if (!doc.is_object()) {
    out.errors.push_back({"", "expected a JSON object (a zengshou.policy/1 file), got " + describe(doc)});
    return out;
  }
  JsonReader r(out.errors);
  PolicyFile& f = out.value;
  const std::string schema = r.string_field(doc, "", "schema", true);
  if (!schema.empty() && schema != "zengshou.policy/1") {
    // Another kind of file: its other fields mean other things, so they are not read.
    out.errors.push_back({"/schema", "expected \"zengshou.policy/1\", got " + describe(doc["schema"])});
    return out;
  }
  f.id = r.string_field(doc, "", "id", true);
  if (!f.id.empty() && !name.empty() && f.id != name)
    out.errors.push_back({"/id", "expected \"" + std::string(name) + "\""});
  else if (!f.id.empty() && !valid_id(f.id, true))
    out.errors.push_back({"/id",
                          "expected an id of lowercase a-z, 0-9, '-', '_' and '/' (e.g. \"guizhou/qingzhen\"), "
                          "got " +
                              describe(doc["id"])});
  if (const json* n = r.object_field(doc, "", "name", true)) {
    f.name_zh = r.string_field(*n, "/name", "zh", true);
    f.name_en = r.string_field(*n, "/name", "en", true);
  }
  f.province = r.string_field(doc, "", "province", false);
  f.inherits = r.string_field(doc, "", "inherits", false);
  f.documents = read_documents(doc, documents, out.errors);
  // References may name the file's own documents as well as `documents`.
  const auto joined = f.documents.empty() ? nullptr : documents.with(f.documents);
  const DocumentSet& cited = joined ? *joined : documents;
  f.document = r.string_field(doc, "", "document", false);
  if (!f.document.empty() && cited.find(f.document) == nullptr)
    out.errors.push_back({"/document",
                          "expected the id of a document in assets/documents or the file's own "
                          "\"documents\", got \"" +
                              f.document + "\""});
  if (!doc.contains("years"))
    out.errors.push_back({"/years", "expected this required field"});
  else
    std::tie(f.first_year, f.last_year) = read_years(doc["years"], "/years", out.errors);
  const json* params = r.object_field(doc, "", "parameters", true);
  if (params != nullptr) {
    // nlohmann::json keeps keys sorted: the file's own order of parameters, for writing it back, comes from a
    // second, order-keeping reading of the text (which already parsed).
    const auto ordered = nlohmann::ordered_json::parse(text, nullptr, false);
    for (const auto& item : ordered["parameters"].items()) {
      const std::string& param_name = item.key();
      const std::string where = "/parameters/" + json_pointer_escape(param_name);
      const auto id = param_from_name(param_name);
      if (!id) {
        out.errors.push_back({where, "expected a known parameter name, got " + describe(json(param_name))});
        continue;
      }
      f.parameters[*id] = read_entries((*params)[param_name], info(*id).unit, where, cited, quotes, out.errors);
      f.order.push_back(*id);
    }
  }
  f.not_computed = read_not_computed(doc, cited, quotes, out.errors);
  if (!out.ok()) out.value = PolicyFile{};
  return out;
}

std::string write_policy_file(const PolicyFile& f) {
  using ordered = nlohmann::ordered_json;
  const auto reference = [](const SourceRef& ref) {
    ordered out;
    out["document"] = ref.document;
    if (!ref.clause.empty()) out["clause"] = ref.clause;
    if (!ref.quote.empty()) out["quote"] = ref.quote;
    return out;
  };
  ordered out;
  out["schema"] = "zengshou.policy/1";
  out["id"] = f.id;
  out["name"] = {{"zh", f.name_zh}, {"en", f.name_en}};
  // Empty as null, as the built-ins write them.
  out["province"] = f.province.empty() ? ordered(nullptr) : ordered(f.province);
  out["inherits"] = f.inherits.empty() ? ordered(nullptr) : ordered(f.inherits);
  out["years"] = {f.first_year, f.last_year};
  if (!f.document.empty()) out["document"] = f.document;
  if (!f.documents.empty()) {
    ordered& list = out["documents"] = ordered::array();
    for (const Document& d : f.documents) list.push_back(document_to_json(d));
  }
  ordered& params = out["parameters"] = ordered::object();
  // The file's own order, then any parameter an editor added, in the programmes' order.
  std::vector<ParamId> order = f.order;
  for (const auto& [id, entries] : f.parameters)
    if (std::find(order.begin(), order.end(), id) == order.end()) order.push_back(id);
  for (ParamId id : order) {
    const auto it = f.parameters.find(id);
    if (it == f.parameters.end() || params.contains(info(id).name)) continue;
    ordered& list = params[info(id).name] = ordered::array();
    for (const ParamEntry& e : it->second) {
      ordered entry;
      entry["from"] = iso_date_text(e.from);
      entry["value"] = e.value ? ordered(param_value_to_json(id, *e.value)) : ordered(nullptr);
      if (e.cited) entry["source"] = reference(*e.cited);
      if (e.assumed) entry["assumed"] = true;
      if (!e.note.empty()) entry["note"] = e.note;
      if (e.leans_on) entry["leans_on"] = reference(*e.leans_on);
      list.push_back(std::move(entry));
    }
  }
  if (!f.not_computed.empty()) {
    ordered& list = out["not_computed"] = ordered::array();
    for (const UncomputedMeasure& m : f.not_computed) {
      ordered item;
      item["measure"] = {{"zh", m.name_zh}, {"en", m.name_en}};
      item["why"] = uncomputed_why_names[static_cast<size_t>(m.why)];
      item["detail"] = {{"zh", m.detail_zh}, {"en", m.detail_en}};
      item["source"] = reference(m.source);
      list.push_back(std::move(item));
    }
  }
  return out.dump(2, ' ', false, ordered::error_handler_t::replace) + "\n";
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
    if (hundredths && *hundredths >= 0 && *hundredths <= max_hundredths(unit)) {
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

namespace {

// 64-bit FNV-1a (Fowler–Noll–Vo): a short, stable hash for tracing a result to its policy. Not a defence against
// someone who makes two policies collide on purpose.
uint64_t fnv1a(std::string_view text, uint64_t hash = 0xcbf29ce484222325) {
  for (const char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3;
  return hash;
}

// The aliasing form of shared_ptr: a pointer to a set that lives for the whole program, owning nothing.
template <typename T>
std::shared_ptr<const T> unowned(const T& value) {
  return std::shared_ptr<const T>(std::shared_ptr<const T>(), &value);
}

}  // namespace

Parsed<std::shared_ptr<const PolicySet>> PolicySet::build(std::shared_ptr<PolicySet> set,
                                                          std::vector<std::pair<std::string, PolicyFile>> files,
                                                          bool user_files) {
  Parsed<std::shared_ptr<const PolicySet>> out;
  std::vector<Document> documents;
  std::vector<std::pair<std::string, const PolicyFile*>> added;  // where each is reported, and the file
  for (auto& [where, file] : files) {
    for (const Document& d : file.documents) documents.push_back(d);
    auto shared = std::make_shared<const PolicyFile>(std::move(file));
    added.emplace_back(where, shared.get());
    if (user_files) set->user_ordered_.push_back(shared.get());
    set->files_[shared->id] = std::move(shared);
  }
  for (const auto& [where, file] : added) {
    if (!file->inherits.empty() && set->find(file->inherits) == nullptr) {
      out.errors.push_back(
          {where + "/inherits", "expected the id of a policy to inherit from, got \"" + file->inherits + "\""});
      continue;
    }
    // Followed to its root: a cycle or a chain too long would never reach national.
    std::vector<std::string> seen{file->id};
    for (const PolicyFile* f = file; !f->inherits.empty() && out.errors.size() < max_policy_chain * 4;) {
      f = set->find(f->inherits);
      if (f == nullptr) break;  // reported at its own file
      const bool cycle = std::find(seen.begin(), seen.end(), f->id) != seen.end();
      seen.push_back(f->id);
      if (cycle || seen.size() > max_policy_chain) {
        std::string path;
        for (const std::string& id : seen) path += (path.empty() ? "" : " → ") + id;
        out.errors.push_back({where + "/inherits",
                              cycle ? "expected parents that end at a policy inheriting from none, got a cycle: " + path
                                    : "expected at most " + std::to_string(max_policy_chain) +
                                          " policies from this one up, got " + path + " …"});
        break;
      }
    }
  }
  if (!out.ok()) return out;
  set->ordered_.clear();
  for (const auto& [id, file] : set->files_) set->ordered_.push_back(file.get());
  if (!documents.empty()) set->documents_ = set->documents_->with(std::move(documents));
  out.value = std::move(set);
  return out;
}

Parsed<std::shared_ptr<const PolicySet>> PolicySet::from_files(
    const std::vector<std::pair<std::string_view, std::string_view>>& files, Quotes quotes) {
  Parsed<std::shared_ptr<const PolicySet>> out;
  std::vector<std::pair<std::string, PolicyFile>> parsed_files;
  for (const auto& [name, text] : files) {
    auto parsed = parse_policy_file(name, text, DocumentSet::embedded(), quotes);
    for (auto& e : parsed.errors) out.errors.push_back({std::string(name) + ".json" + e.where, e.expected});
    if (parsed.ok()) parsed_files.emplace_back(std::string(name) + ".json", std::move(parsed.value));
  }
  auto set = std::make_shared<PolicySet>();
  set->documents_ = unowned(DocumentSet::embedded());
  auto built = build(std::move(set), std::move(parsed_files), false);
  for (auto& e : built.errors) out.errors.push_back(std::move(e));
  if (out.ok()) out.value = std::move(built.value);
  return out;
}

Parsed<std::shared_ptr<const PolicySet>> PolicySet::with_user_files(
    const std::vector<std::pair<std::string_view, std::string_view>>& files, const PolicySet& base) {
  Parsed<std::shared_ptr<const PolicySet>> out;
  if (files.size() > max_user_policy_files) {
    out.errors.push_back({std::string(files[max_user_policy_files].first),
                          "expected at most " + std::to_string(max_user_policy_files) + " policy files"});
    return out;
  }
  std::vector<std::pair<std::string, PolicyFile>> parsed_files;
  std::map<std::string, std::string, std::less<>> taken;  // the files' policy and document ids → the file
  for (const auto& [name, text] : files) {
    const std::string file(name);
    InputErrors errors;
    auto parsed = parse_policy_file("", text, base.documents());
    for (auto& e : parsed.errors) errors.push_back({file + (e.where.empty() ? "" : ":" + e.where), e.expected});
    const PolicyFile& f = parsed.value;
    if (parsed.ok() && base.find(f.id) != nullptr)
      errors.push_back({file + ":/id", "expected an id no built-in policy has, got \"" + f.id + "\""});
    else if (parsed.ok() && taken.contains("policy " + f.id))
      errors.push_back({file + ":/id", "expected an id no other policy file has, got \"" + f.id + "\" (as " +
                                           taken["policy " + f.id] + " has)"});
    if (parsed.ok() && f.inherits.empty())
      errors.push_back({file + ":/inherits", "expected the id of the policy it inherits from (e.g. \"guizhou\")"});
    for (size_t i = 0; i < f.documents.size(); ++i)
      if (const auto it = taken.find("document " + f.documents[i].id); it != taken.end())
        errors.push_back({file + ":/documents/" + std::to_string(i) + "/id",
                          "expected an id no other file's document has, got \"" + f.documents[i].id + "\" (as " +
                              it->second + " has)"});
    taken.emplace("policy " + f.id, file);
    for (const Document& d : f.documents) taken.emplace("document " + d.id, file);
    if (errors.empty()) parsed_files.emplace_back(file + ":", std::move(parsed.value));
    for (auto& e : errors) out.errors.push_back(std::move(e));
  }
  // A parent among files that did not parse would be reported as unknown: such a file's own problems come first.
  if (!out.ok()) return out;
  auto set = std::make_shared<PolicySet>();
  set->files_ = base.files_;
  set->documents_ = base.documents_;
  return build(std::move(set), std::move(parsed_files), true);
}

const PolicySet& PolicySet::embedded() {
  static const std::shared_ptr<const PolicySet> set = [] {
    std::vector<std::pair<std::string_view, std::string_view>> files;
    for (const EmbeddedAsset& f : embedded_policy_files()) files.emplace_back(f.name, f.text);
    // The embedded files are checked by the unit tests, their quotes too (from_files, checked): at start-up the
    // quotes are not looked up again in the documents' text, which took a WebAssembly page 100 ms and more. Should
    // a file still be broken, the program runs without policies rather than stopping.
    auto parsed = from_files(files, Quotes::trusted);
    if (parsed.ok()) return parsed.value;
    auto none = std::make_shared<PolicySet>();
    none->documents_ = unowned(DocumentSet::embedded());
    return std::shared_ptr<const PolicySet>(std::move(none));
  }();
  return *set;
}

const PolicyFile* PolicySet::find(std::string_view id) const {
  const auto it = files_.find(id);
  return it == files_.end() ? nullptr : it->second.get();
}

std::vector<const PolicyFile*> PolicySet::citing(std::string_view document) const {
  std::vector<const PolicyFile*> out;
  const auto cites = [&](const PolicyFile& f) {
    if (f.document == document) return true;
    for (const auto& [id, entries] : f.parameters)
      for (const ParamEntry& e : entries)
        if ((e.cited && e.cited->document == document) || (e.leans_on && e.leans_on->document == document)) return true;
    return false;
  };
  for (const PolicyFile* f : ordered_)
    if (cites(*f)) out.push_back(f);
  return out;
}

std::vector<const UncomputedMeasure*> PolicySet::not_computed(const PolicyFile& policy) const {
  std::vector<const UncomputedMeasure*> out;
  for (const PolicyFile* f : chain(policy))
    for (const UncomputedMeasure& m : f->not_computed) out.push_back(&m);
  return out;
}

std::vector<const PolicyFile*> PolicySet::chain(const PolicyFile& policy) const {
  std::vector<const PolicyFile*> out;
  for (const PolicyFile* f = &policy; f != nullptr && out.size() < max_policy_chain;
       f = f->inherits.empty() ? nullptr : find(f->inherits))
    out.push_back(f);
  return out;
}

namespace {

// The value of `id` in force on `date` from the first file of `chain` that has one.
ResolvedParam in_force(const std::vector<const PolicyFile*>& chain, ParamId id, int date) {
  for (const PolicyFile* f : chain) {
    const auto it = f->parameters.find(id);
    if (it == f->parameters.end()) continue;
    const ParamEntry* entry = nullptr;
    for (const ParamEntry& e : it->second)
      if (e.from <= date) entry = &e;
    if (entry != nullptr) return {entry->value, entry, f, false};
  }
  return {};
}

}  // namespace

ResolvedParam PolicySet::value_on(const PolicyFile& policy, ParamId id, int date) const {
  return in_force(chain(policy), id, date);
}

YearParameters PolicySet::resolve(const PolicyFile& policy, int year,
                                  const std::vector<ParamOverride>& overrides) const {
  YearParameters out;
  out.policy_ = &policy;
  out.set_ = this;
  out.year_ = year;
  const auto files = chain(policy);
  for (size_t i = 0; i < param_count; ++i)
    out.values_[i] = in_force(files, static_cast<ParamId>(i), year * 10000 + 101);
  for (const ParamOverride& o : overrides) out.values_[static_cast<size_t>(o.id)] = {o.value, nullptr, nullptr, true};
  for (size_t i = 0; i < param_count; ++i) {
    out.raw_[i] = out.values_[i].value.value_or(0);
    out.money_[i] = Money::fen(out.raw_[i]);
  }
  static std::atomic<uint64_t> next_serial{1};
  out.serial_ = next_serial.fetch_add(1, std::memory_order_relaxed);
  return out;
}

const std::string& PolicySet::hash(const PolicyFile& policy) const {
  std::call_once(hashes_once_, [this] {
    // A file's text is in the hash of every policy below it: each written once. What it lists as not computed is
    // left out: the hash names the values a result was worked out with, which that list does not change.
    std::map<const PolicyFile*, std::string> texts;
    for (const PolicyFile* file : ordered_) {
      uint64_t hash = fnv1a("");
      for (const PolicyFile* f : chain(*file)) {
        auto [text, is_new] = texts.try_emplace(f);
        if (is_new) {
          PolicyFile values = *f;
          values.not_computed.clear();
          text->second = write_policy_file(values) + '\0';
        }
        hash = fnv1a(text->second, hash);
      }
      char hex[17];
      std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
      hashes_[file->id] = hex;
    }
  });
  static const std::string none;
  const auto it = hashes_.find(policy.id);
  return it == hashes_.end() ? none : it->second;
}

std::vector<const UncomputedMeasure*> YearParameters::not_computed() const {
  if (set_ != nullptr) return set_->not_computed(*policy_);
  std::vector<const UncomputedMeasure*> own;  // resolved without a set: the policy's own list
  for (const UncomputedMeasure& m : policy_->not_computed) own.push_back(&m);
  return own;
}

const DocumentSet& YearParameters::documents() const {
  return set_ == nullptr ? DocumentSet::embedded() : set_->documents();
}

const std::string& YearParameters::policy_hash() const {
  static const std::string none;
  return set_ == nullptr ? none : set_->hash(*policy_);
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

std::vector<ChangeFromParent> changes_from_parent(const PolicySet& set, const PolicyFile& policy) {
  std::vector<ChangeFromParent> out;
  const PolicyFile* parent = set.find(policy.inherits);
  // The file's order, then what an editor added since it was read.
  std::vector<ParamId> order = policy.order;
  for (const auto& [id, entries] : policy.parameters)
    if (std::find(order.begin(), order.end(), id) == order.end()) order.push_back(id);
  for (ParamId id : order) {
    const auto it = policy.parameters.find(id);
    if (it == policy.parameters.end()) continue;
    for (const ParamEntry& e : it->second)
      out.push_back({id, &e, parent ? set.value_on(*parent, id, e.from).value : std::nullopt});
  }
  return out;
}

}  // namespace zengshou::core
