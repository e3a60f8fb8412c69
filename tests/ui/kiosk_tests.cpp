// The recruitment-fair kiosk through real frames and taps: the attract screen, the idle countdown and
// the full reset, drag-to-scroll with momentum against a plain tap, target sizes at 1080p and 4K, answering by
// taps alone, outside links as QR codes, and the staff self-test.
#include "fixture.hpp"

#include "app/kiosk.hpp"
#include "ui/kiosk_view.hpp"
#include "ui/qr_view.hpp"

#include <doctest/doctest.h>
#include "ui/imgui_private.hpp"

using namespace portal::test;

namespace {

HeadlessOptions kiosk_options(float width = 1920.0f, float height = 1080.0f, double idle = 90.0) {
    HeadlessOptions options = fixture_options(width, height, "en");  // the browser says English; the booth says zh
    options.kiosk = portal::app::kiosk_settings(true, idle, "https://booth.example/portal/");
    return options;
}

// Lets `seconds` pass with the visitor's hands off the screen.
void wait(HeadlessPortal& portal, double seconds) {
    portal.frame(static_cast<float>(seconds));
    portal.frames(2);
}

// Taps a widget, scrolling the page to it first as a visitor would.
void tap(HeadlessPortal& portal, const std::string& id) {
    for (int i = 0; i < 30 && !portal.visible(id); ++i) portal.wheel(-2.0f);
    for (int i = 0; i < 60 && !portal.visible(id); ++i) portal.wheel(2.0f);
    portal.click(id);
}

void start_visit(HeadlessPortal& portal) {
    REQUIRE(portal.state()["idle"]["phase"] == "attract");
    portal.click("attract");
    REQUIRE(portal.state()["idle"]["phase"] == "visit");
}

// A finger pressed at (x, y), moved by dy in `steps` frames, then lifted (CSS pixels).
void drag(HeadlessPortal& portal, float x, float y, float dy, int steps) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    portal.pointer_to(x, y);
    portal.frame();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    portal.frame();
    for (int i = 1; i <= steps; ++i) {
        portal.pointer_to(x, y + dy * static_cast<float>(i) / static_cast<float>(steps));
        portal.frame();
    }
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    portal.frame();
}

// A visit that touches every kind of state the reset must clear.
void busy_visit(HeadlessPortal& portal) {
    start_visit(portal);
    portal.click("lang");                   // English
    tap(portal, "tile:all");               // browse everything
    tap(portal, "compare:maker-space");
    portal.click("tab:check");
    portal.click("answer:master");          // education
    portal.click("answer:false");           // owns_home
    portal.click("answer:digital");         // a multi draft in progress
    const auto state = portal.state();
    REQUIRE(state["lang"] == "en");
    REQUIRE(state["profile"].size() == 2);
    REQUIRE(state["compare"].size() == 1);
    REQUIRE(state["draft"]["options"].size() == 1);
}

void check_back_at_start(HeadlessPortal& portal) {
    const auto state = portal.state();
    CHECK(state["lang"] == "zh");
    CHECK(state["view"] == "explore");
    CHECK(state["query"] == "");
    CHECK(state["filters"]["categories"].empty());
    CHECK(state["filters"]["audiences"].empty());
    CHECK(state["sort"] == "relevance");
    CHECK(state["selected"].is_null());
    CHECK(state["compare"].empty());
    CHECK(state["profile"].empty());
    CHECK(state["history"].empty());
    CHECK(state["skipped_questions"].empty());
    CHECK(state["draft"]["options"].empty());
    CHECK(state["draft"]["text"] == "");
    CHECK(state["open_url"].is_null());
    CHECK(state["kiosk_link"].is_null());
    CHECK(state["share_open"] == false);
    CHECK(state["idle"]["phase"] == "attract");
    CHECK(portal.visible("attract"));
}

}  // namespace

TEST_CASE("kiosk: starts on the attract screen in Chinese, and a touch starts the visit") {
    HeadlessPortal portal(kiosk_options());
    auto state = portal.state();
    CHECK(state["kiosk"] == true);
    CHECK(state["lang"] == "zh");
    CHECK(state["idle"]["phase"] == "attract");
    CHECK(portal.visible("attract"));
    CHECK_FALSE(portal.visible("tab:check"));
    portal.move_mouse(400, 400);  // a pointer passing by does not start anything
    CHECK(portal.state()["idle"]["phase"] == "attract");
    start_visit(portal);
    CHECK(portal.visible("tile:all"));
    CHECK(portal.visible("kiosk:start-over"));
}

