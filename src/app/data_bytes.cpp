#include "app/data_bytes.hpp"

#include "report/sha256.hpp"

namespace portal::app {

const std::string& DataBytes::sha256() {
    if (sha256_.empty()) {
        sha256_ = report::sha256_hex(text_);
        std::string().swap(text_);
    }
    return sha256_;
}

}  // namespace portal::app
