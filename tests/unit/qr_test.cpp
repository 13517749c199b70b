// The QR code encoder (formats/qr.h) against ISO/IEC 18004 and its worked examples: Reed–Solomon, format and
// version information, capacities, the function patterns of a finished symbol, and a round trip through a minimal
// reader written here from the standard (its own function-module map, unmasking, zig-zag reading, de-interleaving,
// Reed–Solomon syndromes and byte-mode parsing), so that a wrong table or placement in the encoder shows up.
#include <doctest/doctest.h>

#include <algorithm>  // max, min
#include <cstdint>
#include <cstdlib>  // abs
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/qr.h"

namespace {

using zengshou::formats::encode_qr;
using zengshou::formats::qr_format_bits;
using zengshou::formats::qr_penalty;
using zengshou::formats::qr_version_bits;
using zengshou::formats::QrCode;
using zengshou::formats::QrLevel;
using zengshou::formats::reed_solomon_remainder;

// ISO/IEC 18004 Annex E, Table E.1: the rows and columns of the alignment patterns' centres, for the versions used.
const std::map<int, std::vector<int>> alignment_centres = {
    {1, {}},
    {2, {6, 18}},
    {4, {6, 26}},
    {7, {6, 22, 38}},
    {8, {6, 24, 42}},
    {10, {6, 28, 50}},
    {20, {6, 34, 62, 90}},
    {21, {6, 28, 50, 72, 94}},
    {32, {6, 34, 60, 86, 112, 138}},
    {40, {6, 30, 58, 86, 114, 142, 170}},
};

// ISO/IEC 18004 Table 9, for the symbols used: the groups of blocks, each as the table writes it, "count (c, k)":
// how many blocks, the codewords of each, the data codewords of each.
struct BlockGroup {
  int count;
  int codewords;
  int data;
};
const std::map<std::pair<int, QrLevel>, std::vector<BlockGroup>> block_groups = {
    {{1, QrLevel::medium}, {{1, 26, 16}}},
    {{2, QrLevel::medium}, {{1, 44, 28}}},
    {{4, QrLevel::medium}, {{2, 50, 32}}},
    {{7, QrLevel::low}, {{2, 98, 78}}},
    {{8, QrLevel::quartile}, {{4, 40, 18}, {2, 41, 19}}},
    {{10, QrLevel::high}, {{6, 43, 15}, {2, 44, 16}}},
    {{20, QrLevel::medium}, {{3, 67, 41}, {13, 68, 42}}},
    {{21, QrLevel::medium}, {{17, 68, 42}}},
    {{32, QrLevel::quartile}, {{10, 54, 24}, {35, 55, 25}}},
    {{40, QrLevel::low}, {{19, 148, 118}, {6, 149, 119}}},
};

// A share link's shape: an address, then base64url-like characters.
std::string url_like(size_t length) {
  constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string text = "https://zengshou.example/#share=";
  uint32_t state = 12345;
  while (text.size() < length) {
    state = state * 1103515245u + 12345u;
    text += alphabet[(state >> 16) % alphabet.size()];
  }
  text.resize(length);
  return text;
}

// Function modules, from the standard's layout: finder patterns with separators in three 8 × 8 corners, the timing
// row and column 6, alignment patterns but where they would overlap a finder, format information beside the finders
// (with the dark module), version information from version 7.
bool is_function_module(int version, int x, int y) {
  const int size = 17 + 4 * version;
  const auto near = [size](int i) { return i < 8 || i >= size - 8; };
  const auto near_format = [size](int i) { return i <= 8 || i >= size - 8; };
  if ((x < 8 || y < 8) && near(x) && near(y)) return true;
  if (x == 6 || y == 6) return true;
  const auto& centres = alignment_centres.at(version);
  for (int cx : centres)
    for (int cy : centres) {
      const bool on_finder = (cx == 6 || cy == 6) && near(cx) && near(cy);
      if (!on_finder && std::abs(x - cx) <= 2 && std::abs(y - cy) <= 2) return true;
    }
  if ((y == 8 && near_format(x)) || (x == 8 && near_format(y))) return true;
  if (version >= 7 && ((x >= size - 11 && x < size - 8 && y < 6) || (y >= size - 11 && y < size - 8 && x < 6)))
    return true;
  return false;
}

// The two copies of the format information, most significant bit first, where the standard (and thonky.com's
// "Format and Version Information" page) puts them: copy 1 left to right along row 8 (skipping the timing
// column) then up column 8; copy 2 up column 8 from the bottom, then along row 8 from column size − 8 to the edge.
std::pair<uint32_t, uint32_t> format_copies(const QrCode& qr) {
  uint32_t first = 0, second = 0;
  const auto add = [](uint32_t& bits, bool dark) { bits = bits << 1 | (dark ? 1 : 0); };
  for (int x : {0, 1, 2, 3, 4, 5, 7, 8}) add(first, qr.dark(x, 8));
  for (int y : {7, 5, 4, 3, 2, 1, 0}) add(first, qr.dark(8, y));
  for (int y = qr.size - 1; y >= qr.size - 7; --y) add(second, qr.dark(8, y));
  for (int x = qr.size - 8; x < qr.size; ++x) add(second, qr.dark(x, 8));
  return {first, second};
}

// The two copies of the version information, most significant bit first, where the standard puts them:
// bit 0 at the top-right block's top-left module, rising along its rows of three; the bottom-left block transposed.
std::pair<uint32_t, uint32_t> version_copies(const QrCode& qr) {
  uint32_t top_right = 0, bottom_left = 0;
  for (int i = 17; i >= 0; --i) {
    top_right = top_right << 1 | (qr.dark(qr.size - 11 + i % 3, i / 3) ? 1 : 0);
    bottom_left = bottom_left << 1 | (qr.dark(i / 3, qr.size - 11 + i % 3) ? 1 : 0);
  }
  return {top_right, bottom_left};
}

// GF(256) with the polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D): shift and add.
uint8_t gf_times(uint8_t a, uint8_t b) {
  uint8_t product = 0;
  for (; b != 0; b >>= 1) {
    if ((b & 1) != 0) product ^= a;
    a = static_cast<uint8_t>((a & 0x80) != 0 ? (a << 1) ^ 0x11D : a << 1);
  }
  return product;
}

// The mask patterns of ISO/IEC 18004 Table 10, i the row and j the column.
bool masked(int mask, int i, int j) {
  const int patterns[8] = {(i + j) % 2,
                           i % 2,
                           j % 3,
                           (i + j) % 3,
                           (i / 2 + j / 3) % 2,
                           i * j % 2 + i * j % 3,
                           (i * j % 2 + i * j % 3) % 2,
                           ((i + j) % 2 + i * j % 3) % 2};
  return patterns[mask] == 0;
}

struct ReadBack {
  QrLevel level;
  int mask;
  std::string text;
};

// Reads a symbol as a decoder would, checking each step.
ReadBack read_qr(const QrCode& qr) {
  const int version = (qr.size - 17) / 4;
  REQUIRE_EQ(qr.size, 17 + 4 * version);

  // Format information: unmasked with 101010000010010, its first two bits the level (L 01, M 00, Q 11, H 10), then
  // the mask.
  const auto [format, format_again] = format_copies(qr);
  CHECK_EQ(format, format_again);
  const uint32_t level_and_mask = (format ^ 0x5412) >> 10;
  const QrLevel levels_by_bits[4] = {QrLevel::medium, QrLevel::low, QrLevel::high, QrLevel::quartile};
  ReadBack read{levels_by_bits[level_and_mask >> 3], static_cast<int>(level_and_mask & 7), ""};
  CHECK_EQ(format, qr_format_bits(read.level, read.mask));  // its BCH check bits hold

  // Codewords: pairs of columns from the right, up then down in turn, column 6 skipped, function modules skipped.
  std::vector<uint8_t> placed;
  int bits = 0;
  uint8_t codeword = 0;
  bool upward = true;
  for (int right = qr.size - 1; right > 0; right -= 2) {
    if (right == 6) --right;
    for (int n = 0; n < qr.size; ++n) {
      const int y = upward ? qr.size - 1 - n : n;
      for (int x = right; x >= right - 1; --x) {
        if (is_function_module(version, x, y)) continue;
        codeword = static_cast<uint8_t>(codeword << 1 | (qr.dark(x, y) != masked(read.mask, y, x) ? 1 : 0));
        if (++bits % 8 == 0) placed.push_back(codeword);
      }
    }
    upward = !upward;
  }

  // De-interleaving by Table 9: data codewords round the blocks in turn, then error correction.
  const auto& groups = block_groups.at({version, read.level});
  std::vector<std::vector<uint8_t>> blocks;
  std::vector<int> data_lengths;
  int total = 0;
  for (const auto& group : groups)
    for (int i = 0; i < group.count; ++i) {
      blocks.emplace_back();
      data_lengths.push_back(group.data);
      total += group.codewords;
    }
  REQUIRE_EQ(static_cast<int>(placed.size()), total);
  const int ec_count = groups.front().codewords - groups.front().data;
  size_t next = 0;
  for (int i = 0; i < data_lengths.back(); ++i)
    for (size_t b = 0; b < blocks.size(); ++b)
      if (i < data_lengths[b]) blocks[b].push_back(placed[next++]);
  for (int i = 0; i < ec_count; ++i)
    for (auto& block : blocks) block.push_back(placed[next++]);

  // Each block is a Reed–Solomon code word: it vanishes at the generator's roots α^0 … α^(ec − 1).
  std::vector<uint8_t> data;
  uint8_t root = 1;
  for (int i = 0; i < ec_count; ++i, root = gf_times(root, 2))
    for (const auto& block : blocks) {
      uint8_t syndrome = 0;
      for (uint8_t c : block) syndrome = gf_times(syndrome, root) ^ c;
      CHECK_EQ(syndrome, 0);
    }
  for (size_t b = 0; b < blocks.size(); ++b)
    data.insert(data.end(), blocks[b].begin(), blocks[b].begin() + data_lengths[b]);

  // One byte-mode segment, then terminator, zero bits to the byte and the pad codewords 0xEC 0x11.
  size_t position = 0;
  const auto take = [&](int count) {
    uint32_t value = 0;
    for (int i = 0; i < count; ++i, ++position) value = value << 1 | (data[position / 8] >> (7 - position % 8) & 1);
    return value;
  };
  CHECK_EQ(take(4), 0b0100u);
  const uint32_t length = take(version <= 9 ? 8 : 16);
  REQUIRE_LE(4 + (version <= 9 ? 8 : 16) + 8 * length, 8 * data.size());
  for (uint32_t i = 0; i < length; ++i) read.text += static_cast<char>(take(8));
  const size_t end = (position + 4 + 7) / 8 * 8;  // after the terminator and the zero bits, where they fit
  while (position < std::min(end, 8 * data.size())) CHECK_EQ(take(1), 0);
  for (size_t i = position / 8; i < data.size(); ++i) CHECK_EQ(data[i], (i - position / 8) % 2 == 0 ? 0xEC : 0x11);
  return read;
}

}  // namespace

