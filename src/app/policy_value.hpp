// What a policy is worth at a glance, before anyone has answered a question: the "最高 50 万元 / up to CNY
// 500k" line on every card, and the key the explore view sorts by value. Derived from the benefits only.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

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

// Every policy's headline value, each worked out the first time it is asked for. An amount rule's range comes
// from trying every combination of its answers, the costliest step of loading in the browser, while a first
// screen shows only a few cards (docs/PERFORMANCE.md, section 6). The values never change once worked out, so
// this reads as immutable; it is not safe to share between threads (the app has one).
class HeadlineValues {
public:
    HeadlineValues() = default;
    HeadlineValues(const HeadlineValues&) = delete;
    HeadlineValues& operator=(const HeadlineValues&) = delete;

    // Forgets every value and answers for `set` from now on; `set` must stay where it is for as long as this is
    // used (the catalog owns both).
    void reset(const core::PolicySet& set, const core::Date& as_of);
    const HeadlineValue& operator[](std::size_t policy) const;
    std::size_t size() const { return values_.size(); }

private:
    const core::PolicySet* set_ = nullptr;
    core::Date as_of_;
    mutable std::vector<std::optional<HeadlineValue>> values_;
};

// Larger is more valuable: money first (by amount), then loans (by limit), then in-kind, then nothing.
double value_sort_key(const HeadlineValue& value);

}  // namespace portal::app
