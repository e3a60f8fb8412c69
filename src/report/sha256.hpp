// SHA-256 and base64, just enough to name an inline <style> in a Content-Security-Policy ('sha256-…'), so the
// generated pages need no 'unsafe-inline' and no second file; and in hex, the fingerprint that ties the visitor's
// policy data to its details file (core/details.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace portal::report {

std::array<std::uint8_t, 32> sha256(std::string_view data);
std::string base64(const std::uint8_t* data, std::size_t size);
// Lowercase hex, as Python's hashlib.sha256(...).hexdigest().
std::string sha256_hex(std::string_view data);

// "'sha256-<base64>'" for a CSP source list.
std::string csp_hash(std::string_view text);

}  // namespace portal::report
