// Re-evaluation after an answer (core::reevaluate): only the policies that read a changed answer are evaluated
// again, and the result is exactly what a full evaluation gives.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/matcher.hpp"
#include "test_support.hpp"

using namespace portal::core;
using namespace portal::test;

namespace {

const Date kToday{2024, 6, 1};

// One condition on one of the standard questions, picked by `kind`.
json condition(int kind, int k) {
    switch (kind % 8) {
        case 0: return {{">=", {{{"rank", {{{"var", "education"}}}}}, k % 5}}};
        case 1: return {{"<=", {{{"var", "age"}}, 20 + k % 30}}};
        case 2: return {{"==", {{{"var", "employed"}}, true}}};
        case 3: return {{">=", {{{"var", "insurance_months"}}, k % 24}}};
        case 4: return {{"!", {{{"var", "owns_home"}}}}};
        case 5: return {{"<=", {{{"years_since", {{{"var", "graduation_date"}}}}}, 1 + k % 5}}};
        case 6: return {{"in", {"tech", {{"var", "maker_types"}}}}};
        default: return {{"in", {{{"var", "education"}}, {"bachelor", "master"}}}};
    }
}

json random_rule(std::mt19937& random) {
    const int k = static_cast<int>(random() % 100);
    switch (random() % 5) {
        case 0: return {{"and", {condition(static_cast<int>(random()), k), condition(static_cast<int>(random()), k + 1)}}};
        case 1: return {{"or", {condition(static_cast<int>(random()), k), condition(static_cast<int>(random()), k + 2)}}};
        case 2: return {{"if", {condition(static_cast<int>(random()), k), condition(static_cast<int>(random()), k), false}}};
        default: return condition(static_cast<int>(random()), k);
    }
}

// Policies over the standard questions: one to three criteria each, "all", "any" or a rule over them, fixed and
// rule amounts, some out of their dates, some with no criteria at all, exclusions between neighbours.
PolicySet generated_set(std::mt19937& random, int count) {
    json policies = json::array();
    for (int i = 0; i < count; ++i) {
        json criteria = json::array();
        const int criteria_count = static_cast<int>(random() % 4);  // 0: not assessed
        for (int c = 0; c < criteria_count; ++c) criteria.push_back(criterion("c" + std::to_string(c), random_rule(random)));
        json extra = json::object();
        const json amount = random() % 3 == 0 ? json{{"if", {condition(static_cast<int>(random()), i), 2000 + i, 500}}}
                                              : json(1000 + static_cast<int>(random() % 9000));
        extra["benefits"] = json::array({{{"kind", "cash"}, {"amount", amount}}});
        if (criteria_count > 1) {
            const unsigned how = random() % 3;
            if (how == 1) extra["eligible_when"] = "any";
            if (how == 2) extra["eligible_when"] = {{"or", {{{"var", "criteria.c0"}}, {{"var", "criteria.c1"}}}}};
        }
        if (random() % 10 == 0) extra["valid"] = {{"from", "2018-01-01"}, {"until", "2020-12-31"}};
        if (i > 0 && random() % 6 == 0) extra["excludes"] = json::array({"p" + std::to_string(i - 1)});
        policies.push_back(policy_json("p" + std::to_string(i), criteria_count == 0 ? json() : criteria, extra));
    }
    return load_valid(document_with(policies));
}

// An answer to question `question` of the standard questions, or null to clear it.
json random_answer(std::mt19937& random, const std::string& question) {
    if (random() % 5 == 0) return nullptr;
    if (question == "education") {
        static const char* const levels[] = {"high_school", "junior_college", "bachelor", "master", "phd"};
        return levels[random() % 5];
    }
    if (question == "age") return 16 + static_cast<int>(random() % 50);
    if (question == "insurance_months") return static_cast<int>(random() % 36);
    if (question == "employed" || question == "owns_home") return random() % 2 == 0;
    if (question == "graduation_date") return std::to_string(2016 + random() % 8) + "-0" + std::to_string(1 + random() % 9) + "-15";
    static const std::vector<json> makers = {json::array(), json::array({"tech"}), json::array({"culture"}),
                                             json::array({"tech", "culture"})};
    return makers[random() % makers.size()];
}

void check_same(const Evaluation& incremental, const Evaluation& full) {
    REQUIRE(incremental.results.size() == full.results.size());
    CHECK(incremental.profile == full.profile);
    for (std::size_t p = 0; p < full.results.size(); ++p) {
        const PolicyOutcome& a = incremental.results[p];
        const PolicyOutcome& b = full.results[p];
        INFO("policy " << p);
        CHECK(a.policy == b.policy);
        CHECK(a.status == b.status);
        CHECK(a.reason == b.reason);
        CHECK(a.missing == b.missing);
        CHECK(a.failed == b.failed);
        CHECK(a.benefit_total == b.benefit_total);
        CHECK(a.benefit_up_to == b.benefit_up_to);
        CHECK(a.certainty == b.certainty);
        REQUIRE(a.criteria.size() == b.criteria.size());
        for (std::size_t c = 0; c < a.criteria.size(); ++c) {
            CHECK(a.criteria[c].status == b.criteria[c].status);
            CHECK(a.criteria[c].reads == b.criteria[c].reads);
            CHECK(a.criteria[c].missing == b.criteria[c].missing);
            CHECK(a.criteria[c].error == b.criteria[c].error);
        }
        REQUIRE(a.benefits.size() == b.benefits.size());
        for (std::size_t k = 0; k < a.benefits.size(); ++k) {
            CHECK(a.benefits[k].amount == b.benefits[k].amount);
            CHECK(a.benefits[k].amount_unknown == b.benefits[k].amount_unknown);
            CHECK(a.benefits[k].total == b.benefits[k].total);
        }
    }
    CHECK(incremental.questions == full.questions);
    CHECK(incremental.ask_if == full.ask_if);
    CHECK(incremental.best_bundle.policies == full.best_bundle.policies);
    CHECK(incremental.best_bundle.total == full.best_bundle.total);
    CHECK(incremental.best_bundle.unconfirmed_total == full.best_bundle.unconfirmed_total);
    CHECK(incremental.best_bundle.exact == full.best_bundle.exact);
    CHECK(incremental.undecided_readers == full.undecided_readers);
    CHECK(incremental.next_question == full.next_question);
}

}  // namespace

