// Fuzz target: a policy file from an author (or an attacker who tampered with it) as arbitrary bytes.
//
// The loader must never crash, leak or hit undefined behaviour, whatever the bytes: every problem becomes a
// diagnostic. When a policy set comes out, the rest of the pipeline that the portal runs on it at start-up
// (the search index, and one evaluation with no answers on a fixed date) must survive it too, because
// validation is the only gate between the file and those.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/diagnostics.hpp"
#include "core/load.hpp"
#include "core/matcher.hpp"
#include "core/search.hpp"
#include "fuzz_support.hpp"

using namespace portal::core;
using portal::fuzz::require;

namespace {

void check_diagnostics_are_located(const LoadResult& result) {
    for (const Diagnostic& diagnostic : result.diagnostics) {
        require(!diagnostic.message.empty(), "every diagnostic explains itself", to_string(diagnostic));
        require(diagnostic.file == "fuzz.json", "every diagnostic names the file", to_string(diagnostic));
    }
    if (result.fatal()) require(has_errors(result.diagnostics), "a fatal load says why");
}

void exercise_loaded_set(const PolicySet& set) {
    const SearchIndex index(set);
    require(index.search("").size() == set.policies.size(), "an empty query lists every policy");
    index.search("补贴 subsidy a");

    const Date as_of{2024, 6, 1};
    const Evaluation evaluation = evaluate(set, Profile::object(), as_of);
    require(evaluation.results.size() == set.policies.size(), "one outcome per policy");
    for (int member : evaluation.best_bundle.policies) {
        const auto& outcome = evaluation.results.at(static_cast<std::size_t>(member));
        require(outcome.status == Status::eligible, "the best bundle holds eligible policies only");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const LoadResult result = load_policy_set(portal::fuzz::as_text(data, size), "fuzz.json");
    check_diagnostics_are_located(result);
    if (result.set) exercise_loaded_set(*result.set);
    return 0;
}
