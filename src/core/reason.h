// Reasons: why a programme, flag or suggestion says what it says, as an id and numbers. Kept structured so
// evaluation stays fast; the text is rendered only when shown (reasons.def holds both languages).
#pragma once

#include <array>    // arguments
#include <cstdint>  // int64_t
#include <string>   // rendered text

namespace zengshou::core {

enum class ReasonId : uint8_t {
#define ZS_REASON(id, zh, en) id,
#include "reasons.def"
#undef ZS_REASON
};

enum class Language { zh, en };

struct Reason {
  ReasonId id = ReasonId::not_available;
  std::array<int64_t, 5> args{};  // fen, counts, years, category sets, as the template says
};

// The reason as text in `language`.
std::string render(const Reason& reason, Language language);
// The same, appended to `out`.
void render_to(std::string& out, const Reason& reason, Language language);
// The key of a reason ("post_floor"), for tests and machine readers.
const char* reason_key(ReasonId id);

// A household category's name in `language` ("脱贫户", "poverty-alleviated household").
const char* category_label(size_t category, Language language);
// A set of categories ("脱贫户、边缘易致贫户"), or "(无)" when empty.
std::string categories_label(int64_t set, Language language);

}  // namespace zengshou::core
