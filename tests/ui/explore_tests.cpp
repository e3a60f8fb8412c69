// Explore through real input: filter chips, typing in the search box (Chinese too), sorting, clearing,
// opening a card and coming back with the keyboard, and choosing policies to compare.
#include "fixture.hpp"

#include <doctest/doctest.h>

using namespace portal::test;

namespace {

// The default order on the fixture's date (2024-06-05): terms and amounts first (its confirmed source dates from
// 2018, so every amount is unconfirmed by then), terms without an amount, examples, a programme with no
// published terms, and the policy that ended in 2020 last; file order within each group.
const std::vector<std::string> kDefaultOrder = {
    "living-allowance", "housing-voucher", "rent-subsidy",    "startup-loan",    "job-search",   "youth-apartment",
    "maker-space",      "digital-grant",   "agri-support",    "skills-training", "job-fair-2020"};

}  // namespace

TEST_CASE("explore lists every policy as a card, what a visitor can act on first") {
    HeadlessPortal portal(fixture_options());
    const auto state = portal.state();
    CHECK(strings(state["visible"]) == kDefaultOrder);
    CHECK(state["query"] == "");
    CHECK(state["selected"].is_null());
    CHECK(state["as_of"] == "2024-06-05");
    CHECK(portal.visible("policy:living-allowance"));
    CHECK(portal.visible("search"));
    CHECK(portal.visible("filter:category:housing"));
    CHECK(portal.visible("filter:audience:agri-maker"));
}

TEST_CASE("category chips filter the list, and a second click takes the filter off") {
    HeadlessPortal portal(fixture_options());
    portal.click("filter:category:housing");
    auto state = portal.state();
    CHECK(strings(state["filters"]["categories"]) == std::vector<std::string>{"housing"});
    CHECK(strings(state["visible"]) == std::vector<std::string>{"housing-voucher", "rent-subsidy", "youth-apartment"});

    portal.click("filter:category:funding");  // OR within a facet
    CHECK(strings(portal.state()["visible"]) ==
          std::vector<std::string>{"housing-voucher", "rent-subsidy", "startup-loan", "youth-apartment", "digital-grant"});

    portal.click("filter:category:housing");
    portal.click("filter:category:funding");
    CHECK(strings(portal.state()["visible"]) == kDefaultOrder);
}

TEST_CASE("audience and category filters combine, and one click clears both") {
    HeadlessPortal portal(fixture_options());
    portal.click("filter:audience:digital-maker");
    CHECK(strings(portal.state()["visible"]) ==
          std::vector<std::string>{"startup-loan", "youth-apartment", "maker-space", "digital-grant"});
    portal.click("filter:category:funding");  // AND across facets
    CHECK(strings(portal.state()["visible"]) == std::vector<std::string>{"startup-loan", "digital-grant"});

    portal.click("clear-filters");
    const auto state = portal.state();
    CHECK(state["filters"]["categories"].empty());
    CHECK(state["filters"]["audiences"].empty());
    CHECK(strings(state["visible"]) == kDefaultOrder);
}

TEST_CASE("filter counts follow the query and the other facet") {
    HeadlessPortal portal(fixture_options());
    const auto& list = portal.ui().state().list;
    const auto& set = portal.ui().state().catalog->set;
    const int housing = set.category_index("housing");
    CHECK(list.category_counts[static_cast<std::size_t>(housing)] == 3);
    portal.click("filter:audience:digital-maker");
    CHECK(portal.ui().state().list.category_counts[static_cast<std::size_t>(housing)] == 1);
}

TEST_CASE("typing Chinese into the search box filters on every keystroke") {
    HeadlessPortal portal(fixture_options());
    portal.click("search");
    portal.type("公");
    CHECK(portal.state()["query"] == "公");
    CHECK(contains(strings(portal.state()["visible"]), "youth-apartment"));
    portal.type("寓");
    auto state = portal.state();
    CHECK(state["query"] == "公寓");
    CHECK(strings(state["visible"]) == std::vector<std::string>{"youth-apartment"});

    portal.press(ImGuiKey_Backspace);
    portal.press(ImGuiKey_Backspace);
    CHECK(portal.state()["query"] == "");
    CHECK(strings(portal.state()["visible"]) == kDefaultOrder);
}

