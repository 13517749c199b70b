#include "json_writer.h"

#include <charconv>  // integers

#include <nlohmann/json.hpp>

namespace zengshou::core {
namespace {

// The length of the valid UTF-8 sequence at text[i], or 0 when it is not one (RFC 3629: no overlongs, surrogates or
// code points past U+10FFFF), as nlohmann's serializer judges it.
size_t utf8_length(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = byte(i);
  const auto tail = [&](size_t k, unsigned char low = 0x80, unsigned char high = 0xBF) {
    return i + k < text.size() && byte(i + k) >= low && byte(i + k) <= high;
  };
  if (b >= 0xC2 && b <= 0xDF) return tail(1) ? 2 : 0;
  if (b == 0xE0) return tail(1, 0xA0) && tail(2) ? 3 : 0;
  if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) return tail(1) && tail(2) ? 3 : 0;
  if (b == 0xED) return tail(1, 0x80, 0x9F) && tail(2) ? 3 : 0;
  if (b == 0xF0) return tail(1, 0x90) && tail(2) && tail(3) ? 4 : 0;
  if (b >= 0xF1 && b <= 0xF3) return tail(1) && tail(2) && tail(3) ? 4 : 0;
  if (b == 0xF4) return tail(1, 0x80, 0x8F) && tail(2) && tail(3) ? 4 : 0;
  return 0;
}

}  // namespace

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  out_ += '"';
  out_ += name;
  out_ += "\":";
  after_value_ = false;
  return *this;
}

void JsonWriter::string(std::string_view text) {
  separate();
  out_ += '"';
  size_t plain = 0;  // start of the run not yet written
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0x20 && b < 0x80 && b != '"' && b != '\\') {
      ++i;
      continue;
    }
    if (b >= 0x80) {
      if (const size_t n = utf8_length(text, i); n != 0) {
        i += n;
        continue;
      }
      // Broken UTF-8 is rare (a name from a damaged file): nlohmann's own replacement writes it.
      out_.resize(out_.size() - 1);
      out_ += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
    }
    out_.append(text, plain, i - plain);
    switch (b) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default: {
        constexpr char hex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += hex[b >> 4];
        out_ += hex[b & 15];
      }
    }
    plain = ++i;
  }
  out_.append(text, plain);
  out_ += '"';
}

void JsonWriter::null() {
  separate();
  out_ += "null";
}

void JsonWriter::boolean(bool value) {
  separate();
  out_ += value ? "true" : "false";
}

void JsonWriter::integer(int64_t value) {
  separate();
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out_.append(digits, end);
}

void JsonWriter::money(Money amount) {
  const int64_t fen = amount.fen();
  if (fen % 100 == 0) return integer(fen / 100);
  separate();
  // Fifteen digits or fewer are the double's shortest form too; anything larger (an overflow marker) goes the
  // double's way, as yuan_json sends it.
  if (fen > -1'000'000'000'000'000 && fen < 1'000'000'000'000'000)
    out_ += amount.yuan_text();
  else
    out_ += nlohmann::json(static_cast<double>(fen) / 100.0).dump();
}

void JsonWriter::raw(std::string_view json) {
  separate();
  out_ += json;
}

void JsonWriter::open(char bracket) {
  separate();
  out_ += bracket;
  after_value_ = false;
}

void JsonWriter::close(char bracket) {
  out_ += bracket;
  after_value_ = true;
}

void JsonWriter::separate() {
  if (after_value_) out_ += ',';
  after_value_ = true;
}

}  // namespace zengshou::core
