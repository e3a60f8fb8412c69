// The kiosk's page side (issue 6): settings read from the page's address, telling the page when a visit was
// wiped (it clears storage, the address and its text input), fetching the self-test's suite file on demand, and
// a timer that wakes the paused render loop when the idle countdown must appear.
#pragma once

#include "app/kiosk_state.hpp"

namespace portal::ui {
class PortalUi;
}

namespace portal::platform {

// What the page passed through portal_configure_kiosk() before starting (off when it never called).
const app::KioskSettings& kiosk_settings_from_page();

// After every frame: effects the kiosk asks of the page.
void kiosk_after_frame(ui::PortalUi& ui);

// The loop is about to pause: if a visit is running, wake it when its countdown must start.
void kiosk_arm_wake_timer(const ui::PortalUi& ui, void (*wake)());

}  // namespace portal::platform
