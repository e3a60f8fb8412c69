#include "core/examples.hpp"

#include <cmath>

#include "core/diagnostics.hpp"
#include "core/jsonlogic.hpp"
#include "core/matcher.hpp"

namespace portal::core {
namespace {

std::string money_text(const std::optional<double>& amount) {
    return amount ? js_number_to_string(*amount) : "null";
}

bool same_total(const std::optional<double>& expected, const std::optional<double>& actual) {
    if (!expected || !actual) return !expected && !actual;
    return std::fabs(*expected - *actual) < 1e-6;
}

std::string question_list(const PolicySet& set, const std::vector<int>& questions) {
    std::string list;
    for (int q : questions) {
        if (!list.empty()) list += ", ";
        list += set.questions[static_cast<std::size_t>(q)].id;
    }
    return list;
}

std::string criterion_list(const Policy& policy, const std::vector<int>& criteria) {
    std::string list;
    for (int c : criteria) {
        if (!list.empty()) list += ", ";
        list += policy.criteria[static_cast<std::size_t>(c)].id;
    }
    return list;
}

// What the outcome was, in a few words an author can act on.
std::string describe(const PolicySet& set, const Policy& policy, const PolicyOutcome& outcome) {
    std::string text(to_string(outcome.status));
    if (outcome.status == Status::unknown && !outcome.missing.empty()) {
        text += " (missing: " + question_list(set, outcome.missing) + ")";
    } else if (outcome.reason == IneligibleReason::criteria && !outcome.failed.empty()) {
        text += " (failed: " + criterion_list(policy, outcome.failed) + ")";
    } else if (outcome.reason == IneligibleReason::not_yet_valid) {
        text += " (not valid yet)";
    } else if (outcome.reason == IneligibleReason::expired) {
        text += " (expired)";
    }
    return text;
}

ExampleResult run_one(const PolicySet& set, int policy_index, int example_index, const Date& fallback_date) {
    const Policy& policy = set.policies[static_cast<std::size_t>(policy_index)];
    const Example& example = policy.examples[static_cast<std::size_t>(example_index)];
    const Date as_of = example.as_of ? *example.as_of : set.as_of ? *set.as_of : fallback_date;
    const PolicyOutcome outcome = evaluate_policy(set, policy_index, example.profile, as_of);

    ExampleResult result;
    result.policy = policy_index;
    result.example = example_index;
    result.pointer = pointer_append(pointer_append(pointer_append("/policies", policy.file_index), "examples"),
                                    static_cast<std::size_t>(example_index));
    const std::string label = policy.id + " example \"" + example.name + "\"";
    if (outcome.status != example.expect) {
        result.message = label + ": expected " + std::string(to_string(example.expect)) + ", got " +
                         describe(set, policy, outcome);
    } else if (example.has_benefit_total && !same_total(example.benefit_total, outcome.benefit_total)) {
        result.message = label + ": expected benefit_total " + money_text(example.benefit_total) + ", got " +
                         money_text(outcome.benefit_total);
    } else if (example.has_benefit_up_to && !same_total(example.benefit_up_to, outcome.benefit_up_to)) {
        result.message = label + ": expected benefit_up_to " + money_text(example.benefit_up_to) + ", got " +
                         money_text(outcome.benefit_up_to);
    } else if (example.certainty && *example.certainty != outcome.certainty) {
        result.message = label + ": expected certainty " + std::string(to_string(*example.certainty)) + ", got " +
                         std::string(to_string(outcome.certainty));
    }
    result.passed = result.message.empty();
    return result;
}

}  // namespace

std::vector<ExampleResult> run_examples(const PolicySet& set, const Date& fallback_date) {
    std::vector<ExampleResult> results;
    for (std::size_t p = 0; p < set.policies.size(); ++p) {
        for (std::size_t e = 0; e < set.policies[p].examples.size(); ++e) {
            results.push_back(run_one(set, static_cast<int>(p), static_cast<int>(e), fallback_date));
        }
    }
    return results;
}

}  // namespace portal::core
