// Rule binding (internal to the loader): a policy file's rules compiled strictly into the set's arena, their vars
// bound to question slots (or, in eligible_when, to the policy's criteria) and checked against the questions.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/field_reader.hpp"
#include "core/jsonlogic.hpp"
#include "core/model.hpp"

namespace portal::core::reader {

enum class RuleScope { profile, criteria };

class RuleBinder {
public:
    // The question ids read so far and their positions in the file, for messages about vars that name a broken
    // question; both must outlive the binder.
    RuleBinder(const IdList& question_ids, const std::unordered_map<std::string, int>& raw_question_index)
        : question_ids_(question_ids), raw_question_index_(raw_question_index) {}

    // Compiles a rule of a policy file: strict, vars bound to question slots (or to criteria in eligible_when),
    // every var and every compared choice value checked.
    std::optional<CompiledRule> compile_policy_rule(const PolicySet& set, const json& rule, const std::string& pointer,
                                                    const Sink& sink, RuleScope scope,
                                                    const std::vector<Criterion>* criteria = nullptr);

private:
    std::string unknown_question_message(const std::string& name) const;
    static void check_choice_values(const PolicySet& set, const std::vector<ChoiceUse>& choices, const std::string& pointer,
                                    const Sink& sink);

    const IdList& question_ids_;
    const std::unordered_map<std::string, int>& raw_question_index_;
    // Every rule of the set is compiled into this, in file order: the matcher evaluates them in about that order.
    std::shared_ptr<RuleArena> rule_arena_ = make_rule_arena();
};

}  // namespace portal::core::reader
