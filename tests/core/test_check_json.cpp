// The `policyctl check --json` object: the contract's keys in the contract's order, integers printed as integers.
#include <doctest/doctest.h>

#include "core/check_json.hpp"
#include "core/examples.hpp"
#include "core/matcher.hpp"
#include "test_support.hpp"

using namespace portal::core;
using namespace portal::test;

namespace {

PolicySet fixture() {
    LoadResult result = load_policy_set(read_data("fixture-policies.json"), "fixture-policies.json");
    REQUIRE(result.ok());
    return std::move(*result.set);
}

std::vector<std::string> keys_of(const nlohmann::ordered_json& object) {
    std::vector<std::string> keys;
    for (auto item = object.begin(); item != object.end(); ++item) keys.push_back(item.key());
    return keys;
}

}  // namespace

TEST_SUITE("check_json") {
    TEST_CASE("matches the expected file byte for byte") {
        const PolicySet set = fixture();
        const json profile = json::parse(read_data("fixture-profile.json"));
        const std::string text = check_json_text(set, evaluate(set, profile, Date{2024, 6, 1}));
        CHECK(text == read_data("fixture-check-expected.json"));
    }

    TEST_CASE("keys and their order follow the contract") {
        const PolicySet set = fixture();
        const nlohmann::ordered_json out = check_json(set, evaluate(set, {{"education", "phd"}}, Date{2024, 6, 1}));
        CHECK(keys_of(out) == std::vector<std::string>{"as_of", "next_question", "best_bundle", "results"});
        CHECK(keys_of(out["best_bundle"]) == std::vector<std::string>{"policies", "total", "unconfirmed_total"});
        CHECK(out["results"].size() == set.policies.size());
        for (const auto& result : out["results"]) {
            if (result["status"] == "eligible") {
                CHECK(keys_of(result) == std::vector<std::string>{"policy", "status", "certainty", "criteria", "missing",
                                                                  "benefit_total", "benefit_up_to"});
            } else {
                CHECK(keys_of(result) == std::vector<std::string>{"policy", "status", "certainty", "criteria", "missing"});
            }
            for (const auto& criterion : result["criteria"]) CHECK(keys_of(criterion) == std::vector<std::string>{"id", "status"});
        }
        CHECK(out["best_bundle"]["total"].is_number_integer());
        CHECK(out["best_bundle"]["total"] == 0);
    }

    TEST_CASE("an approximate best bundle says so with one added key; an exact one adds nothing") {
        const PolicySet set = fixture();
        Evaluation evaluation = evaluate(set, {{"education", "phd"}}, Date{2024, 6, 1});
        CHECK(keys_of(check_json(set, evaluation)["best_bundle"]) == std::vector<std::string>{"policies", "total", "unconfirmed_total"});
        evaluation.best_bundle.exact = false;
        const nlohmann::ordered_json bundle = check_json(set, evaluation)["best_bundle"];
        CHECK(keys_of(bundle) == std::vector<std::string>{"policies", "total", "unconfirmed_total", "exact"});
        CHECK(bundle["exact"] == false);
    }

    TEST_CASE("null next_question, null benefit_total and the question an unknown amount reads") {
        const json questions = json::parse(R"([{"id": "age", "type": "number", "label": {"zh": "年龄"}},
                                               {"id": "level", "type": "choice", "ordered": true, "label": {"zh": "级别"},
                                                "options": [{"value": "low", "label": {"zh": "低"}}, {"value": "high", "label": {"zh": "高"}}]}])");
        const json policies = json::array({policy_json("p", json::array({criterion("adult", {{">=", {{{"var", "age"}}, 18}}})}),
                                                       {{"benefits", {{{"kind", "cash"}, {"amount", {{"if", {{{"==", {{{"rank", {{{"var", "level"}}}}}, 1}}}, 2.5, 1}}}}}}}})});
        const PolicySet set = load_valid(document_with(policies, questions));
        nlohmann::ordered_json out = check_json(set, evaluate(set, {{"age", 20}}, Date{2024, 6, 1}));
        // No undecided criterion is left, but the eligible policy's amount reads the unanswered level.
        CHECK(out["next_question"] == "level");
        CHECK(out["results"][0]["benefit_total"].is_null());
        CHECK(out["results"][0]["benefit_up_to"].is_null());
        CHECK(out["best_bundle"]["policies"].empty());
        out = check_json(set, evaluate(set, {{"age", 20}, {"level", "high"}}, Date{2024, 6, 1}));
        CHECK(out["results"][0]["benefit_total"] == 2.5);
        CHECK(out["best_bundle"]["total"].dump() == "2.5");
        CHECK(out["next_question"].is_null());  // nothing left that any rule needs
        out = check_json(set, evaluate(set, json::object(), Date{2024, 6, 1}));
        CHECK(out["next_question"] == "age");
    }
}

TEST_SUITE("examples") {
    TEST_CASE("every example of the fixture passes") {
        const PolicySet set = fixture();
        const std::vector<ExampleResult> results = run_examples(set, Date{2030, 1, 1});
        CHECK(results.size() == 12);
        for (const ExampleResult& result : results) CHECK_MESSAGE(result.passed, result.message);
    }

    TEST_CASE("failing examples explain themselves") {
        const json examples = json::parse(R"([
          {"name": "wrong status", "profile": {}, "expect": "eligible"},
          {"name": "wrong total", "profile": {"age": 20}, "expect": "eligible", "benefit_total": 999},
          {"name": "right", "profile": {"age": 20}, "expect": "eligible", "benefit_total": 1000},
          {"name": "failed", "profile": {"age": 17}, "expect": "eligible"},
          {"name": "on a date outside validity", "as_of": "2019-01-01", "profile": {"age": 20}, "expect": "eligible"}
        ])");
        const json policies = json::array({policy_json("p", json::array({criterion("adult", {{">=", {{{"var", "age"}}, 18}}})}),
                                                       {{"benefits", {{{"kind", "cash"}, {"amount", 1000}}}},
                                                        {"valid", {{"from", "2020-01-01"}}},
                                                        {"examples", examples}})});
        const PolicySet set = load_valid(document_with(policies));
        const std::vector<ExampleResult> results = run_examples(set, Date{2024, 6, 1});
        REQUIRE(results.size() == 5);
        CHECK(results[0].message == "p example \"wrong status\": expected eligible, got unknown (missing: age)");
        CHECK(results[0].pointer == "/policies/0/examples/0");
        CHECK(results[1].message == "p example \"wrong total\": expected benefit_total 999, got 1000");
        CHECK(results[2].passed);
        CHECK(results[3].message == "p example \"failed\": expected eligible, got ineligible (failed: adult)");
        CHECK(results[4].message == "p example \"on a date outside validity\": expected eligible, got ineligible (not valid yet)");
    }
}
