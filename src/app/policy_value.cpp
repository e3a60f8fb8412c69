#include "app/policy_value.hpp"

#include <algorithm>
#include <vector>

#include "core/matcher.hpp"

namespace portal::app {
namespace {

// More combinations than this means the rule reads many questions; the figure would cost too much to find.
constexpr std::size_t kMaxCombinations = 256;

// The answers a question can take, when there are few enough to try them all.
std::optional<std::vector<nlohmann::json>> enumerable_answers(const core::Question& question) {
    switch (question.type) {
        case core::QuestionType::boolean:
            return std::vector<nlohmann::json>{true, false};
        case core::QuestionType::choice: {
            std::vector<nlohmann::json> values;
            for (const core::Option& option : question.options) values.emplace_back(option.value);
            return values;
        }
        default:
            return std::nullopt;
    }
}

// Every profile made of one answer per question in `choices` (a cartesian product).
std::vector<core::Profile> all_profiles(const std::vector<std::pair<std::string, std::vector<nlohmann::json>>>& choices) {
    std::vector<core::Profile> profiles{core::Profile::object()};
    for (const auto& [question, answers] : choices) {
        std::vector<core::Profile> next;
        next.reserve(profiles.size() * answers.size());
        for (const core::Profile& base : profiles) {
            for (const nlohmann::json& answer : answers) {
                core::Profile profile = base;
                profile[question] = answer;
                next.push_back(std::move(profile));
            }
        }
        profiles = std::move(next);
    }
    return profiles;
}

}  // namespace

std::optional<AmountRange> benefit_total_range(const core::PolicySet& set, int policy, int benefit,
                                               const core::Date& as_of) {
    const core::Benefit& b = set.policies[static_cast<std::size_t>(policy)].benefits[static_cast<std::size_t>(benefit)];
    if (b.amount) return AmountRange{*b.amount * b.periods, *b.amount * b.periods};
    if (!b.amount_rule) return std::nullopt;

    std::vector<std::pair<std::string, std::vector<nlohmann::json>>> choices;
    std::size_t combinations = 1;
    for (const std::string& name : b.amount_rule->variables()) {
        const int q = set.question_index(name);
        if (q < 0) return std::nullopt;
        auto answers = enumerable_answers(set.questions[static_cast<std::size_t>(q)]);
        if (!answers || answers->empty()) return std::nullopt;
        combinations *= answers->size();
        if (combinations > kMaxCombinations) return std::nullopt;
        choices.emplace_back(name, std::move(*answers));
    }

    std::optional<AmountRange> range;
    for (const core::Profile& profile : all_profiles(choices)) {
        const core::PolicyOutcome outcome = core::evaluate_policy(set, policy, profile, as_of);
        const auto& total = outcome.benefits[static_cast<std::size_t>(benefit)].total;
        if (!total) continue;
        if (!range) range = AmountRange{*total, *total};
        range->min = std::min(range->min, *total);
        range->max = std::max(range->max, *total);
    }
    return range;
}

HeadlineValue headline_value(const core::PolicySet& set, int policy, const core::Date& as_of) {
    const core::Policy& p = set.policies[static_cast<std::size_t>(policy)];
    HeadlineValue money{HeadlineValue::Kind::money};
    HeadlineValue loan{HeadlineValue::Kind::loan};
    bool has_money = false, has_loan = false, has_unknown = false;
    int first_without_figure = -1;
    for (std::size_t i = 0; i < p.benefits.size(); ++i) {
        const core::Benefit& b = p.benefits[i];
        if (b.unit != "CNY" || !b.has_amount()) {
            if (first_without_figure < 0) first_without_figure = static_cast<int>(i);
            continue;
        }
        const auto range = benefit_total_range(set, policy, static_cast<int>(i), as_of);
        if (!range) {
            has_unknown = true;
            continue;
        }
        HeadlineValue& target = b.counts_in_total() ? money : loan;
        (b.counts_in_total() ? has_money : has_loan) = true;
        if (b.counts_in_total()) target.amount += range->max;
        else target.amount = std::max(target.amount, range->max);
        target.up_to = target.up_to || range->min != range->max;
    }
    if (has_money) {
        money.up_to = money.up_to || has_unknown;
        return money;
    }
    if (has_loan) return loan;
    if (has_unknown) return HeadlineValue{HeadlineValue::Kind::unknown};
    if (first_without_figure >= 0) {
        HeadlineValue in_kind{HeadlineValue::Kind::in_kind};
        in_kind.benefit = first_without_figure;
        return in_kind;
    }
    return HeadlineValue{};
}

double value_sort_key(const HeadlineValue& value) {
    // Bands keep kinds apart whatever the figures: money above every loan limit, loans above in-kind.
    constexpr double kBand = 1e15;
    switch (value.kind) {
        case HeadlineValue::Kind::money: return 3 * kBand + value.amount;
        case HeadlineValue::Kind::loan: return 2 * kBand + value.amount;
        case HeadlineValue::Kind::unknown: return 1.5 * kBand;
        case HeadlineValue::Kind::in_kind: return 1 * kBand;
        case HeadlineValue::Kind::none: return 0;
    }
    return 0;
}

}  // namespace portal::app
