#include "ui/a11y_announce.hpp"

#include <optional>

#include "ui/format.hpp"
#include "wording/phrases.hpp"
#include "wording/wording.hpp"

namespace portal::ui::a11y {

namespace {

std::string view_title(const app::AppState& state) {
    switch (state.view) {
        case app::View::explore: return tr(state.lang, str::tab_explore);
        case app::View::check: return tr(state.lang, str::tab_check);
        case app::View::compare: return tr(state.lang, str::tab_compare);
        case app::View::detail:
            if (state.catalog && state.selected >= 0 &&
                static_cast<std::size_t>(state.selected) < state.catalog->set.policies.size())
                return wording::text(state.lang, state.catalog->set.policies[static_cast<std::size_t>(state.selected)].title);
            return {};
    }
    return {};
}

std::string count_text(const app::AppState& state) {
    const std::size_t n = state.list.visible.size();
    return n == 1 ? std::string(tr(state.lang, str::result_count_one)) : fill(tr(state.lang, str::result_count), static_cast<int>(n));
}

std::string matching_text(const app::AppState& state) {
    int eligible = 0;
    for (const core::PolicyOutcome& outcome : state.evaluation.results)
        if (outcome.status == core::Status::eligible) ++eligible;
    const core::Bundle& bundle = state.evaluation.best_bundle;
    if (bundle.policies.empty() || bundle.total <= 0) return fill(tr(state.lang, str::a11y_matching), eligible);
    return fill(tr(state.lang, str::a11y_matching_best), eligible, wording::money(state.lang, bundle.total).c_str());
}

// Focus goes to the next question's first option after an answer, so the sentence also reads the question
// (a screen reader says only the focused option's name).
std::string answer_text(const app::AppState& state) {
    const std::string matching = matching_text(state);
    const std::optional<int> next = app::current_question(state);
    if (!next || !state.catalog) return matching;
    const core::Question& question = state.catalog->set.questions[static_cast<std::size_t>(*next)];
    return fill(tr(state.lang, str::a11y_next_question), matching.c_str(), wording::text(state.lang, question.label).c_str());
}

}  // namespace

std::string Announcer::update(const app::AppState& state, const Collector& mirror) {
    const Node* problem_node = mirror.find("answer:problem");
    const std::string problem = problem_node != nullptr ? problem_node->name : std::string();
    std::string say;
    if (started_ && (state.view != view_ || (state.view == app::View::detail && state.selected != selected_))) {
        say = fill(tr(state.lang, str::a11y_opened), view_title(state).c_str());
    } else if (started_ && !problem.empty() && problem != problem_) {
        say = problem;  // the answer was refused: the reason, as the check view shows it
    } else if (started_ && state.view == app::View::check &&
               (state.history.size() != history_ || state.profile.size() != answers_)) {
        say = answer_text(state);
    } else if (started_ && state.view == app::View::explore &&
               (state.query != query_ || state.filters.categories != filters_.categories ||
                state.filters.audiences != filters_.audiences || state.list.visible.size() != visible_)) {
        say = count_text(state);
    }
    started_ = true;
    view_ = state.view;
    selected_ = state.selected;
    query_ = state.query;
    filters_ = state.filters;
    visible_ = state.list.visible.size();
    history_ = state.history.size();
    answers_ = state.profile.size();
    problem_ = problem;
    return say;
}

}  // namespace portal::ui::a11y
