// Money, benefit sentences, validity and answers in both languages.
#include <doctest/doctest.h>

#include "report/wording.hpp"

using namespace portal::core;
using namespace portal::report;

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
        CHECK(reliability_name(Lang::en, Reliability::confirmed, false) == "Confirmed");
        CHECK(reliability_name(Lang::zh, Reliability::confirmed, true) == "示例条款");
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
