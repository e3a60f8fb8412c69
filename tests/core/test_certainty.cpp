// POLICY-FORMAT.md's certainty, ceilings (up_to), unconfirmed_total, illustrative policies out of the best bundle
// and the next question for unknown amounts; and the loader's checks of the fields behind them.
#include <doctest/doctest.h>

#include "core/check_json.hpp"
#include "core/examples.hpp"
#include "core/matcher.hpp"
#include "test_support.hpp"

using namespace portal::core;
using namespace portal::test;

namespace {

// Sources of every kind, for policies to point at.
json sources() {
    return json::parse(R"([
      {"id": "official", "title": {"zh": "官方"}, "date": "2021-06-01", "reliability": "confirmed"},
      {"id": "official-undated", "title": {"zh": "官方无日期"}, "reliability": "confirmed"},
      {"id": "official-2023", "title": {"zh": "官方2023"}, "date": "2023-03-01", "reliability": "confirmed"},
      {"id": "compilation", "title": {"zh": "汇编"}, "date": "2024-01-01", "reliability": "secondary"},
      {"id": "news", "title": {"zh": "报道"}, "date": "2024-01-01", "reliability": "article"}
    ])");
}

json with_sources(json document) {
    document["sources"] = sources();
    return document;
}

json adult() { return json::array({criterion("adult", {{">=", {{{"var", "age"}}, 18}}})}); }

json cash(double amount, const json& extra = json::object()) {
    json benefit = {{"kind", "cash"}, {"amount", amount}};
    for (auto item = extra.begin(); item != extra.end(); ++item) benefit[item.key()] = item.value();
    return benefit;
}

Certainty certainty_on(const PolicySet& set, const std::string& id, const Date& date) {
    return certainty_of(set, set.policy_index(id), date);
}

const PolicyOutcome& outcome_of(const PolicySet& set, const Evaluation& evaluation, const std::string& id) {
    return evaluation.results[static_cast<std::size_t>(set.policy_index(id))];
}

std::vector<std::string> bundle_ids(const PolicySet& set, const Bundle& bundle) {
    std::vector<std::string> ids;
    for (int p : bundle.policies) ids.push_back(set.policies[static_cast<std::size_t>(p)].id);
    return ids;
}

std::string next_id(const PolicySet& set, const Evaluation& evaluation) {
    return evaluation.next_question ? set.questions[static_cast<std::size_t>(*evaluation.next_question)].id : "(none)";
}

}  // namespace

