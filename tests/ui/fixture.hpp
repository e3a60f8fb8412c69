// Shared set-up for the UI tests: portals on the UI fixture (tests/data/ui-fixture.json, a small policy file
// with every question type, loans, amount rules, exclusions, an expired and an illustrative policy) and a few
// helpers to read the snapshot.
#pragma once

#include "headless_portal.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace portal::test {

inline std::string fixture_path(const std::string& name = "ui-fixture.json") {
    return std::string(PORTAL_TEST_DATA_DIR) + "/" + name;
}

inline HeadlessOptions fixture_options(float width = 1366.0f, float height = 768.0f, const std::string& lang = "zh") {
    HeadlessOptions options;
    options.policy_file = fixture_path();
    options.today = "2024-06-05";
    options.width = width;
    options.height = height;
    options.lang = lang;
    return options;
}

inline std::vector<std::string> strings(const nlohmann::json& array) {
    std::vector<std::string> out;
    for (const auto& item : array) out.push_back(item.get<std::string>());
    return out;
}

inline bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// Scrolls the content with the mouse wheel until `id` is on screen (or gives up).
inline void scroll_to(HeadlessPortal& portal, const std::string& id, float x = 200.0f, float y = 500.0f) {
    for (int i = 0; i < 60 && !portal.visible(id); ++i) {
        portal.move_mouse(x, y);
        portal.wheel(-1.0f);
    }
}

// Opens the check and answers the fixture's first three questions the way a visitor would; work_location is next.
inline void answer_three(HeadlessPortal& portal) {
    portal.click("tab:check");
    portal.click("answer:master");   // education
    portal.click("answer:false");    // owns_home
    portal.click("answer:digital");  // maker_types (multi: toggle, then next)
    portal.click("next");
}

// Answers the fixture's first five questions the way a visitor would.
inline void answer_five(HeadlessPortal& portal) {
    answer_three(portal);
    portal.click("answer:shangyu");  // work_location
    portal.click("answer:input");    // age
    portal.type("28");
    portal.click("next");
}

}  // namespace portal::test
