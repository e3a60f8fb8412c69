#include "core/share_state.hpp"

#include <algorithm>
#include <cctype>

namespace portal::core {
namespace {

bool is_unreserved(unsigned char c) {
    return std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~';
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        unsigned min = 0;
        unsigned code = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1, min = 0x80, code = c & 0x1Fu;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2, min = 0x800, code = c & 0x0Fu;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3, min = 0x10000, code = c & 0x07u;
        } else {
            return false;
        }
        if (i + extra >= text.size()) return false;  // truncated sequence
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            code = (code << 6) | (next & 0x3Fu);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
        i += extra + 1;
    }
    return true;
}

bool looks_like_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    const auto first = static_cast<unsigned char>(id.front());
    if (!(std::islower(first) != 0 || std::isdigit(first) != 0)) return false;
    return std::all_of(id.begin(), id.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return std::islower(c) != 0 || std::isdigit(c) != 0 || c == '_' || c == '-';
    });
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) out += ',';
        out += percent_encode(item);
    }
    return out;
}

// Splits "a,b,c" into ids, keeping those that look like ids, without duplicates, at most kMaxListItems.
std::vector<std::string> read_id_list(std::string_view key, std::string_view value,
                                      std::vector<std::string>& problems) {
    std::vector<std::string> ids;
    std::size_t start = 0;
    bool reported = false;
    while (start <= value.size()) {
        const std::size_t comma = std::min(value.find(',', start), value.size());
        const std::string_view id = value.substr(start, comma - start);
        if (!id.empty()) {
            if (!looks_like_id(id) || ids.size() >= kMaxListItems) {
                if (!reported) problems.push_back("ignored part of \"" + std::string(key) + "\" in the link");
                reported = true;
            } else if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
                ids.emplace_back(id);
            }
        }
        start = comma + 1;
    }
    return ids;
}

bool is_scalar(const nlohmann::json& value) {
    return value.is_boolean() || value.is_number() || value.is_string();
}

// A shared profile: an object whose answers are scalars or flat arrays of scalars (that is all a question takes).
std::optional<nlohmann::json> read_answers(std::string_view text) {
    auto answers = nlohmann::json::parse(text, nullptr, false);
    if (answers.is_discarded() || !answers.is_object() || answers.size() > 256) return std::nullopt;
    for (const auto& [key, value] : answers.items()) {
        if (!looks_like_id(key)) return std::nullopt;
        if (value.is_array()) {
            if (value.size() > kMaxListItems || !std::all_of(value.begin(), value.end(), is_scalar))
                return std::nullopt;
        } else if (!is_scalar(value)) {
            return std::nullopt;
        }
    }
    return answers;
}

// The answers' JSON nests at most two levels (object, array); anything deeper is refused before parsing.
bool shallow_enough(std::string_view json_text) {
    int depth = 0;
    for (const char c : json_text) {
        if (c == '{' || c == '[') {
            if (++depth > 2) return false;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}

void apply_pair(std::string_view key, const std::string& value, FragmentDecode& out) {
    ShareState& s = out.state;
    auto& problems = out.problems;
    if (key == "v") {
        // Defaults are kept as "" (encode_fragment leaves them out), so a decoded state re-encodes to itself.
        if (value == "explore") s.view.clear();
        else if (value == "detail" || value == "check" || value == "compare") s.view = value;
        else problems.push_back("ignored an unknown view in the link");
    } else if (key == "lang") {
        if (const auto lang = parse_lang(value)) s.lang = lang;
        else problems.push_back("ignored an unknown language in the link");
    } else if (key == "q") {
        if (value.size() <= kMaxQueryBytes) s.query = value;
        else problems.push_back("ignored a search text that is too long");
    } else if (key == "cat") {
        s.categories = read_id_list(key, value, problems);
    } else if (key == "aud") {
        s.audiences = read_id_list(key, value, problems);
    } else if (key == "sort") {
        if (value == "relevance") s.sort.clear();
        else if (value == "value" || value == "name") s.sort = value;
        else problems.push_back("ignored an unknown sort order in the link");
    } else if (key == "p") {
        if (looks_like_id(value)) s.policy = value;
        else problems.push_back("ignored a malformed policy id in the link");
    } else if (key == "cmp") {
        s.compare = read_id_list(key, value, problems);
    } else if (key == "a") {
        if (shallow_enough(value)) s.answers = read_answers(value);
        if (!s.answers) problems.push_back("ignored answers in the link that could not be read");
        if (s.answers && s.answers->empty()) s.answers.reset();  // "{}" is no answers, as encode_fragment writes it
    }
    // Unknown keys are ignored silently: a future version may add some.
}

// A decoded state must re-encode to a link that decodes again. Percent-encoding triples JSON punctuation, so
// answers that fit in a link as raw text may not fit once encoded; everything else is capped well below the limit.
void drop_answers_that_outgrow_a_link(FragmentDecode& out) {
    if (!out.state.answers || encode_fragment(out.state).size() <= kMaxFragmentBytes) return;
    out.state.answers.reset();
    out.problems.push_back("ignored answers in the link that are too long");
}

}  // namespace

bool ShareState::operator==(const ShareState& o) const {
    return view == o.view && lang == o.lang && query == o.query && categories == o.categories &&
           audiences == o.audiences && sort == o.sort && policy == o.policy && compare == o.compare &&
           answers == o.answers;
}

std::string percent_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (is_unreserved(c)) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0x0F];
        }
    }
    return out;
}

std::optional<std::string> percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%') {
            if (i + 2 >= text.size()) return std::nullopt;  // truncated escape
            const int hi = hex_value(text[i + 1]);
            const int lo = hex_value(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (text[i] == '+') {
            out += ' ';
        } else {
            out += text[i];
        }
    }
    if (!valid_utf8(out)) return std::nullopt;
    return out;
}

std::string encode_fragment(const ShareState& s) {
    std::string out;
    auto add = [&out](std::string_view key, const std::string& encoded_value) {
        if (encoded_value.empty()) return;
        if (!out.empty()) out += '&';
        out += key;
        out += '=';
        out += encoded_value;
    };
    add("v", s.view == "explore" ? std::string() : s.view);
    add("lang", s.lang ? std::string(lang_code(*s.lang)) : std::string());
    add("q", percent_encode(s.query));
    add("cat", join(s.categories));
    add("aud", join(s.audiences));
    add("sort", s.sort == "relevance" ? std::string() : s.sort);
    add("p", percent_encode(s.policy));
    add("cmp", join(s.compare));
    if (s.answers && s.answers->is_object() && !s.answers->empty()) add("a", percent_encode(s.answers->dump()));
    return out;
}

FragmentDecode decode_fragment(std::string_view fragment) {
    FragmentDecode out;
    if (!fragment.empty() && fragment.front() == '#') fragment.remove_prefix(1);
    if (fragment.empty()) return out;
    if (fragment.size() > kMaxFragmentBytes) {
        out.problems.push_back("the link is too long to be one of ours; it was ignored");
        return out;
    }
    std::size_t start = 0;
    while (start <= fragment.size()) {
        const std::size_t amp = std::min(fragment.find('&', start), fragment.size());
        const std::string_view pair = fragment.substr(start, amp - start);
        start = amp + 1;
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        const std::string_view key = pair.substr(0, eq);
        const std::string_view raw = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
        const auto value = percent_decode(raw);
        if (!value) {
            out.problems.push_back("ignored a garbled part of the link");
            continue;
        }
        apply_pair(key, *value, out);
    }
    drop_answers_that_outgrow_a_link(out);
    return out;
}

}  // namespace portal::core
