// The visitor's data and its English file made from a contract document, as scripts/finish_dist.py makes them:
// every "en" of a text inside "policies" moves to an entry that mirrors its policy. Written again here so that the
// suites check the app's join against a split they can see (tests/tools/test_policyctl.py checks the build's own).
#pragma once

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

namespace portal::test {

// Fields that hold rules or a self-test's answers, never texts.
inline bool holds_no_text(const std::string& key) {
    return key == "rule" || key == "eligible_when" || key == "amount" || key == "examples";
}

// Moves the English of every text below `node` into the returned mirror: null when there was none; arrays keep
// their places with {} for an element without English.
inline nlohmann::json take_english(nlohmann::json& node) {
    if (node.is_object()) {
        bool bilingual = node.contains("zh") || node.contains("en");
        for (auto item = node.begin(); item != node.end(); ++item) bilingual = bilingual && (item.key() == "zh" || item.key() == "en");
        if (bilingual) {
            if (!node.contains("en")) return nullptr;
            nlohmann::json mirror = {{"en", node["en"]}};
            node.erase("en");
            return mirror;
        }
        nlohmann::json mirror = nlohmann::json::object();
        for (auto item = node.begin(); item != node.end(); ++item) {
            if (holds_no_text(item.key())) continue;
            nlohmann::json taken = take_english(item.value());
            if (!taken.is_null()) mirror[item.key()] = std::move(taken);
        }
        return mirror.empty() ? nlohmann::json() : mirror;
    }
    if (node.is_array()) {
        nlohmann::json mirror = nlohmann::json::array();
        bool any = false;
        for (nlohmann::json& element : node) {
            nlohmann::json taken = take_english(element);
            any = any || !taken.is_null();
            mirror.push_back(taken.is_null() ? nlohmann::json::object() : std::move(taken));
        }
        return any ? mirror : nlohmann::json();
    }
    return nullptr;
}

struct EnglishParts {
    std::string data;            // the data file's text, without the policies' English
    nlohmann::json english;      // the English file for exactly those bytes
};

// `sha256_hex` gives the data_sha256 of a text (the core suites, which only compare, may pass any function).
inline EnglishParts split_english(nlohmann::json contract, const std::function<std::string(const std::string&)>& sha256_hex) {
    nlohmann::json entries = nlohmann::json::array();
    for (nlohmann::json& policy : contract["policies"]) {
        nlohmann::json entry = nlohmann::json::object();
        if (policy.is_object()) {
            if (policy.contains("id")) entry["id"] = policy["id"];
            nlohmann::json mirror = take_english(policy);
            if (mirror.is_object()) entry.update(mirror);
        }
        entries.push_back(entry);
    }
    EnglishParts parts;
    parts.data = contract.dump();
    parts.english = {{"format", "shangyu-policy-english/1"},
                     {"data_sha256", sha256_hex(parts.data)},
                     {"policies", entries}};
    return parts;
}

}  // namespace portal::test
