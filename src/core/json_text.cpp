#include "core/json_text.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace portal::core {
namespace {

using json = nlohmann::json;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Length of the UTF-8 sequence starting at text[i], or 0 when it is not valid UTF-8 (overlong forms,
// surrogates and code points above U+10FFFF are invalid, as RFC 3629 says).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char min_second = 0x80, max_second = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) min_second = 0xA0;  // overlong
        if (lead == 0xED) max_second = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) min_second = 0x90;  // overlong
        if (lead == 0xF4) max_second = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    if (byte(i + 1) < min_second || byte(i + 1) > max_second) return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    }
    return length;
}

bool is_json_whitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

struct ScanProblem {
    std::size_t offset = 0;
    std::string message;
};

// One pass over the bytes before nlohmann sees them: invalid UTF-8 and excessive nesting get a precise
// position and a plain message here, instead of a generic syntax error later.
std::optional<ScanProblem> scan_text(std::string_view text, int max_depth) {
    bool in_string = false, escaped = false;
    int depth = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
            return ScanProblem{i, std::string("invalid UTF-8 (byte ") + hex + "): the file must be saved as UTF-8"};
        }
        const char c = text[i];
        i += length;
        if (length > 1) continue;
        if (c == '\0') {  // nlohmann's lexer takes a NUL for the end of input and would ignore what follows it
            return ScanProblem{i - 1, "NUL byte: JSON text cannot contain one (is this a binary file?)"};
        }
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) {
                return ScanProblem{i - 1, "nesting deeper than " + std::to_string(max_depth) + " levels"};
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::nullopt;
}

// Builds the DOM like nlohmann's own SAX DOM parser, and also remembers where it is so a duplicate key can be
// reported with its JSON pointer.
class DomBuilder {
public:
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    json root;
    std::vector<std::string> duplicate_pointers;
    std::size_t error_position = 0;
    std::string error_token;
    std::string error_message;
    bool failed = false;

    bool null() { return add(json(nullptr)); }
    bool boolean(bool value) { return add(json(value)); }
    bool number_integer(number_integer_t value) { return add(json(value)); }
    bool number_unsigned(number_unsigned_t value) { return add(json(value)); }
    bool number_float(number_float_t value, const string_t& /*text*/) { return add(json(value)); }
    bool string(string_t& value) { return add(json(std::move(value))); }
    bool binary(binary_t& /*value*/) { return add(json()); }

    bool start_object(std::size_t /*elements*/) { return open(json::object()); }
    bool start_array(std::size_t /*elements*/) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    // One lookup per key: the member is made here (empty) and filled by the value that follows. A duplicate
    // finds the earlier member, which the later value overwrites (the last one wins, as in nlohmann's parser).
    bool key(string_t& name) {
        Frame& frame = stack_.back();
        auto& members = *frame.container->get_ptr<json::object_t*>();
        const auto [member, inserted] = members.try_emplace(std::move(name));
        if (!inserted) duplicate_pointers.push_back(pointer_append(path(), member->first));
        frame.member = &*member;
        return true;
    }

    bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& ex) {
        failed = true;
        error_position = position;
        error_token = last_token;
        error_message = ex.what();
        return false;
    }

private:
    struct Frame {
        json* container;
        json::object_t::value_type* member;  // the member being filled when the container is an object
    };
    std::vector<Frame> stack_;

    // Where the next value goes.
    json* slot() {
        if (stack_.empty()) return &root;
        Frame& frame = stack_.back();
        if (frame.container->is_object()) return &frame.member->second;
        return &frame.container->get_ptr<json::array_t*>()->emplace_back();
    }

    bool add(json value) {
        *slot() = std::move(value);
        return true;
    }

    bool open(json empty_container) {
        json* target = slot();
        *target = std::move(empty_container);
        stack_.push_back(Frame{target, nullptr});
        return true;
    }

    bool close() {
        stack_.pop_back();
        return true;
    }

    // The pointer of the innermost open container.
    std::string path() const {
        std::string pointer;
        for (std::size_t level = 1; level < stack_.size(); ++level) {
            const Frame& parent = stack_[level - 1];
            if (parent.container->is_array()) {
                pointer = pointer_append(pointer, parent.container->size() - 1);
            } else {
                pointer = pointer_append(pointer, parent.member->first);
            }
        }
        return pointer;
    }
};

// Stands in for the string a value would be read into when the text is only checked, not built.
struct Discard {
    void append(const char*, const char*) {}
    Discard& operator+=(char) { return *this; }
};

