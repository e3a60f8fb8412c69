// Check: the guided questionnaire (answer, skip, back, edit) and the evaluation of the answers.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "app/app_state.hpp"
#include "app/derive.hpp"

namespace portal::app {
namespace {

const core::PolicySet& set_of(const AppState& state) { return state.catalog->set; }

bool contains(const std::vector<int>& list, int value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

void erase_value(std::vector<int>& list, int value) {
    list.erase(std::remove(list.begin(), list.end(), value), list.end());
}

const std::string& question_id(const AppState& state, int question) {
    return set_of(state).questions[static_cast<std::size_t>(question)].id;
}

bool valid_question(const AppState& state, int question) {
    return state.catalog && question >= 0 && question < static_cast<int>(set_of(state).questions.size());
}

// An answer to a question whose ask_if has become false (say, "double first-class?" after education was changed
// to junior college) no longer applies: drop it, and repeat, since dropping one can hide another.
void drop_answers_that_no_longer_apply(AppState& state) {
    const core::PolicySet& set = set_of(state);
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t q = 0; q < set.questions.size(); ++q) {
            const core::Question& question = set.questions[q];
            if (!question.ask_if || !state.profile.contains(question.id)) continue;
            core::Profile without = state.profile;
            without.erase(question.id);
            if (core::question_states(set, without, state.as_of)[q] == core::QuestionState::hidden) {
                state.profile = std::move(without);
                erase_value(state.history, static_cast<int>(q));
                changed = true;
            }
        }
    }
}

// Starts a fresh draft for `question` (-1: none), seeded from its current answer so an edit begins where the visitor was.
void seed_draft(AppState& state, int question) {
    state.draft = AnswerDraft{};
    state.draft.question = question;
    if (question < 0) return;
    const core::Question& q = set_of(state).questions[static_cast<std::size_t>(question)];
    const auto it = state.profile.find(q.id);
    if (it == state.profile.end()) return;
    if (q.type == core::QuestionType::multi && it->is_array()) {
        for (const auto& value : *it) {
            if (value.is_string()) state.draft.options.push_back(value.get<std::string>());
        }
    } else if (q.type == core::QuestionType::number && it->is_number()) {
        state.draft.text = core::js_number_to_string(it->get<double>());
    } else if (q.type == core::QuestionType::date && it->is_string()) {
        state.draft.text = it->get<std::string>();
    }
}

void after_answers_changed(AppState& state) {
    drop_answers_that_no_longer_apply(state);
    refresh_evaluation(state);
    const std::optional<int> next = current_question(state);
    seed_draft(state, next.value_or(-1));
}

}  // namespace

void refresh_evaluation(AppState& state) {
    if (!state.catalog) return;
    if (state.evaluated_catalog.lock() != state.catalog) {
        state.evaluation = core::Evaluation{};
        state.evaluated_catalog = state.catalog;
    }
    // Only the policies that read a changed answer are evaluated again; the result is the full evaluation's.
    core::reevaluate(set_of(state), state.catalog->answer_readers, state.evaluation, state.profile, state.as_of,
                     &state.last_reevaluation);
    check_results(state);  // worked out here, in the intent, so the frames that draw the results only read them
    if (state.draft.question < 0) {
        const std::optional<int> next = current_question(state);
        if (next) seed_draft(state, *next);
    }
}

std::optional<int> current_question(const AppState& state) {
    if (!state.catalog) return std::nullopt;
    if (state.revisiting) return state.revisiting;
    const std::optional<int> engine = state.evaluation.next_question;
    if (!engine || !contains(state.skipped_questions, *engine)) return engine;

    // The engine's choice was skipped: pick the next best by the engine's own rule (the question read by the
    // undecided criteria of the most unknown policies, earlier question on ties), leaving skipped ones out.
    const core::PolicySet& set = set_of(state);
    const std::vector<int>& votes = state.evaluation.undecided_readers;
    std::optional<int> best;
    for (std::size_t q = 0; q < set.questions.size(); ++q) {
        const int index = static_cast<int>(q);
        if (votes[q] == 0 || contains(state.skipped_questions, index)) continue;
        if (state.evaluation.questions[q] != core::QuestionState::askable) continue;
        if (!best || votes[q] > votes[static_cast<std::size_t>(*best)]) best = index;
    }
    return best;
}

int remaining_questions(const AppState& state) {
    if (!state.catalog) return 0;
    const core::PolicySet& set = set_of(state);
    const std::vector<int>& read = state.evaluation.undecided_readers;
    const std::optional<int> current = current_question(state);
    int count = 0;
    for (std::size_t q = 0; q < set.questions.size(); ++q) {
        const int index = static_cast<int>(q);
        if (read[q] == 0 || contains(state.skipped_questions, index) || (current && *current == index)) continue;
        // A question that waits for another answer (its ask_if is still unknown) is counted too: leaving it out
        // made the estimate climb as answers unlocked questions, and an estimate that rises reads as a broken
        // promise. Once the answer it waits for arrives it is either asked (already counted) or dropped.
        const core::QuestionState question = state.evaluation.questions[q];
        if (question == core::QuestionState::askable || question == core::QuestionState::waiting) ++count;
    }
    return count;
}

const CheckResults& check_results(const AppState& state) {
    if (!state.catalog) return state.check_results_cache.none();
    return state.check_results_cache.get(*state.catalog, state.evaluation);
}

