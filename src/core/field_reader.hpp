// Reading a policy file's JSON objects field by field (internal to the loader): each wrong type, unknown key,
// bad id, date or link becomes a diagnostic at its JSON pointer, and reading goes on.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"
#include "core/model.hpp"
#include "core/url_policy.hpp"

namespace portal::core::reader {

using json = nlohmann::json;

std::string in_quotes(const std::string& text);

// Where diagnostics go while one part of the file is checked (a policy collects its own, so the loader knows
// whether to keep it).
struct Sink {
    const std::string& file;
    std::vector<Diagnostic>& out;

    void report(Severity severity, const std::string& pointer, std::string message) const {
        Diagnostic diagnostic;
        diagnostic.severity = severity;
        diagnostic.file = file;
        diagnostic.pointer = pointer;
        diagnostic.message = std::move(message);
        out.push_back(std::move(diagnostic));
    }
    void error(const std::string& pointer, std::string message) const { report(Severity::error, pointer, std::move(message)); }
    void warning(const std::string& pointer, std::string message) const { report(Severity::warning, pointer, std::move(message)); }
};

std::string_view type_name(const json& value);

bool is_valid_id(const std::string& id);

inline constexpr const char* kBidiWarning =
    "contains bidirectional control characters (U+202A-U+202E, U+2066-U+2069), which can make text display in "
    "another order than it is stored; remove them (the portal's font has no glyph for them)";

// Reads the fields of one JSON object, reporting wrong types and unknown keys at their pointers.
class Fields {
public:
    Fields(const json& object, std::string pointer, const Sink& sink, std::initializer_list<std::string_view> known)
        : object_(object), pointer_(std::move(pointer)), sink_(sink) {
        for (auto item = object.begin(); item != object.end(); ++item) {
            if (std::find(known.begin(), known.end(), item.key()) == known.end()) {
                sink_.warning(at(item.key()), "unknown field " + in_quotes(item.key()) + " (ignored)");
            }
        }
    }

    const std::string& pointer() const { return pointer_; }
    std::string at(const std::string& key) const { return pointer_append(pointer_, key); }
    const json* get(const std::string& key) const {
        auto found = object_.find(key);
        return found == object_.end() ? nullptr : &*found;
    }
    bool has(const std::string& key) const { return get(key) != nullptr; }

    const json* required(const std::string& key) const {
        const json* value = get(key);
        if (value == nullptr) sink_.error(pointer_, "missing required field " + in_quotes(key));
        return value;
    }

    const json* typed(const std::string& key, bool is_required, bool (json::*check)() const noexcept,
                      std::string_view expected) const {
        const json* value = is_required ? required(key) : get(key);
        if (value == nullptr) return nullptr;
        if (!((*value).*check)()) {
            sink_.error(at(key), "expected " + std::string(expected) + ", found " + std::string(type_name(*value)));
            return nullptr;
        }
        return value;
    }

    std::optional<std::string> string(const std::string& key, bool is_required = false) const {
        const json* value = typed(key, is_required, &json::is_string, "a string");
        if (value == nullptr) return std::nullopt;
        return value->get<std::string>();
    }

    std::optional<std::string> id(const std::string& key, bool is_required = true) const {
        auto text = string(key, is_required);
        if (text && !is_valid_id(*text)) {
            sink_.error(at(key), in_quotes(*text) + " is not a valid id (lowercase letters, digits, '_' and '-', starting with a letter or digit)");
            return std::nullopt;
        }
        return text;
    }

    std::optional<bool> boolean(const std::string& key) const {
        const json* value = typed(key, false, &json::is_boolean, "true or false");
        if (value == nullptr) return std::nullopt;
        return value->get<bool>();
    }

    std::optional<double> number(const std::string& key) const {
        const json* value = typed(key, false, &json::is_number, "a number");
        if (value == nullptr) return std::nullopt;
        return value->get<double>();
    }

    const json* array(const std::string& key, bool is_required = false) const {
        return typed(key, is_required, &json::is_array, "an array");
    }

    const json* object(const std::string& key, bool is_required = false) const {
        return typed(key, is_required, &json::is_object, "an object");
    }