// The top-level array member the quick path leaves in the text, and the string member of its object elements it
// collects (see parse_json_text_deferring).
struct Deferral {
    std::string_view member;
    std::string_view key_member;
};

// The quick path: a plain recursive reader for the common case, a well-formed file without duplicate keys, that
// builds the same document as nlohmann's parser with far fewer steps per byte (strings are copied in runs, not
// byte by byte with a token log kept for error messages). It gives up at the first thing it does not handle and
// leaves that text to the careful parser, whose diagnostics it never has to match. Only called on text the byte
// scan accepted (valid UTF-8, no NUL); it counts the nesting itself, so its recursion stays bounded on any text.
class QuickReader {
public:
    QuickReader(std::string_view text, int max_depth, std::optional<Deferral> deferral = std::nullopt)
        : at_(text.data()), end_(text.data() + text.size()), depth_left_(max_depth), deferral_(deferral) {}

    bool document(json& out) {
        skip_space();
        if (!value(out)) return false;
        skip_space();
        return at_ == end_;
    }

    // The array the document() just read left in the text, if it found one.
    std::optional<DeferredArray> take_deferred() { return std::move(deferred_); }

    // Reading an array one element per call (ArrayElements), the reader standing on the array's '[' or on the ','
    // after an element, and built with the elements' nesting limit as its max_depth.
    enum class Step { element, end, failed };
    Step array_element(json& out) {
        if (next_is(']')) return Step::end;
        const bool first = next_is('[');
        if (!first && !next_is(',')) return Step::failed;
        ++at_;
        skip_space();
        if (first && next_is(']')) return Step::end;
        if (!value(out)) return Step::failed;
        skip_space();
        return Step::element;
    }

    const char* position() const { return at_; }

private:
    const char* at_;
    const char* end_;
    int depth_left_;  // how many more arrays or objects may open inside the current one
    int level_ = 0;   // how many arrays or objects are open: the top-level object's members are at 1
    std::optional<Deferral> deferral_;
    std::optional<DeferredArray> deferred_;

    static bool is_digit(char c) { return c >= '0' && c <= '9'; }

    bool next_is(char c) const { return at_ != end_ && *at_ == c; }

    void skip_space() {
        while (at_ != end_ && is_json_whitespace(*at_)) ++at_;
    }

    bool word(std::string_view expected) {
        if (static_cast<std::size_t>(end_ - at_) < expected.size() || std::string_view(at_, expected.size()) != expected) return false;
        at_ += expected.size();
        return true;
    }

    bool value(json& out) {
        if (at_ == end_) return false;
        switch (*at_) {
            case '{': return nested([&] { return object(out); });
            case '[': return nested([&] { return array(out); });
            case '"': {
                std::string text;
                if (!string(text)) return false;
                out = std::move(text);
                return true;
            }
            case 't': out = true; return word("true");
            case 'f': out = false; return word("false");
            case 'n': out = nullptr; return word("null");
            default: return number(out);
        }
    }

    template <typename ReadContainer>
    bool nested(ReadContainer read_container) {
        if (depth_left_ == 0) return false;
        --depth_left_;
        ++level_;
        const bool read = read_container();
        ++depth_left_;
        --level_;
        return read;
    }

    // An object's members or an array's items: `read_one` reads one (whitespace before it skipped), commas
    // separate them, `close` ends the list.
    template <typename ReadOne>
    bool sequence(char close, ReadOne read_one) {
        ++at_;  // the opening bracket
        skip_space();
        if (next_is(close)) {
            ++at_;
            return true;
        }
        for (;;) {
            skip_space();
            if (!read_one()) return false;
            skip_space();
            if (next_is(close)) {
                ++at_;
                return true;
            }
            if (!next_is(',')) return false;
            ++at_;
        }
    }

    // A member's name and the colon after it; `Name` is a std::string, or Discard when only checking.
    template <typename Name>
    bool member_name(Name& name) {
        if (!next_is('"') || !string(name)) return false;
        skip_space();
        if (!next_is(':')) return false;
        ++at_;
        skip_space();
        return true;
    }

    bool object(json& out) {
        out = json::object();
        auto& members = *out.get_ptr<json::object_t*>();
        const bool top_level = level_ == 1;
        return sequence('}', [&] {
            std::string key;
            if (!member_name(key)) return false;
            const auto [member, inserted] = members.try_emplace(std::move(key));
            if (!inserted) return false;  // a duplicate key is left to the careful parser, which names it
            if (top_level && defers(member->first)) return skim_deferred(member->second);
            return value(member->second);
        });
    }

