// `policyctl lint`'s findings: one test per code, both ways, and lint_accept.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/lint.hpp"
#include "test_support.hpp"

using namespace portal::core;
using namespace portal::test;

namespace {

// Questions: `region` is the location question; `graduation_date`, `age` and `education` are not.
json lint_questions() {
    return json::parse(R"([
      {"id": "region", "type": "choice", "location": true, "label": {"zh": "就业地"},
       "options": [{"value": "shangyu", "label": {"zh": "上虞"}}, {"value": "elsewhere", "label": {"zh": "其他"}}]},
      {"id": "graduation_date", "type": "date", "label": {"zh": "毕业日期"}},
      {"id": "age", "type": "number", "label": {"zh": "年龄"}},
      {"id": "education", "type": "choice", "ordered": true, "label": {"zh": "学历"},
       "options": [{"value": "bachelor", "label": {"zh": "本科"}}, {"value": "phd", "label": {"zh": "博士"}}]}
    ])");
}

json in_shangyu() { return criterion("here", {{"==", {{{"var", "region"}}, "shangyu"}}}); }
json adult() { return criterion("adult", {{">=", {{{"var", "age"}}, 18}}}); }
json phd() { return criterion("phd", {{"==", {{{"var", "education"}}, "phd"}}}); }
json years_since_graduation() { return json::parse(R"({"years_since": [{"var": "graduation_date"}]})"); }
json recent(const std::string& op, int years, const std::string& label_zh, const std::string& label_en = "") {
    json c = criterion("recent", {{op, json::array({years_since_graduation(), years})}});
    c["label"] = {{"zh", label_zh}};
    if (!label_en.empty()) c["label"]["en"] = label_en;
    return c;
}
json ok_recent() { return recent("<", 5, "毕业不满5年", "Graduated within 5 years"); }
json all_criteria() { return json::array({in_shangyu(), adult(), phd(), ok_recent()}); }

// A document whose only policy is clean, with extra fields merged into it.
json clean_document(const json& extra = json::object(), const json& criteria = all_criteria()) {
    json policy = policy_json("p", criteria, {{"level", "district"}});
    for (auto item = extra.begin(); item != extra.end(); ++item) policy[item.key()] = item.value();
    json document = document_with(json::array({policy}), lint_questions());
    document["sources"] = json::parse(R"([
      {"id": "src", "title": {"zh": "官方"}, "date": "2024-01-01", "reliability": "confirmed"},
      {"id": "undated", "title": {"zh": "无日期"}, "reliability": "confirmed"},
      {"id": "compilation", "title": {"zh": "汇编"}, "date": "2024-01-01", "reliability": "secondary"}
    ])");
    return document;
}

std::vector<LintFinding> lint(const json& document) { return lint_policy_set(load_valid(document), document); }

std::vector<std::string> codes(const std::vector<LintFinding>& findings) {
    std::vector<std::string> out;
    for (const LintFinding& finding : findings) out.push_back(finding.code + (finding.accepted ? " (accepted)" : "") + " " + finding.pointer);
    return out;
}

}  // namespace

