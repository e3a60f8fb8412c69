#include "core/conformance.hpp"

#include "core/json_text.hpp"
#include "core/jsonlogic.hpp"

namespace portal::core {

namespace {

std::string describe(const nlohmann::json& entry, const EvalResult& result) {
    std::string message = "rule " + entry[0].dump() + " data " + entry[1].dump() + " expected " + entry[2].dump() +
                          " got " + result.value.dump();
    if (!result.ok()) message += " error: " + result.error;
    if (!result.known) message += " (unknown)";
    return message;
}

}  // namespace

ConformanceReport run_jsonlogic_suite(std::string_view suite_text) {
    ConformanceReport report;
    const ParsedJson suite = parse_json_text(suite_text, "jsonlogic-tests.json");
    if (!suite.ok || !suite.value.is_array()) {
        report.error = "the suite is not a JSON array";
        return report;
    }
    for (std::size_t index = 0; index < suite.value.size(); ++index) {
        const nlohmann::json& entry = suite.value[index];
        if (entry.is_string()) continue;  // a comment line
        if (!entry.is_array() || entry.size() != 3) {
            report.error = "case " + std::to_string(index) + " is not a [rule, data, expected] triple";
            return report;
        }
        const EvalResult result = evaluate_rule(entry[0], entry[1]);
        if (result.ok() && result.known && result.value == entry[2]) {
            ++report.passed;
        } else {
            ++report.failed;
            report.failures.push_back({index, describe(entry, result)});
        }
    }
    return report;
}

}  // namespace portal::core
