#include <doctest/doctest.h>

#include "core/date.hpp"
#include "core/diagnostics.hpp"
#include "core/text.hpp"

using namespace portal::core;

TEST_SUITE("text") {
    TEST_CASE("English falls back to Chinese and says so") {
        const Text both{"补贴", "Allowance"};
        const Text only_zh{"补贴", ""};
        CHECK(both.in(Lang::en) == "Allowance");
        CHECK(both.in(Lang::zh) == "补贴");
        CHECK(only_zh.in(Lang::en) == "补贴");
        CHECK(only_zh.missing_in(Lang::en));
        CHECK_FALSE(both.missing_in(Lang::en));
        CHECK_FALSE(only_zh.missing_in(Lang::zh));
        CHECK(Text{}.empty());
    }

    TEST_CASE("language codes") {
        CHECK(lang_code(Lang::zh) == "zh");
        CHECK(parse_lang("en") == Lang::en);
        CHECK_FALSE(parse_lang("fr").has_value());
    }

    TEST_CASE("diagnostics print file, position and message") {
        Diagnostic at_line{Severity::error, "a.json", "", 3, 7, "bad", ""};
        CHECK(to_string(at_line) == "a.json:3:7: error: bad");
        Diagnostic at_pointer{Severity::warning, "a.json", "/policies/3/criteria/0/rule", 0, 0, "hmm", ""};
        CHECK(to_string(at_pointer) == "a.json: /policies/3/criteria/0/rule: warning: hmm");
        Diagnostic whole{Severity::error, "a.json", "", 0, 0, "not an object", ""};
        CHECK(to_string(whole) == "a.json: error: not an object");
        // A lint finding carries its code, and one the data accepts says so (policyctl lint and the preview).
        Diagnostic finding{Severity::warning, "a.json", "/policies/2/terms", 0, 0, "no clause named", "terms-clause"};
        CHECK(to_string(finding) == "a.json: /policies/2/terms: warning [terms-clause]: no clause named");
        finding.severity = Severity::accepted;
        CHECK(to_string(finding) == "a.json: /policies/2/terms: accepted [terms-clause]: no clause named");
        CHECK(pointer_append("/rule", "/") == "/rule/~1");
        CHECK(pointer_append("", "a~b") == "/a~0b");
        CHECK(pointer_append("/x", std::size_t{4}) == "/x/4");
    }
}

TEST_SUITE("date") {
    TEST_CASE("parsing is strict and knows the calendar") {
        CHECK(Date::parse("2024-06-01") == Date{2024, 6, 1});
        CHECK(Date::parse("2024-02-29").has_value());  // leap year
        CHECK_FALSE(Date::parse("2023-02-29").has_value());
        CHECK_FALSE(Date::parse("1900-02-29").has_value());  // century, not leap
        CHECK(Date::parse("2000-02-29").has_value());        // 400-year rule
        CHECK_FALSE(Date::parse("2024-04-31").has_value());
        CHECK_FALSE(Date::parse("2024-13-01").has_value());
        CHECK_FALSE(Date::parse("2024-00-10").has_value());
        CHECK_FALSE(Date::parse("2024-6-1").has_value());
        CHECK_FALSE(Date::parse("2024-06-01T00:00").has_value());
        CHECK_FALSE(Date::parse(" 2024-06-01").has_value());
        CHECK_FALSE(Date::parse("2024/06/01").has_value());
        CHECK_FALSE(Date::parse("").has_value());
    }

    TEST_CASE("typed dates are read the ways people write them") {
        const Date june30{2025, 6, 30};
        for (const char* text : {"2025-06-30", "2025-6-30", "2025/6/30", "2025/06/30", "2025.6.30", "20250630",
                                 "2025年6月30日", "2025年6月30", " 2025 年 6 月 30 日 ", "２０２５／６／３０",
                                 "２０２５年６月３０日", "2025－06－30"}) {
            INFO(text);
            REQUIRE(Date::parse_typed(text).has_value());
            CHECK(*Date::parse_typed(text) == june30);
        }
        CHECK(Date::parse_typed("2024/2/29") == Date{2024, 2, 29});
        CHECK(Date::parse_typed("2000.1.1") == Date{2000, 1, 1});
        for (const char* text : {"", "2025", "2025/6", "2025/6/31", "2023/2/29", "2025-6/30", "25/6/30", "2025/006/30",
                                 "2025/6/30/1", "202506300", "2025063", "2025年6月", "6/30/2025", "2025/13/1",
                                 "2025/0/10", "2025年6月30日日", "abc", "2025/6/3O", "20251301"}) {
            INFO(text);
            CHECK_FALSE(Date::parse_typed(text).has_value());
        }
    }

    TEST_CASE("formatting pads") {
        CHECK(Date{2024, 6, 1}.to_string() == "2024-06-01");
        CHECK(Date{987, 12, 31}.to_string() == "0987-12-31");
    }

    TEST_CASE("ordering") {
        CHECK(Date{2024, 1, 31} < Date{2024, 2, 1});
        CHECK(Date{2023, 12, 31} < Date{2024, 1, 1});
        CHECK(Date{2024, 1, 1} <= Date{2024, 1, 1});
        CHECK(Date{2024, 1, 2} > Date{2024, 1, 1});
        CHECK(Date{2024, 1, 2} != Date{2024, 1, 1});
    }

    TEST_CASE("completed years are counted like an age") {
        CHECK(completed_years(Date{2018, 6, 2}, Date{2024, 6, 1}) == 5);
        CHECK(completed_years(Date{2018, 6, 1}, Date{2024, 6, 1}) == 6);
        CHECK(completed_years(Date{2018, 6, 2}, Date{2018, 6, 2}) == 0);
        CHECK(completed_years(Date{2024, 6, 1}, Date{2018, 6, 2}) == -5);  // later date: negative
        // Born on 29 February: a year is complete on 1 March in common years.
        CHECK(completed_years(Date{2020, 2, 29}, Date{2021, 2, 28}) == 0);
        CHECK(completed_years(Date{2020, 2, 29}, Date{2021, 3, 1}) == 1);
    }

    TEST_CASE("completed months and days") {
        CHECK(completed_months(Date{2018, 6, 2}, Date{2024, 6, 1}) == 71);
        CHECK(completed_months(Date{2024, 1, 31}, Date{2024, 2, 29}) == 0);
        CHECK(completed_months(Date{2024, 1, 31}, Date{2024, 3, 1}) == 1);
        CHECK(completed_months(Date{2024, 3, 1}, Date{2024, 1, 31}) == -1);
        CHECK(days_between(Date{2024, 2, 28}, Date{2024, 3, 1}) == 2);  // leap day
        CHECK(days_between(Date{2023, 2, 28}, Date{2023, 3, 1}) == 1);
        CHECK(days_between(Date{2024, 6, 1}, Date{2024, 5, 31}) == -1);
        CHECK(days_between(Date{2000, 1, 1}, Date{2024, 1, 1}) == 8766);
    }

    TEST_CASE("epoch days round trip") {
        CHECK(days_since_epoch(Date{1970, 1, 1}) == 0);
        CHECK(days_since_epoch(Date{1969, 12, 31}) == -1);
        for (std::int64_t day = -800000; day < 800000; day += 997) {
            CHECK(days_since_epoch(date_from_days_since_epoch(day)) == day);
        }
    }

    TEST_CASE("the system clock gives a real date") {
        const Date today = today_from_system_clock();
        CHECK(Date::parse(today.to_string()).has_value());
        CHECK(today.y >= 2024);
    }
}
