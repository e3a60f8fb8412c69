#include "core/jsonlogic_compiler.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/diagnostics.hpp"
#include "core/json_path.hpp"

namespace portal::core {

namespace {

// ============================================================================================================
// Compiler
// ============================================================================================================

class Compiler {
public:
    Compiler(const CompileOptions& options, CompileResult& result, ProgramParts& program)
        : options_(options), result_(result), program_(program) {}

    std::uint32_t compile(const json& rule, const JsonPath& pointer, int depth, bool in_scope) {
        switch (classify(rule)) {
            case Kind::data: return add_literal(rule);
            case Kind::not_a_rule:
                error(pointer, "a rule object must have exactly one key, the operator");
                return add_literal(json());
            case Kind::array: return compile_array(rule, pointer, depth, in_scope);
            case Kind::operation: return compile_operation(rule, pointer, depth, in_scope);
        }
        return add_literal(json());
    }

private:
    enum class Kind { data, not_a_rule, array, operation };

    const CompileOptions& options_;
    CompileResult& result_;
    ProgramParts& program_;

    static constexpr int kMaxDataDepth = 256;

    void error(const JsonPath& pointer, std::string message) {
        result_.errors.push_back(RuleIssue{pointer.str(), std::move(message)});
    }

    Kind classify(const json& value) const {
        if (value.is_object()) {
            if (value.size() == 1) return Kind::operation;
            return options_.strict ? Kind::not_a_rule : Kind::data;
        }
        if (value.is_array()) return holds_rules(value, 0) ? Kind::array : Kind::data;
        return Kind::data;
    }

    // Whether an array holds anything json-logic-js would evaluate (it maps apply() over arrays).
    bool holds_rules(const json& array, int depth) const {
        if (depth > kMaxDataDepth) return false;
        for (const json& element : array) {
            if (element.is_object() && (element.size() == 1 || options_.strict)) return true;
            if (element.is_array() && holds_rules(element, depth + 1)) return true;
        }
        return false;
    }

    std::uint32_t add_node(Node node) {
        program_.nodes.push_back(node);
        return static_cast<std::uint32_t>(program_.nodes.size() - 1);
    }

    std::uint32_t add_literal(const json& value) {
        program_.literals.push_back(value);
        Node node;
        node.op = Op::literal;
        node.extra = static_cast<std::uint32_t>(program_.literals.size() - 1);
        std::vector<std::string_view> texts;
        if (value.is_string()) {
            texts.push_back(value.get_ref<const std::string&>());
            node.flags = detail::kText;
        } else if (is_text_list(value)) {
            for (const json& element : value) texts.push_back(element.get_ref<const std::string&>());
            node.flags = detail::kTextList;
        }
        if (node.flags != 0) node.first = program_.add_span(texts);
        return add_node(node);
    }

    static bool is_text_list(const json& value) {
        if (!value.is_array() || value.empty()) return false;
        return std::all_of(value.begin(), value.end(), [](const json& element) { return element.is_string(); });
    }

    // Children are compiled first (they append nodes), then their ids are stored contiguously.
    std::uint32_t add_with_children(Node node, const std::vector<std::uint32_t>& child_ids) {
        node.first = static_cast<std::uint32_t>(program_.children.size());
        node.count = static_cast<std::uint32_t>(child_ids.size());
        program_.children.insert(program_.children.end(), child_ids.begin(), child_ids.end());
        return add_node(node);
    }

    bool too_deep(int depth, const JsonPath& pointer) {
        if (depth <= options_.max_depth) return false;
        error(pointer, "rule nested deeper than " + std::to_string(options_.max_depth) + " levels");
        return true;
    }

    std::uint32_t compile_array(const json& rule, const JsonPath& pointer, int depth, bool in_scope) {
        if (too_deep(depth + 1, pointer)) return add_literal(json());
        std::vector<std::uint32_t> ids;
        for (std::size_t i = 0; i < rule.size(); ++i) {
            ids.push_back(compile(rule[i], pointer.child(i), depth + 1, in_scope));
        }
        Node node;
        node.op = Op::array;
        return add_with_children(node, ids);
    }

