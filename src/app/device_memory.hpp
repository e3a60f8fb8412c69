// "Remember on this device": the visitor's answers kept in the browser's storage, only when they ask for it.
// The app decides what is kept (a small versioned JSON text); the platform only stores and returns the text.
#pragma once

#include <string>
#include <string_view>

#include "app/app_state.hpp"

namespace portal::app {

// What the device should hold now: the answers when remembering is on and there are answers, else "" (meaning
// "hold nothing": the platform removes its copy).
std::string device_memory_payload(const AppState& state);

// Restores answers kept earlier (called once at start). A payload that is unreadable, from another version or
// holding answers that fit no question is ignored in whole or in part; nothing is ever fatal. Returns whether
// any answer was restored; remembering is switched on when the payload was ours.
bool restore_device_memory(AppState& state, std::string_view payload);

// This tab's copy of the answers, so a reload (or a visit to another page and back) keeps them: the platform
// keeps it in sessionStorage, which the browser drops when the tab closes. "" when there are no answers.
std::string session_memory_payload(const AppState& state);
// Restores this tab's copy (called once at start, after the device's memory, which it supersedes: it is newer).
// Like restore_device_memory, but remembering on the device stays as it was.
bool restore_session_memory(AppState& state, std::string_view payload);

// Intents: turning it on keeps the current answers from now on; "forget" turns it off and clears the answers.
void set_remember_on_device(AppState& state, bool remember);
void forget_answers(AppState& state);

}  // namespace portal::app
