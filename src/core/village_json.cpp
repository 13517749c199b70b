#include "village_json.h"

#include <nlohmann/json.hpp>

#include "json_reading.h"

namespace zengshou::core {

using nlohmann::json;

json village_summary_to_json(const VillageSummary& v) {
  json totals = json::object();
  json recipients = json::object();
  for (size_t i = 0; i < programme_count; ++i) {
    totals[std::string(programme_infos[i].id)] = yuan_json(v.programme_totals[i]);
    recipients[std::string(programme_infos[i].id)] = v.programme_recipients[i];
  }
  json out = json::object();
  out["households"] = v.households;
  out["people"] = v.people;
  out["mean_per_capita_net"] = yuan_json(v.mean_per_capita_net);
  out["median_per_capita_net"] = yuan_json(v.median_per_capita_net);
  out["below_monitoring_line"] = v.below_monitoring_line;
  out["below_policy_line"] = v.below_policy_line;
  out["poverty_gap_total"] = yuan_json(v.poverty_gap_total);
  out["programme_totals"] = std::move(totals);
  out["programme_recipients"] = std::move(recipients);
  out["poverty_gap_mean"] = yuan_json(v.poverty_gap_mean);
  out["programme_cost"] = yuan_json(v.programme_cost);
  out["people_below_monitoring_line"] = v.people_below_monitoring_line;
  out["people_below_policy_line"] = v.people_below_policy_line;
  out["monitoring"] = {{"enter", v.monitoring_enter}, {"monitored", v.monitored}, {"may_exit", v.monitoring_may_exit}};
  return out;
}

json village_comparison_to_json(const VillageComparison& c) {
  json deciles = json::array();
  for (const DecileChange& d : c.deciles)
    deciles.push_back({{"households", d.households},
                       {"winners", d.winners},
                       {"losers", d.losers},
                       {"per_capita_change", yuan_json(d.per_capita_change())}});
  return {
      {"winners", c.winners},
      {"losers", c.losers},
      {"cost", yuan_json(c.cost)},
      {"people_lifted", c.people_lifted},
      {"people_fallen", c.people_fallen},
      {"cost_per_person_lifted", c.has_cost_per_person_lifted ? yuan_json(c.cost_per_person_lifted) : json(nullptr)},
      {"monitoring",
       {{"newly_entering", c.newly_entering},
        {"no_longer_entering", c.no_longer_entering},
        {"newly_may_exit", c.newly_may_exit},
        {"no_longer_may_exit", c.no_longer_may_exit}}},
      {"deciles", std::move(deciles)}};
}

}  // namespace zengshou::core