    std::uint32_t compile_operation(const json& rule, const JsonPath& pointer, int depth, bool in_scope) {
        const auto item = rule.begin();
        const std::string& name = item.key();
        const JsonPath op_pointer = pointer.child(name);
        const detail::OperatorName* entry = find_operator(name);
        if (entry == nullptr) {
            error(op_pointer, "unknown operator \"" + name + "\"");
            return add_literal(json());
        }
        if (too_deep(depth + 1, pointer)) return add_literal(json());

        // json-logic-js: a single argument may be written without the array.
        const json& raw_args = item.value();
        const bool wrapped = raw_args.is_array();
        std::vector<const json*> args;
        std::vector<JsonPath> pointers;
        if (wrapped) {
            for (std::size_t i = 0; i < raw_args.size(); ++i) {
                args.push_back(&raw_args[i]);
                pointers.push_back(op_pointer.child(i));
            }
        } else {
            args.push_back(&raw_args);
            pointers.push_back(op_pointer);
        }

        switch (entry->op) {
            case Op::var: return compile_var(args, pointers, op_pointer, depth + 1, in_scope);
            case Op::rank: return compile_rank(args, pointers, op_pointer, depth + 1, in_scope);
            case Op::map: case Op::filter: case Op::all: case Op::none: case Op::some: case Op::reduce:
                return compile_iteration(entry->op, args, pointers, depth + 1, in_scope);
            case Op::missing: case Op::missing_some:
                register_missing_keys(entry->op, args, in_scope);
                break;
            case Op::eq: case Op::strict_eq: case Op::ne: case Op::strict_ne: case Op::in:
                if (!in_scope) record_choice_uses(entry->op, args, pointers);
                break;
            default: break;
        }
        std::vector<std::uint32_t> ids;
        for (std::size_t i = 0; i < args.size(); ++i) ids.push_back(compile(*args[i], pointers[i], depth + 1, in_scope));
        Node node;
        node.op = entry->op;
        return add_with_children(node, ids);
    }

    std::uint32_t register_variable(const std::string& name) {
        const std::int32_t found = program_.variable_index(name);
        if (found >= 0) return static_cast<std::uint32_t>(found);
        program_.variables.push_back(name);
        program_.variable_slots.push_back(options_.slot_of ? options_.slot_of(name) : -1);
        return static_cast<std::uint32_t>(program_.variables.size() - 1);
    }

    // A var argument that is data (not a rule) gives a literal path.
    bool literal_path(const std::vector<const json*>& args, std::string& path) const {
        if (args.empty()) {
            path.clear();
            return true;
        }
        if (classify(*args[0]) != Kind::data) return false;
        path = path_text(*args[0]);
        return true;
    }

    std::uint32_t compile_var(const std::vector<const json*>& args, const std::vector<JsonPath>& pointers,
                              const JsonPath& op_pointer, int depth, bool in_scope) {
        std::vector<std::uint32_t> ids;
        std::string path;
        if (!literal_path(args, path)) {
            if (options_.strict && !in_scope) {
                error(op_pointer, "var needs a literal name here, so it can be checked against the questions");
            }
            ids.push_back(compile(*args[0], pointers[0], depth, in_scope));
            if (args.size() > 1) ids.push_back(compile(*args[1], pointers[1], depth, in_scope));
            Node node;
            node.op = Op::var_dynamic;
            return add_with_children(node, ids);
        }
        if (args.size() > 1) ids.push_back(compile(*args[1], pointers[1], depth, in_scope));

        VarRef ref;
        ref.path = split_path(path);
        VarSlot slot;
        if (!in_scope) {
            slot.variable = static_cast<std::int32_t>(register_variable(path));
            slot.slot = program_.variable_slots[static_cast<std::size_t>(slot.variable)];
            result_.vars.push_back(VarUse{path, op_pointer.str(), args.size() > 1});
        }
        program_.vars.push_back(std::move(ref));
        program_.var_slots.push_back(slot);
        Node node;
        node.op = Op::var;
        node.flags = in_scope ? detail::kInScope : 0;
        node.extra = static_cast<std::uint32_t>(program_.vars.size() - 1);
        return add_with_children(node, ids);
    }