    bool array(json& out) {
        out = json::array();
        auto& items = *out.get_ptr<json::array_t*>();
        return sequence(']', [&] { return value(items.emplace_back()); });
    }

    // ---- checking without building: the deferred array ----

    bool defers(const std::string& name) const { return deferral_ && name == deferral_->member && next_is('['); }

    // The deferred array where the document would hold it: an empty array stands in for it, and its elements are
    // checked, counted and their key members collected, but not built.
    bool skim_deferred(json& placeholder) {
        placeholder = json::array();
        DeferredArray& array = deferred_.emplace();
        const char* start = at_;
        const bool read = nested([&] {
            array.element_depth = depth_left_;
            return sequence(']', [&] {
                ++array.count;
                return skim_element(array.keys);
            });
        });
        array.text = std::string_view(start, static_cast<std::size_t>(at_ - start));
        return read;
    }

    bool skim_element(std::vector<std::string>& keys) {
        if (!next_is('{')) return skip_value();
        return nested([&] {
            return sequence('}', [&] {
                std::string name;
                if (!member_name(name)) return false;
                if (name != deferral_->key_member || !next_is('"')) return skip_value();
                std::string key;
                if (!string(key)) return false;
                keys.push_back(std::move(key));
                return true;
            });
        });
    }

    // A value checked as value() checks it, duplicate keys aside, with nothing built.
    bool skip_value() {
        if (at_ == end_) return false;
        switch (*at_) {
            case '{':
                return nested([&] {
                    return sequence('}', [&] {
                        Discard name;
                        return member_name(name) && skip_value();
                    });
                });
            case '[': return nested([&] { return sequence(']', [&] { return skip_value(); }); });
            case '"': {
                Discard text;
                return string(text);
            }
            case 't': return word("true");
            case 'f': return word("false");
            case 'n': return word("null");
            default: {
                json scratch;  // holds a number: nothing to free
                return number(scratch);
            }
        }
    }

    // ---- strings and numbers ----

    template <typename Out>
    bool string(Out& out) {
        ++at_;  // the opening quote
        for (;;) {
            const char* run = at_;
            while (at_ != end_ && *at_ != '"' && *at_ != '\\' && static_cast<unsigned char>(*at_) >= 0x20) ++at_;
            out.append(run, at_);
            if (at_ == end_) return false;
            const char stop = *at_++;
            if (stop == '"') return true;
            if (stop != '\\' || !escape(out)) return false;  // a control character, or a bad escape
        }
    }

    template <typename Out>
    bool escape(Out& out) {
        if (at_ == end_) return false;
        switch (*at_++) {
            case '"': out += '"'; return true;
            case '\\': out += '\\'; return true;
            case '/': out += '/'; return true;
            case 'b': out += '\b'; return true;
            case 'f': out += '\f'; return true;
            case 'n': out += '\n'; return true;
            case 'r': out += '\r'; return true;
            case 't': out += '\t'; return true;
            case 'u': return unicode_escape(out);
            default: return false;
        }
    }

