// Running the `examples` that authors ship with each policy (`policyctl test`): each is a profile, a date and
// the expected status (and optionally benefit_total, benefit_up_to and certainty).
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace portal::core {

struct ExampleResult {
    int policy = 0;       // index into PolicySet::policies
    int example = 0;      // index into Policy::examples
    bool passed = false;
    std::string pointer;  // "/policies/<file index>/examples/<i>"
    std::string message;  // why it failed; empty when passed
};

// `fallback_date` is used when neither the example nor the file gives as_of.
std::vector<ExampleResult> run_examples(const PolicySet& set, const Date& fallback_date);

}  // namespace portal::core
