#include "glyph_set.h"

namespace zengshou::app {

namespace {

// The next codepoint of `text` from `at`, or 0xFFFD for a broken sequence (the placeholder, which is in every atlas).
uint32_t next_codepoint(std::string_view text, size_t& at) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  const int length = lead < 0x80 ? 1 : lead >> 5 == 0x6 ? 2 : lead >> 4 == 0xE ? 3 : lead >> 3 == 0x1E ? 4 : 0;
  if (length == 0 || at + length > text.size()) {
    ++at;
    return 0xFFFD;
  }
  uint32_t c = length == 1 ? lead : lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) {
      ++at;
      return 0xFFFD;
    }
    c = (c << 6) | (byte(at + i) & 0x3F);
  }
  at += length;
  return c;
}

}  // namespace

void GlyphSet::need_codepoint(uint32_t codepoint) {
  if (codepoint < 0x20 || codepoint > 0xFFFF || in_set_[codepoint]) return;
  in_set_[codepoint] = true;
  ++size_;
  changed_ = true;
}

void GlyphSet::need(std::string_view utf8) {
  for (size_t at = 0; at < utf8.size();) need_codepoint(next_codepoint(utf8, at));
}

void GlyphSet::need(const core::Household& household) {
  for (std::string_view text : {household.id, household.head, household.village}) need(text);
  for (const core::Member& member : household.members) need(member.name);
  for (const core::ProductionActivity& activity : household.production) need(activity.name);
  for (const std::string& measure : household.monitoring.measures) need(measure);
}

const std::vector<uint16_t>& GlyphSet::ranges() {
  ranges_.clear();
  for (uint32_t c = 0; c < in_set_.size(); ++c) {
    if (!in_set_[c]) continue;
    if (!ranges_.empty() && ranges_.back() == c - 1)
      ranges_.back() = static_cast<uint16_t>(c);
    else
      ranges_.insert(ranges_.end(), {static_cast<uint16_t>(c), static_cast<uint16_t>(c)});
  }
  ranges_.push_back(0);
  changed_ = false;
  return ranges_;
}

}  // namespace zengshou::app
