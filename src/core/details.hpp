// The policies' "details" texts as a second file beside the data. The visitor's page first loads the policy data
// without them (they are shown only in a policy's detail view, not before the first frame) and then this file,
// both made by the build from the one contract file (scripts/finish_dist.py), as a derived file
// (core/derived_file.hpp) whose entries hold each policy's id and details:
//
//   {"format": "shangyu-policy-details/1", "data_sha256": "<64 hex digits>",
//    "policies": [{"id": "<policy id>", "details": {"zh": "...", "en": "..."}}, {"id": "<policy without>"}, ...]}
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/model.hpp"

namespace portal::core {

inline constexpr std::string_view kDetailsFormat = "shangyu-policy-details/1";

struct DetailsJoin {
    // False when the file as a whole was refused (not JSON, another format, made for other data): then no text
    // of it is used.
    bool usable = false;
    std::vector<Text> details;          // parallel to set.policies; empty where the policy has none
    std::vector<bool> broken;           // parallel to set.policies: its entry had an error, so its text is left out
    std::vector<Diagnostic> diagnostics;  // errors and warnings, in document order
};

// Joins a details file's texts to the policies of `set`, which was loaded from the data file whose bytes hash to
// `data_sha256` (lowercase hex). Entries for policies the set left out (broken in the data) are ignored; a broken
// entry leaves only its own policy without details. `file` labels diagnostics.
DetailsJoin join_details(const PolicySet& set, std::string_view details_text, const std::string& file,
                         std::string_view data_sha256);

}  // namespace portal::core
