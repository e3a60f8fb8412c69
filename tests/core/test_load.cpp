// Loading and validating policy files: every contract check, with file + JSON pointer (or line:column).
#include <doctest/doctest.h>

#include <string>

#include "core/load.hpp"
#include "test_support.hpp"

using namespace portal::core;
using namespace portal::test;

namespace {

LoadResult load(const json& document) { return load_policy_json(document, "test.json"); }

// Loads a document with one policy and expects it to be skipped with an error at `pointer` mentioning `words`.
void expect_policy_error(const json& policy, const std::string& pointer, const std::string& words,
                         const json& questions = standard_questions()) {
    const LoadResult result = load(document_with(json::array({policy}), questions));
    INFO(describe(result.diagnostics));
    REQUIRE_FALSE(result.fatal());
    CHECK(result.set->policies.empty());
    REQUIRE(result.skipped.size() == 1);
    const Diagnostic* error = error_at(result.diagnostics, pointer);
    REQUIRE_MESSAGE(error != nullptr, "no error at " << pointer);
    CHECK_MESSAGE(error->message.find(words) != std::string::npos, error->message);
    CHECK(error->file == "test.json");
}

json rule_policy(const json& rule) { return policy_json("p", json::array({criterion("c", rule)})); }

}  // namespace

TEST_SUITE("load") {
    TEST_CASE("the fixture file loads completely") {
        const LoadResult result = load_policy_set(read_data("fixture-policies.json"), "fixture-policies.json");
        INFO(describe(result.diagnostics));
        REQUIRE(result.ok());
        CHECK(result.diagnostics.empty());
        const PolicySet& set = *result.set;
        CHECK(set.id == "fixture");
        CHECK(set.title.en == "Test policy set");
        CHECK(set.as_of == Date{2024, 6, 1});
        CHECK(set.sources.size() == 2);
        CHECK(set.sources[0].reliability == Reliability::confirmed);
        CHECK(set.sources[1].url.empty());
        CHECK(set.categories.size() == 4);
        CHECK(set.audiences.size() == 3);
        REQUIRE(set.questions.size() == 8);
        CHECK(set.questions[0].ordered);
        CHECK(set.questions[0].options.size() == 5);
        CHECK(set.questions[0].option_index("master") == 3);
        CHECK(set.questions[2].min == 16.0);
        CHECK(set.questions[2].unit.en == "years");
        CHECK(set.questions[4].ask_if.has_value());
        REQUIRE(set.policies.size() == 7);
        const Policy& living = set.policies[0];
        CHECK(living.id == "living-allowance");
        CHECK(living.criteria.size() == 3);
        CHECK(living.criteria[0].hint.zh == "需本科及以上学历");
        CHECK(living.benefits[0].amount_rule.has_value());
        CHECK(living.benefits[0].per == Per::year);
        CHECK(living.benefits[0].periods == 3);
        CHECK(living.valid.from == Date{2022, 1, 1});
        CHECK_FALSE(living.valid.until.has_value());
        CHECK(living.tags.zh == std::vector<std::string>{"安家", "补贴"});
        CHECK(living.apply.links[0].url == "https://example.gov.cn/apply");
        CHECK(living.examples.size() == 3);
        CHECK(living.examples[0].benefit_total == 120000.0);
        CHECK(living.category_index == 0);
        CHECK(living.source_index == 0);
        CHECK(set.policies[5].illustrative);
        CHECK(set.policies[5].eligible_when == EligibleWhen::any);
        CHECK(set.policies[6].eligible_when == EligibleWhen::rule);
        CHECK(set.policies[2].benefits[0].kind == BenefitKind::loan);
        CHECK_FALSE(set.policies[3].assessed());
        // excludes are symmetric: rent-subsidy (1) is excluded by living-allowance (0) and youth-apartment (6).
        CHECK(set.exclusions[1] == std::vector<int>{0, 6});
        CHECK(set.exclusions[0] == std::vector<int>{1});
        CHECK(set.policy_index("youth-apartment") == 6);
        CHECK(set.question_index("age") == 2);
        CHECK(set.question_index("nope") == -1);
    }

    TEST_CASE("fatal: not an object, wrong format, missing or mistyped top-level keys") {
        CHECK(load(json::array()).fatal());
        CHECK(load(json::array()).diagnostics[0].message.find("must be a JSON object") != std::string::npos);

        json document = document_with(json::array());
        document["format"] = "policy-portal/2";
        LoadResult wrong_format = load(document);
        REQUIRE(wrong_format.fatal());
        CHECK(wrong_format.diagnostics[0].pointer == "/format");
        CHECK(wrong_format.diagnostics[0].message.find("expected \"policy-portal/1\"") != std::string::npos);

        document = document_with(json::array());
        document.erase("format");
        CHECK(load(document).fatal());

        document = document_with(json::array());
        document.erase("questions");
        document.erase("version");
        LoadResult missing = load(document);
        REQUIRE(missing.fatal());
        CHECK(missing.diagnostics.size() == 2);
        CHECK(missing.diagnostics[0].message.find("\"version\"") != std::string::npos);

        document = document_with(json::array());
        document["policies"] = json::object();
        LoadResult not_array = load(document);
        REQUIRE(not_array.fatal());
        CHECK(not_array.diagnostics[0].pointer == "/policies");
    }

    TEST_CASE("malformed JSON, empty files, invalid UTF-8 and BOMs through load_policy_set") {
        LoadResult malformed = load_policy_set("{\n  \"format\": \"policy-portal/1\",\n  \"id\" \"x\"\n}", "bad.json");
        REQUIRE(malformed.fatal());
        CHECK(malformed.diagnostics[0].line == 3);
        CHECK(malformed.diagnostics[0].column == 8);
        CHECK(to_string(malformed.diagnostics[0]).rfind("bad.json:3:8: error:", 0) == 0);

        CHECK(load_policy_set("", "e.json").fatal());
        CHECK(load_policy_set("", "e.json").diagnostics[0].message.find("empty file") != std::string::npos);
        CHECK(load_policy_set("{\"id\": \"\xC3\x28\"}", "u.json").diagnostics[0].message.find("invalid UTF-8") != std::string::npos);

        const std::string with_bom = "\xEF\xBB\xBF" + document_with(json::array()).dump();
        LoadResult bom = load_policy_set(with_bom, "bom.json");
        CHECK_FALSE(bom.fatal());
        CHECK(bom.ok());  // a warning only
        REQUIRE(bom.diagnostics.size() == 1);
        CHECK(bom.diagnostics[0].severity == Severity::warning);
    }

    TEST_CASE("one broken policy never hides the rest; file order is kept") {
        json policies = json::array({policy_json("a", nullptr), policy_json("b", nullptr, {{"category", "nope"}}),
                                     policy_json("c", nullptr), json("not a policy")});
        const LoadResult result = load(document_with(policies));
        REQUIRE_FALSE(result.fatal());
        CHECK_FALSE(result.ok());
        REQUIRE(result.set->policies.size() == 2);
        CHECK(result.set->policies[0].id == "a");
        CHECK(result.set->policies[1].id == "c");
        CHECK(result.set->policies[1].file_index == 2);
        REQUIRE(result.skipped.size() == 2);
        CHECK(result.skipped[0].index == 1);
        CHECK(result.skipped[0].id == "b");
        CHECK(result.skipped[0].diagnostics[0].pointer == "/policies/1/category");
        CHECK(result.skipped[1].index == 3);
        CHECK(result.skipped[1].id.empty());
    }

    TEST_CASE("a duplicate key makes only its policy invalid") {
        json document = document_with(json::array({policy_json("a", nullptr), policy_json("b", nullptr)}));
        std::string text = document.dump();
        const std::string needle = "\"id\":\"b\"";
        text.replace(text.find(needle), needle.size(), "\"id\":\"b\",\"id\":\"b\"");
        const LoadResult result = load_policy_set(text, "dup.json");
        REQUIRE_FALSE(result.fatal());
        CHECK_FALSE(result.ok());
        REQUIRE(result.set->policies.size() == 1);
        CHECK(result.set->policies[0].id == "a");
        REQUIRE(result.skipped.size() == 1);
        CHECK(result.skipped[0].diagnostics[0].pointer == "/policies/1/id");
        CHECK(result.skipped[0].diagnostics[0].message.find("duplicate key") != std::string::npos);
    }

    TEST_CASE("wrong types are reported at their pointer") {
        expect_policy_error(policy_json("p", nullptr, {{"title", "plain string"}}), "/policies/0/title", "text object");
        expect_policy_error(policy_json("p", nullptr, {{"title", {{"en", "only English"}}}}), "/policies/0/title", "\"zh\"");
        expect_policy_error(policy_json("p", nullptr, {{"title", {{"zh", ""}}}}), "/policies/0/title/zh", "must not be empty");
        expect_policy_error(policy_json("p", nullptr, {{"category", 3}}), "/policies/0/category", "expected a string");
        expect_policy_error(policy_json("p", json::object()), "/policies/0/criteria", "expected an array");
        expect_policy_error(policy_json("p", nullptr, {{"illustrative", "yes"}}), "/policies/0/illustrative", "true or false");
        expect_policy_error(policy_json("p", nullptr, {{"benefits", {{{"kind", "cash"}, {"amount", "5000"}}}}}),
                            "/policies/0/benefits/0/amount", "number or a rule");
        expect_policy_error(policy_json("p", nullptr, {{"benefits", {{{"kind", "gift"}}}}}), "/policies/0/benefits/0/kind",
                            "is not one of");
        expect_policy_error(policy_json("p", nullptr, {{"benefits", {{{"kind", "cash"}, {"per", "week"}}}}}),
                            "/policies/0/benefits/0/per", "once, month, year");
        expect_policy_error(policy_json("p", nullptr, {{"benefits", {{{"kind", "cash"}, {"periods", 0}}}}}),
                            "/policies/0/benefits/0/periods", "positive");
        expect_policy_error(policy_json("p", nullptr, {{"benefits", {{{"kind", "cash"}, {"amount", -1}}}}}),
                            "/policies/0/benefits/0/amount", "negative");
        expect_policy_error(policy_json("p", nullptr, {{"eligible_when", "most"}}), "/policies/0/eligible_when", "\"all\", \"any\"");
        expect_policy_error(policy_json("p", nullptr, {{"tags", {{"zh", {1}}}}}), "/policies/0/tags/zh/0", "non-empty string");
        json no_title = policy_json("p", nullptr);
        no_title.erase("title");
        expect_policy_error(no_title, "/policies/0", "missing required field \"title\"");
    }

    TEST_CASE("ids: syntax and uniqueness in each list") {
        expect_policy_error(policy_json("Bad_ID", nullptr), "/policies/0/id", "not a valid id");
        expect_policy_error(policy_json("-x", nullptr), "/policies/0/id", "not a valid id");

        const LoadResult duplicates = load(document_with(json::array({policy_json("p", nullptr), policy_json("p", nullptr)})));
        CHECK(duplicates.set->policies.size() == 1);
        REQUIRE(error_at(duplicates.diagnostics, "/policies/1/id") != nullptr);
        CHECK(error_at(duplicates.diagnostics, "/policies/1/id")->message.find("first at /policies/0/id") != std::string::npos);

        json questions = standard_questions();
        questions.push_back(questions[1]);
        const LoadResult question_duplicate = load(document_with(json::array(), questions));
        CHECK(error_at(question_duplicate.diagnostics, "/questions/7/id") != nullptr);

        expect_policy_error(policy_json("p", json::array({criterion("c", true), criterion("c", true)})),
                            "/policies/0/criteria/1/id", "duplicate criterion id");

        json document = document_with(json::array());
        document["sources"].push_back(document["sources"][0]);
        CHECK(error_at(load(document).diagnostics, "/sources/1/id") != nullptr);

        json options = standard_questions();
        options[0]["options"].push_back({{"value", "phd"}, {"label", {{"zh", "又是博士"}}}});
        CHECK(error_at(load(document_with(json::array(), options)).diagnostics, "/questions/0/options/5/value") != nullptr);
    }

    TEST_CASE("dates must be real") {
        expect_policy_error(policy_json("p", nullptr, {{"valid", {{"from", "2024-02-30"}}}}), "/policies/0/valid/from", "not a real date");
        expect_policy_error(policy_json("p", nullptr, {{"valid", {{"from", "2024-06-01"}, {"until", "2024-01-01"}}}}),
                            "/policies/0/valid/until", "before");
        json document = document_with(json::array());
        document["as_of"] = "2024-6-1";
        CHECK(error_at(load(document).diagnostics, "/as_of") != nullptr);
        CHECK(load(document_with(json::array({policy_json("p", nullptr, {{"valid", {{"from", nullptr}, {"until", nullptr}}}})}))).ok());
    }

    TEST_CASE("URLs: only https, http, mailto and tel") {
        for (const char* bad : {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd",
                                "vbscript:x", "//example.org", "example.org", "https:/x", " https://x.org", "https://x.org/a b"}) {
            json policy = policy_json("p", nullptr, {{"apply", {{"links", {{{"label", {{"zh", "链接"}}}, {"url", bad}}}}}}});
            expect_policy_error(policy, "/policies/0/apply/links/0/url", "");
        }
        const LoadResult javascript = load(document_with(json::array(
            {policy_json("p", nullptr, {{"apply", {{"links", {{{"label", {{"zh", "x"}}}, {"url", "javascript:alert(1)"}}}}}}})})));
        CHECK(error_at(javascript.diagnostics, "/policies/0/apply/links/0/url")->message.find("\"javascript:\" is not allowed") != std::string::npos);

        for (const char* good : {"https://example.org/x?a=1", "http://example.org", "mailto:office@example.org", "tel:+86-575-12345678"}) {
            json policy = policy_json("p", nullptr, {{"apply", {{"links", {{{"label", {{"zh", "链接"}}}, {"url", good}}}}}}});
            CHECK_MESSAGE(load(document_with(json::array({policy}))).ok(), good);
        }
        json document = document_with(json::array());
        document["sources"][0]["url"] = "data:text/plain,hi";
        CHECK(error_at(load(document).diagnostics, "/sources/0/url") != nullptr);
    }

    TEST_CASE("every var names a question") {
        expect_policy_error(rule_policy({{">", {{{"var", "salary"}}, 1}}}), "/policies/0/criteria/0/rule/>/0/var",
                            "\"salary\" does not name a question");
        expect_policy_error(rule_policy({{"var", ""}}), "/policies/0/criteria/0/rule/var", "does not name a question");
        expect_policy_error(rule_policy({{"var", "age.years"}}), "/policies/0/criteria/0/rule/var", "does not name a question");
        // Inside map/filter the var reads the element, not the profile.
        CHECK(load(document_with(json::array({rule_policy({{"some", {{{"var", "maker_types"}}, {{"==", {{{"var", ""}}, "tech"}}}}}})}))).ok());
        // A dynamic path cannot be checked.
        expect_policy_error(rule_policy({{"var", {{{"cat", {"a", "ge"}}}}}}), "/policies/0/criteria/0/rule/var", "literal name");
    }

    TEST_CASE("eligible_when vars must be criteria of the same policy") {
        json policy = policy_json("p", json::array({criterion("a", true), criterion("b", true)}),
                                  {{"eligible_when", {{"or", {{{"var", "criteria.a"}}, {{"var", "criteria.c"}}}}}}});
        expect_policy_error(policy, "/policies/0/eligible_when/or/1/var", "criteria.<id>");
        json on_question = policy_json("p", json::array({criterion("a", true)}), {{"eligible_when", {{"var", "age"}}}});
        expect_policy_error(on_question, "/policies/0/eligible_when/var", "criteria.<id>");
    }

    TEST_CASE("choice values compared in rules must be options") {
        expect_policy_error(rule_policy({{"==", {{{"var", "education"}}, "doctorate"}}}), "/policies/0/criteria/0/rule/==/1",
                            "\"doctorate\" is not an option of question \"education\"");
        expect_policy_error(rule_policy({{"in", {{{"var", "education"}}, {"master", "phd", "postdoc"}}}}),
                            "/policies/0/criteria/0/rule/in/1/2", "\"postdoc\" is not an option");
        expect_policy_error(rule_policy({{"in", {"robotics", {{"var", "maker_types"}}}}}), "/policies/0/criteria/0/rule/in/0",
                            "\"robotics\" is not an option of question \"maker_types\"");
        CHECK(load(document_with(json::array({rule_policy({{"in", {{{"var", "education"}}, {"master", "phd"}}}})}))).ok());
    }

    TEST_CASE("rank needs an ordered choice question") {
        expect_policy_error(rule_policy({{">", {{{"rank", {{{"var", "maker_types"}}}}}, 0}}}), "/policies/0/criteria/0/rule/>/0/rank",
                            "ordered choice");
        json questions = standard_questions();
        questions[0]["ordered"] = false;
        expect_policy_error(rule_policy({{">", {{{"rank", {{{"var", "education"}}}}}, 0}}}), "/policies/0/criteria/0/rule/>/0/rank",
                            "ordered choice", questions);
    }

    TEST_CASE("unknown operators and nesting deeper than 64") {
        expect_policy_error(rule_policy({{"regex", {"a", "b"}}}), "/policies/0/criteria/0/rule/regex", "unknown operator \"regex\"");
        expect_policy_error(rule_policy({{"==", {{{"a", 1}, {"b", 2}}, 1}}}), "/policies/0/criteria/0/rule/==/0", "exactly one key");
        json deep = {{"var", "employed"}};
        for (int i = 0; i < 64; ++i) deep = {{"!", {deep}}};
        const LoadResult result = load(document_with(json::array({rule_policy(deep)})));
        REQUIRE(result.skipped.size() == 1);
        const Diagnostic& error = result.skipped[0].diagnostics.at(0);
        CHECK(error.message.find("deeper than 64") != std::string::npos);
        CHECK(error.pointer.rfind("/policies/0/criteria/0/rule/!/0/!/0", 0) == 0);  // points into the rule, where it got too deep
        deep = {{"var", "employed"}};
        for (int i = 0; i < 63; ++i) deep = {{"!", {deep}}};
        CHECK(load(document_with(json::array({rule_policy(deep)}))).ok());  // 64 levels are fine
    }

    TEST_CASE("references: source, category, excludes, audiences") {
        expect_policy_error(policy_json("p", nullptr, {{"source", "ghost"}}), "/policies/0/source", "source \"ghost\" does not exist");
        expect_policy_error(policy_json("p", nullptr, {{"category", "ghost"}}), "/policies/0/category", "category \"ghost\" does not exist");
        expect_policy_error(policy_json("p", nullptr, {{"excludes", {"ghost"}}}), "/policies/0/excludes/0", "policy \"ghost\" does not exist");
        expect_policy_error(policy_json("p", nullptr, {{"excludes", {"p"}}}), "/policies/0/excludes/0", "itself");
        // Without a top-level audiences list any id is accepted; with one, ids must be listed.
        CHECK(load(document_with(json::array({policy_json("p", nullptr, {{"audiences", {"anyone"}}})}))).ok());
        json document = document_with(json::array({policy_json("p", nullptr, {{"audiences", {"graduate", "alien"}}})}));
        document["audiences"] = json::array({{{"id", "graduate"}, {"name", {{"zh", "毕业生"}}}}});
        const LoadResult result = load(document);
        REQUIRE(error_at(result.diagnostics, "/policies/0/audiences/1") != nullptr);
        CHECK(error_at(result.diagnostics, "/policies/0/audiences/1")->message.find("\"alien\"") != std::string::npos);
    }

    TEST_CASE("questions: types, options, ask_if") {
        json questions = standard_questions();
        questions[1]["type"] = "integer";
        questions[2]["ask_if"] = {{"==", {{{"var", "nobody"}}, true}}};
        questions[4]["min"] = 5;
        questions[4]["max"] = 1;
        questions.push_back({{"id", "empty"}, {"type", "choice"}, {"label", {{"zh", "空"}}}, {"options", json::array()}});
        const LoadResult result = load(document_with(json::array({rule_policy({{">", {{{"var", "age"}}, 1}}})}), questions));
        CHECK(error_at(result.diagnostics, "/questions/1/type") != nullptr);
        CHECK(error_at(result.diagnostics, "/questions/2/ask_if/==/0/var") != nullptr);
        CHECK(error_at(result.diagnostics, "/questions/7/options") != nullptr);
        // The invalid question "age" is dropped, and a rule reading it says why.
        const Diagnostic* reads_invalid = error_at(result.diagnostics, "/policies/0/criteria/0/rule/>/0/var");
        REQUIRE(reads_invalid != nullptr);
        CHECK(reads_invalid->message.find("invalid (see /questions/1)") != std::string::npos);
        CHECK(result.set->question_index("age") == -1);
        CHECK(result.set->question_index("employed") >= 0);
    }

    TEST_CASE("examples: profiles must fit the questions") {
        json example = {{"name", "e"}, {"profile", {{"education", "doctor"}, {"age", "thirty"}, {"pets", 2}}}, {"expect", "eligible"}};
        const LoadResult result = load(document_with(json::array({policy_json("p", nullptr, {{"examples", {example}}})})));
        CHECK(error_at(result.diagnostics, "/policies/0/examples/0/profile/education") != nullptr);
        CHECK(error_at(result.diagnostics, "/policies/0/examples/0/profile/age") != nullptr);
        CHECK(error_at(result.diagnostics, "/policies/0/examples/0/profile/pets") != nullptr);
        json bad_expect = {{"profile", json::object()}, {"expect", "maybe"}};
        expect_policy_error(policy_json("p", nullptr, {{"examples", {bad_expect}}}), "/policies/0/examples/0/expect", "is not one of");
    }

    TEST_CASE("unknown fields are warnings") {
        json document = document_with(json::array({policy_json("p", nullptr, {{"eligble_when", "all"}})}));
        document["note"] = "hi";
        const LoadResult result = load(document);
        CHECK(result.ok());
        CHECK(result.set->policies.size() == 1);
        REQUIRE(result.diagnostics.size() == 2);
        CHECK(result.diagnostics[0].severity == Severity::warning);
        CHECK(result.diagnostics[0].pointer == "/note");
        CHECK(result.diagnostics[1].pointer == "/policies/0/eligble_when");
    }

    TEST_CASE("no input crashes the loader") {
        const char* texts[] = {"null", "1", "\"x\"", "[]", "{}", R"({"format": 1})", R"({"format": "policy-portal/1"})",
                               R"({"format": "policy-portal/1", "id": 1, "title": 1, "version": 1, "sources": [1, {}],
                                   "categories": [null, {"id": "c"}], "questions": [[], {"id": "q"}, {"id": "r", "type": "choice", "options": [1, {}]}],
                                   "policies": [[], {}, {"id": "x", "criteria": [{}, 1, {"id": "c", "rule": {"var": [1, 2, 3]}}],
                                   "benefits": [{}, 1], "examples": [1, {"profile": 1}], "valid": 1, "apply": {"links": [1, {}]},
                                   "tags": [], "excludes": [1], "audiences": [1]}], "audiences": 5})"};
        for (const char* text : texts) {
            const LoadResult result = load_policy_set(text, "x.json");
            CHECK_MESSAGE(!result.ok(), text);
        }
    }
}
