#include "user_policies.h"

#include <algorithm>  // find_if
#include <utility>    // pair

namespace zengshou::app {

std::optional<size_t> UserPolicies::find(std::string_view key) const {
  for (size_t i = 0; i < entries_.size(); ++i)
    if (entries_[i].key == key) return i;
  return std::nullopt;
}

bool UserPolicies::is_users(std::string_view policy_id) const {
  return find("p/" + std::string(policy_id)).has_value();
}

core::InputErrors UserPolicies::rebuild(const std::vector<Entry>& entries) {
  std::vector<std::pair<std::string_view, std::string_view>> files;
  // Named as their files would be ("guizhou/qingzhen.json"), so a problem says which policy it is in.
  std::vector<std::string> names;
  for (const Entry& e : entries) names.push_back(e.key.substr(2) + ".json");
  for (size_t i = 0; i < entries.size(); ++i) files.emplace_back(names[i], entries[i].text);
  auto parsed = core::PolicySet::with_user_files(files);
  if (!parsed.ok()) return parsed.errors;
  set_ = std::move(parsed.value);
  ++generation_;
  return {};
}

core::Parsed<std::string> UserPolicies::put(std::string_view text) {
  auto file = core::parse_policy_file("", text);
  if (!file.ok()) return {{}, file.errors};
  const std::string key = "p/" + file.value.id;
  std::vector<Entry> next = entries_;
  const auto at = find(key);
  Entry& entry = at ? next[*at] : next.emplace_back(Entry{key, 0, false, {}});
  entry.text = core::write_policy_file(file.value);  // kept as written, so what is stored reads back the same
  entry.changed = true;
  if (auto errors = rebuild(next); !errors.empty()) {
    // The file being opened is "the file", as for a household file: its problems at their places alone.
    const std::string name = key.substr(2) + ".json";
    for (core::InputError& e : errors)
      if (e.where.rfind(name, 0) == 0) e.where.erase(0, name.size() + (e.where.size() > name.size() ? 1 : 0));
    return {{}, errors};
  }
  entries_ = std::move(next);
  return {file.value.id, {}};
}

bool UserPolicies::remove(std::string_view policy_id) {
  const auto at = find("p/" + std::string(policy_id));
  if (!at) return true;
  std::vector<Entry> next = entries_;
  next.erase(next.begin() + static_cast<std::ptrdiff_t>(*at));
  // A policy another of hers inherits from stays: removing it would break that one.
  if (!rebuild(next).empty()) return false;
  if (entries_[*at].version > 0) removed_.push_back({entries_[*at].key, entries_[*at].version});
  entries_ = std::move(next);
  return true;
}

core::InputErrors UserPolicies::put_stored(std::string_view key, int64_t version, std::string_view text) {
  std::vector<Entry> next = entries_;
  const auto at = find(key);
  Entry& entry = at ? next[*at] : next.emplace_back(Entry{std::string(key), 0, false, {}});
  entry.version = version;
  entry.text = std::string(text);
  entry.changed = false;
  if (auto errors = rebuild(next); !errors.empty()) return errors;
  entries_ = std::move(next);
  return {};
}

void UserPolicies::remove_stored(std::string_view key) {
  const auto at = find(key);
  if (!at) return;
  std::vector<Entry> next = entries_;
  next.erase(next.begin() + static_cast<std::ptrdiff_t>(*at));
  if (rebuild(next).empty()) entries_ = std::move(next);
}

}  // namespace zengshou::app
