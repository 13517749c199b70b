// zengshou: the core on the command line (../shared/spec/CONTRACT.md "Commands").
// Exit status: 0 done, 2 bad input (one "error: WHERE: expected …" line per problem on stderr, nothing on stdout):
// a file that cannot be read, a directory, or amounts so large that a result's would overflow.
#include <algorithm>   // find_if
#include <array>       // read buffer
#include <charconv>    // from_chars
#include <cstdio>      // stdin
#include <filesystem>  // is_directory
#include <fstream>     // reading files
#include <iostream>    // stdout, stderr
#include <iterator>    // istreambuf_iterator
#include <memory>      // parameters kept
#include <optional>    // options
#include <sstream>     // buffered output
#include <string>      // arguments
#include <thread>      // batch --jobs
#include <utility>     // move
#include <vector>      // arguments, errors

#include <fcntl.h>     // fcntl: standard output appended to
#include <sys/stat.h>  // fstat: is standard output a file
#include <unistd.h>    // ftruncate, lseek

#include <nlohmann/json.hpp>

#include "core/engine.h"
#include "core/household_json.h"
#include "core/json_reading.h"
#include "core/policy.h"
#include "core/projection.h"
#include "core/reform.h"
#include "core/report.h"
#include "core/result_json.h"
#include "core/synthetic.h"
#include "core/version.h"
#include "core/village.h"
#include "core/village_json.h"
#include "core/workspace.h"
#include "formats/batch_csv.h"
#include "formats/roster_file.h"
#include "formats/spreadsheet_read.h"
#include "formats/text_encoding.h"

namespace {

using namespace zengshou::core;
using namespace zengshou::formats;
using nlohmann::json;

constexpr int exit_ok = 0;
constexpr int exit_bad_input = 2;

constexpr const char* usage =
    "usage: zengshou policies [--policy-file FILE]...\n"
    "       zengshou documents [--policy-file FILE]...\n"
    "       zengshou document ID [--clause C] [--lang en] [--policy-file FILE]...\n"
    "       zengshou eval [--policy ID] [--year Y] [--lang en] [--set NAME=VALUE]... FILE\n"
    "       zengshou project [--policy ID] --years N [--lang en] [--set NAME=VALUE]... FILE\n"
    "       zengshou batch [--policy ID] [--year Y] [--lang en] [--set NAME=VALUE]... [--sheet NAME] [--category C] "
    "[--column HEADER=COLUMN]... [--format jsonl|csv [--bom]] [--keep-going] [--jobs N] FILE\n"
    "                                           (JSON array, JSON Lines, CSV, workspace, or an .xlsx/.xls workbook)\n"
    "       zengshou explain [--policy ID] [--year Y] [--lang en] [--set NAME=VALUE]... FILE\n"
    "       zengshou simulate --policy ID --households N --seed S [--year Y] [--set NAME=VALUE]... [--reform FILE]\n"
    "       zengshou policy check [--lang en] [--policy-file OTHER]... FILE\n"
    "       zengshou --version\n"
    "FILE may be - for standard input. --reform FILE (zengshou.reform/1) adds a saved reform's changes to any\n"
    "command, before the --set ones. --policy-file FILE (repeatable; zengshou.policy/1, inheriting from a built-in\n"
    "policy or another file given) adds a user's policy to eval, project, batch, explain and simulate, for --policy\n"
    "or a household's policy to name; policy check prints a policy file's problems, or ok and what it changes.\n";

struct Options {
  std::string command;
  std::optional<std::string> policy;
  std::optional<int> year;
  std::optional<int> years;
  std::optional<int> households;  // simulate
  std::optional<uint64_t> seed;   // simulate
  Language language = Language::zh;
  std::vector<ParamOverride> overrides;  // --set, in order
  std::optional<std::string> reform_file;
  std::vector<std::string> policy_files;  // --policy-file, in order
  std::optional<std::string> clause;      // document
  std::optional<std::string> sheet;       // batch: which sheet of a workbook
  ColumnAliases columns;                  // batch: --column, her own header → column matches
  std::optional<Category> category;       // batch: a workbook's households' category, when no column gives it
  bool compact = false;                   // batch --format csv: a row of key figures a household
  bool bom = false;                       // batch --bom: the compact CSV starts with a UTF-8 byte-order mark (Excel)
  bool keep_going = false;                // batch --keep-going: a household's problems do not stop the others
  size_t jobs = 1;                        // batch --jobs N: households evaluated and written on N threads
  std::string file;                       // the household or roster file; a document's id
};

int fail(const InputErrors& errors) {
  for (const InputError& e : errors) std::cerr << error_line(e) << '\n';
  return exit_bad_input;
}

// An amount of a result past Money::limit_fen, at `where` (a JSON pointer into what would have been printed):
// a clear error rather than a wrong figure.
InputError overflow_error(const std::string& where) {
  return {where, "expected an amount within ±" + Money::fen(Money::limit_fen).yuan_text() +
                     " yuan, got one past it (an overflow): check the amounts, areas and --set values"};
}

std::optional<int> parse_int(const std::string& text, int min, int max) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc() && end == text.data() + text.size() && value >= min && value <= max) return value;
  return std::nullopt;
}

