// Calendar dates as policy files write them (YYYY-MM-DD), and the "completed years / months / days" arithmetic
// that age limits, graduation windows and company ages need. No time zones: a date is a day in Shangyu.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace portal::core {

struct Date {
    int y = 1970;
    int m = 1;
    int d = 1;

    // Strict: exactly "YYYY-MM-DD" (4-2-2 digits) naming a real day, leap years included; nullopt otherwise.
    static std::optional<Date> parse(std::string_view text);
    // As people type a date: "2025-6-30", "2025/6/30", "2025.6.30", "20250630", "2025年6月30日" (the 日 may be
    // left off), with full-width digits and separators as a Chinese input method writes them, and spaces
    // around. The year has four digits, month and day one or two; the day must exist. nullopt otherwise.
    static std::optional<Date> parse_typed(std::string_view text);
    // "YYYY-MM-DD", zero padded.
    std::string to_string() const;
};

bool operator==(const Date& a, const Date& b);
bool operator!=(const Date& a, const Date& b);
bool operator<(const Date& a, const Date& b);
bool operator<=(const Date& a, const Date& b);
bool operator>(const Date& a, const Date& b);
bool operator>=(const Date& a, const Date& b);

bool is_leap_year(int year);
int days_in_month(int year, int month);  // 0 for a month outside 1..12

// Days since 1970-01-01 (negative before), so differences are plain subtraction.
std::int64_t days_since_epoch(const Date& date);
Date date_from_days_since_epoch(std::int64_t days);

// Completed units from `from` to `to`, counted like a person's age: 2018-06-02 -> 2024-06-01 is 5 years,
// 71 months. Negative (counted the same way backwards) when `from` is after `to`.
int completed_years(const Date& from, const Date& to);
int completed_months(const Date& from, const Date& to);
std::int64_t days_between(const Date& from, const Date& to);

// Today's date from the system clock in local time. Only tools call this: core functions take the evaluation
// date as a parameter so results are reproducible.
Date today_from_system_clock();

}  // namespace portal::core