TEST_SUITE("lint") {
    TEST_CASE("a clean file has no findings") {
        CHECK(codes(lint(clean_document())).empty());
    }

    TEST_CASE("missing-level, and local-without-location for district, city and province programmes") {
        json document = clean_document();
        document["policies"][0].erase("level");
        CHECK(codes(lint(document)) == std::vector<std::string>{"missing-level /policies/0"});

        for (const char* level : {"district", "city", "province"}) {
            INFO(level);
            document = clean_document({{"level", level}, {"criteria", json::array({adult(), phd(), ok_recent()})}});
            document["questions"][0]["location"] = true;
            const auto findings = lint(document);
            CHECK(codes(findings) == std::vector<std::string>{"unread-question /questions/0", "local-without-location /policies/0/level"});
        }
        // A national programme needs no location; a local one reading region is fine; one without criteria
        // promises nothing.
        CHECK(codes(lint(clean_document({{"level", "national"}, {"criteria", json::array({adult(), phd(), ok_recent()})}}))) ==
              std::vector<std::string>{"unread-question /questions/0"});
        json descriptive = clean_document();
        descriptive["policies"][0].erase("criteria");
        descriptive["policies"].push_back(policy_json("reader", all_criteria(), {{"level", "national"}}));
        CHECK(codes(lint(descriptive)).empty());
        // The question must be marked: the same rule over an unmarked question warns.
        document = clean_document();
        document["questions"][0].erase("location");
        CHECK(codes(lint(document)) == std::vector<std::string>{"local-without-location /policies/0/level"});
    }

    TEST_CASE("years-within: an inclusive bound beside wording that means fewer than N years") {
        const auto findings_for = [](const json& recent_criterion) {
            return codes(lint(clean_document({}, json::array({in_shangyu(), adult(), phd(), recent_criterion}))));
        };
        const std::vector<std::string> warned{"years-within /policies/0/criteria/3/rule"};
        CHECK(findings_for(recent("<=", 5, "毕业不满5年")) == warned);
        CHECK(findings_for(recent("<=", 5, "毕业5年内")) == warned);
        CHECK(findings_for(recent("<=", 5, "毕业五年以内")) == warned);
        CHECK(findings_for(recent("<=", 2, "毕业两年内")) == warned);
        CHECK(findings_for(recent("<=", 5, "毕业", "Graduated within 5 years")) == warned);
        CHECK(findings_for(recent("<=", 5, "毕业", "Graduated within the last five years")) == warned);
        CHECK(findings_for(recent("<", 6, "毕业不满5年")) == warned);  // < 6 on whole years is <= 5
        // The exact form and honest wording pass.
        CHECK(findings_for(recent("<", 5, "毕业不满5年")).empty());
        CHECK(findings_for(recent("<=", 5, "毕业不超过5年")).empty());
        CHECK(findings_for(recent("<=", 5, "毕业不满3年")).empty());  // another N: not this rule's wording
        CHECK(findings_for(recent("<=", 5, "毕业15年内")).empty());

        // Reversed and between forms, and nesting inside and/if: the pointer names the comparison.
        json reversed = criterion("recent", json::parse(R"({"and": [{"var": "age"}, {">=": [5, {"years_since": [{"var": "graduation_date"}]}]}]})"));
        reversed["hint"] = {{"zh", "须毕业不满5年"}};
        CHECK(findings_for(reversed) == std::vector<std::string>{"years-within /policies/0/criteria/3/rule/and/1"});
        json between = criterion("recent", {{"<=", json::array({0, years_since_graduation(), 5})}});
        between["terms"] = {{"zh", "毕业5年内"}};
        CHECK(findings_for(between) == warned);
        json exact_between = criterion("recent", {{"<", json::array({-1, years_since_graduation(), 5})}});
        exact_between["terms"] = {{"zh", "毕业5年内"}};
        CHECK(findings_for(exact_between).empty());
    }

    TEST_CASE("says_within_years recognises the usual phrasings and only the given N") {
        CHECK(says_within_years("毕业不满 5 年", 5));
        CHECK(says_within_years("未满五年", 5));
        CHECK(says_within_years("近3年内", 3));
        CHECK(says_within_years("Within  2 years of graduating", 2));
        CHECK(says_within_years("less than two years", 2));
        CHECK(says_within_years("a within-5-year window, within 5-year", 5));
        CHECK_FALSE(says_within_years("within 5 years", 3));
        CHECK_FALSE(says_within_years("within 15 years", 5));
        CHECK_FALSE(says_within_years("2015年内", 5));
        CHECK_FALSE(says_within_years("不超过5年", 5));
        CHECK_FALSE(says_within_years("", 5));
    }

    TEST_CASE("secondary-benefit: each benefit with an amount on a policy from a secondary source") {
        const json benefits = json::array({{{"kind", "cash"}, {"amount", 1000}}, {{"kind", "service"}},
                                           {{"kind", "cash"}, {"amount", json::parse(R"({"if": [{"var": "age"}, 1, 2]})")}}});
        CHECK(codes(lint(clean_document({{"source", "compilation"}, {"benefits", benefits}}))) ==
              std::vector<std::string>{"secondary-benefit /policies/0/benefits/0/amount", "secondary-benefit /policies/0/benefits/2/amount"});
        CHECK(codes(lint(clean_document({{"benefits", benefits}}))).empty());
    }

    TEST_CASE("undated-terms-source: terms (the policy's or a criterion's) behind a source without a date") {
        CHECK(codes(lint(clean_document({{"source", "undated"}, {"terms", {{"zh", "条款"}}}}))) ==
              std::vector<std::string>{"undated-terms-source /policies/0/source"});
        json criteria = all_criteria();
        criteria[1]["terms"] = {{"zh", "年满18周岁"}};
        CHECK(codes(lint(clean_document({{"source", "undated"}}, criteria))) ==
              std::vector<std::string>{"undated-terms-source /policies/0/source"});
        CHECK(codes(lint(clean_document({{"terms", {{"zh", "条款"}}}, {"confirmed_in_force", {{"date", "2024-05-01"}, {"source", "undated"}}}}))) ==
              std::vector<std::string>{"undated-terms-source /policies/0/confirmed_in_force/source"});
        CHECK(codes(lint(clean_document({{"source", "undated"}}))).empty());  // no terms stated: nothing to date
    }

    TEST_CASE("unread-question: ask_if, criteria and amounts count as reads; a question's own ask_if does not") {
        json document = clean_document();
        document["questions"].push_back(json::parse(R"({"id": "spare", "type": "boolean", "label": {"zh": "备用"}})"));
        CHECK(codes(lint(document)) == std::vector<std::string>{"unread-question /questions/4"});
        document["questions"][4]["ask_if"] = json::parse(R"({"!": {"var": "spare"}})");
        CHECK(codes(lint(document)) == std::vector<std::string>{"unread-question /questions/4"});
        document["questions"][2]["ask_if"] = json::parse(R"({"var": "spare"})");  // age is asked only after spare
        CHECK(codes(lint(document)).empty());
        document["questions"][2].erase("ask_if");
        document["policies"][0]["benefits"] = json::array({{{"kind", "cash"}, {"amount", json::parse(R"({"if": [{"var": "spare"}, 1, 2]})")}}});
        CHECK(codes(lint(document)).empty());
        document["lint_accept"] = json::array({{{"code", "unread-question"}, {"why", "x"}}});
        document["policies"][0].erase("benefits");
        const auto findings = lint(document);
        CHECK(codes(findings) == std::vector<std::string>{"unread-question (accepted) /questions/4"});
    }

    TEST_CASE("lint_accept turns a policy's findings of that code into accepted notes with the reason") {
        json document = clean_document({{"source", "compilation"},
                                        {"benefits", json::array({{{"kind", "cash"}, {"amount", 1000}}})},
                                        {"lint_accept", json::array({{{"code", "secondary-benefit"}, {"why", {{"zh", "已与官方文件核对"}}}}})}});
        document["policies"].push_back(policy_json("other", all_criteria(),
                                                   {{"level", "city"}, {"source", "compilation"},
                                                    {"benefits", json::array({{{"kind", "cash"}, {"amount", 5}}})}}));
        const auto findings = lint(document);
        CHECK(codes(findings) == std::vector<std::string>{"secondary-benefit (accepted) /policies/0/benefits/0/amount",
                                                          "secondary-benefit /policies/1/benefits/0/amount"});
        CHECK(findings[0].why.zh == "已与官方文件核对");
        // An accept for another code changes nothing; the file-level list does not accept a policy's findings.
        document["policies"][0]["lint_accept"][0]["code"] = "years-within";
        document["lint_accept"] = json::array({{{"code", "secondary-benefit"}, {"why", "x"}}});
        CHECK(codes(lint(document)) == std::vector<std::string>{"secondary-benefit /policies/0/benefits/0/amount",
                                                                "secondary-benefit /policies/1/benefits/0/amount"});
    }

    TEST_CASE("english-wide-punctuation: curly quotes, CJK punctuation and double spaces in English texts only") {
        json document = clean_document({{"title", {{"zh", "“零创湾”试点"}, {"en", "“Lingchuangwan” pilot"}}},
                                        {"summary", {{"zh", "说明"}, {"en", "Rent,  training"}}}});
        document["questions"][2]["label"]["en"] = "Age（years）";
        document["policies"][0]["criteria"][1]["label"]["en"] = "An adult's \"age\": 18 or over";  // ASCII is fine
        // Keys are visited in the parsed document's (sorted) order: compare as sets.
        const auto sorted = [](std::vector<std::string> list) {
            std::sort(list.begin(), list.end());
            return list;
        };
        const auto findings = lint(document);
        CHECK(sorted(codes(findings)) == std::vector<std::string>{"english-wide-punctuation /policies/0/summary/en",
                                                                  "english-wide-punctuation /policies/0/title/en",
                                                                  "english-wide-punctuation /questions/2/label/en"});
        for (const LintFinding& finding : findings) {
            CAPTURE(finding.pointer);
            CHECK(finding.policy == (finding.pointer.rfind("/policies/0/", 0) == 0 ? 0 : -1));
            if (finding.pointer == "/policies/0/title/en") CHECK(finding.message.find("\"“\"") != std::string::npos);
            if (finding.pointer == "/policies/0/summary/en") CHECK(finding.message.find("two spaces") != std::string::npos);
        }
        // Accepted per policy like every policy-level code; the question's stays a file-level warning.
        document["policies"][0]["lint_accept"] = json::array({{{"code", "english-wide-punctuation"}, {"why", "quoted name"}}});
        CHECK(sorted(codes(lint(document))) == std::vector<std::string>{"english-wide-punctuation (accepted) /policies/0/summary/en",
                                                                        "english-wide-punctuation (accepted) /policies/0/title/en",
                                                                        "english-wide-punctuation /questions/2/label/en"});
    }

    TEST_CASE("the bundled data's English texts have no wide punctuation") {
        const auto bytes = read_file_bytes(PORTAL_POLICY_FILE);
        REQUIRE(bytes.has_value());
        const std::string& text = *bytes;
        const json document = json::parse(text);
        LoadResult loaded = load_policy_set(text, "shangyu.json");
        REQUIRE(loaded.ok());
        for (const LintFinding& finding : lint_policy_set(*loaded.set, document)) {
            CAPTURE(finding.pointer);
            CHECK(finding.code != "english-wide-punctuation");
        }
    }
}
