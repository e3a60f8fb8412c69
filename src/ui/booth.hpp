// The one seam between the portal every visitor gets and what only the recruitment-fair booth adds (its attract
// screen, idle countdown, bottom bar, QR panels, category tiles, keypad, staff self-test and its magnified
// layout). The common UI (PortalUi and the views) asks a Booth when there is one and draws the site when there is
// not. The booth's build links ui/kiosk_booth.cpp, whose make_kiosk_booth() makes one; the visitor's build never
// references that file, so none of the kiosk code (nor the QR encoder, nor the conformance runner) is in its wasm.
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <string_view>

#include "app/app_state.hpp"
#include "ui/fonts.hpp"

namespace portal::ui {

struct ViewContext;

class Booth {
public:
    virtual ~Booth() = default;

    // At start: the booth's own settings on the state (attract screen first, in Chinese).
    virtual void configure(app::AppState& state) = 0;
    // The attract title's large size.
    virtual FontSizes font_sizes() const = 0;
    // Layout pixels per CSS pixel for a window of this size (the booth magnifies everything).
    virtual float zoom_for(float css_width, float css_height) const = 0;

    // Before anything is drawn, with the UI clock: input keeps the visit alive, a finger drags a list (gliding
    // on after a flick only with `momentum`). True when the idle time ran out: the UI root then wipes the visit.
    virtual bool frame_start(app::AppState& state, double now, bool momentum) = 0;
    // Between visitors the booth draws the whole screen itself: true when it did (the portal is not drawn).
    virtual bool draw_screen(ViewContext& ctx) = 0;
    // The height the booth's bottom bar takes from the portal's window.
    virtual float bar_height() const = 0;
    // Over the portal: the bar, the QR panels, the staff self-test and the countdown.
    virtual void draw_layers(ViewContext& ctx, double now) = 0;

    // Inside the common views. Explore's start: true when the category tiles took the place of the list.
    virtual bool draw_explore_start(ViewContext& ctx) = 0;
    // Under a number or date field: tap the digits (a booth has no keyboard).
    virtual void draw_keypad(ViewContext& ctx, int question) = 0;
    // Under the results, instead of "keep on this device": take them away by QR code.
    virtual void draw_take_away(ViewContext& ctx) = 0;

    // The visit's app state back to the start (the UI root wipes its own widget state around it).
    virtual void reset_visit(app::AppState& state) = 0;
    // Something moves without input (the countdown, the staff gesture held, a list gliding).
    virtual bool animating(const app::AppState& state) const = 0;
    // Seconds from `now` until the countdown must appear (0: no wake-up needed).
    virtual double seconds_until_wake(const app::AppState& state, double now) const = 0;

    // The staff self-test's suite file: asked for once, handed over by the platform.
    virtual bool take_suite_request(app::AppState& state) = 0;
    virtual void deliver_suite(app::AppState& state, std::string_view text, const std::string& error) = 0;

    // The test hook's booth fields (tests/README.md), merged into the state snapshot.
    virtual void snapshot(const app::AppState& state, double now, nlohmann::json& out) const = 0;
};

}  // namespace portal::ui
