// A JSON pointer built lazily. Each level lives on the caller's stack and points at its parent, so walking a
// large document costs nothing until a problem needs its pointer spelled out (internal to core).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"

namespace portal::core {

class JsonPath {
public:
    JsonPath() = default;  // the document root, ""
    // `parent` and `key` must outlive this path (they are the caller's locals and the document's keys).
    JsonPath(const JsonPath& parent, std::string_view key) : parent_(&parent), key_(key) {}
    JsonPath(const JsonPath& parent, std::size_t index) : parent_(&parent), index_(index), is_index_(true) {}

    JsonPath child(std::string_view key) const { return JsonPath(*this, key); }
    JsonPath child(std::size_t index) const { return JsonPath(*this, index); }

    std::string str() const {
        if (parent_ == nullptr) return "";
        std::string out = parent_->str();
        out += '/';
        out += is_index_ ? std::to_string(index_) : pointer_token(std::string(key_));
        return out;
    }

private:
    const JsonPath* parent_ = nullptr;
    std::string_view key_;
    std::size_t index_ = 0;
    bool is_index_ = false;
};

}  // namespace portal::core
