// Problems found in input files. Every diagnostic names the file and either a JSON pointer into the document
// (for well-formed JSON that breaks the contract) or a line and column (for text that is not JSON at all), so
// an author can go straight to the spot.
#pragma once

#include <string>
#include <vector>

namespace portal::core {

// `accepted`: a lint finding the data marks as deliberate (lint_accept), reported but not counted.
enum class Severity { error, warning, accepted };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;
    std::string pointer;  // RFC 6901 JSON pointer, e.g. "/policies/3/criteria/0/rule"; "" = the whole document
    int line = 0;         // 1-based; 0 when the position is given by `pointer`
    int column = 0;       // 1-based, counted in Unicode characters
    std::string message;
    std::string code;     // a lint finding's code ("" for the loader's diagnostics)
};

// "file:12:5: error: msg" when a line is known, "file: /policies/3/id: error: msg" when a pointer is,
// "file: error: msg" for the whole document; a lint finding adds its code: "file: /ptr: warning [code]: msg".
std::string to_string(const Diagnostic& diagnostic);

bool has_errors(const std::vector<Diagnostic>& diagnostics);
std::size_t count_errors(const std::vector<Diagnostic>& diagnostics);

// Builds "/a/b" pointers, escaping "~" and "/" inside tokens as RFC 6901 requires (the "/" operator!).
std::string pointer_token(const std::string& key);
std::string pointer_append(const std::string& pointer, const std::string& key);
std::string pointer_append(const std::string& pointer, std::size_t index);

}  // namespace portal::core
