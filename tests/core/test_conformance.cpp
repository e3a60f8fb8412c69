// The official JsonLogic conformance suite (tests/data/jsonlogic-tests.json), in complete mode, through the
// same runner the kiosk's staff self-test uses in the browser.
#include <doctest/doctest.h>

#include "core/conformance.hpp"
#include "test_support.hpp"

using namespace portal::core;

TEST_SUITE("conformance") {
    TEST_CASE("all 277 official JsonLogic cases pass in complete mode") {
        const ConformanceReport report = run_jsonlogic_suite(portal::test::read_data("jsonlogic-tests.json"));
        REQUIRE(report.error.empty());
        for (const ConformanceFailure& failure : report.failures)
            FAIL_CHECK("case at index " << failure.index << ": " << failure.message);
        CHECK(report.passed == 277);
        CHECK(report.failed == 0);
    }

    TEST_CASE("a suite that is not an array of triples is reported, not crashed on") {
        CHECK_FALSE(run_jsonlogic_suite("{}").error.empty());
        CHECK_FALSE(run_jsonlogic_suite("[[1, 2]]").error.empty());
        CHECK_FALSE(run_jsonlogic_suite("not json").error.empty());
        const ConformanceReport wrong = run_jsonlogic_suite(R"(["# c", [{"==": [1, 1]}, {}, false]])");
        CHECK(wrong.failed == 1);
        CHECK(wrong.passed == 0);
    }
}
