// The "keep a copy" summary: answers, the three groups, the best bundle and its total, date and version, in
// both languages and both formats.
#include <doctest/doctest.h>

#include "core/load.hpp"
#include "core/matcher.hpp"
#include "report/results_summary.hpp"
#include "wording/wording.hpp"
#include "test_support.hpp"

using namespace portal::core;
using namespace portal::test;
using portal::report::results_summary;
using portal::report::SummaryFormat;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

struct Case {
    PolicySet set;
    Profile profile;
    Evaluation evaluation;
};

// The fixture and its profile on 2024-06-01 (tests/data/fixture-check-expected.json): living allowance and youth
// apartment eligible (best bundle 139,200), rent subsidy undecided on insurance months, and others ineligible.
Case fixture_case() {
    LoadResult loaded = load_policy_set(read_data("fixture-policies.json"), "fixture-policies.json");
    REQUIRE(loaded.ok());
    Case c{std::move(*loaded.set), json::parse(read_data("fixture-profile.json")), {}};
    c.evaluation = evaluate(c.set, c.profile, Date{2024, 6, 1});
    return c;
}

std::size_t position(const std::string& text, const std::string& part) {
    const std::size_t at = text.find(part);
    CAPTURE(part);
    REQUIRE(at != std::string::npos);
    return at;
}

}  // namespace

