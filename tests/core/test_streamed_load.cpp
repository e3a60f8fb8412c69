// load_policy_set reads the "policies" array one entry at a time from the text when the quick path can: its
// result must be exactly the one the whole parsed document gives (load_parsed_policy_set of parse_json_text, the
// oracle kept for these tests): the same set, the same skipped policies, the same diagnostics in the same order.
#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/check_json.hpp"
#include "core/json_text.hpp"
#include "core/load.hpp"
#include "core/matcher.hpp"
#include "test_support.hpp"

using namespace portal::core;
using namespace portal::test;

namespace {

std::string text_of(const Text& text) { return text.zh + "|" + text.en; }

std::string date_of(const std::optional<Date>& date) { return date ? date->to_string() : "-"; }

std::string number_of(const std::optional<double>& number) { return number ? std::to_string(*number) : "-"; }

std::string list_of(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += item + ",";
    return out;
}

// Everything a loaded set holds that a reader of the file could have got wrong, as text; the compiled rules are
// covered by what they decide (every policy's outcome for an empty profile, as `policyctl check --json` prints it).
std::string fingerprint(const PolicySet& set) {
    std::ostringstream out;
    out << set.format << ' ' << set.id << ' ' << text_of(set.title) << ' ' << text_of(set.region) << ' ' << set.version
        << ' ' << date_of(set.as_of) << ' ' << set.stale_after_years << '\n';
    for (const LintAccept& accept : set.lint_accept) out << "accept " << accept.code << ' ' << text_of(accept.why) << '\n';
    for (const Source& source : set.sources) {
        out << "source " << source.id << ' ' << text_of(source.title) << ' ' << text_of(source.publisher) << ' '
            << date_of(source.date) << ' ' << source.url << ' ' << to_string(source.reliability) << '\n';
    }
    for (const Category& category : set.categories) out << "category " << category.id << ' ' << text_of(category.name) << '\n';
    for (const Audience& audience : set.audiences) out << "audience " << audience.id << ' ' << text_of(audience.name) << '\n';
    for (const Question& question : set.questions) {
        out << "question " << question.id << ' ' << to_string(question.type) << ' ' << text_of(question.label) << ' '
            << text_of(question.help) << ' ' << question.ordered << ' ' << number_of(question.min) << ' '
            << number_of(question.max) << ' ' << text_of(question.unit) << ' ' << question.ask_if.has_value() << ' '
            << question.location;
        for (const Option& option : question.options) out << ' ' << option.value << '=' << text_of(option.label);
        out << '\n';
    }
    for (const Policy& policy : set.policies) {
        out << "policy " << policy.file_index << ' ' << policy.id << ' ' << text_of(policy.title) << ' '
            << text_of(policy.summary) << ' ' << text_of(policy.details) << ' ' << text_of(policy.terms) << ' '
            << policy.category << ' ' << policy.source << ' ' << list_of(policy.audiences) << ' '
            << list_of(policy.tags.zh) << ' ' << list_of(policy.tags.en) << ' ' << date_of(policy.valid.from) << ' '
            << date_of(policy.valid.until) << ' ' << static_cast<int>(policy.eligible_when) << ' '
            << list_of(policy.excludes) << ' ' << policy.illustrative << ' '
            << (policy.level ? to_string(*policy.level) : "-") << ' ' << text_of(policy.apply.how) << ' '
            << text_of(policy.apply.where) << '\n';
        if (policy.confirmed_in_force) {
            out << "  in force " << policy.confirmed_in_force->date.to_string() << ' ' << policy.confirmed_in_force->source << '\n';
        }
        for (const Criterion& criterion : policy.criteria) {
            out << "  criterion " << criterion.id << ' ' << text_of(criterion.label) << ' ' << text_of(criterion.hint) << ' '
                << text_of(criterion.terms) << '\n';
        }
        for (const Benefit& benefit : policy.benefits) {
            out << "  benefit " << benefit.id << ' ' << text_of(benefit.label) << ' ' << to_string(benefit.kind) << ' '
                << number_of(benefit.amount) << ' ' << benefit.amount_rule.has_value() << ' ' << benefit.unit << ' '
                << (benefit.per ? to_string(*benefit.per) : "-") << ' ' << benefit.periods << ' ' << benefit.up_to << '\n';
        }
        for (const Link& link : policy.apply.links) out << "  link " << text_of(link.label) << ' ' << link.url << '\n';
        for (const LintAccept& accept : policy.lint_accept) out << "  accept " << accept.code << ' ' << text_of(accept.why) << '\n';
        for (const Example& example : policy.examples) {
            out << "  example " << example.name << ' ' << date_of(example.as_of) << ' ' << example.profile.dump() << ' '
                << to_string(example.expect) << ' ' << example.has_benefit_total << number_of(example.benefit_total)
                << example.has_benefit_up_to << number_of(example.benefit_up_to) << '\n';
        }
    }
    for (std::size_t i = 0; i < set.exclusions.size(); ++i) {
        out << "excludes " << i << ':';
        for (int other : set.exclusions[i]) out << ' ' << other;
        out << '\n';
    }
    out << check_json_text(set, evaluate(set, Profile::object(), Date{2024, 6, 1}));
    return out.str();
}

std::string describe_result(const LoadResult& result) {
    std::string out = result.set ? fingerprint(*result.set) : std::string("fatal\n");
    for (const SkippedPolicy& skipped : result.skipped) {
        out += "skipped " + std::to_string(skipped.index) + " " + skipped.id + "\n" + describe(skipped.diagnostics);
    }
    return out + "diagnostics\n" + describe(result.diagnostics);
}

// What the whole parsed document gives: the loader as it was before it streamed.
LoadResult load_whole(const std::string& text, const std::string& file) {
    return load_parsed_policy_set(parse_json_text(text, file), file);
}

// Compares the streamed load with the whole document's; true when the quick path left the policies in the text
// (so the comparison covered the streamed reading, not only the careful parse).
bool check_same_as_whole_document(const std::string& text, const std::string& file) {
    const LoadResult streamed = load_policy_set(text, file);
    const LoadResult whole = load_whole(text, file);
    const std::string expected = describe_result(whole);
    CHECK_MESSAGE(describe_result(streamed) == expected, file << "\n" << text.substr(0, 2000));
    CHECK(streamed.ok() == whole.ok());
    return parse_json_text_deferring(text, file, "policies", "id").deferred.has_value();
}

std::string read_file(const std::string& path) {
    const std::optional<std::string> bytes = read_file_bytes(path);
    REQUIRE_MESSAGE(bytes.has_value(), "cannot read " << path);
    return *bytes;
}

// Random damage to a policy file's text (a fixed seed, so a failure repeats): bytes that matter to JSON's grammar
// and to the loader (quotes, brackets, digits, letters of ids and keys), replaced, inserted or deleted.
std::string damaged(const std::string& text, std::mt19937& random) {
    return damaged_text(text, random, "{}[]:,\"\\/-+.eE0123456789tfnulx_ab \n\xE4\xB8\x89");
}

}  // namespace

