#include "app/policy_value.hpp"

#include <algorithm>
#include <vector>

#include "core/matcher.hpp"

namespace portal::app {

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
        target.up_to = target.up_to || range->min != range->max || b.up_to;  // a ceiling reads "最高"
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

void HeadlineValues::reset(const core::PolicySet& set, const core::Date& as_of) {
    set_ = &set;
    as_of_ = as_of;
    values_.assign(set.policies.size(), std::nullopt);
}

const HeadlineValue& HeadlineValues::operator[](std::size_t policy) const {
    std::optional<HeadlineValue>& value = values_[policy];
    if (!value) value = headline_value(*set_, static_cast<int>(policy), as_of_);
    return *value;
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
