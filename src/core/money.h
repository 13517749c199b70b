// Money in integer fen (1/100 yuan), never a double, and the one place where division rounds.
#pragma once

#include <compare>      // <=>
#include <cstdint>      // int64_t
#include <optional>     // parse results
#include <string>       // formatting
#include <string_view>  // parsing

namespace zengshou::core {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money fen(int64_t fen) { return Money(fen); }
  static constexpr Money yuan(int64_t yuan) { return Money(yuan * 100); }

  constexpr int64_t fen() const { return fen_; }

  constexpr Money operator+(Money o) const { return Money(fen_ + o.fen_); }
  constexpr Money operator-(Money o) const { return Money(fen_ - o.fen_); }
  constexpr Money operator-() const { return Money(-fen_); }
  constexpr Money operator*(int64_t n) const { return Money(fen_ * n); }
  constexpr Money& operator+=(Money o) {
    fen_ += o.fen_;
    return *this;
  }
  constexpr Money& operator-=(Money o) {
    fen_ -= o.fen_;
    return *this;
  }
  constexpr auto operator<=>(const Money&) const = default;

  // This amount divided by `divisor` (> 0), rounded to the fen, halves away from zero
  // (per-capita income: 100.005 → 100.01, −100.005 → −100.01). Every division of money goes through here.
  constexpr Money divided_by(int64_t divisor) const {
    const int64_t q = fen_ / divisor;
    const int64_t r = fen_ % divisor;
    const int64_t twice = (r < 0 ? -r : r) * 2;
    if (twice >= divisor) return Money(fen_ < 0 ? q - 1 : q + 1);
    return Money(q);
  }

  // This amount times `basis_points` / 10000, rounded like divided_by (10 % of 300 yuan = 30 yuan).
  constexpr Money percent_bp(int64_t basis_points) const { return Money(fen_ * basis_points).divided_by(10000); }

  // "12345.67", "9600", "-0.5" → yuan as text, no trailing zeros after the point.
  std::string yuan_text() const;
  // "12345.67", "9600.00", "-0.50" → yuan as text with two decimals, for tables and reports.
  std::string fixed_text() const;

 private:
  constexpr explicit Money(int64_t fen) : fen_(fen) {}
  int64_t fen_ = 0;
};

constexpr Money max(Money a, Money b) { return a < b ? b : a; }
constexpr Money min(Money a, Money b) { return a < b ? a : b; }

// The largest amount an input may hold: 100 000 000 yuan (CONTRACT.md ranges).
inline constexpr int64_t max_amount_fen = int64_t{100'000'000} * 100;

// A JSON number of yuan with at most two decimals, as fen. Empty when it has more decimals or is not finite.
std::optional<int64_t> yuan_to_fen(double yuan);

// "12.34", "100", "-5.5" → fen; empty if the text is not a decimal number with at most two decimals.
std::optional<int64_t> parse_yuan_text(std::string_view text);

}  // namespace zengshou::core