TEST_CASE("QR Reed–Solomon: the HELLO WORLD 1-M example's error-correction codewords") {
  // thonky.com's QR code tutorial, "Error Correction Coding": the 16 data codewords of HELLO WORLD at 1-M and the
  // 10 error-correction codewords it works out by hand.
  const std::vector<uint8_t> data = {32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17};
  CHECK_EQ(reed_solomon_remainder(data, 10), std::vector<uint8_t>{196, 35, 39, 119, 235, 215, 231, 226, 93, 23});
}

TEST_CASE("QR format information: the BCH(15,5) bits of ISO/IEC 18004 Table C.1") {
  // Table C.1 (and thonky.com's format information table), most significant bit first.
  CHECK_EQ(qr_format_bits(QrLevel::low, 4), 0b110011000101111);
  CHECK_EQ(qr_format_bits(QrLevel::medium, 0), 0b101010000010010);
  CHECK_EQ(qr_format_bits(QrLevel::low, 0), 0b111011111000100);
  CHECK_EQ(qr_format_bits(QrLevel::quartile, 7), 0b010101111101101);
  CHECK_EQ(qr_format_bits(QrLevel::high, 3), 0b001100111010000);  // also swetake.com's worked example (H, mask 3)
}

TEST_CASE("QR version information: the BCH(18,6) bits of ISO/IEC 18004 Table D.1") {
  CHECK_EQ(qr_version_bits(7), 0b000111110010010100);
  CHECK_EQ(qr_version_bits(40), 0b101000110001101001);
}

