// The accessibility mirror's collection point (ui/a11y.hpp): what ImGui submitted becomes nodes with roles,
// names and states; focusing a node gives its widget ImGui's keyboard focus; the page is told only of changes;
// the live region's sentences. Driven by real input, read from PortalUi::take_a11y_update() as the page gets it.
#include "fixture.hpp"

#include "ui/a11y.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace portal::test;

namespace {

using portal::ui::a11y::Node;

// The last frame's node with this key, as the collector made it (the page gets the same in JSON).
const Node* node(const std::string& key) {
    const portal::ui::a11y::Collector* collector = portal::ui::a11y::current();
    return collector != nullptr ? collector->find(key) : nullptr;
}
std::string role(const std::string& key) { return node(key) ? portal::ui::a11y::role_name(node(key)->role) : "(none)"; }
std::string name(const std::string& key) { return node(key) ? node(key)->name : "(none)"; }

// What the live region is told within a few frames ("" when nothing).
std::string said(HeadlessPortal& portal) {
    for (int i = 0; i < 4; ++i) {
        const std::string text = portal.ui().take_a11y_update();
        if (!text.empty()) {
            const auto update = nlohmann::json::parse(text);
            if (update.contains("say")) return update["say"];
        }
        portal.frame();
    }
    return {};
}

}  // namespace

TEST_CASE("the mirror names and roles what explore draws: tabs, search, chips, cards named by their content") {
    HeadlessPortal portal(fixture_options());
    const auto update = nlohmann::json::parse(portal.ui().take_a11y_update());
    CHECK(update["lang"] == "zh");
    CHECK(update["view"] == "explore");
    CHECK(update["nodes"].size() == portal::ui::a11y::current()->nodes().size());
    CHECK(role("tab:explore") == "tab");
    CHECK(name("tab:explore") == "浏览政策");
    CHECK(node("tab:explore")->selected);
    CHECK_FALSE(node("tab:check")->selected);
    CHECK(role("search") == "searchbox");
    CHECK(name("search") == "搜索政策名称、内容或标签");
    CHECK(role("filter:category:housing") == "checkbox");
    CHECK(name("filter:category:housing").find("住房") != std::string::npos);
    CHECK_FALSE(node("filter:category:housing")->checked);
    CHECK(role("policy:living-allowance") == "link");
    CHECK(name("policy:living-allowance").find("高校毕业生生活津贴") != std::string::npos);
    CHECK(role("lang") == "button");
    CHECK(name("lang") == "English");
    // ImGui's own "##id" labels never reach a name.
    for (const auto& each : update["nodes"]) CHECK(each[2].get<std::string>().find("##") == std::string::npos);
}

TEST_CASE("a button drawn as a symbol is named for what it does: the search's clear button") {
    HeadlessPortal portal(fixture_options());
    portal.click("search");
    portal.type("住房");
    portal.frames(2);
    REQUIRE(node("search:clear") != nullptr);
    CHECK(role("search:clear") == "button");
    CHECK(name("search:clear") == "清除搜索文字");
}

TEST_CASE("a chosen chip is checked and the live region says the new count") {
    HeadlessPortal portal(fixture_options());
    portal.ui().take_a11y_update();
    portal.click("filter:category:housing");
    const auto visible = portal.state()["visible"].size();
    CHECK(said(portal) == "共 " + std::to_string(visible) + " 项政策");
    CHECK(node("filter:category:housing")->checked);
}

TEST_CASE("an unchanged frame sends the page nothing") {
    HeadlessPortal portal(fixture_options());
    portal.ui().take_a11y_update();
    portal.frame();
    CHECK(portal.ui().take_a11y_update().empty());
}

TEST_CASE("focusing a node gives its widget ImGui's keyboard focus; Enter then acts on it") {
    HeadlessPortal portal(fixture_options());
    REQUIRE(portal.ui().a11y_focus("policy:housing-voucher"));
    portal.frames(2);
    CHECK(portal.state()["focus"] == "policy:housing-voucher");
    CHECK(node("policy:housing-voucher")->focused);
    portal.press(ImGuiKey_Enter);
    const auto state = portal.state();
    CHECK(state["view"] == "detail");
    CHECK(state["selected"] == "housing-voucher");
    CHECK_FALSE(portal.ui().a11y_focus("no-such-widget"));
}

