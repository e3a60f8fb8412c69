// The text version page: every policy appears in both languages, everything is escaped, links are filtered.
#include <doctest/doctest.h>

#include "core/load.hpp"
#include "report/escape.hpp"
#include "report/policies_html.hpp"
#include "test_support.hpp"

using namespace portal::core;
using namespace portal::test;
using portal::report::policies_html;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

PolicySet load_file(const std::string& path) {
    auto bytes = read_file_bytes(path);
    REQUIRE(bytes.has_value());
    LoadResult result = load_policy_set(*bytes, path);
    REQUIRE_FALSE(result.fatal());
    return std::move(*result.set);
}

// One policy whose texts try to break out of every context they are written into.
PolicySet hostile_set() {
    json policy = policy_json("evil", json::array({criterion("c1", json::parse(R"({"==": [{"var": "employed"}, true]})"))}));
    policy["title"] = {{"zh", "<script>alert(1)</script>标题"}, {"en", "Title \" onclick=\"x"}};
    policy["summary"] = {{"zh", "abc\u202Eevil\u202Cdef"}, {"en", "it's <b>bold</b> & more"}};
    policy["criteria"][0]["label"] = {{"zh", "在上虞就业 <img src=x onerror=alert(1)>"}, {"en", "Works here"}};
    policy["apply"] = {{"how", {{"zh", "线上"}}},
                       {"links", json::array({{{"label", {{"zh", "办事\"大厅"}}}, {"url", "https://example.org/?a=1&b=\"2\""}}})}};
    PolicySet set = load_valid(document_with(json::array({policy})));
    set.policies[0].apply.links.push_back({{"点我", "Click"}, "javascript:alert(1)"});
    set.policies[0].apply.links.push_back({{"大写", "Upper"}, " JAVASCRIPT:alert(2)"});
    set.policies[0].apply.links.push_back({{}, "javascript:alert(3)"});  // no label: nothing at all is written
    return set;
}

}  // namespace

TEST_SUITE("policies_html") {
    TEST_CASE("hostile text is escaped everywhere") {
        const std::string page = policies_html(hostile_set());
        CHECK_FALSE(contains(page, "<script"));
        CHECK_FALSE(contains(page, "<img"));
        CHECK_FALSE(contains(page, "<b>"));
        CHECK(contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;标题"));
        CHECK(contains(page, "Title &quot; onclick=&quot;x"));
        CHECK(contains(page, "it&#39;s &lt;b&gt;bold&lt;/b&gt; &amp; more"));
        CHECK(contains(page, "href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\""));
        CHECK(contains(page, "办事&quot;大厅"));
    }

    TEST_CASE("a javascript: link is never written, only its label") {
        const std::string page = policies_html(hostile_set());
        CHECK_FALSE(contains(page, "javascript:"));
        CHECK_FALSE(contains(page, "JAVASCRIPT:"));
        CHECK(contains(page, "点我"));
        // The three hrefs to other sites are the allowed link and the source; nothing else leaves the page.
        CHECK(count(page, "href=\"http") == 2);
    }

    TEST_CASE("a set built by hand: unknown category and source, no exclusion table") {
        PolicySet set;
        set.title = {"手工", "By hand"};
        Policy policy;
        policy.id = "loose";
        policy.title = {"散件", "Loose"};
        set.policies.push_back(policy);
        const std::string page = policies_html(set);
        CHECK(contains(page, "id=\"p-loose\""));
        CHECK(contains(page, "<span lang=\"zh-CN\">其他</span>"));
    }

    TEST_CASE("bidi controls are removed") {
        const std::string page = policies_html(hostile_set());
        CHECK(contains(page, "abcevildef"));
        for (const char* control : {"\u202E", "\u202C", "\u2066", "\u200F"}) CHECK_FALSE(contains(page, control));
    }

    TEST_CASE("a page in both languages with its own lang attributes") {
        const PolicySet set = load_file(data_path("fixture-policies.json"));
        const std::string page = policies_html(set);
        CHECK(page.rfind("<!doctype html>\n<html lang=\"zh-CN\">", 0) == 0);
        CHECK(contains(page, "http-equiv=\"Content-Security-Policy\""));
        CHECK(contains(page, "lang=\"en\""));
        for (const Policy& policy : set.policies) {
            CAPTURE(policy.id);
            CHECK(contains(page, "id=\"p-" + policy.id + "\""));
            CHECK(contains(page, "<span lang=\"zh-CN\">" + portal::report::escape_html(policy.title.zh) + "</span>"));
            if (!policy.title.en.empty())
                CHECK(contains(page, "<span lang=\"en\" class=\"en\">" + portal::report::escape_html(policy.title.en) + "</span>"));
            CHECK(contains(page, "href=\"#p-" + policy.id + "\""));  // in the table of contents
        }
        CHECK(contains(page, set.version));
        CHECK(contains(page, "<nav id=\"toc\""));
        CHECK_FALSE(contains(page, "<script"));
    }

    TEST_CASE("benefits, conditions, exclusions and the source") {
        const PolicySet set = load_file(data_path("fixture-policies.json"));
        const std::string page = policies_html(set);
        CHECK(contains(page, "<table class=\"benefits\">"));
        CHECK(contains(page, "<th scope=\"col\">"));
        CHECK(contains(page, "额度，不计入合计"));             // the founder loan
        CHECK(contains(page, "<ol class=\"criteria\">"));
        CHECK(contains(page, "不可同时享受"));                  // living allowance and rent subsidy exclude each other
        CHECK(contains(page, "可靠性"));
        for (const Policy& policy : set.policies) {
            for (const Criterion& criterion : policy.criteria)
                CHECK(contains(page, portal::report::escape_html(criterion.label.zh)));
        }
    }

    TEST_CASE("the bundled data: every policy is on the page") {
        const PolicySet set = load_file(PORTAL_POLICY_FILE);
        const std::string page = policies_html(set);
        CHECK(count(page, "<article class=\"policy\"") == set.policies.size());
        for (const Policy& policy : set.policies) CHECK(contains(page, "id=\"p-" + policy.id + "\""));
        CHECK(contains(page, "示例"));  // the illustrative policy says it is an example
    }

    TEST_CASE("each policy carries its certainty, ceilings read as ceilings, and the page says what unconfirmed means") {
        json capped = policy_json("capped", json::array({criterion("c", json::parse(R"({"==": [{"var": "employed"}, true]})"))}),
                                  {{"benefits", json::parse(R"([{"label": {"zh": "补贴"}, "kind": "cash", "amount": 5000, "up_to": true}])")}});
        json document = document_with(json::array({capped}));
        document["as_of"] = "2024-06-01";
        const std::string undated = policies_html(load_valid(document));
        CHECK(contains(undated, "<span class=\"badge unconfirmed\"><span lang=\"zh-CN\">○ 条款待核实</span>"));
        CHECK(contains(undated, "最高 5,000 元"));
        CHECK(contains(undated, "up to CNY 5,000"));
        CHECK(contains(undated, "“条款待核实”"));
        document["sources"][0]["date"] = "2024-01-15";
        CHECK(contains(policies_html(load_valid(document)), "<span class=\"badge confirmed\"><span lang=\"zh-CN\">✓ 条款已核实</span>"));
    }
}
