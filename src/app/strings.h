// UI text: the string ids and the language switch. The text itself is in strings.def.
#pragma once

namespace zengshou::app {

enum class Language { zh_CN, en };

enum class Str {
#define ZS_STRING(id, zh, en) id,
#include "strings.def"
#undef ZS_STRING
  count_
};

void set_language(Language language);
Language language();
const char* language_tag(Language language);  // "zh-CN" or "en"

// The text of `id` in the current language, or in the one given.
const char* tr(Str id);
const char* tr(Str id, Language language);

}  // namespace zengshou::app
