// The eligibility check through real clicks and typing: the engine's question order, every answer widget,
// skip, back, editing from the summary, and results that agree with the engine on the same answers.
#include "fixture.hpp"

#include "app/app_state.hpp"
#include "core/matcher.hpp"

#include <doctest/doctest.h>

using namespace portal::test;

namespace {

// What the engine says for the portal's current answers and date, as {policy id: status}.
nlohmann::json engine_statuses(HeadlessPortal& portal) {
    const auto& state = portal.ui().state();
    const auto evaluation = portal::core::evaluate(state.catalog->set, state.profile, state.as_of);
    nlohmann::json statuses = nlohmann::json::object();
    for (const auto& outcome : evaluation.results) {
        statuses[state.catalog->set.policies[static_cast<std::size_t>(outcome.policy)].id] =
            std::string(portal::core::to_string(outcome.status));
    }
    return statuses;
}

nlohmann::json engine_next_question(HeadlessPortal& portal) {
    const auto& state = portal.ui().state();
    const auto evaluation = portal::core::evaluate(state.catalog->set, state.profile, state.as_of);
    if (!evaluation.next_question) return nullptr;
    return state.catalog->set.questions[static_cast<std::size_t>(*evaluation.next_question)].id;
}

void type_into_answer(HeadlessPortal& portal, const std::string& text) {
    portal.click("answer:input");
    portal.type(text);
}

// Answers the fixture's first five questions the way a visitor would.
void answer_five(HeadlessPortal& portal) {
    portal.click("tab:check");
    portal.click("answer:master");            // education
    portal.click("answer:false");             // owns_home
    portal.click("answer:digital");           // maker_types (multi: toggle, then next)
    portal.click("next");
    portal.click("answer:shangyu");           // work_location
    type_into_answer(portal, "28");           // age
    portal.click("next");
}

}  // namespace

TEST_CASE("the check asks the engine's next question, one at a time") {
    HeadlessPortal portal(fixture_options());
    portal.click("tab:check");
    auto state = portal.state();
    CHECK(state["view"] == "check");
    CHECK(state["next_question"] == "education");
    CHECK(state["next_question"] == engine_next_question(portal));
    CHECK(portal.visible("answer:junior_college"));
    CHECK(portal.visible("answer:phd"));
    CHECK_FALSE(portal.visible("answer:true"));  // only the current question's options are shown

    portal.click("answer:master");
    state = portal.state();
    CHECK(state["profile"] == nlohmann::json{{"education", "master"}});
    CHECK(state["next_question"] == "owns_home");
    CHECK(state["next_question"] == engine_next_question(portal));
    CHECK(portal.visible("answer:true"));
    CHECK(portal.visible("answer:false"));
}

TEST_CASE("every answer widget works by click and typing, and statuses follow the engine") {
    HeadlessPortal portal(fixture_options());
    answer_five(portal);
    const auto state = portal.state();
    CHECK(state["profile"] == nlohmann::json{{"education", "master"}, {"owns_home", false}, {"maker_types", {"digital"}},
                                             {"work_location", "shangyu"}, {"age", 28}});
    CHECK(state["statuses"] == engine_statuses(portal));
    CHECK(state["next_question"] == engine_next_question(portal));
    CHECK(state["statuses"]["maker-space"] == "eligible");
    CHECK(state["statuses"]["digital-grant"] == "eligible");
    CHECK(state["statuses"]["youth-apartment"] == "eligible");
    CHECK(state["statuses"]["agri-support"] == "ineligible");
    CHECK(state["statuses"]["job-fair-2020"] == "ineligible");  // expired
    CHECK(state["statuses"]["skills-training"] == "unknown");   // terms not published
}

TEST_CASE("a date is typed as text and checked before it counts") {
    HeadlessPortal portal(fixture_options());
    answer_five(portal);
    // Answer until the graduation date is asked (skipping anything else on the way).
    for (int i = 0; i < 8 && portal.state()["next_question"] != "graduation_date"; ++i) portal.click("skip");
    REQUIRE(portal.state()["next_question"] == "graduation_date");
    type_into_answer(portal, "2023-02-30");
    portal.click("next");
    CHECK(portal.state()["draft"]["problem"] == "not_a_date");
    CHECK_FALSE(portal.state()["profile"].contains("graduation_date"));
    CHECK(portal.visible("answer:problem"));
    portal.frames(3);            // the field takes the keyboard back over a few frames
    portal.type("2023-02-28");  // the refused text is selected in the field again: typing replaces it
    portal.click("next");
    CHECK(portal.state()["profile"]["graduation_date"] == "2023-02-28");
}

