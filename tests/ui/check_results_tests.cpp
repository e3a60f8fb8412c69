// The check view's results (app/check_results.hpp) are worked out once per evaluation and kept: after every step
// of a visit (answers given, changed, cleared, skipped, a language switch, other data previewed and left) they
// equal the same results worked out afresh from a full evaluation, and drawing frames never works them out again.
#include "fixture.hpp"

#include "app/app_state.hpp"
#include "app/preview.hpp"
#include "core/json_text.hpp"
#include "wording/wording.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace portal;
using namespace portal::test;

namespace {

std::string file_text(const std::string& path) {
    const auto text = core::read_file_bytes(path);
    REQUIRE(text);
    return *text;
}

// The UI fixture as an author's draft: one policy fewer (every later index moves) and another version.
std::string draft_of_fixture() {
    nlohmann::json document = nlohmann::json::parse(file_text(fixture_path()));
    document["version"] = "draft-2";
    document["policies"].erase(0);
    return document.dump();
}

// An answer a visitor could give to question `q` (valid for its type, options and range).
nlohmann::json some_answer(std::mt19937& random, const core::Question& q) {
    switch (q.type) {
        case core::QuestionType::boolean: return random() % 2 == 0;
        case core::QuestionType::choice: return q.options[random() % q.options.size()].value;
        case core::QuestionType::multi: {
            nlohmann::json chosen = nlohmann::json::array();
            for (const core::Option& option : q.options) {
                if (random() % 3 == 0) chosen.push_back(option.value);
            }
            return chosen;
        }
        case core::QuestionType::number: {
            const double low = q.min.value_or(0), high = q.max.value_or(100);
            return static_cast<int>(low + static_cast<double>(random() % 1000) / 1000.0 * (high - low));
        }
        case core::QuestionType::date:
            return std::to_string(2015 + random() % 10) + "-0" + std::to_string(1 + random() % 9) + "-1" + std::to_string(random() % 10);
    }
    return nullptr;
}

// How many questions are left, counted as the check view first counted them: a walk over every outcome.
int remaining_by_walking(const app::AppState& state, const core::Evaluation& evaluation) {
    const auto& questions = state.catalog->set.questions;
    std::vector<char> read(questions.size(), 0);
    for (const core::PolicyOutcome& outcome : evaluation.results) {
        if (outcome.status != core::Status::unknown) continue;
        for (int q : outcome.missing) read[static_cast<std::size_t>(q)] = 1;
    }
    const std::optional<int> current = app::current_question(state);
    int count = 0;
    for (std::size_t q = 0; q < questions.size(); ++q) {
        const int index = static_cast<int>(q);
        const bool skipped = std::find(state.skipped_questions.begin(), state.skipped_questions.end(), index) !=
                             state.skipped_questions.end();
        if (!read[q] || skipped || (current && *current == index)) continue;
        if (evaluation.questions[q] == core::QuestionState::askable || evaluation.questions[q] == core::QuestionState::waiting)
            ++count;
    }
    return count;
}

// The conflicts of each qualifying policy outside the best combination, found as the check view first found them:
// every member of the combination looked up in the policy's exclusions. Left out: a conflict, or no known amount.
void check_left_out_by_walking(const app::CheckResults& kept, const app::Catalog& catalog, const core::Evaluation& evaluation) {
    const std::vector<int>& bundle = evaluation.best_bundle.policies;
    std::vector<int> left_out;
    std::vector<int> conflicts;
    std::vector<int> conflicts_from{0};
    for (int policy : kept.layers.qualify) {
        if (std::find(bundle.begin(), bundle.end(), policy) != bundle.end()) continue;
        const std::vector<int>& excluded = catalog.set.exclusions[static_cast<std::size_t>(policy)];
        const std::size_t first = conflicts.size();
        for (int member : bundle) {
            if (std::find(excluded.begin(), excluded.end(), member) != excluded.end()) conflicts.push_back(member);
        }
        if (conflicts.size() > first || !evaluation.results[static_cast<std::size_t>(policy)].benefit_total) {
            left_out.push_back(policy);
            conflicts_from.push_back(static_cast<int>(conflicts.size()));
        }
    }
    CHECK(kept.left_out == left_out);
    CHECK(kept.conflicts == conflicts);
    CHECK(kept.conflicts_from == conflicts_from);
}

// The ruled-out layer as the layers first put it together: the closest misses (core::closest_misses) not in
// another layer, then every policy in no layer yet, in file order.
void check_ruled_out_by_walking(const core::ResultLayers& layers, const core::Evaluation& evaluation) {
    std::vector<char> placed(evaluation.results.size(), 0);
    for (const auto* layer : {&layers.qualify, &layers.could_apply, &layers.ask_about})
        for (int p : *layer) placed[static_cast<std::size_t>(p)] = 1;
    std::vector<int> ruled_out;
    for (int p : core::closest_misses(evaluation)) {
        if (!placed[static_cast<std::size_t>(p)]) ruled_out.push_back(p), placed[static_cast<std::size_t>(p)] = 1;
    }
    for (std::size_t p = 0; p < placed.size(); ++p) {
        if (!placed[p]) ruled_out.push_back(static_cast<int>(p));
    }
    CHECK(layers.ruled_out == ruled_out);
}

// The kept results against the same results worked out afresh from a full evaluation of the state's answers.
void check_fresh(const app::AppState& state) {
    REQUIRE(state.catalog);
    const core::Evaluation full = core::evaluate(state.catalog->set, state.profile, state.as_of);
    const app::CheckResults fresh = app::compute_check_results(*state.catalog, full);
    const app::CheckResults& kept = app::check_results(state);
    CHECK(kept.layers.qualify == fresh.layers.qualify);
    CHECK(kept.layers.could_apply == fresh.layers.could_apply);
    CHECK(kept.layers.ask_about == fresh.layers.ask_about);
    CHECK(kept.layers.ruled_out == fresh.layers.ruled_out);
    CHECK(state.evaluation.undecided_readers == full.undecided_readers);
    CHECK(kept.left_out == fresh.left_out);
    CHECK(kept.conflicts_from == fresh.conflicts_from);
    CHECK(kept.conflicts == fresh.conflicts);
    CHECK(kept.loans_left_out == fresh.loans_left_out);
    check_left_out_by_walking(kept, *state.catalog, full);
    check_ruled_out_by_walking(kept.layers, full);
    CHECK(app::remaining_questions(state) == remaining_by_walking(state, full));
    // Every policy in exactly one layer: the results are of this data, not of data shown before.
    const std::size_t placed = kept.layers.qualify.size() + kept.layers.could_apply.size() +
                               kept.layers.ask_about.size() + kept.layers.ruled_out.size();
    CHECK(placed == state.catalog->set.policies.size());
}

// One step of a visit, picked at random.
std::string random_step(std::mt19937& random, app::AppState& state, const std::string& draft) {
    const auto& questions = state.catalog->set.questions;
    const int q = static_cast<int>(random() % questions.size());
    switch (random() % 12) {
        case 0: app::switch_language(state); return "language";
        case 1: app::skip_question(state); return "skip";
        case 2: app::back(state); return "back";
        case 3: app::clear_answer(state, q); return "clear " + questions[static_cast<std::size_t>(q)].id;
        case 4: app::unskip_all(state); return "unskip";
        case 5:
            if (random() % 4 != 0) break;
            if (state.preview) app::close_preview(state);
            else app::open_preview(state, draft, "draft.json");
            return state.preview ? "preview" : "bundled data";
        case 6:
            if (random() % 4 != 0) break;
            app::reset_answers(state);
            return "reset";
        default: break;
    }
    const std::optional<int> current = app::current_question(state);
    const int asked = current && random() % 3 != 0 ? *current : q;
    const core::Question& question = questions[static_cast<std::size_t>(asked)];
    const nlohmann::json value = some_answer(random, question);
    app::answer(state, asked, value);
    return "answer " + question.id + " = " + value.dump();
}

// 120 policies that all pay and combine: a best combination of 120 lines, far taller than the screen.
std::string write_combinable_file() {
    nlohmann::json document = nlohmann::json::parse(R"({
      "format": "policy-portal/1", "id": "long", "title": {"zh": "测试", "en": "Test"}, "version": "1",
      "sources": [{"id": "src", "title": {"zh": "来源"}, "reliability": "confirmed", "url": "https://example.org/a"}],
      "categories": [{"id": "cat", "name": {"zh": "类别"}}],
      "questions": [{"id": "age", "type": "number", "min": 16, "max": 100, "label": {"zh": "年龄", "en": "Age"}}]
    })");
    for (int i = 0; i < 120; ++i) {
        document["policies"].push_back({
            {"id", "p" + std::to_string(i)},
            {"title", {{"zh", "政策 " + std::to_string(i)}, {"en", "Policy " + std::to_string(i)}}},
            {"category", "cat"}, {"source", "src"},
            {"criteria", {{{"id", "young"}, {"label", {{"zh", "年龄"}}}, {"rule", {{"<=", {{{"var", "age"}}, 35}}}}}}},
            {"benefits", {{{"kind", "cash"}, {"amount", 1000 + i}}}}});
    }
    const std::string path = (std::filesystem::temp_directory_path() / "portal-long-combination.json").string();
    std::ofstream(path) << document.dump();
    return path;
}

