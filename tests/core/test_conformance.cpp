// The official JsonLogic conformance suite (tests/data/jsonlogic-tests.json), in complete mode.
#include <doctest/doctest.h>

#include "core/jsonlogic.hpp"
#include "test_support.hpp"

using namespace portal::core;
using portal::test::json;

TEST_SUITE("conformance") {
    TEST_CASE("all 277 official JsonLogic cases pass in complete mode") {
        const ParsedJson suite = parse_json_text(portal::test::read_data("jsonlogic-tests.json"), "jsonlogic-tests.json");
        REQUIRE(suite.ok);
        REQUIRE(suite.value.is_array());

        int cases = 0, failures = 0;
        for (std::size_t index = 0; index < suite.value.size(); ++index) {
            const json& entry = suite.value[index];
            if (entry.is_string()) continue;  // a comment line
            REQUIRE(entry.is_array());
            REQUIRE(entry.size() == 3);
            ++cases;
            const EvalResult result = evaluate_rule(entry[0], entry[1]);
            const bool passed = result.ok() && result.known && result.value == entry[2];
            if (!passed) {
                ++failures;
                FAIL_CHECK("case at index " << index << ": rule " << entry[0].dump() << " data " << entry[1].dump()
                                            << " expected " << entry[2].dump() << " got " << result.value.dump()
                                            << (result.ok() ? "" : " error: " + result.error));
            }
        }
        CHECK(cases == 277);
        CHECK(failures == 0);
    }
}