TEST_SUITE("certainty") {
    TEST_CASE("a confirmed source turns stale on the day stale_after_years completed years have passed") {
        const PolicySet set = load_valid(with_sources(document_with(json::array({policy_json("p", adult(), {{"source", "official"}})}))));
        CHECK(set.stale_after_years == 3);
        CHECK(certainty_on(set, "p", Date{2021, 6, 1}) == Certainty::confirmed);
        CHECK(certainty_on(set, "p", Date{2024, 5, 31}) == Certainty::confirmed);    // 3 years minus a day
        CHECK(certainty_on(set, "p", Date{2024, 6, 1}) == Certainty::unconfirmed);   // exactly 3 years
        CHECK(certainty_on(set, "p", Date{2030, 1, 1}) == Certainty::unconfirmed);
        CHECK(certainty_on(set, "p", Date{2020, 1, 1}) == Certainty::confirmed);     // before the source: not stale

        json longer = with_sources(document_with(json::array({policy_json("p", adult(), {{"source", "official"}})})));
        longer["stale_after_years"] = 5;
        const PolicySet five = load_valid(longer);
        CHECK(certainty_on(five, "p", Date{2024, 6, 1}) == Certainty::confirmed);
        CHECK(certainty_on(five, "p", Date{2026, 5, 31}) == Certainty::confirmed);
        CHECK(certainty_on(five, "p", Date{2026, 6, 1}) == Certainty::unconfirmed);
    }

    TEST_CASE("a leap-day source is stale on 1 March, counted like years_since") {
        json document = with_sources(document_with(json::array({policy_json("p", adult(), {{"source", "official"}})})));
        document["sources"][0]["date"] = "2020-02-29";
        const PolicySet set = load_valid(document);
        CHECK(certainty_on(set, "p", Date{2023, 2, 28}) == Certainty::confirmed);
        CHECK(certainty_on(set, "p", Date{2023, 3, 1}) == Certainty::unconfirmed);
    }

    TEST_CASE("confirmed_in_force moves the evidence date only when its own source is confirmed") {
        const json policies = json::array({
            policy_json("by-official", adult(), {{"source", "official"}, {"confirmed_in_force", {{"date", "2023-05-01"}, {"source", "official-2023"}}}}),
            policy_json("by-compilation", adult(), {{"source", "official"}, {"confirmed_in_force", {{"date", "2023-05-01"}, {"source", "compilation"}}}}),
            policy_json("undated-but-confirmed-later", adult(), {{"source", "official-undated"}, {"confirmed_in_force", {{"date", "2023-05-01"}, {"source", "official-2023"}}}}),
            policy_json("older-in-force", adult(), {{"source", "official"}, {"confirmed_in_force", {{"date", "2019-01-01"}, {"source", "official-2023"}}}}),
            policy_json("secondary-in-force", adult(), {{"source", "compilation"}, {"confirmed_in_force", {{"date", "2024-01-01"}, {"source", "official-2023"}}}}),
        });
        const PolicySet set = load_valid(with_sources(document_with(policies)));
        const Date date{2025, 6, 1};  // 4 years after the source, 2 after the later confirmation
        CHECK(certainty_on(set, "by-official", date) == Certainty::confirmed);
        CHECK(certainty_on(set, "by-official", Date{2026, 5, 1}) == Certainty::unconfirmed);  // 3 years after 2023-05-01
        CHECK(certainty_on(set, "by-compilation", date) == Certainty::unconfirmed);
        CHECK(certainty_on(set, "by-compilation", Date{2024, 5, 31}) == Certainty::confirmed);  // its own source still fresh
        CHECK(certainty_on(set, "undated-but-confirmed-later", date) == Certainty::confirmed);
        CHECK(certainty_on(set, "older-in-force", date) == Certainty::unconfirmed);  // the newest evidence counts
        CHECK(certainty_on(set, "older-in-force", Date{2024, 5, 31}) == Certainty::confirmed);
        CHECK(certainty_on(set, "secondary-in-force", date) == Certainty::unconfirmed);  // the source itself is not confirmed
    }

    TEST_CASE("missing dates, unconfirmed sources and illustrative policies") {
        const json policies = json::array({
            policy_json("undated", adult(), {{"source", "official-undated"}}),
            policy_json("secondary", adult(), {{"source", "compilation"}}),
            policy_json("article", adult(), {{"source", "news"}}),
            policy_json("example", adult(), {{"source", "official"}, {"illustrative", true}}),
            policy_json("fresh", adult(), {{"source", "official"}}),
        });
        const PolicySet set = load_valid(with_sources(document_with(policies)));
        const Date date{2022, 1, 1};
        CHECK(certainty_on(set, "undated", date) == Certainty::unconfirmed);
        CHECK(certainty_on(set, "secondary", date) == Certainty::unconfirmed);
        CHECK(certainty_on(set, "article", date) == Certainty::unconfirmed);
        CHECK(certainty_on(set, "example", date) == Certainty::illustrative);
        CHECK(certainty_on(set, "fresh", date) == Certainty::confirmed);

        // Certainty never changes a status, and every outcome carries it.
        const Evaluation evaluation = evaluate(set, {{"age", 30}}, date);
        for (const PolicyOutcome& outcome : evaluation.results) {
            CHECK(outcome.status == Status::eligible);
            CHECK(outcome.certainty == certainty_of(set, outcome.policy, date));
        }
        const nlohmann::ordered_json out = check_json(set, evaluation);
        CHECK(out["results"][0]["certainty"] == "unconfirmed");
        CHECK(out["results"][3]["certainty"] == "illustrative");
        CHECK(out["results"][4]["certainty"] == "confirmed");
    }

    TEST_CASE("ceilings count in benefit_up_to only; loans in neither") {
        const json policies = json::array({policy_json("p", adult(), {{"benefits", json::array({
            cash(1000), cash(500, {{"per", "month"}, {"periods", 12}}), cash(50000, {{"up_to", true}}),
            {{"kind", "loan"}, {"amount", 300000}}, {{"kind", "service"}}})}})});
        const PolicySet set = load_valid(document_with(policies));
        CHECK(set.policies[0].benefits[2].up_to);
        CHECK_FALSE(set.policies[0].benefits[0].up_to);
        const PolicyOutcome outcome = evaluate_policy(set, 0, {{"age", 30}}, Date{2024, 6, 1});
        REQUIRE(outcome.benefit_total);
        REQUIRE(outcome.benefit_up_to);
        CHECK(*outcome.benefit_total == 7000);
        CHECK(*outcome.benefit_up_to == 57000);
        const nlohmann::ordered_json out = check_json(set, evaluate(set, {{"age", 30}}, Date{2024, 6, 1}));
        CHECK(out["results"][0]["benefit_total"] == 7000);
        CHECK(out["results"][0]["benefit_up_to"] == 57000);
        CHECK(out["best_bundle"]["total"] == 7000);
    }

    TEST_CASE("an unknown amount leaves both sums null, a ceiling's too") {
        const json level_amount = {{"if", {{{">=", {{{"rank", {{{"var", "education"}}}}}, 3}}}, 2000, 1000}}};
        const json policies = json::array({
            policy_json("sure-unknown", adult(), {{"benefits", json::array({cash(100), {{"kind", "cash"}, {"amount", level_amount}}})}}),
            policy_json("ceiling-unknown", adult(), {{"benefits", json::array({cash(100), {{"kind", "cash"}, {"amount", level_amount}, {"up_to", true}}})}}),
            policy_json("loan-unknown", adult(), {{"benefits", json::array({cash(100), {{"kind", "loan"}, {"amount", level_amount}}})}}),
        });
        const PolicySet set = load_valid(document_with(policies));
        const Evaluation evaluation = evaluate(set, {{"age", 30}}, Date{2024, 6, 1});
        for (const char* id : {"sure-unknown", "ceiling-unknown"}) {
            INFO(id);
            CHECK_FALSE(outcome_of(set, evaluation, id).benefit_total);
            CHECK_FALSE(outcome_of(set, evaluation, id).benefit_up_to);
        }
        CHECK(outcome_of(set, evaluation, "loan-unknown").benefit_total == 100);  // a loan never counts
        CHECK(outcome_of(set, evaluation, "loan-unknown").benefit_up_to == 100);
        const nlohmann::ordered_json out = check_json(set, evaluation);
        CHECK(out["results"][0]["benefit_total"].is_null());
        CHECK(out["results"][0]["benefit_up_to"].is_null());
        CHECK(out["results"][1]["benefit_up_to"].is_null());

        const Evaluation known = evaluate(set, {{"age", 30}, {"education", "master"}}, Date{2024, 6, 1});
        CHECK(outcome_of(set, known, "sure-unknown").benefit_total == 2100);
        CHECK(outcome_of(set, known, "ceiling-unknown").benefit_total == 100);
        CHECK(outcome_of(set, known, "ceiling-unknown").benefit_up_to == 2100);
    }

    TEST_CASE("the best bundle leaves out illustrative policies and ranks by benefit_total, not ceilings") {
        const json policies = json::array({
            policy_json("example", adult(), {{"illustrative", true}, {"benefits", json::array({cash(90000)})}}),
            policy_json("real", adult(), {{"benefits", json::array({cash(1000)})}}),
            policy_json("ceiling", adult(), {{"benefits", json::array({cash(500), cash(100000, {{"up_to", true}})})}, {"excludes", {"sure"}}}),
            policy_json("sure", adult(), {{"benefits", json::array({cash(800)})}}),
        });
        const PolicySet set = load_valid(document_with(policies));
        const Evaluation evaluation = evaluate(set, {{"age", 30}}, Date{2024, 6, 1});
        CHECK(outcome_of(set, evaluation, "example").status == Status::eligible);
        CHECK(bundle_ids(set, evaluation.best_bundle) == std::vector<std::string>{"real", "sure"});
        CHECK(evaluation.best_bundle.total == 1800);

        // Without the flag the same policy would lead the bundle: the exclusion above is the flag's doing.
        json plain = document_with(policies);
        plain["policies"][0].erase("illustrative");
        const PolicySet unflagged = load_valid(plain);
        CHECK(bundle_ids(unflagged, evaluate(unflagged, {{"age", 30}}, Date{2024, 6, 1}).best_bundle) ==
              std::vector<std::string>{"example", "real", "sure"});
    }

    TEST_CASE("a policy without criteria never enters the best bundle, even when handed in as eligible") {
        const json policies = json::array({policy_json("descriptive", nullptr, {{"benefits", json::array({cash(5000)})}}),
                                           policy_json("assessed", adult(), {{"benefits", json::array({cash(10)})}})});
        const PolicySet set = load_valid(document_with(policies));
        std::vector<PolicyOutcome> results = evaluate(set, {{"age", 30}}, Date{2024, 6, 1}).results;
        CHECK(results[0].status == Status::unknown);
        results[0].status = Status::eligible;
        const Bundle bundle = best_bundle(set, results);
        CHECK(bundle_ids(set, bundle) == std::vector<std::string>{"assessed"});
        CHECK(bundle.total == 10);
    }

    TEST_CASE("unconfirmed_total is the part of the total from members that are not confirmed") {
        const json policies = json::array({
            policy_json("confirmed", adult(), {{"source", "official"}, {"benefits", json::array({cash(1000)})}}),
            policy_json("secondary", adult(), {{"source", "compilation"}, {"benefits", json::array({cash(250)})}}),
            policy_json("undated", adult(), {{"source", "official-undated"}, {"benefits", json::array({cash(40), cash(9999, {{"up_to", true}})})}}),
            policy_json("left-out", adult(), {{"source", "compilation"}, {"benefits", json::array({cash(5)})}, {"excludes", {"confirmed"}}}),
        });
        const PolicySet set = load_valid(with_sources(document_with(policies)));
        Evaluation evaluation = evaluate(set, {{"age", 30}}, Date{2022, 1, 1});
        CHECK(bundle_ids(set, evaluation.best_bundle) == std::vector<std::string>{"confirmed", "secondary", "undated"});
        CHECK(evaluation.best_bundle.total == 1290);
        CHECK(evaluation.best_bundle.unconfirmed_total == 290);
        CHECK(check_json(set, evaluation)["best_bundle"]["unconfirmed_total"] == 290);

        // Once the official source is stale, all of the total is unconfirmed.
        evaluation = evaluate(set, {{"age", 30}}, Date{2024, 6, 1});
        CHECK(evaluation.best_bundle.total == 1290);
        CHECK(evaluation.best_bundle.unconfirmed_total == 1290);
        // And an all-confirmed bundle has none.
        evaluation = evaluate(set, {{"age", 30}}, Date{2022, 1, 1});
        evaluation.results[1].status = Status::ineligible;
        evaluation.results[2].status = Status::ineligible;
        CHECK(best_bundle(set, evaluation.results).unconfirmed_total == 0);
    }
}

