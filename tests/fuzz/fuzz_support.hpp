// Helpers shared by the fuzz targets. A property that does not hold must stop the fuzzer the way a crash does,
// so libFuzzer saves the input as an artifact: print what broke, then abort().
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace portal::fuzz {

[[noreturn]] inline void property_failed(const char* property, const std::string& detail) {
    std::fprintf(stderr, "\n*** property failed: %s\n%s\n", property, detail.c_str());
    std::abort();
}

inline void require(bool holds, const char* property, const std::string& detail = {}) {
    if (!holds) property_failed(property, detail);
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Splits off the text up to the first '\n' (the newline is dropped); `rest` keeps what follows.
inline std::string_view take_line(std::string_view& rest) {
    const std::size_t newline = rest.find('\n');
    const std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    return line;
}

}  // namespace portal::fuzz
