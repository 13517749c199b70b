// zengshou_bench: how fast the core is, natively and as WebAssembly under node (a benchmark, not a test).
// Prints one JSON object: per-household evaluation, a 1 000 000-household batch, the JSON path of the CLI, a village
// re-run under a reform (what a slider in the village view does) for 10 000 and 100 000 households, importing a
// 10 000-household CSV roster, and the peak memory (native: resident set; WebAssembly: the linear memory).
//   zengshou_bench [--households N]   (default 1000000)
//   zengshou_bench --roster N         prints N synthetic households as a JSON array (for parity checks)
//   zengshou_bench --roster-csv N     prints N synthetic households as a roster CSV (the batch's memory test)
//   zengshou_bench --openfisca N      OpenFisca's side-by-side harness (../shared/bench/openfisca): its five mini
//                                     rules and inputs for N households of 4, through our whole engine
//   zengshou_bench --evaluate-once N  evaluates N of the batch's households once each and prints the checksum: for
//                                     counting the engine's instructions a household under callgrind (scripts/bench),
//                                     a figure that does not swing with the machine's speed as its times do
// Each figure an issue set a target for is printed with it ("targets": value, target, met).
#include <chrono>   // steady_clock
#include <cstdio>   // printf
#include <cstdlib>  // atoi
#include <cstring>  // strcmp
#include <string>   // arguments
#include <thread>   // the batch on two cores
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

// The OpenFisca harness's households (common.py): person p of household h (p = 4h + k), as integer arithmetic.
Household openfisca_household(int64_t h) {
  Household out;
  out.id = "O" + std::to_string(h);
  out.policy = "yunnan/changning";
  out.year = 2022;
  out.category = h % 3 == 0 ? Category::tuopin : Category::general;
  out.production.push_back({ProductionKind::other, "", Money::yuan((h * 131) % 20000), Money::yuan((h * 53) % 8000)});
  for (int64_t p = 4 * h; p < 4 * h + 4; ++p) {
    Member m;
    m.birth_year = 2022 - static_cast<int>(5 + (p * 37) % 80);
    m.pension.enrolled = true;  // the harness pays every member of 60 or more
    if (const int months = static_cast<int>((p * 5) % 13); months > 0)
      m.jobs.push_back(
          {p % 7 == 0 ? JobKind::public_welfare_post : JobKind::local, months, Money::yuan((p * 97) % 3000)});
    if (p % 5 == 1) m.school.emplace().level = SchoolLevel::secondary_vocational;
    out.members.push_back(std::move(m));
  }
  return out;
}

// The harness's rules as our policy: Changning 2022 with only the post (floor 800 a month), the basic pension
// (98 a month from 60) and Rain and Dew (3000, 脱贫户, not in net), and its 7000 line for every household.
std::vector<ParamOverride> openfisca_rules() {
  std::vector<ParamOverride> out;
  for (size_t i = 0; i < programme_count; ++i) {
    const auto id = static_cast<ProgrammeId>(i);
    if (id != ProgrammeId::public_welfare_post && id != ProgrammeId::pension_basic && id != ProgrammeId::rain_dew)
      out.push_back({available_param(id), 0});
  }
  for (const char* setting :
       {"public_welfare_post.monthly=800", "pension_basic.monthly=98", "pension_basic.national_minimum=98",
        "pension_basic.age=60", "rain_dew.amount=3000", "rain_dew.categories=tuopin", "lines.policy=7000",
        "lines.policy.categories=tuopin,monitor_unstable,monitor_marginal,monitor_sudden,general,urban",
        "lines.policy.above_dibao_line=false"})
    out.push_back(parse_override(setting).value);
  return out;
}

