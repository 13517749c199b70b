#include "money.h"

#include <algorithm>  // max
#include <charconv>   // from_chars, to_chars
#include <cmath>      // isfinite, nearbyint

namespace zengshou::core {

std::string Money::yuan_text() const {
  std::string text;
  append_yuan_text(text);
  return text;
}

void Money::append_yuan_text(std::string& out) const {
  if (overflowed()) {
    out += "overflow";
    return;
  }
  char text[24];
  out.append(text, yuan_chars(text));
}

char* Money::yuan_chars(char* at) const {
  const int64_t magnitude = fen_ < 0 ? -fen_ : fen_;
  if (fen_ < 0) *at++ = '-';
  at = std::to_chars(at, at + 20, magnitude / 100).ptr;
  if (const int64_t cents = magnitude % 100; cents != 0) {
    *at++ = '.';
    *at++ = static_cast<char>('0' + cents / 10);
    if (cents % 10 != 0) *at++ = static_cast<char>('0' + cents % 10);
  }
  return at;
}

std::string Money::fixed_text() const {
  if (overflowed()) return "overflow";
  const int64_t magnitude = fen_ < 0 ? -fen_ : fen_;
  const int64_t cents = magnitude % 100;
  return (fen_ < 0 ? "-" : "") + std::to_string(magnitude / 100) + (cents < 10 ? ".0" : ".") + std::to_string(cents);
}

bool grew_less_than(Money now, Money before, int64_t basis_points) {
  if (now.overflowed() || before.overflowed()) return false;
  using detail::Wide;
  return (Wide{now.fen()} - before.fen()) * 10000 < Wide{basis_points} * before.fen();
}

std::optional<int64_t> yuan_to_fen(double yuan) {
  if (!std::isfinite(yuan) || std::fabs(yuan) > 9.0e15 / 100) return std::nullopt;
  const double scaled = yuan * 100.0;
  const double nearest = std::nearbyint(scaled);
  // A decimal with two places is within floating-point noise of a whole number of fen.
  if (std::fabs(scaled - nearest) > 1e-6 * std::max(1.0, std::fabs(scaled))) return std::nullopt;
  return static_cast<int64_t>(nearest);
}

std::optional<int64_t> parse_yuan_text(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view decimals = point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  if (whole.empty() || whole.size() > 13 || decimals.size() > 2 ||
      (point != std::string_view::npos && decimals.empty()))
    return std::nullopt;
  int64_t yuan = 0;
  auto [end, error] = std::from_chars(whole.data(), whole.data() + whole.size(), yuan);
  if (error != std::errc() || end != whole.data() + whole.size()) return std::nullopt;
  int64_t cents = 0;
  for (size_t i = 0; i < 2; ++i) {
    const char c = i < decimals.size() ? decimals[i] : '0';
    if (c < '0' || c > '9') return std::nullopt;
    cents = cents * 10 + (c - '0');
  }
  const int64_t fen = yuan * 100 + cents;
  return negative ? -fen : fen;
}

}  // namespace zengshou::core
