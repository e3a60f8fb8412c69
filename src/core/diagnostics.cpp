#include "core/diagnostics.hpp"

#include <algorithm>

namespace portal::core {

std::string to_string(const Diagnostic& diagnostic) {
    std::string out = diagnostic.file;
    if (diagnostic.line > 0) {
        out += ':' + std::to_string(diagnostic.line) + ':' + std::to_string(diagnostic.column) + ':';
    } else if (!diagnostic.pointer.empty()) {
        out += ": " + diagnostic.pointer + ':';
    } else {
        out += ':';
    }
    static constexpr const char* kLabels[] = {" error", " warning", " accepted"};
    out += kLabels[static_cast<int>(diagnostic.severity)];
    if (!diagnostic.code.empty()) out += " [" + diagnostic.code + "]";
    out += ": " + diagnostic.message;
    return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) { return count_errors(diagnostics) > 0; }

std::size_t count_errors(const std::vector<Diagnostic>& diagnostics) {
    return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
        return d.severity == Severity::error;
    }));
}

std::string pointer_token(const std::string& key) {
    std::string token;
    token.reserve(key.size());
    for (char c : key) {
        if (c == '~') {
            token += "~0";
        } else if (c == '/') {
            token += "~1";
        } else {
            token += c;
        }
    }
    return token;
}

std::string pointer_append(const std::string& pointer, const std::string& key) {
    return pointer + '/' + pointer_token(key);
}

std::string pointer_append(const std::string& pointer, std::size_t index) {
    return pointer + '/' + std::to_string(index);
}

}  // namespace portal::core
