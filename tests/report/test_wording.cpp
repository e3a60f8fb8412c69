// The shared wording (src/wording): money, benefit sentences, validity and answers in both languages.
#include <doctest/doctest.h>

#include "wording/wording.hpp"

using namespace portal::core;
using namespace portal::wording;

TEST_SUITE("wording") {
    TEST_CASE("money reads the way each language writes it") {
        CHECK(money(Lang::zh, 5000) == "5,000 元");
        CHECK(money(Lang::zh, 500000) == "50 万元");
        CHECK(money(Lang::zh, 120000000) == "1.2 亿元");
        CHECK(money(Lang::en, 1000) == "CNY 1,000");
        CHECK(money(Lang::en, 500000) == "CNY 500k");
        CHECK(money(Lang::en, 1200000) == "CNY 1.2m");
        CHECK(plain_number(1234567.5) == "1,234,567.5");
    }

    TEST_CASE("an empty best combination asks for more answers only while a question is left") {
        Evaluation evaluation;
        evaluation.next_question = 3;
        CHECK(&empty_bundle_phrase(evaluation) == &str::best_empty);
        evaluation.next_question.reset();
        CHECK(&empty_bundle_phrase(evaluation) == &str::best_empty_final);
    }

    TEST_CASE("benefit sentences") {
        Benefit yearly;
        yearly.per = Per::year;
        yearly.periods = 5;
        CHECK(benefit_sentence(Lang::zh, yearly, {100000, 250000}) == "每年 2–5 万元，共 5 年（合计最高 25 万元）");
        CHECK(benefit_sentence(Lang::en, yearly, {250000, 250000}) == "CNY 50k a year for 5 years (CNY 250k in total)");
        Benefit loan;
        loan.kind = BenefitKind::loan;
        CHECK(benefit_sentence(Lang::zh, loan, {500000, 500000}) == "贷款额度 50 万元");
        CHECK(benefit_sentence(Lang::en, loan, {0, 500000}) == "loan limit up to CNY 500k");
    }

    TEST_CASE("validity and reliability") {
        Validity valid;
        CHECK(validity_text(Lang::zh, valid) == "长期有效");
        valid.from = Date{2022, 1, 1};
        CHECK(validity_text(Lang::en, valid) == "from 2022-01-01, no end date");
        valid.until = Date{2024, 12, 31};
        CHECK(validity_text(Lang::zh, valid) == "2022-01-01 至 2024-12-31");
        CHECK(std::string(tr(Lang::en, reliability_phrase(Reliability::confirmed, false))) == "✓ Confirmed");
        CHECK(std::string(tr(Lang::zh, reliability_phrase(Reliability::confirmed, true))) == "⚠ 示例条款");
    }

    TEST_CASE("answers in words") {
        Question choice;
        choice.type = QuestionType::choice;
        choice.options = {{"master", {"硕士", "Master's"}}, {"phd", {"博士", ""}}};
        CHECK(answer_text(Lang::en, choice, "master") == "Master's");
        CHECK(answer_text(Lang::en, choice, "phd") == "博士 (in Chinese only)");
        Question yes_no;
        CHECK(answer_text(Lang::zh, yes_no, true) == "是");
        Question age;
        age.type = QuestionType::number;
        age.unit = {"岁", "years"};
        CHECK(answer_text(Lang::en, age, 24) == "24 years");
        Question multi = choice;
        multi.type = QuestionType::multi;
        CHECK(answer_text(Lang::zh, multi, nlohmann::json::array({"master", "phd"})) == "硕士、博士");
    }
}

TEST_SUITE("wording") {
    TEST_CASE("ceilings read as ceilings") {
        Benefit once;
        once.amount = 5000;
        once.up_to = true;
        CHECK(payment_text(Lang::zh, once, {5000, 5000}) == "最高 5,000 元");
        CHECK(payment_text(Lang::en, once, {5000, 5000}) == "up to CNY 5,000");
        CHECK(benefit_sentence(Lang::zh, once, {5000, 5000}) == "一次性 最高 5,000 元");
        Benefit yearly = once;
        yearly.per = Per::year;
        yearly.periods = 3;
        CHECK(benefit_sentence(Lang::zh, yearly, {15000, 15000}) == "每年 最高 5,000 元，共 3 年（合计最高 1.5 万元）");

        PolicyOutcome outcome;
        outcome.status = Status::eligible;
        outcome.benefit_total = 0;
        outcome.benefit_up_to = 5000;
        CHECK(outcome_amount(Lang::zh, outcome) == "最高 5,000 元");
        outcome.benefit_total = 10000;
        outcome.benefit_up_to = 15000;
        CHECK(outcome_amount(Lang::zh, outcome) == "1 万元（最高 1.5 万元）");
        CHECK(outcome_amount(Lang::en, outcome) == "CNY 10k (up to CNY 15k)");
        outcome.benefit_up_to = 10000;
        CHECK(outcome_amount(Lang::zh, outcome) == "1 万元");
        outcome.benefit_total.reset();
        outcome.benefit_up_to.reset();
        CHECK(outcome_amount(Lang::zh, outcome).empty());
    }

    TEST_CASE("certainty goes with every status and amount that is not confirmed") {
        CHECK(std::string(tr(Lang::zh, status_phrase(Status::eligible, Certainty::confirmed))) == "✓ 符合条件");
        CHECK(std::string(tr(Lang::zh, status_phrase(Status::eligible, Certainty::unconfirmed))) == "✓ 符合条件（待核实）");
        CHECK(std::string(tr(Lang::en, status_phrase(Status::eligible, Certainty::illustrative))) ==
              "⚠ You qualify on example terms");
        CHECK(std::string(tr(Lang::zh, status_phrase(Status::ineligible, Certainty::unconfirmed))) == "× 暂不符合");

        PolicyOutcome outcome;
        outcome.status = Status::eligible;
        outcome.benefit_total = 950000;
        outcome.benefit_up_to = 950000;
        outcome.certainty = Certainty::unconfirmed;
        CHECK(policy_with_amount(Lang::zh, "安家补贴", outcome) == "安家补贴：95 万元 · ○ 条款待核实");
        outcome.certainty = Certainty::confirmed;
        CHECK(policy_with_amount(Lang::en, "Settling allowance", outcome) == "Settling allowance: CNY 950k");

        Bundle bundle;
        bundle.total = 139200;
        CHECK(bundle_total(Lang::zh, bundle) == "预计总价值 13.92 万元");
        bundle.unconfirmed_total = 39200;
        CHECK(bundle_total(Lang::zh, bundle) == "预计总价值约 13.92 万元，其中 3.92 万元条款待核实");
        CHECK(bundle_total(Lang::en, bundle) == "Estimated total about CNY 139.2k, of which CNY 39.2k rests on unconfirmed terms");
        bundle.unconfirmed_total = 139200;
        CHECK(bundle_total(Lang::zh, bundle) == "预计总价值约 13.92 万元，条款均待核实");
    }

    TEST_CASE("one-off and repeated payments") {
        Benefit once;
        CHECK(benefit_sentence(Lang::zh, once, {20000, 20000}) == "一次性 2 万元");
        CHECK(benefit_sentence(Lang::en, once, {20000, 20000}) == "CNY 20k once");
        Benefit thrice;
        thrice.periods = 3;
        CHECK(benefit_sentence(Lang::zh, thrice, {3000, 3000}) == "每次 1,000 元，共 3 次（合计 3,000 元）");
        CHECK(benefit_sentence(Lang::en, thrice, {3000, 3000}) == "CNY 1,000 each time, 3 times (CNY 3,000 in total)");
    }
}
