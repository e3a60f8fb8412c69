// Outcomes per docs/POLICY-FORMAT.md: statuses, criteria, missing questions, validity, benefit totals, the best
// bundle and the next question.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <numeric>
#include <random>

#include "core/matcher.hpp"
#include "test_support.hpp"

using namespace portal::core;
using namespace portal::test;

namespace {

const Date kToday{2024, 6, 1};

PolicySet fixture() { return fixture_policies(); }

const PolicyOutcome& outcome_of(const PolicySet& set, const Evaluation& evaluation, const std::string& id) {
    const int index = set.policy_index(id);
    REQUIRE(index >= 0);
    return evaluation.results[static_cast<std::size_t>(index)];
}

std::vector<std::string> question_ids(const PolicySet& set, const std::vector<int>& indices) {
    std::vector<std::string> ids;
    for (int q : indices) ids.push_back(set.questions[static_cast<std::size_t>(q)].id);
    return ids;
}

std::vector<std::string> policy_ids(const PolicySet& set, const std::vector<int>& indices) {
    std::vector<std::string> ids;
    for (int p : indices) ids.push_back(set.policies[static_cast<std::size_t>(p)].id);
    return ids;
}

// A policy set of `count` bare policies whose exclusions are given as index pairs (one side only). Each has one
// criterion: a policy without criteria is not assessed and never enters the best bundle.
PolicySet bare_set(std::size_t count, const std::vector<std::pair<int, int>>& excludes) {
    PolicySet set;
    for (std::size_t i = 0; i < count; ++i) {
        Policy policy;
        policy.id = "p" + std::to_string(i);
        policy.criteria.push_back(Criterion{});
        set.policies.push_back(policy);
    }
    for (const auto& [a, b] : excludes) set.policies[static_cast<std::size_t>(a)].excludes.push_back("p" + std::to_string(b));
    set.reindex();
    return set;
}

std::vector<PolicyOutcome> eligible_with(const std::vector<double>& totals) {
    std::vector<PolicyOutcome> results;
    for (std::size_t i = 0; i < totals.size(); ++i) {
        PolicyOutcome outcome;
        outcome.policy = static_cast<int>(i);
        outcome.status = Status::eligible;
        outcome.benefit_total = totals[i];
        results.push_back(outcome);
    }
    return results;
}

// The contract's best bundle by trying every subset.
std::vector<int> brute_force_bundle(const PolicySet& set, const std::vector<double>& totals) {
    const std::size_t n = totals.size();
    std::vector<int> best;
    double best_total = 0;
    for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
        std::vector<int> members;
        double total = 0;
        bool independent = true;
        for (std::size_t i = 0; i < n && independent; ++i) {
            if (!(mask & (1u << i))) continue;
            for (int other : set.exclusions[i]) independent = independent && !(mask & (1u << other));
            members.push_back(static_cast<int>(i));
            total += totals[i];
        }
        if (!independent) continue;
        const bool better = total > best_total + 1e-6 ||
                            (std::abs(total - best_total) <= 1e-6 &&
                             (members.size() < best.size() || (members.size() == best.size() && members < best)));
        if (better) {
            best = members;
            best_total = total;
        }
    }
    return best;
}

}  // namespace

