#include "qr.h"

#include <algorithm>  // count, equal, max
#include <climits>    // INT_MAX: no penalty yet
#include <cstdlib>    // abs
#include <utility>    // pair: finder centres

namespace zengshou::formats {
namespace {

// ISO/IEC 18004 Table 9, by level (in QrLevel's order) and version (index 0 unused): the error-correction codewords
// of each block, and the number of blocks. The codewords left for data follow from the symbol's free modules.
constexpr int8_t ec_codewords_per_block[4][41] = {
    {0,  7,  10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
     28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {0,  10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
     26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28},
    {0,  13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
     28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {0,  17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
     30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
};
constexpr int8_t block_count[4][41] = {
    {0, 1, 1, 1,  1,  1,  2,  2,  2,  2,  4,  4,  4,  4,  4,  6,  6,  6,  6,  7, 8,
     8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25},
    {0,  1,  1,  1,  2,  2,  4,  4,  4,  5,  5,  5,  8,  9,  9,  10, 10, 11, 13, 14, 16,
     17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49},
    {0,  1,  1,  2,  2,  4,  4,  6,  6,  8,  8,  8,  10, 12, 16, 12, 17, 16, 18, 21, 20,
     23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68},
    {0,  1,  1,  2,  4,  4,  4,  5,  6,  8,  8,  11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
     25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81},
};

// The level's two bits in the format information: not in the order of their strength.
constexpr uint32_t level_bits[4] = {0b01, 0b00, 0b11, 0b10};

// A symbol being built: its modules, and which of them are function patterns, which data and masks leave alone.
struct Grid {
  int size;
  std::vector<bool> dark;
  std::vector<bool> function;

  explicit Grid(int size) : size(size), dark(size * size), function(size * size) {}
  size_t at(int x, int y) const { return static_cast<size_t>(y) * size + x; }
  void set_function(int x, int y, bool is_dark) {
    dark[at(x, y)] = is_dark;
    function[at(x, y)] = true;
  }
};

uint8_t gf_multiply(uint8_t a, uint8_t b) {
  unsigned product = 0;
  for (int bit = 7; bit >= 0; --bit) {  // Horner's rule over b's bits: double (reducing by 0x11D), then add a
    product = (product << 1) ^ ((product & 0x80) != 0 ? 0x11Du : 0u);
    if ((b >> bit & 1) != 0) product ^= a;
  }
  return static_cast<uint8_t>(product);
}

// `data` followed by its check bits: the remainder of data · x^check_bits divided by `generator` over GF(2).
uint32_t bch_code(uint32_t data, uint32_t generator, int check_bits) {
  uint32_t remainder = data << check_bits;
  for (int bit = 31; bit >= check_bits; --bit)
    if ((remainder >> bit & 1) != 0) remainder ^= generator << (bit - check_bits);
  return data << check_bits | remainder;
}

// The alignment patterns' centres along either axis (Annex E): from 6 to size − 7, the gaps after the first all the
// same even step, the first gap taking what is left. The rule gives version 32 a step of 28; the standard uses 26.
std::vector<int> alignment_positions(int version) {
  if (version == 1) return {};
  const int size = 17 + 4 * version;
  const int count = version / 7 + 2;
  const int gaps = count - 1;
  const int step = version == 32 ? 26 : (size - 13 + 2 * gaps - 1) / (2 * gaps) * 2;  // rounded up to even
  std::vector<int> positions{6};
  for (int i = count - 2; i >= 0; --i) positions.push_back(size - 7 - i * step);
  return positions;
}

// Both copies of the format information, and the dark module beside the second.
void draw_format(Grid& grid, QrLevel level, int mask) {
  const uint32_t bits = qr_format_bits(level, mask);
  const auto bit = [bits](int i) { return (bits >> i & 1) != 0; };
  const int size = grid.size;
  // Around the top-left finder: bits 0–7 down column 8, bits 8–14 leftwards on row 8, both stepping over timing.
  for (int i = 0; i < 6; ++i) grid.set_function(8, i, bit(i));
  grid.set_function(8, 7, bit(6));
  grid.set_function(8, 8, bit(7));
  grid.set_function(7, 8, bit(8));
  for (int i = 9; i < 15; ++i) grid.set_function(14 - i, 8, bit(i));
  // Beside the other finders: bits 0–7 leftwards from the right edge on row 8, bits 8–14 down column 8.
  for (int i = 0; i < 8; ++i) grid.set_function(size - 1 - i, 8, bit(i));
  for (int i = 8; i < 15; ++i) grid.set_function(8, size - 15 + i, bit(i));
  grid.set_function(8, size - 8, true);
}

// Both copies of the version information: 6 × 3 left of the top-right finder, and its transpose above the bottom-left.
void draw_version(Grid& grid, int version) {
  const uint32_t bits = qr_version_bits(version);
  for (int i = 0; i < 18; ++i) {
    const bool dark = (bits >> i & 1) != 0;
    const int across = grid.size - 11 + i % 3, along = i / 3;
    grid.set_function(across, along, dark);
    grid.set_function(along, across, dark);
  }
}

// Every function pattern of the version, the format information's place reserved (its bits come with the mask).
Grid function_patterns(int version) {
  Grid grid(17 + 4 * version);
  const int size = grid.size;
  // Finder patterns in their light separators: rings by distance from the centre, 2 and 4 light.
  for (const auto& [cx, cy] : {std::pair{3, 3}, std::pair{size - 4, 3}, std::pair{3, size - 4}}) {
    for (int dy = -4; dy <= 4; ++dy)
      for (int dx = -4; dx <= 4; ++dx) {
        const int x = cx + dx, y = cy + dy;
        const int ring = std::max(std::abs(dx), std::abs(dy));
        if (x >= 0 && y >= 0 && x < size && y < size) grid.set_function(x, y, ring != 2 && ring != 4);
      }
  }
  // Alignment patterns, but for the three whose centre would fall on a finder pattern.
  const auto positions = alignment_positions(version);
  for (int cx : positions)
    for (int cy : positions) {
      if (grid.function[grid.at(cx, cy)]) continue;
      for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) grid.set_function(cx + dx, cy + dy, std::max(std::abs(dx), std::abs(dy)) != 1);
    }
  // Timing patterns between the separators; where they cross an alignment pattern, the two agree.
  for (int i = 8; i < size - 8; ++i) {
    grid.set_function(6, i, i % 2 == 0);
    grid.set_function(i, 6, i % 2 == 0);
  }
  draw_format(grid, QrLevel::low, 0);
  if (version >= 7) draw_version(grid, version);
  return grid;
}

// The data codewords: mode 0100, the character count, the bytes, the terminator 0000, then the pad codewords 0xEC
// and 0x11 in turn. The header is 12 or 20 bits and each byte 8, so the terminator always ends on a byte boundary: no
// zero bits are needed to fill the last codeword.
std::vector<uint8_t> data_codewords(std::string_view bytes, int count_bits, size_t capacity) {
  std::vector<bool> bits;
  const auto append = [&bits](uint32_t value, int count) {
    for (int i = count - 1; i >= 0; --i) bits.push_back((value >> i & 1) != 0);
  };
  append(0b0100, 4);
  append(static_cast<uint32_t>(bytes.size()), count_bits);
  for (unsigned char byte : bytes) append(byte, 8);
  append(0, 4);
  std::vector<uint8_t> codewords(bits.size() / 8);
  for (size_t i = 0; i < bits.size(); ++i) codewords[i / 8] |= static_cast<uint8_t>(bits[i] << (7 - i % 8));
  for (bool first = true; codewords.size() < capacity; first = !first) codewords.push_back(first ? 0xEC : 0x11);
  return codewords;
}

// The data cut into blocks (the short ones first, the others one data codeword longer), each block's error
// correction, and the order they are placed in: every block's first data codeword, then every block's second…, then
// the error-correction codewords the same way. A damaged area thus hurts many blocks a little, not one beyond repair.
std::vector<uint8_t> interleave(const std::vector<uint8_t>& data, size_t blocks, int ec_count) {
  const size_t short_length = data.size() / blocks;
  const size_t long_blocks = data.size() % blocks;
  std::vector<std::span<const uint8_t>> data_blocks;
  std::vector<std::vector<uint8_t>> ec_blocks;
  size_t start = 0;
  for (size_t b = 0; b < blocks; ++b) {
    const size_t length = short_length + (b >= blocks - long_blocks ? 1 : 0);
    data_blocks.push_back(std::span(data).subspan(start, length));
    ec_blocks.push_back(reed_solomon_remainder(data_blocks.back(), ec_count));
    start += length;
  }
  std::vector<uint8_t> placed;
  for (size_t i = 0; i <= short_length; ++i)
    for (const auto& block : data_blocks)
      if (i < block.size()) placed.push_back(block[i]);
  for (size_t i = 0; i < static_cast<size_t>(ec_count); ++i)
    for (const auto& ec : ec_blocks) placed.push_back(ec[i]);
  return placed;
}

// The codewords' bits, most significant first, up and down two-module columns from the right edge in turn, over
// every module that is not a function pattern. Column 6 is the vertical timing pattern: the columns left of it shift
// by one. The few modules left over (remainder bits) stay light.
void place_codewords(Grid& grid, const std::vector<uint8_t>& codewords) {
  const size_t bit_count = codewords.size() * 8;
  size_t bit = 0;
  bool upward = true;
  for (int right = grid.size - 1; right > 0; right -= 2) {
    if (right == 6) right = 5;
    for (int step = 0; step < grid.size; ++step) {
      const int y = upward ? grid.size - 1 - step : step;
      for (int x : {right, right - 1}) {
        if (grid.function[grid.at(x, y)] || bit == bit_count) continue;
        grid.dark[grid.at(x, y)] = (codewords[bit / 8] >> (7 - bit % 8) & 1) != 0;
        ++bit;
      }
    }
    upward = !upward;
  }
}

// The mask patterns of Table 10 (x the column j, y the row i): where a data module is inverted.
bool mask_inverts(int mask, int x, int y) {
  switch (mask) {
    case 0:
      return (x + y) % 2 == 0;
    case 1:
      return y % 2 == 0;
    case 2:
      return x % 3 == 0;
    case 3:
      return (x + y) % 3 == 0;
    case 4:
      return (y / 2 + x / 3) % 2 == 0;
    case 5:
      return x * y % 2 + x * y % 3 == 0;
    case 6:
      return (x * y % 2 + x * y % 3) % 2 == 0;
    default:
      return ((x + y) % 2 + x * y % 3) % 2 == 0;
  }
}

// Applying a mask twice undoes it.
void apply_mask(Grid& grid, int mask) {
  for (int y = 0; y < grid.size; ++y)
    for (int x = 0; x < grid.size; ++x)
      if (!grid.function[grid.at(x, y)] && mask_inverts(mask, x, y)) grid.dark[grid.at(x, y)].flip();
}

// Rules N1 and N3 on one row or column: 3 + (length − 5) for a run of five or more of one colour; 40 for each
// 1:1:3:1:1 pattern with four light modules on either side, which a reader could take for a finder.
int line_penalty(const std::vector<bool>& line) {
  int penalty = 0;
  int run = 1;
  for (size_t i = 1; i <= line.size(); ++i) {
    if (i < line.size() && line[i] == line[i - 1]) {
      ++run;
      continue;
    }
    if (run >= 5) penalty += run - 2;
    run = 1;
  }
  static constexpr bool finder_like[2][11] = {{1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0}, {0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1}};
  for (size_t i = 0; i + 11 <= line.size(); ++i)
    for (const auto& pattern : finder_like)
      if (std::equal(pattern, pattern + 11, line.begin() + static_cast<std::ptrdiff_t>(i))) penalty += 40;
  return penalty;
}

// The mask of the 8 whose finished symbol has the lowest penalty, the first of equals.
int lowest_penalty_mask(const Grid& grid, int version, QrLevel level) {
  int best_mask = 0, best_penalty = INT_MAX;
  for (int mask = 0; mask < 8; ++mask) {
    Grid masked = grid;
    draw_format(masked, level, mask);
    apply_mask(masked, mask);
    if (const int penalty = qr_penalty({version, masked.size, std::move(masked.dark)}); penalty < best_penalty) {
      best_mask = mask;
      best_penalty = penalty;
    }
  }
  return best_mask;
}

}  // namespace

std::vector<uint8_t> reed_solomon_remainder(std::span<const uint8_t> data, int ec_count) {
  // The generator's coefficients after its leading 1, highest power first: (x − α^0)(x − α^1)…, where − is +.
  std::vector<uint8_t> generator{1};
  uint8_t root = 1;
  for (int i = 0; i < ec_count; ++i) {
    generator.push_back(0);
    for (size_t j = generator.size() - 1; j > 0; --j) generator[j] ^= gf_multiply(generator[j - 1], root);
    root = gf_multiply(root, 2);
  }
  // Long division, one data codeword at a time, keeping only the remainder.
  std::vector<uint8_t> remainder(ec_count);
  for (uint8_t codeword : data) {
    const uint8_t factor = codeword ^ remainder.front();
    remainder.erase(remainder.begin());
    remainder.push_back(0);
    for (int j = 0; j < ec_count; ++j) remainder[j] ^= gf_multiply(generator[j + 1], factor);
  }
  return remainder;
}

uint32_t qr_format_bits(QrLevel level, int mask) {
  // The mask 0x5412 keeps the bits from being all light, whatever the level and mask.
  return bch_code(level_bits[static_cast<int>(level)] << 3 | static_cast<uint32_t>(mask), 0x537, 10) ^ 0x5412;
}

uint32_t qr_version_bits(int version) { return bch_code(static_cast<uint32_t>(version), 0x1F25, 12); }

int qr_penalty(const QrCode& qr) {
  int total = 0;
  for (int i = 0; i < qr.size; ++i) {
    std::vector<bool> row(qr.size), column(qr.size);
    for (int j = 0; j < qr.size; ++j) {
      row[j] = qr.dark(j, i);
      column[j] = qr.dark(i, j);
    }
    total += line_penalty(row) + line_penalty(column);
  }
  for (int y = 0; y + 1 < qr.size; ++y)
    for (int x = 0; x + 1 < qr.size; ++x) {
      const bool colour = qr.dark(x, y);
      if (qr.dark(x + 1, y) == colour && qr.dark(x, y + 1) == colour && qr.dark(x + 1, y + 1) == colour) total += 3;
    }
  const auto modules = static_cast<long>(qr.modules.size());
  const long dark = std::count(qr.modules.begin(), qr.modules.end(), true);
  total += 10 * static_cast<int>(std::abs(dark * 20 - modules * 10) / modules);  // |dark% − 50| / 5, rounded down
  return total;
}

std::optional<QrCode> encode_qr(std::string_view bytes, QrLevel level, std::optional<int> mask) {
  const auto l = static_cast<size_t>(level);
  for (int version = 1; version <= 40; ++version) {
    Grid grid = function_patterns(version);
    const size_t codewords = std::count(grid.function.begin(), grid.function.end(), false) / 8;
    const int blocks = block_count[l][version], ec_count = ec_codewords_per_block[l][version];
    const size_t capacity = codewords - static_cast<size_t>(blocks * ec_count);
    const int count_bits = version <= 9 ? 8 : 16;
    if ((4 + count_bits + 8 * bytes.size() + 4) / 8 > capacity) continue;
    place_codewords(grid, interleave(data_codewords(bytes, count_bits, capacity), blocks, ec_count));
    const int chosen = mask ? *mask : lowest_penalty_mask(grid, version, level);
    draw_format(grid, level, chosen);
    apply_mask(grid, chosen);
    return QrCode{version, grid.size, std::move(grid.dark)};
  }
  return std::nullopt;
}

}  // namespace zengshou::formats
