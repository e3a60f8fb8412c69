// The engine workloads the benchmarks time, shared by the Google Benchmark suite (native), the plain timing loop
// (native and wasm under node) and their smoke tests, so every figure comes from the same calls. Each step is one
// call the app makes: loading the data at startup, building the search index, re-evaluating every policy after an
// answer, one search keystroke, the next question after an answer, the best bundle.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/load.hpp"
#include "core/matcher.hpp"
#include "core/profile.hpp"
#include "core/search.hpp"

namespace portal::app {
struct AppState;
}

namespace bench {

namespace core = portal::core;

// The profiles bench/generate_policies.py writes to profiles.json.
struct Profiles {
    core::Date as_of;
    core::Profile empty, partial, full;
    std::vector<core::Profile> complete;  // every question answered (the head-to-head's data)
};

// Everything the steps read for one policy file, prepared once (untimed).
struct Dataset {
    std::string file;
    std::string text;                  // the file's bytes
    core::PolicySet set;
    core::SearchIndex index;
    core::Evaluation full_evaluation;  // the full profile evaluated: the best bundle's input
    core::Profile answered;            // the partial profile plus an answer to its next question
    long long set_bytes = 0;           // heap the loaded policy set keeps
    long long index_bytes = 0;         // heap the search index keeps
    // The app's state (src/app) when the benchmark is built with it: its steps change the query, so it is
    // shared and mutable even in a const Dataset.
    std::shared_ptr<portal::app::AppState> app;
};

struct Step {
    std::string name;
    std::function<void(const Dataset&, const Profiles&)> run;
};

// Reads a whole file or exits with a message: a benchmark with missing inputs must not print figures.
std::string read_file_or_exit(const std::string& path);
Profiles load_profiles_or_exit(const std::string& path);
Dataset prepare_dataset_or_exit(const std::string& path, const Profiles& profiles);

// The steps in the order the tables list them. With PORTAL_BENCH_WITH_APP (the app library was built) two app
// steps follow the engine's: starting the app on the data (what portal_start() does before fonts and GL), and one
// keystroke in the explore view's search box (the query changes, the list and its filter counts are rebuilt),
// alternating two queries; and typing a word letter by letter and deleting it again, one keystroke per run.
const std::vector<Step>& steps();

// --- the steps themselves (also called by the smoke tests) ------------------------------------------------------
core::PolicySet load_and_validate(const std::string& text, const std::string& file);
core::SearchIndex build_search_index(const core::PolicySet& set);
core::Evaluation evaluate_profile(const core::PolicySet& set, const core::Profile& profile, const core::Date& as_of);
std::vector<int> search_keystroke(const core::SearchIndex& index, const std::string& query);
// The visitor answers the question the engine asked; the engine re-evaluates and asks the next one.
std::optional<int> next_question_after(const core::PolicySet& set, const core::Profile& answered, const core::Date& as_of);
core::Bundle best_bundle_of(const core::PolicySet& set, const core::Evaluation& evaluation);

// The queries typed in the search steps: a Chinese word (one IME commit), a Latin prefix (one more letter), and
// the first letter of a word, which matches nearly every policy (the widest result list to rank).
inline const std::string kChineseQuery = "补贴";
inline const std::string kLatinQuery = "subs";
inline const std::string kBroadQuery = "l";

// Keeps results alive so the optimiser cannot drop the work that produced them.
void consume(std::size_t value);

}  // namespace bench