TEST_SUITE("matcher") {
    TEST_CASE("an empty profile: assessed policies are unknown with their missing questions") {
        const PolicySet set = fixture();
        const Evaluation evaluation = evaluate(set, json::object(), kToday);
        REQUIRE(evaluation.results.size() == set.policies.size());
        const PolicyOutcome& living = outcome_of(set, evaluation, "living-allowance");
        CHECK(living.status == Status::unknown);
        CHECK(question_ids(set, living.missing) == std::vector<std::string>{"education", "graduation_date", "employed_here"});
        for (const CriterionOutcome& criterion : living.criteria) CHECK(criterion.status == CriterionStatus::unknown);
        // Missing lists follow question order, not the order rules read them.
        const PolicyOutcome& youth = outcome_of(set, evaluation, "youth-apartment");
        CHECK(question_ids(set, youth.missing) == std::vector<std::string>{"education", "age", "maker_types"});
    }

    TEST_CASE("eligible, with criteria outcomes, the values read and the benefit total") {
        const PolicySet set = fixture();
        const json profile = {{"education", "master"}, {"graduation_date", "2021-07-01"}, {"employed_here", true}};
        const Evaluation evaluation = evaluate(set, profile, kToday);
        const PolicyOutcome& living = outcome_of(set, evaluation, "living-allowance");
        CHECK(living.status == Status::eligible);
        CHECK(living.missing.empty());
        REQUIRE(living.criteria.size() == 3);
        CHECK(living.criteria[0].status == CriterionStatus::pass);
        CHECK(question_ids(set, living.criteria[0].reads) == std::vector<std::string>{"education"});
        REQUIRE(evaluation.answer(set, living.criteria[0].reads[0]) != nullptr);
        CHECK(*evaluation.answer(set, living.criteria[0].reads[0]) == "master");
        CHECK(evaluation.answer(set, set.question_index("age")) == nullptr);  // unanswered
        REQUIRE(living.benefit_total.has_value());
        CHECK(*living.benefit_total == 60000);  // master: 20000 a year for 3 years
        REQUIRE(living.benefits.size() == 1);
        CHECK(living.benefits[0].amount == 20000.0);
        CHECK(living.benefits[0].total == 60000.0);
    }

    TEST_CASE("ineligible lists the failed criteria") {
        const PolicySet set = fixture();
        const json profile = {{"education", "high_school"}, {"graduation_date", "2010-01-01"}, {"employed_here", true}};
        const Evaluation evaluation = evaluate(set, profile, kToday);
        const PolicyOutcome& living = outcome_of(set, evaluation, "living-allowance");
        CHECK(living.status == Status::ineligible);
        CHECK(living.reason == IneligibleReason::criteria);
        CHECK(living.failed == std::vector<int>{0, 1});
        CHECK(living.missing.empty());
        CHECK(living.criteria[2].status == CriterionStatus::pass);
    }

    TEST_CASE("one failed criterion decides 'all' even while others are unknown") {
        const PolicySet set = fixture();
        const Evaluation evaluation = evaluate(set, {{"education", "high_school"}}, kToday);
        const PolicyOutcome& living = outcome_of(set, evaluation, "living-allowance");
        CHECK(living.status == Status::ineligible);
        CHECK(living.missing.empty());  // nothing to ask: it is decided
        CHECK(living.criteria[1].status == CriterionStatus::unknown);
        CHECK(question_ids(set, living.criteria[1].missing) == std::vector<std::string>{"graduation_date"});
    }

    TEST_CASE("eligible_when any and rule") {
        const PolicySet set = fixture();
        Evaluation evaluation = evaluate(set, {{"maker_types", json::array({"culture"})}}, kToday);
        CHECK(outcome_of(set, evaluation, "maker-bonus").status == Status::eligible);
        evaluation = evaluate(set, {{"maker_types", json::array({"youth"})}}, kToday);
        CHECK(outcome_of(set, evaluation, "maker-bonus").status == Status::ineligible);

        // youth-apartment: young and (graduate or maker).
        evaluation = evaluate(set, {{"age", 25}}, kToday);
        const PolicyOutcome& waiting = outcome_of(set, evaluation, "youth-apartment");
        CHECK(waiting.status == Status::unknown);
        CHECK(question_ids(set, waiting.missing) == std::vector<std::string>{"education", "maker_types"});
        evaluation = evaluate(set, {{"age", 25}, {"education", "bachelor"}}, kToday);
        CHECK(outcome_of(set, evaluation, "youth-apartment").status == Status::eligible);
        evaluation = evaluate(set, {{"age", 40}}, kToday);
        CHECK(outcome_of(set, evaluation, "youth-apartment").status == Status::ineligible);
        evaluation = evaluate(set, {{"age", 25}, {"education", "high_school"}, {"maker_types", json::array()}}, kToday);
        CHECK(outcome_of(set, evaluation, "youth-apartment").status == Status::ineligible);
    }

    TEST_CASE("validity dates are inclusive and decide before criteria") {
        const PolicySet set = fixture();
        const json employed = {{"employed_here", true}};
        CHECK(outcome_of(set, evaluate(set, employed, Date{2020, 12, 31}), "old-programme").status == Status::eligible);
        const Evaluation after = evaluate(set, employed, Date{2021, 1, 1});
        CHECK(outcome_of(set, after, "old-programme").status == Status::ineligible);
        CHECK(outcome_of(set, after, "old-programme").reason == IneligibleReason::expired);
        CHECK(outcome_of(set, evaluate(set, employed, Date{2018, 1, 1}), "old-programme").status == Status::eligible);
        const Evaluation before = evaluate(set, json::object(), Date{2017, 12, 31});
        CHECK(outcome_of(set, before, "old-programme").status == Status::ineligible);
        CHECK(outcome_of(set, before, "old-programme").reason == IneligibleReason::not_yet_valid);
        CHECK(outcome_of(set, before, "old-programme").missing.empty());
    }

    TEST_CASE("policies without criteria are unknown, ask nothing and never enter the bundle") {
        const PolicySet set = fixture();
        const Evaluation evaluation = evaluate(set, json::object(), kToday);
        const PolicyOutcome& space = outcome_of(set, evaluation, "maker-space");
        CHECK(space.status == Status::unknown);
        CHECK(space.missing.empty());
        CHECK(space.criteria.empty());
        CHECK(std::find(evaluation.best_bundle.policies.begin(), evaluation.best_bundle.policies.end(),
                        set.policy_index("maker-space")) == evaluation.best_bundle.policies.end());
    }

    TEST_CASE("loans are not added to totals; services without amounts add nothing") {
        const PolicySet set = fixture();
        const Evaluation evaluation = evaluate(set, {{"age", 30}, {"first_time_founder", true}}, kToday);
        const PolicyOutcome& loan = outcome_of(set, evaluation, "founder-loan");
        CHECK(loan.status == Status::eligible);
        CHECK(loan.benefit_total == 5000.0);
        CHECK(loan.benefits[0].amount == 300000.0);  // still resolved, for display
        const Evaluation maker = evaluate(set, {{"maker_types", json::array({"tech"})}}, kToday);
        CHECK(outcome_of(set, maker, "maker-bonus").benefit_total == 0.0);
    }

    TEST_CASE("rule amounts: resolved by the profile, unknown when they read an unanswered question") {
        const json policies = json::array({policy_json("p", json::array({criterion("young", {{"<=", {{{"var", "age"}}, 35}}})}),
                                                       {{"benefits", {{{"kind", "cash"}, {"amount", {{"if", {{{">=", {{{"rank", {{{"var", "education"}}}}}, 4}}}, 50000, 10000}}}}},
                                                                      {{"kind", "voucher"}, {"amount", 500}, {"periods", 2}}}}})});
        const PolicySet set = load_valid(document_with(policies));
        PolicyOutcome outcome = evaluate_policy(set, 0, {{"age", 30}}, kToday);
        CHECK(outcome.status == Status::eligible);
        CHECK_FALSE(outcome.benefit_total.has_value());  // the amount depends on education, unanswered
        CHECK(outcome.benefits[0].amount_unknown);
        CHECK(outcome.benefits[1].total == 1000.0);
        outcome = evaluate_policy(set, 0, {{"age", 30}, {"education", "phd"}}, kToday);
        CHECK(outcome.benefit_total == 51000.0);
        outcome = evaluate_policy(set, 0, {{"age", 30}, {"education", "bachelor"}}, kToday);
        CHECK(outcome.benefit_total == 11000.0);
    }

    TEST_CASE("one benefit alone resolves exactly as the whole policy does") {
        const json policies = json::array({policy_json("p", json::array({criterion("young", {{"<=", {{{"var", "age"}}, 35}}})}),
                                                       {{"benefits", {{{"kind", "cash"}, {"amount", {{"if", {{{">=", {{{"rank", {{{"var", "education"}}}}}, 4}}}, 50000, 10000}}}}},
                                                                      {{"kind", "voucher"}, {"amount", 500}, {"periods", 2}},
                                                                      {{"kind", "cash"}, {"amount", {{"*", {1e308, 10}}}}}}}})});
        const PolicySet set = load_valid(document_with(policies));
        for (const Profile& profile : {Profile::object(), Profile{{"age", 40}, {"education", "phd"}},
                                       Profile{{"age", 30}, {"education", "bachelor"}}}) {
            const PolicyOutcome whole = evaluate_policy(set, 0, profile, kToday);
            for (int b = 0; b < 3; ++b) {
                const BenefitOutcome alone = evaluate_benefit(set, 0, b, profile, kToday);
                CHECK(alone.amount == whole.benefits[static_cast<std::size_t>(b)].amount);
                CHECK(alone.amount_unknown == whole.benefits[static_cast<std::size_t>(b)].amount_unknown);
                CHECK(alone.total == whole.benefits[static_cast<std::size_t>(b)].total);
            }
        }
        // Whatever the criteria say: a failed policy still shows what it would pay.
        CHECK(evaluate_benefit(set, 0, 0, {{"age", 40}, {"education", "phd"}}, kToday).total == 50000.0);
        CHECK(evaluate_benefit(set, 0, 2, {}, kToday).amount_unknown);
    }

    TEST_CASE("excludes are symmetric in the best bundle") {
        const PolicySet set = fixture();
        // Eligible for living-allowance (40000 x 3), rent-subsidy (12000) and youth-apartment (19200); living-allowance
        // and youth-apartment both exclude rent-subsidy, which lists neither.
        const json profile = {{"education", "phd"}, {"graduation_date", "2023-07-01"}, {"employed_here", true}, {"owns_home", false},
                              {"insurance_months", 12}, {"age", 28}, {"first_time_founder", false}};
        const Evaluation evaluation = evaluate(set, profile, kToday);
        CHECK(outcome_of(set, evaluation, "rent-subsidy").status == Status::eligible);
        CHECK(policy_ids(set, evaluation.best_bundle.policies) == std::vector<std::string>{"living-allowance", "youth-apartment"});
        CHECK(evaluation.best_bundle.total == 139200);
    }

    TEST_CASE("best bundle: largest total, then fewer policies, then earlier in the file") {
        // 0-1 exclude each other; 2 excludes 1 (one-sided).
        PolicySet set = bare_set(4, {{0, 1}, {2, 1}});
        CHECK(best_bundle(set, eligible_with({100, 300, 150, 10})).policies == std::vector<int>{1, 3});    // 300 > 250
        CHECK(best_bundle(set, eligible_with({100, 250, 150, 10})).policies == std::vector<int>{1, 3});    // 250 = 250: fewer
        CHECK(best_bundle(set, eligible_with({100, 200, 150, 10})).policies == std::vector<int>{0, 2, 3});
        // Equal totals and sizes: the earlier policies win.
        set = bare_set(3, {{0, 1}, {1, 2}, {0, 2}});
        CHECK(best_bundle(set, eligible_with({5, 5, 5})).policies == std::vector<int>{0});
        set = bare_set(4, {{0, 1}, {2, 3}, {0, 3}});
        CHECK(best_bundle(set, eligible_with({1, 2, 2, 1})).policies == std::vector<int>{1, 2});
        // Ineligible, unknown, zero and unknown-total policies stay out.
        set = bare_set(4, {});
        std::vector<PolicyOutcome> results = eligible_with({10, 20, 0, 30});
        results[1].status = Status::unknown;
        results[3].benefit_total.reset();
        const Bundle bundle = best_bundle(set, results);
        CHECK(bundle.policies == std::vector<int>{0});
        CHECK(bundle.total == 10);
        CHECK(best_bundle(set, {}).policies.empty());
    }

    TEST_CASE("best bundle matches brute force on random exclusion graphs") {
        std::mt19937 random(20240601);
        for (int round = 0; round < 300; ++round) {
            const std::size_t n = 2 + random() % 11;
            std::vector<std::pair<int, int>> edges;
            const unsigned density = random() % 60;
            for (std::size_t a = 0; a < n; ++a) {
                for (std::size_t b = a + 1; b < n; ++b) {
                    if (random() % 100 < density) edges.emplace_back(static_cast<int>(random() % 2 ? a : b), static_cast<int>(random() % 2 ? b : a));
                }
            }
            edges.erase(std::remove_if(edges.begin(), edges.end(), [](auto& e) { return e.first == e.second; }), edges.end());
            std::vector<double> totals;
            for (std::size_t i = 0; i < n; ++i) totals.push_back(static_cast<double>(1 + random() % 4) * 1000);  // many ties
            const PolicySet set = bare_set(n, edges);
            INFO("round " << round);
            CHECK(best_bundle(set, eligible_with(totals)).policies == brute_force_bundle(set, totals));
        }
    }

    TEST_CASE("best bundle stays fast on large sets and long chains") {
        const std::size_t n = 20000;
        std::vector<std::pair<int, int>> edges;
        for (std::size_t i = 0; i < 10000; i += 4) edges.emplace_back(static_cast<int>(i), static_cast<int>(i + 1));  // 2500 pairs
        for (int i = 0; i < 60; ++i) edges.emplace_back(15000 + i, 15001 + i);                                       // a chain of 61
        const PolicySet set = bare_set(n, edges);
        std::vector<double> totals(n, 100);
        const Bundle bundle = best_bundle(set, eligible_with(totals));
        // Solved exactly, with work in proportion to the graph (pairs and a chain are easy), far inside the budget.
        CHECK(bundle.exact);
        CHECK(bundle.work <= 20 * static_cast<long>(n));
        // One of each pair (the earlier), every other unpaired policy, and 31 of the chain of 61 (its even positions).
        CHECK(bundle.policies.size() == 7500 + (10000 - 61) + 31);
        CHECK(std::binary_search(bundle.policies.begin(), bundle.policies.end(), 0));
        CHECK_FALSE(std::binary_search(bundle.policies.begin(), bundle.policies.end(), 1));
        CHECK(std::binary_search(bundle.policies.begin(), bundle.policies.end(), 15060));
        CHECK_FALSE(std::binary_search(bundle.policies.begin(), bundle.policies.end(), 15059));
    }

    TEST_CASE("best bundle on a crafted 120-policy exclusion graph ends fast, flagged when not exact") {
        // Random 3-regular exclusions (the pairing model): the shape that made the old exact search exponential.
        std::mt19937 random(7);
        for (const std::size_t n : {60u, 120u}) {
            std::vector<int> stubs;
            for (std::size_t i = 0; i < n; ++i) stubs.insert(stubs.end(), 3, static_cast<int>(i));
            std::shuffle(stubs.begin(), stubs.end(), random);
            std::vector<std::pair<int, int>> edges;
            for (std::size_t i = 0; i + 1 < stubs.size(); i += 2) {
                if (stubs[i] != stubs[i + 1]) edges.emplace_back(stubs[i], stubs[i + 1]);
            }
            const PolicySet set = bare_set(n, edges);
            std::vector<double> distinct(n), equal(n, 1000);
            for (std::size_t i = 0; i < n; ++i) distinct[i] = static_cast<double>(1000 + random() % 9000);
            for (const auto* totals : {&distinct, &equal}) {
                const Bundle bundle = best_bundle(set, eligible_with(*totals));
                // The work is bounded by the budget, whatever the machine: that is what keeps the page responsive.
                // Past it only the greedy answer's local improvement runs, a few passes over the component.
                CHECK(bundle.work <= kBundleWorkBudget + static_cast<long>(n * n));
                if (!bundle.exact) CHECK(bundle.work > kBundleWorkBudget);
                double total = 0;
                for (int a : bundle.policies) {
                    total += (*totals)[static_cast<std::size_t>(a)];
                    for (int b : bundle.policies) CHECK_FALSE(std::binary_search(set.exclusions[static_cast<std::size_t>(a)].begin(),
                                                                                 set.exclusions[static_cast<std::size_t>(a)].end(), b));
                }
                CHECK(bundle.total == doctest::Approx(total));
                CHECK(bundle.total >= 0.3 * std::accumulate(totals->begin(), totals->end(), 0.0));  // a real bundle, not a token one
                if (n == 60) CHECK(bundle.exact);  // groups of this size are still solved exactly
                MESSAGE(n << " policies: exact " << bundle.exact << ", " << bundle.policies.size() << " in the bundle, work " << bundle.work);
            }
        }
    }

    TEST_CASE("best bundle: out of budget gives a greedy bundle flagged not exact; small graphs stay exact") {
        const PolicySet set = bare_set(6, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}});
        const std::vector<double> totals{10, 30, 10, 10, 30, 10};
        const Bundle exact = best_bundle(set, eligible_with(totals));
        CHECK(exact.exact);
        CHECK(exact.policies == std::vector<int>{1, 4});
        const Bundle greedy = best_bundle(set, eligible_with(totals), 1);
        CHECK_FALSE(greedy.exact);
        CHECK(greedy.total == 60);  // heaviest first happens to be right here
        CHECK(greedy.policies == std::vector<int>{1, 4});
        // Local search mends a bad greedy start: a star whose leaves together outweigh its heavier centre.
        const PolicySet star = bare_set(4, {{0, 1}, {0, 2}, {0, 3}});
        const Bundle swapped = best_bundle(star, eligible_with({25, 10, 10, 10}), 1);
        CHECK_FALSE(swapped.exact);
        CHECK(swapped.policies == std::vector<int>{1, 2, 3});
    }

    TEST_CASE("next question: the one most unknown policies need; ties go to the earlier question") {
        const PolicySet set = fixture();
        Evaluation evaluation = evaluate(set, json::object(), kToday);
        // education: living-allowance, youth-apartment; age: founder-loan, youth-apartment; maker_types: maker-bonus,
        // youth-apartment; employed_here: living-allowance, rent-subsidy, old-programme (expired, so not unknown).
        // employed_here (2 unknown policies) ties with education, age, maker_types: education comes first.
        REQUIRE(evaluation.next_question.has_value());
        CHECK(set.questions[static_cast<std::size_t>(*evaluation.next_question)].id == "education");

        evaluation = evaluate(set, {{"education", "phd"}}, kToday);
        // Now age (founder-loan, youth-apartment) and employed_here (living-allowance, rent-subsidy) tie; age is earlier.
        CHECK(set.questions[static_cast<std::size_t>(*evaluation.next_question)].id == "age");
    }

    TEST_CASE("next question honours ask_if and is null when nothing is left") {
        const PolicySet set = fixture();
        // rent-subsidy needs insurance_months, but it is only asked of people employed here.
        json profile = {{"owns_home", false}};
        Evaluation evaluation = evaluate(set, profile, kToday);
        const int insurance = set.question_index("insurance_months");
        CHECK(evaluation.questions[static_cast<std::size_t>(insurance)] == QuestionState::waiting);
        profile["employed_here"] = false;
        evaluation = evaluate(set, profile, kToday);
        CHECK(evaluation.questions[static_cast<std::size_t>(insurance)] == QuestionState::hidden);
        profile["employed_here"] = true;
        evaluation = evaluate(set, profile, kToday);
        CHECK(evaluation.questions[static_cast<std::size_t>(insurance)] == QuestionState::askable);

        const json everything = {{"education", "phd"}, {"graduation_date", "2023-07-01"}, {"employed_here", true},
                                 {"owns_home", false}, {"insurance_months", 12}, {"age", 28}, {"first_time_founder", true},
                                 {"maker_types", json::array()}};
        evaluation = evaluate(set, everything, kToday);
        CHECK_FALSE(evaluation.next_question.has_value());
    }

    TEST_CASE("a question only waiting policies need is not asked while its ask_if is unknown") {
        const json questions = json::parse(R"([
          {"id": "employed", "type": "boolean", "label": {"zh": "就业"}},
          {"id": "months", "type": "number", "label": {"zh": "月数"}, "ask_if": {"var": "employed"}},
          {"id": "age", "type": "number", "label": {"zh": "年龄"}}])");
        const json policies = json::array({policy_json("a", json::array({criterion("m", {{">", {{{"var", "months"}}, 6}}})})),
                                           policy_json("b", json::array({criterion("m", {{">", {{{"var", "months"}}, 3}}})})),
                                           policy_json("c", json::array({criterion("a", {{"<", {{{"var", "age"}}, 30}}})}))});
        const PolicySet set = load_valid(document_with(policies, questions));
        Evaluation evaluation = evaluate(set, json::object(), kToday);
        CHECK(set.questions[static_cast<std::size_t>(*evaluation.next_question)].id == "age");  // months waits
        evaluation = evaluate(set, {{"age", 20}}, kToday);
        CHECK_FALSE(evaluation.next_question.has_value());  // only months is left, and it is not askable yet
        evaluation = evaluate(set, {{"age", 20}, {"employed", true}}, kToday);
        CHECK(set.questions[static_cast<std::size_t>(*evaluation.next_question)].id == "months");
    }

    TEST_CASE("askable questions and question states") {
        const PolicySet set = fixture();
        const Evaluation evaluation = evaluate(set, {{"employed_here", false}}, kToday);
        const std::vector<int> askable = askable_questions(evaluation);
        CHECK(std::find(askable.begin(), askable.end(), set.question_index("insurance_months")) == askable.end());
        CHECK(std::find(askable.begin(), askable.end(), set.question_index("employed_here")) != askable.end());  // answered, asked
        const std::vector<QuestionState> states = question_states(set, {{"employed_here", false}}, kToday);
        CHECK(states == evaluation.questions);
        CHECK(states[static_cast<std::size_t>(set.question_index("employed_here"))] == QuestionState::answered);
    }

    TEST_CASE("closest misses: fewest failed criteria first, then file order; date misses excluded") {
        const PolicySet set = fixture();
        const json profile = {{"education", "high_school"}, {"graduation_date", "2000-01-01"}, {"employed_here", false},
                              {"age", 50}, {"owns_home", true}, {"first_time_founder", true}, {"maker_types", json::array({"youth"})}};
        const Evaluation evaluation = evaluate(set, profile, kToday);
        const std::vector<int> misses = closest_misses(evaluation);
        // living-allowance 3 failed, rent-subsidy 2 (no-home, employed; insured unknown), founder-loan 1, maker-bonus 2,
        // youth-apartment 2 (young, graduate; maker passes); old-programme is expired.
        CHECK(policy_ids(set, misses) ==
              std::vector<std::string>{"founder-loan", "rent-subsidy", "maker-bonus", "youth-apartment", "living-allowance"});
    }

    TEST_CASE("answers of the wrong type are read as they are, without crashing") {
        const PolicySet set = fixture();
        const json odd = {{"education", 3}, {"age", "old"}, {"graduation_date", "soon"}, {"maker_types", "tech"}, {"employed_here", nullptr}};
        const Evaluation evaluation = evaluate(set, odd, kToday);
        CHECK(evaluation.results.size() == set.policies.size());
        CHECK(evaluate(set, json::array(), kToday).results.size() == set.policies.size());  // not even an object
        const std::vector<ProfileProblem> problems = check_profile(set, odd);
        CHECK(problems.size() == 5);
    }

    TEST_CASE("evaluating thousands of policies is quick") {
        json policies = json::array();
        for (int i = 0; i < 5000; ++i) {
            policies.push_back(policy_json("p" + std::to_string(i),
                                           json::array({criterion("a", {{">=", {{{"rank", {{{"var", "education"}}}}}, i % 5}}}),
                                                        criterion("b", {{"<=", {{{"var", "age"}}, 20 + i % 30}}})}),
                                           {{"benefits", {{{"kind", "cash"}, {"amount", 1000 + i}}}}}));
        }
        const PolicySet set = load_valid(document_with(policies));
        const Evaluation evaluation = evaluate(set, {{"education", "master"}, {"age", 30}}, kToday);
        // Every policy gets its outcome, and the bundle search over 5000 unrelated policies stays exact and linear.
        CHECK(evaluation.results.size() == 5000);
        CHECK(evaluation.best_bundle.exact);
        CHECK(evaluation.best_bundle.work <= 5000);
        const auto eligible = std::count_if(evaluation.results.begin(), evaluation.results.end(),
                                            [](const PolicyOutcome& o) { return o.status == Status::eligible; });
        long expected = 0;
        for (int i = 0; i < 5000; ++i) expected += (i % 5 <= 3 && i % 30 >= 10) ? 1 : 0;  // rank 3 >= i%5; 30 <= 20 + i%30
        CHECK(eligible == expected);
        CHECK(evaluation.best_bundle.policies.size() == static_cast<std::size_t>(eligible));
    }
}
