#include "report/escape.hpp"

#include "core/load.hpp"

#include <array>
#include <cctype>

namespace portal::report {
namespace {

// Length in bytes of the bidi control starting at text[i], or 0.
std::size_t bidi_control_at(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
    if (byte(0) == 0xD8 && byte(1) == 0x9C) return 2;  // U+061C arabic letter mark
    if (byte(0) != 0xE2) return 0;
    const unsigned second = byte(1), third = byte(2);
    if (second == 0x80 && (third == 0x8E || third == 0x8F)) return 3;        // U+200E, U+200F
    if (second == 0x80 && third >= 0xAA && third <= 0xAE) return 3;          // U+202A..U+202E
    if (second == 0x81 && third >= 0xA6 && third <= 0xA9) return 3;          // U+2066..U+2069
    return 0;
}

bool is_dropped_control(unsigned char c) { return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F; }

}  // namespace

std::string strip_controls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t skip = bidi_control_at(text, i)) {
            i += skip;
            continue;
        }
        if (!is_dropped_control(static_cast<unsigned char>(text[i]))) out += text[i];
        ++i;
    }
    return out;
}

std::string escape_html(std::string_view text) {
    std::string out;
    for (const char c : strip_controls(text)) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::optional<std::string> allowed_url(std::string_view url) {
    std::string text(url);
    if (!core::url_problem(text).empty()) return std::nullopt;
    return text;
}

}  // namespace portal::report