TEST_CASE("kiosk: the site without ?kiosk has none of it") {
    HeadlessPortal portal(fixture_options());
    CHECK(portal.state()["kiosk"] == false);
    CHECK_FALSE(portal.visible("attract"));
    CHECK_FALSE(portal.visible("kiosk:start-over"));
    CHECK(portal.ui().zoom() == 1.0f);
}

TEST_CASE("kiosk: idle shows a countdown, a touch keeps the visit, and then the time runs out") {
    HeadlessPortal portal(kiosk_options());
    start_visit(portal);
    portal.click("tab:check");
    portal.click("answer:master");
    wait(portal, 60.0);
    CHECK(portal.state()["idle"]["phase"] == "visit");
    CHECK_FALSE(portal.visible("countdown"));
    CHECK(portal.ui().seconds_until_wake() > 0.0);  // the platform sets a timer for the countdown

    wait(portal, 20.0);  // 80 s idle: inside the last 15 s
    auto state = portal.state();
    CHECK(state["idle"]["phase"] == "countdown");
    CHECK(state["idle"]["countdown"] == true);
    CHECK(state["idle"]["seconds_left"].get<double>() <= 10.5);
    CHECK(portal.visible("countdown"));
    CHECK(portal.ui().animating());  // the loop keeps drawing the seconds

    portal.click("countdown");  // "still there": a touch anywhere continues
    state = portal.state();
    CHECK(state["idle"]["phase"] == "visit");
    CHECK(state["profile"].size() == 1);  // nothing lost
    CHECK_FALSE(portal.visible("countdown"));

    wait(portal, 80.0);
    CHECK(portal.state()["idle"]["phase"] == "countdown");
    wait(portal, 11.0);
    check_back_at_start(portal);
    CHECK(portal.state()["idle"]["resets"] == 1);
    CHECK(portal.ui().take_kiosk_reset());  // the page is told to clear storage and the address
    CHECK_FALSE(portal.ui().take_kiosk_reset());
}

TEST_CASE("kiosk: the reset returns everything to the start, widget state included") {
    HeadlessPortal portal(kiosk_options());
    busy_visit(portal);
    // Scroll the results pane and leave a list gliding: both must be gone after the reset.
    portal.click("tab:explore");
    drag(portal, 900, 800, -500, 10);
    wait(portal, 91.0);
    check_back_at_start(portal);

    // The next visitor sees the start of everything: tiles at the top, nothing selected or typed.
    start_visit(portal);
    CHECK(portal.visible("tile:all"));
    const auto first_tile = portal.rect("tile:check");
    CHECK(first_tile.y < 400.0f);
    CHECK(portal.state()["focus"] != "search");
    CHECK(ImGui::GetActiveID() == 0);
}

TEST_CASE("kiosk: start over wipes the visit at once") {
    HeadlessPortal portal(kiosk_options());
    busy_visit(portal);
    portal.click("kiosk:start-over");
    check_back_at_start(portal);
    CHECK(portal.state()["idle"]["resets"] == 1);
}

TEST_CASE("kiosk: a finger drag scrolls the list with momentum, a tap still opens a card") {
    HeadlessOptions options = kiosk_options();
    options.policy_file = PORTAL_POLICY_FILE;  // the real data: a list many screens long
    HeadlessPortal portal(options);
    start_visit(portal);
    tap(portal, "tile:all");
    const std::string first = "policy:" + portal.state()["visible"][0].get<std::string>();
    const auto card = portal.rect(first);
    const float x = card.x + card.z / 2, y = card.y + card.w / 2;

    (void)y;
    drag(portal, x, 900.0f, -300.0f, 6);  // a quick flick upwards, starting on a card (above the bottom bar)
    auto state = portal.state();
    CHECK(state["view"] == "explore");     // the drag did not open the card it started on
    CHECK(state["selected"].is_null());
    const float moved = portal.visible(first) ? card.y - portal.rect(first).y : 1e9f;
    CAPTURE(card.y);
    CHECK(moved > 250.0f);                 // the content followed the finger (and kept going)
    CHECK(portal.ui().animating());        // gliding on after the finger lifted

    // Momentum: the list keeps moving after the release, then stops by itself.
    const std::string second = "policy:" + state["visible"][6].get<std::string>();
    portal.frames(2);
    REQUIRE(portal.ui().animating());
    const float before = portal.visible(second) ? portal.rect(second).y : 0.0f;
    portal.frames(3);
    const float after = portal.visible(second) ? portal.rect(second).y : 0.0f;
    if (before != 0.0f && after != 0.0f) CHECK(after < before);
    portal.frames(240);
    CHECK_FALSE(portal.ui().animating());

    // Back to the top with a long drag the other way, then a tap (no movement) opens the card.
    drag(portal, x, 300.0f, 3000.0f, 10);
    portal.frames(240);
    REQUIRE(portal.visible(first));
    portal.click(first);
    state = portal.state();
    CHECK(state["view"] == "detail");
    CHECK(state["selected"] == first.substr(7));
}

