// What the mirror's polite live region says: a short sentence when something a person cannot see changed. The
// view that opened, the count after a search or filter, what an answer changed (how many policies now apply and
// the best combination), and why an answer was refused (the app's own message, as it appears). Every sentence
// comes from src/wording, in the current language.
#pragma once

#include <string>

#include "app/app_state.hpp"
#include "ui/a11y.hpp"

namespace portal::ui::a11y {

class Announcer {
public:
    // Compares the state and the frame's nodes with the last call's; "" when nothing is worth saying.
    std::string update(const app::AppState& state, const Collector& mirror);

private:
    bool started_ = false;
    app::View view_ = app::View::explore;
    int selected_ = -1;
    std::string query_;
    app::Filters filters_;
    std::size_t visible_ = 0;
    std::size_t history_ = 0;
    std::size_t answers_ = 0;
    std::string problem_;
};

}  // namespace portal::ui::a11y
