// Making data text safe to put in HTML or a plain-text file. Policy files come from authors we trust only so far:
// every text is escaped, every link passes an allow-list, and bidirectional controls (which can make text read
// differently from what it holds) are removed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace portal::report {

// Removes the bidirectional formatting controls U+202A..U+202E, U+2066..U+2069, U+200E, U+200F and U+061C,
// and C0 control characters other than tab and newline.
std::string strip_controls(std::string_view text);

// Text content: strip_controls(), then & < > " ' as character references. Also safe inside a double-quoted
// attribute value.
std::string escape_html(std::string_view text);
inline std::string escape_attr(std::string_view text) { return escape_html(text); }

// The URL when its scheme is one the contract allows (https, http, mailto, tel; any letter case) and it holds
// no whitespace or control characters; nullopt otherwise. The result still needs escape_attr().
std::optional<std::string> allowed_url(std::string_view url);

}  // namespace portal::report
