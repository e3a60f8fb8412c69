// Hostile inputs (docs/SECURITY.md): what a tampered data file or a stranger's link can throw at the
// core, and what must happen instead of a crash, a hang or a misleading screen. Each case names the threat.
// The same suite runs natively, under ASan + UBSan and as wasm under node.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/check_json.hpp"
#include "core/json_text.hpp"
#include "core/jsonlogic.hpp"
#include "core/load.hpp"
#include "core/matcher.hpp"
#include "core/search.hpp"
#include "core/share_state.hpp"
#include "test_support.hpp"

using namespace portal::core;
using namespace portal::test;

namespace {

const Date kAsOf{2024, 6, 1};

// {"!": {"!": ... true ...}} with `levels` operations.
json nested_not(int levels) {
    json rule = true;
    for (int i = 0; i < levels; ++i) rule = json{{"!", rule}};
    return rule;
}

const Diagnostic* first_warning_at(const std::vector<Diagnostic>& diagnostics, const std::string& pointer) {
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == Severity::warning && d.pointer == pointer) return &d;
    }
    return nullptr;
}

bool mentions(const Diagnostic* diagnostic, const std::string& words) {
    return diagnostic != nullptr && diagnostic->message.find(words) != std::string::npos;
}

// Parses `text` and expects it to be refused as malformed JSON at line:column.
void expect_malformed_at(const std::string& text, int line, int column) {
    const ParsedJson parsed = parse_json_text(text, "h.json");
    INFO(text.substr(0, 60));
    CHECK_FALSE(parsed.parsed);
    REQUIRE(parsed.diagnostics.size() == 1);
    CHECK(parsed.diagnostics[0].severity == Severity::error);
    CHECK(parsed.diagnostics[0].line == line);
    CHECK(parsed.diagnostics[0].column == column);
}

json policy_with_link(const std::string& url) {
    return policy_json("p", nullptr, {{"apply", {{"links", {{{"label", {{"zh", "申请"}}}, {"url", url}}}}}}});
}

json eligible_policy(const std::string& id, const json& amount, double periods = 1) {
    return policy_json(id, json::array({criterion("always", true)}),
                       {{"benefits", {{{"id", "b"}, {"label", {{"zh", "补贴"}}}, {"kind", "cash"}, {"amount", amount},
                                       {"periods", periods}}}}});
}

}  // namespace

