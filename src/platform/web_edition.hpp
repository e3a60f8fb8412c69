// Which page this wasm serves: the one build-time choice of the browser bundle. main_web.cpp is the same for
// both pages; each link adds one implementation of these three functions:
//   web_visitor.cpp  the visitor's site (index.html): nothing more
//   web_kiosk.cpp    the recruitment-fair booth (kiosk.html): the booth from the page's settings, the effects it
//                    asks of the page after each frame, and a timer that wakes the paused loop for the countdown
#pragma once

#include "platform/runner.hpp"

namespace portal::ui {
class PortalUi;
}

namespace portal::platform {

// Before the runner starts: what this page adds to the startup (the booth, on kiosk.html).
void edition_startup(ui::StartupData& input);

// After every frame: effects this page's app asks of the page.
void edition_after_frame(ui::PortalUi& ui);

// The loop is about to pause: wake it when something is due without input (the booth's countdown).
void edition_before_pause(const ui::PortalUi& ui, void (*wake)());

}  // namespace portal::platform
