#include "core/js_semantics.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "core/jsonlogic.hpp"

namespace portal::core {

using json = nlohmann::json;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// JavaScript's StrWhiteSpaceChar for the characters that can appear in our data: ASCII whitespace, NBSP,
// the ideographic space and the BOM. Returns the byte length of the whitespace at `i`, or 0.
std::size_t whitespace_length(std::string_view text, std::size_t i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
    if (text.substr(i, 2) == "\xC2\xA0") return 2;
    if (text.substr(i, 3) == "\xE3\x80\x80" || text.substr(i, 3) == "\xEF\xBB\xBF") return 3;
    return 0;
}

std::string_view trim_start(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t length = whitespace_length(text, i);
        if (length == 0) break;
        i += length;
    }
    return text.substr(i);
}

std::string_view trim(std::string_view text) {
    text = trim_start(text);
    while (!text.empty()) {
        bool trimmed = false;
        for (std::size_t length : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
            if (text.size() >= length && whitespace_length(text, text.size() - length) == length) {
                text.remove_suffix(length);
                trimmed = true;
                break;
            }
        }
        if (!trimmed) break;
    }
    return text;
}

// Length of the longest prefix of `text` that is a StrUnsignedDecimalLiteral (digits, optional fraction,
// optional exponent with digits), or 0.
std::size_t unsigned_decimal_prefix(std::string_view text) {
    std::size_t i = 0, digits = 0;
    while (i < text.size() && is_digit(text[i])) ++i, ++digits;
    if (i < text.size() && text[i] == '.') {
        std::size_t j = i + 1;
        while (j < text.size() && is_digit(text[j])) ++j, ++digits;
        if (digits == 0) return 0;
        i = j;
    }
    if (digits == 0) return 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
        const std::size_t exponent_start = j;
        while (j < text.size() && is_digit(text[j])) ++j;
        if (j > exponent_start) i = j;
    }
    return i;
}

double decimal_value(std::string_view literal) {
    const std::string copy(literal);
    return std::strtod(copy.c_str(), nullptr);
}

// "0x1f", "0b101", "0o17" (Number() accepts these, parseFloat does not).
bool parse_radix_literal(std::string_view text, double& out) {
    if (text.size() < 3 || text[0] != '0') return false;
    int radix = 0;
    switch (text[1]) {
        case 'x': case 'X': radix = 16; break;
        case 'b': case 'B': radix = 2; break;
        case 'o': case 'O': radix = 8; break;
        default: return false;
    }
    double value = 0;
    for (char c : text.substr(2)) {
        int digit = -1;
        if (is_digit(c)) digit = c - '0';
        else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        if (digit < 0 || digit >= radix) {
            out = kNaN;
            return true;
        }
        value = value * radix + digit;
    }
    out = value;
    return true;
}

// The primitive a value turns into for comparisons: arrays and objects become strings.
struct Primitive {
    bool is_string = false;
    const std::string* borrowed = nullptr;
    std::string owned;
    double number = 0;

    const std::string& text() const { return borrowed != nullptr ? *borrowed : owned; }
    double as_number() const { return is_string ? js::string_to_number(text()) : number; }
};

Primitive to_primitive(const json& value) {
    Primitive primitive;
    switch (value.type()) {
        case json::value_t::string:
            primitive.is_string = true;
            primitive.borrowed = value.get_ptr<const std::string*>();
            break;
        case json::value_t::array:
        case json::value_t::object:
            primitive.is_string = true;
            primitive.owned = js_to_string(value);
            break;
        default:
            primitive.number = js_to_number(value);
            break;
    }
    return primitive;
}

bool is_object_like(const json& value) { return value.is_array() || value.is_object(); }

// Null, booleans and numbers compare as numbers with no string in sight: the common case in rules (an age, a rank, a
// count against a literal), so it skips building the two Primitives and their strings.
bool compares_as_number(const json& value) {
    return !(value.is_string() || value.is_array() || value.is_object());
}

}  // namespace

// ---- the public conversions (jsonlogic.hpp) ----------------------------------------------------------------

bool js_truthy(const json& value) {
    switch (value.type()) {
        case json::value_t::null: return false;
        case json::value_t::boolean: return value.get<bool>();
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: {
            const double number = value.get<double>();
            return number != 0 && !std::isnan(number);
        }
        case json::value_t::string: return !value.get_ref<const std::string&>().empty();
        case json::value_t::array: return !value.empty();  // JsonLogic's own rule: [] is false
        default: return true;
    }
}

double js_to_number(const json& value) {
    switch (value.type()) {
        case json::value_t::null: return 0;
        case json::value_t::boolean: return value.get<bool>() ? 1 : 0;
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return value.get<double>();
        case json::value_t::string: return js::string_to_number(value.get_ref<const std::string&>());
        case json::value_t::array: return js::string_to_number(js_to_string(value));
        default: return kNaN;
    }
}