// The line the best combination shows for policy `id`, in the state's language.
std::string bundle_line(const app::AppState& state, const std::string& id) {
    const auto p = static_cast<std::size_t>(state.catalog->set.policy_index(id));
    return "✓ " + wording::policy_with_amount(state.lang, wording::text(state.lang, state.catalog->set.policies[p].title),
                                              state.evaluation.results[p]);
}

bool shows(const std::string& screen, const std::string& line) { return screen.find(line + "\n") != std::string::npos; }

}  // namespace

TEST_CASE("the check results equal a fresh computation after every step of random visits") {
    const std::string draft = draft_of_fixture();
    for (const std::string& file : {fixture_path(), std::string(PORTAL_POLICY_FILE)}) {
        std::mt19937 random(20261206);
        for (int visit = 0; visit < 8; ++visit) {
            app::AppState state;
            app::start(state, file_text(file), "policies.json", visit % 2 == 0 ? "zh" : "en", "2024-06-05");
            REQUIRE(state.catalog);
            check_fresh(state);
            for (int step = 0; step < 40; ++step) {
                const std::string done = random_step(random, state, draft);
                INFO(file << ", visit " << visit << ", step " << step << ": " << done << ", answers " << state.profile.dump());
                check_fresh(state);
            }
        }
    }
}

