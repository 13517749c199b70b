#include "json_reading.h"

#include <charconv>  // from_chars
#include <cstdio>    // snprintf

namespace zengshou::core {

std::optional<int> parse_iso_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  const char* p = text.data();
  if (std::from_chars(p, p + 4, y).ptr != p + 4 || std::from_chars(p + 5, p + 7, m).ptr != p + 7 ||
      std::from_chars(p + 8, p + 10, d).ptr != p + 10)
    return std::nullopt;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return std::nullopt;
  const bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
  constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > month_days[m - 1] + (m == 2 && leap ? 1 : 0)) return std::nullopt;  // 2024-02-30 is no day
  return y * 10000 + m * 100 + d;
}

std::string iso_month_text(int yyyymm) { return iso_date_text(yyyymm * 100 + 1).substr(0, 7); }

std::string iso_date_text(int yyyymmdd) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
  return text;
}

using nlohmann::json;

std::pair<int, int> read_years(const json& value, const std::string& at, InputErrors& errors) {
  const auto calendar_year = [](const json& y) {
    return y.is_number_integer() && y.get<int64_t>() >= 1900 && y.get<int64_t>() <= 2100;
  };
  if (!value.is_array() || value.size() != 2 || !calendar_year(value[0]) || !calendar_year(value[1]) ||
      value[0].get<int>() > value[1].get<int>()) {
    const bool short_array = value.is_array() && value.size() <= 4;  // shown whole: [2025, 2023]
    errors.push_back(
        {at, "expected [first, last] calendar years from 1900 to 2100, got " +
                 (short_array ? value.dump(-1, ' ', false, json::error_handler_t::replace) : describe(value))});
    return {0, 0};
  }
  return {value[0].get<int>(), value[1].get<int>()};
}

json yuan_json(Money m) {
  if (m.fen() % 100 == 0) return m.fen() / 100;
  return static_cast<double>(m.fen()) / 100.0;
}

namespace {

struct ErrorLocator : nlohmann::json_sax<json> {
  size_t position = 0;
  std::string message;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& e) override {
    position = byte;
    message = e.what();
    return false;
  }
};

// "line 3, column 14" of the byte at `offset`, counting UTF-8 characters.
std::string text_place(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// The offset of the bracket that opens a level deeper than max_json_depth, if any. Nothing the program reads
// nests deeper than a few levels, and writing or comparing a deeper document recurses once a level.
std::optional<size_t> too_deep(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_json_depth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<json> parse_json_text(std::string_view text, const std::string& what, InputErrors& errors,
                                    const json::parser_callback_t& callback) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    errors.push_back({"line 1, column 1", "expected " + what + " in UTF-8; this text is UTF-16 (save it as UTF-8)"});
    return std::nullopt;
  }
  if (const auto deep = too_deep(text)) {
    errors.push_back({text_place(text, *deep),
                      "expected " + what + " nested at most " + std::to_string(max_json_depth) + " levels deep"});
    return std::nullopt;
  }
  json doc = json::parse(text, callback, false);
  if (!doc.is_discarded()) return doc;
  // Where the syntax error is, found without exceptions (the WebAssembly build has none): a SAX pass that
  // remembers what nlohmann reports. It reports the byte after the one it choked on.
  ErrorLocator locator;
  json::sax_parse(text, &locator, nlohmann::detail::input_format_t::json, false);
  const size_t end = locator.position == 0 ? 0 : locator.position - 1;
  const char* why = locator.message.find("UTF-8") != std::string::npos      ? "; the text is not valid UTF-8"
                    : locator.message.find("overflow") != std::string::npos ? "; a number is too large"
                                                                            : "; the text is not valid JSON";
  errors.push_back({text_place(text, end), "expected " + what + why});
  return std::nullopt;
}

std::string json_pointer_escape(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string describe(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string: {
      const auto& s = value.get_ref<const std::string&>();
      // Quote short strings whole; cut long ones on a UTF-8 boundary.
      if (s.size() <= 40) return json(s).dump(-1, ' ', false, json::error_handler_t::replace);
      size_t cut = 40;
      while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
      return json(s.substr(0, cut) + "…").dump(-1, ' ', false, json::error_handler_t::replace);
    }
    default:
      return value.dump();
  }
}

const json* JsonReader::find(const json& object, const std::string& at, const char* key, bool required) {
  if (!object.is_object()) return nullptr;  // the caller already reported the parent
  const auto it = object.find(key);
  if (it == object.end() || (it->is_null() && !required)) {
    if (required) error(at + "/" + key, "expected this required field");
    return nullptr;
  }
  return &*it;
}

std::string JsonReader::string_field(const json& object, const std::string& at, const char* key, bool required) {
  const json* v = find(object, at, key, required);
  if (v == nullptr) return {};
  if (!v->is_string()) {
    error(at + "/" + key, "expected a string, got " + describe(*v));
    return {};
  }
  return v->get<std::string>();
}

const json* JsonReader::object_field(const json& object, const std::string& at, const char* key, bool required) {
  const json* v = find(object, at, key, required);
  if (v != nullptr && !v->is_object()) {
    error(at + "/" + key, "expected an object, got " + describe(*v));
    return nullptr;
  }
  return v;
}

const json* JsonReader::array_field(const json& object, const std::string& at, const char* key, bool required) {
  const json* v = find(object, at, key, required);
  if (v != nullptr && !v->is_array()) {
    error(at + "/" + key, "expected an array, got " + describe(*v));
    return nullptr;
  }
  return v;
}

std::optional<int> JsonReader::int_field(const json& object, const std::string& at, const char* key, bool required,
                                         int min, int max, int fallback) {
  const json* v = find(object, at, key, required);
  if (v == nullptr) return required ? std::nullopt : std::optional<int>(fallback);
  if (v->is_number_integer() && v->get<int64_t>() >= min && v->get<int64_t>() <= max)
    return static_cast<int>(v->get<int64_t>());
  error(at + "/" + key,
        "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", got " + describe(*v));
  return std::nullopt;
}

bool JsonReader::bool_field(const json& object, const std::string& at, const char* key) {
  const json* v = find(object, at, key, false);
  if (v == nullptr) return false;
  if (!v->is_boolean()) {
    error(at + "/" + key, "expected true or false, got " + describe(*v));
    return false;
  }
  return v->get<bool>();
}

Money JsonReader::money_field(const json& object, const std::string& at, const char* key, bool required) {
  const json* v = find(object, at, key, required);
  if (v == nullptr) return {};
  if (v->is_number()) {
    const auto fen = yuan_to_fen(v->get<double>());
    if (fen && *fen >= 0 && *fen <= max_amount_fen) return Money::fen(*fen);
  }
  error(at + "/" + key,
        "expected an amount in yuan from 0 to 100000000 with at most two decimals, got " + describe(*v));
  return {};
}

int64_t JsonReader::percent_field(const json& object, const std::string& at, const char* key, bool required) {
  const json* v = find(object, at, key, required);
  if (v == nullptr) return 0;
  if (v->is_number()) {
    const auto hundredths = yuan_to_fen(v->get<double>());  // the same two-decimal rule as yuan
    if (hundredths && *hundredths >= 0 && *hundredths <= 10000) return *hundredths;
  }
  error(at + "/" + key, "expected a percentage from 0 to 100 with at most two decimals, got " + describe(*v));
  return 0;
}

}  // namespace zengshou::core
