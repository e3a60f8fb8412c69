// Page effects: deciding what the platform must do after a frame.
#include "app/page_effects.hpp"

#include "app/device_memory.hpp"
#include "app/share_link.hpp"

namespace portal::app {

PageEffects PageSync::take(AppState& state) {
    PageEffects effects;
    effects.open_url.swap(state.pending_open_url);
    effects.copy_link.swap(state.pending_share);
    if (state.pending_download) {
        effects.download = std::move(state.pending_download);
        state.pending_download.reset();
    }
    effects.pick_preview_file = state.pick_preview_file;
    state.pick_preview_file = false;
    if (!state.catalog) return effects;
    if (take_details_request(state)) effects.fetch_details = state.details.file;
    if (take_english_request(state)) effects.fetch_english = state.english.file;
    // A preview leaves the address, the history and the storage as they were: a link or a remembered answer
    // written now would pass the author's file off as the bundled data (app/preview.hpp).
    if (state.preview) return effects;

    const core::ShareState now = share_state_of(state, false);
    const std::string fragment = private_page_ ? std::string() : core::encode_fragment(now);
    if (!address_known_ || fragment != address_) {
        effects.address = fragment;
        // The first sync only tidies the address the page was opened with (say, dropping shared answers).
        effects.push_history = address_known_ && !private_page_ && is_new_screen(address_state_, now);
        address_known_ = true;
        address_state_ = now;
        address_ = fragment;
    }

    const std::string memory = private_page_ ? std::string() : device_memory_payload(state);
    if (!stored_ || *stored_ != memory) {
        effects.device_memory = memory;
        stored_ = memory;
    }
    const std::string session = private_page_ ? std::string() : session_memory_payload(state);
    if (!session_stored_ || *session_stored_ != session) {
        effects.session_memory = session;
        session_stored_ = session;
    }
    return effects;
}

void PageSync::address_followed(const AppState& state) {
    address_known_ = true;
    address_state_ = share_state_of(state, false);
    address_ = private_page_ ? std::string() : core::encode_fragment(address_state_);
}

}  // namespace portal::app
