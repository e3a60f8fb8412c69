// The data file's bytes as the files derived from it must name them (the details, the policies' English: each
// carries the SHA-256 of the data it was made for). Kept from the start until the SHA-256 is first needed, worked
// out once then (after the first frame, unless the page starts in English), and the bytes dropped.
#pragma once

#include <string>
#include <string_view>

namespace portal::app {

class DataBytes {
public:
    void keep(std::string text) {
        text_ = std::move(text);
        sha256_.clear();
    }
    // The bytes kept, until sha256() is first asked for.
    std::string_view text() const { return text_; }
    // The SHA-256 of the bytes kept, in lowercase hex.
    const std::string& sha256();

private:
    std::string text_;
    std::string sha256_;
};

}  // namespace portal::app