// Builds and evaluates `households` of the harness a chunk at a time (as its build + calculate), and prints the
// time, the peak memory and its checksums, which README.md of the harness gives for 10^5 and 10^6 households.
int openfisca_side_by_side(int households) {
  const PolicySet& policies = PolicySet::embedded();
  const YearParameters params = policies.resolve(*policies.find("yunnan/changning"), 2022, openfisca_rules());
  int64_t per_capita_fen = 0, rain_dew_fen = 0, below = 0;
  double build_s = 0, calculate_s = 0;
  std::vector<Household> chunk;
  for (int64_t first = 0; first < households; first += 10000) {
    auto start = Clock::now();
    chunk.clear();
    for (int64_t h = first; h < std::min<int64_t>(households, first + 10000); ++h)
      chunk.push_back(openfisca_household(h));
    build_s += seconds_since(start);
    start = Clock::now();
    for (const Household& h : chunk) {
      const Result r = evaluate(h, params);
      per_capita_fen += r.income.per_capita_net.fen();
      rain_dew_fen += r.programme(ProgrammeId::rain_dew).amount.fen();
      below += r.has_flag(FlagId::below_policy_line);
    }
    calculate_s += seconds_since(start);
  }
  std::printf(
      "{\"bench\": \"openfisca_side_by_side\", \"households\": %d, \"build_s\": %.4f, \"calculate_s\": %.4f, "
      "\"per_household_us\": %.3f, \"peak_memory_mb\": %.0f, \"checksum_sum_per_capita_net\": \"%s\", "
      "\"checksum_below_line_count\": %lld, \"checksum_sum_rain_dew\": \"%s\"}\n",
      households, build_s, calculate_s, (build_s + calculate_s) * 1e6 / households, peak_memory_mb(),
      Money::fen(per_capita_fen).fixed_text().c_str(), static_cast<long long>(below),
      Money::fen(rain_dew_fen).fixed_text().c_str());
  return 0;
}

