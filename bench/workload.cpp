#include "workload.hpp"

#include <cstdio>
#include <cstdlib>

#include "alloc_tracker.hpp"
#include "core/json_text.hpp"

#ifdef PORTAL_BENCH_WITH_APP
#include "app/app_state.hpp"
#endif

namespace bench {
namespace {

volatile std::size_t g_sink = 0;

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "bench: %s\n", message.c_str());
    std::exit(2);
}

core::Profile member_or_exit(const nlohmann::json& document, const char* key) {
    auto found = document.find(key);
    if (found == document.end()) die(std::string("profiles.json has no \"") + key + "\"");
    return *found;
}

// The partial profile with the engine's next question answered the way the full profile answers it.
core::Profile answer_next_question(const core::PolicySet& set, const Profiles& profiles) {
    core::Profile answered = profiles.partial;
    const core::Evaluation evaluation = core::evaluate(set, answered, profiles.as_of);
    if (!evaluation.next_question) return answered;
    const std::string& id = set.questions[static_cast<std::size_t>(*evaluation.next_question)].id;
    if (profiles.full.contains(id)) answered[id] = profiles.full[id];
    return answered;
}

}  // namespace

void consume(std::size_t value) { g_sink = g_sink + value; }

#ifdef PORTAL_BENCH_WITH_APP
namespace {

constexpr const char* kBenchLang = "zh";

std::shared_ptr<portal::app::AppState> start_app(const std::string& text, const Profiles& profiles) {
    auto state = std::make_shared<portal::app::AppState>();
    portal::app::start(*state, text, "policies.json", kBenchLang, profiles.as_of.to_string());
    if (!state->catalog) die("the app could not start on the data: " + state->error);
    return state;
}

// Typing and deleting one character in turn, so every run is one keystroke that changes the list. The search
// forgets the queries it has seen first: each run searches every policy, as for a query never typed before.
void explore_keystroke(portal::app::AppState& state) {
    const std::string next = state.query == kChineseQuery ? std::string("补") : kChineseQuery;
    state.search.forget();
    portal::app::set_query(state, next);
    consume(state.list.visible.size());
}

// One keystroke of a word typed and deleted again (what bench/ui_scale.mjs types), in turn: "l" matches nearly
// every policy, each next letter narrows it, each Backspace goes back to a query seen a moment before. Each
// round starts with a search that remembers nothing, as for a word typed the first time.
void typing_keystroke(portal::app::AppState& state) {
    static const char* const kTyped[] = {"l", "lo", "loa", "loan", "loa", "lo", "l", ""};
    static std::size_t next = 0;
    if (next == 0) state.search.forget();
    portal::app::set_query(state, kTyped[next]);
    next = (next + 1) % (sizeof kTyped / sizeof kTyped[0]);
    consume(state.list.visible.size());
}

// One answer at a time, given and taken back in turn: the question the app asks next, answered the way the full
// profile answers it, then cleared again. Each run is what the app does between the click and the frame that
// shows the new statuses, counts, best bundle and next question. `from_scratch` makes the app forget its last
// evaluation first, so every policy is evaluated again (what every answer cost before re-evaluation was
// incremental): the two rows compare both in the same run.
void answer_step(portal::app::AppState& state, const Profiles& profiles, bool from_scratch) {
    static std::optional<int> given;
    if (from_scratch) state.evaluated_catalog.reset();
    if (given) {
        portal::app::clear_answer(state, *given);
        given.reset();
    } else if (const std::optional<int> question = portal::app::current_question(state)) {
        const std::string& id = state.catalog->set.questions[static_cast<std::size_t>(*question)].id;
        if (!profiles.full.contains(id)) die("profiles.json's full profile does not answer " + id);
        portal::app::answer(state, *question, profiles.full[id]);
        given = question;
    } else {
        die("the partial profile leaves no question to ask");
    }
    consume(state.evaluation.results.size());
}

}  // namespace
#endif

std::string read_file_or_exit(const std::string& path) {
    auto bytes = core::read_file_bytes(path);
    if (!bytes) die("cannot read " + path + " (generate the data: python3 bench/generate_policies.py)");
    return std::move(*bytes);
}

Profiles load_profiles_or_exit(const std::string& path) {
    const nlohmann::json document = nlohmann::json::parse(read_file_or_exit(path), nullptr, false);
    if (!document.is_object()) die(path + " is not a JSON object");
    Profiles profiles;
    const auto as_of = core::Date::parse(document.value("as_of", ""));
    if (!as_of) die(path + ": \"as_of\" must be a YYYY-MM-DD date");
    profiles.as_of = *as_of;
    profiles.empty = member_or_exit(document, "empty");
    profiles.partial = member_or_exit(document, "partial");
    profiles.full = member_or_exit(document, "full");
    for (const auto& profile : member_or_exit(document, "complete")) profiles.complete.push_back(profile);
    return profiles;
}

