// A reform: a named set of parameter changes on top of a policy (what a trainer shows, "公益性岗位 800 → 1000"),
// saved and loaded as a "zengshou.reform/1" file, and compared with the policy it changes.
#pragma once

#include <optional>     // unset values
#include <string>       // names
#include <string_view>  // file text
#include <vector>       // changes

#include "error.h"
#include "policy.h"

namespace zengshou::core {

inline constexpr std::string_view reform_schema = "zengshou.reform/1";

struct Reform {
  std::string name;         // "公益性岗位 1000 元/月"
  std::string description;  // what it shows, for the presenter
  std::string name_en;      // English name and description of prepared scenarios; empty: as above
  std::string description_en;
  std::string policy;                  // the policy it was written against; empty: any
  std::optional<int> year;             // the year it is shown for; empty: the household's
  std::string household;               // an example household (assets/examples) that shows it; empty: none
  std::vector<ParamOverride> changes;  // at most one per parameter, in the order they were made

  bool empty() const { return changes.empty(); }
  const ParamOverride* find(ParamId id) const;
  void set(ParamId id, std::optional<int64_t> value);  // adds or replaces the change of `id`
  void remove(ParamId id);
};

// `policies`: the policies its "policy" must be one of (the app's, with the user's own); null: any id, for what the
// program itself stored (a session record, a share link), whose policy may be the user's, read before or without them.
Parsed<Reform> parse_reform(std::string_view text, const PolicySet* policies = &PolicySet::embedded());
// The prepared scenarios of assets/reforms, in file-name order (a trainer steps through them).
const std::vector<Reform>& prepared_scenarios();
std::string reform_to_json(const Reform& reform);  // pretty-printed, parameters by their file names

// The reform kept as a county policy (另存为本县政策, issue 16): `policy` — a new one inheriting the policy the reform
// was made on, or her own being updated — with each change written in from 1 January of `year` (a value there is
// replaced), assumed until she names its source.
PolicyFile policy_with_reform(PolicyFile policy, const Reform& reform, int year);

// Her county policy as a reform of the policy it inherits from, for `year`: each value it resolves differently, so
// the simulator and the village compare the base with her policy as they compare a policy with a reform.
Reform reform_from_policy(const PolicySet& set, const PolicyFile& policy, int year);

// One changed parameter: its value under the policy and under the reform (empty: not set).
struct ParamChange {
  ParamId id;
  std::optional<int64_t> baseline;
  std::optional<int64_t> reformed;
};
// The reform's changes that differ from the policy's values for that year, in the reform's order.
std::vector<ParamChange> reform_diff(const Reform& reform, const YearParameters& baseline);

}  // namespace zengshou::core
