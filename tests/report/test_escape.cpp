// Escaping, URL allow-list, bidi controls, and the SHA-256 behind the pages' CSP hashes.
#include <doctest/doctest.h>

#include "report/escape.hpp"
#include "report/html_page.hpp"
#include "report/sha256.hpp"

using namespace portal::report;

TEST_SUITE("escape") {
    TEST_CASE("markup characters become references") {
        CHECK(escape_html("<script>alert(\"x\")</script>") == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
        CHECK(escape_html("Tom & Jerry's") == "Tom &amp; Jerry&#39;s");
        CHECK(escape_attr("\" onmouseover=\"x") == "&quot; onmouseover=&quot;x");
        CHECK(escape_html("中文不变") == "中文不变");
    }

    TEST_CASE("bidi and control characters are removed") {
        // U+202E right-to-left override, U+2066 isolate, U+200F RLM, U+061C ALM, a NUL and an escape.
        const std::string hostile = "a\u202Eb\u2066c\u2069d\u200Fe\u061Cf" + std::string(1, '\0') + "g\x1bh";
        CHECK(strip_controls(hostile) == "abcdefgh");
        CHECK(escape_html("x\u202E<y") == "x&lt;y");
        CHECK(strip_controls("line\nnext\ttab") == "line\nnext\ttab");
        CHECK(strip_controls("\u2014 \u2192") == "\u2014 \u2192");  // other E2 80/E2 81 characters stay
    }

    TEST_CASE("only the contract's URL schemes pass") {
        CHECK(allowed_url("https://example.org/a?b=1&c=2") == std::optional<std::string>("https://example.org/a?b=1&c=2"));
        CHECK(allowed_url("HTTP://example.org").has_value());
        CHECK(allowed_url("mailto:office@example.org").has_value());
        CHECK(allowed_url("tel:+86-575-1234").has_value());
        for (const char* bad : {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
                                "java\tscript:alert(1)", "data:text/html,<b>", "vbscript:x", "//evil.example",
                                "relative/path", "", "https://exa mple.org", "https://example.org/\u202Egpj.exe"}) {
            CAPTURE(bad);
            CHECK_FALSE(allowed_url(bad).has_value());
        }
    }
}

TEST_SUITE("other") {
    TEST_CASE("sha256 and base64 match the standard vectors") {
        const auto empty = sha256("");
        CHECK(base64(empty.data(), empty.size()) == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        const auto abc = sha256("abc");
        CHECK(base64(abc.data(), abc.size()) == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
        // Two blocks of padding.
        const auto two = sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
        CHECK(base64(two.data(), two.size()) == "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=");
        CHECK(csp_hash("abc") == "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
        CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    TEST_CASE("a page's CSP names its own style and allows no script") {
        PageParts parts;
        parts.title = "t<";
        parts.style = "body{color:red}";
        parts.body = "<p>x</p>\n";
        const std::string page = html_document(parts);
        CHECK(page.find("<style>body{color:red}</style>") != std::string::npos);
        CHECK(page.find(csp_hash("body{color:red}")) != std::string::npos);
        CHECK(page.find("default-src 'none'") != std::string::npos);
        CHECK(page.find("<title>t&lt;</title>") != std::string::npos);
        CHECK(page.find("<script") == std::string::npos);
    }
}
