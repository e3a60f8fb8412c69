// The wasm side of the head-to-head (bench/head_to_head.mjs): our JsonLogic evaluator behind a batch entry point,
// so one call from JavaScript evaluates many rules on many data objects and the JS/wasm boundary costs nothing
// measurable.
//
// The rules are the ones the engine really runs: the loader compiles every criterion, rule amount and ask_if of a
// policy file (vars bound to question slots, rank tables resolved), and this module evaluates those compiled rules
// in complete mode (standard JsonLogic: an unanswered var is null), which is what json-logic-js does.
//
//   h2h_prepare(policy_text, data_json, as_of) -> rule count, or -1 (see h2h_error)
//   h2h_select(indices_json)                   -> evaluate only these rules (a JSON array of rule indices)
//   h2h_run(rounds, rule_major)                -> evaluations done: every selected rule on every data object
//   h2h_truthy()                               -> how many of the last run's results were truthy
//   h2h_results_json()                         -> one round's values as JSON [[rule 0 on data 0, ...], ...]
#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#else
#define EMSCRIPTEN_KEEPALIVE  // natively the same functions serve profiling (perf) of the evaluator
#endif

#include <string>
#include <vector>

#include "core/jsonlogic.hpp"
#include "core/load.hpp"

namespace {

using json = nlohmann::json;
using portal::core::CompiledRule;

struct Batch {
    portal::core::PolicySet set;
    std::vector<CompiledRule> rules;       // criteria, then rule amounts, then ask_if (file order within each)
    std::vector<std::size_t> selected;     // indices into rules
    std::vector<json> data;                // the data objects (profiles)
    std::vector<std::vector<const json*>> slots;  // per data object: its answers by question slot
    portal::core::Date as_of;
    std::size_t truthy = 0;                // truthy results of the last run (keeps the work observable)
    std::string error, reply;
};

Batch& batch() {
    static Batch instance;
    return instance;
}

// Every rule of the set in the order head_to_head.mjs collects them from the same file.
std::vector<CompiledRule> collect_rules(const portal::core::PolicySet& set) {
    std::vector<CompiledRule> rules;
    for (const auto& policy : set.policies) {
        for (const auto& criterion : policy.criteria) rules.push_back(criterion.rule);
    }
    for (const auto& policy : set.policies) {
        for (const auto& benefit : policy.benefits) {
            if (benefit.amount_rule) rules.push_back(*benefit.amount_rule);
        }
    }
    for (const auto& question : set.questions) {
        if (question.ask_if) rules.push_back(*question.ask_if);
    }
    return rules;
}

// A data object's answers in question order (nullptr = unanswered), the way the matcher hands them to rules.
std::vector<const json*> slots_of(const portal::core::PolicySet& set, const json& data) {
    std::vector<const json*> slots(set.questions.size(), nullptr);
    for (std::size_t q = 0; q < set.questions.size(); ++q) {
        auto found = data.find(set.questions[q].id);
        if (found != data.end()) slots[q] = &*found;
    }
    return slots;
}

portal::core::EvalInput input_for(const json& data, const std::vector<const json*>& slots, const portal::core::Date& as_of) {
    portal::core::EvalInput input;
    input.data = &data;
    input.slots = slots.data();
    input.slot_count = slots.size();
    input.mode = portal::core::EvalMode::complete;
    input.today = as_of;
    return input;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE int h2h_prepare(const char* policy_text, const char* data_json, const char* as_of) {
    Batch& b = batch();
    b = Batch{};
    auto loaded = portal::core::load_policy_set(policy_text, "policies.json");
    if (!loaded.ok()) {
        b.error = loaded.diagnostics.empty() ? "the policy file is not valid" : portal::core::to_string(loaded.diagnostics[0]);
        return -1;
    }
    b.set = std::move(*loaded.set);
    const json data = json::parse(data_json, nullptr, false);
    const auto date = portal::core::Date::parse(as_of);
    if (!data.is_array() || !date) {
        b.error = "data must be a JSON array and as_of a YYYY-MM-DD date";
        return -1;
    }
    b.as_of = *date;
    b.data.assign(data.begin(), data.end());
    b.rules = collect_rules(b.set);
    for (std::size_t i = 0; i < b.rules.size(); ++i) b.selected.push_back(i);
    return static_cast<int>(b.rules.size());
}

EMSCRIPTEN_KEEPALIVE int h2h_select(const char* indices_json) {
    Batch& b = batch();
    const json indices = json::parse(indices_json, nullptr, false);
    if (!indices.is_array()) return -1;
    b.selected.clear();
    for (const json& index : indices) {
        if (!index.is_number_unsigned() || index.get<std::size_t>() >= b.rules.size()) return -1;
        b.selected.push_back(index.get<std::size_t>());
    }
    return static_cast<int>(b.selected.size());
}

// The timed loop, in either order:
//  - profile-major (rule_major = 0): for each data object, every rule, the way the matcher re-evaluates all
//    policies for one visitor's answers; each rule is touched once per profile, so its compiled form is usually
//    cold in the cache;
//  - rule-major (rule_major = 1): for each rule, every data object; the rule stays hot.
// The answers are looked up once per data object (as the matcher does per profile). The truthy results are
// counted so the work cannot be optimised away.
EMSCRIPTEN_KEEPALIVE double h2h_run(int rounds, int rule_major) {
    Batch& b = batch();
    std::vector<std::vector<const json*>> slots;
    for (const json& data : b.data) slots.push_back(slots_of(b.set, data));
    const auto evaluate = [&](std::size_t rule, std::size_t data, json& value) {
        const portal::core::EvalInput input = input_for(b.data[data], slots[data], b.as_of);
        if (b.rules[rule].evaluate_value(input, value) && portal::core::js_truthy(value)) ++b.truthy;
    };
    json value;
    for (int round = 0; round < rounds; ++round) {
        b.truthy = 0;
        if (rule_major != 0) {
            for (std::size_t rule : b.selected) {
                for (std::size_t data = 0; data < b.data.size(); ++data) evaluate(rule, data, value);
            }
        } else {
            for (std::size_t data = 0; data < b.data.size(); ++data) {
                for (std::size_t rule : b.selected) evaluate(rule, data, value);
            }
        }
    }
    return static_cast<double>(b.selected.size() * b.data.size()) * rounds;
}

// Truthy results of the last h2h_run (the JS side counts its own: a second cross-check).
EMSCRIPTEN_KEEPALIVE double h2h_truthy() { return static_cast<double>(batch().truthy); }

EMSCRIPTEN_KEEPALIVE const char* h2h_results_json() {
    Batch& b = batch();
    json results = json::array();
    json value;
    for (std::size_t index : b.selected) {
        json row = json::array();
        for (const json& data : b.data) {
            const std::vector<const json*> slots = slots_of(b.set, data);
            row.push_back(b.rules[index].evaluate_value(input_for(data, slots, b.as_of), value) ? value : json("<error>"));
        }
        results.push_back(std::move(row));
    }
    b.reply = results.dump(-1, ' ', false, json::error_handler_t::replace);
    return b.reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* h2h_error() { return batch().error.c_str(); }

}  // extern "C"
