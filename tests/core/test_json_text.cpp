#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/json_text.hpp"
#include "test_paths.hpp"
#include "test_support.hpp"

using namespace portal::core;

namespace {

const Diagnostic& only_error(const ParsedJson& parsed) {
    REQUIRE(parsed.diagnostics.size() >= 1);
    return parsed.diagnostics.back();
}

// The document as text, with the number types told apart (1, 1.0 and -0.0 print differently) and any invalid
// UTF-8 replaced instead of throwing.
std::string exact_text(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// nlohmann's own parser, the reference the quick path must match; nullopt when it refuses the text.
std::optional<nlohmann::json> reference_parse(const std::string& text) {
    nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
    if (value.is_discarded()) return std::nullopt;
    return value;
}

// The quick path either gives up or builds exactly nlohmann's document.
void check_quick_matches_reference(const std::string& text) {
    const std::optional<nlohmann::json> quick = detail::parse_json_quickly(text);
    if (!quick) return;
    const std::optional<nlohmann::json> reference = reference_parse(text);
    if (!reference) {
        // Only possible for bytes parse_json_text refuses before the quick path runs (invalid UTF-8, NUL).
        CHECK_MESSAGE(!parse_json_text(text, "f").parsed, text);
        return;
    }
    CHECK_MESSAGE(exact_text(*quick) == exact_text(*reference), text);
}

}  // namespace

TEST_SUITE("json_text") {
    TEST_CASE("valid JSON parses without diagnostics") {
        const ParsedJson parsed = parse_json_text(R"({"a": [1, 2.5, "三", null, true]})", "f.json");
        CHECK(parsed.ok);
        CHECK(parsed.parsed);
        CHECK(parsed.diagnostics.empty());
        CHECK(parsed.value["a"][2] == "三");
    }

    TEST_CASE("malformed JSON reports line and column") {
        const ParsedJson parsed = parse_json_text("{\n  \"a\": 1,\n  \"b\": ]\n}", "f.json");
        CHECK_FALSE(parsed.ok);
        CHECK_FALSE(parsed.parsed);
        const Diagnostic& error = only_error(parsed);
        CHECK(error.file == "f.json");
        CHECK(error.line == 3);
        CHECK(error.column == 8);
        CHECK(error.message.find("unexpected ']'") != std::string::npos);
        CHECK(to_string(error).rfind("f.json:3:8: error: ", 0) == 0);
    }

    TEST_CASE("columns count characters, not bytes") {
        const ParsedJson parsed = parse_json_text("{\"标题\": x}", "f.json");
        const Diagnostic& error = only_error(parsed);
        CHECK(error.line == 1);
        CHECK(error.column == 8);  // { " 标 题 " : space x
    }

    TEST_CASE("a trailing comma and an unterminated document") {
        CHECK(only_error(parse_json_text("[1, 2,]", "f")).column == 7);
        const ParsedJson unterminated = parse_json_text("{\"a\": [1, 2", "f");  // keeps the diagnostic alive
        const Diagnostic& eof = only_error(unterminated);
        CHECK(eof.line == 1);
        CHECK(eof.column == 12);  // just past the last character
        CHECK(eof.message.find("end of input") != std::string::npos);
        CHECK(only_error(parse_json_text("{\n  \"id\" \"x\"\n}", "f")).column == 8);  // the start of the unexpected "x"
    }

    TEST_CASE("empty input is an error with a clear message") {
        for (const char* text : {"", "   \n\t "}) {
            const ParsedJson parsed = parse_json_text(text, "f.json");
            CHECK_FALSE(parsed.ok);
            CHECK(only_error(parsed).message.find("empty file") != std::string::npos);
        }
    }

    TEST_CASE("invalid UTF-8 is rejected with its position") {
        const std::string text = "{\"a\": \"ok\",\n \"b\": \"\xFF\"}";
        const ParsedJson parsed = parse_json_text(text, "f.json");
        CHECK_FALSE(parsed.ok);
        const Diagnostic& error = only_error(parsed);
        CHECK(error.line == 2);
        CHECK(error.column == 8);
        CHECK(error.message.find("invalid UTF-8") != std::string::npos);
        CHECK(error.message.find("0xFF") != std::string::npos);
    }

    TEST_CASE("overlong forms, surrogates and truncated sequences are invalid UTF-8") {
        for (const std::string& bad : {std::string("\"\xC0\xAF\""), std::string("\"\xED\xA0\x80\""),
                                      std::string("\"\xE4\xB8\""), std::string("\"\xF4\x90\x80\x80\"")}) {
            const ParsedJson parsed = parse_json_text(bad, "f");
            CHECK_FALSE(parsed.ok);
            CHECK(only_error(parsed).message.find("invalid UTF-8") != std::string::npos);
        }
        CHECK(parse_json_text("\"\xF0\x9F\x98\x80\"", "f").ok);  // an emoji is fine
    }

    TEST_CASE("a BOM is accepted with a warning") {
        const ParsedJson parsed = parse_json_text("\xEF\xBB\xBF{\"a\": 1}", "f.json");
        CHECK(parsed.ok);
        REQUIRE(parsed.diagnostics.size() == 1);
        CHECK(parsed.diagnostics[0].severity == Severity::warning);
        CHECK(parsed.diagnostics[0].message.find("byte order mark") != std::string::npos);
        CHECK(parsed.value["a"] == 1);
    }

    TEST_CASE("duplicate keys are errors named by JSON pointer") {
        const ParsedJson parsed =
            parse_json_text(R"({"policies": [{"id": "a"}, {"id": "b", "title": 1, "id": "c"}], "x/y": {"k": 1, "k": 2}})", "f");
        CHECK(parsed.parsed);
        CHECK_FALSE(parsed.ok);
        REQUIRE(parsed.diagnostics.size() == 2);
        CHECK(parsed.diagnostics[0].pointer == "/policies/1/id");
        CHECK(parsed.diagnostics[1].pointer == "/x~1y/k");
        CHECK(parsed.diagnostics[0].message.find("duplicate key") != std::string::npos);
        CHECK(parsed.value["policies"][1]["id"] == "c");  // the last one wins, as in JavaScript
    }

    TEST_CASE("nesting deeper than the limit is refused before parsing") {
        const std::string deep = std::string(600, '[') + std::string(600, ']');
        const ParsedJson parsed = parse_json_text(deep, "f");
        CHECK_FALSE(parsed.ok);
        CHECK(only_error(parsed).message.find("nesting deeper") != std::string::npos);
        CHECK(only_error(parsed).column == 513);
        // Brackets inside strings do not count.
        CHECK(parse_json_text("\"" + std::string(600, '[') + "\"", "f").ok);
    }

    TEST_CASE("position_of_offset") {
        const std::string text = "ab\n中文x";
        CHECK(position_of_offset(text, 0).column == 1);
        CHECK(position_of_offset(text, 3).line == 2);
        CHECK(position_of_offset(text, 9).column == 3);  // after two 3-byte characters
    }

    TEST_CASE("unreadable files") {
        CHECK_FALSE(read_file_bytes("/nonexistent/file.json").has_value());
        CHECK_FALSE(read_file_bytes(PORTAL_TEST_DATA_DIR).has_value());  // a directory
        CHECK(read_file_bytes(std::string(PORTAL_TEST_DATA_DIR) + "/jsonlogic-tests.json").has_value());
    }

    TEST_CASE("garbage never crashes") {
        const char* inputs[] = {"{", "}", "[", "\"", "nul", "1e", "-", "{\"a\"}", "{\"a\":}", "[1 2]", "tru", "\"\\u12\"",
                                "\"\\uD800\"", "{\"a\":1}}", "1 2", "/* c */ 1", "NaN", "0x10", "01"};
        for (const char* input : inputs) {
            const ParsedJson parsed = parse_json_text(input, "f");
            CHECK_MESSAGE(!parsed.ok, input);
            CHECK_MESSAGE(parsed.diagnostics.back().line >= 1, input);
        }
    }

    TEST_CASE("the quick path builds exactly nlohmann's document: numbers, escapes, nesting, whitespace") {
        const char* inputs[] = {
            "0", "-0", "7", "-7", "123456789012345678", "-123456789012345678", "1.5", "-0.0", "1e5", "1E+5", "2.5e-3",
            "1e-400", "0.1", "3.141592653589793", "12345678901234567.5",
            R"("")", R"("plain")", R"("三 \u4e09 \u00e9")", R"("\ud83d\ude00 and \uD83D\uDE00")", R"("a\u0000b")",
            R"("\" \\ \/ \b \f \n \r \t")", "true", "false", "null", "[]", "{}", "[[]]", R"({"a":{}})",
            " \t\r\n[ 1 ,\n2 , { \"k\" : [ null ] } ] \n", R"({"b":1,"a":2,"c":[true,false,null]})",
            R"({"nested":{"deeper":{"deepest":[1,[2,[3,[4]]]]}}})"};
        for (const char* input : inputs) {
            CHECK_MESSAGE(detail::parse_json_quickly(input).has_value(), input);  // the common cases take the quick path
            check_quick_matches_reference(input);
        }
    }