TEST_CASE("QR version choice: byte-mode capacities of ISO/IEC 18004 Table 7 at their boundaries") {
  // 1-M holds 14 bytes, 2-M 26; 40-L holds 2953, the most any symbol holds.
  CHECK_EQ(encode_qr(std::string(14, 'a'), QrLevel::medium)->version, 1);
  CHECK_EQ(encode_qr(std::string(15, 'a'), QrLevel::medium)->version, 2);
  CHECK_EQ(encode_qr(std::string(26, 'a'), QrLevel::medium)->version, 2);
  CHECK_EQ(encode_qr(std::string(27, 'a'), QrLevel::medium)->version, 3);
  CHECK_EQ(encode_qr(std::string(2953, 'a'), QrLevel::low)->version, 40);
  CHECK_FALSE(encode_qr(std::string(2954, 'a'), QrLevel::low).has_value());
  // 40-H holds 1273 bytes.
  CHECK_EQ(encode_qr(std::string(1273, 'a'), QrLevel::high)->version, 40);
  CHECK_FALSE(encode_qr(std::string(1274, 'a'), QrLevel::high).has_value());
}

TEST_CASE("QR symbol structure: finder and timing patterns, the dark module, format and version information") {
  struct Case {
    std::string text;
    QrLevel level;
    int version;
    uint32_t version_bits;  // Table D.1: version 7 is 000111 110010010100, version 40 101000 110001101001
  };
  const std::vector<Case> cases = {{"a", QrLevel::medium, 1, 0},
                                   {url_like(140), QrLevel::low, 7, 0x07C94},
                                   {url_like(2953), QrLevel::low, 40, 0x28C69}};
  for (const auto& c : cases) {
    CAPTURE(c.version);
    const auto qr = encode_qr(c.text, c.level);
    REQUIRE(qr.has_value());
    REQUIRE_EQ(qr->version, c.version);
    REQUIRE_EQ(qr->size, 17 + 4 * c.version);
    REQUIRE_EQ(qr->modules.size(), static_cast<size_t>(qr->size * qr->size));
    // Each finder a dark 7 × 7 ring, a light ring, a dark 3 × 3 core, in a light separator.
    const int last = qr->size - 1;
    for (const auto& [left, top] : {std::pair{0, 0}, std::pair{last - 6, 0}, std::pair{0, last - 6}})
      for (int dy = -1; dy <= 7; ++dy)
        for (int dx = -1; dx <= 7; ++dx) {
          const int x = left + dx, y = top + dy;
          if (x < 0 || y < 0 || x > last || y > last) continue;
          const int ring = std::max(std::abs(dx - 3), std::abs(dy - 3));  // 0-1 core, 2 light, 3 dark, 4 separator
          CHECK_MESSAGE(qr->dark(x, y) == (ring <= 1 || ring == 3), "finder module ", x, ",", y);
        }
    // Row and column 6 alternate between the separators, dark on even positions.
    for (int i = 8; i < qr->size - 8; ++i) {
      CHECK_EQ(qr->dark(i, 6), i % 2 == 0);
      CHECK_EQ(qr->dark(6, i), i % 2 == 0);
    }
    // The dark module, always at (8, 4V + 9).
    CHECK(qr->dark(8, 4 * c.version + 9));
    // Both format copies are the code word of the level and one of the 8 masks.
    const auto [format, format_again] = format_copies(*qr);
    CHECK_EQ(format, format_again);
    int masks_matching = 0;
    for (int mask = 0; mask < 8; ++mask) masks_matching += format == qr_format_bits(c.level, mask) ? 1 : 0;
    CHECK_EQ(masks_matching, 1);
    if (c.version >= 7) {
      const auto [top_right, bottom_left] = version_copies(*qr);
      CHECK_EQ(top_right, c.version_bits);
      CHECK_EQ(bottom_left, c.version_bits);
    }
  }
}

