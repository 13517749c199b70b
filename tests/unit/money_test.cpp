// Money is integer fen; per-capita division rounds half away from zero, in one place (issue 3, item 2).
#include <doctest/doctest.h>

#include "core/money.h"

using zengshou::core::Money;

TEST_CASE("per-capita division rounds half up to the fen") {
  CHECK_EQ(Money::fen(10001).divided_by(2).fen(), 5001);    // 50.005 → 50.01
  CHECK_EQ(Money::fen(10000).divided_by(3).fen(), 3333);    // 33.333… → 33.33
  CHECK_EQ(Money::fen(20000).divided_by(3).fen(), 6667);    // 66.666… → 66.67
  CHECK_EQ(Money::fen(-10001).divided_by(2).fen(), -5001);  // halves away from zero
  CHECK_EQ(Money::fen(-20000).divided_by(3).fen(), -6667);
  CHECK_EQ(Money::fen(7).divided_by(1).fen(), 7);
}

TEST_CASE("percentages of money round like division: 10% of 300 yuan is 30 yuan; 10% of 0.05 is 0.01") {
  CHECK_EQ(Money::yuan(300).percent_bp(1000), Money::yuan(30));
  CHECK_EQ(Money::fen(5).percent_bp(1000).fen(), 1);  // 0.5 fen → 1 fen
  CHECK_EQ(Money::yuan(10000).percent_bp(11800), Money::yuan(11800));
}

TEST_CASE("yuan from JSON numbers: at most two decimals, finite") {
  using zengshou::core::yuan_to_fen;
  CHECK_EQ(yuan_to_fen(12.34).value(), 1234);
  CHECK_EQ(yuan_to_fen(0.29).value(), 29);  // 0.29 × 100 = 28.999… in binary
  CHECK_EQ(yuan_to_fen(100000000).value(), 10000000000);
  CHECK_FALSE(yuan_to_fen(12.345).has_value());
  CHECK_FALSE(yuan_to_fen(1.0 / 0.0).has_value());
  CHECK_FALSE(yuan_to_fen(0.0 / 0.0).has_value());
}

TEST_CASE("yuan from text (CSV cells, --set values)") {
  using zengshou::core::parse_yuan_text;
  CHECK_EQ(parse_yuan_text("800").value(), 80000);
  CHECK_EQ(parse_yuan_text("12.5").value(), 1250);
  CHECK_EQ(parse_yuan_text("-3.07").value(), -307);
  CHECK_FALSE(parse_yuan_text("1.234").has_value());
  CHECK_FALSE(parse_yuan_text("1e3").has_value());
  CHECK_FALSE(parse_yuan_text("").has_value());
  CHECK_FALSE(parse_yuan_text("12.").has_value());
  CHECK_FALSE(parse_yuan_text("abc").has_value());
}

TEST_CASE("yuan as text drops trailing zeros") {
  CHECK_EQ(Money::fen(960000).yuan_text(), "9600");
  CHECK_EQ(Money::fen(1250).yuan_text(), "12.5");
  CHECK_EQ(Money::fen(1207).yuan_text(), "12.07");
  CHECK_EQ(Money::fen(-50).yuan_text(), "-0.5");
}
