// QR codes (ISO/IEC 18004), byte mode only: the app shows a share link as one, so a phone's camera can open it
// without typing. No dependency: the encoder is small, and the web build would otherwise carry a library for it.
#pragma once

#include <cstdint>      // codewords, format and version bits
#include <optional>     // a text too long for any version
#include <span>         // Reed–Solomon's input
#include <string_view>  // the bytes to encode
#include <vector>       // modules, codewords

namespace zengshou::formats {

// A QR code's modules, row by row: true is dark. size = 17 + 4 * version. No quiet zone: whoever draws it leaves
// four modules of light around it.
struct QrCode {
  int version = 0;  // 1..40
  int size = 0;
  std::vector<bool> modules;  // size * size, row-major
  bool dark(int x, int y) const { return modules[static_cast<size_t>(y) * size + x]; }
};

// Error correction: about 7%, 15%, 25% and 30% of the codewords can be restored.
enum class QrLevel { low, medium, quartile, high };

// The smallest version that holds `bytes` at `level` in one byte-mode segment, with the mask of the 8 that has the
// lowest qr_penalty, or `mask` (0..7) when given (so that tests can read back each one); std::nullopt when the bytes
// do not fit version 40.
std::optional<QrCode> encode_qr(std::string_view bytes, QrLevel level = QrLevel::medium,
                                std::optional<int> mask = std::nullopt);

// The parts below are exposed so that tests can check them against the standard.

// The penalty of a symbol by the standard's rules, lower being easier to read: N1, 3 + (length − 5) for each run of
// five or more modules of one colour in a row or column; N2, 3 for each 2 × 2 block of one colour; N3, 40 for each
// 1:1:3:1:1 dark-light pattern with four light modules before or after it, within a row or column (it looks like
// a finder); N4, 10 for each full 5% the share of dark modules is away from half.
int qr_penalty(const QrCode& qr);

// The `ec_count` error-correction codewords of `data`: the remainder of data(x) · x^ec_count divided by the
// generator ∏ (x − α^i), i = 0..ec_count−1, over GF(256) with the polynomial 0x11D.
std::vector<uint8_t> reed_solomon_remainder(std::span<const uint8_t> data, int ec_count);

// The 15 format-information bits (most significant first, as ISO/IEC 18004 Table C.1 lists them): the level and
// mask (0..7), their BCH(15,5) check bits, XORed with 0x5412.
uint32_t qr_format_bits(QrLevel level, int mask);

// The 18 version-information bits of a version 7..40 (ISO/IEC 18004 Table D.1): the version and its BCH(18,6)
// check bits.
uint32_t qr_version_bits(int version);

}  // namespace zengshou::formats
