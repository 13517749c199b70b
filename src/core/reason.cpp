#include "reason.h"

#include <string_view>  // templates

#include "household.h"
#include "money.h"

namespace zengshou::core {
namespace {

struct Template {
  const char* key;
  const char* zh;
  const char* en;
};

constexpr Template templates[] = {
#define ZS_REASON(id, zh, en) {#id, zh, en},
#include "reasons.def"
#undef ZS_REASON
};

constexpr const char* category_labels[][2] = {
    {"脱贫户", "a poverty-alleviated household (脱贫户)"},
    {"脱贫不稳定户", "an unstable poverty-alleviated household (脱贫不稳定户)"},
    {"边缘易致贫户", "a marginal household at risk (边缘易致贫户)"},
    {"突发严重困难户", "a household in sudden severe hardship (突发严重困难户)"},
    {"一般农户", "an ordinary rural household (一般农户)"},
    {"城镇居民", "an urban household (城镇居民)"},
};

}  // namespace

const char* category_label(size_t category, Language language) {
  return category_labels[category][language == Language::zh ? 0 : 1];
}

std::string categories_label(int64_t set, Language language) {
  std::string out;
  for (size_t i = 0; i < category_names.size(); ++i) {
    if ((set & (int64_t{1} << i)) == 0) continue;
    if (!out.empty()) out += language == Language::zh ? "、" : ", ";
    out += category_label(i, language);
  }
  return out.empty() ? (language == Language::zh ? "(无)" : "(none)") : out;
}

const char* reason_key(ReasonId id) { return templates[static_cast<size_t>(id)].key; }

std::string render(const Reason& reason, Language language) {
  const Template& t = templates[static_cast<size_t>(reason.id)];
  const std::string_view text = language == Language::zh ? t.zh : t.en;
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{' || i + 2 >= text.size()) {
      out += text[i];
      continue;
    }
    const size_t close = text.find('}', i);
    const int64_t arg = reason.args[static_cast<size_t>(text[i + 1] - '0') % reason.args.size()];
    const char kind = close > i + 2 ? text[i + 2] : ' ';
    switch (kind) {
      case 'y':  // fen
      case 'm':  // 1/100 mu, written like yuan
        out += Money::fen(arg).yuan_text();
        break;
      case 'c':
        out += categories_label(arg, language);
        break;
      case 'k':
        out += category_label(static_cast<size_t>(arg), language);
        break;
      default:
        out += std::to_string(arg);
        break;
    }
    i = close;
  }
  return out;
}

}  // namespace zengshou::core
