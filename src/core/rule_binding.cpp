#include "core/rule_binding.hpp"

namespace portal::core::reader {

std::string RuleBinder::unknown_question_message(const std::string& name) const {
    if (question_ids_.broken.count(name) > 0) {
        auto raw = raw_question_index_.find(name);
        std::string where = raw != raw_question_index_.end() ? " (see /questions/" + std::to_string(raw->second) + ")" : "";
        return "var " + in_quotes(name) + " names a question that is invalid" + where;
    }
    return "var " + in_quotes(name) + " does not name a question";
}

std::optional<CompiledRule> RuleBinder::compile_policy_rule(const PolicySet& set, const json& rule, const std::string& pointer,
                                                            const Sink& sink, RuleScope scope,
                                                            const std::vector<Criterion>* criteria) {
    CompileOptions options;
    options.strict = true;
    options.arena = rule_arena_;
    if (scope == RuleScope::profile) {
        options.slot_of = [&set](std::string_view name) { return set.question_index(name); };
        options.ordered_options_of = [&set](std::string_view name) -> std::optional<std::vector<std::string>> {
            const int index = set.question_index(name);
            if (index < 0) return std::nullopt;
            const Question& question = set.questions[static_cast<std::size_t>(index)];
            if (question.type != QuestionType::choice || !question.ordered) return std::nullopt;
            std::vector<std::string> values;
            for (const Option& option : question.options) values.push_back(option.value);
            return values;
        };
    } else {
        options.slot_of = [criteria](std::string_view name) -> int {
            constexpr std::string_view kPrefix = "criteria.";
            if (name.substr(0, kPrefix.size()) != kPrefix) return -1;
            for (std::size_t i = 0; i < criteria->size(); ++i) {
                if ((*criteria)[i].id == name.substr(kPrefix.size())) return static_cast<int>(i);
            }
            return -1;
        };
    }
    CompileResult compiled = compile_rule(rule, options);
    const std::size_t errors_before = count_errors(sink.out);
    for (const RuleIssue& issue : compiled.errors) sink.error(pointer + issue.pointer, issue.message);
    for (const VarUse& use : compiled.vars) {
        if (scope == RuleScope::profile) {
            if (set.question_index(use.name) < 0) sink.error(pointer + use.pointer, unknown_question_message(use.name));
        } else if (options.slot_of(use.name) < 0) {
            sink.error(pointer + use.pointer, "in eligible_when, var must be \"criteria.<id>\" of one of this policy's criteria; " +
                                                  in_quotes(use.name) + " is not");
        }
    }
    if (scope == RuleScope::profile) check_choice_values(set, compiled.choices, pointer, sink);
    if (count_errors(sink.out) > errors_before) return std::nullopt;
    return std::move(compiled.rule);
}

void RuleBinder::check_choice_values(const PolicySet& set, const std::vector<ChoiceUse>& choices,
                                     const std::string& pointer, const Sink& sink) {
    for (const ChoiceUse& use : choices) {
        const int index = set.question_index(use.var);
        if (index < 0) continue;  // already reported as an unknown var
        const Question& question = set.questions[static_cast<std::size_t>(index)];
        if (question.type != QuestionType::choice && question.type != QuestionType::multi) continue;
        if (question.option_index(use.value) < 0) {
            sink.error(pointer + use.pointer, in_quotes(use.value) + " is not an option of question " + in_quotes(question.id));
        }
    }
}

}  // namespace portal::core::reader
