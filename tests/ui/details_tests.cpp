// The visitor's data in two parts (app/details.hpp): the policies' details arrive after the first frame. Until
// then a policy's detail view says they are loading; then it shows them; details made for other data or broken
// are never shown, and say why. The preview of an author's full file shows that file's own details.
#include "fixture.hpp"

#include <doctest/doctest.h>

#include "app/details.hpp"
#include "app/page_effects.hpp"
#include "core/json_text.hpp"
#include "report/sha256.hpp"

using namespace portal::test;

namespace {

const char* const kDetailsFile = "policy-details.json";
const char* const kDetailsZh = "博士每年 5 万元";  // the start of living-allowance's details in the fixture

nlohmann::json fixture_document() {
    const auto text = portal::core::read_file_bytes(fixture_path());
    REQUIRE(text);
    return nlohmann::json::parse(*text);
}

// The two parts as scripts/finish_dist.py makes them from a contract file.
struct Parts {
    std::string data;
    nlohmann::json details;
};

Parts split(const nlohmann::json& contract) {
    Parts parts;
    nlohmann::json data = contract;
    nlohmann::json entries = nlohmann::json::array();
    for (nlohmann::json& policy : data["policies"]) {
        nlohmann::json entry = {{"id", policy["id"]}};
        if (policy.contains("details")) entry["details"] = policy["details"];
        policy.erase("details");
        entries.push_back(entry);
    }
    parts.data = data.dump();
    parts.details = {{"format", "shangyu-policy-details/1"}, {"data_sha256", portal::report::sha256_hex(parts.data)}, {"policies", entries}};
    return parts;
}

HeadlessOptions two_parts(const Parts& parts) {
    HeadlessOptions options = fixture_options(1366.0f, 1400.0f);
    options.policy_text = parts.data;
    options.details_file = kDetailsFile;
    return options;
}

void open_living_allowance(HeadlessPortal& portal) {
    portal.ui().follow_address("v=detail&p=living-allowance");
    portal.frames(2);
    REQUIRE(portal.state()["view"] == "detail");
}

}  // namespace

TEST_SUITE("details") {
    TEST_CASE("the details are asked for once, after the first frame, and shown when they arrive") {
        const Parts parts = split(fixture_document());
        HeadlessPortal portal(two_parts(parts));  // draws two frames
        CHECK(portal.state()["details"]["status"] == "awaited");
        open_living_allowance(portal);
        std::string text = portal.frame_text();
        CHECK(text.find("正在加载详细说明") != std::string::npos);
        CHECK(text.find(kDetailsZh) == std::string::npos);

        portal::app::PageEffects effects = portal.ui().take_page_effects();
        CHECK(effects.fetch_details == kDetailsFile);
        CHECK(portal.state()["details"]["status"] == "requested");
        CHECK(portal.ui().take_page_effects().fetch_details.empty());  // once

        portal.ui().deliver_details(parts.details.dump(), "");
        text = portal.frame_text();
        CHECK(portal.state()["details"]["status"] == "joined");
        CHECK(text.find(kDetailsZh) != std::string::npos);
        CHECK(text.find("正在加载详细说明") == std::string::npos);
        CHECK(portal.state()["details"]["problems"].empty());
    }

    TEST_CASE("nothing is asked for before the first frame is drawn") {
        const Parts parts = split(fixture_document());
        portal::app::AppState state;
        portal::app::start(state, parts.data, "policies.json", "zh", "2026-11-26");
        state.data_bytes.keep(parts.data);
        portal::app::expect_details(state, kDetailsFile);
        portal::app::PageSync sync;
        CHECK(sync.take(state).fetch_details.empty());
        state.frames = 1;
        CHECK(sync.take(state).fetch_details == kDetailsFile);
        CHECK(sync.take(state).fetch_details.empty());
    }

    TEST_CASE("details made for other data are not shown, and the detail view says why") {
        const Parts parts = split(fixture_document());
        nlohmann::json other = parts.details;
        other["data_sha256"] = portal::report::sha256_hex(parts.data + " ");
        HeadlessPortal portal(two_parts(parts));
        open_living_allowance(portal);
        REQUIRE(portal.ui().take_page_effects().fetch_details == kDetailsFile);
        portal.ui().deliver_details(other.dump(), "");
        const std::string text = portal.frame_text();
        CHECK(portal.state()["details"]["status"] == "failed");
        CHECK(text.find(kDetailsZh) == std::string::npos);
        CHECK(text.find("详细说明暂不可用") != std::string::npos);
        CHECK(text.find("policy-details.json: /data_sha256") != std::string::npos);
        CHECK(portal.state()["error"].is_null());  // the rest of the portal goes on
        CHECK_FALSE(portal.state()["visible"].empty());
    }

    TEST_CASE("a broken entry hides only its own policy's details; a failed download says so") {
        nlohmann::json contract = fixture_document();
        contract["policies"][1]["details"] = {{"zh", "住房券说明"}};
        Parts parts = split(contract);
        parts.details["policies"][0]["details"] = {{"zh", ""}};
        {
            HeadlessPortal portal(two_parts(parts));
            REQUIRE(portal.ui().take_page_effects().fetch_details == kDetailsFile);
            portal.ui().deliver_details(parts.details.dump(), "");
            open_living_allowance(portal);
            std::string text = portal.frame_text();
            CHECK(portal.state()["details"]["status"] == "joined");
            CHECK(text.find("/policies/0/details/zh") != std::string::npos);
            portal.ui().follow_address("v=detail&p=housing-voucher");
            text = portal.frame_text();
            CHECK(text.find("住房券说明") != std::string::npos);
        }
        HeadlessPortal offline(two_parts(parts));
        REQUIRE(offline.ui().take_page_effects().fetch_details == kDetailsFile);
        offline.ui().deliver_details("", "policy-details.json: HTTP 404");
        open_living_allowance(offline);
        const std::string text = offline.frame_text();
        CHECK(offline.state()["details"]["status"] == "failed");
        CHECK(text.find("HTTP 404") != std::string::npos);
    }

    TEST_CASE("an author's full file in the preview shows its own details, even before the site's arrive") {
        const Parts parts = split(fixture_document());
        HeadlessPortal portal(two_parts(parts));
        portal.ui().open_preview(fixture_document().dump(), "draft.json");
        portal.frames(2);
        open_living_allowance(portal);
        CHECK(portal.frame_text().find(kDetailsZh) != std::string::npos);
    }

    TEST_CASE("the whole contract file (the booth, the desktop) has its details in the data: nothing is fetched") {
        HeadlessPortal portal(fixture_options(1366.0f, 1400.0f));
        CHECK(portal.state()["details"]["status"] == "in_data");
        CHECK(portal.ui().take_page_effects().fetch_details.empty());
        open_living_allowance(portal);
        CHECK(portal.frame_text().find(kDetailsZh) != std::string::npos);
    }
}