TEST_CASE("the check: answer options say which is chosen, and an answer is announced with what now applies") {
    HeadlessPortal portal(fixture_options());
    portal.click("tab:check");
    CHECK(said(portal) == "已打开：资格自测");
    CHECK(role("answer:bachelor") == "button");
    CHECK(node("answer:bachelor")->pressable);
    CHECK_FALSE(node("answer:bachelor")->pressed);
    CHECK(role("skip") == "button");
    portal.click("answer:bachelor");
    const std::string sentence = said(portal);
    int eligible = 0;
    for (const auto& [id, status] : portal.state()["statuses"].items()) eligible += status == "eligible" ? 1 : 0;
    CHECK(sentence.rfind(std::to_string(eligible) + " 项符合", 0) == 0);
    // Focus moves to the next question's first option: the sentence reads the question itself.
    const auto next = portal.state()["next_question"].get<std::string>();
    const auto& questions = portal.ui().state().catalog->set.questions;
    const auto asked = std::find_if(questions.begin(), questions.end(), [&](const auto& q) { return q.id == next; });
    REQUIRE(asked != questions.end());
    CHECK(sentence.find("。下一题：" + asked->label.zh) != std::string::npos);
}

TEST_CASE("lines drawn as plain text are mirrored, and the outline has levels: h1 the page, h2 sections") {
    HeadlessPortal portal(fixture_options());
    const auto& nodes = portal::ui::a11y::current()->nodes();
    const auto has_text = [&](const std::string& text) {
        return std::any_of(nodes.begin(), nodes.end(), [&](const Node& n) {
            return n.role == portal::ui::a11y::Role::text && n.name == text;
        });
    };
    CHECK(has_text("排序"));  // the sort label, one ImGui text line
    portal.click("policy:housing-voucher");
    portal.frame();
    REQUIRE(node("detail:title") != nullptr);
    CHECK(role("detail:title") == "heading");
    CHECK(node("detail:title")->level == 1);
    int sections = 0;
    for (const Node& n : portal::ui::a11y::current()->nodes()) {
        if (n.role != portal::ui::a11y::Role::heading) continue;
        CHECK((n.level == 1) == (n.key == "detail:title"));
        sections += n.level == 2 ? 1 : 0;
    }
    CHECK(sections > 0);
}

TEST_CASE("a refused answer makes its field invalid, described by the reason; a good one clears it") {
    HeadlessPortal portal(fixture_options());
    portal.click("tab:check");
    portal.click("answer:master");   // the first four questions as answer_five() gives them
    portal.click("answer:false");
    portal.click("answer:digital");
    portal.click("next");
    portal.click("answer:shangyu");
    REQUIRE(portal.state()["next_question"] == "age");  // 16 to 70
    REQUIRE(node("answer:input") != nullptr);
    CHECK_FALSE(node("answer:input")->invalid);
    portal.click("answer:input");
    portal.type("99");
    portal.click("next");
    REQUIRE(portal.state()["draft"]["problem"] == "above_max");
    REQUIRE(node("answer:input") != nullptr);
    CHECK(node("answer:input")->invalid);
    CHECK(node("answer:input")->error_key == "answer:problem");
    CHECK(name("answer:problem").find("不能大于 70") != std::string::npos);
    const auto update = nlohmann::json::parse(portal.ui().take_a11y_update());
    bool sent = false;
    for (const auto& each : update["nodes"])
        if (each[0] == "answer:input") sent = (each[7].get<int>() & 256) != 0 && each[9] == "answer:problem";
    CHECK(sent);
    portal.frames(3);  // the field takes the keyboard back, the refused text selected
    portal.type("28");
    portal.click("next");
    CHECK(portal.state()["profile"]["age"] == 28);
    CHECK(node("answer:problem") == nullptr);
}

TEST_CASE("nodes are compared before any JSON is written: a moved widget is sent, an unmoved frame is not") {
    HeadlessPortal portal(fixture_options());
    CHECK_FALSE(portal.ui().take_a11y_update().empty());
    portal.frame();
    CHECK(portal.ui().take_a11y_update().empty());
    portal.move_mouse(300.0f, 500.0f);
    portal.wheel(-1.0f);  // the list scrolls: its cards move
    const std::string moved = portal.ui().take_a11y_update();
    CHECK_FALSE(moved.empty());
    portal.frame();
    CHECK(portal.ui().take_a11y_update().empty());
}
