// The policies' English texts as a second file (core/english.hpp): joined to the data they were made for, the
// result is the set loaded from the contract file itself; refused whole when made for other data or unreadable;
// a broken entry leaves only its own policy in Chinese, never half translated.
#include <doctest/doctest.h>

#include <string>

#include "core/english.hpp"
#include "english_split.hpp"
#include "test_support.hpp"

using namespace portal::core;
using namespace portal::test;

namespace {

const std::string kData = std::string(64, 'a');   // stands for the data file's SHA-256
const std::string kOther = std::string(64, 'b');

std::string fake_hash(const std::string&) { return kData; }

struct Joined {
    PolicySet set;
    EnglishJoin join;
};

Joined join(const EnglishParts& parts, const nlohmann::json& english, const std::string& data = kData) {
    LoadResult loaded = load_policy_set(parts.data, "policies.json");
    REQUIRE_FALSE(loaded.fatal());
    Joined out{std::move(*loaded.set), {}};
    out.join = join_english(out.set, english.dump(), "policy-english.json", data);
    return out;
}

// Every text and tag of two policies, compared place by place.
void check_same_texts(const Policy& joined, const Policy& whole) {
    INFO(whole.id);
    std::vector<std::string> places;
    std::vector<Text> texts;
    for_each_policy_text(whole, [&](const std::string& place, const Text& text) {
        places.push_back(place);
        texts.push_back(text);
    });
    std::size_t i = 0;
    for_each_policy_text(joined, [&](const std::string& place, const Text& text) {
        REQUIRE(i < places.size());
        CHECK(place == places[i]);
        CHECK(text == texts[i]);
        ++i;
    });
    CHECK(i == places.size());
    CHECK(joined.tags.en == whole.tags.en);
    CHECK(joined.tags.zh == whole.tags.zh);
}

std::size_t english_texts(const Policy& policy) {
    std::size_t count = 0;
    for_each_policy_text(policy, [&](const std::string&, const Text& text) { count += text.en.empty() ? 0 : 1; });
    return count;
}

// Two policies and a broken one between them (left out by the loader), each with English.
nlohmann::json small_contract() {
    json broken = policy_json("broken", nullptr);
    broken["category"] = "no-such-category";
    json first = policy_json("first", json::array({criterion("a", true), criterion("b", true)}),
                             {{"summary", {{"zh", "摘要"}, {"en", "Summary"}}},
                              {"tags", {{"zh", {"创业"}}, {"en", {"start-up"}}}}});
    first["criteria"][1]["label"]["en"] = "Second";
    return document_with(json::array({first, broken, policy_json("third", nullptr)}));
}

}  // namespace

