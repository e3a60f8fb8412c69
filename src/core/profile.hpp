// A person's answers: a JSON object from question id to value; an absent id is unanswered. Kept as JSON because
// it travels as JSON (URL fragment, storage, --profile files) and the rules read it as JSON.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model.hpp"

namespace portal::core {

using Profile = nlohmann::json;

struct ProfileProblem {
    std::string pointer;  // "/education", "" for the profile itself
    std::string message;
};

// Checks that every answer names a question and fits its type: boolean; number within min/max; choice = one
// option value; multi = array of distinct option values; date = a real YYYY-MM-DD date. Null counts as an
// answer of the wrong type (leave the key out for "unanswered").
std::vector<ProfileProblem> check_profile(const PolicySet& set, const Profile& profile);

// The answers of `answers` that check_profile accepts (answers from a link or from storage are untrusted); the
// rest are dropped and, when `dropped` is given, listed there.
Profile usable_answers(const PolicySet& set, const nlohmann::json& answers, std::vector<ProfileProblem>* dropped);

}  // namespace portal::core
