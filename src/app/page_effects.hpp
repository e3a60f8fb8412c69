// What the page around the app must do after a frame: effects the app asks for but cannot perform itself
// (opening a tab, the clipboard, a download, the address bar and history, the device's storage, fetching the
// policies' details after the first frame). The app only describes them; the platform performs them. Keeping
// the decisions here (push or replace? store or remove? fetch now?) lets tests check them without a browser.
#pragma once

#include <optional>
#include <string>

#include "app/app_state.hpp"
#include "core/share_state.hpp"

namespace portal::app {

struct PageEffects {
    std::string open_url;                          // open in a new tab ("" for none)
    std::string copy_link;                         // put on the clipboard, then report with share_finished()
    std::optional<AppState::Download> download;    // offer as a file
    std::optional<std::string> address;            // the new fragment for the address bar (without '#')
    bool push_history = false;                     // with `address`: a new history entry (else replace)
    std::optional<std::string> device_memory;      // store this text ("" = remove what is stored)
    std::optional<std::string> session_memory;     // the tab's copy of the answers ("" = remove it)
    bool pick_preview_file = false;                // open the file picker for a data author's preview
    std::string fetch_details;                     // fetch this details file, then deliver it ("" for none)
    std::string fetch_english;                     // fetch this English file, then deliver it ("" for none)

    bool empty() const {
        return open_url.empty() && copy_link.empty() && !download && !address && !device_memory && !session_memory &&
               !pick_preview_file && fetch_details.empty() &&
               fetch_english.empty();
    }
};

// Remembers what the page was last told, so each effect is asked for once, when something changed.
class PageSync {
public:
    // Private pages (the kiosk) never add history entries, never touch storage and keep the address bar clean.
    explicit PageSync(bool private_page = false) : private_page_(private_page) {}

    // Takes the pending one-shot requests out of the state and compares the rest with what the page has.
    PageEffects take(AppState& state);

    // The page moved to this fragment by itself (back / forward, an edited address, the first load), and the
    // state has been made to match it: the address bar needs no update for it.
    void address_followed(const AppState& state);

private:
    bool private_page_;
    bool address_known_ = false;
    core::ShareState address_state_;
    std::string address_;
    std::optional<std::string> stored_;  // what the device holds as far as we know (nullopt = not yet known)
    std::optional<std::string> session_stored_;  // the same for the tab's copy
};

}  // namespace portal::app
