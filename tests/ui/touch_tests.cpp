// A finger scrolls every pane outside the kiosk too (phones, touch laptops), while a mouse drag does not, and a
// tap is still a tap.
#include "fixture.hpp"

#include <doctest/doctest.h>

using namespace portal::test;

namespace {

// A press at (x, y) moved by dy in `steps` frames, then lifted, from a finger or a mouse.
void drag(HeadlessPortal& portal, ImGuiMouseSource source, float x, float y, float dy, int steps) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(source);
    portal.pointer_to(x, y);
    portal.frame();
    io.AddMouseSourceEvent(source);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    portal.frame();
    for (int i = 1; i <= steps; ++i) {
        io.AddMouseSourceEvent(source);
        portal.pointer_to(x, y + dy * static_cast<float>(i) / static_cast<float>(steps));
        portal.frame();
    }
    io.AddMouseSourceEvent(source);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    portal.frame();
    portal.frames(3);
}

std::string first_policy(const HeadlessPortal& portal) {
    return "policy:" + portal.state()["visible"][0].get<std::string>();
}

}  // namespace

TEST_CASE("touch: a flick on a phone keeps the list gliding after the finger lifts, and a mouse click stops it") {
    HeadlessPortal portal(fixture_options(390.0f, 844.0f));
    portal.click("tab:check");  // the check's single column on a phone is long: room to glide
    ImGuiIO& io = ImGui::GetIO();
    const std::string question = "question";
    const float top = portal.rect(question).y;
    drag(portal, ImGuiMouseSource_TouchScreen, 200.0f, 600.0f, -30.0f, 3);  // 30 px in three frames: 600 px/s
    CHECK(portal.state()["animating"] == true);  // still moving with the finger gone
    const float at_lift = portal.visible(question) ? portal.rect(question).y : -1e9f;
    portal.frames(30);
    const float later = portal.visible(question) ? portal.rect(question).y : -1e9f;
    CHECK(at_lift < top - 25.0f);
    CHECK(later < at_lift - 20.0f);
    CHECK(portal.state()["profile"].empty());  // the flick answered nothing

    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    drag(portal, ImGuiMouseSource_TouchScreen, 200.0f, 600.0f, -120.0f, 3);
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    portal.frame();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    portal.frames(2);
    CHECK(portal.state()["animating"] == false);
}

TEST_CASE("touch: a finger drag scrolls the list on a phone, a mouse drag does not, a finger tap opens") {
    HeadlessPortal portal(fixture_options(390.0f, 844.0f));
    const std::string first = first_policy(portal);
    const float top = portal.rect(first).y;

    drag(portal, ImGuiMouseSource_Mouse, 200.0f, 700.0f, -300.0f, 10);
    CHECK(portal.rect(first).y == doctest::Approx(top));
    CHECK(portal.state()["view"] == "explore");

    drag(portal, ImGuiMouseSource_TouchScreen, 200.0f, 700.0f, -300.0f, 10);
    // The fixture's list is short: the finger takes it to its end, which is more than 100 px.
    const bool scrolled = !portal.visible(first) || portal.rect(first).y < top - 100.0f;
    CHECK(scrolled);
    CHECK(portal.state()["view"] == "explore");  // the drag started on a card but opened nothing
    CHECK(portal.state()["selected"].is_null());

    // A tap (no movement) on a card still on screen opens it.
    std::string shown;
    const nlohmann::json listed = portal.state()["visible"];
    for (const auto& id : listed) {
        if (portal.visible("policy:" + id.get<std::string>())) shown = id.get<std::string>();
    }
    REQUIRE_FALSE(shown.empty());
    const ImVec4 card = portal.rect("policy:" + shown);
    drag(portal, ImGuiMouseSource_TouchScreen, card.x + card.z / 2, card.y + card.w / 2, 0.0f, 1);
    CHECK(portal.state()["view"] == "detail");
    CHECK(portal.state()["selected"] == shown);
}

TEST_CASE("touch: with reduced motion asked for, the list follows the finger but stops where it is lifted") {
    HeadlessPortal portal(fixture_options(390.0f, 844.0f));
    portal.ui().set_system_preferences({true, false});
    portal.click("tab:check");
    const std::string question = "question";
    const float top = portal.rect(question).y;
    drag(portal, ImGuiMouseSource_TouchScreen, 200.0f, 600.0f, -30.0f, 3);  // the flick that glides above
    CHECK(portal.state()["animating"] == false);
    CHECK(portal.state()["preferences"]["reduced_motion"] == true);
    const float at_lift = portal.rect(question).y;
    portal.frames(30);
    CHECK(at_lift < top - 25.0f);                                     // the finger's own 30 px moved it
    CHECK(portal.rect(question).y == doctest::Approx(at_lift));       // and nothing after the lift
}
