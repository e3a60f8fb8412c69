// Partial profiles: an unanswered var without default is unknown, and unknown propagates exactly as
// docs/POLICY-FORMAT.md says.
#include <doctest/doctest.h>

#include "core/jsonlogic.hpp"
#include "test_support.hpp"

using namespace portal::core;
using portal::test::json;

namespace {

EvalResult partial(const char* rule, const char* data = "{}") {
    const EvalResult result = evaluate_rule(json::parse(rule), json::parse(data), EvalMode::partial, Date{2024, 6, 1});
    INFO(std::string(rule) << " error: " << result.error);
    REQUIRE(result.ok());
    return result;
}

bool unknown(const char* rule, const char* data = "{}") { return !partial(rule, data).known; }

json known_value(const char* rule, const char* data = "{}") {
    const EvalResult result = partial(rule, data);
    INFO(std::string(rule));
    REQUIRE(result.known);
    return result.value;
}

}  // namespace

TEST_SUITE("three_valued") {
    TEST_CASE("an unanswered var is unknown; a default or an answer is known") {
        CHECK(unknown(R"({"var": "age"})"));
        CHECK(known_value(R"({"var": ["age", 30]})") == 30);
        CHECK(known_value(R"({"var": "age"})", R"({"age": null})") == nullptr);  // answered with null
        CHECK(partial(R"({"var": "age"})").unanswered == std::vector<std::string>{"age"});
        CHECK(partial(R"({"var": ["age", 1]})").unanswered == std::vector<std::string>{"age"});  // still reported read
        // Complete mode: standard JsonLogic null.
        CHECK(evaluate_rule(json::parse(R"({"var": "age"})"), json::object()).value == nullptr);
        CHECK(evaluate_rule(json::parse(R"({"var": "age"})"), json::object()).known);
    }

    TEST_CASE("comparisons are unknown if any operand is") {
        for (const char* op : {"==", "===", "!=", "!==", ">", ">=", "<", "<="}) {
            const std::string rule = std::string(R"({")") + op + R"(": [{"var": "x"}, 1]})";
            CHECK_MESSAGE(unknown(rule.c_str()), op);
            CHECK_MESSAGE(!unknown(rule.c_str(), R"({"x": 1})"), op);
        }
        CHECK(unknown(R"({"<": [1, {"var": "x"}, 3]})"));
        CHECK(unknown(R"({"==": [null, {"var": "x"}]})"));
    }

    TEST_CASE("arithmetic, in, cat, rank and dates are unknown if any operand is") {
        for (const char* op : {"+", "-", "*", "/", "%", "min", "max"}) {
            const std::string rule = std::string(R"({")") + op + R"(": [2, {"var": "x"}]})";
            CHECK_MESSAGE(unknown(rule.c_str()), op);
        }
        CHECK(unknown(R"({"in": [{"var": "x"}, ["a"]]})"));
        CHECK(unknown(R"({"in": ["a", {"var": "x"}]})"));
        CHECK(unknown(R"({"cat": ["a", {"var": "x"}]})"));
        CHECK(unknown(R"({"substr": [{"var": "x"}, 1]})"));
        CHECK(unknown(R"({"years_since": [{"var": "d"}]})"));
        CHECK(unknown(R"({"months_since": [{"var": "d"}]})"));
        CHECK(unknown(R"({"days_since": [{"var": "d"}]})"));
        CHECK(known_value(R"({"today": []})") == "2024-06-01");

        CompileOptions options;
        options.ordered_options_of = [](std::string_view) -> std::optional<std::vector<std::string>> {
            return std::vector<std::string>{"low", "high"};
        };
        const CompileResult rank = compile_rule(json::parse(R"({">=": [{"rank": [{"var": "level"}]}, 1]})"), options);
        REQUIRE(rank.ok());
        const json empty = json::object();
        EvalInput input;
        input.data = &empty;
        input.mode = EvalMode::partial;
        CHECK(rank.rule.test(input) == Truth::unknown);
    }

    TEST_CASE("and: false if any operand is false, else unknown if any is") {
        CHECK(known_value(R"({"and": [{"var": "x"}, false]})") == false);
        CHECK(known_value(R"({"and": [{"var": "x"}, 0, {"var": "y"}]})") == 0);
        CHECK(unknown(R"({"and": [true, {"var": "x"}]})"));
        CHECK(known_value(R"({"and": [true, {"var": "x"}]})", R"({"x": 5})") == 5);
        const EvalResult both = partial(R"({"and": [{"var": "x"}, {"var": "y"}]})");
        CHECK_FALSE(both.known);
        CHECK(both.unanswered == std::vector<std::string>{"x", "y"});  // both could decide it
    }

    TEST_CASE("or: true if any operand is true, else unknown if any is") {
        CHECK(known_value(R"({"or": [{"var": "x"}, "yes"]})") == "yes");
        CHECK(unknown(R"({"or": [false, {"var": "x"}]})"));
        CHECK(known_value(R"({"or": [false, {"var": "x"}]})", R"({"x": 0})") == 0);
    }

    TEST_CASE("! and !! keep unknown") {
        CHECK(unknown(R"({"!": [{"var": "x"}]})"));
        CHECK(unknown(R"({"!!": [{"var": "x"}]})"));
        CHECK(known_value(R"({"!": [{"var": "x"}]})", R"({"x": []})") == true);
    }

    TEST_CASE("if: an unknown condition is unknown unless every reachable branch agrees") {
        CHECK(unknown(R"({"if": [{"var": "x"}, 1, 2]})"));
        CHECK(known_value(R"({"if": [{"var": "x"}, 1, 1]})") == 1);
        CHECK(known_value(R"({"if": [{"var": "x"}, "a", {"var": "y"}, "a", "a"]})") == "a");
        CHECK(unknown(R"({"if": [{"var": "x"}, "a", {"var": "y"}, "b", "a"]})"));
        // A known true condition before the unknown one decides.
        CHECK(known_value(R"({"if": [true, "a", {"var": "x"}, "b", "c"]})") == "a");
        // Known false, then unknown: the remaining branches matter.
        CHECK(unknown(R"({"if": [false, "a", {"var": "x"}, "b", "c"]})"));
        CHECK(known_value(R"({"if": [false, "a", {"var": "x"}, "c", "c"]})") == "c");
        // A missing else is null.
        CHECK(unknown(R"({"if": [{"var": "x"}, null]})") == false);
        CHECK(known_value(R"({"if": [{"var": "x"}, null]})") == nullptr);
        // A branch that is itself unknown makes the result unknown.
        CHECK(unknown(R"({"if": [{"var": "x"}, {"var": "y"}, {"var": "y"}]})"));
        CHECK(unknown(R"({"if": [true, {"var": "y"}, 1]})"));
        // The condition is known: no branch comparison needed.
        CHECK(known_value(R"({"if": [{"var": "x"}, 1, 2]})", R"({"x": true})") == 1);
        const EvalResult reads = partial(R"({"if": [{"var": "x"}, {"var": "y"}, 2]})");
        CHECK(reads.unanswered == std::vector<std::string>{"x", "y"});
    }

    TEST_CASE("missing and missing_some report unanswered ids and are never unknown") {
        CHECK(known_value(R"({"missing": ["a", "b"]})", R"({"a": 1})") == json::array({"b"}));
        CHECK(known_value(R"({"missing_some": [1, ["a", "b"]]})") == json::parse(R"(["a", "b"])"));
        CHECK(known_value(R"({"missing_some": [1, ["a", "b"]]})", R"({"b": 2})") == json::array());
        CHECK(known_value(R"({"if": [{"missing": ["a"]}, "ask a", "done"]})") == "ask a");
        // Their reads are still reported.
        CHECK(partial(R"({"missing": ["a", "b"]})", R"({"a": 1})").unanswered == std::vector<std::string>{"b"});
    }

    TEST_CASE("iteration over an unknown list is unknown; inside, elements never are") {
        CHECK(unknown(R"({"some": [{"var": "list"}, {"==": [{"var": ""}, 1]}]})"));
        CHECK(unknown(R"({"map": [{"var": "list"}, 1]})"));
        CHECK(known_value(R"({"all": [{"var": "list"}, {"var": "missing_field"}]})", R"({"list": [1]})") == false);
        CHECK(known_value(R"({"map": [{"var": "list"}, {"var": "a"}]})", R"({"list": [{"a": 1}, {}]})") == json::parse("[1, null]"));
        CHECK(unknown(R"({"reduce": [[1], {"var": "current"}, {"var": "x"}]})"));
    }

    TEST_CASE("arrays with an unknown element are unknown") {
        CHECK(unknown(R"([1, {"var": "x"}])"));
        CHECK(unknown(R"({"merge": [[1], {"var": "x"}]})"));
    }

    TEST_CASE("deep paths: a present object without the key is still unanswered") {
        CHECK(unknown(R"({"var": "criteria.degree"})", R"({"criteria": {}})"));
        CHECK(known_value(R"({"var": "criteria.degree"})", R"({"criteria": {"degree": true}})") == true);
        CHECK(known_value(R"({"var": "a.b"})", R"({"a": null})") == nullptr);  // null stops the path: known
    }

    TEST_CASE("truth of results") {
        CHECK(partial(R"({"var": "x"})").truth() == Truth::unknown);
        CHECK(partial(R"({"var": "x"})", R"({"x": "0"})").truth() == Truth::yes);
        CHECK(partial(R"({"var": "x"})", R"({"x": ""})").truth() == Truth::no);
    }
}
