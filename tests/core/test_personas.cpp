// The personas of tests/personas/ against the bundled policy file: each applicant's expected status, amount and
// certainty per policy and the expected best combination (format in tests/personas/README.md). A wrong verdict
// fails with the persona, the policy, what was expected and what the engine gave.
#include <cmath>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/jsonlogic.hpp"
#include "core/matcher.hpp"
#include "core/profile.hpp"
#include "test_support.hpp"

using namespace portal::core;
using portal::test::json;

namespace {

PolicySet bundled_policies() {
    const std::optional<std::string> text = read_file_bytes(PORTAL_POLICY_FILE);
    REQUIRE_MESSAGE(text.has_value(), "cannot read " << PORTAL_POLICY_FILE);
    LoadResult result = load_policy_set(*text, PORTAL_POLICY_FILE);
    REQUIRE_MESSAGE(result.ok(), "the bundled policy file does not load cleanly: " << portal::test::describe(result.diagnostics));
    return std::move(*result.set);
}

json personas_document() {
    const std::optional<std::string> text = read_file_bytes(PORTAL_PERSONAS_FILE);
    REQUIRE_MESSAGE(text.has_value(), "cannot read " << PORTAL_PERSONAS_FILE);
    json document = json::parse(*text, nullptr, false);
    REQUIRE_MESSAGE(!document.is_discarded(), PORTAL_PERSONAS_FILE << " is not valid JSON");
    REQUIRE_MESSAGE(document.value("format", "") == "shangyu-personas/1", PORTAL_PERSONAS_FILE << ": format must be shangyu-personas/1");
    REQUIRE_MESSAGE(document.contains("personas"), PORTAL_PERSONAS_FILE << ": no \"personas\" array");
    REQUIRE(document["personas"].is_array());
    return document;
}

std::string money(const std::optional<double>& amount) { return amount ? js_number_to_string(*amount) : "null"; }

std::optional<double> expected_money(const json& value) {
    if (value.is_null()) return std::nullopt;
    return value.get<double>();
}

bool same_money(const std::optional<double>& a, const std::optional<double>& b) {
    if (!a || !b) return !a && !b;
    return std::fabs(*a - *b) < 1e-6;
}

std::string ids(const PolicySet& set, const std::vector<int>& indices, bool policies) {
    std::string list;
    for (int i : indices) {
        if (!list.empty()) list += ", ";
        list += policies ? set.policies[static_cast<std::size_t>(i)].id : set.questions[static_cast<std::size_t>(i)].id;
    }
    return "[" + list + "]";
}

// Why the engine gave this status, so a failure shows what to look at.
std::string detail(const PolicySet& set, const PolicyOutcome& outcome) {
    const Policy& policy = set.policies[static_cast<std::size_t>(outcome.policy)];
    std::string text(to_string(outcome.status));
    if (outcome.status == Status::unknown && !outcome.missing.empty()) return text + " (missing: " + ids(set, outcome.missing, false) + ")";
    if (outcome.reason == IneligibleReason::expired) return text + " (expired)";
    if (outcome.reason == IneligibleReason::not_yet_valid) return text + " (not valid yet)";
    if (outcome.reason == IneligibleReason::criteria) {
        std::string failed;
        for (int c : outcome.failed) failed += (failed.empty() ? "" : ", ") + policy.criteria[static_cast<std::size_t>(c)].id;
        return text + " (failed: " + failed + ")";
    }
    return text;
}

// Problems with the persona itself (not with the verdicts): unknown questions or policies, missing reasons.
std::vector<std::string> persona_problems(const PolicySet& set, const json& persona) {
    std::vector<std::string> problems;
    const std::string who = "persona " + persona.value("id", std::string("(no id)"));
    for (const char* key : {"id", "name", "as_of", "profile", "expect", "best_bundle"})
        if (!persona.contains(key)) problems.push_back(who + ": no \"" + key + "\"");
    if (!problems.empty()) return problems;
    if (!persona["as_of"].is_string() || !Date::parse(persona["as_of"].get<std::string>()))
        problems.push_back(who + ": as_of is not a YYYY-MM-DD date");
    for (const ProfileProblem& problem : check_profile(set, persona["profile"]))
        problems.push_back(who + ": profile" + problem.pointer + ": " + problem.message);
    if (!persona["expect"].is_object() || persona["expect"].empty()) problems.push_back(who + ": \"expect\" names no policy");
    for (auto item = persona["expect"].begin(); item != persona["expect"].end(); ++item) {
        const std::string at = who + ", policy " + item.key();
        if (set.policy_index(item.key()) < 0) problems.push_back(at + ": no such policy in the bundled data");
        const json& expectation = item.value();
        if (!expectation.is_object() || !expectation.contains("status") || !parse_status(expectation.value("status", std::string())))
            problems.push_back(at + ": \"status\" must be eligible, ineligible or unknown");
        if (expectation.value("why", std::string()).empty()) problems.push_back(at + ": no \"why\" (the reason, citing the source)");
    }
    const json& bundle = persona["best_bundle"];
    for (const char* key : {"policies", "total", "unconfirmed_total", "why"})
        if (!bundle.is_object() || !bundle.contains(key)) problems.push_back(who + ": best_bundle has no \"" + key + "\"");
    if (bundle.is_object() && bundle.contains("policies"))
        for (const json& id : bundle["policies"])
            if (!id.is_string() || set.policy_index(id.get<std::string>()) < 0) problems.push_back(who + ": best_bundle names an unknown policy " + id.dump());
    return problems;
}

// Every way the engine's verdict for `persona` differs from what the persona expects, one line each.
std::vector<std::string> verdict_mismatches(const PolicySet& set, const json& persona) {
    std::vector<std::string> mismatches;
    const std::string who = "persona " + persona["id"].get<std::string>();
    const Evaluation evaluation = evaluate(set, persona["profile"], *Date::parse(persona["as_of"].get<std::string>()));
    for (auto item = persona["expect"].begin(); item != persona["expect"].end(); ++item) {
        const int index = set.policy_index(item.key());
        const PolicyOutcome& outcome = evaluation.results[static_cast<std::size_t>(index)];
        const json& expectation = item.value();
        const std::string at = who + ", policy " + item.key() + ": expected ";
        const std::string status = expectation["status"].get<std::string>();
        if (status != to_string(outcome.status)) mismatches.push_back(at + status + ", got " + detail(set, outcome));
        if (expectation.contains("benefit_total") && !same_money(expected_money(expectation["benefit_total"]), outcome.benefit_total))
            mismatches.push_back(at + "benefit_total " + expectation["benefit_total"].dump() + ", got " + money(outcome.benefit_total));
        if (expectation.contains("benefit_up_to") && !same_money(expected_money(expectation["benefit_up_to"]), outcome.benefit_up_to))
            mismatches.push_back(at + "benefit_up_to " + expectation["benefit_up_to"].dump() + ", got " + money(outcome.benefit_up_to));
        if (expectation.contains("certainty") && expectation["certainty"].get<std::string>() != to_string(outcome.certainty))
            mismatches.push_back(at + "certainty " + expectation["certainty"].get<std::string>() + ", got " + std::string(to_string(outcome.certainty)));
    }
    const json& bundle = persona["best_bundle"];
    std::vector<int> expected_policies;
    for (const json& id : bundle["policies"]) expected_policies.push_back(set.policy_index(id.get<std::string>()));
    const std::set<int> expected_set(expected_policies.begin(), expected_policies.end());
    const std::set<int> actual_set(evaluation.best_bundle.policies.begin(), evaluation.best_bundle.policies.end());
    const std::string at = who + ", best combination: expected ";
    if (expected_set != actual_set)
        mismatches.push_back(at + ids(set, expected_policies, true) + ", got " + ids(set, evaluation.best_bundle.policies, true));
    if (!same_money(bundle["total"].get<double>(), evaluation.best_bundle.total))
        mismatches.push_back(at + "total " + bundle["total"].dump() + ", got " + money(evaluation.best_bundle.total));
    if (!same_money(bundle["unconfirmed_total"].get<double>(), evaluation.best_bundle.unconfirmed_total))
        mismatches.push_back(at + "unconfirmed_total " + bundle["unconfirmed_total"].dump() + ", got " + money(evaluation.best_bundle.unconfirmed_total));
    if (persona.contains("next_question")) {
        const std::string expected = persona["next_question"].is_null() ? "null" : persona["next_question"].get<std::string>();
        const std::string actual = evaluation.next_question ? set.questions[static_cast<std::size_t>(*evaluation.next_question)].id : "null";
        if (expected != actual) mismatches.push_back(who + ", next question: expected " + expected + ", got " + actual);
    }
    return mismatches;
}

}  // namespace