TEST_SUITE("certainty") {
    // Questions: the criteria read `age`; amounts read `education`, `owns_home` and `insurance_months` (asked only
    // of people employed here).
    PolicySet amount_set() {
        const json by_education = {{"if", {{{">=", {{{"rank", {{{"var", "education"}}}}}, 3}}}, 2000, 1000}}};
        const json by_home = {{"if", {{{"var", "owns_home"}}, 0, 500}}};
        const json by_months = {{"*", {{{"var", "insurance_months"}}, 10}}};
        const json policies = json::array({
            policy_json("a", adult(), {{"benefits", json::array({{{"kind", "cash"}, {"amount", by_home}}})}}),
            policy_json("b", adult(), {{"benefits", json::array({{{"kind", "cash"}, {"amount", by_education}}})}}),
            policy_json("c", adult(), {{"benefits", json::array({{{"kind", "cash"}, {"amount", by_education}, {"up_to", true}},
                                                                 {{"kind", "cash"}, {"amount", by_home}}})}}),
            policy_json("d", adult(), {{"benefits", json::array({{{"kind", "cash"}, {"amount", by_months}}})}}),
            policy_json("e", json::array({criterion("owner", {{"var", "owns_home"}}), criterion("adult", {{">=", {{{"var", "age"}}, 18}}})})),
        });
        return load_valid(document_with(policies));
    }

    TEST_CASE("next question: undecided criteria first, then the question most eligible policies' unknown amounts read") {
        const PolicySet set = amount_set();
        // Nothing answered: the criteria's questions come first (age: 5 unknown policies).
        CHECK(next_id(set, evaluate(set, json::object(), Date{2024, 6, 1})) == "age");
        // e still waits on owns_home through a criterion.
        CHECK(next_id(set, evaluate(set, {{"age", 30}}, Date{2024, 6, 1})) == "owns_home");
        // No undecided criterion left: education is read by the unknown amounts of b and c; insurance_months by
        // d's, but it waits on its ask_if.
        Evaluation evaluation = evaluate(set, {{"age", 30}, {"owns_home", false}}, Date{2024, 6, 1});
        CHECK(outcome_of(set, evaluation, "e").status == Status::ineligible);
        CHECK(next_id(set, evaluation) == "education");
        // With education answered, nothing an eligible policy's amount reads is askable: insurance_months waits on
        // its ask_if (employed unanswered), and employed itself is read by no rule.
        evaluation = evaluate(set, {{"age", 30}, {"owns_home", false}, {"education", "phd"}}, Date{2024, 6, 1});
        CHECK_FALSE(outcome_of(set, evaluation, "d").benefit_total);
        CHECK_FALSE(evaluation.next_question);
        // ask_if true: now it is asked; ask_if false: never.
        evaluation = evaluate(set, {{"age", 30}, {"owns_home", false}, {"education", "phd"}, {"employed", true}}, Date{2024, 6, 1});
        CHECK(next_id(set, evaluation) == "insurance_months");
        evaluation = evaluate(set, {{"age", 30}, {"owns_home", false}, {"education", "phd"}, {"employed", false}}, Date{2024, 6, 1});
        CHECK_FALSE(evaluation.next_question);
    }

    TEST_CASE("next question by amounts counts policies, not benefits, and only eligible ones") {
        const PolicySet set = amount_set();
        // owns_home answered true: e is eligible (no amount), a and c resolve their home amounts; education is
        // left, read by b and c.
        Evaluation evaluation = evaluate(set, {{"age", 30}, {"owns_home", true}}, Date{2024, 6, 1});
        CHECK(next_id(set, evaluation) == "education");
        // Ineligible policies' amounts do not vote: a minor gets no amount question at all.
        evaluation = evaluate(set, {{"age", 15}, {"owns_home", true}}, Date{2024, 6, 1});
        CHECK_FALSE(evaluation.next_question);
    }

    TEST_CASE("the question most policies' amounts read wins over the earlier one") {
        const json by_education = {{"if", {{{">=", {{{"rank", {{{"var", "education"}}}}}, 3}}}, 2000, 1000}}};
        const json by_home = {{"if", {{{"var", "owns_home"}}, 0, 500}}};
        const json policies = json::array({
            policy_json("a", adult(), {{"benefits", json::array({{{"kind", "cash"}, {"amount", by_home}}})}}),
            policy_json("b", adult(), {{"benefits", json::array({{{"kind", "cash"}, {"amount", by_home}}, {{"kind", "cash"}, {"amount", by_home}}})}}),
            policy_json("c", adult(), {{"benefits", json::array({{{"kind", "cash"}, {"amount", by_education}}, {{"kind", "cash"}, {"amount", by_education}},
                                                                 {{"kind", "cash"}, {"amount", by_education}}})}}),
        });
        const PolicySet set = load_valid(document_with(policies));
        // owns_home: 2 policies; education: 1 policy (with three benefits, still one vote).
        CHECK(next_id(set, evaluate(set, {{"age", 30}}, Date{2024, 6, 1})) == "owns_home");
        // One more policy reading education makes a tie, which goes to the earlier question (education).
        json tied = document_with(policies);
        tied["policies"].push_back(policy_json("d", adult(), {{"benefits", json::array({{{"kind", "cash"}, {"amount", by_education}}})}}));
        const PolicySet tie = load_valid(tied);
        CHECK(next_id(tie, evaluate(tie, {{"age", 30}}, Date{2024, 6, 1})) == "education");
    }
}