    // Four hex digits, or -1.
    int hex4() {
        if (end_ - at_ < 4) return -1;
        int code = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = *at_++;
            int digit = -1;
            if (c >= '0' && c <= '9') digit = c - '0';
            if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
            if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
            if (digit < 0) return -1;
            code = code * 16 + digit;
        }
        return code;
    }

    // \uXXXX, and a surrogate pair as two of them; a lone surrogate is left to the careful parser.
    template <typename Out>
    bool unicode_escape(Out& out) {
        long code = hex4();
        if (code < 0 || (code >= 0xDC00 && code <= 0xDFFF)) return false;
        if (code >= 0xD800 && code <= 0xDBFF) {
            if (end_ - at_ < 2 || at_[0] != '\\' || at_[1] != 'u') return false;
            at_ += 2;
            const long low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) return false;
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, code);
        return true;
    }

    template <typename Out>
    static void append_utf8(Out& out, long code) {
        const auto byte = [&](long bits) { out += static_cast<char>(bits); };
        if (code < 0x80) {
            byte(code);
        } else if (code < 0x800) {
            byte(0xC0 | (code >> 6));
            byte(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            byte(0xE0 | (code >> 12));
            byte(0x80 | ((code >> 6) & 0x3F));
            byte(0x80 | (code & 0x3F));
        } else {
            byte(0xF0 | (code >> 18));
            byte(0x80 | ((code >> 12) & 0x3F));
            byte(0x80 | ((code >> 6) & 0x3F));
            byte(0x80 | (code & 0x3F));
        }
    }

    // JSON's number grammar. Integers of up to 18 digits become what nlohmann makes of them (unsigned when not
    // negative, signed otherwise, "-0" a signed 0); fractions and exponents go through strtod on the token, as
    // nlohmann does. Longer integers and infinite values are left to the careful parser.
    bool number(json& out) {
        const char* start = at_;
        const bool negative = next_is('-');
        if (negative) ++at_;
        const char* digits = at_;
        if (at_ == end_ || !is_digit(*at_)) return false;
        if (*at_ == '0') {
            ++at_;  // no leading zeros: in "01" the 1 is what follows the number, and fails there
        } else {
            while (at_ != end_ && is_digit(*at_)) ++at_;
        }
        const char* digits_end = at_;
        bool integer = true;
        if (next_is('.')) {
            integer = false;
            ++at_;
            if (at_ == end_ || !is_digit(*at_)) return false;
            while (at_ != end_ && is_digit(*at_)) ++at_;
        }
        if (next_is('e') || next_is('E')) {
            integer = false;
            ++at_;
            if (next_is('+') || next_is('-')) ++at_;
            if (at_ == end_ || !is_digit(*at_)) return false;
            while (at_ != end_ && is_digit(*at_)) ++at_;
        }
        if (integer) {
            if (digits_end - digits > 18) return false;
            std::uint64_t magnitude = 0;
            for (const char* p = digits; p != digits_end; ++p) magnitude = magnitude * 10 + static_cast<std::uint64_t>(*p - '0');
            if (negative) {
                out = -static_cast<std::int64_t>(magnitude);
            } else {
                out = magnitude;
            }
            return true;
        }
        const std::string token(start, at_);
        char* stop = nullptr;
        const double value = std::strtod(token.c_str(), &stop);
        if (stop != token.c_str() + token.size() || !std::isfinite(value)) return false;
        out = value;
        return true;
    }
};

// nlohmann's message is "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ...";
// the position is ours, so keep only the explanation.
std::string explanation_of(const std::string& message) {
    const std::size_t column = message.find("column ");
    if (column != std::string::npos) {
        const std::size_t colon = message.find(": ", column);
        if (colon != std::string::npos) return message.substr(colon + 2);
    }
    const std::size_t bracket = message.find("] ");
    return bracket == std::string::npos ? message : message.substr(bracket + 2);
}

// nlohmann reports how many bytes it read and the text of the token being read. The token text is only
// reliable for string and number tokens (it may carry earlier bytes otherwise): for those, point at the token's
// start (the unexpected "x" in `"id" "x"`); at the end of the input, point just past it; else at the last byte.
std::size_t error_offset(std::string_view text, std::size_t bytes_read, const std::string& token, const std::string& message) {
    if (message.find("unexpected end of input") != std::string::npos) return text.size();
    if (bytes_read > text.size()) bytes_read = text.size();
    const bool fresh_token = message.find("unexpected string literal") != std::string::npos ||
                             message.find("unexpected number literal") != std::string::npos;
    if (fresh_token && !token.empty() && token.size() <= bytes_read &&
        text.substr(bytes_read - token.size(), token.size()) == token) {
        return bytes_read - token.size();
    }
    return bytes_read > 0 ? bytes_read - 1 : 0;
}

Diagnostic at_offset(std::string_view text, std::size_t offset, const std::string& file, std::string message,
                     Severity severity = Severity::error) {
    const TextPosition position = position_of_offset(text, offset);
    Diagnostic diagnostic;
    diagnostic.severity = severity;
    diagnostic.file = file;
    diagnostic.line = position.line;
    diagnostic.column = position.column;
    diagnostic.message = std::move(message);
    return diagnostic;
}

}  // namespace

namespace detail {

std::optional<json> parse_json_quickly(std::string_view text, int max_depth) {
    json document;
    if (!QuickReader(text, max_depth).document(document)) return std::nullopt;
    return document;
}

}  // namespace detail

TextPosition position_of_offset(std::string_view text, std::size_t offset) {
    TextPosition position;
    if (offset > text.size()) offset = text.size();
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((c & 0xC0) != 0x80) {  // count characters, not continuation bytes
            ++position.column;
        }
    }
    return position;
}