TEST_SUITE("streamed_load") {
    TEST_CASE("a deferred array's elements, one at a time, are exactly the whole document's") {
        for (const std::string& text : {read_file(PORTAL_POLICY_FILE),
                                        std::string(R"({"a": 1, "policies" : [ {"id": "x", "n": [1, {"id": 2}]} , 3, "s", [], {},)"
                                                    R"( {"id": "y\u00e9"}, {"k": {"id": "z"}} ], "z": {"policies": [1]}})")}) {
            const DeferringParse deferring = parse_json_text_deferring(text, "f.json", "policies", "id");
            REQUIRE(deferring.deferred);
            const DeferredArray& array = *deferring.deferred;
            const nlohmann::json whole = parse_json_text(text, "f.json").value;
            const nlohmann::json& policies = whole["policies"];
            CHECK(deferring.parsed.value["policies"] == nlohmann::json::array());
            CHECK(deferring.parsed.value.size() == whole.size());
            CHECK(array.count == policies.size());
            std::vector<std::string> ids;
            for (const nlohmann::json& entry : policies) {
                if (entry.is_object() && entry.contains("id") && entry["id"].is_string()) ids.push_back(entry["id"].get<std::string>());
            }
            CHECK(array.keys == ids);
            ArrayElements elements(array);
            nlohmann::json element;
            std::size_t count = 0;
            while (elements.next(element)) {
                REQUIRE(count < policies.size());
                CHECK(element.dump() == policies[count].dump());
                ++count;
            }
            CHECK_FALSE(elements.failed());
            CHECK(count == policies.size());
        }
        // A duplicate key inside an element is found when that element is read.
        const DeferringParse duplicate = parse_json_text_deferring(R"({"policies": [1, {"a": 1, "a": 2}, 3]})", "f.json", "policies", "id");
        REQUIRE(duplicate.deferred);
        ArrayElements elements(*duplicate.deferred);
        nlohmann::json element;
        CHECK(elements.next(element));
        CHECK_FALSE(elements.next(element));
        CHECK(elements.failed());
    }

    TEST_CASE("the bundled data streams and loads exactly as the whole document") {
        const std::string text = read_file(PORTAL_POLICY_FILE);
        CHECK(check_same_as_whole_document(text, "shangyu.json"));
        const LoadResult result = load_policy_set(text, "shangyu.json");
        REQUIRE(result.set);
        CHECK(result.set->policies.size() > 50);  // the comparison covered the real data, not an empty set
    }

    TEST_CASE("the benchmark generator's files: synthetic policies, and the bundled ones cloned") {
        int streamed = 0;
        for (const char* name : {"policies-60.json", "shangyu-130.json"}) {
            const std::string path = std::string(portal::test_paths::generated_dir()) + "/" + name;
            const std::string text = read_file(path);
            if (check_same_as_whole_document(text, name)) ++streamed;
            const LoadResult result = load_policy_set(text, name);
            REQUIRE(result.set);
            CHECK(result.set->policies.size() + result.skipped.size() >= 60);
        }
        CHECK(streamed == 2);
    }

    TEST_CASE("every fixture under tests/data, broken policies and broken files alike") {
        int files = 0, streamed = 0;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(PORTAL_TEST_DATA_DIR)) {
            if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
            ++files;
            if (check_same_as_whole_document(read_file(entry.path().string()), entry.path().filename().string())) ++streamed;
        }
        CHECK(files > 30);
        CHECK(streamed > 20);
    }

    TEST_CASE("broken policies written in code: wrong types, bad references, later ids, duplicate keys, a BOM") {
        const json policies = json::array(
            {policy_json("a", nullptr, {{"excludes", json::array({"c", "nowhere"})}}), policy_json("b", nullptr, {{"category", "nope"}}),
             policy_json("c", json::array({criterion("x", {{"==", json::array({json{{"var", "missing"}}, 1})}})})),
             json("not a policy"), json::array(), policy_json("a", nullptr), policy_json("d", nullptr, {{"eligble_when", "all"}})});
        const std::string text = document_with(policies).dump(2);
        CHECK(check_same_as_whole_document(text, "broken.json"));
        CHECK(check_same_as_whole_document("\xEF\xBB\xBF" + text, "bom.json"));

        // `policies` before the lists it refers to, and after them.
        json document = document_with(policies);
        std::string policies_first = "{\"policies\":" + document["policies"].dump() + ",";
        document.erase("policies");
        policies_first += document.dump().substr(1);
        CHECK(check_same_as_whole_document(policies_first, "first.json"));

        // A duplicate key inside a policy (left in the text, found while streaming, then the whole file goes the
        // careful way and only that policy is skipped), at the top level, and a second "policies".
        std::string duplicate = text;
        duplicate.replace(duplicate.find("\"id\": \"b\""), 9, "\"id\": \"b\", \"id\": \"b\"");
        CHECK(check_same_as_whole_document(duplicate, "dup.json"));
        const LoadResult dup = load_policy_set(duplicate, "dup.json");
        REQUIRE(dup.set);
        CHECK(error_at(dup.diagnostics, "/policies/1/id") != nullptr);
        CHECK_FALSE(check_same_as_whole_document("{\"version\": \"1\", " + text.substr(1), "top.json"));
        CHECK_FALSE(check_same_as_whole_document("{\"policies\": [], " + text.substr(1), "twice.json"));

        // No policies, policies not an array, not an object, nesting at the limit.
        CHECK(check_same_as_whole_document(document_with(json::array()).dump(), "empty.json"));
        for (const json& wrong : {json(1), json::object(), json("x"), json(nullptr)}) {
            json odd = document_with(json::array());
            odd["policies"] = wrong;
            CHECK_FALSE(check_same_as_whole_document(odd.dump(), "odd.json"));
        }
        CHECK_FALSE(check_same_as_whole_document("[1, 2]", "array.json"));
    }

    TEST_CASE("nesting inside a streamed policy is limited exactly as in the whole document") {
        for (int depth : {505, 506, 507, 508, 509, 510, 511, 512}) {
            std::string rule = "1";
            for (int i = 0; i < depth; ++i) rule = "[" + rule + "]";
            json document = document_with(json::array({policy_json("a", nullptr)}));
            std::string text = document.dump();
            text.replace(text.find("\"id\":\"a\""), 8, "\"id\":\"a\",\"deep\":" + rule);
            check_same_as_whole_document(text, "deep.json");
        }
    }

    TEST_CASE("thousands of randomly damaged copies load exactly as the whole document") {
        // A small file whose policies use most of the format: damage lands in the policies most of the time.
        const json policies = json::array(
            {policy_json("a", json::array({criterion("age", {{">=", json::array({json{{"var", "age"}}, 18})}})}),
                         {{"benefits", json::array({json{{"id", "cash"}, {"label", {{"zh", "补贴"}}}, {"kind", "cash"}, {"amount", 5000}}})},
                          {"excludes", json::array({"b"})}, {"tags", {{"zh", json::array({"人才"})}}}}),
             policy_json("b", json::array({criterion("edu", {{"in", json::array({json{{"var", "education"}}, json::array({"master", "phd"})})}})}),
                         {{"valid", {{"from", "2024-01-01"}, {"until", "2026-12-31"}}}, {"level", "city"}}),
             policy_json("c", nullptr, {{"summary", {{"zh", "说明\u4e09"}, {"en", "x\ty"}}}})});
        const std::string base = document_with(policies).dump();
        std::mt19937 random(20261206);
        int streamed = 0;
        for (int round = 0; round < 1500; ++round) {
            if (check_same_as_whole_document(damaged(base, random), "damaged.json")) ++streamed;
        }
        CHECK(streamed > 300);  // the damage often leaves valid JSON, so the streamed reading really ran

        // The bundled data, damaged: fewer rounds, each a full load of real policies.
        const std::string bundled = read_file(PORTAL_POLICY_FILE);
        int bundled_streamed = 0;
        for (int round = 0; round < 100; ++round) {
            if (check_same_as_whole_document(damaged(bundled, random), "shangyu-damaged.json")) ++bundled_streamed;
        }
        CHECK(bundled_streamed > 8);
    }
}
