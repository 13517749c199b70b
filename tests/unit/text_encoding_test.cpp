// The text decoder (formats/text_encoding.h): UTF-8 with or without a BOM, GBK only when the bytes are not UTF-8 and
// plainly read as Chinese in GBK, and the place of a bad UTF-8 sequence; then the command line reading a GBK roster.
// Byte strings are written by hand: 张 is E5 BC A0 in UTF-8 and D5 C5 in GBK, 三 is E4 B8 89 and C8 FD.
#include <doctest/doctest.h>

#include <fstream>  // a GBK roster file
#include <string>

#include <nlohmann/json.hpp>

#include "cli_run.h"
#include "formats/text_encoding.h"

namespace {

using zengshou::formats::decode_text;
using zengshou::formats::first_invalid_utf8;
using zengshou::formats::TextEncoding;

const std::string zhang_san_utf8 = "\xE5\xBC\xA0\xE4\xB8\x89";  // 张三
const std::string zhang_san_gbk = "\xD5\xC5\xC8\xFD";           // 张三

}  // namespace

TEST_CASE("UTF-8 is read as it is, with or without its byte-order mark") {
  auto plain = decode_text("name\n" + zhang_san_utf8 + "\n");
  CHECK_EQ(plain.encoding, TextEncoding::utf8);
  CHECK_EQ(plain.text, "name\n" + zhang_san_utf8 + "\n");
  CHECK_FALSE(plain.bad_utf8);

  auto marked = decode_text("\xEF\xBB\xBF" + zhang_san_utf8);
  CHECK_EQ(marked.encoding, TextEncoding::utf8_bom);
  CHECK_EQ(marked.text, zhang_san_utf8);  // the mark is dropped
  CHECK_FALSE(marked.bad_utf8);

  auto empty = decode_text("");
  CHECK_EQ(empty.encoding, TextEncoding::utf8);
  CHECK_EQ(empty.text, "");
  CHECK_FALSE(empty.bad_utf8);

  auto only_mark = decode_text("\xEF\xBB\xBF");
  CHECK_EQ(only_mark.encoding, TextEncoding::utf8_bom);
  CHECK_EQ(only_mark.text, "");
}

TEST_CASE("GBK Chinese is decoded to UTF-8") {
  auto name = decode_text(zhang_san_gbk);
  CHECK_EQ(name.encoding, TextEncoding::gbk);
  CHECK_EQ(name.text, zhang_san_utf8);
  CHECK_FALSE(name.bad_utf8);

  // A CSV line as Excel saves it: ASCII, CRLF, a full-width comma (A3 AC → U+FF0C, EF BC 8C) and 张三.
  auto row = decode_text("id,head\r\nC-1," + zhang_san_gbk + "\xA3\xAC\r\n");
  CHECK_EQ(row.encoding, TextEncoding::gbk);
  CHECK_EQ(row.text, "id,head\r\nC-1," + zhang_san_utf8 + "\xEF\xBC\x8C\r\n");
}

TEST_CASE("UTF-8 with a bad byte is not read as GBK: 张三 misread would be 寮犱笁") {
  // 张三 in UTF-8 then C0 A1 (GBK's 馈, never UTF-8): GBK as a whole, but 寮 (E5 BC) is GB2312 level 2, 犱 (A0 E4)
  // and 笁 (B8 89) are GBK extensions: one common character in four.
  const std::string bytes = zhang_san_utf8 + "\xC0\xA1";
  auto d = decode_text(bytes);
  CHECK_EQ(d.encoding, TextEncoding::utf8);
  CHECK_EQ(d.text, bytes);  // handed on unchanged, for the reader to refuse
  REQUIRE(d.bad_utf8);
  CHECK_EQ(d.bad_utf8->line, 1);
  CHECK_EQ(d.bad_utf8->column, 3);  // after two characters

  // Four in five common characters are enough (张三张三 + 寮), three in five are not (张三张 + 寮寮).
  CHECK_EQ(decode_text(zhang_san_gbk + zhang_san_gbk + "\xE5\xBC").encoding, TextEncoding::gbk);
  CHECK_EQ(decode_text(zhang_san_gbk + "\xD5\xC5\xE5\xBC\xE5\xBC").encoding, TextEncoding::utf8);
}

