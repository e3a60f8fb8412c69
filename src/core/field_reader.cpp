#include "core/field_reader.hpp"

#include <algorithm>

namespace portal::core::reader {

std::string in_quotes(const std::string& text) { return "\"" + text + "\""; }

std::string_view type_name(const json& value) {
    switch (value.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "a number";
    }
}

bool is_valid_id(const std::string& id) {
    if (id.empty()) return false;
    const auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!lower_or_digit(id[0])) return false;
    return std::all_of(id.begin() + 1, id.end(), [&](char c) { return lower_or_digit(c) || c == '_' || c == '-'; });
}

std::string enum_choices(std::initializer_list<std::string_view> names) {
    std::string out;
    for (std::string_view name : names) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

}  // namespace portal::core::reader
