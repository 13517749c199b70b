// The UI string table in both languages, and the current language (Simplified Chinese by default).
#include "strings.h"

#include <cstddef>   // size_t
#include <iterator>  // size

namespace zengshou::app {
namespace {

// Plain arrays: deducing a std::array of 400 strings passes clang's fold-expression limit (the native tests build
// this file with clang under the sanitizers).
constexpr const char* zh_cn_text[] = {
#define ZS_STRING(id, zh, en) zh,
#include "strings.def"
#undef ZS_STRING
};

constexpr const char* en_text[] = {
#define ZS_STRING(id, zh, en) en,
#include "strings.def"
#undef ZS_STRING
};

static_assert(std::size(zh_cn_text) == static_cast<size_t>(Str::count_));
static_assert(std::size(en_text) == static_cast<size_t>(Str::count_));

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
