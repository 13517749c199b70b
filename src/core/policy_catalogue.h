// The policies the program carries (assets/policies, embedded at build time): their ids, names and years.
#pragma once

#include <string>  // ids and names
#include <vector>  // the list

namespace zengshou::core {

struct PolicySummary {
  std::string id;       // "yunnan/changning"
  std::string name_zh;  // the document's title
  std::string name_en;
  std::string province;  // "yunnan", "guizhou", or empty for national and template policies
  int first_year = 0;    // years the policy covers, inclusive
  int last_year = 0;
};

// Every embedded policy file, in id order.
const std::vector<PolicySummary>& policy_summaries();

}  // namespace zengshou::core