TEST_CASE("a keystroke in the search box shows in the list drawn in the same frame") {
    HeadlessPortal portal(fixture_options());
    portal.click("search");
    portal.type("公");
    const auto before = strings(portal.state()["visible"]);
    REQUIRE(before.size() > 1);
    REQUIRE(contains(before, "youth-apartment"));

    // One keystroke, one frame: the cards drawn in that frame must already be the narrowed list.
    ImGui::GetIO().AddInputCharactersUTF8("寓");
    portal.frame();
    CHECK(portal.state()["query"] == "公寓");
    CHECK(portal.visible("policy:youth-apartment"));
    for (const std::string& id : before) {
        if (id != "youth-apartment") CHECK_MESSAGE(!portal.visible("policy:" + id), id);
    }
}

TEST_CASE("the default order is explained, and search text ranks by match with ended policies last") {
    HeadlessPortal portal(fixture_options());
    CHECK(portal.visible("order-note"));
    portal.click("search");
    portal.type("2020");  // the ended job fair's title, and nothing else
    CHECK(strings(portal.state()["visible"]) == std::vector<std::string>{"job-fair-2020"});
    CHECK_FALSE(portal.visible("order-note"));  // a search ranks by match, which the note does not describe
    for (int i = 0; i < 4; ++i) portal.press(ImGuiKey_Backspace);
    CHECK(portal.visible("order-note"));
    portal.click("sort:name");
    CHECK_FALSE(portal.visible("order-note"));
}

TEST_CASE("English words search titles, summaries and tags, best match first") {
    HeadlessPortal portal(fixture_options(1366, 768, "en"));
    portal.click("search");
    portal.type("loan");
    const auto visible = strings(portal.state()["visible"]);
    REQUIRE(!visible.empty());
    CHECK(visible.front() == "startup-loan");
}

TEST_CASE("an empty result says so and offers to clear the filters, then the search") {
    HeadlessPortal portal(fixture_options());
    portal.click("filter:category:events");
    portal.click("search");
    portal.type("公寓");
    CHECK(portal.state()["visible"].empty());
    REQUIRE(portal.visible("clear-filters"));
    portal.click("clear-filters");
    auto state = portal.state();
    CHECK(state["query"] == "公寓");  // clearing the filters leaves the search alone
    CHECK(state["filters"]["categories"].empty());
    portal.click("filter:category:events");
    REQUIRE(portal.state()["visible"].empty());
    portal.click("clear-search");
    state = portal.state();
    CHECK(state["query"] == "");
    CHECK(strings(state["filters"]["categories"]) == std::vector<std::string>{"events"});
}

TEST_CASE("sorting by value puts money first, loans after, then the rest; by name follows the titles") {
    HeadlessPortal portal(fixture_options(1366, 768, "en"));
    portal.click("sort:value");
    auto visible = strings(portal.state()["visible"]);
    CHECK(portal.state()["sort"] == "value");
    CHECK(visible.front() == "housing-voucher");  // up to CNY 500k
    CHECK(visible[1] == "living-allowance");      // up to CNY 250k over five years
    const auto position = [&](const std::string& id) { return std::find(visible.begin(), visible.end(), id) - visible.begin(); };
    CHECK(position("job-fair-2020") < position("startup-loan"));  // CNY 1,500 cash beats a loan limit
    CHECK(position("startup-loan") < position("youth-apartment"));
    CHECK(visible.back() == "skills-training");  // no benefit listed

    portal.click("sort:name");
    visible = strings(portal.state()["visible"]);
    CHECK(visible.front() == "job-fair-2020");  // "2020 job fair…" sorts before letters
    CHECK(visible[1] == "digital-grant");       // "Digital maker…"

    portal.click("sort:relevance");
    CHECK(strings(portal.state()["visible"]) == kDefaultOrder);
}

