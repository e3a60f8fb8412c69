// Responsive layout: from a 360 px phone to a 4K screen every named widget lies inside the window, nothing
// overlaps its neighbours in a row, and the explore grid gains columns as the window grows.
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>

using namespace portal::test;

namespace {

// Every located widget of the last frame lies within the window.
void check_inside(HeadlessPortal& portal, float width, float height, const char* where) {
    for (const auto& [id, r] : portal.ui().locator().shown()) {
        CAPTURE(where);
        CAPTURE(id);
        CHECK(r.x >= 0.0f);
        CHECK(r.y >= 0.0f);
        CHECK(r.x + r.w <= width + 0.5f);
        CHECK(r.y + r.h <= height + 0.5f);
        CHECK(r.w >= 1.0f);
    }
}

bool overlaps(const ImVec4& a, const ImVec4& b) {
    return a.x < b.x + b.z - 0.5f && b.x < a.x + a.z - 0.5f && a.y < b.y + b.w - 0.5f && b.y < a.y + a.w - 0.5f;
}

void visit_every_view(HeadlessPortal& portal, float width, float height) {
    check_inside(portal, width, height, "explore");
    if (portal.visible("filters")) portal.click("filters");  // phones fold the chips away
    check_inside(portal, width, height, "explore with filters");
    scroll_to(portal, "compare:living-allowance");
    portal.click("compare:living-allowance");
    scroll_to(portal, "compare:housing-voucher");
    portal.click("compare:housing-voucher");
    scroll_to(portal, "policy:living-allowance");
    portal.wheel(2.0f);
    portal.click("policy:living-allowance");
    check_inside(portal, width, height, "detail");
    portal.click("tab:check");
    check_inside(portal, width, height, "check: choice");
    portal.click("answer:master");
    check_inside(portal, width, height, "check: boolean");
    portal.click("answer:false");
    check_inside(portal, width, height, "check: multi");
    portal.click("answer:tech");
    portal.click("next");
    portal.click("answer:shangyu");
    check_inside(portal, width, height, "check: number");
    portal.click("tab:compare");
    check_inside(portal, width, height, "compare");
}

}  // namespace

TEST_CASE("nothing sticks out of a 360 px phone window, in either language") {
    for (const char* lang : {"zh", "en"}) {
        CAPTURE(std::string(lang));
        HeadlessPortal portal(fixture_options(360.0f, 780.0f, lang));
        visit_every_view(portal, 360.0f, 780.0f);
    }
}

TEST_CASE("nothing sticks out at laptop and 4K sizes") {
    for (float width : {1366.0f, 3840.0f}) {
        CAPTURE(width);
        const float height = width > 2000 ? 2160.0f : 768.0f;
        HeadlessPortal portal(fixture_options(width, height, "en"));
        visit_every_view(portal, width, height);
    }
}

TEST_CASE("the card grid has one column on a phone and more on wider screens") {
    const auto columns_at = [](float width) {
        HeadlessPortal portal(fixture_options(width, 1400.0f));
        const ImVec4 first = portal.rect("policy:living-allowance");
        int columns = 1;
        for (const char* id : {"policy:housing-voucher", "policy:rent-subsidy", "policy:startup-loan"}) {
            if (!portal.visible(id) || portal.rect(id).y != first.y) break;
            ++columns;
        }
        return columns;
    };
    CHECK(columns_at(360.0f) == 1);
    CHECK(columns_at(1366.0f) == 4);
    CHECK(columns_at(800.0f) == 2);
    // At 4K the grid stops growing and is centred, so lines stay readable.
    HeadlessPortal wide(fixture_options(3840.0f, 2160.0f));
    const ImVec4 first = wide.rect("policy:living-allowance");
    CHECK(first.x > 500.0f);
    CHECK(first.z < 500.0f);
}

TEST_CASE("controls in a row never overlap on a phone") {
    HeadlessPortal portal(fixture_options(360.0f, 780.0f, "en"));
    portal.click("filters");
    std::vector<std::pair<std::string, ImVec4>> rects;
    for (const auto& [id, r] : portal.ui().locator().shown()) {
        if (id.rfind("filter:", 0) == 0 || id.rfind("sort:", 0) == 0 || id.rfind("tab:", 0) == 0 || id == "lang")
            rects.emplace_back(id, ImVec4(r.x, r.y, r.w, r.h));
    }
    REQUIRE(rects.size() > 10);
    for (std::size_t i = 0; i < rects.size(); ++i) {
        for (std::size_t j = i + 1; j < rects.size(); ++j) {
            CAPTURE(rects[i].first);
            CAPTURE(rects[j].first);
            CHECK_FALSE(overlaps(rects[i].second, rects[j].second));
        }
    }
}

TEST_CASE("long lists build only the rows on screen") {
    HeadlessPortal portal(fixture_options(360.0f, 780.0f));
    // With one column on a phone only the first few cards can be visible; the rest are not even drawn.
    int drawn = 0;
    for (const auto& [id, r] : portal.ui().locator().shown()) {
        if (id.rfind("policy:", 0) == 0) ++drawn;
    }
    CHECK(drawn >= 1);
    CHECK(drawn <= 3);
    CHECK(portal.state()["visible"].size() == 11);
}

TEST_CASE("thousands of policies: only the cards on screen are built, in every view") {
    auto document = nlohmann::json::parse(read_text_file(fixture_path()));
    nlohmann::json many = nlohmann::json::array();
    for (int copy = 0; copy < 500; ++copy) {
        for (nlohmann::json policy : document["policies"]) {
            policy["id"] = policy["id"].get<std::string>() + "-" + std::to_string(copy);
            policy.erase("excludes");
            many.push_back(std::move(policy));
        }
    }
    document["policies"] = std::move(many);
    const std::string path = "/tmp/portal-ui-many-" + std::to_string(::getpid()) + ".json";
    {
        std::ofstream out(path);
        out << document.dump();
    }
    HeadlessOptions options = fixture_options();
    options.policy_file = path;
    HeadlessPortal portal(options);
    std::remove(path.c_str());
    REQUIRE(portal.state()["visible"].size() == 5500);

    // The work of a frame, counted rather than timed: the widgets it builds stay those of one screen.
    const auto widgets_built = [&] {
        portal.frames(10);
        return portal.ui().locator().shown().size();
    };
    int drawn = 0;
    for (const auto& [id, r] : portal.ui().locator().shown()) drawn += id.rfind("policy:", 0) == 0 ? 1 : 0;
    CHECK(drawn <= 12);
    const std::size_t explore_widgets = widgets_built();
    CHECK(explore_widgets < 150);

    portal.click("search");
    portal.type("公寓");
    CHECK(portal.state()["visible"].size() == 500);
    portal.click("tab:check");
    portal.click("answer:master");
    CHECK(widgets_built() < 150);  // 5500 results, of which only the rows on screen are built
}
