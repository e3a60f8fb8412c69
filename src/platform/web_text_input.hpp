// Browser text entry (IME, paste, clipboard) through a real <input> on the page; see web_text_input.cpp.
#pragma once

namespace portal::platform {

// Routes ImGui's IME position and clipboard to the page. Call after the ImGui backends are initialised.
void install_web_text_input();

// Releases every key SDL and ImGui believe held: called whenever keyboard focus changes hands, because the
// key-up of a key held across the change reaches the other owner (or nobody) and would be lost.
void release_held_keys();

}  // namespace portal::platform