namespace {

// The checks before any parse: a BOM (a warning), empty text, invalid UTF-8, a NUL byte, nesting too deep. The
// text to parse (without its BOM), or nullopt when `result` already says why there is none.
std::optional<std::string_view> checked_text(std::string_view text, const std::string& file, const JsonTextOptions& options,
                                             ParsedJson& result) {
    if (text.substr(0, kBom.size()) == kBom) {
        result.diagnostics.push_back(
            at_offset(text, 0, file, "UTF-8 byte order mark ignored (save without BOM)", Severity::warning));
        text.remove_prefix(kBom.size());
    }

    std::size_t first = 0;
    while (first < text.size() && is_json_whitespace(text[first])) ++first;
    if (first == text.size()) {
        result.diagnostics.push_back(at_offset(text, first, file, "empty file: expected a JSON value"));
        return std::nullopt;
    }

    if (auto problem = scan_text(text, options.max_depth)) {
        result.diagnostics.push_back(at_offset(text, problem->offset, file, problem->message));
        return std::nullopt;
    }
    return text;
}

// The careful path: nlohmann's SAX parser, with its errors placed by line and column and duplicate keys named.
void parse_carefully(std::string_view text, const std::string& file, ParsedJson& result) {
    DomBuilder builder;
    const bool parsed = json::sax_parse(text.begin(), text.end(), &builder);
    if (!parsed || builder.failed) {
        const std::size_t offset = error_offset(text, builder.error_position, builder.error_token, builder.error_message);
        result.diagnostics.push_back(at_offset(text, offset, file, explanation_of(builder.error_message)));
        return;
    }

    for (const std::string& pointer : builder.duplicate_pointers) {
        Diagnostic duplicate;
        duplicate.file = file;
        duplicate.pointer = pointer;
        duplicate.message = "duplicate key (the same key appears twice in one object)";
        result.diagnostics.push_back(std::move(duplicate));
    }
    result.parsed = true;
    result.ok = builder.duplicate_pointers.empty();
    result.value = std::move(builder.root);
}

}  // namespace

ParsedJson parse_json_text(std::string_view text, const std::string& file, const JsonTextOptions& options) {
    ParsedJson result;
    const std::optional<std::string_view> body = checked_text(text, file, options, result);
    if (!body) return result;
    if (std::optional<json> document = detail::parse_json_quickly(*body, options.max_depth)) {
        result.parsed = true;
        result.ok = true;
        result.value = std::move(*document);
        return result;
    }
    parse_carefully(*body, file, result);
    return result;
}

DeferringParse parse_json_text_deferring(std::string_view text, const std::string& file, std::string_view member,
                                         std::string_view key_member, const JsonTextOptions& options) {
    DeferringParse result;
    const std::optional<std::string_view> body = checked_text(text, file, options, result.parsed);
    if (!body) return result;
    {
        QuickReader reader(*body, options.max_depth, Deferral{member, key_member});
        json document;
        if (reader.document(document)) {
            result.parsed.parsed = true;
            result.parsed.ok = true;
            result.parsed.value = std::move(document);
            result.deferred = reader.take_deferred();
            return result;
        }
    }
    parse_carefully(*body, file, result.parsed);
    return result;
}

ArrayElements::ArrayElements(const DeferredArray& array)
    : at_(array.text.data()), end_(array.text.data() + array.text.size()), element_depth_(array.element_depth) {}

bool ArrayElements::next(json& out) {
    if (done_ || failed_) return false;
    // A reader per element, resumed where the last one stopped: the state between elements is only the position.
    QuickReader reader(std::string_view(at_, static_cast<std::size_t>(end_ - at_)), element_depth_);
    const QuickReader::Step step = reader.array_element(out);
    at_ = reader.position();
    if (step == QuickReader::Step::element) return true;
    (step == QuickReader::Step::end ? done_ : failed_) = true;
    return false;
}

std::optional<std::string> read_file_bytes(const std::string& path) {
    // C stdio rather than iostreams: reading a directory sets the error flag here (EISDIR) instead of looking
    // like an empty file.
    std::FILE* handle = std::fopen(path.c_str(), "rb");
    if (handle == nullptr) return std::nullopt;
    std::string bytes;
    char buffer[65536];
    std::size_t count = 0;
    while ((count = std::fread(buffer, 1, sizeof buffer, handle)) > 0) bytes.append(buffer, count);
    const bool failed = std::ferror(handle) != 0;
    std::fclose(handle);
    if (failed) return std::nullopt;
    return bytes;
}

}  // namespace portal::core
