// zengshou_bench: how fast the core is, natively and as WebAssembly under node (a benchmark, not a test).
// Prints one JSON object: per-household evaluation, a 1 000 000-household batch, the JSON path of the CLI, a village
// re-run under a reform (what a slider in the village view does) for 10 000 and 100 000 households, importing a
// 10 000-household CSV roster, and the peak memory (native: resident set; WebAssembly: the linear memory).
//   zengshou_bench [--households N]   (default 1000000)
//   zengshou_bench --roster N         prints N synthetic households as a JSON array (for parity checks)
//   zengshou_bench --roster-csv N     prints N synthetic households as a roster CSV (the batch's memory test)
#include <chrono>   // steady_clock
#include <cstdio>   // printf
#include <cstdlib>  // atoi
#include <cstring>  // strcmp
#include <string>   // arguments
#include <vector>   // households

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>  // emscripten_get_heap_size
#else
#include <sys/resource.h>  // getrusage
#endif

#include <nlohmann/json.hpp>

#include "core/engine.h"
#include "core/household_json.h"
#include "core/policy.h"
#include "core/result_json.h"
#include "core/synthetic.h"
#include "core/village.h"
#include "formats/roster_file.h"

namespace {

using namespace zengshou::core;
using namespace zengshou::formats;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// A roster as a cadre's spreadsheet gives it: one CSV row per member, the household's columns on each row.
std::string roster_csv(const std::vector<Household>& households) {
  std::string csv =
      "household_id,policy,year,category,farmland_mu,production_revenue,production_cost,name,birth_year,"
      "labor,job_kind,months,monthly_wage,pension_enrolled,pension_tier\n";
  for (const Household& h : households) {
    Money revenue, cost;
    for (const ProductionActivity& p : h.production) {
      revenue += p.revenue;
      cost += p.cost;
    }
    // Hundredths of a mu written as fen are: two decimals.
    const std::string farmland_mu = Money::fen(h.transfers.farmland_centimu).yuan_text();
    const std::string household_cells = h.id + "," + h.policy + "," + std::to_string(h.year) + "," +
                                        std::string(category_names[static_cast<size_t>(h.category)]) + "," +
                                        farmland_mu + "," + revenue.yuan_text() + "," + cost.yuan_text() + ",";
    for (const Member& m : h.members) {
      csv += household_cells + m.name + "," + std::to_string(m.birth_year) + "," +
             std::string(labor_names[static_cast<size_t>(m.labor)]) + ",";
      if (m.jobs.empty())
        csv += ",,,";
      else
        csv += std::string(job_kind_names[static_cast<size_t>(m.jobs[0].kind)]) + "," +
               std::to_string(m.jobs[0].months) + "," + m.jobs[0].monthly_wage.yuan_text() + ",";
      csv += std::string(m.pension.enrolled ? "true," : "false,") + m.pension.tier.yuan_text() + "\n";
    }
  }
  return csv;
}

double peak_memory_mb() {
#ifdef __EMSCRIPTEN__
  return static_cast<double>(emscripten_get_heap_size()) / (1024.0 * 1024.0);
#else
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // kilobytes on Linux
#endif
}

}  // namespace

