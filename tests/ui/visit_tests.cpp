// A first visit's small frictions, each through real input: the search box's clear button, filters that leave
// the search alone, answers listed in the order asked, the multi-choice hint said once, fingertip-sized header
// buttons on a phone, folded filters on a short window, a detail title clearly above the body text, results in
// layers with their actions above the list, and a check pane that does not shift when its scrollbar appears.
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace portal::test;

namespace {

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
    return count;
}

}  // namespace

TEST_CASE("the search box's (x) clears the search text and nothing else") {
    HeadlessPortal portal(fixture_options(1366.0f, 420.0f));  // short: the list scrolls however few cards match
    CHECK_FALSE(portal.visible("search:clear"));  // nothing to clear yet
    const ImVec4 field = portal.rect("search");
    if (portal.visible("filters")) portal.click("filters");  // a short window folds the chips away
    portal.click("filter:category:housing");
    portal.click("search");
    portal.type("公寓");
    REQUIRE(portal.visible("search:clear"));
    CHECK(portal.rect("search").z == doctest::Approx(field.z));  // the field keeps its width as text arrives
    portal.click("search:clear");
    const auto state = portal.state();
    CHECK(state["query"] == "");
    CHECK(strings(state["filters"]["categories"]) == std::vector<std::string>{"housing"});
    CHECK_FALSE(portal.visible("search:clear"));
}

TEST_CASE("clear filters clears the chips but keeps the search text") {
    HeadlessPortal portal(fixture_options());
    portal.click("search");
    portal.type("补贴");
    CHECK_FALSE(portal.visible("clear-filters"));  // a search alone is cleared by its own (x)
    portal.click("filter:category:housing");
    REQUIRE(portal.visible("clear-filters"));
    portal.click("clear-filters");
    const auto state = portal.state();
    CHECK(state["filters"]["categories"].empty());
    CHECK(state["query"] == "补贴");
}

TEST_CASE("your answers are listed in the order they were asked") {
    HeadlessPortal portal(fixture_options(1366.0f, 1000.0f));
    portal.click("tab:check");
    portal.click("answer:master");  // education, the file's first question
    portal.click("answer:false");   // owns_home
    CHECK(portal.rect("edit:education").y < portal.rect("edit:owns_home").y);
    portal.click("edit:education");  // asked again, so now it is the latest answer
    portal.click("answer:phd");
    CHECK(strings(portal.state()["history"]) == std::vector<std::string>{"owns_home", "education"});
    CHECK(portal.rect("edit:owns_home").y < portal.rect("edit:education").y);
}

TEST_CASE("a multi-choice question whose help says several answers are fine does not say it again") {
    nlohmann::json document = nlohmann::json::parse(read_text_file(fixture_path()));
    for (auto& question : document["questions"]) {
        if (question["id"] == "maker_types") question["help"] = {{"zh", "可多选；按你正在做的事选择。"}, {"en", "Choose any."}};
    }
    const std::string path = (std::filesystem::temp_directory_path() / "portal-multi-help.json").string();
    std::ofstream(path) << document.dump();
    for (const bool with_help : {false, true}) {
        HeadlessOptions options = fixture_options(1366.0f, 1400.0f);
        if (with_help) options.policy_file = path;
        HeadlessPortal portal(options);
        portal.click("tab:check");
        portal.click("answer:master");
        portal.click("answer:false");
        REQUIRE(portal.state()["next_question"] == "maker_types");
        CAPTURE(with_help);
        CHECK(occurrences(portal.frame_text(), "可多选") == 1);
    }
}

TEST_CASE("on a phone the header's buttons and tabs are fingertip-sized and say what they do") {
    HeadlessPortal portal(fixture_options(390.0f, 844.0f));
    for (const char* id : {"copy-link", "lang", "tab:explore", "tab:check", "tab:compare"}) {
        CAPTURE(id);
        CHECK(portal.rect(id).w >= 44.0f);
    }
    HeadlessPortal laptop(fixture_options());
    CHECK(laptop.rect("tab:check").w < 44.0f);  // a mouse needs no more than the text's own height
}

