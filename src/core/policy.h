// Policies: dated parameter values from assets/policies, inherited national → province → county, and the
// values in force for one year with where each came from (DOMAIN.md §6, STYLE.md "parameters as data").
#pragma once

#include <array>        // resolved values
#include <cstdint>      // int64_t
#include <map>          // files by id
#include <memory>       // owned files
#include <mutex>        // std::once_flag: hashes worked out once
#include <optional>     // unset values
#include <string>       // ids, sources
#include <string_view>  // file text
#include <vector>       // entries, chains

#include "document.h"
#include "error.h"
#include "household.h"
#include "money.h"
#include "programme.h"
#include "reason.h"  // Language

namespace zengshou::core {

// One dated value of a parameter in a policy file.
struct ParamEntry {
  int from = 0;                       // date it takes effect, yyyymmdd
  std::optional<int64_t> value;       // fen, basis points, a count, 0/1, or a CategorySet; empty: not set here
  std::optional<SourceRef> cited;     // where the value comes from; empty when assumed
  bool assumed = false;               // no source says so: a default, shown as assumed
  std::string note;                   // why it is assumed, in plain words
  std::optional<SourceRef> leans_on;  // the document an assumption follows, if any
};

// What a policy file may hold; a file past these is refused before (size) or while it is read.
constexpr size_t max_policy_file_bytes = 2 * 1024 * 1024;  // national.json is 23 KB; a pasted document some 100 KB
constexpr size_t max_policy_documents = 32;                // documents a file carries ("documents")
constexpr size_t max_parameter_entries = 64;               // dated values of one parameter
constexpr size_t max_user_policy_files = 32;               // user files in one set
constexpr size_t max_policy_chain = 8;                     // policies from one up to national

// 本工具未计算: a measure the policy's documents name that the calculator does not compute, with why and where, so
// that a household is never told "not eligible" for what was simply not worked out.
enum class UncomputedWhy {
  not_household_aid,  // 不是对农户的补助: enterprises, cooperatives, villages, infrastructure, targets
  no_standard,        // 文件未给标准: for households, with no amount or rule to work one out
  not_collected,      // 需要的信息本工具不收集: an amount or rule, on facts the calculator does not ask for
  one_off,            // 一次性或临时救助,不计入稳定收入
};
inline constexpr std::array<std::string_view, 4> uncomputed_why_names{"not_household_aid", "no_standard",
                                                                      "not_collected", "one_off"};
struct UncomputedMeasure {
  std::string name_zh, name_en;      // as a cadre says it: "小额信贷贴息"
  std::string detail_zh, detail_en;  // what the document says, and why it is not computed
  UncomputedWhy why = UncomputedWhy::no_standard;
  SourceRef source;
};

struct PolicyFile {
  std::string id;  // "yunnan/changning"; a user's "guizhou/qingzhen": lowercase a-z, 0-9, '-', '_', '/'
  std::string name_zh;
  std::string name_en;
  std::string province;  // "yunnan", "guizhou", or empty
  std::string inherits;  // parent policy id, empty for national
  std::string document;  // id of the document in assets/documents this policy comes from, if any
  int first_year = 0;
  int last_year = 0;
  std::map<ParamId, std::vector<ParamEntry>> parameters;  // entries sorted by date
  std::vector<ParamId> order;       // the parameters as the file lists them, so it writes back in its own order
  std::vector<Document> documents;  // the user's own documents the file carries (its "documents"); none built in
  std::vector<UncomputedMeasure> not_computed;  // its "not_computed"; a policy's list adds its parents' (chain)
};

// A change to a parameter on top of a policy (a reform, or `--set NAME=VALUE`).
struct ParamOverride {
  ParamId id;
  std::optional<int64_t> value;
  bool operator==(const ParamOverride&) const = default;
};

// A parameter's value in force for one year, and the entry and policy file it came from.
struct ResolvedParam {
  std::optional<int64_t> value;
  const ParamEntry* entry = nullptr;  // null when no file sets it or when overridden
  const PolicyFile* file = nullptr;
  bool overridden = false;

