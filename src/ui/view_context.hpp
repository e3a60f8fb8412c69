// What every view gets: the state to draw (read-only), the fonts, the locator for the test hook, and a queue
// for the intents the visitor's input produced. Intents run after the frame is drawn, so a view never sees the
// state change under it halfway through (a click that filters the list while the list is being drawn). The one
// exception is apply_now(), for a widget drawn before everything its intent affects (the search box above the
// list), so the result shows in the same frame as the input.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/app_state.hpp"
#include "ui/fonts.hpp"
#include "ui/locator.hpp"
#include "ui/format.hpp"

namespace portal::ui {

class Booth;

class Intents {
public:
    using Intent = std::function<void(app::AppState&)>;
    void push(Intent intent) { queue_.push_back(std::move(intent)); }
    void apply(app::AppState& state) {
        for (Intent& intent : queue_) intent(state);
        queue_.clear();
    }
    bool empty() const { return queue_.empty(); }

    // The state apply_now() changes; the UI root binds its own state before each frame.
    void bind(app::AppState* state) { target_ = state; }
    // Runs the intent at once. Only for widgets drawn before anything that reads what the intent changes;
    // unbound (no state yet) it falls back to the end-of-frame queue.
    void apply_now(Intent intent) {
        if (target_ != nullptr) intent(*target_);
        else push(std::move(intent));
    }

private:
    std::vector<Intent> queue_;
    app::AppState* target_ = nullptr;
};

// Lines of text a view words once and keeps until what they say changes: made for one evaluation revision of one
// catalog in one language, and measured for one width and font size (check_view.cpp's best combination).
struct KeptLines {
    const void* catalog = nullptr;
    std::uint64_t revision = 0;
    int lang = -1;
    std::vector<std::string> texts;
    std::size_t emphasised = 0;  // the first lines are drawn in the text colour, the rest muted
    float width = -1.0f;
    float font_size = -1.0f;
    std::vector<float> heights;  // how far each line moves the cursor down, for that width and font size
};

// Widget state that is not application state: text being edited in ImGui's buffers, scroll requests.
struct ViewMemory {
    std::string search_buffer;        // mirrors AppState::query while the field is edited
    std::string answer_buffer;        // the number/date field; mirrors AppState::draft.text
    int answer_buffer_question = -1;
    int last_view = -1;               // to scroll to the top when the view changes
    int last_selected = -1;
    bool focus_answer_field = false;
    bool show_ask_about = false;      // the results' folded groups, opened by the visitor
    bool show_ruled_out = false;
    KeptLines bundle_lines;           // the best combination's members and notes
};

struct ViewContext {
    const app::AppState& state;
    const app::Catalog& catalog;
    const Fonts& fonts;
    Locator& locator;
    Intents& intents;
    ViewMemory& memory;
    Booth* booth = nullptr;  // the recruitment-fair booth's controls inside the views; none on the site

    core::Lang lang() const { return state.lang; }
    const char* t(const Phrase& phrase) const { return tr(state.lang, phrase); }
    const core::PolicySet& set() const { return catalog.set; }
};

}  // namespace portal::ui
