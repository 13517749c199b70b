// The one text decoder for files people open (CLI and browser alike): a file is UTF-8, with or without a byte-order
// mark, or — only when it is not UTF-8 and its bytes read as Chinese in GBK (what Excel in China saves CSV in) —
// GBK, turned into UTF-8. Anything else is handed on as it is, with the place of its first bad UTF-8 sequence; every
// reader refuses such text at that place in its own words (the CSV reader through first_invalid_utf8, the JSON
// reader through nlohmann's own check), so a UTF-8 file with one bad byte is an error, never garbled names.
#pragma once

#include <optional>     // the first bad sequence, if any
#include <string>       // decoded text
#include <string_view>  // bytes

namespace zengshou::formats {

enum class TextEncoding {
  utf8,      // UTF-8, or plain ASCII
  utf8_bom,  // UTF-8 starting with EF BB BF (Excel's "CSV UTF-8"); the mark is dropped from the text
  gbk,       // GBK (code page 936), decoded to UTF-8
};

// "utf8", "utf8_bom", "gbk".
const char* encoding_name(TextEncoding encoding);

// A place in text, both from 1; the column counts characters, as an editor shows them.
struct TextPlace {
  int line = 1;
  int column = 1;
};

// The place of the first byte sequence that is not UTF-8 (Unicode's well-formed UTF-8: no overlong forms, no
// surrogates, nothing above U+10FFFF, no sequence cut short), or nothing when all of `bytes` is UTF-8.
std::optional<TextPlace> first_invalid_utf8(std::string_view bytes);
// Whether all of `bytes` is UTF-8, as first_invalid_utf8 judges it (for a reader that checks every cell).
bool is_utf8(std::string_view bytes);

struct DecodedText {
  std::string text;  // UTF-8 without a byte-order mark; when bad_utf8 is set, the bytes after any mark, unchanged
  TextEncoding encoding = TextEncoding::utf8;  // what the bytes were read as
  std::optional<TextPlace> bad_utf8;           // neither UTF-8 nor GBK: the first bad UTF-8 sequence, after any mark
};

// Decodes a file's bytes (taken by value, so UTF-8, by far the most common, is moved through without a copy).
// GBK is chosen only when all of these hold, so that a UTF-8 file with a bad byte is not read as GBK (张三's UTF-8
// bytes read as GBK are 寮犱笁):
//  - the bytes are not UTF-8 and do not start with the UTF-8 byte-order mark;
//  - they are GBK as a whole: ASCII, or a lead byte 0x81-0xFE and a trail byte 0x40-0xFE (not 0x7F) that together
//    name a character;
//  - no control character but tab, CR and LF;
//  - they read as plausible Chinese: at least 4 in 5 of the two-byte characters are GB2312's level 1 characters
//    (the 3755 most common Han characters, lead bytes 0xB0-0xD7) or its punctuation, digit and full-width ASCII
//    rows (lead bytes 0xA1-0xA3). Real Chinese text has well over 95% of them; misread UTF-8 falls mostly in
//    GB2312 level 2 and GBK's extensions (trail bytes below 0xA1): in thousands of misread samples of this
//    project's texts, none passed 3 in 5.
// Linear in the size of the input.
DecodedText decode_text(std::string bytes);

}  // namespace zengshou::formats
