// The kiosk's visit cycle, reset and self-test (app/kiosk.hpp).
#include "app/kiosk.hpp"

#include "core/load.hpp"

#include <algorithm>
#include <cctype>

#include "app/derive.hpp"
#include "app/share_link.hpp"
#include "core/conformance.hpp"
#include "core/examples.hpp"

namespace portal::app {

namespace {

constexpr double kDefaultIdleSeconds = 90.0;
constexpr double kMinIdleSeconds = 0.5;     // tests idle quickly; a booth uses tens of seconds
constexpr double kMaxIdleSeconds = 3600.0;
constexpr double kLongestCountdown = 15.0;

// Strings of the visit are overwritten before they are dropped: freed heap keeps its bytes, and the next visitor
// must not be able to find the last one's search in memory.
void wipe(std::string& text) {
    std::fill(text.begin(), text.end(), '\0');
    text.clear();
    text.shrink_to_fit();
}

}  // namespace

bool valid_share_base(std::string_view url) {
    if (url.size() > 512 || !core::is_web_url(std::string(url))) return false;
    return std::none_of(url.begin(), url.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '#' || c == '\\' || c == '`';
    });
}

KioskSettings kiosk_settings(bool enabled, double idle_seconds, const std::string& share_base) {
    KioskSettings settings;
    settings.enabled = enabled;
    const bool usable = idle_seconds == idle_seconds && idle_seconds >= kMinIdleSeconds;  // NaN fails the first
    settings.idle_seconds = usable ? std::min(idle_seconds, kMaxIdleSeconds) : kDefaultIdleSeconds;
    if (valid_share_base(share_base)) settings.share_base = share_base;
    return settings;
}

void configure_kiosk(AppState& state, const KioskSettings& settings) {
    state.kiosk = KioskState{};
    state.kiosk.settings = settings;
    state.kiosk.phase = KioskPhase::attract;
}

double countdown_length(const KioskSettings& settings) {
    return std::clamp(settings.idle_seconds / 3.0, std::min(1.0, settings.idle_seconds), kLongestCountdown);
}

void kiosk_activity(AppState& state, double now) {
    KioskState& kiosk = state.kiosk;
    if (!kiosk.settings.enabled) return;
    kiosk.last_activity = now;
    if (kiosk.phase != KioskPhase::visit) kiosk.phase = KioskPhase::visit;
}

bool kiosk_idle_expired(AppState& state, double now) {
    KioskState& kiosk = state.kiosk;
    if (!kiosk.settings.enabled || kiosk.phase == KioskPhase::attract) return false;
    const double idle = now - kiosk.last_activity;
    if (idle >= kiosk.settings.idle_seconds) return true;
    if (idle >= kiosk.settings.idle_seconds - countdown_length(kiosk.settings)) kiosk.phase = KioskPhase::countdown;
    return false;
}

double seconds_until_countdown(const AppState& state, double now) {
    const KioskState& kiosk = state.kiosk;
    if (!kiosk.settings.enabled || kiosk.phase != KioskPhase::visit) return 0.0;
    const double starts = kiosk.last_activity + kiosk.settings.idle_seconds - countdown_length(kiosk.settings);
    return std::max(0.0, starts - now);
}

double seconds_until_reset(const AppState& state, double now) {
    const KioskState& kiosk = state.kiosk;
    if (!kiosk.settings.enabled || kiosk.phase == KioskPhase::attract) return 0.0;
    return std::max(0.0, kiosk.last_activity + kiosk.settings.idle_seconds - now);
}

void kiosk_reset(AppState& state) {
    wipe(state.query);
    wipe(state.draft.text);
    state.search.forget();  // it keeps the terms searched
    AppState fresh;
    fresh.catalog = state.catalog;
    fresh.as_of = state.as_of;
    fresh.error = state.error;
    fresh.page_url = state.page_url;
    fresh.frames = state.frames;
    fresh.lang = core::Lang::zh;  // the booth's own language, whatever the last visitor chose
    fresh.kiosk.settings = state.kiosk.settings;
    fresh.kiosk.selftest = std::move(state.kiosk.selftest);
    fresh.kiosk.resets = state.kiosk.resets + 1;
    fresh.kiosk.phase = KioskPhase::attract;
    state = std::move(fresh);
    if (!state.catalog) return;
    refresh_list(state);
    refresh_evaluation(state);
}

