// The check's "about N to go": walked through the bundled data with random answers, the estimate never rises by
// more than the questions an answer unlocks (hidden before, to be asked after), so a visitor never sees the end
// move away while answering forward.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include "app/app_state.hpp"
#include "test_paths.hpp"

using namespace portal;

namespace {

std::string bundled_data() {
    std::ifstream file(PORTAL_POLICY_FILE, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

nlohmann::json random_answer(const core::Question& question, std::mt19937& random) {
    const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
    switch (question.type) {
        case core::QuestionType::boolean: return pick(2) == 0;
        case core::QuestionType::choice: return question.options[pick(question.options.size())].value;
        case core::QuestionType::multi: {
            nlohmann::json values = nlohmann::json::array();
            for (const core::Option& option : question.options) {
                if (pick(3) == 0) values.push_back(option.value);
            }
            return values;
        }
        case core::QuestionType::number: {
            const double low = question.min.value_or(0), high = question.max.value_or(60);
            return static_cast<int>(low + pick(static_cast<std::size_t>(high - low) + 1));
        }
        case core::QuestionType::date: {
            const int year = 2012 + static_cast<int>(pick(15)), month = 1 + static_cast<int>(pick(12));
            const int day = 1 + static_cast<int>(pick(28));
            char text[16];
            std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
            return std::string(text);
        }
    }
    return nullptr;
}

int hidden_now_asked(const app::AppState& before, const app::AppState& after) {
    int unlocked = 0;
    for (std::size_t q = 0; q < after.evaluation.questions.size(); ++q) {
        const bool was_hidden = before.evaluation.questions[q] == core::QuestionState::hidden;
        const auto now = after.evaluation.questions[q];
        if (was_hidden && (now == core::QuestionState::askable || now == core::QuestionState::waiting)) ++unlocked;
    }
    return unlocked;
}

}  // namespace

TEST_CASE("the remaining-question estimate never rises by more than an answer unlocks") {
    const std::string data = bundled_data();
    REQUIRE(!data.empty());
    int rises = 0, steps = 0;
    for (unsigned seed = 1; seed <= 60; ++seed) {
        std::mt19937 random(seed);
        app::AppState state;
        app::start(state, data, "shangyu.json", "zh", "2026-12-04");
        REQUIRE(state.catalog);
        for (int step = 0; step < 80; ++step) {
            const std::optional<int> current = app::current_question(state);
            if (!current) break;
            const int before = app::remaining_questions(state);
            const app::AppState previous = state;
            app::answer(state, *current, random_answer(state.catalog->set.questions[static_cast<std::size_t>(*current)], random));
            const int after = app::remaining_questions(state);
            CAPTURE(seed);
            CAPTURE(step);
            CHECK(after <= before + hidden_now_asked(previous, state));
            rises += after > before;
            ++steps;
        }
    }
    MESSAGE(steps << " answers, " << rises << " with a rise");
    CHECK(steps > 300);  // the walks really answered questions
}