TEST_CASE("other data is never shown with the results of the data before it") {
    app::AppState state;
    app::start(state, file_text(fixture_path()), "policies.json", "zh", "2024-06-05");
    REQUIRE(state.catalog);
    app::answer(state, state.catalog->set.question_index("education"), "master");
    const std::vector<int> before = app::check_results(state).layers.ruled_out;
    REQUIRE_FALSE(before.empty());
    app::open_preview(state, draft_of_fixture(), "draft.json");
    REQUIRE(state.preview);
    check_fresh(state);
    app::close_preview(state);
    check_fresh(state);
}

TEST_CASE("the results are worked out once per answer, not once per frame drawn") {
    HeadlessPortal portal(fixture_options(1366.0f, 1600.0f));
    const app::AppState& state = portal.ui().state();
    portal.click("tab:check");
    REQUIRE(portal.visible("group:maybe"));
    const long at_rest = state.check_results_cache.builds();
    portal.frames(30);
    CHECK(state.check_results_cache.builds() == at_rest);  // 30 frames of the results drawn: nothing worked out

    portal.click("answer:master");  // several frames: the click, the frame that applies it, and two more
    CHECK(state.profile.contains("education"));
    CHECK(state.check_results_cache.builds() == at_rest + 1);
    portal.frames(30);
    CHECK(state.check_results_cache.builds() == at_rest + 1);

    portal.click("skip");  // the question skipped: the evaluation is the same, and so are its results
    portal.frames(10);
    CHECK(state.check_results_cache.builds() == at_rest + 1);

    portal.click("lang");  // nothing in the results depends on the language: the words are made as they are drawn
    portal.frames(10);
    CHECK(state.check_results_cache.builds() == at_rest + 1);
    check_fresh(state);
}

TEST_CASE("the best combination's lines are laid out only in view, and follow the language and the answers") {
    HeadlessOptions options = fixture_options(1366.0f, 768.0f, "en");
    options.policy_file = write_combinable_file();
    HeadlessPortal portal(options);
    const app::AppState& state = portal.ui().state();
    portal.click("tab:check");
    portal.click("answer:input");
    portal.type("28");
    portal.click("next");
    REQUIRE(state.evaluation.best_bundle.policies.size() == 120);
    std::string screen = portal.frame_text();
    CHECK(shows(screen, bundle_line(state, "p0")));
    CHECK_FALSE(shows(screen, bundle_line(state, "p119")));  // far below the pane's edge: not laid out

    portal.click("lang");  // worded again in the other language, never shown in the one before
    const std::string english_p0 = "✓ " + wording::policy_with_amount(core::Lang::en, "Policy 0", state.evaluation.results[0]);
    screen = portal.frame_text();
    CHECK(state.lang == core::Lang::zh);
    CHECK(shows(screen, bundle_line(state, "p0")));
    CHECK_FALSE(shows(screen, english_p0));

    // Scrolled down, the last member's line is drawn, and the group below the panel follows it.
    bool last_seen = false;
    for (int i = 0; i < 80 && !last_seen; ++i) {
        portal.move_mouse(900.0f, 500.0f);
        portal.wheel(-1.0f);
        last_seen = shows(portal.frame_text(), bundle_line(state, "p119"));
    }
    CHECK(last_seen);
    scroll_to(portal, "group:eligible", 900.0f, 500.0f);
    CHECK(portal.visible("group:eligible"));
    CHECK(portal.rect("group:eligible").y > 0.0f);

    // A new answer words the lines again: none of the combination is left.
    scroll_to(portal, "edit:age", 200.0f, 400.0f);
    portal.click("edit:age");
    portal.click("answer:input");
    portal.type("50");
    portal.click("next");
    REQUIRE(state.evaluation.best_bundle.policies.empty());
    for (int i = 0; i < 80; ++i) {
        portal.move_mouse(900.0f, 500.0f);
        portal.wheel(1.0f);
    }
    screen = portal.frame_text();
    CHECK(screen.find("✓ 政策 0") == std::string::npos);
}