TEST_SUITE("reevaluate") {
    TEST_CASE("the first call and a change of date evaluate everything") {
        const PolicySet set = fixture_policies();
        const AnswerReaders readers(set);
        Evaluation evaluation;
        ReevaluationWork work;
        reevaluate(set, readers, evaluation, {{"age", 30}}, kToday, &work);
        CHECK(work.full);
        CHECK(work.policies_evaluated == static_cast<int>(set.policies.size()));

        reevaluate(set, readers, evaluation, {{"age", 30}}, Date{2025, 1, 1}, &work);
        CHECK(work.full);
        CHECK(evaluation.as_of == Date{2025, 1, 1});
    }

    TEST_CASE("an answer re-evaluates exactly the policies whose rules read it") {
        // Policy i reads question i % 3 (education, age, employed); policy 9 reads nothing.
        json policies = json::array();
        for (int i = 0; i < 9; ++i) {
            const int kind = i % 3;  // condition(): 0 education, 1 age, 2 employed
            policies.push_back(policy_json("p" + std::to_string(i), json::array({criterion("c", condition(kind, i))}),
                                           {{"benefits", {{{"kind", "cash"}, {"amount", 1000 + i}}}}}));
        }
        policies.push_back(policy_json("p9", json(), {{"benefits", {{{"kind", "cash"}, {"amount", 5}}}}}));
        const PolicySet set = load_valid(document_with(policies));
        const AnswerReaders readers(set);
        CHECK(readers.policies_reading({set.question_index("age")}) == std::vector<int>{1, 4, 7});

        Evaluation evaluation;
        ReevaluationWork work;
        reevaluate(set, readers, evaluation, json::object(), kToday, &work);
        REQUIRE(work.full);

        json profile = {{"age", 30}};
        reevaluate(set, readers, evaluation, profile, kToday, &work);
        CHECK_FALSE(work.full);
        CHECK(work.questions_changed == 1);
        CHECK(work.policies_evaluated == 3);
        CHECK(work.criteria_evaluated == 3);

        profile["age"] = 30;  // the same answer again: nothing to evaluate
        reevaluate(set, readers, evaluation, profile, kToday, &work);
        CHECK(work.questions_changed == 0);
        CHECK(work.policies_evaluated == 0);

        profile["education"] = "master";
        profile["owns_home"] = true;  // read by no policy
        reevaluate(set, readers, evaluation, profile, kToday, &work);
        CHECK(work.questions_changed == 2);
        CHECK(work.policies_evaluated == 3);

        profile.erase("age");
        reevaluate(set, readers, evaluation, profile, kToday, &work);
        CHECK(work.policies_evaluated == 3);
        check_same(evaluation, evaluate(set, profile, kToday));
    }

    TEST_CASE("within a policy, only the criteria that read the answer are evaluated again") {
        const PolicySet set = load_valid(document_with(json::array(
            {policy_json("a", json::array({criterion("edu", condition(0, 3)), criterion("age", condition(1, 10)),
                                           criterion("both", {{"and", {condition(0, 2), condition(2, 0)}}})})),
             policy_json("b", json::array({criterion("age", condition(1, 5))}))})));
        const AnswerReaders readers(set);
        Evaluation evaluation;
        reevaluate(set, readers, evaluation, json::object(), kToday);
        ReevaluationWork work;
        const json profile = {{"education", "phd"}};
        reevaluate(set, readers, evaluation, profile, kToday, &work);
        CHECK(work.policies_evaluated == 1);
        CHECK(work.criteria_evaluated == 2);  // "edu" and "both", not "age"
        check_same(evaluation, evaluate(set, profile, kToday));
    }

    TEST_CASE("a rule that computes the names it asks about is evaluated again after any answer") {
        // "missing" with a key given by a rule: which answer it reads is known only when it runs, so the
        // compiled rule cannot list it, and every answer may change this policy's outcome.
        const json computed = {{"!", {{{"missing", {{{"if", {{{"var", "employed"}}, "age", "insurance_months"}}}}}}}}};
        const PolicySet set = load_valid(document_with(json::array(
            {policy_json("computed", json::array({criterion("c", computed)})),
             policy_json("plain", json::array({criterion("c", condition(3, 6))}))})));
        const AnswerReaders readers(set);
        CHECK(readers.policies_reading({set.question_index("age")}) == std::vector<int>{0});

        Evaluation evaluation;
        json profile = {{"employed", true}};
        reevaluate(set, readers, evaluation, profile, kToday);
        REQUIRE(evaluation.results[0].status != Status::eligible);
        profile["age"] = 30;  // the key the rule computes: the outcome changes
        ReevaluationWork work;
        reevaluate(set, readers, evaluation, profile, kToday, &work);
        CHECK(work.policies_evaluated == 1);
        CHECK(evaluation.results[0].status == Status::eligible);
        check_same(evaluation, evaluate(set, profile, kToday));
    }

    TEST_CASE("every evaluation written has a revision no other evaluation had") {
        const PolicySet set = fixture_policies();
        const AnswerReaders readers(set);
        Evaluation evaluation;
        CHECK(evaluation.revision == 0);
        reevaluate(set, readers, evaluation, json::object(), kToday);
        const std::uint64_t first = evaluation.revision;
        CHECK(first != 0);
        reevaluate(set, readers, evaluation, {{"age", 30}}, kToday);
        const std::uint64_t second = evaluation.revision;
        CHECK(second != first);
        // A separate evaluation of the same answers is equal in value, but another evaluation all the same.
        const Evaluation same = evaluate(set, {{"age", 30}}, kToday);
        CHECK(same.revision != second);
        CHECK(same.revision != first);
    }

    TEST_CASE("an amount rule's question counts as read") {
        const json amount = {{"if", {{{"var", "employed"}}, 2000, 500}}};
        const PolicySet set = load_valid(document_with(json::array(
            {policy_json("a", json::array({criterion("c", condition(1, 0))}), {{"benefits", {{{"kind", "cash"}, {"amount", amount}}}}}),
             policy_json("b", json::array({criterion("c", condition(1, 0))}), {{"benefits", {{{"kind", "cash"}, {"amount", 1}}}}})})));
        const AnswerReaders readers(set);
        CHECK(readers.policies_reading({set.question_index("employed")}) == std::vector<int>{0});
        CHECK(readers.policies_reading({set.question_index("age")}) == std::vector<int>{0, 1});
    }

    TEST_CASE("the same as a full evaluation after every step of random answer sequences") {
        std::mt19937 random(20261206);
        long incremental_work = 0;
        long full_work = 0;
        for (int round = 0; round < 6; ++round) {
            const PolicySet set = generated_set(random, 150);
            const AnswerReaders readers(set);
            Evaluation evaluation;
            reevaluate(set, readers, evaluation, json::object(), kToday);
            json profile = json::object();
            for (int step = 0; step < 40; ++step) {
                // Usually one answer (given, changed or cleared), sometimes several at once (a shared link).
                const int answers = random() % 8 == 0 ? 1 + static_cast<int>(random() % 4) : 1;
                for (int a = 0; a < answers; ++a) {
                    const std::string& id = set.questions[random() % set.questions.size()].id;
                    const json value = random_answer(random, id);
                    if (value.is_null()) profile.erase(id);
                    else profile[id] = value;
                }
                ReevaluationWork work;
                reevaluate(set, readers, evaluation, profile, kToday, &work);
                INFO("round " << round << ", step " << step << ", profile " << profile.dump());
                CHECK_FALSE(work.full);
                check_same(evaluation, evaluate(set, profile, kToday));
                incremental_work += work.policies_evaluated;
                full_work += static_cast<long>(set.policies.size());
            }
        }
        // Each policy reads one to six of seven questions: an answer changes well under all of them.
        CHECK(incremental_work < full_work * 3 / 4);
    }
}
