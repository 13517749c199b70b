// Reading typed fields out of JSON while collecting every problem with its JSON pointer, and writing amounts.
// Shared by the household, policy and result code.
#pragma once

#include <array>        // enum name tables
#include <optional>     // absent or wrong fields
#include <string>       // pointers, messages
#include <string_view>  // keys, names
#include <utility>      // year pairs

#include <nlohmann/json.hpp>

#include "error.h"
#include "money.h"

namespace zengshou::core {

// Amounts as JSON numbers of yuan: whole yuan as integers, otherwise two decimals at most.
nlohmann::json yuan_json(Money amount);

// The deepest nesting of arrays and objects a JSON input may have (a household file needs five levels).
constexpr int max_json_depth = 64;

// Parses JSON text; on a syntax error, UTF-16 text or nesting deeper than max_json_depth records one problem at its
// line and column ("line 3, column 14").
// `callback` (nlohmann's parser callback) may read values as they complete and drop them from the document.
std::optional<nlohmann::json> parse_json_text(std::string_view text, const std::string& what, InputErrors& errors,
                                              const nlohmann::json::parser_callback_t& callback = nullptr);

// "2022-01-01" → 20220101; empty when malformed, no calendar day (2023-02-29) or out of 1900–2100.
std::optional<int> parse_iso_date(const std::string& text);

// 20220101 → "2022-01-01".
std::string iso_date_text(int yyyymmdd);
// 202205 → "2022-05".
std::string iso_month_text(int yyyymm);

// [first, last] calendar years from 1900 to 2100 at `at`, as a policy or document file writes them; {0, 0} with the
// problem recorded when malformed.
std::pair<int, int> read_years(const nlohmann::json& value, const std::string& at, InputErrors& errors);

// "a/b~c" → "a~1b~0c" (RFC 6901).
std::string json_pointer_escape(std::string_view key);

// What a JSON value is, for "got …" in messages: "\"abc\"", "-5", "null", "an object", …
std::string describe(const nlohmann::json& value);

class JsonReader {
 public:
  explicit JsonReader(InputErrors& errors) : errors_(errors) {}

  // Each reads `key` of `object` (at pointer `at`); a missing required field, or a present field of the wrong
  // type or range, is recorded as an error and yields an empty or default value.
  std::string string_field(const nlohmann::json& object, const std::string& at, const char* key, bool required);
  const nlohmann::json* object_field(const nlohmann::json& object, const std::string& at, const char* key,
                                     bool required);
  const nlohmann::json* array_field(const nlohmann::json& object, const std::string& at, const char* key,
                                    bool required);
  std::optional<int> int_field(const nlohmann::json& object, const std::string& at, const char* key, bool required,
                               int min, int max, int fallback = 0);
  bool bool_field(const nlohmann::json& object, const std::string& at, const char* key);
  Money money_field(const nlohmann::json& object, const std::string& at, const char* key, bool required = false);
  // A percentage 0–100 with at most two decimals, in basis points (3.45 → 345).
  int64_t percent_field(const nlohmann::json& object, const std::string& at, const char* key, bool required = false);

  template <size_t N>
  std::optional<size_t> enum_field(const nlohmann::json& object, const std::string& at, const char* key,
                                   const std::array<std::string_view, N>& names, bool required) {
    const nlohmann::json* v = find(object, at, key, required);
    if (v == nullptr) return std::nullopt;
    if (v->is_string()) {
      const std::string& s = v->get_ref<const std::string&>();
      for (size_t i = 0; i < N; ++i)
        if (names[i] == s) return i;
    }
    std::string list;
    for (size_t i = 0; i < N; ++i) list += (i ? ", " : "") + std::string(names[i]);
    error(at + "/" + key, "expected one of " + list + ", got " + describe(*v));
    return std::nullopt;
  }

  void error(std::string where, std::string expected) { errors_.push_back({std::move(where), std::move(expected)}); }

 private:
  const nlohmann::json* find(const nlohmann::json& object, const std::string& at, const char* key, bool required);

  InputErrors& errors_;
};

}  // namespace zengshou::core
