// Fuzz target: a JsonLogic rule and the data it reads, evaluated in both modes on a date.
//
// Input (text, so seeds stay readable):   line 1 the rule, line 2 the data, line 3 (optional) a YYYY-MM-DD date.
// Both lines go through the same JSON front end as policy files (depth and UTF-8 checks, duplicate keys).
//
// Properties, beyond "no crash, no leak, no undefined behaviour":
//  - complete mode never gives an unknown value (an absent var is null there);
//  - the matcher's fast paths (test, evaluate_value) agree with the full evaluation;
//  - evaluation is deterministic (the portal re-evaluates the same rule on every answer).
// The var "education" is bound to slot 0 and is an ordered choice, so the slot and `rank` paths run too.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/json_text.hpp"
#include "core/jsonlogic.hpp"
#include "fuzz_support.hpp"

using namespace portal::core;
using nlohmann::json;
using portal::fuzz::require;

namespace {

const std::vector<std::string> kEducation{"high_school", "junior_college", "bachelor", "master", "phd"};

std::optional<json> parse_line(std::string_view line) {
    ParsedJson parsed = parse_json_text(line, "fuzz");
    if (!parsed.parsed) return std::nullopt;
    return std::move(parsed.value);
}

CompileOptions options(bool strict) {
    CompileOptions options;
    options.strict = strict;
    options.slot_of = [](std::string_view name) { return name == "education" ? 0 : -1; };
    options.ordered_options_of = [](std::string_view name) -> std::optional<std::vector<std::string>> {
        if (name == "education") return kEducation;
        return std::nullopt;
    };
    return options;
}

std::string lenient_dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string describe(const EvalResult& result) {
    return "value=" + lenient_dump(result.value) + " known=" + std::to_string(result.known) + " error=" + result.error;
}

// Same JSON text: unlike ==, this treats NaN as equal to itself and 3 as equal to 3.0 only when printed alike.
bool same(const json& a, const json& b) { return lenient_dump(a) == lenient_dump(b); }

// Results are printed as JSON (policyctl, the test hook); nlohmann throws on invalid UTF-8 when printing, so a
// string operator that cut a character in half would take the portal down.
void check_printable(const EvalResult& result) {
    try {
        (void)result.value.dump();
    } catch (const json::exception& error) {
        portal::fuzz::property_failed("a result prints as JSON", std::string(error.what()) + " " + describe(result));
    }
}

void check_fast_paths_agree(const CompiledRule& rule, const EvalInput& input, const EvalResult& full) {
    std::string test_error;
    const Truth truth = rule.test(input, nullptr, &test_error);
    if (full.ok()) require(truth == full.truth(), "test() agrees with evaluate()", describe(full));

    json value;
    std::string value_error;
    const bool known = rule.evaluate_value(input, value, nullptr, &value_error);
    if (full.ok() && full.known) {
        require(known, "evaluate_value() knows what evaluate() knows", describe(full));
        require(same(value, full.value), "evaluate_value() gives evaluate()'s value",
                describe(full) + " fast=" + lenient_dump(value));
    }
}

void evaluate_in_mode(const CompiledRule& rule, const json& data, EvalMode mode, const Date& today) {
    const json* education = nullptr;
    if (data.is_object()) {
        auto found = data.find("education");
        if (found != data.end()) education = &*found;
    }
    const json* slots[] = {education};
    EvalInput input;
    input.data = &data;
    input.slots = slots;
    input.slot_count = 1;
    input.mode = mode;
    input.today = today;

    const EvalResult first = rule.evaluate(input);
    if (mode == EvalMode::complete && first.ok()) require(first.known, "complete mode is never unknown", describe(first));
    const EvalResult again = rule.evaluate(input);
    check_printable(first);
    require(same(first.value, again.value) && first.known == again.known && first.error == again.error,
            "evaluation is deterministic", describe(first) + " vs " + describe(again));
    check_fast_paths_agree(rule, input, first);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    std::string_view rest = portal::fuzz::as_text(bytes, size);
    const auto rule_json = parse_line(portal::fuzz::take_line(rest));
    if (!rule_json) return 0;
    const auto data = parse_line(portal::fuzz::take_line(rest));
    const std::optional<Date> date = Date::parse(portal::fuzz::take_line(rest));
    const Date today = date.value_or(Date{2024, 6, 1});

    for (const bool strict : {false, true}) {
        const CompileResult compiled = compile_rule(*rule_json, options(strict));
        if (!compiled.ok()) continue;
        for (const EvalMode mode : {EvalMode::complete, EvalMode::partial}) {
            evaluate_in_mode(compiled.rule, data.value_or(json()), mode, today);
        }
    }
    // The one-call API the tools use, with no date: date operators must fail cleanly, not crash.
    evaluate_rule(*rule_json, data.value_or(json()), EvalMode::complete, std::nullopt);
    return 0;
}
