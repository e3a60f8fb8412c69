// What a policy is worth at a glance, before anyone has answered a question: the "最高 50 万元 / up to CNY
// 500k" line on every card, and the key the explore view sorts by value. Derived from the benefits only.
#pragma once

#include <optional>

#include "core/date.hpp"
#include "core/model.hpp"
#include "report/amounts.hpp"

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

// What a benefit can be worth before any answer: computed once, in the report layer, for the cards and paper alike.
using report::AmountRange;
using report::benefit_total_range;

HeadlineValue headline_value(const core::PolicySet& set, int policy, const core::Date& as_of);

// Larger is more valuable: money first (by amount), then loans (by limit), then in-kind, then nothing.
double value_sort_key(const HeadlineValue& value);

}  // namespace portal::app
