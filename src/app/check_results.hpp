// What the check view shows of an evaluation that takes a walk over every policy to work out: the results in
// layers (sorted) and what the best combination leaves out. (How many undecided policies each question could
// still settle comes with the evaluation: core::Evaluation::undecided_readers.) Worked out once per evaluation and kept, so the frames that draw it only read: at 10,000 policies
// the sorts and walks cost more than the rest of a frame.
#pragma once

#include <cstdint>
#include <vector>

#include "core/matcher.hpp"
#include "core/result_layers.hpp"

namespace portal::app {

struct Catalog;

struct CheckResults {
    core::ResultLayers layers;
    // Policies that qualify but are not in the best combination, in the order they qualify (layers.qualify),
    // each with the members of the combination it cannot be combined with: left_out[i]'s are
    // conflicts[conflicts_from[i]] up to conflicts[conflicts_from[i + 1]], in the combination's order; none means
    // it is left out because its amount is not known yet. And those of them that are loans (never in a total).
    std::vector<int> left_out;
    std::vector<int> conflicts_from;  // one more than left_out
    std::vector<int> conflicts;
    std::vector<int> loans_left_out;
};

// Everything above for `evaluation` over `catalog` (pure; the cache below calls it).
CheckResults compute_check_results(const Catalog& catalog, const core::Evaluation& evaluation);

// The check results of the evaluation last asked for, kept until another evaluation (another revision) or
// another catalog is asked for. The key is structural: reevaluate() stamps every change with a new revision,
// so no intent has to remember to throw the results away. Reading is const (a frame only reads the state).
class CheckResultsCache {
public:
    const CheckResults& get(const Catalog& catalog, const core::Evaluation& evaluation) const;
    const CheckResults& none() const { return none_; }  // before the data is loaded
    long builds() const { return builds_; }  // how many times the results were worked out (tests count them)

private:
    mutable const Catalog* catalog_ = nullptr;
    mutable std::uint64_t revision_ = 0;
    mutable bool built_ = false;
    mutable CheckResults results_;
    mutable long builds_ = 0;
    CheckResults none_;
};

}  // namespace portal::app
