// Browser text entry (IME, paste, clipboard) through a real <input> on the page; see web_text_input.cpp.
#pragma once

namespace portal::platform {

// Routes ImGui's IME position and clipboard to the page. Call after the ImGui backends are initialised.
void install_web_text_input();

}  // namespace portal::platform