    TEST_CASE("the quick path leaves every doubtful text to the careful parser") {
        const char* inputs[] = {"{", "}", "[", "\"", "nul", "1e", "-", "{\"a\"}", "{\"a\":}", "[1 2]", "tru", "\"\\u12\"",
                                "\"\\uD800\"", "\"\\uDC00\"", "\"\\uD800\\u0041\"", "{\"a\":1}}", "1 2", "/* c */ 1",
                                "NaN", "0x10", "01", "-01", "1.", ".5", "+1", "1e400", "-1e400", "1234567890123456789",
                                "18446744073709551616", "[1,]", "{\"a\":1,}", "{\"a\":1,\"a\":2}", "\"tab\there\"",
                                "\"\\x\"", "[1]x", "truex", ""};
        for (const char* input : inputs) {
            CHECK_MESSAGE(!detail::parse_json_quickly(input).has_value(), input);
        }
        // Nesting past the limit is left to the careful parser too (which refuses it), however deep it goes.
        CHECK(detail::parse_json_quickly("[[[1]]]", 3).has_value());
        CHECK_FALSE(detail::parse_json_quickly("[[[1]]]", 2).has_value());
        CHECK_FALSE(detail::parse_json_quickly(std::string(100000, '[') + std::string(100000, ']')).has_value());
        // ...and parse_json_text still explains them as before.
        CHECK(only_error(parse_json_text("{\"a\":1,\"a\":2}", "f")).pointer == "/a");
        CHECK(parse_json_text("18446744073709551616", "f").value.is_number_float());
        CHECK(parse_json_text("1234567890123456789", "f").value.get<std::uint64_t>() == 1234567890123456789ULL);
        CHECK(parse_json_text("-9223372036854775808", "f").value.get<std::int64_t>() == INT64_MIN);
    }