// One figure and the target an issue set for it, as the benchmark prints it.
std::string target(const char* name, double value, double limit, const char* unit) {
  char text[200];
  std::snprintf(text, sizeof text, "\"%s\": {\"value\": %.4g, \"target\": %.4g, \"unit\": \"%s\", \"met\": %s}", name,
                value, limit, unit, value <= limit ? "true" : "false");
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  int batch_size = 1000000;
  int evaluate_once = 0;
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
    if (std::strcmp(argv[i], "--openfisca") == 0) return openfisca_side_by_side(std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--evaluate-once") == 0) evaluate_once = std::atoi(argv[i + 1]);
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

  Result result;
  if (evaluate_once > 0) {  // the first of the batch's households (its first chunk's seed), each once
    int64_t checksum = 0;
    for (const Household& h : synthetic_households(11, evaluate_once, policy.id, 2022)) {
      evaluate_into(result, h, params);
      checksum += result.income.per_capita_net.fen();
    }
    std::printf("%lld\n", static_cast<long long>(checksum));
    return 0;
  }

  // 1. One household at a time, all programmes, flags and suggestions, over a varied sample.
  const std::vector<Household> sample = synthetic_households(7, 10000, policy.id, 2022);
  //    Evaluated and discarded into one result, whose lists keep their room (as the CLI's batch does).
  int64_t sample_sum = 0;
  int rounds = 0;
  const auto single_start = Clock::now();
  do {
    for (const Household& h : sample) {
      evaluate_into(result, h, params);
      sample_sum += result.income.per_capita_net.fen();
    }
    ++rounds;
  } while (seconds_since(single_start) < 1.0);
  const double per_household_us = seconds_since(single_start) * 1e6 / (static_cast<double>(rounds) * sample.size());
  static volatile int64_t keep = 0;  // the results are used, so the loop is not optimised away
  keep = keep + sample_sum;

  // 2. A batch of households already in memory (a village simulation's inner loop), evaluated and discarded, made
  //    10 000 at a time so that memory holds a chunk, not the batch; timed: evaluation alone. Natively also on two
  //    cores (a thread a half of each chunk); WebAssembly here has no threads.
  int64_t checksum = 0;  // the same natively and in WebAssembly: every household's per-capita net, summed
  double batch_s = 0;
  [[maybe_unused]] double batch_2_cores_s = 0;  // natively only
  for (int first = 0; first < batch_size; first += 10000) {
    const std::vector<Household> chunk =
        synthetic_households(11 + static_cast<uint64_t>(first), std::min(10000, batch_size - first), policy.id, 2022);
    auto start = Clock::now();
    for (const Household& h : chunk) {
      evaluate_into(result, h, params);
      checksum += result.income.per_capita_net.fen();
    }
    batch_s += seconds_since(start);
#ifndef __EMSCRIPTEN__
    start = Clock::now();
    int64_t halves[2] = {};
    const auto half = [&](size_t k) {
      Result own;  // a thread's
      for (size_t i = chunk.size() * k / 2; i < chunk.size() * (k + 1) / 2; ++i) {
        evaluate_into(own, chunk[i], params);
        halves[k] += own.income.per_capita_net.fen();
      }
    };
    std::thread other(half, 1);
    half(0);
    other.join();
    batch_2_cores_s += seconds_since(start);
    keep = keep + halves[0] + halves[1];
#endif
  }

  const double batch_peak_mb = peak_memory_mb();  // the sample and a chunk: what evaluating a batch holds

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
    const std::vector<uint8_t> tenths = income_tenths(baseline);
    resim_ms[k] = time_ms([&] {
      const VillageRun reform = rerun_village(village, baseline, detail, params, reform_params);
      keep = keep + compare_villages(baseline, reform, tenths).winners;
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

  const double million_s = batch_s * 1e6 / batch_size;  // the batch scaled to 10^6 households when smaller
#ifdef __EMSCRIPTEN__
  const char* two_cores = "null";
  const std::string million_2_cores;
#else
  char two_cores_text[32];
  std::snprintf(two_cores_text, sizeof two_cores_text, "%.3f", batch_2_cores_s);
  const char* two_cores = two_cores_text;
  // the machine's two cores, as a village simulation or a batch with --jobs 2 uses them
  const std::string million_2_cores =
      target("batch_1000000_2_cores_s", batch_2_cores_s * 1e6 / batch_size, 0.5, "s") + ", ";
#endif
  const std::string targets = "{" + target("per_household_us", per_household_us, 1.0, "µs") + ", " +
                              target("batch_1000000_s", million_s, 0.5, "s") + ", " + million_2_cores +
                              target("batch_peak_memory_mb", batch_peak_mb, 100, "MB") + ", " +
                              target("village_resim_100000_ms", resim_ms[1], 16, "ms") + "}";
  std::printf(
      "{\"per_household_us\": %.3f, \"batch_households\": %d, \"batch_s\": %.3f, \"batch_2_cores_s\": %s, "
      "\"per_100000_households_s\": %.4f, \"json_roundtrip_per_household_us\": %.2f, \"checksum\": %lld, "
      "\"result_bytes\": %zu, \"village_resim_one_programme_ms\": {\"10000\": %.2f, \"100000\": %.1f}, "
      "\"village_full_run_ms\": {\"10000\": %.2f, \"100000\": %.1f}, \"roster_csv_households\": %zu, "
      "\"roster_csv_bytes\": %zu, \"roster_csv_parse_ms\": %.1f, \"roster_csv_parse_and_evaluate_ms\": %.1f, "
      "\"batch_peak_memory_mb\": %.0f, \"peak_memory_mb\": %.0f, \"targets\": %s}\n",
      per_household_us, batch_size, batch_s, two_cores, batch_s * 100000.0 / batch_size, json_per_household_us,
      static_cast<long long>(checksum), bytes, resim_ms[0], resim_ms[1], full_ms[0], full_ms[1], imported, csv.size(),
      roster_parse_ms, roster_import_ms, batch_peak_mb, peak_memory_mb(), targets.c_str());
  return 0;
}
