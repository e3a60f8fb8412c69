// Reading the "policies" list of a policy file (internal to the loader): each policy is read on its own, kept
// when it has no error and listed as skipped with its diagnostics otherwise.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_set>
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

// What reading the policies needs from the rest of the file, and where it puts them: `set` already holds the
// questions; every diagnostic goes to `result`, and the unusable policies to result.skipped.
struct PolicyContext {
    const std::string& file;
    References references;
    RuleBinder& rules;
    PolicySet& set;
    LoadResult& result;
};

// Reads the entries of the "policies" list one at a time, in file order, whatever holds them (the whole parsed
// array, or the text one entry at a time): each is kept when it has no error, listed as skipped otherwise.
class PolicyListReader {
public:
    // `ids`: the string "id" of every object entry of the list, read or not yet (an "excludes" may name a later
    // policy); `count`: how many entries the list has.
    PolicyListReader(const PolicyContext& context, std::unordered_set<std::string> ids, std::size_t count);
    ~PolicyListReader();
    PolicyListReader(const PolicyListReader&) = delete;
    PolicyListReader& operator=(const PolicyListReader&) = delete;

    // Entry `index` of the list; nothing refers to `entry` afterwards, so the caller may free it at once.
    void read(std::size_t index, const json& entry);

private:
    class Policies;
    std::unique_ptr<Policies> policies_;
};

// The ids PolicyListReader needs, from a parsed list.
std::unordered_set<std::string> policy_ids_in(const json& list);

// Reads a parsed "policies" array. `release`, when given, is the same array owned by the caller: each policy's
// JSON is freed as soon as it has been read, so the document and the set never both hold every policy.
void read_policies(const json& list, const PolicyContext& context, json* release = nullptr);

// Accepted lint warnings: [{"code": "<lint code>", "why": TEXT}]; "why" may also be a plain string.
std::vector<LintAccept> read_lint_accept(const Fields& fields, const Sink& sink);

}  // namespace portal::core::reader
