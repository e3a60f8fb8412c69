// Turning bytes into JSON with diagnostics an author can act on. nlohmann's own parser reports a byte offset
// and silently keeps the last of two duplicate keys; this front end reports line and column, flags duplicate
// keys by JSON pointer, rejects invalid UTF-8 and empty input, and accepts (with a warning) a UTF-8 BOM.
// It never throws, so the browser build can drop exception support.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"

namespace portal::core {

struct JsonTextOptions {
    // Deeper documents are refused before parsing, which keeps every recursive walk over the value safe.
    int max_depth = 512;
};

struct ParsedJson {
    nlohmann::json value;                  // the document (the last of duplicate keys wins); null if !parsed
    bool parsed = false;                   // the text is JSON
    bool ok = false;                       // parsed and no errors (a duplicate key is an error)
    std::vector<Diagnostic> diagnostics;   // errors and warnings, in text order
};

ParsedJson parse_json_text(std::string_view text, const std::string& file, const JsonTextOptions& options = {});

// ---- one large array read element by element --------------------------------------------------------------
// A policy file is mostly its "policies" array; building it whole as a DOM costs several times the file. The
// quick path can instead leave that array in the text, checked and counted but not built, and hand its elements
// out one at a time, each exactly as the whole document would have held it.

// The top-level object's array member left in the text by parse_json_text_deferring.
struct DeferredArray {
    std::string_view text;          // the array as written, from its '[' to its ']'
    int element_depth = 0;          // how deep an element may nest (what is left of JsonTextOptions::max_depth)
    std::size_t count = 0;          // its elements
    std::vector<std::string> keys;  // the string member named by `key_member` of each object element, in order
};

struct DeferringParse {
    ParsedJson parsed;
    // Set when the quick path read the text and the top-level object has the member as an array: that member
    // then holds an empty array in parsed.value and its elements are read with ArrayElements. Unset otherwise
    // (the careful parse, or no such array): parsed.value is then the whole document, as parse_json_text gives.
    std::optional<DeferredArray> deferred;
};

// parse_json_text, leaving the top-level object's array `member` in the text when the quick path reads the file.
// Its elements are checked as strictly as the quick path checks them, except for duplicate keys (ArrayElements
// finds those); `key_member` names the string member collected from each object element (the policies' ids,
// which a policy may refer to before they are read).
DeferringParse parse_json_text_deferring(std::string_view text, const std::string& file, std::string_view member,
                                         std::string_view key_member, const JsonTextOptions& options = {});

// A deferred array's elements in order, each built as the quick path builds it inside the whole document.
class ArrayElements {
public:
    explicit ArrayElements(const DeferredArray& array);
    // The next element into `out`; false at the end of the array, or when the element holds something the quick
    // path does not handle (a duplicate key): then failed() is true, and the text needs parse_json_text, whose
    // careful parser reports it.
    bool next(nlohmann::json& out);
    bool failed() const { return failed_; }

private:
    const char* at_;
    const char* end_;
    int element_depth_;
    bool done_ = false;
    bool failed_ = false;
};

namespace detail {
// parse_json_text's quick path, exposed for the tests that compare it with nlohmann's parser: the document when
// `text` is well-formed JSON without duplicate keys nested at most `max_depth` deep, nullopt at anything else
// (then the careful parser reports what is wrong). Trusts the caller for UTF-8 validity and NUL bytes, which
// parse_json_text checks first.
std::optional<nlohmann::json> parse_json_quickly(std::string_view text, int max_depth = JsonTextOptions{}.max_depth);
}  // namespace detail

// Line and column (1-based, column in Unicode characters) of a byte offset in `text`.
struct TextPosition {
    int line = 1;
    int column = 1;
};
TextPosition position_of_offset(std::string_view text, std::size_t offset);

// The whole file as bytes; nullopt when it cannot be read (missing, a directory, no permission).
std::optional<std::string> read_file_bytes(const std::string& path);

}  // namespace portal::core
