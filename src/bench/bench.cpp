// zengshou_bench: how fast the core is, natively and as WebAssembly under node (a benchmark, not a test).
// Prints one JSON object: per-household evaluation, a 1 000 000-household batch, and the JSON path of the CLI.
//   zengshou_bench [--households N]   (default 1000000)
//   zengshou_bench --roster N         prints N synthetic households as a JSON array (for parity checks)
#include <chrono>   // steady_clock
#include <cstdio>   // printf
#include <cstdlib>  // atoi
#include <cstring>  // strcmp
#include <string>   // arguments
#include <vector>   // households

#include <nlohmann/json.hpp>

#include "core/engine.h"
#include "core/household_json.h"
#include "core/policy.h"
#include "core/result_json.h"
#include "core/synthetic.h"

namespace {

using namespace zengshou::core;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace

int main(int argc, char** argv) {
  int batch_size = 1000000;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--households") == 0) batch_size = std::atoi(argv[i + 1]);
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
  for (const std::string& text : texts) {
    const auto parsed = parse_household(text);
    bytes += result_to_json(evaluate(parsed.value, params), parsed.value, params, Language::zh, false).dump().size();
  }
  const double json_per_household_us = seconds_since(json_start) * 1e6 / texts.size();

  std::printf(
      "{\"per_household_us\": %.3f, \"batch_households\": %d, \"batch_s\": %.3f, "
      "\"per_100000_households_s\": %.4f, \"json_roundtrip_per_household_us\": %.2f, \"checksum\": %lld, "
      "\"result_bytes\": %zu}\n",
      per_household_us, batch_size, batch_s, batch_s * 100000.0 / batch_size, json_per_household_us,
      static_cast<long long>(checksum), bytes);
  return 0;
}