TEST_SUITE("personas") {
    TEST_CASE("the personas file is well formed and covers at least 30 applicants") {
        const PolicySet set = bundled_policies();
        const json document = personas_document();
        CHECK(document["personas"].size() >= 30);
        std::set<std::string> seen;
        for (const json& persona : document["personas"]) {
            for (const std::string& problem : persona_problems(set, persona)) FAIL_CHECK(problem);
            const std::string id = persona.value("id", std::string());
            CHECK_MESSAGE(seen.insert(id).second, "persona id " << id << " is used twice");
        }
    }

    TEST_CASE("every persona gets the verdicts its sources give") {
        const PolicySet set = bundled_policies();
        const json document = personas_document();
        int checked = 0;
        for (const json& persona : document["personas"]) {
            if (!persona_problems(set, persona).empty()) continue;  // reported by the case above
            for (const std::string& mismatch : verdict_mismatches(set, persona)) FAIL_CHECK(mismatch);
            ++checked;
        }
        CHECK(checked == static_cast<int>(document["personas"].size()));
    }

    TEST_CASE("a wrong expectation is reported with persona, policy, expected and got") {
        const PolicySet set = bundled_policies();
        const json persona = json::parse(R"({
          "id": "wrong-on-purpose", "name": "a founder registered outside Zhejiang, expected (wrongly) to qualify",
          "as_of": "2026-11-26",
          "profile": {"education": "bachelor", "graduation_date": "2024-06-30", "company_registered": true,
                      "company_location": "elsewhere", "first_time_founder": true, "company_registration_date": "2025-01-01"},
          "expect": {"zj-startup-subsidy": {"status": "eligible", "benefit_total": 5000, "certainty": "confirmed", "why": "deliberately wrong"}},
          "best_bundle": {"policies": ["zj-startup-subsidy"], "total": 5000, "unconfirmed_total": 5000, "why": "deliberately wrong"}
        })");
        REQUIRE(persona_problems(set, persona).empty());
        const std::vector<std::string> mismatches = verdict_mismatches(set, persona);
        REQUIRE(mismatches.size() == 6);
        CHECK(mismatches[0] == "persona wrong-on-purpose, policy zj-startup-subsidy: expected eligible, got ineligible (failed: registered)");
        CHECK(mismatches[1].find("expected benefit_total 5000, got") != std::string::npos);
        CHECK(mismatches[2] == "persona wrong-on-purpose, policy zj-startup-subsidy: expected certainty confirmed, got unconfirmed");
        CHECK(mismatches[3] == "persona wrong-on-purpose, best combination: expected [zj-startup-subsidy], got []");
        CHECK(mismatches[4] == "persona wrong-on-purpose, best combination: expected total 5000, got 0");
        CHECK(mismatches[5] == "persona wrong-on-purpose, best combination: expected unconfirmed_total 5000, got 0");
    }

    TEST_CASE("a persona naming an unknown question or policy is refused before any verdict") {
        const PolicySet set = bundled_policies();
        const json persona = json::parse(R"({
          "id": "stale", "name": "uses a removed question", "as_of": "2026-11-26", "profile": {"age": 30},
          "expect": {"no-such-policy": {"status": "eligible"}},
          "best_bundle": {"policies": [], "total": 0, "unconfirmed_total": 0, "why": "-"}
        })");
        const std::vector<std::string> problems = persona_problems(set, persona);
        REQUIRE(problems.size() == 3);
        CHECK(problems[0].rfind("persona stale: profile/age: ", 0) == 0);
        CHECK(problems[1] == "persona stale, policy no-such-policy: no such policy in the bundled data");
        CHECK(problems[2] == "persona stale, policy no-such-policy: no \"why\" (the reason, citing the source)");
    }
}
