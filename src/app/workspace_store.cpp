#include "workspace_store.h"

#include <algorithm>  // find_if, remove_if

#include <nlohmann/json.hpp>

namespace zengshou::app {
namespace {

constexpr size_t batch_bytes = 4 << 20;  // a transaction's worth: big enough to be quick, small enough for a phone

bool is_household_key(std::string_view key) { return key.rfind("h/", 0) == 0; }

}  // namespace

std::string check_record(std::string_view key, std::string_view text) {
  const core::InputErrors errors = key.rfind("s/", 0) == 0 || key == session_key
                                       ? core::parse_session_record(text).errors
                                   : UserPolicies::is_key(key) ? core::parse_policy_file("", text).errors
                                                               : core::parse_household_record(text).errors;
  return errors.empty() ? std::string() : core::error_line(errors.front());
}

void WorkspaceStore::restore(Roster& roster, std::string_view key, int64_t version, std::string_view text,
                             bool unsaved) {
  if (key.rfind("x/", 0) == 0) {  // set aside by an earlier start (a session, an older workspace): listed as it is
    auto errors = text.find(core::session_schema) != std::string_view::npos ? core::parse_session_record(text).errors
                                                                            : core::salvage_workspace(text).errors;
    if (errors.empty()) errors.push_back({"", "expected a record this version reads, got one set aside earlier"});
    unreadable_.push_back({std::string(key), version, std::string(text), std::move(errors)});
    return;
  }
  if (UserPolicies::is_key(key) && policies_ != nullptr) {
    if (auto errors = policies_->put_stored(key, version, text); !errors.empty())
      unreadable_.push_back({std::string(key), version, std::string(text), std::move(errors)});
    return;
  }
  if (!is_household_key(key)) return;
  auto parsed = core::parse_household_record(text);
  if (!parsed.ok()) {
    unreadable_.push_back({std::string(key), version, std::string(text), std::move(parsed.errors)});
    return;
  }
  roster.put_stored(std::string(key), version, std::move(parsed.value), unsaved);
}

core::SalvagedWorkspace WorkspaceStore::migrate(Roster& roster, std::string_view text) {
  core::SalvagedWorkspace salvaged = core::salvage_workspace(text);
  if (!salvaged.errors.empty()) {
    // Not a workspace at all (broken JSON): the whole text is kept, listed with its problems.
    const std::string key = "x/" + roster.new_key().substr(2);
    extra_writes_.push_back({key, 0, std::string(text)});
    unreadable_.push_back({key, 0, std::string(text), salvaged.errors});
    return salvaged;
  }
  std::vector<core::WorkspaceHousehold> households = std::move(salvaged.workspace.households);
  const size_t first = roster.households().size();
  salvaged.errors = roster.add_all(std::move(households));
  // Which new record the calculator showed, by its place among the kept households.
  if (salvaged.workspace.current_index &&
      first + static_cast<size_t>(*salvaged.workspace.current_index) < roster.households().size())
    salvaged.workspace.current_index = static_cast<int>(first) + *salvaged.workspace.current_index;
  else
    salvaged.workspace.current_index.reset();
  // What does not read is stored as it was, under a key of its own, and listed with its problems.
  for (core::UnreadableEntry& entry : salvaged.unreadable) {
    const std::string key = roster.new_key();
    extra_writes_.push_back({key, 0, entry.text});
    unreadable_.push_back({key, 0, std::move(entry.text), std::move(entry.errors)});
  }
  return salvaged;
}

std::vector<WorkspaceStore::Write> WorkspaceStore::take_writes(Roster& roster,
                                                               std::optional<std::string> session_text) {
  std::vector<Write> writes;
  if (!in_flight_.empty()) return writes;
  size_t bytes = 0;
  const auto add = [&](Write write, bool removal) {
    bytes += write.key.size() + (write.text ? write.text->size() : 0);
    in_flight_.push_back({write.key, write.base_version, removal});
    writes.push_back(std::move(write));
  };
  for (Roster::Removed& r : roster.removed()) add({r.key, r.version, std::nullopt}, true);
  roster.removed().clear();
  if (policies_ != nullptr) {
    for (UserPolicies::Removed& r : policies_->removed()) add({r.key, r.version, std::nullopt}, true);
    policies_->removed().clear();
    for (UserPolicies::Entry& e : policies_->entries()) {
      if (!e.changed) continue;
      e.changed = false;
      add({e.key, e.version, e.text}, false);
    }
  }
  if (session_text) add({std::string(session_key), session_version_, std::move(session_text)}, false);
  for (Write& w : extra_writes_) add(std::move(w), false);
  extra_writes_.clear();
  for (size_t i = 0; i < roster.records().size() && bytes < batch_bytes; ++i) {
    Roster::Record& record = roster.records()[i];
    if (!record.changed) continue;
    const bool in_conflict =
        std::any_of(conflicts_.begin(), conflicts_.end(), [&](const Conflict& c) { return c.key == record.key; });
    if (in_conflict) continue;  // written once the user has settled it
    record.changed = false;
    add({record.key, record.version, core::household_record_json(roster.households()[i])}, false);
  }
  return writes;
}

void WorkspaceStore::written(Roster& roster, const std::string& key, int64_t version) {
  const auto flight =
      std::find_if(in_flight_.begin(), in_flight_.end(), [&](const InFlight& f) { return f.key == key; });
  const bool removal = flight != in_flight_.end() && flight->removal;
  if (removal) {
    // Deleted. A household put back since (撤销) is not that record any more: it is written anew.
  } else if (key == session_key) {
    session_version_ = version;
  } else if (const auto at = policies_ ? policies_->find(key) : std::nullopt) {
    policies_->entries()[*at].version = version;
  } else if (const auto index = roster.find(key)) {
    roster.records()[*index].version = version;
  } else {
    // Removed while it was being written: the deletion goes over this version. A record removed during its first
    // write had no version, so no deletion was queued: the record now stored is deleted too (an unreadable entry
    // kept as it was excepted).
    bool queued = false;
    for (Roster::Removed& r : roster.removed())
      if (r.key == key) {
        r.version = version;
        queued = true;
      }
    const bool kept =
        std::any_of(unreadable_.begin(), unreadable_.end(), [&](const Unreadable& u) { return u.key == key; });
    if (!queued && !kept) roster.removed().push_back({key, version});
  }
  for (Unreadable& u : unreadable_)
    if (u.key == key) u.version = version;
  std::erase_if(in_flight_, [&](const InFlight& f) { return f.key == key; });
}

void WorkspaceStore::conflicted(Roster& roster, const std::string& key, int64_t version,
                                std::optional<std::string_view> text) {
  const auto flight =
      std::find_if(in_flight_.begin(), in_flight_.end(), [&](const InFlight& f) { return f.key == key; });
  const bool removal = flight != in_flight_.end() && flight->removal;
  if (flight != in_flight_.end()) in_flight_.erase(flight);
  if (key == session_key) {  // a tab's own session: ours stands, over whatever is there
    session_version_ = version;
    return;
  }
  if (UserPolicies::is_key(key)) return policy_conflict(roster, key, version, text, removal);
  std::optional<core::WorkspaceHousehold> theirs;
  if (text) {
    auto parsed = core::parse_household_record(*text);
    if (!parsed.ok()) {
      unreadable_.push_back({key, version, std::string(*text), std::move(parsed.errors)});
      return;
    }
    theirs = std::move(parsed.value);
  }
  if (removal) {
    // Removed here, changed there: the other tab's change is kept (a removal loses nothing it did not see).
    if (theirs) roster.put_stored(key, version, std::move(*theirs), false);
    return;
  }
  if (const auto index = roster.find(key)) roster.records()[*index].changed = true;  // ours waits for the user
  std::erase_if(conflicts_, [&](const Conflict& c) { return c.key == key; });
  conflicts_.push_back({key, version, std::move(theirs)});
}

void WorkspaceStore::batch_done(Roster& roster, bool failed) {
  if (failed) {
    // Nothing of the batch was stored: every record of it is written again, over the same versions.
    for (const InFlight& f : in_flight_) {
      if (f.key == session_key) continue;  // the app marks its session again
      if (UserPolicies::is_key(f.key) && policies_ != nullptr) {
        if (f.removal)
          policies_->removed().push_back({f.key, f.base_version});
        else if (const auto at = policies_->find(f.key))
          policies_->entries()[*at].changed = true;
      } else if (f.removal) {
        if (!roster.find(f.key)) roster.removed().push_back({f.key, f.base_version});  // unless put back since
      } else if (const auto index = roster.find(f.key)) {
        roster.records()[*index].changed = true;
      } else {
        for (const Unreadable& u : unreadable_)
          if (u.key == f.key && u.version == 0) extra_writes_.push_back({u.key, 0, u.text});
      }
    }
  }
  in_flight_.clear();
}

bool WorkspaceStore::stored_elsewhere(Roster& roster, const std::string& key, int64_t version,
                                      std::optional<std::string_view> text) {
  if (UserPolicies::is_key(key) && policies_ != nullptr) return policy_stored_elsewhere(roster, key, version, text);
  if (!is_household_key(key)) return false;
  const auto index = roster.find(key);
  const bool flying =
      std::any_of(in_flight_.begin(), in_flight_.end(), [&](const InFlight& f) { return f.key == key; });
  if (index && roster.records()[*index].version >= version) return false;  // ours already, or older news
  if (flying) return false;  // our write will meet it and report the conflict
  if (index && roster.records()[*index].changed) {
    conflicted(roster, key, version, text);
    return true;
  }
  // Removed here but not yet deleted there: the other tab's newer change stands.
  std::erase_if(roster.removed(), [&](const Roster::Removed& r) { return r.key == key; });
  if (!text) {
    roster.remove_stored(key);
    return index.has_value();
  }
  auto parsed = core::parse_household_record(*text);
  if (!parsed.ok()) {
    std::erase_if(unreadable_, [&](const Unreadable& u) { return u.key == key; });
    unreadable_.push_back({key, version, std::string(*text), std::move(parsed.errors)});
    return false;
  }
  roster.put_stored(key, version, std::move(parsed.value), false);
  return true;
}

void WorkspaceStore::resolve(Roster& roster, Resolution resolution) {
  if (conflicts_.empty()) return;
  Conflict c = std::move(conflicts_.front());
  conflicts_.erase(conflicts_.begin());
  const auto index = roster.find(c.key);
  if (!index) return;
  switch (resolution) {
    case Resolution::keep_mine:
      roster.records()[*index].version = c.version;  // written over theirs
      roster.records()[*index].changed = true;
      break;
    case Resolution::keep_both: {
      core::WorkspaceHousehold mine = roster.households()[*index];
      const size_t added = roster.add(std::move(mine.household));
      roster.households()[added].ledger = std::move(mine.ledger);
      [[fallthrough]];
    }
    case Resolution::take_theirs:
      if (c.theirs) {
        roster.put_stored(c.key, c.version, std::move(*c.theirs), false);
      } else {
        roster.records()[*roster.find(c.key)].version = 0;  // deleted there: nothing left to delete
        roster.remove(*roster.find(c.key));
      }
      break;
  }
}

void WorkspaceStore::set_aside_session(Roster& roster, int64_t version, std::string_view text,
                                       core::InputErrors errors) {
  // Kept under a key of its own, so this tab's next session write cannot overwrite it.
  const std::string key = "x/" + roster.new_key().substr(2);
  extra_writes_.push_back({key, 0, std::string(text)});
  unreadable_.push_back({key, 0, std::string(text), std::move(errors)});
  session_version_ = version;
}

void WorkspaceStore::drop_unreadable(Roster& roster, size_t index) {
  if (index >= unreadable_.size()) return;
  const Unreadable& u = unreadable_[index];
  if (u.version > 0) roster.removed().push_back({u.key, u.version});
  std::erase_if(extra_writes_, [&](const Write& w) { return w.key == u.key; });
  unreadable_.erase(unreadable_.begin() + static_cast<std::ptrdiff_t>(index));
}

bool WorkspaceStore::writing_session() const {
  return std::any_of(in_flight_.begin(), in_flight_.end(), [](const InFlight& f) { return f.key == session_key; });
}

void WorkspaceStore::policy_conflict(Roster& roster, const std::string& key, int64_t version,
                                     std::optional<std::string_view> text, bool removal) {
  const auto at = policies_->find(key);
  if (removal || !at) {  // removed here, changed there: theirs is kept
    if (text) policy_stored_elsewhere(roster, key, version, text);
    return;
  }
  // Ours stands over theirs, and theirs is kept aside under a key of its own, listed for the user to export.
  policies_->entries()[*at].version = version;
  policies_->entries()[*at].changed = true;
  if (text) {
    const std::string aside = "x/" + roster.new_key().substr(2);
    extra_writes_.push_back({aside, 0, std::string(*text)});
    unreadable_.push_back({aside,
                           0,
                           std::string(*text),
                           {{key, "expected one tab to change this policy at a time: this is the other's"}}});
  }
}

bool WorkspaceStore::policy_stored_elsewhere(Roster& roster, const std::string& key, int64_t version,
                                             std::optional<std::string_view> text) {
  const auto at = policies_->find(key);
  const bool flying =
      std::any_of(in_flight_.begin(), in_flight_.end(), [&](const InFlight& f) { return f.key == key; });
  if (flying || (at && policies_->entries()[*at].version >= version)) return false;
  if (at && policies_->entries()[*at].changed) {
    policy_conflict(roster, key, version, text, false);
    return false;
  }
  std::erase_if(policies_->removed(), [&](const UserPolicies::Removed& r) { return r.key == key; });
  if (!text) {
    policies_->remove_stored(key);
    return true;
  }
  if (auto errors = policies_->put_stored(key, version, *text); !errors.empty()) {
    std::erase_if(unreadable_, [&](const Unreadable& u) { return u.key == key; });
    unreadable_.push_back({key, version, std::string(*text), std::move(errors)});
    return false;
  }
  return true;
}

bool WorkspaceStore::has_unsaved(const Roster& roster) const {
  if (!in_flight_.empty() || !extra_writes_.empty() || !roster.removed().empty()) return true;
  if (policies_ != nullptr &&
      (!policies_->removed().empty() || std::any_of(policies_->entries().begin(), policies_->entries().end(),
                                                    [](const UserPolicies::Entry& e) { return e.changed; })))
    return true;
  return std::any_of(roster.records().begin(), roster.records().end(),
                     [](const Roster::Record& r) { return r.changed; });
}

std::string WorkspaceStore::unsaved_json(const Roster& roster, const std::optional<std::string>& session_text) const {
  using nlohmann::json;
  json list = json::array();
  const auto add = [&](const std::string& key, int64_t base, const std::optional<std::string>& text) {
    list.push_back({{"key", key}, {"base_version", base}, {"text", text ? json(*text) : json(nullptr)}});
  };
  if (session_text) add(std::string(session_key), session_version_, session_text);
  // Under way: not yet known to be stored, so kept too (over the version they were based on).
  for (const InFlight& f : in_flight_) {
    if (f.key == session_key) continue;
    if (f.removal) {
      add(f.key, f.base_version, std::nullopt);
    } else if (const auto at = policies_ ? policies_->find(f.key) : std::nullopt) {
      add(f.key, f.base_version, policies_->entries()[*at].text);
    } else if (const auto index = roster.find(f.key)) {
      add(f.key, f.base_version, core::household_record_json(roster.households()[*index]));
    }
  }
  if (policies_ != nullptr) {
    for (const UserPolicies::Removed& r : policies_->removed()) add(r.key, r.version, std::nullopt);
    for (const UserPolicies::Entry& e : policies_->entries())
      if (e.changed) add(e.key, e.version, e.text);
  }
  for (const Roster::Removed& r : roster.removed()) add(r.key, r.version, std::nullopt);
  for (size_t i = 0; i < roster.records().size(); ++i) {
    const Roster::Record& r = roster.records()[i];
    const bool flying =
        std::any_of(in_flight_.begin(), in_flight_.end(), [&](const InFlight& f) { return f.key == r.key; });
    if (r.changed && !flying) add(r.key, r.version, core::household_record_json(roster.households()[i]));
  }
  return list.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace zengshou::app
