// The screen as a link: turning the app state into a URL fragment and back (the codec itself is core's
// share_state). The address bar always shows the screen without answers; answers go into a link only when the
// visitor asks to share them, and a link that carries answers loses them from the address bar once applied.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/app_state.hpp"
#include "core/share_state.hpp"

namespace portal::app {

core::ShareState share_state_of(const AppState& state, bool with_answers);

// The fragment text without '#' ("" for the plain start screen).
std::string share_fragment(const AppState& state, bool with_answers);

// The whole link: the page's address (or the kiosk's share_base) + '#' + fragment.
std::string share_url(const AppState& state, bool with_answers);

// Applies a fragment from the address bar (opening a link, back / forward). What the fragment says replaces the
// screen: a key it leaves out goes back to its default. Answers in it replace the visitor's answers; a fragment
// without answers leaves them alone (moving between screens must not lose them). Anything that cannot be used
// (unknown ids, answers that fit no question, a malformed fragment) is ignored and listed; a non-empty list also
// raises the notice. Returns the list.
std::vector<std::string> apply_fragment(AppState& state, std::string_view fragment);

// Whether going from one screen to the other is a step the browser's back button should undo (another view,
// another policy, a changed compare set), rather than an edit of the same screen (typing, filters, language).
bool is_new_screen(const core::ShareState& before, const core::ShareState& after);

// Intents.
void request_share(AppState& state, bool with_answers);   // "copy link" / "share with my answers"
void share_finished(AppState& state, bool copied);         // the platform reports whether the clipboard took it
void dismiss_link_notice(AppState& state);

}  // namespace portal::app