// JSON text for output; strings were checked as UTF-8 on the way in, and anything else is replaced, not thrown.
std::string dump(const json& value, int indent = -1) {
  return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

Parsed<Options> parse_arguments(int argc, char** argv) {
  Parsed<Options> out;
  Options& o = out.value;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    out.errors.push_back({"arguments", "expected a command"});
    return out;
  }
  o.command = args[0];
  size_t first = 1;
  if (o.command == "policy" && args.size() > 1 && args[1] == "check") {  // the one subcommand so far
    o.command = "policy check";
    first = 2;
  }
  for (size_t i = first; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    auto value = [&]() -> std::string { return has_value ? args[++i] : std::string(); };
    if (a == "--policy" || a == "--year" || a == "--years" || a == "--lang" || a == "--set" || a == "--households" ||
        a == "--seed" || a == "--reform" || a == "--clause" || a == "--policy-file" || a == "--sheet" ||
        a == "--category" || a == "--column" || a == "--format" || a == "--jobs") {
      if (!has_value) {
        out.errors.push_back({a, "expected a value after it"});
        continue;
      }
      const std::string v = value();
      if (a == "--policy") {
        o.policy = v;
      } else if (a == "--reform") {
        o.reform_file = v;
      } else if (a == "--policy-file") {
        o.policy_files.push_back(v);
      } else if (a == "--clause") {
        o.clause = v;
      } else if (a == "--sheet") {
        o.sheet = v;
      } else if (a == "--jobs") {
        const auto n = parse_int(v, 1, 256);
        if (n)
          o.jobs = static_cast<size_t>(*n);
        else
          out.errors.push_back({"--jobs", "expected a number of threads from 1 to 256, got \"" + v + "\""});
#ifdef __EMSCRIPTEN__
        o.jobs = 1;  // WebAssembly here has no threads: one, as without --jobs
#endif
      } else if (a == "--format") {
        if (v == "csv" || v == "jsonl")
          o.compact = v == "csv";
        else
          out.errors.push_back(
              {"--format", "expected jsonl (the full results) or csv (key figures), got \"" + v + "\""});
      } else if (a == "--column") {  // a workbook's header read as a roster column: 月收入(元)=monthly_wage
        const size_t eq = v.rfind('=');
        const std::vector<ColumnChoice> choices = roster_column_choices();
        const bool known =
            eq != std::string::npos && std::any_of(choices.begin(), choices.end(), [&](const ColumnChoice& c) {
              return c.name == std::string_view(v).substr(eq + 1);
            });
        if (known && eq > 0)
          o.columns[v.substr(0, eq)] = v.substr(eq + 1);
        else
          out.errors.push_back({"--column",
                                "expected HEADER=COLUMN with a roster column (monthly_wage, birth_year "
                                "…; README \"Roster files\"), got \"" +
                                    v + "\""});
      } else if (a == "--category") {
        o.category = category_from_text(v);
        if (!o.category)
          out.errors.push_back({"--category",
                                "expected tuopin, monitor_unstable, monitor_marginal, monitor_sudden, "
                                "general or urban (or 脱贫户 …), got \"" +
                                    v + "\""});
      } else if (a == "--year") {
        o.year = parse_int(v, 1900, 2100);
        if (!o.year) out.errors.push_back({"--year", "expected a calendar year, got \"" + v + "\""});
      } else if (a == "--years") {
        o.years = parse_int(v, 1, 50);
        if (!o.years) out.errors.push_back({"--years", "expected a number of years from 1 to 50, got \"" + v + "\""});
      } else if (a == "--households") {
        o.households = parse_int(v, 1, 1000000);
        if (!o.households) out.errors.push_back({"--households", "expected 1 to 1000000, got \"" + v + "\""});
      } else if (a == "--seed") {
        uint64_t seed = 0;
        const auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), seed);
        if (error == std::errc() && end == v.data() + v.size())
          o.seed = seed;
        else
          out.errors.push_back({"--seed", "expected a whole number, got \"" + v + "\""});
      } else if (a == "--lang") {
        if (v == "en")
          o.language = Language::en;
        else if (v == "zh" || v == "zh-CN")
          o.language = Language::zh;
        else
          out.errors.push_back({"--lang", "expected zh or en, got \"" + v + "\""});
      } else {
        auto parsed = parse_override(v);
        if (parsed.ok()) o.overrides.push_back(parsed.value);
        for (auto& e : parsed.errors) out.errors.push_back(e);
      }
    } else if (a == "--keep-going") {
      o.keep_going = true;
    } else if (a == "--bom") {
      o.bom = true;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      out.errors.push_back(
          {a,
           "expected a known option (--policy, --policy-file, --year, --years, --lang, --set, --reform, --households, "
           "--seed, --clause, --sheet, --category, --column, --format, --bom, --keep-going, --jobs)"});
    } else if (o.file.empty()) {
      o.file = a;
    } else {
      out.errors.push_back({a, "expected one FILE only"});
    }
  }
  return out;
}

