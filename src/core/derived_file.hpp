// What the policy files the build derives from the contract file have in common (the policies' details, the
// policies' English texts: core/details.hpp, core/english.hpp). Each proves which data file it belongs to by the
// SHA-256 of that file's bytes, and mirrors the contract's "policies" array entry for entry, so a problem in it
// is named by the same JSON pointer as the text in the contract:
//
//   {"format": "<its format>", "data_sha256": "<64 hex digits>", "policies": [{"id": "<policy id>", ...}, ...]}
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"
#include "core/model.hpp"

namespace portal::core {

// Parses a derived file and checks its top level: an object of `format`, made for the data whose bytes hash to
// `data_sha256` (lowercase hex), with a "policies" array. False (with the errors in `diagnostics`) when nothing
// of it may be used; `what` names its contents in the message about other data ("these details").
bool open_derived_file(std::string_view text, const std::string& file, std::string_view format,
                       std::string_view data_sha256, std::string_view what, nlohmann::json& document,
                       std::vector<Diagnostic>& diagnostics);

// Visits the entry of each policy of `set` in `entries` (the derived file's "policies"), skipping the entries of
// policies the data left out; an entry that is not an object, or has another policy's id, is an error and not
// visited. `join` reads the rest of an entry and answers whether it was usable. Returns, parallel to
// set.policies, which entries were broken (a policy without an entry counts as broken).
using JoinEntry = std::function<bool(std::size_t policy, const nlohmann::json& entry, const std::string& pointer)>;
std::vector<bool> join_entries(const PolicySet& set, const nlohmann::json& entries, const std::string& file,
                               std::vector<Diagnostic>& diagnostics, const JoinEntry& join);

}  // namespace portal::core
