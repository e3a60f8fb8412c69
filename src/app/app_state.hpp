// The application state: plain data that views draw and intents change. No ImGui here, so tests can drive it.
#pragma once

#include "core/text.hpp"

#include <string>

namespace portal::app {

enum class View { explore, detail, check, compare };

const char* view_name(View view);

struct AppState {
    core::Lang lang = core::Lang::zh;
    View view = View::explore;
    long frames = 0;       // frames drawn so far (the test hook reports it)
    std::string error;     // a problem the visitor must see (empty when all is well)
};

// Intents: the only ways views change the state.
void switch_language(AppState& state);
void show_view(AppState& state, View view);

}  // namespace portal::app
