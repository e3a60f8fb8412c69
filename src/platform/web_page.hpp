// The browser side of the app's page effects (app/page_effects.hpp): new tabs, the clipboard, downloads, the
// address bar and history, and the device's storage.
#pragma once

#include "app/page_effects.hpp"

namespace portal::platform {

void perform_page_effects(const app::PageEffects& effects);

}  // namespace portal::platform
