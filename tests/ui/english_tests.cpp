// The policies' English texts apart from the data (app/english.hpp). A page starting in Chinese asks for them once,
// after its first frame; an English page meanwhile shows the Chinese and says the English is loading, then shows the
// English (search included) with the visit as it was. A page starting in English has them in its first frame.
// English made for other data, or not downloaded, is never shown and the page says why; the rest goes on.
#include "fixture.hpp"

#include <doctest/doctest.h>

#include "../english_split.hpp"
#include "app/english.hpp"
#include "app/page_effects.hpp"
#include "core/json_text.hpp"
#include "report/sha256.hpp"

using namespace portal::test;

namespace {

const char* const kEnglishFile = "policy-english.json";
const char* const kTitleZh = "青春公寓免费入住";   // youth-apartment in the fixture
const char* const kTitleEn = "Free youth apartment";
const char* const kLoading = "The policies' English texts are loading";

EnglishParts fixture_parts() {
    const auto text = portal::core::read_file_bytes(fixture_path());
    REQUIRE(text);
    return split_english(nlohmann::json::parse(*text), [](const std::string& data) { return portal::report::sha256_hex(data); });
}

HeadlessOptions apart(const EnglishParts& parts, const std::string& lang = "zh") {
    HeadlessOptions options = fixture_options(1366.0f, 1400.0f, lang);
    options.policy_text = parts.data;
    options.english_file = kEnglishFile;
    return options;
}

bool shows(HeadlessPortal& portal, const std::string& text) { return portal.frame_text().find(text) != std::string::npos; }

}  // namespace

TEST_SUITE("english") {
    TEST_CASE("a Chinese page asks for the English once after its first frame; switching meanwhile says it is loading") {
        const EnglishParts parts = fixture_parts();
        HeadlessPortal portal(apart(parts));  // draws two frames
        CHECK(portal.state()["english"]["status"] == "awaited");
        CHECK(shows(portal, kTitleZh));
        portal::app::PageEffects effects = portal.ui().take_page_effects();
        CHECK(effects.fetch_english == kEnglishFile);
        CHECK(portal.state()["english"]["status"] == "requested");
        CHECK(portal.ui().take_page_effects().fetch_english.empty());  // once

        portal.ui().follow_address("lang=en&v=detail&p=youth-apartment");
        portal.frames(2);
        CHECK(shows(portal, kLoading));
        CHECK(shows(portal, kTitleZh));
        CHECK_FALSE(shows(portal, kTitleEn));

        portal.ui().deliver_english(parts.english.dump(), "");
        CHECK(portal.state()["english"]["status"] == "joined");
        CHECK(portal.state()["view"] == "detail");  // the visit goes on where it was
        CHECK(portal.state()["selected"] == "youth-apartment");
        CHECK(shows(portal, kTitleEn));
        CHECK_FALSE(shows(portal, kLoading));
        CHECK_FALSE(shows(portal, "(in Chinese only)"));

        portal.ui().follow_address("lang=en&q=apartment");  // the search index has the English too
        portal.frames(2);
        const nlohmann::json visible = portal.state()["visible"];
        CHECK(std::find(visible.begin(), visible.end(), "youth-apartment") != visible.end());
    }

    TEST_CASE("a page starting in English has the policies' English in its first frame and fetches nothing more") {
        const EnglishParts parts = fixture_parts();
        HeadlessOptions options = apart(parts, "en");
        options.english = portal::app::EarlyEnglish{parts.english.dump(), ""};
        HeadlessPortal portal(options);
        CHECK(portal.state()["english"]["status"] == "joined");
        CHECK(portal.ui().take_page_effects().fetch_english.empty());
        const std::string text = portal.frame_text();
        CHECK(text.find(kTitleEn) != std::string::npos);
        CHECK(text.find(kLoading) == std::string::npos);
    }

    TEST_CASE("English made for other data, or not downloaded, is not shown, and the page says why") {
        const EnglishParts parts = fixture_parts();
        nlohmann::json other = parts.english;
        other["data_sha256"] = portal::report::sha256_hex(parts.data + " ");
        HeadlessPortal portal(apart(parts, "en"));
        REQUIRE(portal.ui().take_page_effects().fetch_english == kEnglishFile);
        portal.ui().deliver_english(other.dump(), "");
        std::string text = portal.frame_text();
        CHECK(portal.state()["english"]["status"] == "failed");
        CHECK(text.find("policy-english.json: /data_sha256") != std::string::npos);
        CHECK(text.find(kTitleZh) != std::string::npos);  // the policies, in Chinese
        CHECK(portal.state()["error"].is_null());

        HeadlessOptions early = apart(parts, "en");
        early.english = portal::app::EarlyEnglish{"", "policy-english.json: HTTP 404"};
        HeadlessPortal offline(early);
        text = offline.frame_text();
        CHECK(offline.state()["english"]["status"] == "failed");
        CHECK(text.find("HTTP 404") != std::string::npos);
        CHECK(text.find(kTitleZh) != std::string::npos);
    }

    TEST_CASE("a broken entry leaves its own policy in Chinese and names the problem; the others are in English") {
        const EnglishParts parts = fixture_parts();
        nlohmann::json english = parts.english;
        english["policies"][2]["title"]["en"] = 5;  // youth-apartment
        HeadlessOptions options = apart(parts, "en");
        options.english = portal::app::EarlyEnglish{english.dump(), ""};
        HeadlessPortal portal(options);
        const std::string text = portal.frame_text();
        CHECK(portal.state()["english"]["status"] == "joined");
        CHECK(text.find("/policies/2/title/en") != std::string::npos);
        CHECK(text.find(kTitleZh) != std::string::npos);
        CHECK(text.find("Graduate living allowance") != std::string::npos);
    }

    TEST_CASE("the details still join whichever part arrives first") {
        const EnglishParts parts = fixture_parts();
        HeadlessOptions options = apart(parts, "en");
        options.details_file = "policy-details.json";
        nlohmann::json details = {{"format", "shangyu-policy-details/1"},
                                  {"data_sha256", portal::report::sha256_hex(parts.data)},
                                  {"policies", nlohmann::json::array()}};
        for (const auto& entry : parts.english["policies"]) {
            details["policies"].push_back({{"id", entry["id"]}, {"details", {{"zh", "详细说明 " + entry["id"].get<std::string>()}, {"en", "In full"}}}});
        }
        for (const bool english_first : {true, false}) {
            HeadlessPortal portal(options);
            const portal::app::PageEffects effects = portal.ui().take_page_effects();
            REQUIRE(effects.fetch_english == kEnglishFile);
            REQUIRE(effects.fetch_details == "policy-details.json");
            if (english_first) portal.ui().deliver_english(parts.english.dump(), "");
            portal.ui().deliver_details(details.dump(), "");
            if (!english_first) portal.ui().deliver_english(parts.english.dump(), "");
            portal.ui().follow_address("lang=en&v=detail&p=youth-apartment");
            portal.frames(2);
            CHECK(portal.state()["details"]["status"] == "joined");
            CHECK(shows(portal, "In full"));
            CHECK(shows(portal, kTitleEn));
        }
    }

    TEST_CASE("the whole contract file (the booth, the desktop, a preview) has its English: nothing is fetched") {
        HeadlessPortal portal(fixture_options(1366.0f, 1400.0f, "en"));
        CHECK(portal.state()["english"]["status"] == "in_data");
        CHECK(portal.ui().take_page_effects().fetch_english.empty());
        CHECK(shows(portal, kTitleEn));
    }
}
