// Shared helpers for the core suites: paths to test data and small policy files built in code.
#pragma once

#include <cstddef>
#include <random>
#include <string>
#include <string_view>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"
#include "core/json_text.hpp"
#include "core/load.hpp"
#include "test_paths.hpp"

namespace portal::test {

using json = nlohmann::json;

inline std::string data_path(const std::string& name) { return std::string(PORTAL_TEST_DATA_DIR) + "/" + name; }

inline std::string read_data(const std::string& name) {
    auto bytes = core::read_file_bytes(data_path(name));
    REQUIRE_MESSAGE(bytes.has_value(), "cannot read " << data_path(name));
    return *bytes;
}

// Random damage to a JSON text (`random` seeded by the caller, so a failure repeats): one to three bytes from
// `alphabet` replaced, inserted or deleted at random places.
inline std::string damaged_text(std::string text, std::mt19937& random, std::string_view alphabet) {
    const int edits = 1 + static_cast<int>(random() % 3);
    for (int e = 0; e < edits; ++e) {
        const std::size_t at = random() % text.size();
        const char byte = alphabet[random() % alphabet.size()];
        switch (random() % 3) {
            case 0: text[at] = byte; break;
            case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), byte); break;
            default: text.erase(at, 1); break;
        }
    }
    return text;
}

inline std::string text_zh(const char* zh) { return json{{"zh", zh}}.dump(); }

// The questions most tests share: an ordered education scale, a number, booleans, a date, a multi choice and
// one question that is only asked of people employed in Shangyu.
inline json standard_questions() {
    return json::parse(R"([
      {"id": "education", "type": "choice", "ordered": true, "label": {"zh": "学历", "en": "Education"},
       "options": [{"value": "high_school", "label": {"zh": "高中"}}, {"value": "junior_college", "label": {"zh": "大专"}},
                   {"value": "bachelor", "label": {"zh": "本科"}}, {"value": "master", "label": {"zh": "硕士"}},
                   {"value": "phd", "label": {"zh": "博士"}}]},
      {"id": "age", "type": "number", "min": 16, "max": 100, "label": {"zh": "年龄"}},
      {"id": "employed", "type": "boolean", "label": {"zh": "在上虞就业"}},
      {"id": "insurance_months", "type": "number", "label": {"zh": "社保月数"},
       "ask_if": {"==": [{"var": "employed"}, true]}},
      {"id": "owns_home", "type": "boolean", "label": {"zh": "有房"}},
      {"id": "graduation_date", "type": "date", "label": {"zh": "毕业日期"}},
      {"id": "maker_types", "type": "multi", "label": {"zh": "创客类型"},
       "options": [{"value": "tech", "label": {"zh": "科技创客"}}, {"value": "culture", "label": {"zh": "文化创客"}}]}
    ])");
}

// A minimal valid document around `policies` (and `questions`, standard ones by default).
inline json document_with(const json& policies, const json& questions = standard_questions()) {
    json document = json::parse(R"({
      "format": "policy-portal/1", "id": "test", "title": {"zh": "测试", "en": "Test"}, "version": "1",
      "sources": [{"id": "src", "title": {"zh": "来源"}, "reliability": "confirmed", "url": "https://example.org/a"}],
      "categories": [{"id": "cat", "name": {"zh": "类别"}}]
    })");
    document["questions"] = questions;
    document["policies"] = policies;
    return document;
}

// A policy with the required fields and the given criteria (json array) and extra fields merged in.
inline json policy_json(const std::string& id, const json& criteria, const json& extra = json::object()) {
    json policy = {{"id", id}, {"title", {{"zh", "政策 " + id}, {"en", "Policy " + id}}}, {"category", "cat"}, {"source", "src"}};
    if (!criteria.is_null()) policy["criteria"] = criteria;
    for (auto item = extra.begin(); item != extra.end(); ++item) policy[item.key()] = item.value();
    return policy;
}

inline json criterion(const std::string& id, const json& rule) {
    return {{"id", id}, {"label", {{"zh", id}}}, {"rule", rule}};
}

inline std::string describe(const std::vector<core::Diagnostic>& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) out += core::to_string(d) + "\n";
    return out;
}

inline core::PolicySet load_valid(const json& document) {
    core::LoadResult result = core::load_policy_json(document, "test.json");
    INFO(describe(result.diagnostics));
    REQUIRE(result.ok());
    return std::move(*result.set);
}

// The first error diagnostic at `pointer`, or nullptr.
inline const core::Diagnostic* error_at(const std::vector<core::Diagnostic>& diagnostics, const std::string& pointer) {
    for (const auto& d : diagnostics) {
        if (d.severity == core::Severity::error && d.pointer == pointer) return &d;
    }
    return nullptr;
}

// The policies of tests/data/fixture-policies.json, which must load whole.
inline core::PolicySet fixture_policies() {
    core::LoadResult result = core::load_policy_set(read_data("fixture-policies.json"), "fixture-policies.json");
    REQUIRE(result.ok());
    return std::move(*result.set);
}

}  // namespace portal::test
