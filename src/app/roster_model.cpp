#include "roster_model.h"

#include <algorithm>  // count, lower_bound, max
#include <chrono>     // timing imports, record keys
#include <cstdio>     // snprintf
#include <random>     // record key salts

#include "core/engine.h"
#include "core/monitoring.h"
#include "formats/roster_file.h"

namespace zengshou::app {
namespace {

// A CSV roster has a row a member (3–4 a household): past this many rows it cannot be within max_households.
constexpr size_t max_rows = Roster::max_households * 8;

core::InputError too_many_rows(size_t rows) {
  return {"", "expected at most " + std::to_string(max_rows) + " rows (a roster of up to " +
                  std::to_string(Roster::max_households) + " households), got " + std::to_string(rows)};
}

}  // namespace

core::InputErrors Roster::room_for(size_t more) const {
  if (households_.size() + more <= max_households) return {};
  return {{"", "expected at most " + std::to_string(max_households) +
                   " households in the roster, with those already in it, got " +
                   std::to_string(households_.size() + more)}};
}

core::Result Roster::result(size_t index) const {
  core::Result result;
  const core::Household& h = households_[index].household;
  // Imports check policies; a restored file's unknown one shows as zero.
  if (policies_->find(h.policy) != nullptr) core::evaluate_into(result, h, params(index));
  return result;
}

bool Roster::under_reform(const core::Household& h) const {
  return !reform_.empty() && (reform_.policy.empty() || reform_.policy == h.policy);
}

core::YearParameters Roster::params(size_t index) const {
  const core::Household& h = households_[index].household;
  const core::PolicyFile* policy = policies_->find(h.policy);
  if (policy == nullptr) return {};
  return under_reform(h) ? policies_->resolve(*policy, h.year, reform_.changes) : policies_->resolve(*policy, h.year);
}

void Roster::set_reform(const core::Reform& reform) {
  if (reform.changes == reform_.changes && reform.policy == reform_.policy) {
    reform_.name = reform.name;
    return;
  }
  reform_ = reform;
  for (size_t i = 0; i < households_.size(); ++i) evaluate(i);
  ++generation_;
}

void Roster::set_policies(std::shared_ptr<const core::PolicySet> policies) {
  policies_ = std::move(policies);
  for (size_t i = 0; i < households_.size(); ++i) evaluate(i);
  ++generation_;
}

void Roster::set_today(int year, int quarter) {
  const int today = year * 4 + quarter - 1;
  if (today == today_quarter_) return;
  today_quarter_ = today;
  for (size_t i = 0; i < households_.size(); ++i) evaluate(i);
  ++generation_;
}

void Roster::evaluate(size_t index) {
  const core::Household& h = households_[index].household;
  const std::vector<core::QuarterRecord>& ledger = households_[index].ledger;
  Row& row = rows_[index];
  row = Row{};
  if (policies_->find(h.policy) == nullptr) return;
  const core::YearParameters params = this->params(index);
  core::evaluate_into(scratch_, h, params);  // its buffers serve every household
  if (scratch_.overflowed()) {               // no figure of it is right: the table says so
    row.per_capita_net = row.gap = core::Money::overflow();
    return;
  }
  row.per_capita_net = scratch_.income.per_capita_net;
  for (const core::LineResult& l : scratch_.lines)
    if (l.id == core::LineId::monitoring) row.gap = l.per_capita_gap;
  for (const core::Flag& f : scratch_.flags) row.flags |= 1u << static_cast<unsigned>(f.id);
  // The worklist: the decision first; else a visit when the ledger has no quarter since the one before today's.
  switch (core::assess_monitoring(h, scratch_, params, ledger).verdict) {
    case core::MonitoringVerdict::enter:
      row.work = Worklist::enter;
      return;
    case core::MonitoringVerdict::may_exit:
      row.work = Worklist::may_exit;
      return;
    default:
      break;
  }
  const int latest = ledger.empty() ? 0 : ledger.back().year * 4 + ledger.back().quarter - 1;
  if (today_quarter_ > 0 && latest < today_quarter_ - 1) row.work = Worklist::visit;
}

Roster::Imported Roster::import(std::string_view text, const core::PolicyFile& fallback,
                                const formats::ColumnAliases& aliases) {
  const auto start = std::chrono::steady_clock::now();
  // A roster far past the limit is refused before it is read: reading 10^6 rows would take the page's memory.
  const auto rows = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  if (rows > max_rows) return {{too_many_rows(rows)}};
  auto read = formats::parse_roster(text, {.columns = aliases});
  if (!read.own_columns && read.header_row > 0) return {{}, true};
  if (!read.roster.ok()) return {read.roster.errors};
  auto errors = import_entries(std::move(read.roster.value), fallback);
  import_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return {errors};
}

core::InputErrors Roster::import_entries(std::vector<formats::RosterEntry> entries, const core::PolicyFile& fallback) {
  if (auto full = room_for(entries.size()); !full.empty()) return full;
  const core::PolicySet& policies = *policies_;
  core::InputErrors errors;
  for (formats::RosterEntry& e : entries) {
    if (e.household.policy.empty()) e.household.policy = fallback.id;
    if (auto problem = policies.check(e.household.policy, e.household.year, e.where + "/policy")) {
      if (problem->where == "/year") problem->where = e.where + "/year";
      errors.push_back(*problem);
    }
  }
  if (!errors.empty()) return errors;
  households_.reserve(households_.size() + entries.size());
  for (formats::RosterEntry& e : entries) add(std::move(e.household));
  return {};
}

core::InputErrors Roster::add_all(std::vector<core::WorkspaceHousehold> households) {
  if (auto full = room_for(households.size()); !full.empty()) return full;
  for (core::WorkspaceHousehold& h : households) add(std::move(h.household), std::move(h.ledger));
  return {};
}

size_t Roster::add(core::Household household, std::vector<core::QuarterRecord> ledger) {
  const size_t index = households_.size();
  households_.push_back({std::move(household), std::move(ledger)});
  rows_.emplace_back();
  records_.push_back({new_key(), 0, false});
  index_of_[records_.back().key] = index;
  touch(index);
  return index;
}

size_t Roster::restore(const std::string& key, core::WorkspaceHousehold household) {
  if (const auto here = find(key)) return *here;  // back already (another tab put it back)
  int64_t version = 0;
  if (const auto pending =
          std::find_if(removed_.begin(), removed_.end(), [&](const Removed& r) { return r.key == key; });
      pending != removed_.end()) {
    version = pending->version;  // still stored: written over the version it has there
    removed_.erase(pending);
  }
  const auto at =
      static_cast<size_t>(std::lower_bound(records_.begin(), records_.end(), key,
                                           [](const Record& r, const std::string& k) { return r.key < k; }) -
                          records_.begin());
  const auto offset = static_cast<std::ptrdiff_t>(at);
  households_.insert(households_.begin() + offset, std::move(household));
  rows_.insert(rows_.begin() + offset, Row{});
  records_.insert(records_.begin() + offset, Record{key, version, true});
  reindex();
  evaluate(at);
  ++generation_;
  return at;
}

void Roster::set_household(size_t index, const core::Household& household) {
  if (index >= households_.size()) return;
  households_[index].household = household;
  touch(index);
}

void Roster::touch(size_t index) {
  evaluate(index);
  records_[index].changed = true;
  ++generation_;
}

void Roster::remove(size_t index) {
  if (index >= households_.size()) return;
  std::vector<bool> gone(households_.size(), false);
  gone[index] = true;
  remove_marked(gone);
}

size_t Roster::remove_keys(const std::vector<std::string>& keys) {
  std::vector<bool> gone(households_.size(), false);
  size_t count = 0;
  for (const std::string& key : keys)
    if (const auto index = find(key); index && !gone[*index]) {
      gone[*index] = true;
      ++count;
    }
  if (count > 0) remove_marked(gone);
  return count;
}

void Roster::remove_marked(const std::vector<bool>& gone) {
  // One pass however many go: undoing a 10 万户 import must not erase them one by one.
  size_t kept = 0;
  for (size_t i = 0; i < households_.size(); ++i) {
    if (gone[i]) {
      if (records_[i].version > 0) removed_.push_back({records_[i].key, records_[i].version});
      continue;
    }
    if (kept != i) {
      households_[kept] = std::move(households_[i]);
      rows_[kept] = rows_[i];
      records_[kept] = std::move(records_[i]);
    }
    ++kept;
  }
  households_.resize(kept);
  rows_.resize(kept);
  records_.resize(kept);
  reindex();
  ++generation_;
}

std::optional<size_t> Roster::find(const std::string& key) const {
  const auto it = index_of_.find(key);
  return it == index_of_.end() ? std::nullopt : std::optional<size_t>(it->second);
}

void Roster::put_stored(const std::string& key, int64_t version, core::WorkspaceHousehold household, bool changed) {
  if (const auto index = find(key)) {
    households_[*index] = std::move(household);
    records_[*index] = {key, version, changed};
    evaluate(*index);
  } else {
    // Keys sort in the order households were added, in any tab: the new one goes where its key says.
    const auto at = std::lower_bound(records_.begin(), records_.end(), key,
                                     [](const Record& r, const std::string& k) { return r.key < k; }) -
                    records_.begin();
    households_.insert(households_.begin() + at, std::move(household));
    rows_.insert(rows_.begin() + at, Row{});
    records_.insert(records_.begin() + at, Record{key, version, changed});
    if (static_cast<size_t>(at) + 1 == records_.size())
      index_of_[key] = static_cast<size_t>(at);
    else
      reindex();
    evaluate(static_cast<size_t>(at));
  }
  ++generation_;
}

void Roster::remove_stored(const std::string& key) {
  if (const auto index = find(key)) {
    records_[*index].version = 0;  // gone from storage: nothing to delete there
    remove(*index);
  }
}

std::string Roster::new_key() {
  // The time in milliseconds with room for 4096 keys a millisecond, as 16 hex digits, then this tab's salt.
  const auto ms = static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
  last_key_time_ = std::max(ms << 12, last_key_time_ + 1);
  char key[40];
  std::snprintf(key, sizeof key, "h/%016llx-", static_cast<unsigned long long>(last_key_time_));
  return key + key_salt_;
}

std::string Roster::random_salt() {
  std::random_device random;  // the browser's crypto.getRandomValues in WebAssembly
  char salt[16];
  std::snprintf(salt, sizeof salt, "%08x", static_cast<unsigned>(random()));
  return salt;
}

void Roster::reindex() {
  index_of_.clear();
  for (size_t i = 0; i < records_.size(); ++i) index_of_[records_[i].key] = i;
}

}  // namespace zengshou::app
