// Loading and validating a policy file against docs/POLICY-FORMAT.md. One broken policy never hides the rest: every
// valid policy is kept (file order preserved) and every invalid one is listed with its diagnostics. Only a broken
// top level (not an object, wrong "format", a required key missing or of the wrong type) is fatal.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"
#include "core/json_text.hpp"
#include "core/model.hpp"
#include "core/url_policy.hpp"  // url_problem(), is_web_url(): what the loader accepts as a link

namespace portal::core {

struct SkippedPolicy {
    std::size_t index = 0;             // position in the file's "policies" array
    std::string id;                    // "" when the entry had no usable id
    std::vector<Diagnostic> diagnostics;
};

struct LoadResult {
    std::optional<PolicySet> set;      // nullopt when fatal
    std::vector<SkippedPolicy> skipped;
    std::vector<Diagnostic> diagnostics;  // everything, errors and warnings, in document order

    bool fatal() const { return !set.has_value(); }
    bool ok() const { return !fatal() && !has_errors(diagnostics); }  // what `policyctl validate` exits 0 on
};

// Parses and validates `text`; `file` only labels diagnostics.
LoadResult load_policy_set(std::string_view text, const std::string& file);

// Same for an already parsed document (tests, tools that build JSON).
LoadResult load_policy_json(const nlohmann::json& document, const std::string& file);

// Same for what parse_json_text made of a file, its duplicate keys included (one inside a policy skips that
// policy). load_policy_set gives the same result without ever holding the policies as one parsed document; this is
// the way through the whole document, which it takes for a text its quick path does not read.
LoadResult load_parsed_policy_set(ParsedJson parsed, const std::string& file);

// Unknown fields are reported as warnings (a typo like "eligble_when" should not pass silently) and do not
// make a policy invalid.

}  // namespace portal::core
