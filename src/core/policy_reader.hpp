// Reading the "policies" list of a policy file (internal to the loader): each policy is read on its own, kept
// when it has no error and listed as skipped with its diagnostics otherwise.
#pragma once

#include <string>
#include <vector>

#include "core/field_reader.hpp"
#include "core/load.hpp"
#include "core/rule_binding.hpp"

namespace portal::core::reader {

// What the policies may refer to, read from the file's other lists first.
struct References {
    const IdList& sources;
    const IdList& categories;
    const IdList& audiences;
    bool has_audience_list = false;  // without a top-level list any audience id is accepted
};

// Reads document["policies"] into `set` (which already holds the questions), adding every diagnostic to `result`
// and the unusable policies to result.skipped. `release`, when given, is the same array owned by the caller: each
// policy's JSON is freed as soon as it has been read, so the document and the set never both hold every policy.
void read_policies(const json& document, const std::string& file, const References& references, RuleBinder& rules,
                   PolicySet& set, LoadResult& result, json* release = nullptr);

// Accepted lint warnings: [{"code": "<lint code>", "why": TEXT}]; "why" may also be a plain string.
std::vector<LintAccept> read_lint_accept(const Fields& fields, const Sink& sink);

}  // namespace portal::core::reader