TEST_SUITE("english") {
    TEST_CASE("the data and its English file join into exactly the set loaded from the contract file") {
        for (const std::string& file : {data_path("fixture-policies.json"), std::string(PORTAL_POLICY_FILE)}) {
            INFO(file);
            const auto text = read_file_bytes(file);
            REQUIRE(text);
            const LoadResult whole = load_policy_set(*text, file);
            REQUIRE(whole.ok());
            const EnglishParts parts = split_english(json::parse(*text), fake_hash);

            LoadResult chinese = load_policy_set(parts.data, "policies.json");
            REQUIRE(chinese.ok());
            std::size_t left = 0;
            for (const Policy& policy : chinese.set->policies) left += english_texts(policy) + policy.tags.en.size();
            CHECK(left == 0);  // the data really comes without the policies' English

            const Joined joined = join(parts, parts.english);
            INFO(describe(joined.join.diagnostics));
            REQUIRE(joined.join.usable);
            CHECK(joined.join.diagnostics.empty());
            CHECK(joined.join.texts > whole.set->policies.size());
            REQUIRE(joined.set.policies.size() == whole.set->policies.size());
            for (std::size_t i = 0; i < whole.set->policies.size(); ++i) {
                check_same_texts(joined.set.policies[i], whole.set->policies[i]);
            }
            CHECK(joined.join.broken == std::vector<bool>(whole.set->policies.size(), false));
        }
    }

    TEST_CASE("entries of policies the data left out are skipped; the others join by place and id") {
        const EnglishParts parts = split_english(small_contract(), fake_hash);
        const Joined joined = join(parts, parts.english);
        INFO(describe(joined.join.diagnostics));
        REQUIRE(joined.join.usable);
        REQUIRE(joined.set.policies.size() == 2);
        const Policy& first = joined.set.policies[0];
        CHECK(first.title.en == "Policy first");
        CHECK(first.summary.en == "Summary");
        CHECK(first.criteria[0].label.en.empty());  // no English in the contract: none here either
        CHECK(first.criteria[1].label.en == "Second");
        CHECK(first.tags.en == std::vector<std::string>{"start-up"});
        CHECK(joined.set.policies[1].title.en == "Policy third");
        CHECK(joined.join.texts == 5);
    }

    TEST_CASE("English texts made for other data are refused whole, with the file and pointer named") {
        const EnglishParts parts = split_english(small_contract(), fake_hash);
        const Joined joined = join(parts, parts.english, kOther);
        CHECK_FALSE(joined.join.usable);
        CHECK(joined.join.texts == 0);
        CHECK(joined.set.policies[0].title.en.empty());
        const Diagnostic* error = error_at(joined.join.diagnostics, "/data_sha256");
        REQUIRE(error != nullptr);
        CHECK(error->file == "policy-english.json");
        CHECK(error->message.find("other policy data") != std::string::npos);
    }

    TEST_CASE("a file that is not JSON, or not an English file, is refused whole") {
        const EnglishParts parts = split_english(small_contract(), fake_hash);
        PolicySet set = *load_policy_set(parts.data, "policies.json").set;
        const EnglishJoin text = join_english(set, "{\"format\": ", "policy-english.json", kData);
        CHECK_FALSE(text.usable);
        REQUIRE_FALSE(text.diagnostics.empty());
        CHECK(text.diagnostics.front().line == 1);

        json details = parts.english;
        details["format"] = "shangyu-policy-details/1";
        CHECK_FALSE(join(parts, details).join.usable);
        CHECK(error_at(join(parts, details).join.diagnostics, "/format") != nullptr);
        CHECK_FALSE(join(parts, json::array()).join.usable);
    }

    TEST_CASE("a broken entry leaves only its own policy in Chinese, whole; the rest is joined") {
        const EnglishParts parts = split_english(small_contract(), fake_hash);
        json file = parts.english;
        file["policies"][0]["criteria"][1]["label"]["en"] = 42;
        const Joined joined = join(parts, file);
        REQUIRE(joined.join.usable);
        CHECK(error_at(joined.join.diagnostics, "/policies/0/criteria/1/label/en") != nullptr);
        CHECK(joined.join.broken == std::vector<bool>{true, false});
        CHECK(english_texts(joined.set.policies[0]) == 0);  // not even its title: never half translated
        CHECK(joined.set.policies[0].tags.en.empty());
        CHECK(joined.set.policies[1].title.en == "Policy third");
    }

    TEST_CASE("English for a text the data does not have is an error at its pointer") {
        const EnglishParts parts = split_english(small_contract(), fake_hash);
        json where = parts.english;
        where["policies"][2]["apply"] = {{"how", {{"en", "Apply online"}}}};
        const Joined no_text = join(parts, where);
        CHECK(error_at(no_text.join.diagnostics, "/policies/2/apply/how") != nullptr);
        CHECK(no_text.join.broken == std::vector<bool>{false, true});

        json beyond = parts.english;
        beyond["policies"][0]["criteria"].push_back({{"label", {{"en", "A third"}}}});
        const Joined extra = join(parts, beyond);
        CHECK(error_at(extra.join.diagnostics, "/policies/0/criteria/2/label/en") != nullptr);
        CHECK(extra.join.broken == std::vector<bool>{true, false});
    }

    TEST_CASE("an entry at another policy's place, or a missing entry, leaves that policy in Chinese") {
        const EnglishParts parts = split_english(small_contract(), fake_hash);
        json moved = parts.english;
        moved["policies"][2]["id"] = "first";
        const Joined misplaced = join(parts, moved);
        const Diagnostic* error = error_at(misplaced.join.diagnostics, "/policies/2/id");
        REQUIRE(error != nullptr);
        CHECK(error->message.find("\"third\"") != std::string::npos);
        CHECK(misplaced.join.broken == std::vector<bool>{false, true});
        CHECK(misplaced.set.policies[1].title.en.empty());

        json short_list = parts.english;
        short_list["policies"].erase(2);
        const Joined missing = join(parts, short_list);
        CHECK(missing.join.broken == std::vector<bool>{false, true});
        CHECK(error_at(missing.join.diagnostics, "/policies") != nullptr);
    }

    TEST_CASE("an unknown field beside a text's English is a warning, as in the data file") {
        const EnglishParts parts = split_english(small_contract(), fake_hash);
        json file = parts.english;
        file["policies"][0]["title"]["zh"] = "政策 first";
        const Joined joined = join(parts, file);
        REQUIRE(joined.join.usable);
        CHECK_FALSE(has_errors(joined.join.diagnostics));
        CHECK_FALSE(joined.join.diagnostics.empty());
        CHECK(joined.set.policies[0].title.en == "Policy first");
    }
}