  bool assumed() const { return entry != nullptr && entry->assumed; }
};

class PolicySet;

// Every parameter of one policy for one year: what the engine reads.
class YearParameters {
 public:
  const ResolvedParam& operator[](ParamId id) const { return values_[static_cast<size_t>(id)]; }
  bool is_set(ParamId id) const { return (*this)[id].value.has_value(); }
  int64_t raw(ParamId id) const { return raw_[static_cast<size_t>(id)]; }
  Money money(ParamId id) const { return money_[static_cast<size_t>(id)]; }
  bool flag(ParamId id) const { return raw(id) != 0; }
  int count(ParamId id) const { return static_cast<int>(raw(id)); }
  CategorySet categories(ParamId id) const { return static_cast<CategorySet>(raw(id)); }

  const PolicyFile& policy() const { return *policy_; }
  int year() const { return year_; }
  // A number no other resolution has (0: made empty, not resolved). A result remembers by it which parameters wrote
  // its programmes' fields that follow from the parameters alone, to leave them be when the next household's are the
  // same (evaluate_into). A copy has its original's number: it has its values.
  uint64_t serial() const { return serial_; }
  // The documents the policy's sources name (built in, and the user files' own) and the policy's content hash, from
  // the set that resolved it.
  const DocumentSet& documents() const;
  const std::string& policy_hash() const;
  // 本工具未计算: what the policy's documents name that the calculator does not compute (PolicySet::not_computed).
  std::vector<const UncomputedMeasure*> not_computed() const;

 private:
  friend class PolicySet;
  std::array<ResolvedParam, param_count> values_{};
  // Each value, 0 when unset, packed for the rules to read with one load; and as money, checked once here.
  std::array<int64_t, param_count> raw_{};
  std::array<Money, param_count> money_{};
  const PolicyFile* policy_ = nullptr;
  const PolicySet* set_ = nullptr;
  int year_ = 0;
  uint64_t serial_ = 0;
};

// A file's quotes: looked up in the documents' text (checked), or only their documents' ids (trusted: the
// built-ins, whose quotes the tests check).
enum class Quotes { checked, trusted };

// Parses one policy file's text. `name` is its path under assets/policies without ".json", which its id must be;
// empty for a user's file, whose id may be any id (lowercase a-z, 0-9, '-', '_', '/'). Every reference must name a
// document of `documents` or of the file's own "documents"; where the document's text is present, its clause must
// exist and the quote occur in it (unless `quotes` are trusted). Checks the file alone: its parent and an id taken
// are PolicySet's to check.
Parsed<PolicyFile> parse_policy_file(std::string_view name, std::string_view text,
                                     const DocumentSet& documents = DocumentSet::embedded(),
                                     Quotes quotes = Quotes::checked);

// The file as zengshou.policy/1 JSON text, its own documents included: what parse_policy_file reads back to the same
// file. A built-in file writes back as the very text it was read from.
std::string write_policy_file(const PolicyFile& file);

// A reference as users read it: 《title》(文号)clause「quote」 (a title that is our description goes without 《》), the
// title in `language`; `title_chars` > 0 shortens a longer title to that many characters and "…", where space is
// short. The quote stays in the document's words.
std::string reference_text(const SourceRef& ref, Language language = Language::zh, size_t title_chars = 0,
                           const DocumentSet& documents = DocumentSet::embedded());

// Whether a reference holds: the document exists and, where its text is present (and the quotes are not trusted),
// the clause is in it and the quote occurs there verbatim. The problems at `at` + "/document", "/clause" or "/quote".
InputErrors check_reference(const SourceRef& ref, const DocumentSet& documents, const std::string& at = "",
                            Quotes quotes = Quotes::checked);

// Her policy with the value of `id` dated `from` sourced to `ref` (no longer assumed): the policy editor's 注明出处.
PolicyFile cite(PolicyFile policy, ParamId id, int from, SourceRef ref);

// An assumption as users read it: why it is assumed and 参照《…》 what it leans on.
std::string assumption_text(const ParamEntry& entry, Language language = Language::zh,
                            const DocumentSet& documents = DocumentSet::embedded());

// Parses "NAME=VALUE" (`--set public_welfare_post.monthly=1000`): yuan, percent, months, true/false, or
// comma-separated categories, as the parameter's unit says.
Parsed<ParamOverride> parse_override(std::string_view assignment);

class PolicySet {
 public:
  // Every policy embedded in the program. Its files were checked by the tests; a broken one is a build defect.
  static const PolicySet& embedded();