// What a stream holds, read until its end or past `max_bytes` (then a little more than that).
std::string read_stream(std::istream& in, size_t max_bytes) {
  std::string bytes;
  std::array<char, 65536> buffer;
  while (bytes.size() <= max_bytes && in) {
    in.read(buffer.data(), buffer.size());
    bytes.append(buffer.data(), static_cast<size_t>(in.gcount()));
  }
  return bytes;
}

// A file's bytes, or standard input's for "-". A file past `max_bytes` is read only that far, for the reader to refuse
// by its size. Empty when the file cannot be read: missing, a directory, or a read that fails part way.
std::optional<std::string> read_bytes(const std::string& path, size_t max_bytes = std::string::npos) {
  std::string bytes;
  try {
    if (path == "-") {
      bytes = read_stream(std::cin, max_bytes);
    } else {
      std::error_code ignored;
      if (std::filesystem::is_directory(path, ignored)) return std::nullopt;
      std::ifstream in(path, std::ios::binary);
      if (!in) return std::nullopt;
      bytes = read_stream(in, max_bytes);
      if (in.bad()) return std::nullopt;
    }
  } catch (const std::ios_base::failure&) {  // libstdc++ throws from a read that fails (EISDIR, EIO)
    return std::nullopt;
  }
  return bytes;
}

// A file's text as UTF-8, through the decoder the app uses too (formats/text_encoding.h): UTF-8 with or without a BOM,
// or GBK Chinese; bytes that are neither come as they are, for the reader to refuse at the bad byte's line.
std::optional<std::string> read_input(const std::string& path, size_t max_bytes = std::string::npos) {
  auto bytes = read_bytes(path, max_bytes);
  if (!bytes) return std::nullopt;
  return decode_text(std::move(*bytes)).text;
}

// The built-in policies and the --policy-file ones (then `extra` too): every file's problems, or the set.
Parsed<std::shared_ptr<const PolicySet>> load_policies(const Options& o, const std::string& extra = "") {
  std::vector<std::string> paths = o.policy_files;
  if (!extra.empty()) paths.push_back(extra);
  if (paths.empty())
    return {std::shared_ptr<const PolicySet>(std::shared_ptr<const PolicySet>(), &PolicySet::embedded()), {}};
  std::vector<std::string> texts;
  InputErrors unreadable;
  for (const std::string& path : paths) {
    auto text = read_input(path, max_policy_file_bytes);
    if (!text) unreadable.push_back({path, "expected a readable policy file"});
    texts.push_back(text.value_or(""));
  }
  if (!unreadable.empty()) return {nullptr, unreadable};
  std::vector<std::pair<std::string_view, std::string_view>> files;
  for (size_t i = 0; i < paths.size(); ++i) files.emplace_back(paths[i], texts[i]);
  return PolicySet::with_user_files(files);
}

// Puts a --reform file's changes before the --set ones, so a --set can still change one of them.
InputErrors apply_reform_file(Options& o) {
  if (!o.reform_file) return {};
  const auto text = read_input(*o.reform_file);
  if (!text) return {{*o.reform_file, "expected a readable reform file"}};
  // Its policy may be one of the --policy-file ones.
  const auto policies = load_policies(o);
  if (!policies.ok()) return policies.errors;
  auto reform = parse_reform(*text, policies.value.get());
  for (InputError& e : reform.errors) e.where = *o.reform_file + (e.where.empty() ? "" : ":" + e.where);
  if (!reform.ok()) return reform.errors;
  o.overrides.insert(o.overrides.begin(), reform.value.changes.begin(), reform.value.changes.end());
  return {};
}

// The policy and year a household is evaluated with: the options override the file.
struct Setting {
  const PolicyFile* policy = nullptr;
  int year = 0;
};

Parsed<Setting> setting_for(const Household& h, const Options& o, const PolicySet& policies,
                            const std::string& at = "") {
  Parsed<Setting> out;
  const std::string id = o.policy.value_or(h.policy);
  const int year = o.year.value_or(h.year);
  if (id.empty()) {
    out.errors.push_back({at + "/policy", "expected a policy id in the file or --policy"});
    return out;
  }
  if (auto problem = policies.check(id, year, o.policy ? "--policy" : at + "/policy")) {
    if (problem->where == "/year") problem->where = o.year ? "--year" : at + "/year";
    out.errors.push_back(*problem);
    return out;
  }
  out.value = {policies.find(id), year};
  return out;
}