TEST_CASE("a bad UTF-8 sequence is placed by line and column") {
  auto d = decode_text("a,b\nc,d\n" + zhang_san_utf8 + ",\xFF\n");
  REQUIRE(d.bad_utf8);
  CHECK_EQ(d.bad_utf8->line, 3);
  CHECK_EQ(d.bad_utf8->column, 4);  // 张, 三, the comma, then the byte

  // After a byte-order mark the place is in the text without it, and GBK is never tried.
  auto marked = decode_text("\xEF\xBB\xBF" + zhang_san_gbk);
  CHECK_EQ(marked.encoding, TextEncoding::utf8_bom);
  CHECK_EQ(marked.text, zhang_san_gbk);
  REQUIRE(marked.bad_utf8);
  CHECK_EQ(marked.bad_utf8->column, 1);

  // Not UTF-8 by Unicode's rules: overlong forms, surrogates, beyond U+10FFFF, cut short, a stray continuation.
  for (const std::string bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE5\xBC", "\x80"}) {
    CAPTURE(bad);
    const auto place = first_invalid_utf8("ok " + bad);
    REQUIRE(place);
    CHECK_EQ(place->column, 4);
  }
  // The largest forms of each length are UTF-8.
  CHECK_FALSE(first_invalid_utf8("\x7F\xDF\xBF\xEF\xBF\xBF\xF4\x8F\xBF\xBF"));
  // A bad byte past a run of ASCII long enough for the eight-at-a-time path, and in its last bytes.
  CHECK_EQ(first_invalid_utf8(std::string(20, 'a') + "\xFF")->column, 21);
  CHECK_EQ(first_invalid_utf8(std::string(16, 'a') + "\xFF")->column, 17);
}

TEST_CASE("bytes that are not GBK as a whole, or hold control characters, are not read as GBK") {
  // A NUL (or any control but tab, CR, LF) in otherwise good GBK.
  auto nul = decode_text(zhang_san_gbk + std::string("\0", 1));
  CHECK_EQ(nul.encoding, TextEncoding::utf8);
  REQUIRE(nul.bad_utf8);
  CHECK_EQ(nul.bad_utf8->column, 1);
  CHECK_EQ(decode_text(zhang_san_gbk + "\x1B").encoding, TextEncoding::utf8);
  CHECK_EQ(decode_text(zhang_san_gbk + "\x7F").encoding, TextEncoding::utf8);
  CHECK_EQ(decode_text(zhang_san_gbk + "\t\r\n").encoding, TextEncoding::gbk);
  // A lead byte at the end, a trail byte out of range, 0x80 and 0xFF, a pair that names no character (A1 40 is
  // user-defined), UTF-16's byte-order marks.
  for (const std::string& bad :
       {zhang_san_gbk + "\xD5", zhang_san_gbk + "\xD5\x20", zhang_san_gbk + "\x80", zhang_san_gbk + "\xFF",
        zhang_san_gbk + "\xA1\x40", std::string("\xFF\xFE") + "a", std::string("\xFE\xFF") + "a"}) {
    CAPTURE(bad);
    const auto d = decode_text(bad);
    CHECK_EQ(d.encoding, TextEncoding::utf8);
    CHECK_EQ(d.text, bad);
    CHECK(d.bad_utf8);
  }
}

TEST_CASE("a 9 MB roster decodes whole, in GBK and in UTF-8") {
  std::string gbk, utf8;
  for (int i = 0; i < 600000; ++i) {
    gbk += "C-1," + zhang_san_gbk + ",2022\r\n";  // 15 bytes
    utf8 += "C-1," + zhang_san_utf8 + ",2022\r\n";
  }
  const auto from_gbk = decode_text(gbk);
  CHECK_EQ(from_gbk.encoding, TextEncoding::gbk);
  CHECK_EQ(from_gbk.text, utf8);
  CHECK_EQ(decode_text(utf8).text.size(), utf8.size());
}

TEST_CASE("the command line reads a GBK roster, and refuses UTF-8 with a bad byte at its line") {
  // One household as Excel in China saves it: Chinese headers and values in GBK. 户编号,户主,年度,户类别,姓名,出生年份
  // / C-1,张三,2022,脱贫户,张三,1975.
  const std::string header =
      "\xBB\xA7\xB1\xE0\xBA\xC5,\xBB\xA7\xD6\xF7,\xC4\xEA\xB6\xC8,\xBB\xA7\xC0\xE0\xB1\xF0,"
      "\xD0\xD5\xC3\xFB,\xB3\xF6\xC9\xFA\xC4\xEA\xB7\xDD\r\n";
  const std::string row = "C-1," + zhang_san_gbk + ",2022,\xCD\xD1\xC6\xB6\xBB\xA7," + zhang_san_gbk + ",1975\r\n";
  const std::string file = std::string(ZENGSHOU_TEST_TMP) + "/gbk-roster.csv";
  std::ofstream(file, std::ios::binary) << header << row;
  const zengshou::test::Run r = zengshou::test::run_cli("batch --policy yunnan/changning " + file);
  CHECK_EQ(r.err, "");
  REQUIRE_EQ(r.status, 0);
  const auto result = nlohmann::json::parse(r.out);
  CHECK_EQ(result["household"], "C-1");
  CHECK_EQ(result["size"], 1);

  // The same roster in UTF-8 with one bad byte on line 2: refused, not read as GBK.
  const zengshou::test::Run bad = zengshou::test::run_cli(
      "batch --policy yunnan/changning -",
      "household_id,head,year,category,name,birth_year\nC-1," + zhang_san_utf8 + "\xC0\xA1,2022,tuopin,x,1975\n");
  CHECK_EQ(bad.status, 2);
  CHECK(bad.out.empty());
  CHECK_EQ(bad.err, "error: line 2: expected UTF-8 text (save the spreadsheet as CSV UTF-8)\n");
}
