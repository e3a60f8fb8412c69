#include "core/profile.hpp"

#include <algorithm>
#include <set>

#include "core/diagnostics.hpp"
#include "core/jsonlogic.hpp"

namespace portal::core {
namespace {

using json = nlohmann::json;

std::string in_quotes(const std::string& text) { return "\"" + text + "\""; }

std::string options_list(const Question& question) {
    std::string list;
    for (const Option& option : question.options) {
        if (!list.empty()) list += ", ";
        list += option.value;
    }
    return list;
}

// Empty when `answer` fits `question`, else why not.
std::string answer_problem(const Question& question, const json& answer) {
    switch (question.type) {
        case QuestionType::boolean:
            return answer.is_boolean() ? "" : "expected true or false";
        case QuestionType::number: {
            if (!answer.is_number()) return "expected a number";
            const double value = answer.get<double>();
            if (question.min && value < *question.min) return "below the minimum " + js_number_to_string(*question.min);
            if (question.max && value > *question.max) return "above the maximum " + js_number_to_string(*question.max);
            return "";
        }
        case QuestionType::choice:
            if (!answer.is_string()) return "expected one of: " + options_list(question);
            if (question.option_index(answer.get_ref<const std::string&>()) < 0) {
                return in_quotes(answer.get<std::string>()) + " is not one of: " + options_list(question);
            }
            return "";
        case QuestionType::multi: {
            if (!answer.is_array()) return "expected an array of: " + options_list(question);
            std::set<std::string> seen;
            for (const json& value : answer) {
                if (!value.is_string() || question.option_index(value.get_ref<const std::string&>()) < 0) {
                    return (value.is_string() ? in_quotes(value.get<std::string>()) : value.dump()) +
                           " is not one of: " + options_list(question);
                }
                if (!seen.insert(value.get<std::string>()).second) return in_quotes(value.get<std::string>()) + " appears twice";
            }
            return "";
        }
        case QuestionType::date:
            if (!answer.is_string() || !Date::parse(answer.get_ref<const std::string&>())) {
                return "expected a date YYYY-MM-DD";
            }
            return "";
    }
    return "";
}

}  // namespace

std::vector<ProfileProblem> check_profile(const PolicySet& set, const Profile& profile) {
    std::vector<ProfileProblem> problems;
    if (!profile.is_object()) {
        problems.push_back({"", "a profile must be a JSON object from question id to answer"});
        return problems;
    }
    for (auto item = profile.begin(); item != profile.end(); ++item) {
        const std::string pointer = pointer_append("", item.key());
        const int index = set.question_index(item.key());
        if (index < 0) {
            problems.push_back({pointer, "no question has the id " + in_quotes(item.key())});
            continue;
        }
        const std::string problem = answer_problem(set.questions[static_cast<std::size_t>(index)], item.value());
        if (!problem.empty()) problems.push_back({pointer, item.key() + ": " + problem});
    }
    return problems;
}

}  // namespace portal::core

namespace portal::core {

Profile usable_answers(const PolicySet& set, const nlohmann::json& answers, std::vector<ProfileProblem>* dropped) {
    Profile kept = Profile::object();
    if (!answers.is_object()) {
        if (dropped) dropped->push_back({"", "the answers are not an object"});
        return kept;
    }
    const std::vector<ProfileProblem> problems = check_profile(set, answers);
    for (const auto& [key, value] : answers.items()) {
        const std::string pointer = pointer_append("", key);
        const bool bad = std::any_of(problems.begin(), problems.end(),
                                     [&](const ProfileProblem& p) { return p.pointer == pointer; });
        if (!bad) kept[key] = value;
    }
    if (dropped) dropped->insert(dropped->end(), problems.begin(), problems.end());
    return kept;
}

}  // namespace portal::core