// `zengshou policies`: the built-ins and any --policy-file ones (marked "user": true).
int print_policies(const PolicySet& policies) {
  json list = json::array();
  const auto& users = policies.user_files();
  for (const PolicyFile* p : policies.files()) {
    list.push_back({{"id", p->id},
                    {"name", p->name_zh},
                    {"province", p->province.empty() ? json(nullptr) : json(p->province)},
                    {"years", {p->first_year, p->last_year}}});
    if (std::find(users.begin(), users.end(), p) != users.end()) list.back()["user"] = true;
  }
  std::cout << dump(list, 2) << '\n';
  return exit_ok;
}

json citing_ids(const PolicySet& policies, const Document& d) {
  json ids = json::array();
  for (const PolicyFile* p : policies.citing(d.id)) ids.push_back(p->id);
  return ids;
}

// `zengshou documents`: every document the policies cite, with what a cadre needs to find it.
int print_documents(const PolicySet& policies) {
  json list = json::array();
  for (const Document* d : policies.documents().documents())
    list.push_back({{"id", d->id},
                    {"title", {{"zh", d->title_zh}, {"en", d->title_en}}},
                    {"issuer", d->issuer.empty() ? json(nullptr) : json(d->issuer)},
                    {"number", d->number.empty() ? json(nullptr) : json(d->number)},
                    {"issued", d->issued == 0 ? json(nullptr) : json(iso_date_text(d->issued))},
                    {"years", d->first_year == 0 ? json(nullptr) : json{d->first_year, d->last_year}},
                    {"has_text", d->has_text()},
                    {"used_by", citing_ids(policies, *d)}});
  std::cout << dump(list, 2) << '\n';
  return exit_ok;
}

// `zengshou document ID [--clause C]`: the document's particulars and its text, or the one clause.
int print_document(const Options& o, const PolicySet& policies) {
  const Document* d = policies.documents().find(o.file);
  if (d == nullptr) return fail({{o.file, "expected a document id that `zengshou documents` lists"}});
  const bool zh = o.language == Language::zh;
  const std::string title = zh ? d->title_zh : d->title_en;
  std::cout << (d->title_is_description ? title : "《" + title + "》") << '\n';
  const auto field = [&](const char* zh_label, const char* en_label, const std::string& value) {
    if (!value.empty()) std::cout << (zh ? zh_label : en_label) << ": " << value << '\n';
  };
  field("发布机构", "Issued by", d->issuer);
  field("文号", "Number", d->number);
  field("发布日期", "Date", d->issued == 0 ? "" : iso_date_text(d->issued));
  field("适用年度", "Years",
        d->first_year == 0 ? "" : std::to_string(d->first_year) + "–" + std::to_string(d->last_year));
  std::string users;
  for (const auto& id : citing_ids(policies, *d)) users += (users.empty() ? "" : ", ") + id.get<std::string>();
  field("引用它的政策", "Cited by", users);
  std::cout << '\n';
  if (!d->has_text()) {
    std::cout << (zh ? "本工具没有这份文件的全文;请按标题和文号向发布机构或其网站查阅。"
                     : "This tool does not have the document's text; look it up by its title and number.")
              << '\n';
    return o.clause ? fail({{"--clause", "expected a document whose text this tool has"}}) : exit_ok;
  }
  if (!o.clause) {
    std::cout << d->text << (d->text.back() == '\n' ? "" : "\n");
    return exit_ok;
  }
  const auto range = find_clause(d->text, *o.clause);
  if (!range)
    return fail({{"--clause", "expected a clause of " + d->id + " (e.g. 三(三)21), got \"" + *o.clause + "\""}});
  const std::string clause = d->text.substr(range->first, range->second - range->first);
  std::cout << clause << (clause.back() == '\n' ? "" : "\n");
  return exit_ok;
}

int run_single(const Options& o, const PolicySet& policies) {
  const auto text = read_input(o.file);
  if (!text) return fail({{o.file, "expected a readable household file"}});
  auto parsed = parse_household(*text);
  if (!parsed.ok()) return fail(parsed.errors);
  Household& h = parsed.value;
  auto setting = setting_for(h, o, policies);
  if (!setting.ok()) return fail(setting.errors);
  if (o.command == "project") {
    h.year = setting.value.year;
    json out = json::array();
    const auto years = project(h, policies, *setting.value.policy, *o.years, {}, o.overrides);
    InputErrors overflows;
    for (size_t k = 0; k < years.size(); ++k)
      if (years[k].result.overflowed())
        overflows.push_back(overflow_error("/" + std::to_string(k) + years[k].result.overflow));
    if (!overflows.empty()) return fail(overflows);
    for (const ProjectedYear& y : years)
      out.push_back(result_to_json(y.result, y.household,
                                   policies.resolve(*setting.value.policy, y.household.year, o.overrides), o.language));
    std::cout << dump(out, 2) << '\n';
    return exit_ok;
  }
  h.year = setting.value.year;
  const YearParameters params = policies.resolve(*setting.value.policy, h.year, o.overrides);
  const Result result = evaluate(h, params);
  if (result.overflowed()) return fail({overflow_error(result.overflow)});
  if (o.command == "explain")
    std::cout << explain(result, h, params, o.language);
  else
    std::cout << dump(result_to_json(result, h, params, o.language), 2) << '\n';
  return exit_ok;
}

