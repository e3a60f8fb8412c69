// Browser entry points. The page's loader (shell/portal-loader.js) downloads the wasm, the policy data and the
// font with a progress bar, then calls portal_start() with the bytes. Everything the page asks of the app later
// (the test hook's state() and locate()) goes through the small C functions below, so the JS side never needs
// to know the app's C++ types.
#include "platform/runner.hpp"
#include "platform/web_edition.hpp"
#include "platform/web_page.hpp"
#include "platform/web_text_input.hpp"
#include "ui/portal_ui.hpp"

#include <emscripten/emscripten.h>

#include <optional>
#include <string>

// clang-format off
// The accessibility mirror's update for the page (shell/a11y-mirror.js); sent only when a frame changed it.
EM_JS(void, js_a11y_update, (const char* json), {
    if (window.portalA11y) window.portalA11y.update(UTF8ToString(json));
});
// clang-format on

namespace {

portal::platform::Runner& runner() {
    static portal::platform::Runner instance;
    return instance;
}

bool g_started = false;
bool g_loop_paused = false;
// The English file a page starting in English handed over before portal_start() (portal_english()).
std::optional<portal::app::EarlyEnglish> g_early_english;

// Called by the browser once per display refresh while the loop runs. When nothing changed, the loop pauses
// itself: an idle page then costs no CPU at all. The page's input listeners call portal_wake() to resume it.
void wake_loop();

void run_one_frame() {
    const auto result = runner().frame();
    if (result.drew) {
        portal::platform::perform_page_effects(runner().ui().take_page_effects());
        const std::string mirror = runner().ui().take_a11y_update();
        if (!mirror.empty()) js_a11y_update(mirror.c_str());
    }
    portal::platform::edition_after_frame(runner().ui());
    if (!result.drew) {
        emscripten_pause_main_loop();
        g_loop_paused = true;
        portal::platform::edition_before_pause(runner().ui(), wake_loop);
    }
}

std::string& reply_buffer() {
    static std::string buffer;
    return buffer;
}

}  // namespace

