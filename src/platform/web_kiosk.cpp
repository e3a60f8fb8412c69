// The booth's page side (platform/web_edition.hpp): settings read from the page's address, telling the page when
// a visit was wiped (it clears storage, the address and its text input), fetching the self-test's suite file on
// demand, and a timer that wakes the paused render loop when the idle countdown must appear.
#include "platform/web_edition.hpp"

#include "app/kiosk.hpp"
#include "ui/kiosk_booth.hpp"
#include "ui/portal_ui.hpp"

#include <emscripten/emscripten.h>

#include <cmath>
#include <cstdint>
#include <string>

// clang-format off
// The page forgets the visit: storage, the address (back to the bare kiosk URL) and its text input (kiosk.js).
EM_JS(void, js_kiosk_visit_wiped, (), {
    if (window.portalKiosk) window.portalKiosk.visitWiped();
});
// The suite is fetched only when staff open the self-test, never on a visitor's first load.
EM_JS(void, js_kiosk_fetch_suite, (), {
    const deliver = (text, error) => {
        const put = (s) => { const n = lengthBytesUTF8(s) + 1; const p = _malloc(n); stringToUTF8(s, p, n); return p; };
        const t = put(text), e = put(error);
        _portal_kiosk_suite(t, lengthBytesUTF8(text), e);
        _free(t); _free(e);
    };
    fetch('jsonlogic-tests.json', { cache: 'no-cache' })
        .then((r) => { if (!r.ok) throw new Error('HTTP ' + r.status); return r.text(); })
        .then((text) => deliver(text, ''), (err) => deliver('', String((err && err.message) || err)));
});
// clang-format on

namespace portal::platform {

namespace {

app::KioskSettings& page_settings() {
    static app::KioskSettings settings;
    return settings;
}

ui::PortalUi* g_ui = nullptr;
void (*g_wake)() = nullptr;
unsigned g_timer_generation = 0;  // only the newest timer wakes; older ones are stale

void wake_timer_fired(void* generation) {
    if (reinterpret_cast<std::uintptr_t>(generation) != g_timer_generation || g_wake == nullptr) return;
    g_wake();
}

}  // namespace

// The booth page always runs the booth, with the page's settings or the defaults.
void edition_startup(ui::StartupData& input) {
    app::KioskSettings settings = page_settings();
    settings.enabled = true;
    input.booth = ui::make_kiosk_booth(settings);
}

void edition_after_frame(ui::PortalUi& ui) {
    g_ui = &ui;
    if (ui.take_kiosk_reset()) js_kiosk_visit_wiped();
    if (ui.take_suite_request()) js_kiosk_fetch_suite();
}

void edition_before_pause(const ui::PortalUi& ui, void (*wake)()) {
    const double seconds = ui.seconds_until_wake();
    if (seconds <= 0.0) return;
    g_wake = wake;
    ++g_timer_generation;
    // A little late rather than early: the frame it wakes must find the countdown due.
    const int ms = static_cast<int>(std::ceil(seconds * 1000.0)) + 30;
    emscripten_async_call(wake_timer_fired, reinterpret_cast<void*>(static_cast<std::uintptr_t>(g_timer_generation)), ms);
}

}  // namespace portal::platform

extern "C" {

// Called by the loader before portal_start() with the page's &idle= and &share_base=.
EMSCRIPTEN_KEEPALIVE void portal_configure_kiosk(int enabled, double idle_seconds, const char* share_base) {
    portal::platform::page_settings() = portal::app::kiosk_settings(enabled != 0, idle_seconds, share_base);
}

// The self-test's suite file (error = "" when fetched).
EMSCRIPTEN_KEEPALIVE void portal_kiosk_suite(const char* text, int length, const char* error) {
    if (portal::platform::g_ui == nullptr) return;
    portal::platform::g_ui->deliver_suite(std::string_view(text, static_cast<std::size_t>(length)), error);
}

}  // extern "C"