int run_simulate(const Options& o, const PolicySet& policies) {
  InputErrors errors;
  if (!o.policy) errors.push_back({"--policy", "expected --policy ID for simulate"});
  if (!o.households) errors.push_back({"--households", "expected --households N for simulate"});
  if (!o.seed) errors.push_back({"--seed", "expected --seed S for simulate"});
  const PolicyFile* policy = o.policy ? policies.find(*o.policy) : nullptr;
  const int year = o.year.value_or(policy ? policy->first_year : 0);
  if (o.policy)
    if (auto problem = policies.check(*o.policy, year, "--policy")) {
      if (problem->where == "/year") problem->where = "--year";
      errors.push_back(*problem);
    }
  if (!errors.empty()) return fail(errors);
  const auto households = synthetic_households(*o.seed, *o.households, policy->id, year);
  const VillageRun run = run_village(households, policies.resolve(*policy, year, o.overrides));
  if (run.summary.overflowed()) return fail({overflow_error(run.summary.overflow)});
  json out = village_summary_to_json(run.summary);
  out["policy"] = policy->id;
  out["year"] = year;
  out["seed"] = *o.seed;
  // With a reform, what it changes against the policy as written.
  if (!o.overrides.empty()) {
    const VillageComparison against = compare_villages(run_village(households, policies.resolve(*policy, year)), run);
    if (against.overflowed()) return fail({overflow_error("/against_policy" + against.overflow)});
    out["against_policy"] = village_comparison_to_json(against);
  }
  std::cout << dump(out, 2) << '\n';
  return exit_ok;
}

// A roster file's households, or a workspace file's (the app's export) with their quarterly ledgers, which the
// monitoring assessment reads as the roster's worklist does.
struct BatchRoster {
  std::vector<RosterEntry> entries;
  std::vector<std::vector<QuarterRecord>> ledgers;  // one a household; empty for a roster file
  InputErrors errors;
};

// The columns a roster file's header names that were left out, noted on standard error.
void note_ignored(const std::string& sheet, const RosterRead& roster) {
  if (roster.ignored.empty()) return;
  std::string names;
  for (const std::string& n : roster.ignored) names += (names.empty() ? "" : ", ") + n;
  std::cerr << "note: " << (sheet.empty() ? "header in line " : "sheet \"" + sheet + "\", header in row ")
            << roster.header_row << ": columns not used: " << names << '\n';
}

BatchRoster from_roster(RosterRead roster) {
  BatchRoster out;
  out.entries = std::move(roster.roster.value);
  out.ledgers.resize(out.entries.size());
  out.errors = std::move(roster.roster.errors);
  return out;
}

// A workbook's roster: the sheet named, or the one whose header names the most roster columns.
BatchRoster read_workbook_roster(std::string_view bytes, const Options& o) {
  BatchRoster out;
  auto workbook = read_workbook(bytes);
  if (!workbook.ok()) {
    out.errors = std::move(workbook.errors);
    return out;
  }
  const std::vector<Sheet>& sheets = workbook.value.sheets;
  size_t index = roster_sheet_index(workbook.value);
  if (const auto& sheet_name = o.sheet) {
    const auto named =
        std::find_if(sheets.begin(), sheets.end(), [&](const Sheet& s) { return s.name == *sheet_name; });
    if (named == sheets.end()) {
      std::string names;
      for (const Sheet& s : sheets) names += (names.empty() ? "\"" : ", \"") + s.name + "\"";
      out.errors.push_back(
          {"--sheet", "expected one of the workbook's sheets (" + names + "), got \"" + *sheet_name + "\""});
      return out;
    }
    index = static_cast<size_t>(named - sheets.begin());
  }
  RosterRead roster = parse_roster_sheet(sheets[index], {o.year, o.category, o.columns});
  note_ignored(sheets[index].name, roster);
  return from_roster(std::move(roster));
}

