// The results in layers (core/result_layers.hpp): every policy in exactly one layer, examples never qualifying,
// programmes with nothing to answer apart, and the answers that would decide an undecided policy.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "core/result_layers.hpp"
#include "test_support.hpp"

using namespace portal::core;
using namespace portal::test;

namespace {

const Date kToday{2024, 6, 1};

PolicySet fixture() { return fixture_policies(); }

std::vector<std::string> ids(const PolicySet& set, const std::vector<int>& indices, bool questions = false) {
    std::vector<std::string> out;
    for (int i : indices) {
        const auto at = static_cast<std::size_t>(i);
        out.push_back(questions ? set.questions[at].id : set.policies[at].id);
    }
    return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_SUITE("layers") {
    TEST_CASE("with no answers: undecided programmes could apply, unpublished and example terms are to ask about") {
        const PolicySet set = fixture();
        const ResultLayers layers = result_layers(evaluate(set, Profile::object(), kToday));
        CHECK(layers.qualify.empty());
        CHECK(ids(set, layers.could_apply) == Ids{"founder-loan", "living-allowance", "rent-subsidy", "youth-apartment"});
        CHECK(ids(set, layers.ask_about) == Ids{"maker-space", "maker-bonus"});
        CHECK(ids(set, layers.ruled_out) == Ids{"old-programme"});
    }

    TEST_CASE("an example-only policy the answers satisfy is never listed as qualifying") {
        const PolicySet set = fixture();
        const Profile profile = {{"maker_types", {"tech"}}, {"age", 30}, {"education", "master"}};
        const Evaluation evaluation = evaluate(set, profile, kToday);
        REQUIRE(evaluation.results[static_cast<std::size_t>(set.policy_index("maker-bonus"))].status == Status::eligible);
        const ResultLayers layers = result_layers(evaluation);
        CHECK(ids(set, layers.qualify) == Ids{"youth-apartment"});
        CHECK(std::count(layers.ask_about.begin(), layers.ask_about.end(), set.policy_index("maker-bonus")) == 1);
    }

    TEST_CASE("every policy lands in exactly one layer, the largest amount first among those that qualify") {
        const PolicySet set = fixture();
        const Profile profile = {{"education", "master"}, {"graduation_date", "2023-07-01"}, {"employed_here", true},
                                 {"owns_home", false},    {"insurance_months", 12},          {"age", 30},
                                 {"first_time_founder", false}};
        const Evaluation evaluation = evaluate(set, profile, kToday);
        const ResultLayers layers = result_layers(evaluation);
        std::vector<int> all;
        for (const auto* layer : {&layers.qualify, &layers.could_apply, &layers.ask_about, &layers.ruled_out})
            all.insert(all.end(), layer->begin(), layer->end());
        std::sort(all.begin(), all.end());
        std::vector<int> expected(set.policies.size());
        for (std::size_t i = 0; i < expected.size(); ++i) expected[i] = static_cast<int>(i);
        CHECK(all == expected);
        REQUIRE(layers.qualify.size() >= 2);
        for (std::size_t i = 1; i < layers.qualify.size(); ++i) {
            CHECK(evaluation.results[static_cast<std::size_t>(layers.qualify[i - 1])].benefit_total.value_or(0) >=
                  evaluation.results[static_cast<std::size_t>(layers.qualify[i])].benefit_total.value_or(0));
        }
        CHECK(ids(set, layers.ruled_out) == Ids{"founder-loan", "old-programme"});
    }

    TEST_CASE("fewest first: smallest count first, equal counts in their order, as a stable sort orders them") {
        CHECK(fewest_first({}, {}).empty());
        CHECK(fewest_first({7, 3, 9, 1, 5}, {2, 0, 2, 1, 0}) == std::vector<int>{3, 5, 1, 7, 9});
        std::mt19937 random(20261207);
        for (int round = 0; round < 200; ++round) {
            std::vector<int> ids(random() % 60);
            std::vector<int> counts(ids.size());
            for (std::size_t i = 0; i < ids.size(); ++i) {
                ids[i] = static_cast<int>(random() % 1000);
                counts[i] = static_cast<int>(random() % (1 + round % 9));
            }
            std::vector<std::size_t> order(ids.size());
            for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return counts[a] < counts[b]; });
            std::vector<int> expected;
            for (std::size_t i : order) expected.push_back(ids[i]);
            CHECK(fewest_first(ids, counts) == expected);
        }
    }

    TEST_CASE("the deciding answers: questions that can be asked now, at most the limit") {
        const PolicySet set = fixture();
        const Evaluation evaluation = evaluate(set, Profile::object(), kToday);
        const int rent = set.policy_index("rent-subsidy");
        // insurance_months is read too, but waits for "employed here": it cannot be what the visitor answers next.
        CHECK(ids(set, deciding_questions(evaluation, rent), true) == Ids{"employed_here", "owns_home"});
        CHECK(ids(set, deciding_questions(evaluation, rent, 1), true) == Ids{"employed_here"});
        CHECK(ids(set, deciding_questions(evaluation, rent, 5), true) == Ids{"employed_here", "owns_home", "insurance_months"});
        CHECK(deciding_questions(evaluation, set.policy_index("maker-space")).empty());
        CHECK(deciding_questions(evaluation, -1).empty());
    }
}
