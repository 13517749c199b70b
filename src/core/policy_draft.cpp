#include "policy_draft.h"

#include <algorithm>  // find_if
#include <utility>    // pair

#include "json_reading.h"

namespace zengshou::core {
namespace {

using json = nlohmann::json;

constexpr int first_policy_year = 2000;
constexpr int last_policy_year = 2100;
// Another province's figures, as the draft names them and the parameters they set.
struct ProvinceLine {
  const char* name;
  ParamId id;
  std::optional<Money> PolicyDraft::*field;
};
constexpr ProvinceLine province_lines[] = {
    {"monitoring", ParamId::line_monitoring, &PolicyDraft::monitoring_line},
    {"dibao", ParamId::dibao_standard, &PolicyDraft::dibao_standard},
    {"pension", ParamId::pension_monthly, &PolicyDraft::pension_monthly},
};

bool document_id_taken(const PolicyDraft& draft, const PolicySet& set, const std::string& id) {
  if (set.documents().find(id) != nullptr)
    if (const PolicyFile* mine = set.find(draft.id);
        mine == nullptr ||
        std::none_of(mine->documents.begin(), mine->documents.end(), [&](const Document& d) { return d.id == id; }))
      return true;  // another's (a document of the policy she edits is hers to keep)
  return std::any_of(draft.documents.begin(), draft.documents.end(),
                     [&](const DraftDocument& d) { return d.id == id; });
}

// Sets `id` from 1 January of `year` in `file`; an entry already there with the same value keeps its source.
void set_from(PolicyFile& file, ParamId id, int year, int64_t value) {
  const int from = year * 10000 + 101;
  std::vector<ParamEntry>& entries = file.parameters[id];
  const auto at = std::find_if(entries.begin(), entries.end(), [&](const ParamEntry& e) { return e.from >= from; });
  if (at != entries.end() && at->from == from && at->value == value) return;
  ParamEntry entry;
  entry.from = from;
  entry.value = value;
  entry.assumed = true;
  entry.note = "本县干部填写的本省标准;出处待注明";
  if (at != entries.end() && at->from == from)
    *at = std::move(entry);
  else
    entries.insert(at, std::move(entry));
}

}  // namespace

PolicyDraft new_policy_draft(const PolicySet& set, const PolicyFile& base, int year) {
  PolicyDraft d;
  d.base = base.id;
  d.province = base.province;
  d.first_year = d.last_year = year >= base.first_year && year <= base.last_year ? year : base.first_year;
  if (d.another_province()) {
    const YearParameters p = set.resolve(base, d.first_year);
    for (const ProvinceLine& line : province_lines)
      if (p.is_set(line.id)) d.*line.field = p.money(line.id);
  }
  return d;
}

PolicyDraft policy_draft_of(const PolicyFile& mine, const PolicySet& set) {
  PolicyDraft d;
  d.id = mine.id;
  d.base = mine.inherits;
  d.name_zh = mine.name_zh;
  d.name_en = mine.name_en == mine.name_zh ? "" : mine.name_en;
  d.province = mine.province;
  d.first_year = mine.first_year;
  d.last_year = mine.last_year;
  for (const Document& doc : mine.documents)
    d.documents.push_back({doc.id, doc.title_zh, doc.title_en == doc.title_zh ? "" : doc.title_en, doc.issuer,
                           doc.number, doc.issued ? iso_date_text(doc.issued) : "", doc.text});
  if (d.another_province()) {
    const YearParameters p = set.resolve(mine, mine.first_year);
    for (const ProvinceLine& line : province_lines)
      if (p.is_set(line.id)) d.*line.field = p.money(line.id);
  }
  return d;
}

DraftDocument& add_document(PolicyDraft& draft, const PolicySet& set) {
  DraftDocument doc;
  for (int n = 1; doc.id.empty() || document_id_taken(draft, set, doc.id); ++n) doc.id = "mine-" + std::to_string(n);
  draft.documents.push_back(std::move(doc));
  return draft.documents.back();
}

Parsed<PolicyFile> policy_from_draft(const PolicyDraft& draft, const PolicySet& set) {
  Parsed<PolicyFile> out;
  InputErrors& errors = out.errors;
  const PolicyFile* mine = draft.id.empty() ? nullptr : set.find(draft.id);
  PolicyFile& f = out.value;
  if (mine != nullptr) f = *mine;
  const PolicyFile* base = set.find(draft.base);
  if (base == nullptr) errors.push_back({"/base", "expected a known policy id, got \"" + draft.base + "\""});
  if (mine == nullptr) {
    // An id no policy has yet: hers are told apart by their names; the id only has to be unique.
    const std::string stem = draft.base.empty() ? "county" : draft.base + "-county";
    for (int n = 1; f.id.empty() || set.find(f.id) != nullptr; ++n)
      f.id = stem + (n == 1 ? "" : "-" + std::to_string(n));
  }
  f.inherits = draft.base;
  f.name_zh = draft.name_zh;
  f.name_en = draft.name_en.empty() ? draft.name_zh : draft.name_en;
  f.province = draft.province;
  f.first_year = draft.first_year;
  f.last_year = draft.last_year;
  if (draft.name_zh.empty()) errors.push_back({"/name/zh", "expected this required field"});
  if (draft.first_year < first_policy_year || draft.last_year > last_policy_year || draft.first_year > draft.last_year)
    errors.push_back({"/years", "expected a first and a last year from " + std::to_string(first_policy_year) + " to " +
                                    std::to_string(last_policy_year) + ", the first not after the last, got " +
                                    std::to_string(draft.first_year) + "–" + std::to_string(draft.last_year)});
  // Her values must lie within her years: one dated after them would never be used.
  for (const auto& [id, entries] : f.parameters)
    for (const ParamEntry& e : entries)
      if (e.from / 10000 > draft.last_year && draft.last_year >= draft.first_year)
        errors.push_back({"/years", "expected years that cover each value the policy sets, got " +
                                        std::string(info(id).name) + " from " + iso_date_text(e.from)});
  f.documents.clear();
  for (size_t i = 0; i < draft.documents.size(); ++i) {
    const DraftDocument& d = draft.documents[i];
    const std::string at = "/documents/" + std::to_string(i);
    Document doc;
    doc.id = d.id;
    doc.title_zh = d.title_zh;
    doc.title_en = d.title_en.empty() ? d.title_zh : d.title_en;
    doc.issuer = d.issuer;
    doc.number = d.number;
    doc.text = d.text;
    if (d.title_zh.empty()) errors.push_back({at + "/title/zh", "expected this required field"});
    if (!d.issued.empty()) {
      const auto day = parse_iso_date(d.issued);
      if (!day) errors.push_back({at + "/issued", "expected a date YYYY-MM-DD, got \"" + d.issued + "\""});
      doc.issued = day.value_or(0);
    }
    f.documents.push_back(std::move(doc));
  }
  // The policy comes from her first document; without one, from the built-in document it named, if any.
  if (!f.documents.empty())
    f.document = f.documents.front().id;
  else if (DocumentSet::embedded().find(f.document) == nullptr)
    f.document.clear();
  if (draft.another_province())
    for (const ProvinceLine& line : province_lines) {
      const std::optional<Money>& value = draft.*line.field;
      if (!value || value->fen() <= 0)
        errors.push_back({std::string("/lines/") + line.name, "expected an amount above 0 yuan"});
      else if (draft.first_year >= first_policy_year && draft.first_year <= last_policy_year)
        set_from(f, line.id, draft.first_year, value->fen());
    }
  if (!errors.empty()) return out;
  // Then what the loader finds with it beside her other policies, as if she imported it.
  const std::string text = write_policy_file(f);
  std::vector<std::string> others;
  for (const PolicyFile* p : set.user_files())
    if (p->id != f.id) others.push_back(write_policy_file(*p));
  std::vector<std::pair<std::string_view, std::string_view>> files;
  for (const std::string& t : others) files.emplace_back("", t);
  files.emplace_back("draft", text);
  for (InputError& e : PolicySet::with_user_files(files).errors)
    if (e.where.rfind("draft:", 0) == 0) errors.push_back({e.where.substr(6), std::move(e.expected)});
  return out;
}

json policy_draft_to_json(const PolicyDraft& d) {
  json documents = json::array();
  for (const DraftDocument& doc : d.documents)
    documents.push_back({{"id", doc.id},
                         {"title", {{"zh", doc.title_zh}, {"en", doc.title_en}}},
                         {"issuer", doc.issuer},
                         {"number", doc.number},
                         {"issued", doc.issued},
                         {"text", doc.text}});
  json lines = json::object();
  for (const ProvinceLine& line : province_lines)
    lines[line.name] = (d.*line.field) ? yuan_json(*(d.*line.field)) : json(nullptr);
  return {{"id", d.id},
          {"base", d.base},
          {"name", {{"zh", d.name_zh}, {"en", d.name_en}}},
          {"province", d.province},
          {"years", {d.first_year, d.last_year}},
          {"documents", std::move(documents)},
          {"lines", std::move(lines)}};
}

PolicyDraft read_policy_draft(const json& value, const std::string& at, InputErrors& errors) {
  JsonReader r(errors);
  PolicyDraft d;
  if (!value.is_object()) {
    errors.push_back({at, "expected a policy draft (an object), got " + describe(value)});
    return d;
  }
  d.id = r.string_field(value, at, "id", false);
  d.base = r.string_field(value, at, "base", true);
  if (const json* name = r.object_field(value, at, "name", false)) {
    d.name_zh = r.string_field(*name, at + "/name", "zh", false);
    d.name_en = r.string_field(*name, at + "/name", "en", false);
  }
  d.province = r.string_field(value, at, "province", false);
  // Years as typed, even out of range: the draft shows the problem rather than losing them.
  if (const json* years = r.array_field(value, at, "years", false)) {
    if (years->size() == 2 && (*years)[0].is_number_integer() && (*years)[1].is_number_integer()) {
      d.first_year = (*years)[0].get<int>();
      d.last_year = (*years)[1].get<int>();
    } else {
      errors.push_back({at + "/years", "expected [first, last], got " + describe(*years)});
    }
  }
  if (const json* list = r.array_field(value, at, "documents", false))
    for (size_t i = 0; i < list->size(); ++i) {
      const json& doc = (*list)[i];
      const std::string where = at + "/documents/" + std::to_string(i);
      if (!doc.is_object()) {
        errors.push_back({where, "expected a document (an object), got " + describe(doc)});
        continue;
      }
      DraftDocument out;
      out.id = r.string_field(doc, where, "id", true);
      if (const json* title = r.object_field(doc, where, "title", false)) {
        out.title_zh = r.string_field(*title, where + "/title", "zh", false);
        out.title_en = r.string_field(*title, where + "/title", "en", false);
      }
      out.issuer = r.string_field(doc, where, "issuer", false);
      out.number = r.string_field(doc, where, "number", false);
      out.issued = r.string_field(doc, where, "issued", false);
      out.text = r.string_field(doc, where, "text", false);
      d.documents.push_back(std::move(out));
    }
  if (const json* lines = r.object_field(value, at, "lines", false))
    for (const ProvinceLine& line : province_lines)
      if (lines->contains(line.name) && !(*lines)[line.name].is_null())
        d.*line.field = r.money_field(*lines, at + "/lines", line.name);
  return d;
}

}  // namespace zengshou::core