TEST_SUITE("load") {
    TEST_CASE("stale_after_years, confirmed_in_force, up_to, level, location, lint_accept and $schema load") {
        json document = with_sources(document_with(json::array({policy_json("p", adult(), {
            {"source", "official"}, {"confirmed_in_force", {{"date", "2023-05-01"}, {"source", "official-2023"}}},
            {"level", "district"}, {"lint_accept", json::array({{{"code", "secondary-benefit"}, {"why", {{"zh", "已核对"}, {"en", "checked"}}}},
                                                                 {{"code", "years-within"}, {"why", "plain string"}}})},
            {"benefits", json::array({cash(10, {{"up_to", true}})})}})})));
        document["$schema"] = "https://example.org/policy-portal.schema.json";
        document["stale_after_years"] = 2;
        document["lint_accept"] = json::array({{{"code", "unread-question"}, {"why", {{"zh", "留作以后"}}}}});
        document["questions"][2]["location"] = true;
        const LoadResult result = load_policy_json(document, "t.json");
        INFO(describe(result.diagnostics));
        REQUIRE(result.ok());
        CHECK(result.diagnostics.empty());  // nothing unknown, nothing ignored
        const PolicySet& set = *result.set;
        CHECK(set.stale_after_years == 2);
        REQUIRE(set.lint_accept.size() == 1);
        CHECK(set.lint_accept[0].code == "unread-question");
        CHECK(set.questions[2].location);
        CHECK_FALSE(set.questions[1].location);
        const Policy& policy = set.policies[0];
        REQUIRE(policy.confirmed_in_force);
        CHECK(policy.confirmed_in_force->date == Date{2023, 5, 1});
        CHECK(policy.confirmed_in_force->source == "official-2023");
        CHECK(policy.confirmed_in_force->source_index == set.source_index("official-2023"));
        CHECK(policy.level == Level::district);
        REQUIRE(policy.lint_accept.size() == 2);
        CHECK(policy.lint_accept[0].why.en == "checked");
        CHECK(policy.lint_accept[1].why.zh == "plain string");
        CHECK(policy.benefits[0].up_to);
    }

    TEST_CASE("the new fields' errors name their pointers") {
        const auto error_for = [](json document, const std::string& pointer) -> std::string {
            const LoadResult result = load_policy_json(document, "t.json");
            const Diagnostic* found = error_at(result.diagnostics, pointer);
            INFO(describe(result.diagnostics));
            REQUIRE(found != nullptr);
            return found->message;
        };
        const json base = with_sources(document_with(json::array({policy_json("p", adult())})));
        for (const json& bad : {json(0), json(2.5), json("3"), json(-1)}) {
            json document = base;
            document["stale_after_years"] = bad;
            CHECK(error_for(document, "/stale_after_years").find("at least 1") != std::string::npos);
        }
        json document = base;
        document["policies"][0]["confirmed_in_force"] = {{"date", "2023-05-01"}, {"source", "nowhere"}};
        CHECK(error_for(document, "/policies/0/confirmed_in_force/source") == "source \"nowhere\" does not exist");
        document["policies"][0]["confirmed_in_force"] = {{"date", "2023-02-30"}, {"source", "official"}};
        CHECK(error_for(document, "/policies/0/confirmed_in_force/date").find("not a real date") != std::string::npos);
        document["policies"][0]["confirmed_in_force"] = {{"source", "official"}};
        CHECK(error_for(document, "/policies/0/confirmed_in_force") == "missing required field \"date\"");
        document["policies"][0]["confirmed_in_force"] = "2023-05-01";
        CHECK(error_for(document, "/policies/0/confirmed_in_force").find("expected an object") != std::string::npos);

        document = base;
        document["policies"][0]["level"] = "county";
        CHECK(error_for(document, "/policies/0/level") == "\"county\" is not one of: district, city, province, national");
        document = base;
        document["policies"][0]["lint_accept"] = json::array({{{"code", "no-such-code"}, {"why", "x"}}});
        CHECK(error_for(document, "/policies/0/lint_accept/0/code").find("is not a lint code") != std::string::npos);
        document["policies"][0]["lint_accept"] = json::array({{{"code", "missing-level"}}});
        CHECK(error_for(document, "/policies/0/lint_accept/0") == "missing required field \"why\"");
        document = base;
        document["policies"][0]["benefits"] = json::array({cash(5, {{"up_to", "yes"}})});
        CHECK(error_for(document, "/policies/0/benefits/0/up_to").find("expected true or false") != std::string::npos);
        document = base;
        document["questions"][0]["location"] = 1;
        CHECK(error_for(document, "/questions/0/location").find("expected true or false") != std::string::npos);
        document = base;
        document["$schema"] = 7;
        CHECK(error_for(document, "/$schema").find("expected a string") != std::string::npos);
    }

    TEST_CASE("a broken confirmed_in_force makes only its policy invalid") {
        json document = with_sources(document_with(json::array({policy_json("bad", adult(), {{"source", "official"}, {"confirmed_in_force", {{"date", "2023-05-01"}, {"source", "nowhere"}}}}),
                                                                policy_json("good", adult(), {{"source", "official"}})})));
        const LoadResult result = load_policy_json(document, "t.json");
        REQUIRE_FALSE(result.fatal());
        REQUIRE(result.set->policies.size() == 1);
        CHECK(result.set->policies[0].id == "good");
        REQUIRE(result.skipped.size() == 1);
        CHECK(result.skipped[0].id == "bad");
    }
}