TEST_CASE("QR round trip: a reader written from the standard gets every text back, at each level") {
  struct Case {
    std::string text;
    QrLevel level;
    int version;  // the smallest that holds it, by Table 7's byte capacities
  };
  const std::vector<Case> cases = {
      {"a", QrLevel::medium, 1},
      {"户主: 张三, 2022 年", QrLevel::medium, 2},  // 24 bytes of UTF-8: 1-M holds 14, 2-M 26
      {url_like(140), QrLevel::low, 7},             // 6-L holds 134, 7-L 154
      {url_like(100), QrLevel::quartile, 8},        // 7-Q holds 86, 8-Q 108
      {url_like(100), QrLevel::high, 10},           // 9-H holds 98, 10-H 119
      {url_like(650), QrLevel::medium, 20},         // 19-M holds 624, 20-M 666
      {url_like(700), QrLevel::medium, 21},         // 20-M holds 666, 21-M 711
      {url_like(1100), QrLevel::quartile, 32},      // 31-Q holds 1030, 32-Q 1112; its alignment step is the odd one
      {url_like(2953), QrLevel::low, 40},
  };
  for (const auto& c : cases) {
    CAPTURE(c.version);
    const auto qr = encode_qr(c.text, c.level);
    REQUIRE(qr.has_value());
    CHECK_EQ(qr->version, c.version);
    const ReadBack read = read_qr(*qr);
    CHECK(read.level == c.level);
    CHECK_EQ(read.text, c.text);
  }
}