TEST_SUITE("results_summary") {
    TEST_CASE("Chinese text: groups in order, bundle total, date, version, the browser line") {
        const Case c = fixture_case();
        const std::string text = results_summary(c.set, c.profile, c.evaluation, Lang::zh, SummaryFormat::text);
        CHECK(contains(text, "评估日期 2024-06-01"));
        CHECK(contains(text, "数据版本 " + c.set.version));
        CHECK(contains(text, "预计总价值 13.92 万元"));
        CHECK(contains(text, "浏览器"));
        CHECK(contains(text, "主管部门确认"));
        CHECK(position(text, "你的回答") < position(text, "最佳组合"));
        CHECK(position(text, "最佳组合") < position(text, "✓ 符合条件 (2)"));
        CHECK(position(text, "✓ 符合条件 (2)") < position(text, "? 可能适用"));
        CHECK(position(text, "? 可能适用") < position(text, "可咨询的项目"));
        CHECK(position(text, "可咨询的项目") < position(text, "暂不符合"));
        CHECK_FALSE(contains(text, "<"));
    }

    TEST_CASE("answers are shown as question and answer labels") {
        const Case c = fixture_case();
        const std::string text = results_summary(c.set, c.profile, c.evaluation, Lang::zh, SummaryFormat::text);
        for (const Question& question : c.set.questions) {
            if (c.profile.contains(question.id)) CHECK(contains(text, question.label.zh));
        }
        const Question& education = c.set.questions[static_cast<std::size_t>(c.set.question_index("education"))];
        CHECK(contains(text, education.options[static_cast<std::size_t>(education.option_index("phd"))].label.zh));
    }

    TEST_CASE("undecided policies name the deciding question, ineligible ones the failed condition") {
        Case c = fixture_case();
        const std::string undecided = results_summary(c.set, c.profile, c.evaluation, Lang::en, SummaryFormat::text);
        const Question& insurance = c.set.questions[static_cast<std::size_t>(c.set.question_index("insurance_months"))];
        CHECK(contains(undecided, "Depends on: " + insurance.label.in(Lang::en)));
        c.profile["owns_home"] = true;  // fails the rent subsidy's "no home" condition
        c.evaluation = evaluate(c.set, c.profile, Date{2024, 6, 1});
        const std::string text = results_summary(c.set, c.profile, c.evaluation, Lang::en, SummaryFormat::text);
        bool saw_failure = false;
        for (const PolicyOutcome& outcome : c.evaluation.results) {
            if (outcome.status != Status::ineligible || outcome.failed.empty()) continue;
            const Policy& policy = c.set.policies[static_cast<std::size_t>(outcome.policy)];
            CHECK(contains(text, "Not met: " + policy.criteria[static_cast<std::size_t>(outcome.failed[0])].label.in(Lang::en)));
            saw_failure = true;
        }
        CHECK(saw_failure);
        CHECK(contains(undecided, "Estimated total CNY 139.2k"));
        CHECK(contains(text, "Evaluated on 2024-06-01 · data version " + c.set.version));
        CHECK(contains(text, "generated in your browser"));
    }

    TEST_CASE("html: a page in the chosen language, escaped, without script") {
        Case c = fixture_case();
        c.set.policies[0].title.en = "<script>alert(1)</script>";
        const std::string zh = results_summary(c.set, c.profile, c.evaluation, Lang::zh, SummaryFormat::html);
        const std::string en = results_summary(c.set, c.profile, c.evaluation, Lang::en, SummaryFormat::html);
        CHECK(zh.rfind("<!doctype html>\n<html lang=\"zh-CN\">", 0) == 0);
        CHECK(en.rfind("<!doctype html>\n<html lang=\"en\">", 0) == 0);
        CHECK(contains(zh, "<h2>最佳组合</h2>"));
        CHECK(contains(en, "<h2>Best combination</h2>"));
        CHECK(contains(en, "<p class=\"total\">Estimated total CNY 139.2k</p>"));
        CHECK(contains(en, "&lt;script&gt;"));
        CHECK_FALSE(contains(en, "<script"));
        CHECK(contains(en, "http-equiv=\"Content-Security-Policy\""));
    }

    TEST_CASE("loans never count in the bundle total") {
        const json loan = policy_json("loan", json::array({criterion("c", json::parse(R"({"==": [{"var": "employed"}, true]})"))}),
                                      {{"benefits", json::parse(R"([{"label": {"zh": "贷款"}, "kind": "loan", "amount": 500000}])")}});
        const json cash = policy_json("cash", json::array({criterion("c", json::parse(R"({"==": [{"var": "employed"}, true]})"))}),
                                      {{"benefits", json::parse(R"([{"label": {"zh": "补贴"}, "kind": "cash", "amount": 3000}])")}});
        const PolicySet set = load_valid(document_with(json::array({loan, cash})));
        const Profile profile = {{"employed", true}};
        const Evaluation evaluation = evaluate(set, profile, Date{2024, 6, 1});
        const std::string text = results_summary(set, profile, evaluation, Lang::zh, SummaryFormat::text);
        CHECK(contains(text, "预计总价值约 3,000 元，条款均待核实"));  // the test source has no date
        CHECK(contains(text, "贷款额度 50 万元"));
    }

    TEST_CASE("results on unconfirmed terms say so, with what to do; confirmed ones read plainly") {
        const json cash = policy_json("cash", json::array({criterion("c", json::parse(R"({"==": [{"var": "employed"}, true]})"))}),
                                      {{"benefits", json::parse(R"([{"label": {"zh": "补贴"}, "kind": "cash", "amount": 3000}])")}});
        json document = document_with(json::array({cash}));
        const Profile profile = {{"employed", true}};
        const auto summary_of = [&](const json& doc, Lang lang) {
            const PolicySet set = load_valid(doc);
            return results_summary(set, profile, evaluate(set, profile, Date{2024, 6, 1}), lang, SummaryFormat::text);
        };
        const std::string undated = summary_of(document, Lang::zh);
        CHECK(contains(undated, "政策 cash：3,000 元 · ○ 条款待核实"));
        CHECK(contains(undated, portal::wording::str::unconfirmed_why.zh));
        CHECK(contains(summary_of(document, Lang::en), portal::wording::str::unconfirmed_why.en));

        document["sources"][0]["date"] = "2024-01-15";
        const std::string dated = summary_of(document, Lang::zh);
        CHECK(contains(dated, "预计总价值 3,000 元"));
        CHECK(contains(dated, "政策 cash：3,000 元\n"));
        CHECK_FALSE(contains(dated, "待核实"));
    }

    TEST_CASE("policies without published conditions are listed once, apart from the undecided ones") {
        const Case c = fixture_case();
        const std::string text = results_summary(c.set, c.profile, c.evaluation, Lang::zh, SummaryFormat::text);
        const std::size_t heading = position(text, "可咨询的项目");
        CHECK(heading < position(text, "暂不符合"));
        CHECK(position(text, "- " + c.set.policies[static_cast<std::size_t>(c.set.policy_index("maker-space"))].title.zh) > heading);
    }

    TEST_CASE("an example-only policy the answers satisfy is listed to ask about, never as qualifying") {
        Case c = fixture_case();
        c.profile["maker_types"] = json::array({"tech"});
        c.evaluation = evaluate(c.set, c.profile, Date{2024, 6, 1});
        const int example = c.set.policy_index("maker-bonus");
        REQUIRE(c.evaluation.results[static_cast<std::size_t>(example)].status == Status::eligible);
        const std::string text = results_summary(c.set, c.profile, c.evaluation, Lang::zh, SummaryFormat::text);
        const std::string title = c.set.policies[static_cast<std::size_t>(example)].title.zh;
        CHECK(position(text, "可咨询的项目") < position(text, title));
        CHECK(position(text, title) < position(text, "暂不符合"));
        CHECK(text.find(title) == text.rfind(title));  // once, in that group only
    }

    TEST_CASE("an estimated best combination is called an estimate, an exact one is not") {
        Case c = fixture_case();
        const auto says_estimate = [&](Lang lang) {
            const std::string text = results_summary(c.set, c.profile, c.evaluation, lang, SummaryFormat::text);
            return contains(text, portal::wording::tr(lang, portal::wording::str::best_estimated));
        };
        CHECK_FALSE(says_estimate(Lang::zh));
        c.evaluation.best_bundle.exact = false;  // as the engine marks a search that ran out of budget
        CHECK(says_estimate(Lang::zh));
        CHECK(says_estimate(Lang::en));
    }

    TEST_CASE("an empty profile says so") {
        Case c = fixture_case();
        c.profile = Profile::object();
        c.evaluation = evaluate(c.set, c.profile, Date{2024, 6, 1});
        const std::string text = results_summary(c.set, c.profile, c.evaluation, Lang::en, SummaryFormat::text);
        CHECK(contains(text, "No policy has been answered") == false);
        CHECK(contains(text, "No answers yet."));
        CHECK(contains(text, "You qualify (0)"));
    }
}
