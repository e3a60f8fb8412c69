#include "app/check_results.hpp"

#include "app/catalog.hpp"

namespace portal::app {
namespace {

// Why each qualifying policy outside the best combination is left out of it.
void left_out_of_bundle(const Catalog& catalog, const core::Evaluation& evaluation, CheckResults& out) {
    const std::vector<int>& bundle = evaluation.best_bundle.policies;
    std::vector<char> in_bundle(evaluation.results.size(), 0);
    for (int p : bundle) in_bundle[static_cast<std::size_t>(p)] = 1;
    out.conflicts_from.push_back(0);
    for (int policy : out.layers.qualify) {
        const auto i = static_cast<std::size_t>(policy);
        if (in_bundle[i]) continue;
        // The policy's own exclusions (a handful) against the members, not every member against them (hundreds
        // of searches per policy at 10,000): both lists are sorted, so the conflicts come in the combination's order.
        const std::size_t first = out.conflicts.size();
        for (int other : catalog.set.exclusions[i]) {
            if (in_bundle[static_cast<std::size_t>(other)]) out.conflicts.push_back(other);
        }
        if (out.conflicts.size() > first || !evaluation.results[i].benefit_total) {
            out.left_out.push_back(policy);
            out.conflicts_from.push_back(static_cast<int>(out.conflicts.size()));
        }
        if (catalog.headlines[i].kind == HeadlineValue::Kind::loan) out.loans_left_out.push_back(policy);
    }
}

}  // namespace

CheckResults compute_check_results(const Catalog& catalog, const core::Evaluation& evaluation) {
    CheckResults out;
    out.layers = core::result_layers(evaluation);
    // An evaluation of other data than the catalog's has no policy to name (never drawn: the intents keep the two together).
    if (evaluation.results.size() == catalog.set.policies.size()) left_out_of_bundle(catalog, evaluation, out);
    return out;
}

const CheckResults& CheckResultsCache::get(const Catalog& catalog, const core::Evaluation& evaluation) const {
    if (!built_ || catalog_ != &catalog || revision_ != evaluation.revision) {
        results_ = compute_check_results(catalog, evaluation);
        catalog_ = &catalog;
        revision_ = evaluation.revision;
        built_ = true;
        ++builds_;
    }
    return results_;
}

}  // namespace portal::app
