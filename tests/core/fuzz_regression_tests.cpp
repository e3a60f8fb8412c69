// Regression tests for what the fuzz targets in tests/fuzz found (docs/SECURITY.md lists each finding and fix).
// Each case is the smallest input that broke a property, so the bug stays fixed without running the fuzzer.
#include <doctest/doctest.h>

#include <string>

#include "core/json_text.hpp"
#include "core/share_state.hpp"

using namespace portal::core;

namespace {

// The fuzz_fragment property: a decoded state re-encodes to a link that decodes to the same state, cleanly.
void check_round_trip(const std::string& fragment) {
    INFO(fragment.substr(0, 80));
    const FragmentDecode first = decode_fragment(fragment);
    const std::string encoded = encode_fragment(first.state);
    CHECK(encoded.size() <= kMaxFragmentBytes);
    const FragmentDecode second = decode_fragment(encoded);
    CHECK(second.problems.empty());
    CHECK(second.state == first.state);
    CHECK(encode_fragment(second.state) == encoded);
}

}  // namespace

TEST_SUITE("fuzz_regressions") {
    TEST_CASE("fuzz_fragment: empty answers \"a={}\" decode as no answers, as encode leaves them out") {
        check_round_trip("a={}");
        check_round_trip("a=%7B%7D&v=check");
        CHECK_FALSE(decode_fragment("a={}").state.answers.has_value());
        CHECK(decode_fragment("a={}").problems.empty());
    }

    TEST_CASE("fuzz_fragment: spelled-out defaults (v=explore, sort=relevance) decode as the defaults") {
        check_round_trip("v=explore&sort=relevance");
        check_round_trip("v=detail&v=explore");
        const FragmentDecode decoded = decode_fragment("v=explore&sort=relevance");
        CHECK(decoded.state == ShareState{});
        CHECK(decoded.problems.empty());
        CHECK(decode_fragment("sort=value&sort=relevance").state.sort.empty());  // the last one wins, as before
    }

    TEST_CASE("fuzz_fragment: answers that fit raw but not percent-encoded are dropped with a notice") {
        // 3,000 '!' fit in an 8 KB link as they are, but each becomes "%21" when the app rewrites the link.
        const std::string answers = "a={\"note\":\"" + std::string(3000, '!') + "\"}";
        check_round_trip(answers);
        const FragmentDecode decoded = decode_fragment(answers + "&v=check");
        CHECK_FALSE(decoded.state.answers.has_value());
        CHECK(decoded.state.view == "check");  // the rest of the link still applies
        REQUIRE(decoded.problems.size() == 1);
        CHECK(decoded.problems[0].find("too long") != std::string::npos);

        const std::string fits = "a={\"note\":\"" + std::string(2000, '!') + "\"}";
        CHECK(decode_fragment(fits).state.answers.has_value());
        check_round_trip(fits);
    }

    TEST_CASE("fuzz_fragment artifact: a NUL after the answers' JSON") {
        // The artifact was "a={}" followed by NUL bytes: nlohmann stops at a NUL as if the text ended there.
        check_round_trip(std::string("a={}") + std::string(100, '\0') + "!");
        check_round_trip(std::string("a={\"age\":3}") + std::string(3, '\0') + "junk");
    }

    TEST_CASE("found while reducing that artifact: a NUL byte in a policy file is an error, not the end of the file") {
        const ParsedJson parsed = parse_json_text(std::string("{\"a\": 1}\0{\"b\": [", 15), "nul.json");
        CHECK_FALSE(parsed.parsed);
        REQUIRE(parsed.diagnostics.size() == 1);
        CHECK(parsed.diagnostics[0].line == 1);
        CHECK(parsed.diagnostics[0].column == 9);
        CHECK(parsed.diagnostics[0].message.find("NUL byte") != std::string::npos);
        CHECK_FALSE(parse_json_text(std::string("[1,\0 2]", 7), "nul.json").parsed);
    }
}
