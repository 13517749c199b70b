// Fuzzes the share-link reader (the text the page inflates from the URL fragment): any bytes give a household and a
// reform or errors, never a crash; what was read is written back to the same link.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/share.h"
#include "fuzz_check.h"

using namespace zengshou::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto parsed = parse_share(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!parsed.ok()) return 0;
  const std::string written = share_to_json(parsed.value);
  const auto again = parse_share(written);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(share_to_json(again.value) == written);
  return 0;
}