// A CSV (read as a sheet is, with the same --year, --category and --column), a JSON array, JSON Lines, or a
// workspace file.
BatchRoster read_batch_roster(std::string_view text, const Options& o) {
  const size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || text[start] != '{') {
    RosterRead roster = parse_roster(text, {o.year, o.category, o.columns});
    note_ignored("", roster);
    return from_roster(std::move(roster));
  }
  BatchRoster out;
  // Objects one a line that are not a workspace file are JSON Lines, read as a streamed file's are.
  if (text.substr(0, 4096).find("zengshou.workspace/") == std::string_view::npos) {
    std::istringstream in{std::string(text)};
    RosterStream stream(in, {o.year, o.category, o.columns});
    while (auto next = stream.next()) {
      for (auto& e : next->errors) out.errors.push_back(std::move(e));
      if (next->ok()) out.entries.push_back(std::move(next->value));
    }
    if (!out.errors.empty()) out.entries.clear();
    out.ledgers.resize(out.entries.size());
    return out;
  }
  auto workspace = parse_workspace(text);
  out.errors = std::move(workspace.errors);
  for (size_t i = 0; i < workspace.value.households.size(); ++i) {
    WorkspaceHousehold& w = workspace.value.households[i];
    out.entries.push_back({std::move(w.household), "/households/" + std::to_string(i)});
    out.ledgers.push_back(std::move(w.ledger));
  }
  return out;
}

// Parameters by policy and year, resolved once each: a roster has few of either. Found by the policy id as the
// household (or --policy) gives it, so a roster's household is not checked against the policy set again.
class ParamsCache {
 public:
  struct Entry {
    std::string id;
    int year;
    std::unique_ptr<YearParameters> params;
    std::unique_ptr<ResultWriter> writer_;  // made when first asked for

    // The writer of results evaluated with these parameters, with its kept texts: a roster's lines.
    ResultWriter& writer(Language language) {
      if (!writer_) writer_ = std::make_unique<ResultWriter>(*params, language, false);
      return *writer_;
    }
  };

  ParamsCache(const PolicySet& policies, const std::vector<ParamOverride>& overrides)
      : policies_(policies), overrides_(overrides) {}
  // The result evaluated into, kept so its lists keep their room from household to household (a cache a thread).
  Result result;
  Entry* find(std::string_view id, int year) {
    for (Entry& e : cache_)
      if (e.year == year && e.id == id) return &e;
    return nullptr;
  }
  Entry& add(std::string_view id, const PolicyFile& policy, int year) {
    cache_.push_back({std::string(id), year,
                      std::make_unique<YearParameters>(policies_.resolve(policy, year, overrides_)), nullptr});
    return cache_.back();
  }

 private:
  const PolicySet& policies_;
  const std::vector<ParamOverride>& overrides_;
  std::vector<Entry> cache_;
};

// One household evaluated and, when `out` is given, its result appended (a JSON line, or a compact CSV row); its
// problems (policy, year, an amount past the limit) go to `errors` instead. False when it had any.
// The entry's household takes the year it is evaluated for (its own, or --year).
bool batch_one(RosterEntry& entry, const std::vector<QuarterRecord>& ledger, const Options& o,
               const PolicySet& policies, ParamsCache& cache, InputErrors& errors, std::string* out) {
  Household& h = entry.household;
  const std::string& id = o.policy ? *o.policy : h.policy;
  ParamsCache::Entry* evaluation = cache.find(id, o.year.value_or(h.year));
  if (evaluation == nullptr) {
    auto setting = setting_for(h, o, policies, entry.where);
    if (!setting.ok()) {
      for (auto& e : setting.errors) errors.push_back(std::move(e));
      return false;
    }
    evaluation = &cache.add(id, *setting.value.policy, setting.value.year);
  }
  h.year = evaluation->year;
  const YearParameters& params = *evaluation->params;
  Result& result = cache.result;
  evaluate_into(result, h, params);
  if (result.overflowed()) {
    errors.push_back(overflow_error(entry.where + result.overflow));
    return false;
  }
  if (out == nullptr) return true;
  if (o.compact) {
    append_batch_csv_row(*out, result, assess_monitoring(h, result, params, ledger));
  } else {
    evaluation->writer(o.language).write(*out, result, h, ledger);
    *out += '\n';
  }
  return true;
}

// Output a megabyte at a time, not the whole batch in memory.
void flush_if_full(std::string& out, bool last = false) {
  if (out.size() < (1u << 20) && !last) return;
  std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
  out.clear();
}

std::string output_start(const Options& o) {
  if (!o.compact) return "";
  return (o.bom ? "\xEF\xBB\xBF" : "") + batch_csv_header();
}

// A roster held whole: a workbook, a workspace file, a GBK CSV, standard input.
int run_batch_whole(const Options& o, const PolicySet& policies, std::string bytes) {
  BatchRoster roster = sniff_file(bytes) == FileKind::text ? read_batch_roster(decode_text(std::move(bytes)).text, o)
                                                           : read_workbook_roster(bytes, o);
  InputErrors errors = roster.errors;
  ParamsCache cache(policies, o.overrides);
  std::string out = output_start(o);
  for (size_t i = 0; i < roster.entries.size(); ++i) {
    InputErrors own;
    batch_one(roster.entries[i], roster.ledgers[i], o, policies, cache, own,
              errors.empty() || o.keep_going ? &out : nullptr);
    for (auto& e : own) errors.push_back(std::move(e));
  }
  if (!errors.empty() && !o.keep_going) return fail(errors);
  flush_if_full(out, true);
  return errors.empty() ? exit_ok : fail(errors);
}

