// The kiosk's rules, as pure functions over the app state and an explicit clock (seconds), so tests drive a
// whole visit, its idle countdown and the reset without waiting.
#pragma once

#include <string>
#include <string_view>

#include "app/app_state.hpp"

namespace portal::app {

// Reads the page's own query flags: `?kiosk`, `&idle=N` (seconds, default 90; decimals allowed so tests can
// idle quickly), `&share_base=<http(s) URL>`. Anything unusable falls back to the default.
KioskSettings kiosk_settings(bool enabled, double idle_seconds, const std::string& share_base);

// Only an absolute http(s) address without spaces, quotes or a fragment is used as the QR link's base.
bool valid_share_base(std::string_view url);

// Turns the kiosk on (the attract screen first) or leaves the app as it is when the settings say off.
void configure_kiosk(AppState& state, const KioskSettings& settings);

// The last seconds of the idle time show a countdown: 15 s at the booth's 90, less when the idle time is short.
double countdown_length(const KioskSettings& settings);

// A touch: starts a visit from the attract screen, or keeps the current one going.
void kiosk_activity(AppState& state, double now);

// Moves the phase on with the clock. Returns true when the idle time ran out: the caller then wipes the visit
// (the app state through kiosk_reset, and its own widget state).
bool kiosk_idle_expired(AppState& state, double now);

// Seconds until the countdown begins (0 when it runs, or outside a visit); the platform sets a wake-up for it
// because a paused render loop would not notice time passing.
double seconds_until_countdown(const AppState& state, double now);
// Seconds left before the reset during a visit (the countdown's number).
double seconds_until_reset(const AppState& state, double now);

// Everything of the visit back to the start: a fresh state over the same loaded catalog, in the booth's
// language (zh), on the attract screen. The settings, the staff self-test and the counters stay.
void kiosk_reset(AppState& state);

void request_kiosk_reset(AppState& state);  // "start over": done by the UI root after the frame
void open_share_panel(AppState& state, bool open);
void close_link_panel(AppState& state);
// The staff self-test: opening it runs the data's examples at once and asks the platform for the JsonLogic
// suite file, which it hands to finish_selftest_suite (with an error text when it could not be fetched).
void open_selftest(AppState& state, bool open);
void finish_selftest_suite(AppState& state, std::string_view suite_text, const std::string& fetch_error);

// The test hook's kiosk fields (tests/README.md): `kiosk`, `idle`, `selftest`, `kiosk_link`, `share_open`.
nlohmann::json kiosk_snapshot(const AppState& state, double now);

}  // namespace portal::app
