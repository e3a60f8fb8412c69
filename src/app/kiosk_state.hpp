// What the recruitment-fair kiosk adds to the app state: its settings from the page's address, the
// visit's phase (attract screen, a visit, the "still there?" countdown), an outside link shown as a QR code
// instead of being opened, and the staff self-test's results. Plain data; the rules are in app/kiosk.hpp.
#pragma once

#include <string>
#include <vector>

namespace portal::app {

struct KioskSettings {
    bool enabled = false;
    double idle_seconds = 90.0;  // without a touch for this long, the visit ends and everything is wiped
    std::string share_base;      // where the QR's link points ("" = the page's own address); http/https only
};

enum class KioskPhase {
    attract,    // the invitation shown between visitors; a touch starts a visit
    visit,      // someone is using the booth
    countdown,  // idle for a while: "still there?" with the seconds left before the reset
};

struct SelftestCounts {
    int passed = 0;
    int failed = 0;
};

// The staff self-test: the data's own examples and the official JsonLogic suite, run in this browser.
struct SelftestReport {
    bool examples_done = false;
    bool suite_requested = false;  // the platform fetches the suite file (only when the screen is opened)
    bool suite_done = false;
    SelftestCounts examples;
    SelftestCounts jsonlogic;
    std::vector<std::string> failures;  // one line each, examples first
    std::string suite_error;            // the suite file could not be fetched or read
};

struct KioskState {
    KioskSettings settings;
    KioskPhase phase = KioskPhase::attract;
    double last_activity = 0.0;  // UI clock seconds of the last touch
    bool share_open = false;     // "take it with you": the QR of the visitor's results
    std::string link_url;        // an outside link the visitor tapped, shown as a QR code (never opened)
    bool selftest_open = false;
    bool browsing_all = false;     // explore: "all policies" chosen on the category tiles
    bool reset_requested = false;  // "start over": the UI root wipes its own widget state too, then the app's
    int resets = 0;                // visits wiped so far (the soak test watches it)
    SelftestReport selftest;
};

}  // namespace portal::app
