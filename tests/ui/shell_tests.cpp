// The portal shell: header, language toggle and tabs respond to real clicks.
#include "headless_portal.hpp"

#include <doctest/doctest.h>

using portal::test::HeadlessPortal;
using portal::test::HeadlessOptions;

TEST_CASE("the portal starts in the preferred language on the explore view") {
    HeadlessPortal zh;
    CHECK(zh.state()["lang"] == "zh");
    CHECK(zh.state()["view"] == "explore");
    CHECK(zh.state()["error"].is_null());
    CHECK(zh.state()["frames"].get<long>() >= 2);

    HeadlessOptions english;
    english.lang = "en";
    HeadlessPortal en(english);
    CHECK(en.state()["lang"] == "en");
}

TEST_CASE("clicking the language toggle switches language both ways") {
    HeadlessPortal portal;
    portal.click("lang");
    CHECK(portal.state()["lang"] == "en");
    portal.click("lang");
    CHECK(portal.state()["lang"] == "zh");
}

TEST_CASE("the tabs switch views") {
    HeadlessPortal portal;
    portal.click("tab:check");
    CHECK(portal.state()["view"] == "check");
    portal.click("tab:compare");
    CHECK(portal.state()["view"] == "compare");
    portal.click("tab:explore");
    CHECK(portal.state()["view"] == "explore");
}

TEST_CASE("widgets are located inside the window at every width") {
    for (float width : {360.0f, 1366.0f, 3840.0f}) {
        HeadlessOptions options;
        options.width = width;
        options.height = width < 500 ? 780.0f : 1000.0f;
        HeadlessPortal portal(options);
        for (const char* id : {"lang", "tab:explore", "tab:check", "tab:compare"}) {
            const ImVec4 r = portal.rect(id);
            CAPTURE(id);
            CAPTURE(width);
            CHECK(r.x >= 0.0f);
            CHECK(r.x + r.z <= width);
            CHECK(r.z > 10.0f);
        }
    }
}
