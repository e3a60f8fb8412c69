// What a policy is worth at a glance, before anyone has answered a question: the "最高 50 万元 / up to CNY
// 500k" line on every card, and the key the explore view sorts by value. Derived from the benefits only.
#pragma once

#include <optional>

#include "core/date.hpp"
#include "core/model.hpp"

namespace portal::app {

struct HeadlineValue {
    enum class Kind {
        money,    // cash, vouchers, waivers... that a person receives: `amount` is their summed maximum
        loan,     // only loans: `amount` is the largest loan limit (never money received)
        in_kind,  // benefits without a figure (a free apartment, mentoring): `benefit` names the first
        unknown,  // amounts that depend on answers we cannot enumerate (a number or a date)
        none,     // no benefits listed
    };
    Kind kind = Kind::none;
    double amount = 0;
    bool up_to = false;   // the amount depends on the applicant, so it is a maximum ("最高")
    int benefit = -1;     // in_kind: index into Policy::benefits
};

// The largest total (amount x periods) benefit `benefit` of `policy` can give. A fixed amount is itself; an
// amount rule is evaluated for every combination of answers to the boolean and choice questions it reads (a
// handful: education x double first-class is 10). nullopt when the benefit has no amount, or the rule reads a
// question that cannot be enumerated (number, date, multi) or has too many combinations.
struct AmountRange {
    double min = 0;
    double max = 0;
};
std::optional<AmountRange> benefit_total_range(const core::PolicySet& set, int policy, int benefit,
                                               const core::Date& as_of);

HeadlineValue headline_value(const core::PolicySet& set, int policy, const core::Date& as_of);

// Larger is more valuable: money first (by amount), then loans (by limit), then in-kind, then nothing.
double value_sort_key(const HeadlineValue& value);

}  // namespace portal::app
