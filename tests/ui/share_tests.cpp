// Links carry the screen, answers travel only on request, remembered answers only when asked for: through the
// UI root's page effects (what the browser is told to do) and real clicks.
#include "fixture.hpp"

#include <doctest/doctest.h>

#include "app/share_link.hpp"

using namespace portal::test;

namespace {

portal::ui::PageOpening opening(const std::string& fragment = "", const std::string& memory = "", bool kiosk = false) {
    portal::ui::PageOpening page;
    page.page_url = "https://portal.example/index.html";
    page.fragment = fragment;
    page.device_memory = memory;
    page.private_page = kiosk;
    return page;
}

}  // namespace

TEST_CASE("a screen put into a link opens the same screen in a fresh portal") {
    HeadlessPortal first(fixture_options());
    first.ui().open_page(opening());
    first.click("filter:category:housing");
    first.click("tab:compare");
    first.click("tab:explore");
    first.click("sort:value");
    first.click("policy:youth-apartment");
    const std::string fragment = portal::app::share_fragment(first.ui().state(), false);
    CHECK(fragment.find("v=detail") != std::string::npos);

    HeadlessPortal second(fixture_options(1366.0f, 768.0f, "en"));
    second.ui().open_page(opening(fragment));
    second.frame();
    const auto a = first.state();
    const auto b = second.state();
    for (const char* key : {"view", "lang", "query", "filters", "sort", "selected", "visible", "compare"}) {
        CHECK_MESSAGE(a[key] == b[key], key);
    }
    CHECK_FALSE(second.visible("notice:link"));
}

TEST_CASE("the address bar follows the screen: new screens push, edits replace, answers stay out") {
    HeadlessPortal portal(fixture_options());
    portal.ui().open_page(opening("v=explore&a=%7B%22age%22%3A30%7D"));
    portal.frame();
    auto effects = portal.ui().take_page_effects();
    // The first sync tidies the address it was opened with: the shared answers leave the address bar.
    REQUIRE(effects.address);
    CHECK_FALSE(effects.push_history);
    CHECK(effects.address->find("a=") == std::string::npos);
    CHECK(portal.state()["profile"] == nlohmann::json{{"age", 30}});

    portal.click("filter:category:housing");
    effects = portal.ui().take_page_effects();
    REQUIRE(effects.address);
    CHECK(effects.address->find("cat=housing") != std::string::npos);
    CHECK_FALSE(effects.push_history);

    portal.click("policy:housing-voucher");
    effects = portal.ui().take_page_effects();
    REQUIRE(effects.address);
    CHECK(effects.push_history);
    CHECK(effects.address->find("p=housing-voucher") != std::string::npos);

    portal.frame();
    CHECK_FALSE(portal.ui().take_page_effects().address);  // nothing changed, nothing to tell
}

TEST_CASE("back and forward show the screen of the address without losing the answers") {
    HeadlessPortal portal(fixture_options());
    portal.ui().open_page(opening());
    portal.frame();
    portal.ui().take_page_effects();
    portal.click("tab:check");
    portal.click("answer:bachelor");
    const auto profile = portal.state()["profile"];
    REQUIRE_FALSE(profile.empty());

    portal.ui().follow_address("q=%E9%9D%92%E6%98%A5");  // back to a search for 青春
    portal.frame();
    CHECK(portal.state()["view"] == "explore");
    CHECK(portal.state()["query"] == "青春");
    CHECK(portal.state()["profile"] == profile);
    CHECK_FALSE(portal.ui().take_page_effects().address);  // the page is already there
}

TEST_CASE("a hostile or broken link is ignored with a notice, never a crash") {
    for (const std::string& fragment : std::vector<std::string>
         {"v=detail&p=no-such-policy", "cat=nope,housing", "a=%7Bnot-json", "a=%7B%22age%22%3A%22old%22%7D",
          "cmp=a,b,c,d,e,f", "q=%E0%80", std::string(100000, 'x'), "v=%3Cscript%3E"}) {
        HeadlessPortal portal(fixture_options());
        portal.ui().open_page(opening(fragment));
        portal.frame();
        CHECK_MESSAGE(portal.visible("notice:link"), fragment.substr(0, 40));
        CHECK(portal.state()["error"].is_null());
        CHECK(portal.state()["profile"].empty());
        portal.click("notice:link");
        CHECK_FALSE(portal.visible("notice:link"));
    }
    HeadlessPortal partial(fixture_options());
    partial.ui().open_page(opening("cat=nope,housing"));
    partial.frame();
    CHECK(strings(partial.state()["filters"]["categories"]) == std::vector<std::string>{"housing"});
}

TEST_CASE("copy link asks the page for the clipboard; the answers go only with 'share with my answers'") {
    HeadlessPortal portal(fixture_options());
    portal.ui().open_page(opening());
    portal.click("copy-link");
    auto effects = portal.ui().take_page_effects();
    CHECK(effects.copy_link.rfind("https://portal.example/index.html", 0) == 0);
    CHECK(effects.copy_link.find("a=") == std::string::npos);
    portal.ui().share_finished(true);
    portal.frame();

    portal.click("tab:check");
    portal.click("answer:master");
    scroll_to(portal, "share-answers", 1000.0f, 500.0f);
    portal.click("share-answers");
    effects = portal.ui().take_page_effects();
    CHECK(effects.copy_link.find("a=%7B%22education%22%3A%22master%22%7D") != std::string::npos);

    portal.ui().share_finished(false);  // the clipboard refused: the link is shown to copy by hand
    portal.frame();
    CHECK(portal.visible("link-text"));
}