int main(int argc, char** argv) {
  int batch_size = 1000000;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--households") == 0) batch_size = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--roster-csv") == 0) {  // written a thousand households at a time
      const int n = std::atoi(argv[i + 1]);
      for (int first = 0; first < n; first += 1000) {
        auto chunk =
            synthetic_households(3 + static_cast<uint64_t>(first), std::min(1000, n - first), "yunnan/changning", 2022);
        for (size_t k = 0; k < chunk.size(); ++k) chunk[k].id = "S" + std::to_string(first + static_cast<int>(k) + 1);
        std::string csv = roster_csv(chunk);
        if (first > 0) csv.erase(0, csv.find('\n') + 1);  // the header once
        std::fwrite(csv.data(), 1, csv.size(), stdout);
      }
      return 0;
    }
    if (std::strcmp(argv[i], "--roster") == 0) {
      nlohmann::json roster = nlohmann::json::array();
      for (const Household& h : synthetic_households(3, std::atoi(argv[i + 1]), "yunnan/changning", 2022))
        roster.push_back(household_to_json(h));
      std::printf("%s\n", roster.dump().c_str());
      return 0;
    }
  }

  const PolicySet& policies = PolicySet::embedded();
  const PolicyFile& policy = *policies.find("yunnan/changning");
  const YearParameters params = policies.resolve(policy, 2022);

  // 1. One household at a time, all programmes, flags and suggestions, over a varied sample.
  const std::vector<Household> sample = synthetic_households(7, 10000, policy.id, 2022);
  int64_t sample_sum = 0;
  int rounds = 0;
  const auto single_start = Clock::now();
  do {
    for (const Household& h : sample) sample_sum += evaluate(h, params).income.per_capita_net.fen();
    ++rounds;
  } while (seconds_since(single_start) < 1.0);
  const double per_household_us = seconds_since(single_start) * 1e6 / (static_cast<double>(rounds) * sample.size());
  static volatile int64_t keep = 0;  // the results are used, so the loop is not optimised away
  keep = keep + sample_sum;

  // 2. A batch of households already in memory (a village simulation's inner loop).
  const std::vector<Household> batch = synthetic_households(11, batch_size, policy.id, 2022);
  int64_t checksum = 0;  // the same natively and in WebAssembly: every household's per-capita net, summed
  const auto batch_start = Clock::now();
  for (const Household& h : batch) checksum += evaluate(h, params).income.per_capita_net.fen();
  const double batch_s = seconds_since(batch_start);

  // 3. The CLI's batch path: JSON text in, a compact result line out, for 10 000 households.
  std::vector<std::string> texts;
  for (size_t i = 0; i < 10000; ++i) texts.push_back(household_to_json(sample[i]).dump());
  const auto json_start = Clock::now();
  size_t bytes = 0;
  std::string line;
  ResultWriter writer(params, Language::zh, false);
  for (const std::string& text : texts) {
    const auto parsed = parse_household(text);
    line.clear();
    writer.write(line, evaluate(parsed.value, params), parsed.value);
    bytes += line.size();
  }
  const double json_per_household_us = seconds_since(json_start) * 1e6 / texts.size();

  // 4. What a slider in the village view does: re-run a village under a reform (only the programmes it touches:
  //    here the post's pay, so the post and the dibao) and compare it with the baseline; and a whole run, which a
  //    new seed, size, policy or year costs.
  double resim_ms[2] = {}, full_ms[2] = {};  // 10 000 and 100 000 households
  const int resim_sizes[2] = {10000, 100000};
  const auto reform_params = policies.resolve(policy, 2022, {parse_override("public_welfare_post.monthly=1000").value});
  const auto time_ms = [&](auto&& work) {
    int runs = 0;
    const auto start = Clock::now();
    do {
      work();
      ++runs;
    } while (seconds_since(start) < 1.0);
    return seconds_since(start) * 1e3 / runs;
  };
  for (int k = 0; k < 2; ++k) {
    const auto village = synthetic_households(2026, resim_sizes[k], policy.id, 2022);
    VillageDetail detail;
    const VillageRun baseline = run_village(village, params, &detail);
    const std::vector<uint32_t> ranking = income_ranking(baseline);
    resim_ms[k] = time_ms([&] {
      const VillageRun reform = rerun_village(village, detail, params, reform_params);
      keep = keep + compare_villages(baseline, reform, ranking).winners;
    });
    full_ms[k] = time_ms([&] { keep = keep + run_village(village, params).summary.people; });
  }

  // 5. Importing a 10 000-household roster from CSV (what the roster view does with a cadre's file): parse alone,
  //    and parse with every household evaluated.
  const std::string csv = roster_csv(synthetic_households(17, 10000, policy.id, 2022));
  size_t imported = 0;
  const double roster_parse_ms = time_ms([&] { imported = parse_roster(csv).roster.value.size(); });
  const double roster_import_ms = time_ms([&] {
    for (const RosterEntry& e : parse_roster(csv).roster.value)
      keep = keep + evaluate(e.household, params).income.net.fen();
  });

  std::printf(
      "{\"per_household_us\": %.3f, \"batch_households\": %d, \"batch_s\": %.3f, "
      "\"per_100000_households_s\": %.4f, \"json_roundtrip_per_household_us\": %.2f, \"checksum\": %lld, "
      "\"result_bytes\": %zu, \"village_resim_one_programme_ms\": {\"10000\": %.2f, \"100000\": %.1f}, "
      "\"village_full_run_ms\": {\"10000\": %.2f, \"100000\": %.1f}, \"roster_csv_households\": %zu, "
      "\"roster_csv_bytes\": %zu, \"roster_csv_parse_ms\": %.1f, \"roster_csv_parse_and_evaluate_ms\": %.1f, "
      "\"peak_memory_mb\": %.0f}\n",
      per_household_us, batch_size, batch_s, batch_s * 100000.0 / batch_size, json_per_household_us,
      static_cast<long long>(checksum), bytes, resim_ms[0], resim_ms[1], full_ms[0], full_ms[1], imported, csv.size(),
      roster_parse_ms, roster_import_ms, peak_memory_mb());
  return 0;
}