TEST_CASE("numbers outside the question's range are refused with a message") {
    HeadlessPortal portal(fixture_options());
    portal.click("tab:check");
    portal.click("answer:master");
    portal.click("answer:false");
    portal.click("answer:digital");
    portal.click("next");
    portal.click("answer:shangyu");
    REQUIRE(portal.state()["next_question"] == "age");
    type_into_answer(portal, "200");
    portal.click("next");
    CHECK(portal.state()["draft"]["problem"] == "above_max");
    CHECK_FALSE(portal.state()["profile"].contains("age"));
    portal.frames(3);
    portal.type("30");
    portal.press(ImGuiKey_Enter);  // Enter in the field commits like "next"
    CHECK(portal.state()["profile"]["age"] == 30);
}

TEST_CASE("skip moves on without answering; back returns to the skipped or answered question") {
    HeadlessPortal portal(fixture_options());
    portal.click("tab:check");
    portal.click("answer:master");
    REQUIRE(portal.state()["next_question"] == "owns_home");
    portal.click("skip");
    auto state = portal.state();
    CHECK(strings(state["skipped_questions"]) == std::vector<std::string>{"owns_home"});
    CHECK(state["next_question"] == "maker_types");
    CHECK_FALSE(state["profile"].contains("owns_home"));

    portal.click("back");
    state = portal.state();
    CHECK(state["next_question"] == "owns_home");
    CHECK(state["skipped_questions"].empty());
    portal.click("back");
    CHECK(portal.state()["next_question"] == "education");
    CHECK(portal.visible("answer:master"));
    portal.click("answer:phd");  // a changed answer
    state = portal.state();
    CHECK(state["profile"]["education"] == "phd");
    CHECK(state["next_question"] == "owns_home");
}

TEST_CASE("answers can be changed from the summary at any time, and the results follow") {
    HeadlessPortal portal(fixture_options());
    answer_five(portal);
    CHECK(portal.state()["statuses"]["youth-apartment"] == "eligible");
    scroll_to(portal, "edit:age", 250.0f, 500.0f);
    REQUIRE(portal.visible("edit:age"));
    portal.click("edit:age");
    CHECK(portal.state()["next_question"] == "age");
    type_into_answer(portal, "40");  // the old answer is selected when the field is clicked: typing replaces it
    portal.click("next");
    const auto state = portal.state();
    CHECK(state["profile"]["age"] == 40);
    CHECK(state["statuses"]["youth-apartment"] == "ineligible");
    CHECK(state["statuses"] == engine_statuses(portal));
}

TEST_CASE("the results show the best combination, and a policy's details show each criterion's outcome") {
    HeadlessPortal portal(fixture_options());
    answer_five(portal);
    const auto state = portal.state();
    const auto bundle = strings(state["best_bundle"]["policies"]);
    CHECK(contains(bundle, "maker-space"));
    CHECK(contains(bundle, "digital-grant"));
    CHECK_FALSE(contains(bundle, "startup-loan"));  // loans never count
    CHECK(portal.visible("results-meta"));
    CHECK(portal.visible("best-total"));
    CHECK(portal.visible("group:eligible"));

    portal.click("result:maker-space");
    CHECK(portal.state()["view"] == "detail");
    CHECK(portal.visible("detail:status"));
    portal.click("detail:back");
    CHECK(portal.state()["view"] == "check");
}

TEST_CASE("switching language keeps the answers and the question") {
    HeadlessPortal portal(fixture_options());
    answer_five(portal);
    const auto before = portal.state();
    portal.click("lang");
    const auto after = portal.state();
    CHECK(after["lang"] == "en");
    CHECK(after["profile"] == before["profile"]);
    CHECK(after["next_question"] == before["next_question"]);
    CHECK(after["statuses"] == before["statuses"]);
}

TEST_CASE("answers to questions that no longer apply are dropped") {
    HeadlessPortal portal(fixture_options());
    auto& state = const_cast<portal::app::AppState&>(portal.ui().state());
    const auto& set = state.catalog->set;
    portal::app::answer(state, set.question_index("education"), "master");
    portal::app::answer(state, set.question_index("double_first_class"), true);
    CHECK(state.profile.contains("double_first_class"));
    portal::app::answer(state, set.question_index("education"), "junior_college");
    CHECK_FALSE(state.profile.contains("double_first_class"));  // only asked of bachelor's and up
}

TEST_CASE("clearing all answers starts over") {
    HeadlessPortal portal(fixture_options());
    answer_five(portal);
    scroll_to(portal, "reset", 250.0f, 500.0f);
    portal.click("reset");
    const auto state = portal.state();
    CHECK(state["profile"].empty());
    CHECK(state["next_question"] == "education");
    CHECK(state["history"].empty());
}