TEST_SUITE("hostile_input") {
    // ---- rules nested deeper than the limit -------------------------------------------------------------------

    TEST_CASE("rules: 64 levels evaluate, 65 are refused at compile time, in files too") {
        CHECK(compile_rule(nested_not(64)).ok());
        CHECK(evaluate_rule(nested_not(64), json::object()).value == true);
        const CompileResult too_deep = compile_rule(nested_not(65));
        REQUIRE_FALSE(too_deep.ok());
        CHECK(too_deep.errors[0].message.find("nested deeper than 64") != std::string::npos);

        const LoadResult result = load_policy_json(document_with(json::array(
            {policy_json("deep", json::array({criterion("c", nested_not(200))})), policy_json("fine", nullptr)})), "t.json");
        REQUIRE_FALSE(result.fatal());
        REQUIRE(result.set->policies.size() == 1);  // the deep one is left out, the rest stays
        CHECK(result.set->policies[0].id == "fine");
        CHECK(result.skipped.at(0).id == "deep");
    }

    TEST_CASE("JSON text: 100,000 levels of brackets are refused before parsing, without recursion") {
        const std::string deep(100000, '[');
        const ParsedJson parsed = parse_json_text(deep, "deep.json");
        CHECK_FALSE(parsed.parsed);
        REQUIRE_FALSE(parsed.diagnostics.empty());
        CHECK(parsed.diagnostics[0].message.find("nesting deeper than") != std::string::npos);
        CHECK(load_policy_set(std::string(100000, '{'), "deep.json").fatal());
    }

    // ---- multi-megabyte strings ----------------------------------------------------------------------------------

    TEST_CASE("a 4 MiB text in a policy loads and is searchable to its last character") {
        std::string summary(4u << 20, 'a');
        summary += "needle";
        json policies = json::array({policy_json("big", nullptr, {{"summary", {{"zh", summary}}}})});
        const std::string text = document_with(policies).dump();
        const LoadResult result = load_policy_set(text, "big.json");
        REQUIRE(result.ok());
        const SearchIndex index(*result.set);
        CHECK(index.search("needle").size() == 1);
        CHECK(index.search("needles").empty());
    }

    TEST_CASE("multi-megabyte strings in rule data; a doubling cat stops at 16 MiB with an error") {
        const json data = {{"s", std::string(3u << 20, 'x') + "end"}};
        CHECK(evaluate_rule(json::parse(R"({"in": ["end", {"var": "s"}]})"), data).value == true);
        const EvalResult joined = evaluate_rule(json::parse(R"({"cat": [{"var": "s"}, {"var": "s"}]})"), data);
        REQUIRE(joined.ok());
        CHECK(joined.value.get_ref<const std::string&>().size() == 2 * ((3u << 20) + 3));

        // 40 doublings would want a terabyte: the evaluator refuses past 16 MiB and the rule is an error.
        json rule = json::parse(R"({"reduce": [[], {"cat": [{"var": "accumulator"}, {"var": "accumulator"}]}, "ab"]})");
        for (int i = 0; i < 40; ++i) rule["reduce"][0].push_back(i);
        const EvalResult doubled = evaluate_rule(rule, json::object());
        CHECK_FALSE(doubled.ok());
        CHECK(doubled.error.find("16 MiB") != std::string::npos);
    }

    TEST_CASE("a 4 MiB search text in a link is ignored with a notice") {
        const FragmentDecode decoded = decode_fragment("#q=" + std::string(4u << 20, 'a'));
        CHECK(decoded.state == ShareState{});
        CHECK(decoded.problems.size() == 1);
    }

    // ---- huge arrays ---------------------------------------------------------------------------------------------

    TEST_CASE("a million-item array in the data is read; work that multiplies stops at the step budget") {
        json items = json::array();
        for (int i = 0; i < 1000000; ++i) items.push_back(i);
        const json data = {{"xs", items}};
        CHECK(evaluate_rule(json::parse(R"({"in": [999999, {"var": "xs"}]})"), data).value == true);
        CHECK(evaluate_rule(json::parse(R"({"some": [{"var": "xs"}, {"==": [{"var": ""}, 999999]}]})"), data).ok() == false);

        // Three nested `some` over 1,000-item literals would take a billion steps.
        json thousand = json::array();
        for (int i = 0; i < 1000; ++i) thousand.push_back(i);
        json rule = {{"some", {thousand, {{"some", {thousand, {{"some", {thousand, false}}}}}}}}};
        const EvalResult slow = evaluate_rule(rule, json::object());
        CHECK_FALSE(slow.ok());
        CHECK(slow.error.find("too much work") != std::string::npos);

        // merge of the accumulator with itself doubles an array at every step.
        json merge_rule = json::parse(R"({"reduce": [[], {"merge": [{"var": "accumulator"}, {"var": "accumulator"}]}, [1]]})");
        for (int i = 0; i < 40; ++i) merge_rule["reduce"][0].push_back(i);
        CHECK_FALSE(evaluate_rule(merge_rule, json::object()).ok());
    }

    TEST_CASE("a file with 3,000 policies loads and evaluates") {
        json policies = json::array();
        for (int i = 0; i < 3000; ++i) policies.push_back(eligible_policy("p" + std::to_string(i), 100));
        const LoadResult result = load_policy_json(document_with(policies), "many.json");
        REQUIRE(result.ok());
        const Evaluation evaluation = evaluate(*result.set, Profile::object(), kAsOf);
        CHECK(evaluation.best_bundle.policies.size() == 3000);
        CHECK(evaluation.best_bundle.total == doctest::Approx(300000));
    }

    TEST_CASE("an answers array of 10,000 items in a link is ignored") {
        std::string answers = "%7B%22maker_types%22%3A%5B";
        for (int i = 0; i < 10000; ++i) answers += (i ? "%2C" : "") + std::to_string(i % 10);
        const FragmentDecode decoded = decode_fragment("a=" + answers + "%5D%7D");
        CHECK_FALSE(decoded.state.answers.has_value());
        CHECK_FALSE(decoded.problems.empty());
    }

    // ---- NaN, Infinity, 1e308 ------------------------------------------------------------------------------------

    TEST_CASE("NaN and Infinity are not JSON: refused as malformed with line and column") {
        expect_malformed_at("[1, NaN]", 1, 5);
        expect_malformed_at("{\"amount\":\n  Infinity}", 2, 3);
        expect_malformed_at("[-Infinity]", 1, 3);  // at the first character that cannot be a number
        expect_malformed_at("[nan]", 1, 3);        // "n" could start null; "a" cannot
        CHECK(load_policy_set("{\"format\": \"policy-portal/1\", \"policies\": [NaN]}", "n.json").fatal());
    }

    TEST_CASE("1e308 and -1e308 parse; 1e309 overflows and is refused") {
        const ParsedJson big = parse_json_text("[1e308, -1e308, 4.9e-324]", "b.json");
        REQUIRE(big.ok);
        CHECK(big.value[0].get<double>() == 1e308);
        CHECK(big.value[1].get<double>() == -1e308);
        const ParsedJson overflow = parse_json_text("[1e309]", "o.json");
        CHECK_FALSE(overflow.parsed);
        REQUIRE(overflow.diagnostics.size() == 1);
        CHECK(overflow.diagnostics[0].message.find("overflow") != std::string::npos);
    }

    TEST_CASE("arithmetic that overflows follows JavaScript (Infinity), and prints as null like JSON.stringify") {
        const EvalResult product = evaluate_rule(json::parse(R"({"*": [1e308, 10]})"), json::object());
        REQUIRE(product.ok());
        CHECK(std::isinf(product.value.get<double>()));
        CHECK(product.value.dump() == "null");
        CHECK(std::isinf(evaluate_rule(json::parse(R"({"-": [-1e308, 1e308]})"), json::object()).value.get<double>()));
        CHECK(evaluate_rule(json::parse(R"({">": [{"*": [1e308, 10]}, 1e308]})"), json::object()).value == true);
        CHECK(std::isnan(evaluate_rule(json::parse(R"({"-": [{"*": [1e308, 10]}, {"*": [1e308, 10]}]})"), json::object())
                             .value.get<double>()));
    }

    TEST_CASE("benefit amounts: figures above 1e12 are refused, a rule that overflows is not a known amount") {
        const LoadResult refused = load_policy_json(
            document_with(json::array({eligible_policy("huge", 1e308, 10), eligible_policy("periods", 100, 1e6)})), "t.json");
        CHECK(mentions(error_at(refused.diagnostics, "/policies/0/benefits/0/amount"), "1e12"));
        CHECK(mentions(error_at(refused.diagnostics, "/policies/1/benefits/0/periods"), "1200"));

        // Amount rules are only known when evaluated: 1e308 x age overflows to Infinity, which must never reach a
        // total (JSON would print it as null, which the contract reads as "unknown" anyway).
        const PolicySet set = load_valid(document_with(json::array(
            {eligible_policy("rule", json::parse(R"({"*": [1e308, {"var": "age"}]})")), eligible_policy("plain", 1000)})));
        const Evaluation evaluation = evaluate(set, Profile{{"age", 30}}, kAsOf);
        CHECK_FALSE(evaluation.results[0].benefit_total.has_value());
        CHECK(evaluation.best_bundle.total == 1000);
        const std::string printed = check_json_text(set, evaluation);
        CHECK(printed.find("inf") == std::string::npos);
        CHECK(printed.find("nan") == std::string::npos);
    }

    // ---- invalid UTF-8, byte-order marks, NUL bytes --------------------------------------------------------------

    TEST_CASE("invalid UTF-8 of every kind is refused with its line and column") {
        expect_malformed_at("{\"zh\": \"\x80\"}", 1, 9);              // a lone continuation byte
        expect_malformed_at("{\"zh\": \"\xC0\xAF\"}", 1, 9);          // an overlong '/'
        expect_malformed_at("{\"zh\":\n\"\xED\xA0\x80\"}", 2, 2);     // a UTF-16 surrogate written as UTF-8
        expect_malformed_at("{\"zh\": \"\xF4\x90\x80\x80\"}", 1, 9);  // above U+10FFFF
        expect_malformed_at("\"青\xE9\x9D", 1, 3);                    // cut in the middle of a character
        expect_malformed_at("[\"\\ud800\"]", 1, 9);                  // a lone surrogate as an escape
        const ParsedJson message = parse_json_text("[\"\xFF\"]", "u.json");
        CHECK(message.diagnostics.at(0).message.find("invalid UTF-8 (byte 0xFF)") != std::string::npos);
    }

    TEST_CASE("a byte-order mark is a warning at 1:1; one inside the document is an error") {
        const std::string document = document_with(json::array()).dump();
        const LoadResult bom = load_policy_set("\xEF\xBB\xBF" + document, "bom.json");
        REQUIRE(bom.ok());
        REQUIRE(bom.diagnostics.size() == 1);
        CHECK(bom.diagnostics[0].severity == Severity::warning);
        CHECK(bom.diagnostics[0].line == 1);
        CHECK(bom.diagnostics[0].column == 1);
        expect_malformed_at("{\"a\": \xEF\xBB\xBF" "1}", 1, 7);
    }

    TEST_CASE("a NUL byte is refused, not taken for the end of the file") {
        const std::string document = document_with(json::array()).dump();
        const LoadResult result = load_policy_set(document + std::string(1, '\0') + "garbage", "nul.json");
        REQUIRE(result.fatal());
        CHECK(result.diagnostics.at(0).message.find("NUL byte") != std::string::npos);
        CHECK(result.diagnostics.at(0).column == position_of_offset(document, document.size()).column);
    }

    // ---- duplicate keys ------------------------------------------------------------------------------------------

    TEST_CASE("duplicate keys: at the top level the file is not ok; inside a rule only that policy goes") {
        std::string text = document_with(json::array({policy_json("a", nullptr)})).dump();
        text.insert(1, "\"version\":\"evil\",");
        const LoadResult top = load_policy_set(text, "dup.json");
        CHECK_FALSE(top.ok());
        CHECK(error_at(top.diagnostics, "/version") != nullptr);

        // {"var": "age", "var": "education"} would silently read the last var in other parsers.
        std::string with_rule = document_with(json::array(
            {policy_json("a", json::array({criterion("c", json{{"var", "age"}})})), policy_json("b", nullptr)})).dump();
        const std::string needle = "{\"var\":\"age\"}";
        with_rule.replace(with_rule.find(needle), needle.size(), "{\"var\":\"age\",\"var\":\"education\"}");
        const LoadResult inner = load_policy_set(with_rule, "dup.json");
        REQUIRE_FALSE(inner.fatal());
        REQUIRE(inner.set->policies.size() == 1);
        CHECK(inner.set->policies[0].id == "b");
        CHECK(error_at(inner.diagnostics, "/policies/0/criteria/0/rule/var") != nullptr);
    }

    // ---- javascript: and data: links -----------------------------------------------------------------------------

    TEST_CASE("links: script, data and look-alike schemes never reach a loaded policy") {
        using namespace std::string_literals;  // "...\0..."s keeps the NUL
        const std::vector<std::string> links{"javascript:alert(document.domain)", "JAVASCRIPT:alert(1)", "jAvAsCrIpT:void(0)",
                                      "java\tscript:alert(1)", "\njavascript:alert(1)", "javascript\0:x"s,
                                      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "DATA:,x",
                                      "blob:https://example.org/x", "filesystem:https://x/y", "about:blank",
                                      "vbscript:msgbox(1)", "file:///etc/passwd", "//evil.example/x", "\\\\evil\\share",
                                      "https:evil.example", "https://example.org/\xE2\x80\xAEgpj.exe"};
        for (const std::string& bad : links) {
            const LoadResult result = load_policy_json(document_with(json::array({policy_with_link(bad)})), "l.json");
            INFO(bad);
            REQUIRE_FALSE(result.fatal());
            CHECK(result.set->policies.empty());
            CHECK(error_at(result.diagnostics, "/policies/0/apply/links/0/url") != nullptr);
        }
        json document = document_with(json::array());
        document["sources"][0]["url"] = "javascript:alert(1)";
        const LoadResult source = load_policy_json(document, "s.json");
        CHECK(error_at(source.diagnostics, "/sources/0/url") != nullptr);
        if (source.set) {
            for (const Source& s : source.set->sources) CHECK(s.url.rfind("javascript", 0) != 0);
        }
    }

    // ---- bidirectional controls ----------------------------------------------------------------------------------

    TEST_CASE("bidirectional controls in texts and tags are flagged; in URLs they are errors") {
        for (const char* control : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"}) {
            const std::string spoof = std::string("补贴") + control + "exe.txt";
            json policy = policy_json("p", nullptr, {{"summary", {{"zh", spoof}, {"en", spoof}}},
                                                     {"tags", {{"zh", {spoof}}}}});
            const LoadResult result = load_policy_json(document_with(json::array({policy})), "b.json");
            INFO(describe(result.diagnostics));
            CHECK(result.ok());  // flagged, not fatal: policyctl validate and the skipped notice show the warnings
            CHECK(mentions(first_warning_at(result.diagnostics, "/policies/0/summary/zh"), "bidirectional"));
            CHECK(mentions(first_warning_at(result.diagnostics, "/policies/0/summary/en"), "bidirectional"));
            CHECK(mentions(first_warning_at(result.diagnostics, "/policies/0/tags/zh/0"), "bidirectional"));
        }
        // Neighbours of the ranges are ordinary characters (U+2029 paragraph separator, U+206A) and stay quiet.
        json quiet = policy_json("q", nullptr, {{"summary", {{"zh", "a\u2029b\u206Ac\u2065d"}}}});
        CHECK(load_policy_json(document_with(json::array({quiet})), "q.json").diagnostics.empty());
    }

    // ---- a 100 KB fragment ---------------------------------------------------------------------------------------

    TEST_CASE("a 100 KB fragment is ignored whole with one short notice") {
        for (const std::string& filler : {std::string(100 * 1024, 'a'), std::string(100 * 1024, '&'),
                                          "v=detail&p=" + std::string(100 * 1024, 'x'), "q=" + std::string(100 * 1024 / 3, 'Z') + "%E9%9D%92"}) {
            const FragmentDecode decoded = decode_fragment("#" + filler);
            CHECK(decoded.state == ShareState{});
            REQUIRE(decoded.problems.size() == 1);
            CHECK(decoded.problems[0].size() < 80);
        }
        // Just under the cap is read normally (and long ids are refused one by one).
        const FragmentDecode edge = decode_fragment("v=check&q=" + std::string(kMaxFragmentBytes - 10, 'a'));
        CHECK(edge.state.view == "check");
        CHECK(edge.state.query.empty());  // over the 200-byte query cap
    }
}