TEST_CASE("kiosk: touch targets are at least 48 CSS pixels at 1080p and 4K, landscape and portrait") {
    for (const auto& size : {ImVec2(1920, 1080), ImVec2(3840, 2160), ImVec2(1080, 1920), ImVec2(2160, 3840)}) {
        CAPTURE(size.x);
        HeadlessPortal portal(kiosk_options(size.x, size.y));
        CHECK(portal.ui().zoom() > 1.4f);
        start_visit(portal);
        auto check_targets = [&](const std::vector<std::string>& prefixes) {
            int checked = 0;
            const auto& shown = portal.ui().locator().shown();
            // A row half scrolled out of its pane is located by its visible part: only whole ones are measured
            // (as tall as the tallest of their kind on screen; rows of one kind are all the same height).
            auto tallest = [&](const std::string& prefix) {
                float h = 0.0f;
                for (const auto& [other, r] : shown)
                    if (other.rfind(prefix, 0) == 0) h = std::max(h, r.h);
                return h;
            };
            for (const auto& [id, rect] : shown) {
                const auto prefix = std::find_if(prefixes.begin(), prefixes.end(),
                                                 [&](const std::string& p) { return id.rfind(p, 0) == 0; });
                if (prefix == prefixes.end()) continue;
                if (prefix->back() == ':' && rect.h < tallest(*prefix) - 0.5f) continue;  // cut by its pane
                CAPTURE(id);
                ++checked;
                CHECK(rect.h * portal.ui().zoom() >= 48.0f);
                CHECK(rect.w * portal.ui().zoom() >= 48.0f);
            }
            CHECK(checked > 0);
        };
        check_targets({"tile:", "tab:", "lang", "kiosk:"});
        tap(portal, "tile:all");
        check_targets({"policy:", "compare:", "filter:", "sort:", "tiles:back"});
        portal.click("tab:check");
        check_targets({"answer:", "skip", "back"});
        portal.click("answer:master");
        portal.click("answer:false");
        portal.click("answer:digital");
        tap(portal, "next");
        portal.click("answer:shangyu");  // now the number question (age): the keypad
        check_targets({"key:", "next", "edit:", "result:", "kiosk:share"});
    }
}

TEST_CASE("kiosk: a portrait screen is magnified as much as a landscape one") {
    // 1080 x 1920, a floor-standing touch screen: laid out 660 wide, as landscape 1920 x 1080 is laid out 660 tall.
    CHECK(portal::ui::kiosk_zoom(1080.0f, 1920.0f) == doctest::Approx(portal::ui::kiosk_zoom(1920.0f, 1080.0f)));
    CHECK(portal::ui::kiosk_zoom(1080.0f, 1920.0f) > 1.6f);
    CHECK(portal::ui::kiosk_zoom(2160.0f, 3840.0f) > 3.2f);
    CHECK(portal::ui::kiosk_zoom(800.0f, 600.0f) == 1.0f);  // never shrunk
    HeadlessPortal portal(kiosk_options(1080.0f, 1920.0f));
    CHECK(portal.state()["zoom"].get<double>() > 1.6);
}

TEST_CASE("kiosk: take my results appears once there are results") {
    HeadlessPortal portal(kiosk_options());
    start_visit(portal);
    CHECK_FALSE(portal.visible("kiosk:share"));
    portal.click("tab:check");
    CHECK_FALSE(portal.visible("kiosk:share"));
    CHECK_FALSE(portal.visible("results:qr"));
    portal.click("answer:master");
    CHECK(portal.visible("kiosk:share"));
}