TEST_CASE("a card opens the policy's details; back and Escape return to the list") {
    HeadlessPortal portal(fixture_options());
    portal.click("policy:housing-voucher");
    auto state = portal.state();
    CHECK(state["view"] == "detail");
    CHECK(state["selected"] == "housing-voucher");
    CHECK(portal.visible("detail:back"));

    portal.click("detail:back");
    CHECK(portal.state()["view"] == "explore");

    portal.click("policy:rent-subsidy");
    CHECK(portal.state()["view"] == "detail");
    portal.press(ImGuiKey_Escape);
    CHECK(portal.state()["view"] == "explore");
    CHECK(portal.state()["selected"] == "rent-subsidy");  // remembered, so the card can be found again
}

TEST_CASE("the keyboard reaches a card: Tab moves the focus, Enter opens, Escape comes back") {
    HeadlessPortal portal(fixture_options());
    std::string focus;
    for (int i = 0; i < 80; ++i) {
        portal.press(ImGuiKey_Tab);
        const auto value = portal.state()["focus"];
        focus = value.is_string() ? value.get<std::string>() : "";
        if (focus.rfind("policy:", 0) == 0) break;
    }
    REQUIRE(focus == "policy:living-allowance");  // the first card, after the search box, sort and chips
    portal.press(ImGuiKey_Enter);
    CHECK(portal.state()["view"] == "detail");
    CHECK(portal.state()["selected"] == "living-allowance");
    portal.press(ImGuiKey_Escape);
    CHECK(portal.state()["view"] == "explore");
}

TEST_CASE("arrow keys move between cards") {
    HeadlessPortal portal(fixture_options());
    for (int i = 0; i < 80; ++i) {
        portal.press(ImGuiKey_Tab);
        if (portal.state()["focus"] == "policy:living-allowance") break;
    }
    REQUIRE(portal.state()["focus"] == "policy:living-allowance");
    // Right goes through the card's own compare button on the way to the next card.
    for (int i = 0; i < 3 && portal.state()["focus"] != "policy:housing-voucher"; ++i) portal.press(ImGuiKey_RightArrow);
    CHECK(portal.state()["focus"] == "policy:housing-voucher");
}

TEST_CASE("details show the criteria with their outcomes once answers exist, and links go through the intent") {
    HeadlessPortal portal(fixture_options());
    portal.click("policy:living-allowance");
    CHECK(portal.visible("criterion:degree"));
    CHECK_FALSE(portal.visible("detail:status"));  // nothing answered yet

    scroll_to(portal, "link:0");
    REQUIRE(portal.visible("link:0"));
    portal.click("link:0");
    CHECK(portal.state()["open_url"] == "https://example.org/living");
    CHECK(portal.ui().take_page_effects().open_url == "https://example.org/living");
    CHECK(portal.ui().take_page_effects().open_url.empty());
}

TEST_CASE("policies are added to and removed from the comparison, four at most") {
    HeadlessPortal portal(fixture_options());
    portal.click("compare:living-allowance");
    portal.click("compare:housing-voucher");
    CHECK(strings(portal.state()["compare"]) == std::vector<std::string>{"living-allowance", "housing-voucher"});

    portal.click("compare:rent-subsidy");
    portal.click("compare:startup-loan");
    scroll_to(portal, "compare:youth-apartment");
    portal.click("compare:youth-apartment");  // a fifth is refused
    CHECK(portal.state()["compare"].size() == 4);

    portal.click("tab:compare");
    CHECK(portal.state()["view"] == "compare");
    REQUIRE(portal.visible("compare:housing-voucher"));
    portal.click("compare:housing-voucher");
    CHECK(strings(portal.state()["compare"]) ==
          std::vector<std::string>{"living-allowance", "rent-subsidy", "startup-loan"});
}

TEST_CASE("the detail page's compare toggle and the compare view's details link") {
    HeadlessPortal portal(fixture_options());
    portal.click("policy:startup-loan");
    portal.click("compare:startup-loan");
    portal.click("detail:back");
    scroll_to(portal, "compare:maker-space");
    portal.click("compare:maker-space");
    portal.click("tab:compare");
    CHECK(strings(portal.state()["compare"]) == std::vector<std::string>{"startup-loan", "maker-space"});
    portal.click("compare-open:maker-space");
    CHECK(portal.state()["view"] == "detail");
    CHECK(portal.state()["selected"] == "maker-space");
    portal.click("detail:back");
    CHECK(portal.state()["view"] == "compare");
}