std::string js_number_to_string(double number) {
    if (std::isnan(number)) return "NaN";
    if (std::isinf(number)) return number > 0 ? "Infinity" : "-Infinity";
    if (number == 0) return "0";

    // Shortest digits that read back as the same double.
    char buffer[40];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*e", precision - 1, number);
        if (std::strtod(buffer, nullptr) == number) break;
    }
    std::string scientific(buffer);
    std::string sign;
    if (scientific[0] == '-') {
        sign = "-";
        scientific.erase(0, 1);
    }
    const std::size_t e = scientific.find('e');
    const int exponent = std::atoi(scientific.c_str() + e + 1);
    std::string digits = scientific.substr(0, e);
    if (digits.size() > 1) digits.erase(1, 1);  // drop the decimal point
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();

    // ECMAScript Number::toString: k digits, decimal point after n digits.
    const int k = static_cast<int>(digits.size());
    const int n = exponent + 1;
    if (k <= n && n <= 21) return sign + digits + std::string(static_cast<std::size_t>(n - k), '0');
    if (0 < n && n <= 21) return sign + digits.substr(0, static_cast<std::size_t>(n)) + "." + digits.substr(static_cast<std::size_t>(n));
    if (-6 < n && n <= 0) return sign + "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
    std::string mantissa = digits.substr(0, 1);
    if (k > 1) mantissa += "." + digits.substr(1);
    const int shown = n - 1;
    return sign + mantissa + "e" + (shown >= 0 ? "+" : "-") + std::to_string(shown >= 0 ? shown : -shown);
}

std::string js_to_string(const json& value) {
    switch (value.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return value.get<bool>() ? "true" : "false";
        case json::value_t::number_integer: return std::to_string(value.get<std::int64_t>());
        case json::value_t::number_unsigned: return std::to_string(value.get<std::uint64_t>());
        case json::value_t::number_float: return js_number_to_string(value.get<double>());
        case json::value_t::string: return value.get_ref<const std::string&>();
        case json::value_t::array: {
            // Array.prototype.join: null elements become "", the rest String(element).
            std::string joined;
            bool first = true;
            for (const json& element : value) {
                if (!first) joined += ',';
                first = false;
                if (!element.is_null()) joined += js_to_string(element);
            }
            return joined;
        }
        default: return "[object Object]";
    }
}

json json_number(double number) {
    constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53
    if (std::isfinite(number) && std::trunc(number) == number && std::fabs(number) <= kMaxExactInteger) {
        return json(static_cast<std::int64_t>(number));
    }
    return json(number);
}

// ---- internal conversions ----------------------------------------------------------------------------------

namespace js {

double string_to_number(std::string_view text) {
    text = trim(text);
    if (text.empty()) return 0;
    double radix_value = 0;
    if (parse_radix_literal(text, radix_value)) return radix_value;
    double sign = 1;
    std::string_view body = text;
    if (body[0] == '+' || body[0] == '-') {
        if (body[0] == '-') sign = -1;
        body.remove_prefix(1);
    }
    if (body == "Infinity") return sign * kInfinity;
    const std::size_t length = unsigned_decimal_prefix(body);
    if (length == 0 || length != body.size()) return kNaN;
    return sign * decimal_value(body);
}

double parse_float(const json& value) {
    if (value.is_number()) return value.get<double>();
    const std::string text = js_to_string(value);
    std::string_view rest = trim_start(text);
    double sign = 1;
    if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
        if (rest[0] == '-') sign = -1;
        rest.remove_prefix(1);
    }
    if (rest.substr(0, 8) == "Infinity") return sign * kInfinity;
    const std::size_t length = unsigned_decimal_prefix(rest);
    if (length == 0) return kNaN;
    return sign * decimal_value(rest.substr(0, length));
}

bool strict_equals(const json& a, const json& b) {
    if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
    if (a.type() != b.type()) return false;
    switch (a.type()) {
        case json::value_t::null: return true;
        case json::value_t::boolean: return a.get<bool>() == b.get<bool>();
        case json::value_t::string: return a.get_ref<const std::string&>() == b.get_ref<const std::string&>();
        default: return &a == &b;  // arrays and objects: the same object, as JavaScript compares references
    }
}

bool loose_equals(const json& a, const json& b) {
    if ((a.is_number() && b.is_number()) || a.type() == b.type()) return strict_equals(a, b);
    if (a.is_null() || b.is_null()) return false;  // null == only null (and undefined)
    if (a.is_boolean()) return loose_equals(json(a.get<bool>() ? 1 : 0), b);
    if (b.is_boolean()) return loose_equals(a, json(b.get<bool>() ? 1 : 0));
    if (a.is_number() && b.is_string()) return a.get<double>() == js_to_number(b);
    if (a.is_string() && b.is_number()) return js_to_number(a) == b.get<double>();
    if (is_object_like(a) && (b.is_number() || b.is_string())) return loose_equals(json(js_to_string(a)), b);
    if (is_object_like(b) && (a.is_number() || a.is_string())) return loose_equals(a, json(js_to_string(b)));
    return false;  // an array against an object: different references
}

bool less(const json& a, const json& b) {
    if (compares_as_number(a) && compares_as_number(b)) return js_to_number(a) < js_to_number(b);
    const Primitive pa = to_primitive(a), pb = to_primitive(b);
    if (pa.is_string && pb.is_string) return pa.text() < pb.text();
    const double x = pa.as_number(), y = pb.as_number();
    return x < y;  // NaN compares false, as `undefined` does in JavaScript
}

bool less_equal(const json& a, const json& b) {
    if (compares_as_number(a) && compares_as_number(b)) return js_to_number(a) <= js_to_number(b);
    const Primitive pa = to_primitive(a), pb = to_primitive(b);
    if (pa.is_string && pb.is_string) return !(pb.text() < pa.text());
    const double x = pa.as_number(), y = pb.as_number();
    return x <= y;
}

}  // namespace js
}  // namespace portal::core
