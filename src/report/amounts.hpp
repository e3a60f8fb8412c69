// What a benefit can be worth before anyone answers: the range of amount x periods over every answer to the
// questions its amount rule reads. Pure core logic; the same idea as app::benefit_total_range, kept here so
// the report layer does not depend on the app (the app may forward to this one).
#pragma once

#include <optional>

#include "core/date.hpp"
#include "core/model.hpp"
#include "wording/wording.hpp"

namespace portal::report {

using wording::AmountRange;

// The smallest and largest total (amount x periods) of benefit `benefit` of policy `policy`. A fixed amount is
// itself; an amount rule is tried on every combination of answers to the boolean and choice questions it reads
// (at most 256). nullopt when there is no amount or the rule reads a question that cannot be enumerated.
std::optional<AmountRange> benefit_total_range(const core::PolicySet& set, int policy, int benefit,
                                               const core::Date& as_of);

}  // namespace portal::report
