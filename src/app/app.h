// The Dear ImGui interface: draws what the core computes. Knows nothing of the browser or of files;
// the platform layer hands it the font bytes and the pixel ratio, and calls draw_frame() once a frame.
#pragma once

#include <map>     // test anchors by name
#include <string>  // anchor names, state JSON
#include <vector>  // font bytes

namespace zengshou::app {

enum class View { household, programmes, projection, policy, village, roster };

// A widget's rectangle in CSS pixels, recorded each frame so browser tests can click real widgets.
struct Anchor {
  float x, y, width, height;
};

class App {
 public:
  // `font_ttf` is the TrueType subset made at build time; the atlas references it, so the App keeps it.
  explicit App(std::vector<unsigned char> font_ttf);

  // Builds fonts and style for this device pixel ratio (ImGui works in device pixels). Returns true when the
  // font atlas was rebuilt, so the renderer must upload it again.
  bool apply_pixel_ratio(float pixel_ratio);

  // One frame of UI, between ImGui::NewFrame() and ImGui::Render().
  void draw_frame();

  // What the browser tests read through the page's JS hook: language, view, frame count, anchors.
  std::string state_json() const;

 private:
  void draw_menu_bar();
  void draw_view_tabs();
  void draw_placeholder_view(View view) const;
  void draw_about_popup();
  void record_anchor(const char* name);
  int count_missing_glyphs() const;

  std::vector<unsigned char> font_ttf_;
  float pixel_ratio_ = 0.0f;
  View view_ = View::household;
  bool view_requested_ = false;  // set when the menu picks a view, so its tab is selected once
  bool about_requested_ = false;
  long frame_count_ = 0;
  int missing_glyphs_ = 0;  // characters of the string tables the font cannot draw; 0 when the font is right
  std::map<std::string, Anchor> anchors_;
};

}  // namespace zengshou::app
