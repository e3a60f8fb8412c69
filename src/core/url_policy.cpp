#include "core/url_policy.hpp"

#include <cctype>

namespace portal::core {

bool has_bidi_control(std::string_view text) {
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        if (text[i] != '\xE2') continue;
        const auto second = static_cast<unsigned char>(text[i + 1]);
        const auto third = static_cast<unsigned char>(text[i + 2]);
        if (second == 0x80 && third >= 0xAA && third <= 0xAE) return true;  // U+202A..U+202E
        if (second == 0x81 && third >= 0xA6 && third <= 0xA9) return true;  // U+2066..U+2069
    }
    return false;
}

// Empty when the URL is acceptable: only https:, http:, mailto: and tel: links may reach a page people click.
std::string url_problem(const std::string& url) {
    if (url.empty()) return "empty URL";
    if (has_bidi_control(url)) return "URL contains bidirectional control characters";
    for (char c : url) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return "URL contains spaces or control characters";
    }
    const std::size_t colon = url.find(':');
    if (colon == std::string::npos || colon == 0) return "URL has no scheme (write https://...)";
    std::string scheme = url.substr(0, colon);
    for (char& c : scheme) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (scheme != "https" && scheme != "http" && scheme != "mailto" && scheme != "tel") {
        return "URL scheme \"" + scheme + ":\" is not allowed (only https:, http:, mailto:, tel:)";
    }
    if ((scheme == "https" || scheme == "http") && (url.compare(colon, 3, "://") != 0 || url.size() <= colon + 3)) {
        return "web URL must look like " + scheme + "://host/...";
    }
    if (url.size() == colon + 1) return "URL has nothing after the scheme";
    return "";
}

bool is_web_url(const std::string& url) {
    if (!url_problem(url).empty()) return false;
    std::string scheme = url.substr(0, url.find(':'));
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return scheme == "https" || scheme == "http";
}

}  // namespace portal::core
