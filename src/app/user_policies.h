// The user's own policies (issue 16): a county's policy she made or imported, each a "zengshou.policy/1" file kept
// as a record of the workspace ("p/<id>"), and the policy set they make with the built-ins. A file is checked as
// untrusted input before anything changes (core::PolicySet::with_user_files): one that does not read changes nothing.
#pragma once

#include <cstdint>      // versions, generations
#include <memory>       // the policy set
#include <optional>     // an entry's index
#include <string>       // keys, texts
#include <string_view>  // file text
#include <vector>       // entries

#include "core/error.h"
#include "core/policy.h"

namespace zengshou::app {

class UserPolicies {
 public:
  struct Entry {
    std::string key;  // "p/" + the policy's id
    int64_t version = 0;
    bool changed = false;  // not yet stored
    std::string text;      // the policy file, as written
  };
  struct Removed {
    std::string key;
    int64_t version = 0;
  };

  static bool is_key(std::string_view key) { return key.rfind("p/", 0) == 0; }

  // The built-ins and the user's policies, as one set; replaced whole whenever the user's change.
  const std::shared_ptr<const core::PolicySet>& set() const { return set_; }
  uint32_t generation() const { return generation_; }
  const std::vector<Entry>& entries() const { return entries_; }
  std::vector<Entry>& entries() { return entries_; }
  std::vector<Removed>& removed() { return removed_; }
  const std::vector<Removed>& removed() const { return removed_; }
  std::optional<size_t> find(std::string_view key) const;
  bool is_users(std::string_view policy_id) const;

  // A file from the user (import, 另存为本县政策): added, or put over her policy of the same id. Every problem, each
  // at its place, and nothing changed when it does not read beside the others.
  // The policy's id when it was put.
  core::Parsed<std::string> put(std::string_view text);
  // False, and nothing changed, when another of hers inherits from it.
  bool remove(std::string_view policy_id);
  // A record from storage or another tab: the problems when it does not read (the caller sets it aside).
  core::InputErrors put_stored(std::string_view key, int64_t version, std::string_view text);
  void remove_stored(std::string_view key);

 private:
  // The set from the entries' texts; the problems, and the set unchanged, when they do not read together.
  core::InputErrors rebuild(const std::vector<Entry>& entries);

  std::vector<Entry> entries_;
  std::vector<Removed> removed_;
  std::shared_ptr<const core::PolicySet> set_{std::shared_ptr<const core::PolicySet>(),
                                              &core::PolicySet::embedded()};  // the built-ins need no owner
  uint32_t generation_ = 0;
};

}  // namespace zengshou::app
