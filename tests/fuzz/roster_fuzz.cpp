// Fuzzes the roster importer (CSV with Chinese or English headers, or a JSON array) behind the text decoder, as the
// CLI and the app read a file: any bytes give households or errors, never a crash; the decoder's text is UTF-8
// exactly when it names no bad sequence; and every household imported can be evaluated. The same bytes streamed a
// household at a time (the batch's RosterStream) end, never crash, and yield each household whole or its problems.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "core/engine.h"
#include "core/policy.h"
#include "formats/roster_file.h"
#include "formats/text_encoding.h"
#include "fuzz_check.h"

using namespace zengshou::core;
using namespace zengshou::formats;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const DecodedText decoded = decode_text(std::string(reinterpret_cast<const char*>(data), size));
  FUZZ_CHECK(decoded.bad_utf8.has_value() == first_invalid_utf8(decoded.text).has_value());
  const auto parsed = parse_roster(decoded.text).roster;
  FUZZ_CHECK(parsed.ok() || parsed.value.empty());  // never half a roster
  const PolicySet& policies = PolicySet::embedded();
  for (const RosterEntry& e : parsed.value) {
    const std::string id = e.household.policy.empty() ? "yunnan/changning" : e.household.policy;
    if (policies.check(id, e.household.year, "/policy")) continue;
    const Result r = evaluate(e.household, policies.resolve(*policies.find(id), e.household.year));
    FUZZ_CHECK(r.income.net ==
               r.income.wage + r.income.production - r.income.production_cost + r.income.property + r.income.transfer);
  }
  std::istringstream in(decoded.text);
  RosterStream stream(in, {});
  size_t yielded = 0;
  while (auto next = stream.next()) {
    FUZZ_CHECK(next->ok() || next->value.household.members.empty());
    FUZZ_CHECK(++yielded <= size + 1);  // each yield consumes input (or is the last)
  }
  return 0;
}
