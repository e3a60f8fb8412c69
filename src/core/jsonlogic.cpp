#include "core/jsonlogic.hpp"

#include <cstring>

#include "core/jsonlogic_compiler.hpp"
#include "core/jsonlogic_program.hpp"

// The public face of JsonLogic (core/jsonlogic.hpp). Where the rest lives: the packed program and its arena in
// jsonlogic_program.*, the compiler in jsonlogic_compiler.*, the evaluator (and CompiledRule::test and
// evaluate_value, kept beside it for inlining) in jsonlogic_eval.cpp.

namespace portal::core {

// ============================================================================================================
// Public API
// ============================================================================================================

const std::vector<std::string_view>& known_operators() {
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> out;
        for (const auto& entry : detail::kOperators) out.push_back(entry.name);
        return out;
    }();
    return names;
}

bool is_known_operator(std::string_view name) { return find_operator(name) != nullptr; }

Truth EvalResult::truth() const {
    if (!known || !error.empty()) return Truth::unknown;
    return js_truthy(value) ? Truth::yes : Truth::no;
}

CompiledRule::CompiledRule() {
    static const std::shared_ptr<const Program> null_program = [] {
        // Built by hand: compiling would construct a CompileResult, which holds a CompiledRule.
        ProgramParts parts;
        parts.literals.emplace_back();
        parts.nodes.push_back(Node{});
        parts.root = 0;
        return Program::pack(std::move(parts), nullptr);
    }();
    program_ = null_program;
}

EvalResult CompiledRule::evaluate(const EvalInput& input) const {
    EvalResult result;
    std::vector<VarRead> reads;
    std::string error;
    result.known = evaluate_value(input, result.value, &reads, &error);
    result.error = error;
    if (!result.error.empty()) result.known = false;

    // Names in first-read order; answered values looked up again (the data is still alive here).
    const detail::ProgramCold& cold = program_->cold();
    std::vector<char> seen(cold.variables.size(), 0);
    for (const VarRead& read : reads) {
        if (seen[read.var]) continue;
        seen[read.var] = 1;
        const std::string& name = cold.variables[read.var];
        if (!read.answered) {
            result.unanswered.push_back(name);
            continue;
        }
        const int slot = cold.variable_slots[read.var];
        const json* value = nullptr;
        if (slot >= 0 && input.slots != nullptr && static_cast<std::size_t>(slot) < input.slot_count) {
            value = input.slots[slot];
        } else {
            const json* cursor = input.data;
            for (const std::string& part : split_path(name)) {
                if (cursor == nullptr) break;
                if (cursor->is_object()) {
                    auto found = cursor->find(part);
                    cursor = found == cursor->end() ? nullptr : &*found;
                } else if (cursor->is_array()) {
                    char* end = nullptr;
                    const unsigned long index = std::strtoul(part.c_str(), &end, 10);
                    cursor = (end != nullptr && *end == '\0' && index < cursor->size()) ? &(*cursor)[index] : nullptr;
                } else {
                    cursor = nullptr;
                }
            }
            value = name.empty() ? input.data : cursor;
        }
        result.answered.emplace_back(name, value != nullptr ? *value : json());
    }
    return result;
}

const std::vector<std::string>& CompiledRule::variables() const { return program_->cold().variables; }

bool CompiledRule::reads_computed_names() const { return program_->cold().computed_names; }

int CompiledRule::variable_slot(std::uint32_t index) const {
    const std::vector<int>& slots = program_->cold().variable_slots;
    return index < slots.size() ? slots[index] : -1;
}

bool CompiledRule::is_literal() const { return program_->node(program_->root()).op == Op::literal; }

CompileResult compile_rule(const json& rule, const CompileOptions& options) {
    CompileResult result;
    result.rule.program_ = detail::compile_into(rule, options, result);
    return result;
}

EvalResult evaluate_rule(const json& rule, const json& data, EvalMode mode, std::optional<Date> today) {
    CompileResult compiled = compile_rule(rule);
    if (!compiled.ok()) {
        EvalResult failed;
        failed.known = false;
        const RuleIssue& issue = compiled.errors.front();
        failed.error = issue.pointer.empty() ? issue.message : issue.pointer + ": " + issue.message;
        return failed;
    }
    EvalInput input;
    input.data = &data;
    input.mode = mode;
    input.today = today;
    return compiled.rule.evaluate(input);
}

}  // namespace portal::core