TEST_CASE("kiosk: the keypad is laid out like a phone's") {
    HeadlessPortal portal(kiosk_options());
    start_visit(portal);
    portal.click("tab:check");
    portal.click("answer:master");
    portal.click("answer:false");
    portal.click("answer:digital");
    tap(portal, "next");
    portal.click("answer:shangyu");
    REQUIRE(portal.state()["next_question"] == "age");
    auto at = [&](const char* key) { return portal.rect(std::string("key:") + key); };
    const char* rows[4][3] = {{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {".", "0", "back"}};
    for (int r = 0; r < 4; ++r) {
        for (int c = 0; c < 3; ++c) {
            CAPTURE(rows[r][c]);
            CHECK(at(rows[r][c]).y == doctest::Approx(at(rows[r][0]).y));  // a row
            CHECK(at(rows[r][c]).x == doctest::Approx(at(rows[0][c]).x));  // a column
            if (r > 0) CHECK(at(rows[r][c]).y > at(rows[r - 1][c]).y);
            if (c > 0) CHECK(at(rows[r][c]).x > at(rows[r][c - 1]).x);
        }
    }
}

TEST_CASE("kiosk: a number question is answered by taps on the keypad") {
    HeadlessPortal portal(kiosk_options());
    start_visit(portal);
    portal.click("tab:check");
    portal.click("answer:master");
    portal.click("answer:false");
    portal.click("answer:digital");
    tap(portal, "next");
    portal.click("answer:shangyu");
    REQUIRE(portal.state()["next_question"] == "age");
    portal.click("key:2");
    portal.click("key:9");
    portal.click("key:back");
    portal.click("key:8");
    CHECK(portal.state()["draft"]["text"] == "28");
    tap(portal, "next");
    CHECK(portal.state()["profile"]["age"] == 28);
}

TEST_CASE("kiosk: an outside link is shown as a QR code, never opened") {
    HeadlessPortal portal(kiosk_options());
    start_visit(portal);
    tap(portal, "tile:all");
    portal.click("policy:living-allowance");
    for (int i = 0; i < 40 && !portal.visible("source-link"); ++i) portal.wheel(-2.0f);
    REQUIRE(portal.visible("source-link"));
    portal.click("source-link");
    const auto state = portal.state();
    CHECK(state["kiosk_link"].is_string());
    CHECK(portal.ui().state().pending_open_url.empty());
    CHECK(portal.visible("link-qr"));
    const auto qr = portal.rect("link-qr");
    CHECK(qr.z >= 240.0f);
    portal.click("kiosk:close");
    CHECK(portal.state()["kiosk_link"].is_null());
}

TEST_CASE("kiosk: take my results shows a QR code of the share link") {
    HeadlessPortal portal(kiosk_options());
    start_visit(portal);
    portal.click("tab:check");
    portal.click("answer:master");
    portal.click("kiosk:share");
    CHECK(portal.state()["share_open"] == true);
    REQUIRE(portal.visible("qr"));
    const auto qr = portal.rect("qr");
    CHECK(qr.z == doctest::Approx(qr.w));
    const std::string url = portal.state()["share_url"];
    CHECK(url.rfind("https://booth.example/portal/", 0) == 0);
    // Each module at least 4 CSS pixels, with the quiet zone: side >= (modules + 8) * 4.
    CHECK(qr.z >= static_cast<float>(portal::ui::qr_modules(url) + 8) * 4.0f);
    portal.click("kiosk:close");
    CHECK(portal.state()["share_open"] == false);
}

TEST_CASE("kiosk: holding the booth's name for three seconds opens the staff self-test") {
    HeadlessOptions options = kiosk_options();
    options.policy_file = PORTAL_POLICY_FILE;  // the real data and its 82 examples
    HeadlessPortal portal(options);
    start_visit(portal);
    const auto name = portal.rect("kiosk:staff");
    ImGuiIO& io = ImGui::GetIO();
    portal.pointer_to(name.x + name.z / 2, name.y + name.w / 2);
    portal.frame();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    portal.frame();
    portal.frame(1.0f);
    CHECK(portal.ui().animating());  // the loop must keep counting while the finger rests
    CHECK_FALSE(portal.state()["selftest"].is_object());
    portal.frame(2.1f);
    portal.frame();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    portal.frames(2);
    auto state = portal.state();
    REQUIRE(state["selftest"].is_object());
    CHECK(state["selftest"]["open"] == true);
    CHECK(portal.visible("selftest"));
    CHECK(state["selftest"]["examples"]["failed"] == 0);
    CHECK(state["selftest"]["examples"]["passed"].get<int>() > 0);
    CHECK(state["selftest"]["done"] == false);  // waiting for the suite file

    CHECK(portal.ui().take_suite_request());
    CHECK_FALSE(portal.ui().take_suite_request());  // asked once
    portal.ui().deliver_suite(read_text_file(std::string(PORTAL_TEST_DATA_DIR) + "/jsonlogic-tests.json"), "");
    portal.frames(2);
    state = portal.state();
    CHECK(state["selftest"]["done"] == true);
    CHECK(state["selftest"]["jsonlogic"]["passed"] == 277);
    CHECK(state["selftest"]["jsonlogic"]["failed"] == 0);
    portal.click("selftest:close");
    CHECK(portal.state()["selftest"]["open"] == false);
}
