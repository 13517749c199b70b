// Input problems: where (a JSON pointer, or "line 3, column \"months\"" for CSV) and what was expected.
#pragma once

#include <string>  // where, what
#include <vector>  // every problem at once

namespace zengshou::core {

struct InputError {
  std::string where;     // "/members/1/birth_year"
  std::string expected;  // "an integer year from 1900 to 2022, got \"abc\""
};
using InputErrors = std::vector<InputError>;

// "error: /members/1/birth_year: expected an integer year …" — the CLI's one line per problem.
inline std::string error_line(const InputError& e) {
  return "error: " + (e.where.empty() ? std::string("(file)") : e.where) + ": " + e.expected;
}

// A value, or every problem found: never a half-built value.
template <typename T>
struct Parsed {
  T value{};
  InputErrors errors;
  bool ok() const { return errors.empty(); }
};

}  // namespace zengshou::core
