// The kiosk's screens and controls, drawn around the ordinary portal views: the attract screen between
// visitors, the "still there?" countdown, the bottom bar with "start over" and "take my results", the QR panels
// (the visitor's results; an outside link), the category tiles that start browsing without typing, the keypad
// that answers number and date questions by tapping, and the staff self-test.
#pragma once

#include <string>

#include "ui/view_context.hpp"

namespace portal::ui {

// The kiosk is laid out as if on a 1120 x 660 screen and magnified to fill the real one (1080p: x1.64,
// 4K at one CSS pixel per device pixel: x3.27), so every size, margin and column cap grows together and text
// reads from a metre away.
float kiosk_zoom(float css_width, float css_height);

// Height of the bottom bar: the portal's own window ends above it.
float kiosk_bar_height();

// Whether the visitor did anything this frame (touch, move, key, wheel, text): keeps the visit alive.
bool kiosk_input_this_frame();
// A fresh press (a touch starts a visit from the attract screen; moving alone does not).
bool kiosk_press_this_frame();

void draw_attract(ViewContext& ctx);
void draw_countdown(ViewContext& ctx, double seconds_left);

// The bar: returns true while the staff gesture (holding the booth's name) is in progress, so the render loop
// keeps counting the three seconds.
bool draw_kiosk_bar(ViewContext& ctx, float top);

void draw_share_panel(ViewContext& ctx, const std::string& url);
void draw_link_panel(ViewContext& ctx);
void draw_selftest(ViewContext& ctx, const char* build_date);

// Under the kiosk's results: "scan to take your results with you" (opens the QR panel).
void draw_kiosk_take_away(ViewContext& ctx);

// Explore's start in the kiosk: a tile per category (and the check). True when drawn (no filter, no query yet).
bool draw_category_tiles(ViewContext& ctx);
// Above the explore list in the kiosk: back to the tiles.
void draw_back_to_tiles(ViewContext& ctx);

// Digits, point / dash and delete for the number or date question `question` (no keyboard needed).
void draw_keypad(ViewContext& ctx, int question);

// Seconds the booth's name must be held to open the staff self-test.
inline constexpr double kStaffHoldSeconds = 3.0;

}  // namespace portal::ui
