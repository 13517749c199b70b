#include "policy_catalogue.h"

#include <algorithm>  // sort by id

#include <nlohmann/json.hpp>

#include "embedded_assets.h"

namespace zengshou::core {

const std::vector<PolicySummary>& policy_summaries() {
  static const std::vector<PolicySummary> summaries = [] {
    std::vector<PolicySummary> list;
    for (const EmbeddedAsset& file : embedded_policy_files()) {
      const auto json = nlohmann::json::parse(file.text);
      PolicySummary s;
      s.id = json.at("id").get<std::string>();
      s.name_zh = json.at("name").at("zh").get<std::string>();
      s.name_en = json.at("name").at("en").get<std::string>();
      if (json.at("province").is_string()) s.province = json.at("province").get<std::string>();
      s.first_year = json.at("years").at(0).get<int>();
      s.last_year = json.at("years").at(1).get<int>();
      list.push_back(std::move(s));
    }
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return list;
  }();
  return summaries;
}

}  // namespace zengshou::core
