// A data author's preview of a local policy file: the same loader and lint as the bundled data, shown in the real
// UI with its diagnostics, and nothing of it written to the address bar, the history or the device's storage.
#include "fixture.hpp"

#include <doctest/doctest.h>

#include "app/kiosk.hpp"
#include "core/json_text.hpp"

using namespace portal::test;

namespace {

portal::ui::PageOpening site() {
    portal::ui::PageOpening page;
    page.page_url = "https://portal.example/index.html";
    return page;
}

nlohmann::json fixture_document() {
    const auto text = portal::core::read_file_bytes(fixture_path());
    REQUIRE(text);
    return nlohmann::json::parse(*text);
}

// The fixture as an author's draft: another version, and (when `broken`) the second policy without a valid id.
std::string draft(bool broken) {
    nlohmann::json document = fixture_document();
    document["version"] = "draft-7";
    if (broken) document["policies"][1]["id"] = 42;
    return document.dump(2);
}

}  // namespace

TEST_CASE("the preview entry under the footer asks the page for its file picker") {
    HeadlessPortal portal(fixture_options());
    portal.ui().open_page(site());
    portal.frame();
    portal.ui().take_page_effects();
    scroll_to(portal, "preview:open");
    portal.click("preview:open");
    const auto effects = portal.ui().take_page_effects();
    CHECK(effects.pick_preview_file);
    CHECK_FALSE(portal.ui().take_page_effects().pick_preview_file);  // asked for once
}

TEST_CASE("a previewed file with a broken policy: the rest shown, the broken one reported, nothing stored") {
    HeadlessPortal portal(fixture_options(1366.0f, 1600.0f));  // the banner's report and the question both on screen
    portal.ui().open_page(site());
    portal.frame();
    portal.ui().take_page_effects();

    portal.ui().open_preview(draft(true), "draft.json");
    portal.frame();
    const auto state = portal.state();
    CHECK(state["data_version"] == "draft-7");
    REQUIRE(state["preview"].is_object());
    CHECK(state["preview"]["file"] == "draft.json");
    CHECK_FALSE(state["preview"]["linted"].get<bool>());  // lint waits for a file without errors, as policyctl does
    bool reported = false;
    for (const auto& problem : state["preview"]["problems"]) {
        if (problem["severity"] == "error" && problem["pointer"].get<std::string>().rfind("/policies/1/id", 0) == 0)
            reported = true;
    }
    CHECK(reported);
    CHECK_FALSE(contains(strings(state["visible"]), "housing-voucher"));
    CHECK(contains(strings(state["visible"]), "living-allowance"));
    CHECK(portal.visible("preview:banner"));
    CHECK(portal.visible("preview:problem:0"));

    // While previewing, the screen and answers stay out of the address bar, the history and storage.
    portal.click("filter:category:housing");
    portal.click("tab:check");
    const auto effects = portal.ui().take_page_effects();
    CHECK_FALSE(effects.address);
    CHECK_FALSE(effects.device_memory);
    CHECK_FALSE(effects.session_memory);
    CHECK(portal.visible("preview:banner"));  // the banner stays on every view

    // No link is made from a preview: it would open the bundled data under the author's screen.
    portal.click("copy-link");
    CHECK(portal.ui().take_page_effects().copy_link.empty());
    CHECK_FALSE(portal.visible("link-text"));
}

TEST_CASE("a clean file is linted; back to the published data restores it and the page's address") {
    HeadlessPortal portal(fixture_options());
    portal.ui().open_page(site());
    portal.frame();
    portal.ui().take_page_effects();

    portal.ui().open_preview(draft(false), "clean.json");
    portal.frame();
    CHECK(portal.state()["preview"]["linted"].get<bool>());
    CHECK(portal.state()["data_version"] == "draft-7");

    portal.click("preview:close");
    const auto state = portal.state();
    CHECK(state["preview"].is_null());
    CHECK(state["data_version"] == "fixture-1");
    CHECK(contains(strings(state["visible"]), "housing-voucher"));
    CHECK_FALSE(portal.visible("preview:banner"));
    portal.click("filter:category:housing");
    const auto effects = portal.ui().take_page_effects();
    REQUIRE(effects.address);
    CHECK(effects.address->find("cat=housing") != std::string::npos);
}

TEST_CASE("a file that is not JSON is refused with its line and column; the bundled data stays") {
    HeadlessPortal portal(fixture_options());
    portal.ui().open_page(site());
    portal.frame();
    portal.ui().open_preview("{\n  \"format\": oops\n}\n", "notes.txt");
    portal.frame();
    const auto state = portal.state();
    CHECK(state["preview"].is_null());
    CHECK(state["data_version"] == "fixture-1");
    REQUIRE(state["preview_error"].is_string());
    CHECK(state["preview_error"].get<std::string>().rfind("notes.txt:2:", 0) == 0);
    CHECK(portal.visible("preview:error"));
    portal.click("preview:dismiss");
    CHECK(portal.state()["preview_error"].is_null());
}

TEST_CASE("a file the page could not copy into memory is refused in policyctl's form; the data shown stays") {
    HeadlessPortal portal(fixture_options());
    portal.ui().open_page(site());
    portal.frame();
    portal.ui().open_preview(draft(false), "draft.json");
    portal.frame();
    portal.ui().preview_unreadable("huge.json");
    portal.frame();
    const auto state = portal.state();
    CHECK(state["preview"]["file"] == "draft.json");  // the preview already open stays
    REQUIRE(state["preview_error"].is_string());
    CHECK(state["preview_error"] == "huge.json: error: too large to open in this browser (it did not fit in the page's memory)");
    CHECK(portal.visible("preview:error"));
}

TEST_CASE("the booth offers no preview and ignores a file handed to it") {
    HeadlessOptions options = fixture_options(1920.0f, 1080.0f);
    options.kiosk = portal::app::kiosk_settings(true, 90.0, "https://booth.example/portal/");
    HeadlessPortal portal(options);
    portal.frame();
    portal.ui().open_preview(draft(false), "draft.json");
    portal.frame();
    CHECK(portal.state()["preview"].is_null());
    CHECK(portal.state()["data_version"] == "fixture-1");
    CHECK_FALSE(portal.visible("preview:open"));
}
