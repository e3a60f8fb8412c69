#include "core/date.hpp"

#include <cstdio>
#include <ctime>
#include <string>
#include <tuple>

namespace portal::core {
namespace {

bool all_digits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

int to_int(std::string_view digits) {
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

// Months from `from` to `to`, not yet corrected for an unfinished last month.
int raw_month_difference(const Date& from, const Date& to) { return (to.y - from.y) * 12 + (to.m - from.m); }

// Completed months when from <= to. The day-of-month comparison is what makes it count like an age.
int completed_months_forward(const Date& from, const Date& to) {
    int months = raw_month_difference(from, to);
    if (to.d < from.d) --months;
    return months;
}

// A typed date with full-width forms (０-９ ／ － ． and the ideographic space) made ASCII, spaces dropped.
std::string ascii_typed(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        // U+FF01..U+FF5E are EF BC 81..EF BD 9E; U+3000 is E3 80 80.
        if (c == 0xEF && i + 2 < text.size()) {
            const unsigned char b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
            const int code = b1 == 0xBC ? b2 - 0x80 + 0xFF00 : b1 == 0xBD ? b2 - 0x80 + 0xFF40 : -1;
            if (code >= 0xFF01 && code <= 0xFF5E) {
                out.push_back(static_cast<char>(code - 0xFF01 + '!'));
                i += 2;
                continue;
            }
        }
        if (c == 0xE3 && text.substr(i, 3) == "\xE3\x80\x80") {
            i += 2;
            continue;
        }
        if (c == ' ' || c == '\t') continue;
        out.push_back(static_cast<char>(c));
    }
    return out;
}

std::optional<Date> checked(int y, int m, int d) {
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    return Date{y, m, d};
}

// "Y<sep>M<sep>D<end>": four digits, then one or two, then one or two, each followed by its separator.
std::optional<Date> split_date(std::string_view text, std::string_view sep1, std::string_view sep2, std::string_view end) {
    const auto take = [&text](std::size_t min, std::size_t max, std::string_view after) -> std::optional<int> {
        std::size_t n = 0;
        while (n < text.size() && text[n] >= '0' && text[n] <= '9') ++n;
        if (n < min || n > max || text.substr(n, after.size()) != after) return std::nullopt;
        const int value = to_int(text.substr(0, n));
        text.remove_prefix(n + after.size());
        return value;
    };
    const std::optional<int> y = take(4, 4, sep1);
    if (!y) return std::nullopt;
    const std::optional<int> m = take(1, 2, sep2);
    if (!m) return std::nullopt;
    const std::optional<int> d = take(1, 2, end);
    if (!d || !text.empty()) return std::nullopt;
    return checked(*y, *m, *d);
}

}  // namespace

std::optional<Date> Date::parse_typed(std::string_view typed) {
    const std::string text = ascii_typed(typed);
    if (text.size() == 8 && all_digits(text))
        return checked(to_int(std::string_view(text).substr(0, 4)), to_int(std::string_view(text).substr(4, 2)),
                       to_int(std::string_view(text).substr(6, 2)));
    for (const char* sep : {"-", "/", "."}) {
        if (auto date = split_date(text, sep, sep, "")) return date;
    }
    if (auto date = split_date(text, "年", "月", "日")) return date;
    return split_date(text, "年", "月", "");
}

std::optional<Date> Date::parse(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    std::string_view year = text.substr(0, 4), month = text.substr(5, 2), day = text.substr(8, 2);
    if (!all_digits(year) || !all_digits(month) || !all_digits(day)) return std::nullopt;
    Date date{to_int(year), to_int(month), to_int(day)};
    if (date.m < 1 || date.m > 12 || date.d < 1 || date.d > days_in_month(date.y, date.m)) return std::nullopt;
    return date;
}

std::string Date::to_string() const {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
    return buffer;
}

bool operator==(const Date& a, const Date& b) { return a.y == b.y && a.m == b.m && a.d == b.d; }
bool operator!=(const Date& a, const Date& b) { return !(a == b); }
bool operator<(const Date& a, const Date& b) { return std::tie(a.y, a.m, a.d) < std::tie(b.y, b.m, b.d); }
bool operator<=(const Date& a, const Date& b) { return !(b < a); }
bool operator>(const Date& a, const Date& b) { return b < a; }
bool operator>=(const Date& a, const Date& b) { return !(a < b); }

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2 && is_leap_year(year)) return 29;
    return kDays[month - 1];
}

// Howard Hinnant's days_from_civil algorithm (public domain description), written out here.
std::int64_t days_since_epoch(const Date& date) {
    const std::int64_t y = date.m <= 2 ? date.y - 1 : date.y;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t year_of_era = y - era * 400;
    const std::int64_t month_from_march = date.m > 2 ? date.m - 3 : date.m + 9;
    const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + date.d - 1;
    const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

Date date_from_days_since_epoch(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t day_of_era = days - era * 146097;
    const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
    const int day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    const int month = static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
    const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
    return Date{year, month, day};
}

int completed_months(const Date& from, const Date& to) {
    if (to < from) return -completed_months_forward(to, from);
    return completed_months_forward(from, to);
}

int completed_years(const Date& from, const Date& to) {
    // Truncation towards zero keeps the backwards count symmetric with the forwards one.
    return completed_months(from, to) / 12;
}

std::int64_t days_between(const Date& from, const Date& to) { return days_since_epoch(to) - days_since_epoch(from); }

Date today_from_system_clock() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
#if defined(_WIN32)
    localtime_s(&local, &now);
#else
    localtime_r(&now, &local);
#endif
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace portal::core
