// The workspace kept in the browser's database as records: one a roster household (with its ledger) and one for
// this tab's calculator (its household, which roster record it shows, the reform in force). Only what changed is
// written, each record over the version it was read at, so two tabs never overwrite each other unseen: a record
// another tab changed first comes back as a conflict for the user to settle. What other tabs store is taken in as
// it arrives. A record that does not read is set aside with its problems, never dropped or overwritten.
// The platform moves the bytes (IndexedDB, BroadcastChannel); this decides what to write and what it means.
#pragma once

#include <cstdint>      // versions
#include <optional>     // deleted records, the session
#include <string>       // keys, texts
#include <string_view>  // texts
#include <vector>       // writes, conflicts

#include "core/error.h"
#include "core/workspace.h"
#include "roster_model.h"
#include "user_policies.h"

namespace zengshou::app {

// The key the calculator's session is written under; the platform keeps one a tab.
inline constexpr std::string_view session_key = "session";

// Whether a stored record (household or session, by its key) reads: empty, or its first problem as an error line.
std::string check_record(std::string_view key, std::string_view text);

class WorkspaceStore {
 public:
  // The user's policies are records of the workspace too ("p/<id>"), stored and shared between tabs the same way.
  void keep_policies(UserPolicies& policies) { policies_ = &policies; }

  // A record to write over the version it was based on (0: new), or to delete (no text).
  struct Write {
    std::string key;
    int64_t base_version = 0;
    std::optional<std::string> text;
  };
  // A household two tabs changed: ours (in the roster, unstored) and theirs, as stored (none: deleted there).
  struct Conflict {
    std::string key;
    int64_t version = 0;
    std::optional<core::WorkspaceHousehold> theirs;
  };
  // A stored record that could not be read: kept where it is until the user exports or deletes it.
  struct Unreadable {
    std::string key;
    int64_t version = 0;  // 0: not stored yet (a salvaged entry of an older workspace, being written)
    std::string text;
    core::InputErrors errors;
  };
  enum class Resolution { keep_mine, take_theirs, keep_both };

  // Reading at start: a stored household record (a bad one is set aside), and an older workspace file, salvaged
  // entry by entry into new records (its calculator and reform are returned for the app to put in place).
  void restore(Roster& roster, std::string_view key, int64_t version, std::string_view text, bool unsaved);
  core::SalvagedWorkspace migrate(Roster& roster, std::string_view text);

  // The next records to write (at most one batch under way; about 4 MB at a time, so 100 000 households go in
  // steps), or none. `session_text` is this tab's session record when it changed since the last write.
  std::vector<Write> take_writes(Roster& roster, std::optional<std::string> session_text);
  // The batch under way: what was stored, at which version; a record stored first by another tab (its version
  // and content); or the whole batch failed (nothing stored: everything stays to write).
  void written(Roster& roster, const std::string& key, int64_t version);
  void conflicted(Roster& roster, const std::string& key, int64_t version, std::optional<std::string_view> text);
  void batch_done(Roster& roster, bool failed);
  bool writing() const { return !in_flight_.empty(); }
  bool writing_session() const;  // this tab's session is in the batch under way

  // Another tab stored or deleted a household. Returns true when the roster changed (the app then refreshes the
  // calculator if it shows that household).
  bool stored_elsewhere(Roster& roster, const std::string& key, int64_t version, std::optional<std::string_view> text);

  const std::vector<Conflict>& conflicts() const { return conflicts_; }
  // Settles the first conflict; returns the key of the household that now stands there.
  void resolve(Roster& roster, Resolution resolution);
  const std::vector<Unreadable>& unreadable() const { return unreadable_; }
  void drop_unreadable(Roster& roster, size_t index);  // deletes it from storage
  // This tab's stored session did not read: a copy is kept aside (listed), and the session starts afresh.
  void set_aside_session(Roster& roster, int64_t version, std::string_view text, core::InputErrors errors);

  // Every record with changes not yet stored, as JSON ([{key, base_version, text}]): what the page keeps in
  // localStorage when the tab closes before the database has them.
  std::string unsaved_json(const Roster& roster, const std::optional<std::string>& session_text) const;
  bool has_unsaved(const Roster& roster) const;
  void set_session_version(int64_t version) { session_version_ = version; }

 private:
  struct InFlight {
    std::string key;
    int64_t base_version;
    bool removal;
  };
  // A policy record two tabs changed: ours stands, theirs is set aside (policies are rarely edited at once).
  void policy_conflict(Roster& roster, const std::string& key, int64_t version, std::optional<std::string_view> text,
                       bool removal);
  bool policy_stored_elsewhere(Roster& roster, const std::string& key, int64_t version,
                               std::optional<std::string_view> text);

  std::vector<InFlight> in_flight_;
  std::vector<Write> extra_writes_;  // salvaged entries that did not read, stored as they were
  std::vector<Conflict> conflicts_;
  std::vector<Unreadable> unreadable_;
  int64_t session_version_ = 0;
  UserPolicies* policies_ = nullptr;
};

}  // namespace zengshou::app
