// Issue 18, item 4: the font atlas holds the characters of the text the app is given (glyph_set.h) — names with
// characters beyond GB2312 level 1 (婧 琪: level 2; 昇 堃 玥: not in GB2312) join it, each once; a character beyond
// the 16-bit range or a broken byte never does (it shows the placeholder �, which every atlas holds).
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "app/glyph_set.h"

using zengshou::app::GlyphSet;

TEST_CASE("the glyph set takes each character of the text once, and gives ImGui's ranges") {
  GlyphSet glyphs;
  glyphs.need("王婧昇");  // U+738B U+5A67 U+6607
  CHECK(glyphs.changed());
  CHECK(glyphs.size() == 3);
  CHECK(glyphs.ranges() == std::vector<uint16_t>{0x5A67, 0x5A67, 0x6607, 0x6607, 0x738B, 0x738B, 0});
  CHECK_FALSE(glyphs.changed());  // ranges() took them

  glyphs.need("婧王");  // nothing new: no rebuild
  CHECK_FALSE(glyphs.changed());
  glyphs.need("abc");  // neighbours make one range
  CHECK(glyphs.ranges() == std::vector<uint16_t>{'a', 'c', 0x5A67, 0x5A67, 0x6607, 0x6607, 0x738B, 0x738B, 0});
}

TEST_CASE("a character beyond 16 bits, a control or a broken byte adds nothing but the placeholder") {
  GlyphSet glyphs;
  glyphs.need("\xF0\xA0\x80\x80");  // U+20000 𠀀: the atlas's characters are 16-bit
  glyphs.need("\n\t");
  CHECK(glyphs.size() == 0);
  CHECK_FALSE(glyphs.changed());
  glyphs.need("\xE5\xA9");  // 婧 cut short
  glyphs.need("\xFF");
  CHECK(glyphs.ranges() == std::vector<uint16_t>{0xFFFD, 0xFFFD, 0});
}

TEST_CASE("a household's names, places, activities and measures are its text") {
  zengshou::core::Household household;
  household.id = "A1";
  household.head = "张堃";
  household.village = "玥村";
  household.members.push_back({});
  household.members.back().name = "李琪";
  household.production.push_back({});
  household.production.back().name = "蜂";
  household.monitoring.measures = {"昇"};
  GlyphSet glyphs;
  glyphs.need(household);
  // A 1 张 堃 玥 村 李 琪 蜂 昇
  CHECK(glyphs.size() == 10);
  const std::vector<uint16_t>& r = glyphs.ranges();
  for (char16_t c : std::u16string(u"张堃玥村李琪蜂昇")) {
    bool found = false;
    for (size_t i = 0; i + 1 < r.size(); i += 2) found = found || (r[i] <= c && c <= r[i + 1]);
    CHECK_MESSAGE(found, static_cast<int>(c));
  }
}
