#include "app/app_state.hpp"

namespace portal::app {

const char* view_name(View view) {
    switch (view) {
        case View::explore: return "explore";
        case View::detail: return "detail";
        case View::check: return "check";
        case View::compare: return "compare";
    }
    return "explore";
}

void switch_language(AppState& state) {
    state.lang = state.lang == core::Lang::zh ? core::Lang::en : core::Lang::zh;
}

void show_view(AppState& state, View view) { state.view = view; }

}  // namespace portal::app
