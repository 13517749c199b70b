// The browser platform layer: a GLFW window on a WebGL2 canvas that fills the page, sized in device
// pixels (this Emscripten has no automatic HiDPI), the main loop, and the JS hooks the page and tests use.
#include <algorithm>  // std::max, std::clamp
#include <cmath>      // std::lround
#include <cstdio>     // snprintf
#include <cstdlib>    // the font's bytes from the page
#include <memory>     // the App
#include <optional>   // deleted records
#include <string>     // state JSON
#include <vector>     // font bytes

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <nlohmann/json.hpp>

#include "app/app.h"
#include "core/share.h"

namespace {

GLFWwindow* window = nullptr;
std::unique_ptr<zengshou::app::App> app;
std::string last_state;  // keeps the string zengshou_state() returns alive until the next call
bool first_frame_done = false;
int canvas_width = 0, canvas_height = 0;  // device pixels

// The UI font the page fetched while the WebAssembly loaded (web/zengshou-loader.js), copied from the page in one
// piece: read through the file system and a stream, it took the first frame 15–30 ms in headless Chromium.
std::vector<unsigned char> take_ui_font() {
  const int size = EM_ASM_INT(return Module.uiFont ? Module.uiFont.length : 0;);
  if (size <= 0) return {};
  auto* heap = static_cast<unsigned char*>(std::malloc(static_cast<size_t>(size)));
  if (heap == nullptr) return {};  // ImGui's own font then: the page still runs
  EM_ASM(
      {
        HEAPU8.set(Module.uiFont, $0);
        delete Module.uiFont;
      },
      heap);
  std::vector<unsigned char> bytes(heap, heap + size);
  std::free(heap);
  return bytes;
}

// Hands the page the records the app says are due (web/zengshou-store.js writes them to IndexedDB in one
// transaction and reports back through zengshou_store_*): a list of keys, versions and lengths, and the texts one
// after the other in one buffer, which the page copies before this returns. `now`: the tab is being hidden, so the
// page also keeps a copy in localStorage until the database has them.
void store_workspace(bool now) {
  const std::vector<zengshou::app::WorkspaceStore::Write> writes = app->take_store_writes(now);
  if (writes.empty()) return;
  std::string manifest = "[";
  std::string texts;
  for (const auto& w : writes) {
    // Keys are the app's own ("h/…", "x/…", "session"): no character in them needs escaping in JSON.
    manifest += (manifest.size() > 1 ? ",[\"" : "[\"") + w.key + "\"," + std::to_string(w.base_version) + "," +
                (w.text ? std::to_string(w.text->size()) : "-1") + "]";
    if (w.text) texts += *w.text;
  }
  manifest += "]";
  EM_ASM({ window.zengshou.store.write(UTF8ToString($0), $1, $2); }, manifest.c_str(), texts.data(), texts.size());
}

// Text passed from the page: its bytes on the heap, or none (a deleted record) when `size` is negative.
std::optional<std::string_view> page_text(const char* data, int size) {
  if (size < 0) return std::nullopt;
  return std::string_view(data, static_cast<size_t>(size));
}

// The canvas's CSS size in device pixels: the backbuffer (and so ImGui) is in device pixels.
struct DeviceSize {
  int width, height;
};
DeviceSize canvas_size_on_page() {
  double css_width = 0, css_height = 0;
  emscripten_get_element_css_size("#canvas", &css_width, &css_height);
  const double ratio = emscripten_get_device_pixel_ratio();
  return {std::max(1, static_cast<int>(std::lround(css_width * ratio))),
          std::max(1, static_cast<int>(std::lround(css_height * ratio)))};
}

// Follows the canvas's size on the page and the device pixel ratio. The canvas is sized directly, not through
// glfwSetWindowSize, which turns a window as large as the screen into a fullscreen request (a rejected one, unless
// the user gestured).
void fit_canvas_to_page() {
  const double ratio = emscripten_get_device_pixel_ratio();
  const auto [width, height] = canvas_size_on_page();
  if (width != canvas_width || height != canvas_height) {
    emscripten_set_canvas_element_size("#canvas", width, height);
    canvas_width = width;
    canvas_height = height;
  }
  // Before the first frame the renderer has no objects yet: NewFrame() creates them with this atlas.
  if (app->prepare_fonts(static_cast<float>(ratio)) && first_frame_done) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
}

// The mouse wheel as the browser scrolls a page: one notch (100 CSS pixels in Chromium) moves a panel 100 pixels, down
// for a wheel turned down. This Emscripten's GLFW hands ImGui the event's raw deltaY, pixels with the page's sign,
// and ImGui takes a unit of it as five lines up: a notch down jumped a panel to the top. Lines and pages (Firefox,
// some mice) are turned into pixels first.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  if (e->mouse.ctrlKey) return EM_FALSE;  // the browser's zoom (Ctrl + wheel, a trackpad's pinch)
  ImGuiIO& io = ImGui::GetIO();
  const double ratio = emscripten_get_device_pixel_ratio();
  const double font_css = io.Fonts->Fonts.empty() ? 18.0 : io.Fonts->Fonts[0]->FontSize * io.FontGlobalScale / ratio;
  const double page_css = canvas_height / ratio;
  const auto css_pixels = [&](double delta) {
    switch (e->deltaMode) {
      case DOM_DELTA_LINE:
        return delta * font_css;
      case DOM_DELTA_PAGE:
        return delta * page_css;
      default:
        return delta;
    }
  };
  // ImGui scrolls a window five of its lines for each unit of MouseWheel, two for MouseWheelH (imgui.cpp,
  // UpdateMouseWheel).
  io.MouseWheel -= static_cast<float>(css_pixels(e->deltaY) / (5.0 * font_css));
  io.MouseWheelH -= static_cast<float>(css_pixels(e->deltaX) / (2.0 * font_css));
  return EM_TRUE;  // the page itself does not scroll
}

