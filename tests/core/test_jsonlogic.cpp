// Every operator in complete mode, with JavaScript's coercions, plus compile-time checks and the extensions.
#include <doctest/doctest.h>

#include <cmath>

#include "core/jsonlogic.hpp"
#include "test_support.hpp"

using namespace portal::core;
using portal::test::json;

namespace {

json eval(const char* rule, const char* data = "null") {
    const EvalResult result = evaluate_rule(json::parse(rule), json::parse(data), EvalMode::complete, Date{2024, 6, 1});
    INFO(std::string(rule) << " error: " << result.error);
    REQUIRE(result.ok());
    REQUIRE(result.known);
    return result.value;
}

std::string error_of(const char* rule) {
    return evaluate_rule(json::parse(rule), json(nullptr), EvalMode::complete, Date{2024, 6, 1}).error;
}

}  // namespace

TEST_SUITE("jsonlogic") {
    TEST_CASE("loose and strict equality follow JavaScript") {
        CHECK(eval(R"({"==": [1, "1"]})") == true);
        CHECK(eval(R"({"==": [0, false]})") == true);
        CHECK(eval(R"({"==": ["", 0]})") == true);
        CHECK(eval(R"({"==": [null, 0]})") == false);
        CHECK(eval(R"({"==": [null, null]})") == true);
        CHECK(eval(R"({"==": [[1], 1]})") == true);      // [1] -> "1" -> 1
        CHECK(eval(R"({"==": [[1,2], "1,2"]})") == true);
        CHECK(eval(R"({"==": ["abc", "abc"]})") == true);
        CHECK(eval(R"({"==": [true, "1"]})") == true);
        CHECK(eval(R"({"==": [1.0, 1]})") == true);
        CHECK(eval(R"({"===": [1, 1.0]})") == true);
        CHECK(eval(R"({"===": [1, "1"]})") == false);
        CHECK(eval(R"({"===": [null, null]})") == true);
        CHECK(eval(R"({"===": [[1], [1]]})") == false);  // different arrays
        CHECK(eval(R"({"!=": [1, "1"]})") == false);
        CHECK(eval(R"({"!==": [1, "1"]})") == true);
        CHECK(eval(R"({"==": ["phd", "phd"]})") == true);
    }

    TEST_CASE("relational operators, including between") {
        CHECK(eval(R"({">": ["10", 9]})") == true);
        CHECK(eval(R"({">": ["10", "9"]})") == false);  // two strings compare as text
        CHECK(eval(R"({"<": [null, 1]})") == true);       // null -> 0
        CHECK(eval(R"({"<": ["a", 1]})") == false);       // NaN
        CHECK(eval(R"({">=": ["a", 1]})") == false);
        CHECK(eval(R"({"<=": [1, 1, 1]})") == true);
        CHECK(eval(R"({"<": [1, 1, 3]})") == false);
        CHECK(eval(R"({"<": [0, 1, 3]})") == true);
        CHECK(eval(R"({">=": [2, 2]})") == true);
        CHECK(eval(R"({"<": ["2024-01-01", "2024-06-01"]})") == true);  // ISO dates compare as text
    }

    TEST_CASE("truthiness and logic") {
        CHECK(eval(R"({"!": [[]]})") == true);
        CHECK(eval(R"({"!!": ["0"]})") == true);
        CHECK(eval(R"({"!!": [{"a": 1, "b": 2}]})") == true);
        CHECK(eval(R"({"!": []})") == true);
        CHECK(eval(R"({"or": [0, "", null]})") == nullptr);  // the last operand
        CHECK(eval(R"({"and": []})") == nullptr);
        CHECK(eval(R"({"or": [0, [], "x"]})") == "x");
        CHECK(eval(R"({"and": [1, "a", [1]]})") == json::array({1}));
    }

    TEST_CASE("and/or short-circuit: later operands are not evaluated") {
        // An unknown operator would be a compile error, so use a var with a missing default path instead:
        // reads reveal evaluation.
        CompileResult compiled = compile_rule(json::parse(R"({"and": [false, {"var": "x"}]})"));
        REQUIRE(compiled.ok());
        const json data = {{"x", 1}};
        EvalInput input;
        input.data = &data;
        const EvalResult result = compiled.rule.evaluate(input);
        CHECK(result.value == false);
        CHECK(result.answered.empty());
    }

    TEST_CASE("if and ?: chains") {
        CHECK(eval(R"({"if": [false, 1, false, 2, 3]})") == 3);
        CHECK(eval(R"({"if": [false, 1, true, 2, 3]})") == 2);
        CHECK(eval(R"({"?:": [0, "a", "b"]})") == "b");
        CHECK(eval(R"({"if": []})") == nullptr);
        CHECK(eval(R"({"if": [{"var": "x"}, "yes", "no"]})", R"({"x": "0"})") == "yes");
    }

    TEST_CASE("in: strings and arrays") {
        CHECK(eval(R"({"in": ["虞", "上虞区"]})") == true);
        CHECK(eval(R"({"in": [1, ["1", 2]]})") == false);  // strict membership
        CHECK(eval(R"({"in": [2, ["1", 2]]})") == true);
        CHECK(eval(R"({"in": ["a", null]})") == false);
        CHECK(eval(R"({"in": ["", ""]})") == false);
        CHECK(eval(R"({"in": [1, "a1"]})") == true);       // String(1)
        CHECK(eval(R"({"in": ["tech", {"var": "types"}]})", R"({"types": ["culture", "tech"]})") == true);
    }

    TEST_CASE("cat and substr") {
        CHECK(eval(R"({"cat": ["a", null, true, 1.5, [1, [2, 3]]]})") == "anulltrue1.51,2,3");
        CHECK(eval(R"({"cat": [0.1, 1e21, 1e-7, -0.0]})") == "0.11e+211e-70");
        CHECK(eval(R"({"substr": ["上虞青春之城", 2]})") == "青春之城");
        CHECK(eval(R"({"substr": ["上虞青春之城", -2]})") == "之城");
        CHECK(eval(R"({"substr": ["上虞青春之城", 0, -4]})") == "上虞");
        CHECK(eval(R"({"substr": ["abc", 5]})") == "");
        CHECK(eval(R"({"substr": ["abc", -10, 2]})") == "ab");
        CHECK(eval(R"({"substr": [12345, 1, 2]})") == "23");
    }

    TEST_CASE("arithmetic uses parseFloat for + and *, Number for - / %") {
        CHECK(eval(R"({"+": ["3px", 2]})") == 5);
        CHECK(eval(R"({"+": []})") == 0);
        CHECK(eval(R"({"+": "1.5"})") == 1.5);
        CHECK(eval(R"({"*": ["2", "3"]})") == 6);
        CHECK(eval(R"({"*": ["2"]})") == "2");  // reduce without a start value returns the lone argument
        CHECK(eval(R"({"-": ["5", "2"]})") == 3);
        CHECK(eval(R"({"-": ["0x10"]})") == -16);
        CHECK(eval(R"({"/": [1, 4]})") == 0.25);
        CHECK(eval(R"({"%": [-7, 3]})") == -1);
        CHECK(eval(R"({"%": [7.5, 2]})") == 1.5);
        CHECK(eval(R"({"+": [0.1, 0.2]})").get<double>() == doctest::Approx(0.3));
        CHECK(eval(R"({"+": [1, 2]})").is_number_integer());  // integral results stay integers
        CHECK(std::isnan(eval(R"({"+": ["abc"]})").get<double>()));  // NaN stays NaN for later operators...
        CHECK(eval(R"({"+": ["abc"]})").dump() == "null");                // ...and prints as JSON.stringify does
        CHECK(eval(R"({"/": [1, 0]})").get<double>() == INFINITY);
        CHECK(eval(R"({"==": [{"+": ["abc"]}, null]})") == false);        // NaN is not null
        CHECK(error_of(R"({"*": []})").find("at least one") != std::string::npos);
    }

    TEST_CASE("min, max, merge, log") {
        CHECK(eval(R"({"max": [1, "7", 3]})") == 7);
        CHECK(eval(R"({"min": [4, -2.5]})") == -2.5);
        CHECK(std::isnan(eval(R"({"min": [1, "x"]})").get<double>()));
        CHECK(eval(R"({"merge": [[1, [2]], 3, []]})") == json::parse("[1, [2], 3]"));
        CHECK(eval(R"({"log": ["hello"]})") == "hello");  // no output, returns its argument
        CHECK(eval(R"({"log": [{"+": [1, 1]}]})") == 2);
    }

    TEST_CASE("var: paths, defaults, arrays, whole data") {
        CHECK(eval(R"({"var": "a.b.0"})", R"({"a": {"b": ["x"]}})") == "x");
        CHECK(eval(R"({"var": ["a.c", "dflt"]})", R"({"a": {"b": 1}})") == "dflt");
        CHECK(eval(R"({"var": ["a", "dflt"]})", R"({"a": null})") == nullptr);  // present null is not missing
        CHECK(eval(R"({"var": "a.01"})", R"({"a": ["x", "y"]})") == nullptr);    // not a canonical index
        CHECK(eval(R"({"var": ""})", R"({"k": 1})") == json::parse(R"({"k": 1})"));
        CHECK(eval(R"({"var": [{"cat": ["a", ".b"]}]})", R"({"a": {"b": 7}})") == 7);
        CHECK(eval(R"({"var": "x"})", R"("a string")") == nullptr);
        CHECK(eval(R"({"var": 0})", R"([5, 6])") == 5);
    }

    TEST_CASE("missing and missing_some") {
        CHECK(eval(R"({"missing": ["a", "b"]})", R"({"a": ""})") == json::parse(R"(["a", "b"])"));
        CHECK(eval(R"({"missing": ["a"]})", R"({"a": 0})") == json::array());
        CHECK(eval(R"({"missing_some": [2, ["a", "b", "c"]]})", R"({"a": 1})") == json::parse(R"(["b", "c"])"));
        CHECK(eval(R"({"missing_some": [0, ["a"]]})", "{}") == json::array());
    }

    TEST_CASE("map, filter, reduce, all, none, some") {
        const char* data = R"({"xs": [1, 2, 3, 4], "people": [{"age": 20}, {"age": 40}]})";
        CHECK(eval(R"({"map": [{"var": "xs"}, {"+": [{"var": ""}, 1]}]})", data) == json::parse("[2,3,4,5]"));
        CHECK(eval(R"({"filter": [{"var": "people"}, {">": [{"var": "age"}, 30]}]})", data) == json::parse(R"([{"age": 40}])"));
        CHECK(eval(R"({"reduce": [{"var": "xs"}, {"max": [{"var": "current"}, {"var": "accumulator"}]}, 0]})", data) == 4);
        // Without a start value the accumulator starts as null, and parseFloat(null) is NaN (as in json-logic-js).
        CHECK(std::isnan(eval(R"({"reduce": [{"var": "xs"}, {"+": [{"var": "current"}, {"var": "accumulator"}]}]})", data).get<double>()));
        CHECK(eval(R"({"all": [{"var": "people"}, {">=": [{"var": "age"}, 18]}]})", data) == true);
        CHECK(eval(R"({"all": [{"var": "nothing"}, true]})", data) == false);
        CHECK(eval(R"({"none": [{"var": "xs"}, {">": [{"var": ""}, 9]}]})", data) == true);
        CHECK(eval(R"({"some": [{"var": "xs"}, {"==": [{"var": ""}, 3]}]})", data) == true);
        CHECK(eval(R"({"map": [{"var": "nothing"}, 1]})", data) == json::array());
        // Nested scopes read the inner element.
        CHECK(eval(R"({"map": [[[1, 2], [3]], {"reduce": [{"var": ""}, {"+": [{"var": "current"}, {"var": "accumulator"}]}, 0]}]})") ==
              json::parse("[3, 3]"));
    }

    TEST_CASE("arrays holding rules are evaluated; objects with several keys are data") {
        CHECK(eval(R"([1, {"+": [1, 1]}, [{"var": "a"}]])", R"({"a": 3})") == json::parse("[1, 2, [3]]"));
        CHECK(eval(R"({"if": [true, {"a": 1, "b": 2}]})") == json::parse(R"({"a": 1, "b": 2})"));
        CHECK(eval(R"({})") == json::object());
    }

    TEST_CASE("extension operators: dates and today") {
        CHECK(eval(R"({"years_since": ["2018-06-02"]})") == 5);
        CHECK(eval(R"({"months_since": ["2018-06-02"]})") == 71);
        CHECK(eval(R"({"days_since": ["2024-05-01"]})") == 31);
        CHECK(eval(R"({"years_since": ["2030-06-01"]})") == -6);
        CHECK(eval(R"({"years_since": ["not a date"]})") == nullptr);
        CHECK(eval(R"({"years_since": [{"var": "d"}]})", R"({"d": "2000-06-02"})") == 23);
        CHECK(eval(R"({"today": []})") == "2024-06-01");
        const EvalResult no_date = evaluate_rule(json::parse(R"({"today": []})"), json(nullptr));
        CHECK_FALSE(no_date.ok());
    }

    TEST_CASE("rank reads the ordered options of a question") {
        CompileOptions options;
        options.ordered_options_of = [](std::string_view name) -> std::optional<std::vector<std::string>> {
            if (name == "education") return std::vector<std::string>{"high_school", "bachelor", "master", "phd"};
            return std::nullopt;
        };
        CompileResult compiled = compile_rule(json::parse(R"({">=": [{"rank": [{"var": "education"}]}, 1]})"), options);
        REQUIRE(compiled.ok());
        const json master = {{"education", "master"}}, school = {{"education", "high_school"}}, odd = {{"education", "x"}};
        EvalInput input;
        input.data = &master;
        CHECK(compiled.rule.test(input) == Truth::yes);
        input.data = &school;
        CHECK(compiled.rule.test(input) == Truth::no);
        CompileResult bare = compile_rule(json::parse(R"({"rank": {"var": "education"}})"), options);
        REQUIRE(bare.ok());
        input.data = &odd;
        CHECK(bare.rule.evaluate(input).value.is_null());  // not an option: null
        input.data = &master;
        CHECK(bare.rule.evaluate(input).value == 2);

        CHECK_FALSE(compile_rule(json::parse(R"({"rank": [{"var": "age"}]})"), options).ok());
        CHECK_FALSE(compile_rule(json::parse(R"({"rank": ["master"]})"), options).ok());
        CHECK_FALSE(compile_rule(json::parse(R"({"rank": [{"var": "education"}]})")).ok());  // no options known
    }

    TEST_CASE("unknown operators are errors, not crashes") {
        const EvalResult result = evaluate_rule(json::parse(R"({"and": [true, {"frobnicate": [1]}]})"), json(nullptr));
        CHECK_FALSE(result.ok());
        CHECK(result.error.find("unknown operator \"frobnicate\"") != std::string::npos);
        CHECK(result.error.find("/and/1/frobnicate") != std::string::npos);
        CompileResult compiled = compile_rule(json::parse(R"({"method": ["a", "toUpperCase"]})"));
        REQUIRE(compiled.errors.size() == 1);
        CHECK(compiled.errors[0].pointer == "/method");
    }

    TEST_CASE("nesting is limited to 64 operations") {
        json rule = true;
        for (int i = 0; i < 64; ++i) rule = json{{"!", json::array({rule})}};
        CHECK(compile_rule(rule).ok());
        rule = json{{"!", json::array({rule})}};
        const CompileResult too_deep = compile_rule(rule);
        REQUIRE_FALSE(too_deep.ok());
        CHECK(too_deep.errors[0].message.find("deeper than 64") != std::string::npos);
        // Very deep rules fail cleanly too.
        json deep = 1;
        for (int i = 0; i < 400; ++i) deep = json{{"+", json::array({deep})}};
        CHECK_FALSE(compile_rule(deep).ok());
    }

    TEST_CASE("strict mode refuses objects that are not single-key operations") {
        CompileOptions strict;
        strict.strict = true;
        const CompileResult result = compile_rule(json::parse(R"({"if": [true, {"a": 1, "b": 2}, 0]})"), strict);
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].pointer == "/if/1");
        CHECK(compile_rule(json::parse(R"({"if": [true, {"a": 1, "b": 2}, 0]})")).ok());
    }

    TEST_CASE("compiling reports var uses and compared choice values with pointers") {
        const CompileResult result = compile_rule(json::parse(R"({"and": [
            {"==": [{"var": "education"}, "phd"]},
            {"in": [{"var": "city"}, ["shangyu", "shaoxing"]]},
            {"in": ["tech", {"var": "maker_types"}]},
            {"!=": ["x", {"var": ["k", 1]}]},
            {"map": [{"var": "list"}, {"var": "inner"}]}
        ]})"));
        REQUIRE(result.ok());
        std::vector<std::string> names;
        for (const VarUse& use : result.vars) names.push_back(use.name);
        CHECK(names == std::vector<std::string>{"education", "city", "maker_types", "k", "list"});  // not "inner"
        CHECK(result.vars[3].has_default);
        CHECK(result.vars[0].pointer == "/and/0/==/0/var");
        REQUIRE(result.choices.size() == 5);
        CHECK(result.choices[0].var == "education");
        CHECK(result.choices[0].value == "phd");
        CHECK(result.choices[0].pointer == "/and/0/==/1");
        CHECK(result.choices[2].value == "shaoxing");
        CHECK(result.choices[2].pointer == "/and/1/in/1/1");
        CHECK(result.choices[3].var == "maker_types");
        CHECK(result.choices[4].var == "k");
    }

    TEST_CASE("slot binding reads answers from an array") {
        CompileOptions options;
        options.slot_of = [](std::string_view name) { return name == "a" ? 0 : name == "b" ? 1 : -1; };
        const CompileResult compiled = compile_rule(json::parse(R"({"+": [{"var": "a"}, {"var": ["b", 0]}, {"var": "c"}]})"), options);
        REQUIRE(compiled.ok());
        const json a = 2, data = {{"a", 100}, {"b", 100}, {"c", 5}};
        const json* slots[] = {&a, nullptr};
        EvalInput input;
        input.data = &data;
        input.slots = slots;
        input.slot_count = 2;
        const EvalResult result = compiled.rule.evaluate(input);
        CHECK(result.value == 7);  // a from its slot (not the data's 100), b unanswered -> default 0, c from the data
        CHECK(result.unanswered == std::vector<std::string>{"b"});
    }

    TEST_CASE("reads are reported once each, answered with their values") {
        const json data = {{"age", 30}, {"city", "shangyu"}};
        const CompileResult compiled = compile_rule(json::parse(R"({"and": [{">": [{"var": "age"}, 18]}, {"var": "city"}, {">": [{"var": "age"}, 1]}]})"));
        EvalInput input;
        input.data = &data;
        const EvalResult result = compiled.rule.evaluate(input);
        REQUIRE(result.answered.size() == 2);
        CHECK(result.answered[0].first == "age");
        CHECK(result.answered[0].second == 30);
        CHECK(result.answered[1].second == "shangyu");
        CHECK(result.unanswered.empty());
        CHECK(compiled.rule.variables() == std::vector<std::string>{"age", "city"});
    }

    TEST_CASE("JavaScript conversions") {
        CHECK(js_number_to_string(123456789012345680000.0) == "123456789012345680000");
        CHECK(js_number_to_string(1e21) == "1e+21");
        CHECK(js_number_to_string(0.000001) == "0.000001");
        CHECK(js_number_to_string(1.5e-7) == "1.5e-7");
        CHECK(js_number_to_string(0.1 + 0.2) == "0.30000000000000004");
        CHECK(js_number_to_string(-2.5) == "-2.5");
        CHECK(js_number_to_string(std::nan("")) == "NaN");
        CHECK(js_to_number(json(" 12 ")) == 12);
        CHECK(js_to_number(json("")) == 0);
        CHECK(std::isnan(js_to_number(json("12px"))));
        CHECK(js_to_number(json("-Infinity")) == -INFINITY);
        CHECK(js_to_number(json("0b101")) == 5);
        CHECK(js_to_number(json::array()) == 0);
        CHECK(std::isnan(js_to_number(json::object())));
        CHECK(js_to_string(json::parse(R"([null, [1, null], {}])")) == ",1,,[object Object]");
        CHECK_FALSE(js_truthy(json::array()));
        CHECK(js_truthy(json::object()));
        CHECK_FALSE(js_truthy(json(0.0)));
        CHECK(json_number(3.0).is_number_integer());
        CHECK(json_number(3.5).is_number_float());
        CHECK(is_known_operator("years_since"));
        CHECK_FALSE(is_known_operator("method"));
        CHECK(known_operators().size() == 40);
    }

    TEST_CASE("arbitrary rules never crash") {
        const char* rules[] = {
            R"({"var": [[[[1]]]]})", R"({"substr": []})", R"({"substr": ["abc", "x", "y"]})", R"({"missing_some": []})",
            R"({"missing_some": [1, "a"]})", R"({"reduce": []})", R"({"map": []})", R"({"all": [5, true]})",
            R"({"in": []})", R"({"-": []})", R"({"/": [1]})", R"({"%": [1, 0]})", R"({"var": {"var": "x"}})",
            R"({"merge": {"merge": [[1]]}})", R"({"if": {"if": [1]}})", R"({"years_since": []})", R"({"cat": [{"a": 1, "b": 2}]})",
            R"({"none": [[1, 2], {"var": "x.y.z"}]})", R"({"==": []})", R"({"<": [1]})", R"({"!!": []})"};
        for (const char* rule : rules) {
            const EvalResult result = evaluate_rule(json::parse(rule), json::parse(R"({"x": {"y": 1}})"), EvalMode::complete, Date{2024, 1, 1});
            CHECK_MESSAGE(result.ok(), rule);
            const EvalResult partial = evaluate_rule(json::parse(rule), json::object(), EvalMode::partial, Date{2024, 1, 1});
            CHECK_MESSAGE(partial.ok(), rule);
        }
    }
}