std::optional<core::Status> status_of(const AppState& state, int policy) {
    if (policy < 0 || policy >= static_cast<int>(state.evaluation.results.size())) return std::nullopt;
    return state.evaluation.results[static_cast<std::size_t>(policy)].status;
}

bool has_answers(const AppState& state) { return !state.profile.empty(); }

void answer(AppState& state, int question, nlohmann::json value) {
    if (!valid_question(state, question)) return;
    state.profile[question_id(state, question)] = std::move(value);
    erase_value(state.skipped_questions, question);
    erase_value(state.history, question);
    state.history.push_back(question);
    state.revisiting.reset();
    after_answers_changed(state);
}

void skip_question(AppState& state) {
    const std::optional<int> question = current_question(state);
    if (!question) return;
    if (!state.profile.contains(question_id(state, *question)) && !contains(state.skipped_questions, *question))
        state.skipped_questions.push_back(*question);
    erase_value(state.history, *question);
    state.history.push_back(*question);
    state.revisiting.reset();
    const std::optional<int> next = current_question(state);
    seed_draft(state, next.value_or(-1));
}

void back(AppState& state) {
    if (state.history.empty()) return;
    const int question = state.history.back();
    state.history.pop_back();
    erase_value(state.skipped_questions, question);
    state.revisiting = question;
    seed_draft(state, question);
}

void edit_answer(AppState& state, int question) {
    if (!valid_question(state, question)) return;
    erase_value(state.skipped_questions, question);
    state.revisiting = question;
    seed_draft(state, question);
    state.view = View::check;
}

void clear_answer(AppState& state, int question) {
    if (!valid_question(state, question)) return;
    state.profile.erase(question_id(state, question));
    erase_value(state.history, question);
    if (state.revisiting == question) state.revisiting.reset();
    after_answers_changed(state);
}

void reset_answers(AppState& state) {
    state.profile = core::Profile::object();
    state.skipped_questions.clear();
    state.history.clear();
    state.revisiting.reset();
    state.draft = AnswerDraft{};
    refresh_evaluation(state);
}

void replace_answers(AppState& state, core::Profile profile) {
    reset_answers(state);
    if (!profile.is_object()) return;
    state.profile = std::move(profile);
    after_answers_changed(state);
}

void unskip_all(AppState& state) {
    state.skipped_questions.clear();
    const std::optional<int> next = current_question(state);
    seed_draft(state, next.value_or(-1));
}

void toggle_draft_option(AppState& state, int question, const std::string& value) {
    if (!valid_question(state, question)) return;
    if (state.draft.question != question) seed_draft(state, question);
    const core::Question& q = set_of(state).questions[static_cast<std::size_t>(question)];
    auto& chosen = state.draft.options;
    const auto it = std::find(chosen.begin(), chosen.end(), value);
    if (it != chosen.end()) chosen.erase(it);
    else if (q.option_index(value) >= 0) chosen.push_back(value);
    // Keep the options' own order, so the same choice always gives the same answer.
    std::sort(chosen.begin(), chosen.end(),
              [&](const std::string& a, const std::string& b) { return q.option_index(a) < q.option_index(b); });
    state.draft.problem = AnswerDraft::Problem::none;
}

void set_draft_text(AppState& state, int question, const std::string& text) {
    if (!valid_question(state, question)) return;
    if (state.draft.question != question) seed_draft(state, question);
    state.draft.text = text;
    state.draft.problem = AnswerDraft::Problem::none;
}

namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

// A number typed by a person: digits with an optional sign and decimal point (no exponents, no "0x").
std::optional<double> parse_number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    std::size_t i = (text[0] == '-' || text[0] == '+') ? 1 : 0;
    bool digits = false, point = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') digits = true;
        else if (c == '.' && !point) point = true;
        else return std::nullopt;
    }
    if (!digits) return std::nullopt;
    return std::strtod(text.c_str(), nullptr);
}

}  // namespace

bool commit_draft(AppState& state) {
    const std::optional<int> question = current_question(state);
    if (!question) return false;
    if (state.draft.question != *question) seed_draft(state, *question);
    const core::Question& q = set_of(state).questions[static_cast<std::size_t>(*question)];
    AnswerDraft& draft = state.draft;
    using Problem = AnswerDraft::Problem;
    switch (q.type) {
        case core::QuestionType::multi:
            answer(state, *question, nlohmann::json(draft.options));
            return true;
        case core::QuestionType::number: {
            const std::string text = trimmed(draft.text);
            const std::optional<double> number = parse_number(text);
            if (text.empty()) draft.problem = Problem::empty;
            else if (!number) draft.problem = Problem::not_a_number;
            else if (q.min && *number < *q.min) draft.problem = Problem::below_min;
            else if (q.max && *number > *q.max) draft.problem = Problem::above_max;
            if (draft.problem != Problem::none) return false;
            answer(state, *question, core::json_number(*number));
            return true;
        }
        case core::QuestionType::date: {
            const std::string text = trimmed(draft.text);
            const std::optional<core::Date> date = core::Date::parse_typed(text);
            draft.problem = text.empty() ? Problem::empty : (date ? Problem::none : Problem::not_a_date);
            if (!date) return false;
            answer(state, *question, date->to_string());
            return true;
        }
        default:
            return false;  // boolean and choice answer with one click, not through a draft
    }
}

}  // namespace portal::app
