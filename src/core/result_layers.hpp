// The visitor's results in the layers a person acts on, shared by the check view and the downloadable summary
// so both say the same thing: what you qualify for, what could apply (with the answers that would decide it),
// programmes to ask about (no published terms, or only example terms), and what is ruled out.
#pragma once

#include <cstddef>
#include <vector>

#include "core/matcher.hpp"

namespace portal::core {

struct ResultLayers {
    std::vector<int> qualify;      // eligible on published terms; largest assessed amount first
    std::vector<int> could_apply;  // undecided with questions left to ask; fewest open questions first
    // Nothing a visitor can answer settles these: terms not published, or only example terms (an example never
    // counts as qualifying, nor as ruled out). File order.
    std::vector<int> ask_about;
    std::vector<int> ruled_out;    // closest misses first (closest_misses), then those out of their dates
};

// Policy indices of `evaluation` in layers; every policy lands in exactly one.
ResultLayers result_layers(const Evaluation& evaluation);

// The answers that would decide the undecided policy `policy`, at most `limit`: among the unanswered questions
// its undecided criteria read, those that can be asked now first, then those read by more of those criteria
// (an answer that settles several conditions at once decides more), then question order.
std::vector<int> deciding_questions(const Evaluation& evaluation, int policy, std::size_t limit = 2);

}  // namespace portal::core