TEST_CASE("QR round trip: each of the 8 masks, forced, is read back as itself with the text") {
  const std::string text = url_like(60);  // 4-M: 3-M holds 42 bytes, 4-M 62
  for (int mask = 0; mask < 8; ++mask) {
    CAPTURE(mask);
    const auto qr = encode_qr(text, QrLevel::medium, mask);
    REQUIRE(qr.has_value());
    REQUIRE_EQ(qr->version, 4);
    const ReadBack read = read_qr(*qr);
    CHECK_EQ(read.mask, mask);
    CHECK_EQ(read.text, text);
  }
}

TEST_CASE("QR penalty: grids counted by hand") {
  const auto grid = [](const auto& is_dark) {
    QrCode qr{1, 21, std::vector<bool>(21 * 21)};
    for (int y = 0; y < 21; ++y)
      for (int x = 0; x < 21; ++x) qr.modules[y * 21 + x] = is_dark(x, y);
    return qr;
  };
  // All light: N1 42 lines × (3 + 16); N2 20 × 20 blocks × 3; N3 nothing; N4 50% from half, 10 × 10.
  CHECK_EQ(qr_penalty(grid([](int, int) { return false; })), 798 + 1200 + 100);
  // A checkerboard: no run, no block, no finder-like pattern, 221 of 441 dark (50.1%).
  const auto checkerboard = [](int x, int y) { return (x + y) % 2 == 0; };
  CHECK_EQ(qr_penalty(grid(checkerboard)), 0);
  // Row 0 dark from x = 0 to 6: one run of 7, 3 + 2; the columns' runs stay under 5, row 1 has no two alike.
  CHECK_EQ(qr_penalty(grid([&](int x, int y) { return y == 0 && x <= 6 ? true : checkerboard(x, y); })), 5);
  // Row 0 ending in 1011101 0000 (x = 10 to 20): one finder-like pattern, 40; its run of four light adds nothing.
  const std::vector<bool> finder_like = {1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0};
  CHECK_EQ(qr_penalty(grid([&](int x, int y) { return y == 0 && x >= 10 ? finder_like[x - 10] : checkerboard(x, y); })),
           40);
}

TEST_CASE("QR mask choice: the mask of the 8 with the lowest penalty, the first of equals") {
  for (const auto& [text, level] : {std::pair{url_like(20), QrLevel::medium}, std::pair{url_like(300), QrLevel::high},
                                    std::pair{url_like(700), QrLevel::medium}}) {
    const auto chosen = encode_qr(text, level);
    REQUIRE(chosen.has_value());
    int best_mask = 0, best_penalty = qr_penalty(*encode_qr(text, level, 0));
    for (int mask = 1; mask < 8; ++mask)
      if (const int penalty = qr_penalty(*encode_qr(text, level, mask)); penalty < best_penalty) {
        best_mask = mask;
        best_penalty = penalty;
      }
    CHECK_EQ(format_copies(*chosen).first, qr_format_bits(level, best_mask));
    CHECK_EQ(qr_penalty(*chosen), best_penalty);
  }
}