TEST_CASE("at 800x600 the filters fold away so the first cards are on the first screen") {
    HeadlessPortal portal(fixture_options(800.0f, 600.0f));
    REQUIRE(portal.visible("filters"));
    CHECK_FALSE(portal.visible("filter:category:housing"));
    CHECK(portal.rect("result-count").y < 600.0f * 0.5f);  // the chips alone once filled three quarters
    CHECK(portal.visible("policy:" + strings(portal.state()["visible"]).front()));
    portal.click("filters");
    CHECK(portal.visible("filter:category:housing"));
    HeadlessPortal laptop(fixture_options());
    CHECK(laptop.visible("filter:category:housing"));  // room enough: the chips stay open
}

TEST_CASE("a policy page's title is clearly larger than its body text") {
    HeadlessPortal portal(fixture_options(1366.0f, 900.0f));
    portal.click("policy:job-search");
    REQUIRE(portal.state()["view"] == "detail");
    const float title = portal.rect("detail:title").w;  // the height of the title's last line: its font size
    CHECK(title >= 1.6f * 16.0f);                        // the body text is 16 px
}

TEST_CASE("results: actions above the list, examples folded with the programmes to ask about") {
    HeadlessPortal portal(fixture_options());
    answer_three(portal);
    for (const char* id : {"share-answers", "download:html", "download:text", "remember", "reset"}) {
        CAPTURE(id);
        REQUIRE(portal.visible(id));
        CHECK(portal.rect(id).y < portal.rect("group:eligible").y);
    }
    REQUIRE(portal.state()["statuses"]["maker-space"] == "eligible");
    CHECK_FALSE(portal.visible("result:maker-space"));
    scroll_to(portal, "group:ask", 900.0f, 500.0f);
    REQUIRE(portal.visible("group:ask"));
    portal.click("group:ask");
    scroll_to(portal, "result:maker-space", 900.0f, 500.0f);
    CHECK(portal.visible("result:maker-space"));
}

TEST_CASE("the question pane keeps its width when its scrollbar appears") {
    HeadlessPortal portal(fixture_options(1366.0f, 768.0f));
    portal.click("tab:check");
    portal.frames(4);  // the page's own scrollbar, left from the long explore list, goes in the frames after the switch
    const ImVec4 skip_before = portal.rect("skip");
    const ImVec4 question_before = portal.rect("question");
    answer_five(portal);  // the answers fill the summary under the card until the pane must scroll
    REQUIRE(portal.visible("skip"));
    const ImVec4 skip_after = portal.rect("skip");
    CHECK(skip_after.x + skip_after.z == doctest::Approx(skip_before.x + skip_before.z));
    CHECK(portal.rect("question").x == doctest::Approx(question_before.x));
    // The pane did get its scrollbar: the wheel over it moves the card.
    portal.move_mouse(skip_after.x - 100.0f, skip_after.y);
    portal.wheel(-3.0f);
    const bool moved = !portal.visible("skip") || portal.rect("skip").y < skip_after.y - 1.0f;
    CHECK(moved);
}

TEST_CASE("the explore page does not move sideways when a search empties the list and its scrollbar goes") {
    HeadlessPortal portal(fixture_options(1366.0f, 768.0f));  // the whole list scrolls; "nothing found" does not
    portal.frames(3);
    const ImVec4 field_before = portal.rect("search");
    const std::string first = portal.state()["visible"][0].get<std::string>();
    const ImVec4 card = portal.rect("policy:" + first);
    // The list does scroll: the wheel over a card moves it.
    portal.move_mouse(card.x + 20.0f, card.y + 20.0f);
    portal.wheel(-2.0f);
    CHECK((!portal.visible("policy:" + first) || portal.rect("policy:" + first).y < card.y - 1.0f));
    portal.wheel(4.0f);  // back to the top, where the search box is
    portal.frames(2);
    portal.click("search");
    portal.type("zzzz");
    portal.frames(4);  // the scrollbar goes in the frames after the list shrank
    REQUIRE(portal.state()["visible"].empty());
    const ImVec4 field_after = portal.rect("search");
    CHECK(field_after.x == doctest::Approx(field_before.x));
    CHECK(field_after.z == doctest::Approx(field_before.z));
}
