// The policies' English texts as a second file beside the data. The visitor's page loads the policy data with only
// the Chinese of each text inside "policies" (Chinese is the authoritative language and the portal's default), and
// this file when the visitor reads English: before the first frame when the page starts in English, right after it
// otherwise. Both are made by the build from the one contract file (scripts/finish_dist.py); the file is a derived
// file (core/derived_file.hpp) whose entries mirror the policies' own structure, keeping of each text only "en":
//
//   {"format": "shangyu-policy-english/1", "data_sha256": "<64 hex digits>",
//    "policies": [{"id": "<policy id>", "title": {"en": "..."}, "criteria": [{}, {"label": {"en": "..."}}],
//                  "tags": {"en": ["..."]}, ...}, ...]}
//
// so /policies/3/criteria/1/label/en names the same text here as in the contract. A policy's entry is joined whole
// or not at all: a broken entry leaves its policy in Chinese only, never half translated.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/model.hpp"

namespace portal::core {

inline constexpr std::string_view kEnglishFormat = "shangyu-policy-english/1";

// Every bilingual text of a policy with its place below the policy ("/title", "/criteria/2/label"), in the
// order of the policy format. Absent optional texts are visited too (empty).
void for_each_policy_text(const Policy& policy, const std::function<void(const std::string& place, const Text&)>& visit);
void for_each_policy_text(Policy& policy, const std::function<void(const std::string& place, Text&)>& visit);

struct EnglishJoin {
    // False when the file as a whole was refused (not JSON, another format, made for other data): then no text
    // of it is used.
    bool usable = false;
    std::vector<bool> broken;           // parallel to set.policies: its entry had an error, so it stays Chinese only
    std::size_t texts = 0;              // English texts (a policy's tags count as one) given to the policies
    std::vector<Diagnostic> diagnostics;  // errors and warnings, in document order
};

// Gives the policies of `set` the English texts of an English file, in place. `set` was loaded from the data file
// whose bytes hash to `data_sha256` (lowercase hex). Entries for policies the set left out are ignored; `file`
// labels diagnostics.
EnglishJoin join_english(PolicySet& set, std::string_view english_text, const std::string& file,
                         std::string_view data_sha256);

}  // namespace portal::core
