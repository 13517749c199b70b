#include "text_encoding.h"

#include <cstdint>  // the GBK table, eight-byte words
#include <cstring>  // memcpy: eight ASCII bytes at a time

namespace zengshou::formats {

namespace detail {
// GBK → Unicode, generated at build time by scripts/make_gbk_table.py: one code point per lead byte 0x81-0xFE and
// trail byte 0x40-0xFE, 0 where the pair is not a character.
extern const uint16_t gbk_to_unicode[126 * 191];
}  // namespace detail

namespace {

constexpr size_t all_valid = static_cast<size_t>(-1);

// The offset of the first byte sequence that is not well-formed UTF-8 (Unicode 15, table 3-7), or all_valid.
size_t first_invalid_utf8_offset(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {  // most of a file is ASCII: skip it eight bytes at a time
      uint64_t word = 0;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080u) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned lead = p[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    size_t length = 0;
    unsigned second_min = 0x80, second_max = 0xBF;  // the second byte's range, narrower after some leads
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) second_min = 0xA0;  // shorter forms are overlong
      if (lead == 0xED) second_max = 0x9F;  // D800-DFFF are surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) second_min = 0x90;  // overlong
      if (lead == 0xF4) second_max = 0x8F;  // above U+10FFFF
    } else {
      return i;  // a continuation byte without a lead, C0/C1 (overlong) or F5-FF
    }
    if (i + length > n || p[i + 1] < second_min || p[i + 1] > second_max) return i;
    for (size_t k = 2; k < length; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return i;
    i += length;
  }
  return all_valid;
}

// The line and column of `offset` in text that is UTF-8 up to there.
TextPlace place_of(std::string_view text, size_t offset) {
  TextPlace place;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++place.line;
      place.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++place.column;
    }
  }
  return place;
}

// Writes `code_point` (U+0080 to U+FFFF, all GBK has) as UTF-8 at `out`; returns the end.
char* put_utf8(char* out, unsigned code_point) {
  if (code_point < 0x800) {
    *out++ = static_cast<char>(0xC0 | (code_point >> 6));
  } else {
    *out++ = static_cast<char>(0xE0 | (code_point >> 12));
    *out++ = static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
  }
  *out++ = static_cast<char>(0x80 | (code_point & 0x3F));
  return out;
}

// `bytes` as UTF-8 when they are GBK as a whole and read as plausible Chinese (see decode_text), else nothing.
std::optional<std::string> plausible_gbk_to_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  std::string out(n + n / 2, '\0');  // a two-byte character becomes at most three bytes
  char* end = out.data();
  size_t characters = 0;  // two-byte characters
  size_t common = 0;      // of which GB2312 level 1 or its punctuation rows
  for (size_t i = 0; i < n;) {
    const unsigned lead = p[i];
    if (lead < 0x80) {
      if ((lead < 0x20 && lead != '\t' && lead != '\n' && lead != '\r') || lead == 0x7F) return std::nullopt;
      *end++ = static_cast<char>(lead);
      ++i;
      continue;
    }
    if (lead < 0x81 || lead > 0xFE || i + 1 == n) return std::nullopt;
    const unsigned trail = p[i + 1];
    if (trail < 0x40 || trail > 0xFE) return std::nullopt;
    const unsigned code_point = detail::gbk_to_unicode[(lead - 0x81) * 191 + (trail - 0x40)];
    if (code_point == 0) return std::nullopt;
    ++characters;
    if (trail >= 0xA1 && ((lead >= 0xB0 && lead <= 0xD7) || (lead >= 0xA1 && lead <= 0xA3))) ++common;
    end = put_utf8(end, code_point);
    i += 2;
  }
  if (common * 5 < characters * 4) return std::nullopt;
  out.resize(static_cast<size_t>(end - out.data()));
  return out;
}

}  // namespace

const char* encoding_name(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::utf8_bom:
      return "utf8_bom";
    case TextEncoding::gbk:
      return "gbk";
    default:
      return "utf8";
  }
}

bool is_utf8(std::string_view bytes) { return first_invalid_utf8_offset(bytes) == all_valid; }

std::optional<TextPlace> first_invalid_utf8(std::string_view bytes) {
  const size_t offset = first_invalid_utf8_offset(bytes);
  if (offset == all_valid) return std::nullopt;
  return place_of(bytes, offset);
}

DecodedText decode_text(std::string bytes) {
  DecodedText out;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.erase(0, 3);
    out.encoding = TextEncoding::utf8_bom;
  }
  const size_t bad = first_invalid_utf8_offset(bytes);
  if (bad != all_valid && out.encoding == TextEncoding::utf8) {
    if (auto text = plausible_gbk_to_utf8(bytes)) {
      out.text = std::move(*text);
      out.encoding = TextEncoding::gbk;
      return out;
    }
  }
  if (bad != all_valid) out.bad_utf8 = place_of(bytes, bad);
  out.text = std::move(bytes);
  return out;
}

}  // namespace zengshou::formats