// Reads a part of the frame just drawn back from WebGL and hands it to the page to save as a PNG. Called before
// the frame is handed to the browser, so the drawing buffer still holds it.
void save_image(const zengshou::app::ImageRequest& image) {
  const int x = std::clamp(static_cast<int>(image.x), 0, canvas_width);
  const int y = std::clamp(static_cast<int>(image.y), 0, canvas_height);
  const int width = std::clamp(static_cast<int>(image.width), 0, canvas_width - x);
  const int height = std::clamp(static_cast<int>(image.height), 0, canvas_height - y);
  if (width == 0 || height == 0) return;
  std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 4);
  glReadPixels(x, canvas_height - y - height, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  EM_ASM({ window.zengshou.downloadPng(UTF8ToString($0), $1, $2, $3); }, image.name.c_str(), pixels.data(), width,
         height);
}

// Hands the page what the app asked for this frame: the overlay text input, a file picker, a download.
void sync_platform() {
  const zengshou::app::TextEdit& edit = app->text_edit();
  static uint32_t shown_generation = 0;
  static bool shown = false;
  if (edit.active) {
    // The arguments are computed here: clang-format does not know JavaScript and would break operators.
    const int is_new = !shown || edit.generation != shown_generation;
    // The text crosses only when the edit begins: the page's field holds it from then on (a pasted document is long).
    EM_ASM({ window.zengshou.showEditor($0, $1, $2, $3, $4, UTF8ToString($5), $6, $7, $8); }, edit.generation,
           edit.rect.x, edit.rect.y, edit.rect.width, edit.rect.height, is_new ? edit.text.c_str() : nullptr,
           edit.numeric, is_new, edit.multiline);
    shown = true;
    shown_generation = edit.generation;
  } else if (shown) {
    EM_ASM(window.zengshou.hideEditor(););
    shown = false;
  }
  zengshou::app::PlatformRequests requests = app->take_requests();
  if (requests.open_file) EM_ASM(window.zengshou.pickFile(););
  if (requests.save_name.ends_with(".xlsx"))  // written by the page's workbook module from its JSON
    EM_ASM({ window.zengshou.downloadWorkbook(UTF8ToString($0), UTF8ToString($1)); }, requests.save_name.c_str(),
           requests.save_text.c_str());
  else if (!requests.save_name.empty())
    EM_ASM({ window.zengshou.download(UTF8ToString($0), UTF8ToString($1)); }, requests.save_name.c_str(),
           requests.save_text.c_str());
  if (const auto& options = requests.read_workbook)
    EM_ASM({ window.zengshou.readWorkbook(UTF8ToString($0)); }, options->c_str());
  if (!requests.image.name.empty()) save_image(requests.image);
  if (!requests.page_html.empty()) EM_ASM({ window.zengshou.openPage(UTF8ToString($0)); }, requests.page_html.c_str());
  if (!requests.share_text.empty()) EM_ASM({ window.zengshou.share(UTF8ToString($0)); }, requests.share_text.c_str());
  if (!requests.share_policy.empty())
    EM_ASM({ window.zengshou.share(UTF8ToString($0), 'policy'); }, requests.share_policy.c_str());
  if (!requests.backup_export.empty())
    EM_ASM({ window.zengshou.exportBackup(UTF8ToString($0)); }, requests.backup_export.c_str());
  store_workspace(false);
}

