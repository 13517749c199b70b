// Which characters the font atlas holds. The full font has every CJK ideograph (20 932 of them); baked at the atlas's
// 36 px they would take about 100 MB of texture, so the atlas holds the UI's own characters and adds those of the
// text the app is given (names, places, notes, imported files) as it comes: the atlas is rebuilt between frames.
#pragma once

#include <cstdint>      // codepoints
#include <string_view>  // text
#include <vector>       // the bitmap, the ranges

#include "core/household.h"

namespace zengshou::app {

class GlyphSet {
 public:
  // Characters of text the app will show: those not yet in the set join it (the Basic Multilingual Plane only: the
  // atlas's characters are 16-bit, and a character beyond it shows the placeholder).
  void need(std::string_view utf8);
  void need(const core::Household& household);
  void need_codepoint(uint32_t codepoint);

  // True when characters joined since the last ranges().
  bool changed() const { return changed_; }
  // The set as ImGui's glyph ranges: pairs of first and last codepoint, ending in 0. Clears changed().
  const std::vector<uint16_t>& ranges();
  size_t size() const { return size_; }

 private:
  std::vector<bool> in_set_ = std::vector<bool>(0x10000);
  std::vector<uint16_t> ranges_;
  size_t size_ = 0;
  bool changed_ = false;
};

}  // namespace zengshou::app