TEST_CASE("remember on this device is off by default, kept only when asked, and forgotten on request") {
    HeadlessPortal portal(fixture_options());
    portal.ui().open_page(opening());
    portal.frame();
    auto effects = portal.ui().take_page_effects();
    CHECK((effects.device_memory && effects.device_memory->empty()));  // nothing stored

    portal.click("tab:check");
    portal.click("answer:master");
    effects = portal.ui().take_page_effects();
    CHECK_FALSE(effects.device_memory);  // answering alone stores nothing

    scroll_to(portal, "remember", 1000.0f, 500.0f);
    portal.click("remember");
    effects = portal.ui().take_page_effects();
    REQUIRE(effects.device_memory);
    const std::string stored = *effects.device_memory;
    CHECK(stored.find("\"education\":\"master\"") != std::string::npos);

    HeadlessPortal next_visit(fixture_options());
    next_visit.ui().open_page(opening("", stored));
    next_visit.frame();
    CHECK(next_visit.state()["profile"] == nlohmann::json{{"education", "master"}});
    CHECK(next_visit.ui().state().remember_on_device);

    next_visit.click("tab:check");
    scroll_to(next_visit, "forget", 1000.0f, 500.0f);
    next_visit.click("forget");
    effects = next_visit.ui().take_page_effects();
    REQUIRE(effects.device_memory);
    CHECK(effects.device_memory->empty());
    CHECK(next_visit.state()["profile"].empty());
}

TEST_CASE("the tab keeps a copy of the answers for a reload, removed when they are cleared, never in a kiosk") {
    HeadlessPortal portal(fixture_options());
    portal.ui().open_page(opening());
    portal.frame();
    auto effects = portal.ui().take_page_effects();
    CHECK((effects.session_memory && effects.session_memory->empty()));  // no answers: nothing kept

    portal.click("tab:check");
    portal.click("answer:master");
    effects = portal.ui().take_page_effects();
    REQUIRE(effects.session_memory);
    const std::string copy = *effects.session_memory;
    CHECK(copy.find("\"education\":\"master\"") != std::string::npos);
    CHECK_FALSE(effects.device_memory);  // the device itself stores nothing unless asked

    // The reload: the tab's copy comes back, and remembering stays off.
    HeadlessPortal reloaded(fixture_options());
    auto page = opening();
    page.session_memory = copy;
    reloaded.ui().open_page(page);
    reloaded.frame();
    CHECK(reloaded.state()["profile"] == nlohmann::json{{"education", "master"}});
    CHECK_FALSE(reloaded.ui().state().remember_on_device);

    reloaded.click("tab:check");
    scroll_to(reloaded, "reset", 300.0f, 500.0f);
    reloaded.click("reset");
    effects = reloaded.ui().take_page_effects();
    REQUIRE(effects.session_memory);
    CHECK(effects.session_memory->empty());  // start over: the copy is removed

    HeadlessPortal kiosk(fixture_options());
    auto booth = opening("", "", true);
    booth.session_memory = copy;
    kiosk.ui().open_page(booth);
    kiosk.frame();
    CHECK(kiosk.state()["profile"].empty());
    kiosk.click("tab:check");
    kiosk.click("answer:master");
    effects = kiosk.ui().take_page_effects();
    CHECK((!effects.session_memory || effects.session_memory->empty()));
}

TEST_CASE("remembered answers that are unreadable or no longer fit are dropped quietly") {
    for (const std::string& memory : std::vector<std::string>{"{", "[]", "{\"version\":2,\"answers\":{}}", "{\"version\":1,\"answers\":{\"age\":\"x\"}}"}) {
        HeadlessPortal portal(fixture_options());
        portal.ui().open_page(opening("", memory));
        portal.frame();
        CHECK(portal.state()["profile"].empty());
        CHECK(portal.state()["error"].is_null());
    }
}

TEST_CASE("a kiosk keeps no history, no storage and a clean address bar") {
    HeadlessPortal portal(fixture_options());
    portal.ui().open_page(opening("", "{\"version\":1,\"answers\":{\"education\":\"master\"}}", true));
    portal.frame();
    CHECK(portal.state()["profile"].empty());  // a kiosk never reads what a browser remembered
    portal.click("policy:housing-voucher");
    const auto effects = portal.ui().take_page_effects();
    CHECK_FALSE(effects.push_history);
    CHECK((!effects.address || effects.address->empty()));
    CHECK((!effects.device_memory || effects.device_memory->empty()));
}

TEST_CASE("keep a copy: the results download as HTML or text, with the date and data version") {
    HeadlessPortal portal(fixture_options(1366.0f, 768.0f, "en"));
    portal.ui().open_page(opening());
    portal.click("tab:check");
    portal.click("answer:master");
    scroll_to(portal, "download:html", 1000.0f, 500.0f);
    portal.click("download:html");
    auto effects = portal.ui().take_page_effects();
    REQUIRE(effects.download);
    CHECK(effects.download->file_name == "shangyu-policy-results-2024-06-05.html");
    CHECK(effects.download->mime_type.rfind("text/html", 0) == 0);
    const std::string& html = effects.download->content;
    CHECK(html.find("<html") != std::string::npos);
    CHECK(html.find("2024-06-05") != std::string::npos);
    CHECK(html.find("Master") != std::string::npos);  // the answer, as its label

    portal.click("download:text");
    effects = portal.ui().take_page_effects();
    REQUIRE(effects.download);
    CHECK(effects.download->file_name == "shangyu-policy-results-2024-06-05.txt");
    CHECK(effects.download->content.find("<") == std::string::npos);
    CHECK(effects.download->content.find("2024-06-05") != std::string::npos);
    CHECK_FALSE(portal.ui().take_page_effects().download);  // offered once
}