// How long the app's own work takes each frame (UI, evaluation, draw calls), over the last 120 frames.
struct FrameTimes {
  double ms[120] = {};
  int next = 0, count = 0;
  void add(double value) {
    ms[next] = value;
    next = (next + 1) % 120;
    count = count < 120 ? count + 1 : 120;
  }
} frame_times;
std::string last_frame_stats;

void frame() {
  const double start = emscripten_get_now();
  fit_canvas_to_page();
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // GLFW's idea of the window size is stale (see fit_canvas_to_page): the canvas is the display.
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(canvas_width), static_cast<float>(canvas_height));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  ImGui::NewFrame();
  app->draw_frame();
  ImGui::Render();

  glViewport(0, 0, canvas_width, canvas_height);
  glClearColor(0.94f, 0.94f, 0.94f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  sync_platform();
  frame_times.add(emscripten_get_now() - start);
  if (!first_frame_done) {
    first_frame_done = true;
    EM_ASM(window.zengshou.onFirstFrame(););
  }
}

}  // namespace

extern "C" {

// The app's state for the page and the browser tests, as JSON. Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* zengshou_state() {
  last_state = app ? app->state_json() : "{}";
  return last_state.c_str();
}

// Frame work times over the last frames, as JSON: { "frames", "mean_ms", "max_ms" }.
EMSCRIPTEN_KEEPALIVE const char* zengshou_frame_stats() {
  double sum = 0, max = 0;
  for (int i = 0; i < frame_times.count; ++i) {
    sum += frame_times.ms[i];
    max = std::max(max, frame_times.ms[i]);
  }
  char text[128];
  std::snprintf(text, sizeof text, "{\"frames\": %d, \"mean_ms\": %.3f, \"max_ms\": %.3f}", frame_times.count,
                frame_times.count ? sum / frame_times.count : 0.0, max);
  last_frame_stats = text;
  return last_frame_stats.c_str();
}

// The overlay input's text changed (every keystroke, IME commit or paste).
EMSCRIPTEN_KEEPALIVE void zengshou_text_input(const char* text) {
  if (app) app->text_edit_input(text);
}

// The overlay input lost focus or was committed; `generation` names the edit it belonged to.
EMSCRIPTEN_KEEPALIVE void zengshou_text_close(uint32_t generation) {
  if (app) app->text_edit_close(generation);
}

// The bytes of a file the user picked, as they are (NULs too): the app decodes them.
EMSCRIPTEN_KEEPALIVE void zengshou_open_file(const char* data, int size) {
  if (app) app->open_file_text(std::string_view(data, static_cast<size_t>(size)));
}

// A picked workbook's roster, as the page's workbook module read it (formats/workbook_json.h).
EMSCRIPTEN_KEEPALIVE void zengshou_workbook_read(const char* json) {
  if (app) app->workbook_read(json);
}

// The page is being hidden or closed: store any change now rather than at the next frame.
EMSCRIPTEN_KEEPALIVE void zengshou_flush() {
  if (!app) return;
  store_workspace(true);
}

// Every change not yet in the database, as JSON, for the page's localStorage copy. Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* zengshou_unsaved() {
  last_state = app ? app->unsaved_records_json() : "[]";
  return last_state.c_str();
}

// A record read from the database at start (`unsaved`: from the page's copy of changes it had not stored).
EMSCRIPTEN_KEEPALIVE void zengshou_restore_record(const char* key, int version, const char* data, int size,
                                                  int unsaved) {
  if (app) app->restore_record(key, version, std::string_view(data, static_cast<size_t>(size)), unsaved != 0);
}

// Whether a stored record reads: "" or its first problem (the browser tests check every record after every action).
EMSCRIPTEN_KEEPALIVE const char* zengshou_check_record(const char* key, const char* text) {
  last_state = zengshou::app::check_record(key, text);
  return last_state.c_str();
}

// The backups the page keeps: [[key, when, households], …].
EMSCRIPTEN_KEEPALIVE void zengshou_backups(const char* list) {
  if (!app) return;
  std::vector<zengshou::app::App::Backup> backups;
  const auto json = nlohmann::json::parse(list, nullptr, false);
  if (json.is_array())
    for (const auto& b : json)
      if (b.is_array() && b.size() == 3 && b[0].is_string() && b[1].is_string() && b[2].is_number_integer())
        backups.push_back({b[0].get<std::string>(), b[1].get<std::string>(), b[2].get<int>()});
  app->set_backups(std::move(backups));
}

