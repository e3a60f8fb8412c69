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