    std::uint32_t compile_rank(const std::vector<const json*>& args, const std::vector<JsonPath>& pointers,
                               const JsonPath& op_pointer, int depth, bool in_scope) {
        const std::optional<std::string> name = args.size() == 1 ? literal_var_name(*args[0]) : std::nullopt;
        if (!name || in_scope) {
            error(op_pointer, "rank takes one argument, a {\"var\": ...} naming an ordered choice question");
            return add_literal(json());
        }
        std::optional<std::vector<std::string>> options;
        if (options_.ordered_options_of) options = options_.ordered_options_of(*name);
        if (!options) {
            error(op_pointer, "rank needs an ordered choice question, and \"" + *name + "\" is not one");
            return add_literal(json());
        }
        const std::vector<std::string_view> table(options->begin(), options->end());
        Node node;
        node.op = Op::rank;
        node.extra = program_.add_span(table);
        return add_with_children(node, {compile(*args[0], pointers[0], depth, in_scope)});
    }

    std::uint32_t compile_iteration(Op op, const std::vector<const json*>& args,
                                    const std::vector<JsonPath>& pointers, int depth, bool in_scope) {
        std::vector<std::uint32_t> ids;
        for (std::size_t i = 0; i < args.size() && i < 3; ++i) {
            const bool scoped = (i == 1) || in_scope;  // the second argument runs once per element
            ids.push_back(compile(*args[i], pointers[i], depth, scoped));
        }
        Node node;
        node.op = op;
        return add_with_children(node, ids);
    }

    // Literal keys of missing / missing_some become variables, so their reads are reported like var's.
    void register_missing_keys(Op op, const std::vector<const json*>& args, bool in_scope) {
        if (in_scope) return;
        const json* keys = nullptr;
        if (op == Op::missing_some) {
            if (args.size() > 1) keys = args[1];
        } else if (args.size() == 1 && args[0]->is_array()) {
            keys = args[0];
        }
        const auto add = [&](const json& key) {
            if (key.is_string()) {
                register_variable(key.get<std::string>());
            } else {
                program_.computed_names = true;  // a rule giving the key, or no name: not known before the rule runs
            }
        };
        if (keys != nullptr) {
            if (keys->is_array()) {
                for (const json& key : *keys) add(key);
            } else {
                add(*keys);
            }
        } else if (op == Op::missing) {
            for (const json* key : args) add(*key);
        }
    }

    // {"var": "name"} or {"var": ["name", default]} with a literal name, read at the profile level.
    std::optional<std::string> literal_var_name(const json& value) const {
        if (!value.is_object() || value.size() != 1) return std::nullopt;
        const auto item = value.begin();
        if (item.key() != "var") return std::nullopt;
        const json& arg = item.value().is_array() ? (item.value().empty() ? json() : item.value()[0]) : item.value();
        if (arg.is_string()) return arg.get<std::string>();
        return std::nullopt;
    }

    void record_choice_uses(Op op, const std::vector<const json*>& args, const std::vector<JsonPath>& pointers) {
        if (args.size() != 2) return;
        const auto var0 = literal_var_name(*args[0]);
        const auto var1 = literal_var_name(*args[1]);
        if (op == Op::in) {
            if (var0 && args[1]->is_array()) {
                for (std::size_t i = 0; i < args[1]->size(); ++i) {
                    const json& value = (*args[1])[i];
                    if (value.is_string()) {
                        result_.choices.push_back(ChoiceUse{*var0, value.get<std::string>(), pointers[1].child(i).str()});
                    }
                }
            } else if (var1 && args[0]->is_string()) {
                result_.choices.push_back(ChoiceUse{*var1, args[0]->get<std::string>(), pointers[0].str()});
            }
            return;
        }
        if (var0 && args[1]->is_string()) {
            result_.choices.push_back(ChoiceUse{*var0, args[1]->get<std::string>(), pointers[1].str()});
        } else if (var1 && args[0]->is_string()) {
            result_.choices.push_back(ChoiceUse{*var1, args[0]->get<std::string>(), pointers[0].str()});
        }
    }
};

}  // namespace

namespace detail {

std::shared_ptr<const Program> compile_into(const json& rule, const CompileOptions& options, CompileResult& result) {
    ProgramParts parts;
    Compiler compiler(options, result, parts);
    parts.root = compiler.compile(rule, JsonPath(), 0, false);
    return Program::pack(std::move(parts), options.arena);
}

}  // namespace detail

}  // namespace portal::core