// An older workspace file (before records) to move into the database.
EMSCRIPTEN_KEEPALIVE void zengshou_migrate(const char* data, int size) {
  if (app) app->migrate_workspace(std::string_view(data, static_cast<size_t>(size)));
}

// The outcome of the write under way: a record stored at `version`; one another tab stored first (its version and
// content, or size -1 when it deleted it); the end of the batch (`failed`: nothing of it was stored).
EMSCRIPTEN_KEEPALIVE void zengshou_store_written(const char* key, int version) {
  if (app) app->store_written(key, version);
}
EMSCRIPTEN_KEEPALIVE void zengshou_store_conflict(const char* key, int version, const char* data, int size) {
  if (app) app->store_conflict(key, version, page_text(data, size));
}
EMSCRIPTEN_KEEPALIVE void zengshou_store_done(int failed) {
  if (app) app->store_done(failed != 0);
}

// Another tab stored (or deleted, size -1) a household record.
EMSCRIPTEN_KEEPALIVE void zengshou_stored_elsewhere(const char* key, int version, const char* data, int size) {
  if (app) app->stored_elsewhere(key, version, page_text(data, size));
}

// The share link the page made from the app's share text.
EMSCRIPTEN_KEEPALIVE void zengshou_share_link(const char* link) {
  if (app) app->share_link_made(link);
}

// The full font, loaded after the first frame: it replaces the UI-only font from the next frame on.
EMSCRIPTEN_KEEPALIVE void zengshou_use_font(const unsigned char* data, int size) {
  if (app) app->replace_font(std::vector<unsigned char>(data, data + size));
}

// The browser's storage failed (1: no database, 2: full, 3: a write failed, `detail` says why; 4: the database did
// not answer at start) or works again (0).
EMSCRIPTEN_KEEPALIVE void zengshou_storage_problem(int kind, const char* detail) {
  using Problem = zengshou::app::App::StorageProblem;
  constexpr Problem problems[] = {Problem::none, Problem::unavailable, Problem::full, Problem::failed, Problem::slow};
  if (app && kind >= 0 && kind <= 4) app->set_storage_problem(problems[kind], detail);
}

// The content of the share link the page was opened with. 1 when it is a later version's: the page keeps it for
// the next start, when the updated program can read it.
EMSCRIPTEN_KEEPALIVE int zengshou_open_share(const char* text) {
  if (app) app->open_share(text);
  return zengshou::core::share_is_newer(text) ? 1 : 0;
}

// The policy file a policy link (#policy=) carried.
EMSCRIPTEN_KEEPALIVE void zengshou_open_policy_link(const char* text) {
  if (app) app->open_policy_link(text);
}

}  // extern "C"

int main() {
  if (!glfwInit()) {
    EM_ASM(window.zengshou.onFatal("glfw"););
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  // At the size the page gives the canvas: made at another and sized on the first frame, the drawing buffer was made
  // twice, which cost the first frame 40–100 ms in headless Chromium.
  const DeviceSize size = canvas_size_on_page();
  window = glfwCreateWindow(size.width, size.height, "Zengshou", nullptr, nullptr);
  if (window == nullptr) {
    EM_ASM(window.zengshou.onFatal("webgl2"););
    return 1;
  }
  canvas_width = size.width;
  canvas_height = size.height;
  glfwMakeContextCurrent(window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // layout is the app's, not a file's
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  glfwSetScrollCallback(window, nullptr);  // the wheel is read from the page instead (on_wheel)
  emscripten_set_wheel_callback("#canvas", nullptr, true, on_wheel);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  app = std::make_unique<zengshou::app::App>(take_ui_font());
  app->enable_text_overlay();
  app->set_touch(EM_ASM_INT(return matchMedia('(pointer: coarse)').matches ? 1 : 0;) != 0);
  // The workspace the page read from the database while the WebAssembly loaded, handed over record by record.
  EM_ASM(window.zengshou.store.restore(););
  app->restore_finished();
  // The first frame at once, not at the next animation frame: after this start-up the browser is busy for another
  // 100–150 ms before it runs one (measured in headless Chromium), and the page would show nothing meanwhile.
  frame();
  emscripten_set_main_loop(frame, 0, true);
  return 0;
}