TEST_SUITE("examples") {
    TEST_CASE("examples may expect benefit_up_to and certainty") {
        const json examples = json::parse(R"([
          {"name": "right", "profile": {"age": 20}, "expect": "eligible", "benefit_total": 100, "benefit_up_to": 600, "certainty": "unconfirmed"},
          {"name": "wrong ceiling", "profile": {"age": 20}, "expect": "eligible", "benefit_up_to": 100},
          {"name": "wrong certainty", "profile": {"age": 20}, "expect": "eligible", "certainty": "confirmed"},
          {"name": "confirmed back then", "as_of": "2022-01-01", "profile": {"age": 20}, "expect": "eligible", "certainty": "confirmed"}
        ])");
        const json policies = json::array({policy_json("p", adult(), {{"source", "official"}, {"examples", examples},
                                                                      {"benefits", json::array({cash(100), cash(500, {{"up_to", true}})})}})});
        const PolicySet set = load_valid(with_sources(document_with(policies)));
        const std::vector<ExampleResult> results = run_examples(set, Date{2025, 1, 1});
        REQUIRE(results.size() == 4);
        CHECK_MESSAGE(results[0].passed, results[0].message);
        CHECK(results[1].message == "p example \"wrong ceiling\": expected benefit_up_to 100, got 600");
        CHECK(results[2].message == "p example \"wrong certainty\": expected certainty confirmed, got unconfirmed");
        CHECK_MESSAGE(results[3].passed, results[3].message);

        json bad = policies;
        bad[0]["examples"] = json::parse(R"([{"profile": {}, "expect": "unknown", "certainty": "sure"}])");
        const LoadResult loaded = load_policy_json(with_sources(document_with(bad)), "t.json");
        CHECK(error_at(loaded.diagnostics, "/policies/0/examples/0/certainty") != nullptr);
    }
}
