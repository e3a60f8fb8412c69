#include "core/result_layers.hpp"

#include <algorithm>

namespace portal::core {
namespace {

bool out_of_dates(const PolicyOutcome& o) {
    return o.reason == IneligibleReason::expired || o.reason == IneligibleReason::not_yet_valid;
}

// Nothing to answer: the terms are not published (no missing question while undecided), or they are an example.
bool only_to_ask_about(const PolicyOutcome& o) {
    if (o.status == Status::ineligible && out_of_dates(o)) return false;
    return o.certainty == Certainty::illustrative || (o.status == Status::unknown && o.missing.empty());
}

}  // namespace

// One walk over the outcomes (all of them, after every answer): the ruled out are closest_misses()' order, the
// misses on criteria fewest failed first, then those out of their dates in file order.
ResultLayers result_layers(const Evaluation& evaluation) {
    ResultLayers layers;
    const auto& results = evaluation.results;
    std::vector<int> open;    // parallel to could_apply: how many questions each has open
    std::vector<int> misses;  // ruled out on their criteria
    std::vector<int> failed;  // parallel to misses: how many criteria each failed
    std::vector<int> dated_out;  // ruled out by their dates
    for (const PolicyOutcome& o : results) {
        if (only_to_ask_about(o)) layers.ask_about.push_back(o.policy);
        else if (o.status == Status::eligible) layers.qualify.push_back(o.policy);
        else if (o.status == Status::unknown) layers.could_apply.push_back(o.policy), open.push_back(static_cast<int>(o.missing.size()));
        else if (o.reason == IneligibleReason::criteria) misses.push_back(o.policy), failed.push_back(static_cast<int>(o.failed.size()));
        else dated_out.push_back(o.policy);
    }
    const auto total = [&](int p) { return results[static_cast<std::size_t>(p)].benefit_total.value_or(0); };
    std::stable_sort(layers.qualify.begin(), layers.qualify.end(), [&](int a, int b) { return total(a) > total(b); });
    layers.could_apply = fewest_first(layers.could_apply, open);
    layers.ruled_out = fewest_first(misses, failed);
    layers.ruled_out.insert(layers.ruled_out.end(), dated_out.begin(), dated_out.end());
    return layers;
}

std::vector<int> deciding_questions(const Evaluation& evaluation, int policy, std::size_t limit) {
    if (policy < 0 || static_cast<std::size_t>(policy) >= evaluation.results.size()) return {};
    const PolicyOutcome& o = evaluation.results[static_cast<std::size_t>(policy)];
    std::vector<int> questions = o.missing;
    const auto askable = [&](int q) {
        const auto i = static_cast<std::size_t>(q);
        return i < evaluation.questions.size() && evaluation.questions[i] == QuestionState::askable;
    };
    const auto weight = [&](int q) {
        return std::count_if(o.criteria.begin(), o.criteria.end(), [&](const CriterionOutcome& c) {
            return c.status == CriterionStatus::unknown && std::binary_search(c.missing.begin(), c.missing.end(), q);
        });
    };
    std::stable_sort(questions.begin(), questions.end(), [&](int a, int b) {
        if (askable(a) != askable(b)) return askable(a);
        return weight(a) > weight(b);
    });
    if (questions.size() > limit) questions.resize(limit);
    return questions;
}

}  // namespace portal::core