  // Builds a set from files (name → text), reporting every problem, e.g. an unknown parent.
  static Parsed<std::shared_ptr<const PolicySet>> from_files(
      const std::vector<std::pair<std::string_view, std::string_view>>& files, Quotes quotes = Quotes::checked);

  // `base` (the built-ins) and the user's policy files (name → text; the name, e.g. the file's path, leads each
  // problem's place: "qingzhen.json:/parameters/…"). Each inherits from a policy of `base` or of another of the files;
  // its id and its documents' ids are new. Untrusted input: every problem is reported, and with any the set is not
  // built, so a bad file changes nothing. The files share `base`'s policies, whose later values they see: inheritance
  // is resolved when values are looked up.
  static Parsed<std::shared_ptr<const PolicySet>> with_user_files(
      const std::vector<std::pair<std::string_view, std::string_view>>& files, const PolicySet& base = embedded());

  const PolicyFile* find(std::string_view id) const;
  const std::vector<const PolicyFile*>& files() const { return ordered_; }            // by id
  const std::vector<const PolicyFile*>& user_files() const { return user_ordered_; }  // in the order given
  const DocumentSet& documents() const { return *documents_; }  // the built-in documents and the user files' own

  // The policy's content hash: 16 hex digits of 64-bit FNV-1a over the written JSON of the policy and each policy it
  // inherits from, so a result names the exact values it was worked out with.
  const std::string& hash(const PolicyFile& policy) const;

  // The policy files that come from a document or cite it (a source or what an assumption leans on), by id.
  std::vector<const PolicyFile*> citing(std::string_view document) const;

  // The chain from the policy itself up to national.
  std::vector<const PolicyFile*> chain(const PolicyFile& policy) const;
  // 本工具未计算: the measures the policy's documents name that the calculator does not compute, its own first, then
  // its parents'.
  std::vector<const UncomputedMeasure*> not_computed(const PolicyFile& policy) const;

  // The value of `id` in force on `date` (yyyymmdd), from the most specific file of the policy's chain that has one.
  ResolvedParam value_on(const PolicyFile& policy, ParamId id, int date) const;

  // The values in force on 1 January of `year`, the most specific file first, then the overrides.
  YearParameters resolve(const PolicyFile& policy, int year, const std::vector<ParamOverride>& overrides = {}) const;

  // An unknown policy id or an uncovered year, as an input error at `where`; empty when fine.
  std::optional<InputError> check(std::string_view id, int year, const std::string& where) const;

 private:
  // Adds the files and checks each parent and chain; reports at "<where of the file>/inherits".
  // `user_files`: the files are a user's, listed by user_files().
  static Parsed<std::shared_ptr<const PolicySet>> build(std::shared_ptr<PolicySet> set,
                                                        std::vector<std::pair<std::string, PolicyFile>> files,
                                                        bool user_files);

  std::map<std::string, std::shared_ptr<const PolicyFile>, std::less<>> files_;
  std::vector<const PolicyFile*> ordered_;
  std::vector<const PolicyFile*> user_ordered_;
  std::shared_ptr<const DocumentSet> documents_;
  // Policy id → hash, worked out for every policy when one is first asked for: writing each file's JSON took a
  // WebAssembly page's start 30 ms, and the app's first frame needs no hash.
  mutable std::once_flag hashes_once_;
  mutable std::map<std::string, std::string, std::less<>> hashes_;
};

// One value a policy file sets, against what the policy it inherits from has on that date: "old → new".
struct ChangeFromParent {
  ParamId id;
  const ParamEntry* entry;        // the value, its date and its source (in the policy file)
  std::optional<int64_t> parent;  // the parent's value on that date; empty: unset there
};
// Every dated value `policy` (of `set`) sets, in the file's order: what it changes against its parent.
std::vector<ChangeFromParent> changes_from_parent(const PolicySet& set, const PolicyFile& policy);

// A parameter value as text in its unit: "800", "10%", "3", "true", "tuopin,monitor_unstable".
std::string value_text(ParamId id, int64_t value);

}  // namespace zengshou::core