    // A date string, or (when null_allowed) null for "open".
    std::optional<Date> date(const std::string& key, bool is_required = false, bool null_allowed = false) const {
        const json* value = is_required ? required(key) : get(key);
        if (value == nullptr || (null_allowed && value->is_null())) return std::nullopt;
        if (!value->is_string()) {
            sink_.error(at(key), "expected a date string YYYY-MM-DD, found " + std::string(type_name(*value)));
            return std::nullopt;
        }
        auto date = Date::parse(value->get_ref<const std::string&>());
        if (!date) sink_.error(at(key), in_quotes(value->get<std::string>()) + " is not a real date in the form YYYY-MM-DD");
        return date;
    }

    Text text(const std::string& key, bool is_required = false) const {
        const json* value = is_required ? required(key) : get(key);
        if (value == nullptr) return {};
        Text text;
        if (read_plain_text(*value, text)) return text;
        return read_text(*value, at(key));
    }

    // A text object with nothing to report ({"zh": "...", "en": "..."}, zh not empty, en optional, no
    // bidirectional controls), read without building the JSON pointers that diagnostics would need: most of a
    // file's fields are such texts. Anything else returns false and is read by read_text, which reports it.
    static bool read_plain_text(const json& value, Text& text) {
        if (!value.is_object()) return false;
        const auto& members = value.get_ref<const json::object_t&>();
        bool has_zh = false;
        for (const auto& [key, member] : members) {
            if (!member.is_string()) return false;
            const std::string& content = member.get_ref<const std::string&>();
            if (has_bidi_control(content)) return false;
            if (key == "zh" && !content.empty()) {
                has_zh = true;
            } else if (key != "en") {
                return false;
            }
        }
        if (!has_zh) return false;
        for (const auto& [key, member] : members) (key == "zh" ? text.zh : text.en) = member.get_ref<const std::string&>();
        return true;
    }

    Text read_text(const json& value, const std::string& pointer) const {
        Text text;
        if (!value.is_object()) {
            sink_.error(pointer, "expected a text object {\"zh\": \"...\", \"en\": \"...\"}, found " + std::string(type_name(value)));
            return text;
        }
        Fields fields(value, pointer, sink_, {"zh", "en"});
        if (auto zh = fields.string("zh", true)) {
            if (zh->empty()) sink_.error(fields.at("zh"), "the Chinese text must not be empty");
            if (has_bidi_control(*zh)) sink_.warning(fields.at("zh"), kBidiWarning);
            text.zh = std::move(*zh);
        }
        if (auto en = fields.string("en")) {
            if (has_bidi_control(*en)) sink_.warning(fields.at("en"), kBidiWarning);
            text.en = std::move(*en);
        }
        return text;
    }

    std::string url(const std::string& key, bool is_required = false) const {
        auto value = string(key, is_required);
        if (!value) return "";
        const std::string problem = url_problem(*value);
        if (!problem.empty()) {
            sink_.error(at(key), problem);
            return "";
        }
        return std::move(*value);
    }

private:
    const json& object_;
    std::string pointer_;
    const Sink& sink_;
};

// Ids seen in one list, to report duplicates; also remembers ids whose entries were unusable, so a reference
// to them says "invalid" rather than "unknown".
struct IdList {
    std::unordered_map<std::string, std::string> first_pointer;
    std::unordered_set<std::string> broken;

    bool add(const std::string& id, const std::string& pointer, const Sink& sink, std::string_view what) {
        auto inserted = first_pointer.emplace(id, pointer);
        if (!inserted.second) {
            sink.error(pointer, "duplicate " + std::string(what) + " id " + in_quotes(id) + " (first at " + inserted.first->second + ")");
            return false;
        }
        return true;
    }
};

template <typename Enum>
std::optional<Enum> parse_enum(const std::string& text, std::initializer_list<std::pair<std::string_view, Enum>> names) {
    for (const auto& [name, value] : names) {
        if (text == name) return value;
    }
    return std::nullopt;
}

std::string enum_choices(std::initializer_list<std::string_view> names);

}  // namespace portal::core::reader
