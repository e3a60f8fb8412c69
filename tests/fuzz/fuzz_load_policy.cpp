// Fuzz target: a policy file from an author (or an attacker who tampered with it) as arbitrary bytes.
//
// The loader must never crash, leak or hit undefined behaviour, whatever the bytes: every problem becomes a
// diagnostic. When a policy set comes out, the rest of the pipeline that the portal runs on it at start-up
// (the search index, and one evaluation with no answers on a fixed date) must survive it too, because
// validation is the only gate between the file and those. And the JSON reader's quick path must build exactly
// the document nlohmann's parser builds, whenever it accepts the bytes and the byte scan before it does too; and
// the loader, which reads the policies one at a time from the text, must give what the whole parsed document gives.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/diagnostics.hpp"
#include "core/json_text.hpp"
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

void check_quick_path_matches_nlohmann(const std::string& text) {
    const auto quick = detail::parse_json_quickly(text);
    if (!quick || !parse_json_text(text, "fuzz.json").parsed) return;  // given up, or refused by the byte scan
    const nlohmann::json reference = nlohmann::json::parse(text, nullptr, false);
    require(!reference.is_discarded(), "the quick path accepts only what nlohmann accepts", text);
    const auto exact = [](const nlohmann::json& v) { return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); };
    require(exact(*quick) == exact(reference), "the quick path builds nlohmann's document", text);
}

// Everything a LoadResult says, as text: the policies kept (with their place in the file), the skipped ones
// and every diagnostic in order.
std::string summary(const LoadResult& result) {
    std::string out = result.set ? "set\n" : "fatal\n";
    if (result.set) {
        for (const Policy& policy : result.set->policies) out += policy.id + "@" + std::to_string(policy.file_index) + "\n";
    }
    for (const SkippedPolicy& skipped : result.skipped) out += "skipped " + std::to_string(skipped.index) + " " + skipped.id + "\n";
    for (const Diagnostic& diagnostic : result.diagnostics) out += to_string(diagnostic) + "\n";
    return out;
}

void check_streamed_load_matches_whole_document(const std::string& text, const LoadResult& streamed) {
    const LoadResult whole = load_parsed_policy_set(parse_json_text(text, "fuzz.json"), "fuzz.json");
    require(summary(streamed) == summary(whole), "the streamed load equals the whole document's", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(portal::fuzz::as_text(data, size));
    check_quick_path_matches_nlohmann(text);
    const LoadResult result = load_policy_set(text, "fuzz.json");
    check_diagnostics_are_located(result);
    check_streamed_load_matches_whole_document(text, result);
    if (result.set) exercise_loaded_set(*result.set);
    return 0;
}