extern "C" {

// Returns 1 when the app is running, 0 when it could not start (the reason is in portal_start_error()).
EMSCRIPTEN_KEEPALIVE int portal_start(const char* policy_json, int policy_len, const unsigned char* font,
                                      int font_len, const char* lang, const char* today) {
    portal::ui::StartupData input;
    input.policy_json.assign(policy_json, static_cast<size_t>(policy_len));
    input.policy_file_name = "policies.json";
    input.font.assign(font, font + font_len);
    input.preferred_lang = lang;
    input.today = today;
    portal::platform::edition_startup(input);
    if (g_early_english) input.english = std::move(*g_early_english);
    g_early_english.reset();
    if (!runner().start(std::move(input))) return 0;
    portal::platform::install_web_text_input();
    g_started = true;
    emscripten_set_main_loop(run_one_frame, 0, false);
    return 1;
}

EMSCRIPTEN_KEEPALIVE const char* portal_start_error() { return runner().error().c_str(); }

// 1 while the loop is paused: nothing changed, so nothing is drawn until input (or a due timer) wakes it.
EMSCRIPTEN_KEEPALIVE int portal_loop_paused() { return g_loop_paused ? 1 : 0; }

// Input, resize, focus or visibility changed on the page: draw again.
EMSCRIPTEN_KEEPALIVE void portal_wake() {
    if (!g_started) return;
    runner().wake();
    if (g_loop_paused) {
        g_loop_paused = false;
        emscripten_resume_main_loop();
    }
}

// Runs a frame now, inside the current event handler (see the loader: phones need focus in the gesture).
EMSCRIPTEN_KEEPALIVE void portal_frame_now() {
    if (!g_started) return;
    portal_wake();
    run_one_frame();
}

// Right after portal_start(): the page's address (for copied links), its fragment (a shared screen), what this
// device remembered (only ever stored at the visitor's request), this tab's answers from before a reload, and
// whether this is a shared machine.
EMSCRIPTEN_KEEPALIVE void portal_open_page(const char* page_url, const char* fragment, const char* device_memory,
                                           const char* session_memory, int private_page) {
    portal::ui::PageOpening opening;
    opening.page_url = page_url;
    opening.fragment = fragment;
    opening.device_memory = device_memory;
    opening.session_memory = session_memory;
    opening.private_page = private_page != 0;
    runner().ui().open_page(opening);
    portal_wake();
}

// The system's reduced-motion and contrast settings, at start and whenever they change.
EMSCRIPTEN_KEEPALIVE void portal_system_preferences(int reduced_motion, int more_contrast) {
    runner().ui().set_system_preferences({reduced_motion != 0, more_contrast != 0});
    portal_wake();
}

// Back / forward or an edited address changed the fragment: show that screen.
EMSCRIPTEN_KEEPALIVE void portal_follow_address(const char* fragment) {
    runner().ui().follow_address(fragment);
    portal_wake();
}

EMSCRIPTEN_KEEPALIVE void portal_share_finished(int copied) {
    runner().ui().share_finished(copied != 0);
    portal_wake();
}

// A data author's local policy file, picked or dropped (platform/web_page.cpp): its bytes and name, read in
// the page and handed over here; nothing is sent anywhere or kept. A negative length: the page could not copy
// the file into the app's memory. Returns 1 when the app was running.
EMSCRIPTEN_KEEPALIVE int portal_preview_file(const char* bytes, int length, const char* name, int name_length) {
    if (!g_started) return 0;
    std::string file_name(name, static_cast<size_t>(name_length));
    if (length < 0) {
        runner().ui().preview_unreadable(file_name);
    } else {
        runner().ui().open_preview(std::string_view(bytes, static_cast<size_t>(length)), file_name);
    }
    portal_wake();
    return 1;
}

// The policies' details file the app asked for (app/details.hpp): its bytes, or (error not empty) why it could not
// be fetched.
EMSCRIPTEN_KEEPALIVE void portal_details(const char* bytes, int length, const char* error) {
    if (!g_started) return;
    runner().ui().deliver_details(std::string_view(bytes, static_cast<size_t>(length)), error);
    portal_wake();
}

// The policies' English file (app/english.hpp): its bytes, or (error not empty) why it could not be fetched. A page
// that starts in English hands it over before portal_start(), which joins it before the first frame; otherwise the
// app asked for it after its first frame.
EMSCRIPTEN_KEEPALIVE void portal_english(const char* bytes, int length, const char* error) {
    if (!g_started) {
        g_early_english = portal::app::EarlyEnglish{std::string(bytes, static_cast<size_t>(length)), error};
        return;
    }
    runner().ui().deliver_english(std::string_view(bytes, static_cast<size_t>(length)), error);
    portal_wake();
}

EMSCRIPTEN_KEEPALIVE void portal_gl_context_lost() { runner().gl_context_lost(); }

EMSCRIPTEN_KEEPALIVE void portal_gl_context_restored() {
    runner().gl_context_restored();
    portal_wake();
}

// The test hook's snapshot of app state, as JSON text (valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* portal_state_json() {
    reply_buffer() = runner().ui().state_json();
    return reply_buffer().c_str();
}

// The rectangle of a named widget in CSS pixels relative to the canvas, as JSON, or "null" if not on screen.
EMSCRIPTEN_KEEPALIVE const char* portal_locate_json(const char* id) {
    reply_buffer() = runner().ui().locate_json(id);
    return reply_buffer().c_str();
}

// A node of the accessibility mirror received the page's focus: its widget gets ImGui's keyboard focus.
// Returns 1 when the key named a widget of the last frame.
EMSCRIPTEN_KEEPALIVE int portal_a11y_focus(const char* key) {
    if (!g_started) return 0;
    const bool found = runner().ui().a11y_focus(key);
    portal_wake();
    return found ? 1 : 0;
}

}  // extern "C"

namespace {
void wake_loop() { portal_wake(); }
}  // namespace

int main() { return 0; }  // the runtime stays alive; the loader calls portal_start() once the data is here