    TEST_CASE("the quick path matches nlohmann on the bundled data and on thousands of damaged copies") {
        const std::optional<std::string> bundled = read_file_bytes(PORTAL_POLICY_FILE);
        REQUIRE(bundled);
        const std::optional<nlohmann::json> quick = detail::parse_json_quickly(*bundled);
        REQUIRE(quick);
        CHECK(exact_text(*quick) == exact_text(*reference_parse(*bundled)));

        // Damage a small document in random places (a fixed seed, so a failure repeats) with bytes that matter to
        // JSON's grammar; every copy the quick path accepts must equal nlohmann's reading of it.
        const std::string base = R"({"id":"a-1","n":[0,-12,3.5e2,1e-3],"t":{"zh":"三\u4e09","en":"x\ty"},"b":[true,false,null]})";
        const std::string alphabet = "{}[]:,\"\\/-+.eE0123456789tfnulx \n\xE4\xB8\x89";
        std::mt19937 random(20261127);
        int accepted = 0;
        for (int round = 0; round < 4000; ++round) {
            const std::string text = portal::test::damaged_text(base, random, alphabet);
            if (detail::parse_json_quickly(text)) ++accepted;
            check_quick_matches_reference(text);
        }
        CHECK(accepted > 200);  // the damage often leaves valid JSON, so the comparison really ran
    }
}