// A roster file is read a megabyte at a time: a file stream's own buffer is a few kilobytes, and in WebAssembly each
// read is a call out to node (a 3 MB roster took 528 of them, now 16).
constexpr size_t read_block = 1u << 20;
void open_in_blocks(std::ifstream& in, const std::string& path, std::vector<char>& buffer) {
  in.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));  // before open, or ignored
  in.open(path, std::ios::binary);
}

// Where standard output began when it is a file (`> results.jsonl`): a batch can then write in one pass and, on a
// problem, cut the file back to there, so that it holds no partial result. Nothing for a pipe or a terminal.
std::optional<off_t> output_file_start() {
#ifdef __EMSCRIPTEN__
  return std::nullopt;  // node's standard output here is a stream
#else
  struct stat status {};
  if (fstat(STDOUT_FILENO, &status) != 0 || !S_ISREG(status.st_mode)) return std::nullopt;
  std::cout.flush();
  const int flags = fcntl(STDOUT_FILENO, F_GETFL);
  if (flags < 0) return std::nullopt;
  if (flags & O_APPEND)  // `>>` writes at the end, wherever the offset is
    return fstat(STDOUT_FILENO, &status) == 0 ? std::optional(status.st_size) : std::nullopt;
  const off_t at = lseek(STDOUT_FILENO, 0, SEEK_CUR);
  return at < 0 ? std::nullopt : std::optional(at);
#endif
}

// A roster file streamed a household at a time (CSV, JSON Lines, a JSON array), in memory of one household. As the
// contract has it, a problem anywhere prints no result: into a file, the results are written as they are made and
// the file cut back on a problem; into a pipe, the file is read once to check every household, then again to write
// the results. With --keep-going it is read once, the problems printed as they come.
int run_batch_stream(const Options& o, const PolicySet& policies) {
  const size_t jobs = o.jobs;
  std::vector<ParamsCache> caches;  // one a thread: none is shared
  for (size_t job = 0; job < jobs; ++job) caches.emplace_back(policies, o.overrides);
  InputErrors errors;
  // A chunk of households read in order, evaluated and written by `jobs` threads a slice each, put out in order.
  constexpr size_t chunk_size = 512;
  struct Slot {
    RosterEntry entry;
    InputErrors problems;
  };
  std::vector<Slot> chunk;
  std::vector<std::string> outs(jobs);
  const auto run_chunk = [&](bool write, std::string& out) {
    const auto work = [&](size_t job) {
      std::string& into = jobs == 1 ? out : outs[job];  // one thread writes straight to the output
      if (jobs > 1) into.clear();
      for (size_t i = chunk.size() * job / jobs; i < chunk.size() * (job + 1) / jobs; ++i)
        if (chunk[i].problems.empty())
          batch_one(chunk[i].entry, {}, o, policies, caches[job], chunk[i].problems, write ? &into : nullptr);
    };
    std::vector<std::thread> threads;
    for (size_t job = 1; job < jobs; ++job) threads.emplace_back(work, job);
    work(0);
    for (std::thread& t : threads) t.join();
    if (jobs > 1)
      for (const std::string& part : outs) out += part;
    for (Slot& slot : chunk) {
      if (o.keep_going && !slot.problems.empty()) fail(slot.problems);
      for (auto& e : slot.problems) errors.push_back(std::move(e));
    }
    chunk.clear();
  };
  std::vector<char> read_buffer(read_block);
  const auto pass = [&](bool write, bool note) {
    std::ifstream in;
    open_in_blocks(in, o.file, read_buffer);
    RosterStream stream(in, {o.year, o.category, o.columns});
    std::string out = write ? output_start(o) : std::string();
    bool noted = false;
    while (auto next = stream.next()) {
      if (note && !noted && stream.header_row() > 0) {
        note_ignored("", RosterRead{{}, stream.header_row(), {}, {}, stream.ignored()});
        noted = true;
      }
      chunk.push_back({std::move(next->value), std::move(next->errors)});
      if (chunk.size() < chunk_size) continue;
      run_chunk(write, out);
      if (write) flush_if_full(out);
    }
    run_chunk(write, out);
    if (write) flush_if_full(out, true);
  };
  if (o.keep_going) {
    pass(true, true);
    return errors.empty() ? exit_ok : exit_bad_input;
  }
  if (const auto start = output_file_start()) {
    pass(true, true);
    if (errors.empty()) return exit_ok;
    std::cout.flush();
    if (ftruncate(STDOUT_FILENO, *start) != 0 || lseek(STDOUT_FILENO, *start, SEEK_SET) < 0)
      errors.push_back({"standard output",
                        "expected to remove the results written before the problems (the file "
                        "holds some households' results: delete it)"});
    return fail(errors);
  }
  // A pipe or a terminal: check every household first, then write.
  pass(false, true);
  if (!errors.empty()) return fail(errors);
  pass(true, false);
  return exit_ok;
}

