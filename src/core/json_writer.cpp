#include "json_writer.h"

#include <algorithm>  // max
#include <charconv>   // integers

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

// Whether none of the eight bytes in `word` needs a look: all ASCII, none below 0x20, no quote or backslash.
bool plain_ascii(uint64_t word) {
  constexpr uint64_t ones = 0x0101010101010101, highs = 0x8080808080808080;
  const auto has_zero = [](uint64_t v) { return (v - ones) & ~v & highs; };
  return ((word & highs) | ((word - 0x20 * ones) & ~word & highs) | has_zero(word ^ ('"' * ones)) |
          has_zero(word ^ ('\\' * ones))) == 0;
}

}  // namespace

void JsonWriter::grow(size_t n) {
  std::string& text = staging_;
  const size_t used = static_cast<size_t>(at_ - text.data());
  text.resize(std::max(text.size() * 2, used + n + 4096));
  at_ = text.data() + used;
  end_ = text.data() + text.size();
}

void JsonWriter::string(std::string_view text) {
  room(text.size() * 6 + 3);  // each byte at most \u00XX
  separate();
  const size_t start = static_cast<size_t>(at_ - staging_.data());  // the opening quote
  *at_++ = '"';
  size_t plain = 0;  // start of the run not yet written
  for (size_t i = 0; i < text.size();) {
    if (uint64_t word; i + 8 <= text.size() && (std::memcpy(&word, text.data() + i, 8), plain_ascii(word))) {
      i += 8;
      continue;
    }
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
      at_ = staging_.data() + start;
      const std::string replaced =
          nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      room(replaced.size());
      copy(replaced);
      return;
    }
    copy(text.substr(plain, i - plain));
    *at_++ = '\\';
    switch (b) {
      case '"':
      case '\\':
        *at_++ = static_cast<char>(b);
        break;
      case '\b':
        *at_++ = 'b';
        break;
      case '\f':
        *at_++ = 'f';
        break;
      case '\n':
        *at_++ = 'n';
        break;
      case '\r':
        *at_++ = 'r';
        break;
      case '\t':
        *at_++ = 't';
        break;
      default: {
        constexpr char hex[] = "0123456789abcdef";
        copy("u00");
        *at_++ = hex[b >> 4];
        *at_++ = hex[b & 15];
      }
    }
    plain = ++i;
  }
  copy(text.substr(plain));
  *at_++ = '"';
}

void JsonWriter::integer(int64_t value) {
  room(24);
  separate();
  at_ = std::to_chars(at_, at_ + 21, value).ptr;
}

void JsonWriter::money(Money amount) {
  const int64_t fen = amount.fen();
  if (fen % 100 == 0) return integer(fen / 100);
  // Fifteen digits or fewer are the double's shortest form too; anything larger (an overflow marker) goes the
  // double's way, as yuan_json sends it.
  if (fen > -1'000'000'000'000'000 && fen < 1'000'000'000'000'000) {
    room(28);
    separate();
    at_ = amount.yuan_chars(at_);
  } else {
    put(nlohmann::json(static_cast<double>(fen) / 100.0).dump());
  }
}

}  // namespace zengshou::core
