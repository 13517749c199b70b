#include "reason.h"

#include <charconv>     // numbers
#include <string_view>  // templates

#include "household.h"
#include "json_writer.h"
#include "money.h"

namespace zengshou::core {
namespace {

struct Template {
  const char* key;
  std::string_view zh, en;  // lengths known at compile time: a reason is rendered by the million
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

// A rendered reason is written into a result unscanned (JsonWriter::plain): its arguments are numbers and these
// labels, and the templates and labels need no escaping.
constexpr bool all_json_plain() {
  for (const Template& t : templates)
    if (!json_plain(t.zh) || !json_plain(t.en)) return false;
  for (const auto& labels : category_labels)
    if (!json_plain(labels[0]) || !json_plain(labels[1])) return false;
  return true;
}
static_assert(all_json_plain(), "a reason's text must need no JSON escaping: write “”, not \"");
static_assert(!json_plain("\"") && !json_plain("a\\b") && !json_plain("\n") && json_plain("“张三”"));

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

void render_to(std::string& out, const Reason& reason, Language language) {
  const Template& t = templates[static_cast<size_t>(reason.id)];
  const std::string_view text = language == Language::zh ? t.zh : t.en;
  size_t plain = 0;  // start of the text not yet written
  for (size_t open = text.find('{'); open != std::string_view::npos && open + 2 < text.size();
       open = text.find('{', plain)) {
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text, plain, open - plain);
    const int64_t arg = reason.args[static_cast<size_t>(text[open + 1] - '0') % reason.args.size()];
    const char kind = close > open + 2 ? text[open + 2] : ' ';
    switch (kind) {
      case 'y':  // fen
      case 'm':  // 1/100 mu, written like yuan
        Money::fen(arg).append_yuan_text(out);
        break;
      case 'c':
        out += categories_label(arg, language);
        break;
      case 'k':
        out += category_label(static_cast<size_t>(arg), language);
        break;
      default: {
        char digits[24];
        out.append(digits, std::to_chars(digits, digits + sizeof digits, arg).ptr);
        break;
      }
    }
    plain = close + 1;
  }
  if (plain < text.size()) out.append(text, plain);
}

std::string render(const Reason& reason, Language language) {
  std::string out;
  render_to(out, reason, language);
  return out;
}

}  // namespace zengshou::core