void request_kiosk_reset(AppState& state) { state.kiosk.reset_requested = true; }

void open_share_panel(AppState& state, bool open) { state.kiosk.share_open = open; }

void close_link_panel(AppState& state) { state.kiosk.link_url.clear(); }

void open_selftest(AppState& state, bool open) {
    state.kiosk.selftest_open = open;
    if (!open || !state.catalog) return;
    // Fresh counts each time the screen opens: staff may have changed something and want to see it again.
    SelftestReport& report = state.kiosk.selftest;
    report = SelftestReport{};
    const auto results = core::run_examples(state.catalog->set, state.as_of);
    for (const core::ExampleResult& result : results) {
        if (result.passed) {
            ++report.examples.passed;
            continue;
        }
        ++report.examples.failed;
        report.failures.push_back("example " + result.pointer + ": " + result.message);
    }
    report.examples_done = true;
    report.suite_requested = true;  // the platform fetches jsonlogic-tests.json and calls finish_selftest_suite
}

void finish_selftest_suite(AppState& state, std::string_view suite_text, const std::string& fetch_error) {
    SelftestReport& report = state.kiosk.selftest;
    report.suite_requested = false;
    report.suite_done = true;
    if (!fetch_error.empty()) {
        report.suite_error = fetch_error;
        return;
    }
    const core::ConformanceReport suite = core::run_jsonlogic_suite(suite_text);
    report.suite_error = suite.error;
    report.jsonlogic = {suite.passed, suite.failed};
    for (const core::ConformanceFailure& failure : suite.failures)
        report.failures.push_back("jsonlogic case " + std::to_string(failure.index) + ": " + failure.message);
}

namespace {

const char* phase_name(KioskPhase phase) {
    switch (phase) {
        case KioskPhase::attract: return "attract";
        case KioskPhase::visit: return "visit";
        case KioskPhase::countdown: return "countdown";
    }
    return "attract";
}

nlohmann::json counts(const SelftestCounts& c) { return {{"passed", c.passed}, {"failed", c.failed}}; }

}  // namespace

nlohmann::json kiosk_snapshot(const AppState& state, double now) {
    const KioskState& kiosk = state.kiosk;
    nlohmann::json out;
    out["kiosk"] = kiosk.settings.enabled;
    if (!kiosk.settings.enabled) return out;
    out["idle"] = {{"phase", phase_name(kiosk.phase)},
                   {"countdown", kiosk.phase == KioskPhase::countdown},
                   {"seconds_left", seconds_until_reset(state, now)},
                   {"idle_seconds", kiosk.settings.idle_seconds},
                   {"countdown_seconds", countdown_length(kiosk.settings)},
                   {"resets", kiosk.resets}};
    out["kiosk_link"] = kiosk.link_url.empty() ? nlohmann::json(nullptr) : nlohmann::json(kiosk.link_url);
    out["share_open"] = kiosk.share_open;
    out["share_url"] = share_url(state, true);
    const SelftestReport& report = kiosk.selftest;
    if (!kiosk.selftest_open && !report.examples_done) {
        out["selftest"] = nullptr;
    } else {
        out["selftest"] = {{"open", kiosk.selftest_open},
                           {"done", report.examples_done && report.suite_done},
                           {"examples", counts(report.examples)},
                           {"jsonlogic", counts(report.jsonlogic)},
                           {"error", report.suite_error.empty() ? nlohmann::json(nullptr) : nlohmann::json(report.suite_error)},
                           {"failures", report.failures}};
    }
    return out;
}


}  // namespace portal::app