// Whether a roster file can be streamed: text that is not a workspace file, UTF-8 as far as its first megabyte
// shows (a GBK file is decoded whole).
bool streamable(const std::string& path) {
  if (path == "-") return false;
  std::vector<char> buffer(read_block);
  std::ifstream in;
  open_in_blocks(in, path, buffer);
  std::string head(1u << 20, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (head.empty() || sniff_file(head) != FileKind::text) return false;
  if (head.find("zengshou.workspace/") != std::string::npos) return false;
  if (!in.eof()) {  // a character cut at the megabyte's end is not a bad one
    size_t cut = 0;
    while (cut < 4 && cut < head.size() && (static_cast<uint8_t>(head[head.size() - 1 - cut]) & 0xC0) == 0x80) ++cut;
    if (cut < head.size() && static_cast<uint8_t>(head[head.size() - 1 - cut]) >= 0xC0)
      head.resize(head.size() - 1 - cut);
  }
  return !first_invalid_utf8(head);
}

int run_batch(const Options& o, const PolicySet& policies) {
  if (streamable(o.file)) return run_batch_stream(o, policies);
  auto bytes = read_bytes(o.file);
  if (!bytes) return fail({{o.file, "expected a readable roster file"}});
  return run_batch_whole(o, policies, std::move(*bytes));
}

// `zengshou policy check FILE`: the file's problems, or "ok" and each value it sets against its parent's on that date.
int check_policy_file(const Options& o) {
  const auto policies = load_policies(o, o.file);
  if (!policies.ok()) return fail(policies.errors);
  const PolicySet& set = *policies.value;
  const PolicyFile& f = *set.user_files().back();
  const bool zh = o.language == Language::zh;
  std::cout << "ok " << f.id << " (" << (zh ? f.name_zh : f.name_en) << "), inherits " << f.inherits << ", years "
            << f.first_year << "–" << f.last_year << ", policy_hash " << set.hash(f) << '\n';
  const auto text = [](ParamId id, const std::optional<int64_t>& value) {
    return value ? value_text(id, *value) : std::string("unset");
  };
  for (const ChangeFromParent& c : changes_from_parent(set, f)) {
    const ParamEntry& e = *c.entry;
    std::cout << info(c.id).name << " from " << iso_date_text(e.from) << ": " << text(c.id, c.parent) << " → "
              << text(c.id, e.value) << "; "
              << (e.cited ? "source: " + reference_text(*e.cited, o.language, 0, set.documents())
                          : "assumed: " + assumption_text(e, o.language, set.documents()))
              << '\n';
  }
  return exit_ok;
}

}  // namespace

static int run(int argc, char** argv) {
  auto parsed = parse_arguments(argc, argv);
  if (!parsed.ok()) return fail(parsed.errors);
  if (auto errors = apply_reform_file(parsed.value); !errors.empty()) return fail(errors);
  const Options& o = parsed.value;
  if (o.command == "--version") {
    std::cout << "zengshou " << version() << '\n';
    return exit_ok;
  }
  if (o.command == "--help" || o.command == "help") {
    std::cout << usage;
    return exit_ok;
  }
  if (o.command == "policies" || o.command == "documents" || o.command == "document") {
    const auto policies = load_policies(o);  // with --policy-file, hers and the documents they bring too
    if (!policies.ok()) return fail(policies.errors);
    if (o.command == "policies") return print_policies(*policies.value);
    if (o.command == "documents") return print_documents(*policies.value);
    if (o.file.empty()) return fail({{"arguments", "expected a document ID (see zengshou documents)"}});
    return print_document(o, *policies.value);
  }
  if (o.command == "policy check") {
    if (o.file.empty()) return fail({{"arguments", "expected a policy FILE to check"}});
    return check_policy_file(o);
  }
  const bool known = o.command == "eval" || o.command == "project" || o.command == "batch" || o.command == "explain" ||
                     o.command == "simulate";
  if (!known)
    return fail({{o.command,
                  "expected a command: policies, documents, document, eval, project, batch, explain, simulate, "
                  "policy check (see --help)"}});
  const auto policies = load_policies(o);
  if (!policies.ok()) return fail(policies.errors);
  if (o.command == "simulate") return run_simulate(o, *policies.value);
  if (o.file.empty()) return fail({{"arguments", "expected a FILE (or - for standard input)"}});
  if (o.command == "project" && !o.years) return fail({{"--years", "expected --years N for project"}});
  if (o.command == "batch") return run_batch(o, *policies.value);
  return run_single(o, *policies.value);
}

int main(int argc, char** argv) {
  // Input problems are reported as "error:" lines by the code above; only running out of memory and the like can
  // reach this, and it still ends with one line rather than an abort.
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << '\n';
    return 1;
  }
}
