// Documents: the county, provincial and national documents the policy files cite (assets/documents), each with its
// title, issuer, 文号, date and years, and its full text where we have it (issue 15, "documents as data").
#pragma once

#include <map>          // documents by id
#include <memory>       // the shared set
#include <optional>     // absent fields
#include <string>       // ids, titles, text
#include <string_view>  // file text, lookups
#include <utility>      // name/text pairs
#include <variant>      // a place or what is wrong with it
#include <vector>       // the ordered list

#include <nlohmann/json_fwd.hpp>

#include "error.h"

namespace zengshou::core {

struct Document {
  std::string id;                     // "changning-2022-zengshou-yaodian": its file name under assets/documents
  std::string title_zh;               // the document's own title, or our description of it (title_is_description)
  std::string title_en;               //
  bool title_is_description = false;  // the title is ours: the document's own title is not known to us
  std::string issuer;                 // 发布机构, e.g. "昌宁县乡村振兴局"; empty when not known
  std::string number;                 // 文号, e.g. "国发〔2014〕8号"; empty when it has none or it is not known
  std::string index_number;           // 索引号 of a government site's copy; empty when none
  int issued = 0;                     // date issued, yyyymmdd; 0 when not known
  int first_year = 0;                 // the years it covers; 0 when open or not known
  int last_year = 0;                  //
  std::string text;                   // the full text; empty when we do not have it

  bool has_text() const { return !text.empty(); }
};

// A place in a document: a clause and the words quoted from it (what a parameter's source or leans_on names).
struct SourceRef {
  std::string document;  // document id, "changning-2022-zengshou-yaodian"
  std::string clause;    // "三(三)21", "附件2 三.24", "前言"; empty when the document has no numbered clauses
  std::string quote;     // the words, verbatim from the document's text where we have it
};

// Where `clause` ("三(三)21", "附件2 三.24", "二(四)三", "前言") lies in `text`: [begin, end) byte offsets, or empty
// when a part of it is not found.
std::optional<std::pair<size_t, size_t>> find_clause(std::string_view text, std::string_view clause);

// Where a reference lies in its document's text, as byte offsets: the clause (the whole text when it names none)
// and the quote within it (empty at the clause's start when it quotes nothing).
struct CitedPlace {
  size_t clause_begin = 0, clause_end = 0;
  size_t quote_begin = 0, quote_end = 0;
};
enum class PlaceProblem { clause, quote };  // which part of the reference the text does not have
std::variant<CitedPlace, PlaceProblem> locate(const Document& document, const SourceRef& ref);

// Parses one document file's text. `name` is its file name under assets/documents without ".json".
Parsed<Document> parse_document_file(std::string_view name, std::string_view text);

// The zengshou.document/1 fields of `object` (at pointer `at`): what a document file holds, and each entry of a user
// policy file's "documents". `name`: the id it must have (a document file's name), or empty. Problems go to `errors`.
Document read_document(const nlohmann::json& object, const std::string& at, InputErrors& errors,
                       std::string_view name = {});
// The same fields as JSON, in the order the files write them; empty fields left out.
nlohmann::ordered_json document_to_json(const Document& document);

class DocumentSet {
 public:
  // Every document embedded in the program. Its files were checked by the tests; a broken one is a build defect.
  static const DocumentSet& embedded();

  // Builds a set from files (name → text), reporting every problem with its file.
  static Parsed<std::shared_ptr<const DocumentSet>> from_files(
      const std::vector<std::pair<std::string_view, std::string_view>>& files);

  // This set and `more` (whose ids no document of this set has: the caller checked).
  std::shared_ptr<const DocumentSet> with(std::vector<Document> more) const;

  const Document* find(std::string_view id) const;
  const std::vector<const Document*>& documents() const { return ordered_; }  // by id

 private:
  std::map<std::string, Document, std::less<>> documents_;
  std::vector<const Document*> ordered_;
};

}  // namespace zengshou::core
