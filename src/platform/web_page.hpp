// The browser side of the app's page effects (app/page_effects.hpp): new tabs, the clipboard, downloads, the
// address bar and history, and the device's storage.
#pragma once

#include "app/page_effects.hpp"

namespace portal::platform {

void perform_page_effects(const app::PageEffects& effects);

// The visitor's site: a policy file dropped anywhere on the page goes to the author's preview (app/preview.hpp).
void accept_dropped_policy_files();

}  // namespace portal::platform
