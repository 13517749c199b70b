// Parsing assets/documents/*.json ("zengshou.document/1") into Documents, with every problem at its JSON pointer.
#include "document.h"

#include <nlohmann/json.hpp>

#include "embedded_assets.h"
#include "json_reading.h"

namespace zengshou::core {

using nlohmann::json;

Parsed<Document> parse_document_file(std::string_view name, std::string_view text) {
  Parsed<Document> out;
  const auto parsed = parse_json_text(text, "a JSON document file", out.errors);
  if (!parsed) return out;
  const json& doc = *parsed;
  JsonReader r(out.errors);
  Document& d = out.value;
  if (r.string_field(doc, "", "schema", true) != "zengshou.document/1")
    out.errors.push_back({"/schema", "expected \"zengshou.document/1\""});
  d.id = r.string_field(doc, "", "id", true);
  if (!d.id.empty() && d.id != name) out.errors.push_back({"/id", "expected \"" + std::string(name) + "\""});
  if (const json* t = r.object_field(doc, "", "title", true)) {
    d.title_zh = r.string_field(*t, "/title", "zh", true);
    d.title_en = r.string_field(*t, "/title", "en", true);
  }
  d.title_is_description = r.bool_field(doc, "", "title_is_description");
  d.issuer = r.string_field(doc, "", "issuer", false);
  d.number = r.string_field(doc, "", "number", false);
  d.index_number = r.string_field(doc, "", "index_number", false);
  const std::string issued = r.string_field(doc, "", "issued", false);
  if (!issued.empty()) {
    const auto day = parse_iso_date(issued);
    if (!day) out.errors.push_back({"/issued", "expected a date YYYY-MM-DD, got \"" + issued + "\""});
    d.issued = day.value_or(0);
  }
  if (doc.is_object() && doc.contains("years")) {
    const json& years = doc["years"];
    const auto calendar_year = [](const json& y) {
      return y.is_number_integer() && y.get<int64_t>() >= 1900 && y.get<int64_t>() <= 2100;
    };
    if (!years.is_array() || years.size() != 2 || !calendar_year(years[0]) || !calendar_year(years[1]) ||
        years[0].get<int>() > years[1].get<int>()) {
      out.errors.push_back({"/years", "expected [first, last] calendar years from 1900 to 2100"});
    } else {
      d.first_year = years[0].get<int>();
      d.last_year = years[1].get<int>();
    }
  }
  d.text = r.string_field(doc, "", "text", false);
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

const Document* DocumentSet::find(std::string_view id) const {
  const auto it = documents_.find(id);
  return it == documents_.end() ? nullptr : &it->second;
}

}  // namespace zengshou::core
