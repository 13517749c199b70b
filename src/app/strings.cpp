// The UI string table in both languages, and the current language (Simplified Chinese by default).
#include "strings.h"

#include <array>  // the two tables

namespace zengshou::app {
namespace {

constexpr std::array zh_cn_text{
#define ZS_STRING(id, zh, en) zh,
#include "strings.def"
#undef ZS_STRING
};

constexpr std::array en_text{
#define ZS_STRING(id, zh, en) en,
#include "strings.def"
#undef ZS_STRING
};

static_assert(zh_cn_text.size() == static_cast<size_t>(Str::count_));

Language current_language = Language::zh_CN;

}  // namespace

void set_language(Language language) { current_language = language; }

Language language() { return current_language; }

const char* language_tag(Language language) { return language == Language::zh_CN ? "zh-CN" : "en"; }

const char* tr(Str id) { return tr(id, current_language); }

const char* tr(Str id, Language language) {
  const auto index = static_cast<size_t>(id);
  return language == Language::zh_CN ? zh_cn_text[index] : en_text[index];
}

}  // namespace zengshou::app
