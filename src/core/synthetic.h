// A seeded generator of synthetic households whose shape follows NATIONAL.md's statistics for Yunnan's 脱贫
// population in 2022 (per-capita net about 14 147 yuan, wages about two thirds, production about a fifth,
// about 3.6 people a household). Integer arithmetic only, so the same seed gives the same households natively
// and in WebAssembly. The assumptions are written next to each draw in synthetic.cpp. Measured on 3 000
// households under Changning 2022: per-capita net 14 055, wages 69 %, production 22 %, property and transfers
// 9 %, 3.64 people a household (tests/unit/village_test.cpp keeps it there).
#pragma once

#include <cstdint>  // seeds
#include <string>   // policy id
#include <vector>   // households

#include "household.h"

namespace zengshou::core {

// SplitMix64: small, fast, and identical on every platform.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int between(int low, int high) { return low + static_cast<int>(next() % static_cast<uint64_t>(high - low + 1)); }
  bool chance(int percent) { return between(1, 100) <= percent; }

 private:
  uint64_t state_;
};

// `count` households for `policy` and `year`, the same for the same seed.
std::vector<Household> synthetic_households(uint64_t seed, int count, const std::string& policy, int year);

}  // namespace zengshou::core
