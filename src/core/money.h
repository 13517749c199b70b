// Money in integer fen (1/100 yuan), never a double, and the one place where division rounds. Every sum, difference
// and product is checked: an amount past ±Money::limit_fen becomes "overflowed", stays so through all arithmetic
// after it, and is never shown as a figure (Result::overflow, VillageSummary::overflow say where it happened).
#pragma once

#include <compare>      // <=>
#include <cstdint>      // int64_t, INT64_MIN
#include <optional>     // parse results
#include <string>       // formatting
#include <string_view>  // parsing

namespace zengshou::core {

namespace detail {
__extension__ using Wide = __int128;  // exact products of an amount and a count, before a division
}  // namespace detail

class Money {
 public:
  // The largest amount, ±10^13 yuan: far past any household's or county's (an input is at most 10^8 yuan), and
  // below 2^53 fen, so every amount within it is exact as a JSON number (a double) and the same in WebAssembly.
  static constexpr int64_t limit_fen = 1'000'000'000'000'000;

  constexpr Money() = default;
  static constexpr Money fen(int64_t fen) { return within(fen); }
  static constexpr Money yuan(int64_t yuan) { return within(yuan) * 100; }
  static constexpr Money overflow() { return Money(overflow_fen); }

  constexpr bool overflowed() const { return fen_ == overflow_fen; }
  constexpr int64_t fen() const { return fen_; }  // no amount when overflowed(): check that first

  constexpr Money operator+(Money o) const {
    int64_t sum = 0;
    return __builtin_add_overflow(fen_, o.fen_, &sum) ? overflow() : within(sum);  // overflow() stays past the limit
  }
  constexpr Money operator-(Money o) const {
    int64_t difference = 0;
    return __builtin_sub_overflow(fen_, o.fen_, &difference) ? overflow() : within(difference);
  }
  constexpr Money operator-() const { return Money() - *this; }
  constexpr Money operator*(int64_t n) const {
    int64_t product = 0;
    return overflowed() || __builtin_mul_overflow(fen_, n, &product) ? overflow() : within(product);
  }
  constexpr Money& operator+=(Money o) { return *this = *this + o; }
  constexpr Money& operator-=(Money o) { return *this = *this - o; }
  constexpr auto operator<=>(const Money&) const = default;

  // This amount divided by `divisor` (> 0), rounded to the fen, halves away from zero
  // (per-capita income: 100.005 → 100.01, −100.005 → −100.01). Every division of money goes through here.
  constexpr Money divided_by(int64_t divisor) const {
    return overflowed() ? *this : Money(rounded_quotient(fen_, divisor));
  }

  // This amount × numerator ÷ denominator (> 0), rounded like divided_by. The product is exact (in 128 bits when it
  // does not fit 64), so this overflows only when the result does: 10^8 mu × 10^8 yuan a mu ÷ 100 centimu.
  constexpr Money scaled(int64_t numerator, int64_t denominator) const {
    int64_t product = 0;
    if (overflowed()) return *this;
    if (!__builtin_mul_overflow(fen_, numerator, &product)) return within(rounded_quotient(product, denominator));
    const detail::Wide quotient = rounded_quotient<detail::Wide>(detail::Wide{fen_} * numerator, denominator);
    return quotient < -limit_fen || quotient > limit_fen ? overflow() : Money(static_cast<int64_t>(quotient));
  }

  // This amount times `basis_points` / 10000, rounded like divided_by (10 % of 300 yuan = 30 yuan).
  constexpr Money percent_bp(int64_t basis_points) const { return scaled(basis_points, 10000); }

  // "12345.67", "9600", "-0.5" → yuan as text, no trailing zeros after the point; "overflow" when overflowed.
  std::string yuan_text() const;
  // The same, appended to `out` (no string made: results write it by the million).
  void append_yuan_text(std::string& out) const;
  // The same, written at `at` (room for 24 bytes; not overflowed): where it ends.
  char* yuan_chars(char* at) const;
  // "12345.67", "9600.00", "-0.50" → yuan as text with two decimals, for tables and reports; "overflow" likewise.
  std::string fixed_text() const;

 private:
  static constexpr int64_t overflow_fen = INT64_MIN;  // past the limit, so any sum or difference with it is too

  constexpr explicit Money(int64_t fen) : fen_(fen) {}
  static constexpr Money within(int64_t fen) { return fen < -limit_fen || fen > limit_fen ? overflow() : Money(fen); }
  // n ÷ d (d > 0), halves away from zero.
  template <typename Int>
  static constexpr Int rounded_quotient(Int n, Int d) {
    const Int q = n / d;
    const Int r = n % d;
    if ((r < 0 ? -r : r) >= d - (r < 0 ? -r : r)) return n < 0 ? q - 1 : q + 1;  // twice the remainder ≥ d
    return q;
  }

  int64_t fen_ = 0;
};

// The larger and smaller amount; overflowed when either is.
constexpr Money max(Money a, Money b) { return a.overflowed() || b.overflowed() ? Money::overflow() : a < b ? b : a; }
constexpr Money min(Money a, Money b) { return a.overflowed() || b.overflowed() ? Money::overflow() : a < b ? a : b; }

// Whether `now` is less than `basis_points` above `before` (> 0): (now − before) × 10000 < basis_points × before,
// exactly and with no division (growth below a target). False when either amount overflowed.
bool grew_less_than(Money now, Money before, int64_t basis_points);

// The largest amount an input may hold: 100 000 000 yuan (CONTRACT.md ranges).
inline constexpr int64_t max_amount_fen = int64_t{100'000'000} * 100;

// A JSON number of yuan with at most two decimals, as fen. Empty when it has more decimals or is not finite.
std::optional<int64_t> yuan_to_fen(double yuan);

// "12.34", "100", "-5.5" → fen; empty if the text is not a decimal number with at most two decimals.
std::optional<int64_t> parse_yuan_text(std::string_view text);

}  // namespace zengshou::core
