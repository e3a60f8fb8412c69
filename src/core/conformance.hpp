// The official JsonLogic conformance suite (tests/data/jsonlogic-tests.json) as a reusable runner: the core
// tests run it natively, and the kiosk's staff self-test runs the same function in the visitor's browser, so a
// booth can prove its own engine before a fair opens.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace portal::core {

struct ConformanceFailure {
    std::size_t index = 0;  // position of the case in the suite's array
    std::string message;    // rule, data, expected and actual value
};

struct ConformanceReport {
    int passed = 0;
    int failed = 0;
    std::vector<ConformanceFailure> failures;
    std::string error;  // the suite itself could not be read (not JSON, not an array, malformed case)
    bool ok() const { return error.empty() && failed == 0; }
};

// Runs every case of the suite's text: [rule, data, expected] triples, with strings as comment lines.
ConformanceReport run_jsonlogic_suite(std::string_view suite_text);

}  // namespace portal::core
