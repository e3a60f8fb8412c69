// JsonLogic (https://jsonlogic.com) with three-valued evaluation for partial profiles.
//
// Rules are compiled once into a flat tree (operator enum, var slots, literals kept as JSON, string literals also as
// pooled text) packed into one block, and then evaluated many times without copying the rule or the data:
// thousands of policies are re-checked on every answer, in the browser.
//
// Two modes:
//  - complete: standard JsonLogic, as json-logic-js behaves (an absent var is null, defaults honoured). Passes
//    the official conformance suite (tests/data/jsonlogic-tests.json).
//  - partial:  an absent var without a default is *unknown*, and unknown propagates as docs/POLICY-FORMAT.md says
//    (and/or/!/!!/if/missing/missing_some have their own rules; every other operator is unknown when an operand
//    is). Inside map/filter/reduce/all/none/some the data is an array element, never the profile, so nothing
//    there is unknown.
//
// Extension operators: rank, years_since, months_since, days_since, today (see docs/POLICY-FORMAT.md).
// `log` is a no-op that returns its argument: printing from rules would go to the browser console.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.hpp"

namespace portal::core {

enum class EvalMode { complete, partial };

// Three-valued truth of a rule: the JsonLogic truthiness of a known result, or unknown.
enum class Truth : std::uint8_t { no, yes, unknown };

// Every operator name the evaluator accepts, standard and extension, in a stable order.
const std::vector<std::string_view>& known_operators();
bool is_known_operator(std::string_view name);

// JsonLogic's truthiness ([] and "" and 0 and null are false) and JavaScript's conversions, exposed because the
// matcher and tests need the same answers as the evaluator.
bool js_truthy(const nlohmann::json& value);
double js_to_number(const nlohmann::json& value);      // Number(value)
std::string js_to_string(const nlohmann::json& value); // String(value)
std::string js_number_to_string(double number);        // 0.1+0.2 -> "0.30000000000000004", 1e21 -> "1e+21"
// A JSON number for `number`: an integer when it is integral and exactly representable, so 3 prints as 3.
nlohmann::json json_number(double number);

// ---- compiling -------------------------------------------------------------------------------------------

// Storage shared by the rules compiled with it (a policy set's): their compiled forms are laid out one after
// another in compile order, so evaluating every rule of a set reads memory front to back instead of jumping
// between blocks spread over the heap. It lives as long as any rule compiled into it.
class RuleArena;
std::shared_ptr<RuleArena> make_rule_arena();

struct CompileOptions {
    // Binds a var name to a slot, so evaluation reads the answer from EvalInput::slots instead of searching the
    // data object. Return -1 for names that are not bound. Unset: nothing is bound.
    std::function<int(std::string_view var_name)> slot_of;
    // The ordered option values of the choice question a var names, for `rank`; nullopt when the name is not
    // an ordered choice question. Unset: `rank` cannot be compiled (an error).
    std::function<std::optional<std::vector<std::string>>(std::string_view var_name)> ordered_options_of;
    // Deepest allowed nesting of operations (and of arrays holding rules); the outermost operation is depth 1.
    int max_depth = 64;
    // Strict rules (policy files): an object that is not a single-key operation is an error instead of being
    // passed through as data the way json-logic-js does.
    bool strict = false;
    // Where the compiled form goes; unset: a heap block of the rule's own.
    std::shared_ptr<RuleArena> arena;
};

// A problem found while compiling; `pointer` is relative to the rule ("/and/1/==/0").
struct RuleIssue {
    std::string pointer;
    std::string message;
};

// A var read at the profile level with a literal path (never inside map/filter/...): what validation checks.
struct VarUse {
    std::string name;
    std::string pointer;
    bool has_default = false;
};

// A literal string compared with a var, as in {"==":[{"var":"education"},"phd"]}, {"in":[{"var":"x"},["a","b"]]}
// or {"in":["maker",{"var":"types"}]}: validation checks the value is one of that question's options.
struct ChoiceUse {
    std::string var;
    std::string value;
    std::string pointer;  // the literal's position
};

// One var read during an evaluation: `var` indexes CompiledRule::variables(); `slot` is variable_slot(var),
// carried so a matcher reading thousands of rules after an answer needs no second look into each rule.
struct VarRead {
    std::uint32_t var = 0;
    bool answered = true;
    std::int32_t slot = -1;
};

// What the evaluation of a rule gives.
struct EvalInput {
    const nlohmann::json* data = nullptr;           // the data object (the profile); nullptr = JSON null
    const nlohmann::json* const* slots = nullptr;   // answers of bound vars by slot; a nullptr entry = unanswered
    std::size_t slot_count = 0;
    EvalMode mode = EvalMode::complete;
    std::optional<Date> today;                      // the evaluation date; required by today/*_since
};

struct EvalResult {
    nlohmann::json value;                 // null when unknown or on error
    bool known = true;
    std::string error;                    // non-empty when the rule could not be evaluated (e.g. unknown op)
    // Vars read at the profile level that were unanswered, unique, first-read order. For an unknown result
    // these are the questions whose answers could decide it.
    std::vector<std::string> unanswered;
    // Vars read at the profile level that had answers, with the value read; unique, first-read order.
    std::vector<std::pair<std::string, nlohmann::json>> answered;

    bool ok() const { return error.empty(); }
    Truth truth() const;
};

namespace detail {
struct Program;
}
struct CompileResult;

// A rule ready to evaluate. Cheap to copy (the compiled tree is shared and immutable).
class CompiledRule {
public:
    CompiledRule();  // the rule `null`

    // Full evaluation: value, known flag, error, and the reads by name.
    EvalResult evaluate(const EvalInput& input) const;

    // Fast path for matchers: the three-valued truth only. Reads are appended to `reads` when given;
    // `error`, when given, receives the first evaluation error (the result is then unknown).
    Truth test(const EvalInput& input, std::vector<VarRead>* reads = nullptr, std::string* error = nullptr) const;

    // Fast path for values: returns false when the result is unknown (or an error occurred).
    bool evaluate_value(const EvalInput& input, nlohmann::json& out, std::vector<VarRead>* reads = nullptr,
                        std::string* error = nullptr) const;

    // The distinct literal var paths the rule may read at the profile level (VarRead::var indexes this).
    const std::vector<std::string>& variables() const;
    // The slot bound to variables()[index] at compile time, or -1.
    int variable_slot(std::uint32_t index) const;
    // True when a missing / missing_some key is computed when the rule runs: the rule may then read answers
    // that variables() does not list.
    bool reads_computed_names() const;

    // True when the rule is plain data (no operation), e.g. a number amount.
    bool is_literal() const;

private:
    friend CompileResult compile_rule(const nlohmann::json& rule, const CompileOptions& options);
    std::shared_ptr<const detail::Program> program_;
};

struct CompileResult {
    CompiledRule rule;                 // usable only when ok()
    std::vector<RuleIssue> errors;     // unknown operators, depth, malformed vars, rank misuse, ...
    std::vector<VarUse> vars;
    std::vector<ChoiceUse> choices;

    bool ok() const { return errors.empty(); }
};

CompileResult compile_rule(const nlohmann::json& rule, const CompileOptions& options = {});

// Compile and evaluate in one go (tests, `policyctl jsonlogic`). Compile errors come back as `error`.
EvalResult evaluate_rule(const nlohmann::json& rule, const nlohmann::json& data,
                         EvalMode mode = EvalMode::complete, std::optional<Date> today = std::nullopt);

}  // namespace portal::core
