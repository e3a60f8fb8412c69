#include "report/amounts.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/matcher.hpp"

namespace portal::report {
namespace {

constexpr std::size_t kMaxCombinations = 256;

using Choices = std::vector<std::pair<std::string, std::vector<nlohmann::json>>>;

std::vector<nlohmann::json> enumerable_answers(const core::Question& question) {
    std::vector<nlohmann::json> values;
    if (question.type == core::QuestionType::boolean) return {true, false};
    if (question.type != core::QuestionType::choice) return values;
    for (const core::Option& option : question.options) values.emplace_back(option.value);
    return values;
}

std::vector<core::Profile> all_profiles(const Choices& choices) {
    std::vector<core::Profile> profiles{core::Profile::object()};
    for (const auto& [question, answers] : choices) {
        std::vector<core::Profile> next;
        for (const core::Profile& base : profiles) {
            for (const nlohmann::json& answer : answers) {
                next.push_back(base);
                next.back()[question] = answer;
            }
        }
        profiles = std::move(next);
    }
    return profiles;
}

// The questions a rule reads with their possible answers, or nullopt when there are too many or they are open.
std::optional<Choices> rule_choices(const core::PolicySet& set, const core::CompiledRule& rule) {
    Choices choices;
    std::size_t combinations = 1;
    for (const std::string& name : rule.variables()) {
        const int q = set.question_index(name);
        if (q < 0) return std::nullopt;
        std::vector<nlohmann::json> answers = enumerable_answers(set.questions[static_cast<std::size_t>(q)]);
        combinations *= answers.size();
        if (answers.empty() || combinations > kMaxCombinations) return std::nullopt;
        choices.emplace_back(name, std::move(answers));
    }
    return choices;
}

}  // namespace

std::optional<AmountRange> benefit_total_range(const core::PolicySet& set, int policy, int benefit,
                                               const core::Date& as_of) {
    const auto& b = set.policies[static_cast<std::size_t>(policy)].benefits[static_cast<std::size_t>(benefit)];
    if (b.amount) return AmountRange{*b.amount * b.periods, *b.amount * b.periods};
    if (!b.amount_rule) return std::nullopt;
    const auto choices = rule_choices(set, *b.amount_rule);
    if (!choices) return std::nullopt;
    std::optional<AmountRange> range;
    for (const core::Profile& profile : all_profiles(*choices)) {
        const auto total = core::evaluate_benefit(set, policy, benefit, profile, as_of).total;
        if (!total) continue;
        if (!range) range = AmountRange{*total, *total};
        range->min = std::min(range->min, *total);
        range->max = std::max(range->max, *total);
    }
    return range;
}

}  // namespace portal::report