core::PolicySet load_and_validate(const std::string& text, const std::string& file) {
    core::LoadResult result = core::load_policy_set(text, file);
    if (result.fatal()) die(file + " could not be loaded");
    return std::move(*result.set);
}

Dataset prepare_dataset_or_exit(const std::string& path, const Profiles& profiles) {
    Dataset data;
    data.file = path;
    data.text = read_file_or_exit(path);
    {
        const HeapProbe probe;
        core::LoadResult result = core::load_policy_set(data.text, path);
        if (!result.ok()) {
            for (const auto& diagnostic : result.diagnostics) std::fprintf(stderr, "%s\n", core::to_string(diagnostic).c_str());
            die(path + " is not a valid policy file");
        }
        data.set = std::move(*result.set);
        result = core::LoadResult{};  // only the set stays
        data.set_bytes = probe.retained();
    }
    {
        const HeapProbe probe;
        data.index = core::SearchIndex(data.set);
        data.index_bytes = probe.retained();
    }
#ifdef PORTAL_BENCH_WITH_APP
    data.app = start_app(data.text, profiles);
    portal::app::replace_answers(*data.app, profiles.partial);  // the answer steps answer on from there
#endif
    data.full_evaluation = core::evaluate(data.set, profiles.full, profiles.as_of);
    data.answered = answer_next_question(data.set, profiles);
    return data;
}


core::SearchIndex build_search_index(const core::PolicySet& set) { return core::SearchIndex(set); }

core::Evaluation evaluate_profile(const core::PolicySet& set, const core::Profile& profile, const core::Date& as_of) {
    return core::evaluate(set, profile, as_of);
}

std::vector<int> search_keystroke(const core::SearchIndex& index, const std::string& query) { return index.search(query); }

std::optional<int> next_question_after(const core::PolicySet& set, const core::Profile& answered, const core::Date& as_of) {
    return core::evaluate(set, answered, as_of).next_question;
}

core::Bundle best_bundle_of(const core::PolicySet& set, const core::Evaluation& evaluation) {
    return core::best_bundle(set, evaluation.results);
}

const std::vector<Step>& steps() {
    static const std::vector<Step> all = {
        {"load+validate", [](const Dataset& d, const Profiles&) { consume(load_and_validate(d.text, d.file).policies.size()); }},
        // The JSON parse alone (document built and freed): load+validate minus this is reading the document.
        {"load: parse only", [](const Dataset& d, const Profiles&) { consume(core::parse_json_text(d.text, d.file).value.size()); }},
        {"search index", [](const Dataset& d, const Profiles&) {
             const core::SearchIndex index = build_search_index(d.set);
             consume(search_keystroke(index, "\x01").size());  // a query nothing contains: keeps the index used
         }},
        {"evaluate (empty)", [](const Dataset& d, const Profiles& p) { consume(evaluate_profile(d.set, p.empty, p.as_of).results.size()); }},
        {"evaluate (partial)", [](const Dataset& d, const Profiles& p) { consume(evaluate_profile(d.set, p.partial, p.as_of).results.size()); }},
        {"evaluate (full)", [](const Dataset& d, const Profiles& p) { consume(evaluate_profile(d.set, p.full, p.as_of).results.size()); }},
        {"search keystroke (zh)", [](const Dataset& d, const Profiles&) { consume(search_keystroke(d.index, kChineseQuery).size()); }},
        {"search keystroke (en)", [](const Dataset& d, const Profiles&) { consume(search_keystroke(d.index, kLatinQuery).size()); }},
        {"search keystroke (l)", [](const Dataset& d, const Profiles&) { consume(search_keystroke(d.index, kBroadQuery).size()); }},
        {"next question", [](const Dataset& d, const Profiles& p) { consume(next_question_after(d.set, d.answered, p.as_of).value_or(-1) + 1); }},
        {"best bundle", [](const Dataset& d, const Profiles&) { consume(best_bundle_of(d.set, d.full_evaluation).policies.size()); }},
#ifdef PORTAL_BENCH_WITH_APP
        {"app: start", [](const Dataset& d, const Profiles& p) { consume(start_app(d.text, p)->list.visible.size()); }},
        {"app: keystroke", [](const Dataset& d, const Profiles&) { explore_keystroke(*d.app); }},
        {"app: typing", [](const Dataset& d, const Profiles&) { typing_keystroke(*d.app); }},
        {"app: answer (every policy evaluated)", [](const Dataset& d, const Profiles& p) { answer_step(*d.app, p, true); }},
        {"app: answer", [](const Dataset& d, const Profiles& p) { answer_step(*d.app, p, false); }},
        // What the check view shows of an evaluation beyond its statuses (the results in layers, the questions
        // left, the best combination's notes): worked out once per answer now, and what every frame of the
        // check view cost before it was kept.
        {"app: check results", [](const Dataset& d, const Profiles&) {
             consume(portal::app::compute_check_results(*d.app->catalog, d.app->evaluation).layers.qualify.size());
         }},
#endif
    };
    return all;
}

}  // namespace bench
