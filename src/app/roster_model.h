// The cadre's households (the workspace's roster) with what the roster table shows for each — per-capita net, the
// gap to the monitoring line, flags — kept up to date as households are imported, edited and recorded.
#pragma once

#include <cstdint>        // flag bits, generations, versions
#include <memory>         // the policy set
#include <optional>       // a record's index
#include <string>         // record keys
#include <string_view>    // file text
#include <unordered_map>  // record key → index
#include <vector>         // households, rows

#include "core/error.h"
#include "core/policy.h"
#include "core/reform.h"
#include "core/workspace.h"
#include "formats/roster_file.h"

namespace zengshou::app {

// Where a household stands on the cadre's monitoring worklist (001 二(二)), most urgent first: to take in, may leave,
// facts to verify at the household (no quarter of the ledger since the one before this), or nothing to do.
enum class Worklist : uint8_t { enter, may_exit, visit, normal };
inline constexpr size_t worklist_count = 4;

class Roster {
 public:
  // What the table shows for one household, from its result under its own policy and year.
  // What the table shows of each household's result. The whole result (for the ledger and the card) is worked
  // out again when asked for: kept for 10 000 households it would take most of a phone's memory.
  struct Row {
    core::Money per_capita_net;  // overflowed when any amount of the result is (then gap too, and no flags)
    core::Money gap;             // to the monitoring line, a person; zero when above
    uint32_t flags = 0;          // bit i: core::FlagId i
    Worklist work = Worklist::normal;
  };

  // Where a household is kept in the browser's database: one record a household, so a change writes only it.
  struct Record {
    std::string key;       // "h/…": unique across tabs, in the order households were added
    int64_t version = 0;   // the stored version this copy is based on; 0: never stored
    bool changed = false;  // has changes not yet written
  };
  // A household removed here whose record is still to be deleted from storage.
  struct Removed {
    std::string key;
    int64_t version = 0;
  };

  // The most households the roster keeps (and the browser stores): a county's 10 万户 roster. Imports past it are
  // refused before anything changes.
  static constexpr size_t max_households = 100'000;
  // The problem of adding `more` households past max_households; none when they fit.
  core::InputErrors room_for(size_t more) const;

  std::vector<core::WorkspaceHousehold>& households() { return households_; }
  const std::vector<core::WorkspaceHousehold>& households() const { return households_; }
  const std::vector<Row>& rows() const { return rows_; }
  // The whole result of household `index` under its policy and year (empty for a policy this build lacks).
  core::Result result(size_t index) const;
  uint32_t generation() const { return generation_; }  // changes with every change to the roster
  // The policies households are evaluated under (the built-ins until the app gives the user's too); a new set
  // re-evaluates every row.
  const core::PolicySet& policies() const { return *policies_; }
  void set_policies(std::shared_ptr<const core::PolicySet> policies);
  // A simulated change (政策模拟) the households are evaluated under: those under the policy it was made for (all,
  // when it names none). An empty reform: the policies in force. A new one re-evaluates every row.
  void set_reform(const core::Reform& reform);
  const core::Reform& reform() const { return reform_; }
  bool under_reform(const core::Household& household) const;
  // The parameters household `index` is evaluated with: its policy and year, under the reform where it applies.
  core::YearParameters params(size_t index) const;
  double import_ms() const { return import_ms_; }  // parsing and evaluating the last import
  // Today's quarter (from the platform's clock), against which a ledger is stale; 0 until set.
  void set_today(int year, int quarter);

  // Adds a roster file's households (CSV or a JSON array); a household that names no policy gets `fallback`.
  // Every problem, and nothing added, when there is any. A CSV with a header but not in the roster's own shape (a
  // cadre's: title lines, columns it does not know or she matched, no year or category column) is not added:
  // `for_window` says it is for the import window, where she sees and settles what it will read.
  struct Imported {
    core::InputErrors errors;
    bool for_window = false;
  };
  Imported import(std::string_view text, const core::PolicyFile& fallback, const formats::ColumnAliases& aliases);
  // The same for households already read (a workbook's sheet).
  core::InputErrors import_entries(std::vector<formats::RosterEntry> entries, const core::PolicyFile& fallback);
  // Adds households (a workspace file's), each a new record; nothing when they would pass max_households.
  core::InputErrors add_all(std::vector<core::WorkspaceHousehold> households);
  // Adds a household (with its ledger) as a new record; returns its index.
  size_t add(core::Household household, std::vector<core::QuarterRecord> ledger = {});
  // A household removed here put back under its own key (撤销), where its key sorts, to be stored again; its deletion,
  // when not yet written, is dropped. Returns its index.
  size_t restore(const std::string& key, core::WorkspaceHousehold household);
  void set_household(size_t index, const core::Household& household);
  void ledger_changed(size_t index) { touch(index); }
  void remove(size_t index);
  size_t remove_keys(const std::vector<std::string>& keys);  // those of these records still here; returns how many

  // Records: the key and stored version of each household, the changes still to store, and what other tabs stored.
  const std::vector<Record>& records() const { return records_; }
  std::vector<Record>& records() { return records_; }
  std::vector<Removed>& removed() { return removed_; }
  const std::vector<Removed>& removed() const { return removed_; }
  std::optional<size_t> find(const std::string& key) const;
  // A household read from storage (or stored by another tab), kept under its key as it is there.
  void put_stored(const std::string& key, int64_t version, core::WorkspaceHousehold household, bool changed);
  void remove_stored(const std::string& key);  // deleted by another tab
  std::string new_key();                       // a key no record of any tab has
  static std::string random_salt();

 private:
  void evaluate(size_t index);
  void touch(size_t index);                           // a change to store, and to show
  void remove_marked(const std::vector<bool>& gone);  // households whose index is marked, as one change
  void reindex();

  std::vector<core::WorkspaceHousehold> households_;
  std::vector<Row> rows_;
  std::vector<Record> records_;  // one a household, in the same order
  std::vector<Removed> removed_;
  std::unordered_map<std::string, size_t> index_of_;
  std::string key_salt_ = random_salt();  // this tab's, so keys made in two tabs at once never collide
  uint64_t last_key_time_ = 0;
  core::Reform reform_;
  std::shared_ptr<const core::PolicySet> policies_{std::shared_ptr<const core::PolicySet>(),
                                                   &core::PolicySet::embedded()};  // the built-ins need no owner
  core::Result scratch_;   // evaluate()'s result, reused so each household costs no allocations
  int today_quarter_ = 0;  // year × 4 + quarter − 1 of today; 0: not known (no ledger is stale)
  uint32_t generation_ = 0;
  double import_ms_ = 0;
};

}  // namespace zengshou::app
