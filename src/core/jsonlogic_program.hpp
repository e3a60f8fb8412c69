// The compiled form of a JsonLogic rule (internal to core: jsonlogic_program.cpp packs it, the compiler fills it,
// the evaluator reads it). Nothing outside src/core/jsonlogic*.cpp includes this.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/js_semantics.hpp"
#include "core/jsonlogic.hpp"

namespace portal::core {

using json = nlohmann::json;

// ============================================================================================================
// The compiled form
// ============================================================================================================

namespace detail {

enum class Op : std::uint8_t {
    literal, array, var, var_dynamic, missing, missing_some, if_,
    eq, strict_eq, ne, strict_ne, gt, ge, lt, le, not_, not_not, or_, and_,
    in, cat, substr, add, sub, mul, div, mod, min, max, merge,
    map, filter, reduce, all, none, some, log,
    rank, years_since, months_since, days_since, today,
};

struct OperatorName {
    std::string_view name;
    Op op;
};

// The table both compile_rule and known_operators() read, so the two can never disagree.
constexpr std::array<OperatorName, 40> kOperators{{
    {"var", Op::var}, {"missing", Op::missing}, {"missing_some", Op::missing_some},
    {"if", Op::if_}, {"?:", Op::if_},
    {"==", Op::eq}, {"===", Op::strict_eq}, {"!=", Op::ne}, {"!==", Op::strict_ne},
    {">", Op::gt}, {">=", Op::ge}, {"<", Op::lt}, {"<=", Op::le},
    {"!", Op::not_}, {"!!", Op::not_not}, {"or", Op::or_}, {"and", Op::and_},
    {"in", Op::in}, {"cat", Op::cat}, {"substr", Op::substr},
    {"+", Op::add}, {"-", Op::sub}, {"*", Op::mul}, {"/", Op::div}, {"%", Op::mod},
    {"min", Op::min}, {"max", Op::max}, {"merge", Op::merge},
    {"map", Op::map}, {"filter", Op::filter}, {"reduce", Op::reduce},
    {"all", Op::all}, {"none", Op::none}, {"some", Op::some}, {"log", Op::log},
    {"rank", Op::rank}, {"years_since", Op::years_since}, {"months_since", Op::months_since},
    {"days_since", Op::days_since}, {"today", Op::today},
}};

// What a literal node's pooled text stands for (Node::flags): comparisons and `in` read these bytes in the
// program's own block instead of following the JSON string to another heap block.
enum NodeFlag : std::uint8_t {
    kInScope = 1,   // var: inside map/filter/...: reads the element, never the profile
    kText = 2,      // literal: a string; Node::first is its span (one pooled text)
    kTextList = 4,  // literal: a non-empty array of strings only; Node::first is its span
};

struct Node {
    Op op = Op::literal;
    std::uint8_t flags = 0;   // NodeFlag bits
    std::uint16_t unused = 0;
    std::uint32_t first = 0;  // first argument in the argument list; a text literal's span
    std::uint32_t count = 0;  // number of arguments
    std::uint32_t extra = 0;  // literal index (literal), var index (var), option span (rank)
};

// A var as evaluation needs it: where its answer is bound, and what to report the read as.
struct VarSlot {
    std::int32_t slot = -1;      // bound slot, or -1
    std::int32_t variable = -1;  // index into the variables when read at the profile level
};

// Pooled text: bytes in the program's character pool.
struct Text {
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
};

// Consecutive pooled texts: a string literal (one), a literal array of strings, or a rank table.
struct Span {
    std::uint32_t first = 0;
    std::uint32_t count = 0;
};

// A var with a literal path: the parts only the slow paths need (unbound or in-scope vars).
struct VarRef {
    std::vector<std::string> path;  // split on "."; empty = the whole data
};

// The compiler's output before packing: growable arrays.
struct ProgramParts {
    std::vector<Node> nodes;
    std::vector<std::uint32_t> children;
    std::vector<json> literals;
    std::vector<VarSlot> var_slots;
    std::vector<VarRef> vars;
    std::vector<Span> spans;
    std::vector<Text> texts;
    std::string chars;
    std::vector<std::string> variables;
    std::vector<int> variable_slots;
    bool computed_names = false;  // a missing / missing_some key is computed when the rule runs
    std::uint32_t root = 0;

    // Rules read a handful of variables: a linear search beats a hash map here, in time and in memory.
    std::int32_t variable_index(std::string_view name) const {
        for (std::size_t i = 0; i < variables.size(); ++i) {
            if (variables[i] == name) return static_cast<std::int32_t>(i);
        }
        return -1;
    }

    std::uint32_t add_span(const std::vector<std::string_view>& items) {
        spans.push_back(Span{static_cast<std::uint32_t>(texts.size()), static_cast<std::uint32_t>(items.size())});
        for (std::string_view item : items) {
            texts.push_back(Text{static_cast<std::uint32_t>(chars.size()), static_cast<std::uint32_t>(item.size())});
            chars.append(item);
        }
        return static_cast<std::uint32_t>(spans.size() - 1);
    }
};

// What evaluation never reads on its fast paths: var paths and the variables' names.
struct ProgramCold {
    std::vector<VarRef> vars;
    std::vector<std::string> variables;
    std::vector<int> variable_slots;
    bool computed_names = false;
};

// A compiled rule in one block (of its own, or in a RuleArena next to the rules compiled before it). Evaluating a
// profile touches every rule once, so with thousands of rules each one is cold in the cache; a rule spread over
// half a dozen heap blocks (nodes, arguments, literals, vars, strings) costs a miss per block. Here this header is
// followed by the literals' JSON, the nodes, the argument lists, the var slots, the text spans and the pooled
// characters, so a typical rule is a few adjacent cache lines.
struct Program {
public:
    // Packs the parts into one block, in `arena` when given.
    static std::shared_ptr<const Program> pack(ProgramParts&& parts, const std::shared_ptr<RuleArena>& arena);

    Program(const Program&) = delete;
    Program& operator=(const Program&) = delete;

    std::uint32_t root() const { return root_; }
    const Node& node(std::uint32_t id) const { return at<Node>(nodes_at_)[id]; }
    std::uint32_t arg(const Node& node, std::uint32_t i) const { return at<std::uint32_t>(children_at_)[node.first + i]; }
    const json& literal(std::uint32_t index) const { return at<json>(literals_at_)[index]; }
    const VarSlot& var_slot(std::uint32_t index) const { return at<VarSlot>(var_slots_at_)[index]; }
    const Span& span(std::uint32_t index) const { return at<Span>(spans_at_)[index]; }
    std::string_view text(std::uint32_t index) const {
        const Text& t = at<Text>(texts_at_)[index];
        return {at<char>(chars_at_) + t.offset, t.size};
    }
    // The single text of a kText literal.
    std::string_view literal_text(const Node& node) const { return text(span(node.first).first); }
    const ProgramCold& cold() const { return *cold_; }

    std::int32_t variable_index(std::string_view name) const {
        const auto& variables = cold_->variables;
        for (std::size_t i = 0; i < variables.size(); ++i) {
            if (variables[i] == name) return static_cast<std::int32_t>(i);
        }
        return -1;
    }

private:
    friend class portal::core::RuleArena;
    Program() = default;
    ~Program();

    template <typename T>
    const T* at(std::uint32_t offset) const {
        return static_cast<const T*>(static_cast<const void*>(reinterpret_cast<const char*>(this) + offset));
    }
    template <typename T>
    T* at_mutable(std::uint32_t offset) {
        return static_cast<T*>(static_cast<void*>(reinterpret_cast<char*>(this) + offset));
    }

    std::uint32_t root_ = 0;
    std::uint32_t literal_count_ = 0;
    std::uint32_t literals_at_ = 0, nodes_at_ = 0, children_at_ = 0, var_slots_at_ = 0, spans_at_ = 0,
                  texts_at_ = 0, chars_at_ = 0;
    std::unique_ptr<const ProgramCold> cold_;
};

inline std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> parts;
    if (path.empty()) return parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = path.find('.', start);
        parts.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return parts;
}

// String(path) the way json-logic-js's var does; null means "the whole data".
inline std::string path_text(const json& path) {
    if (path.is_null()) return "";
    return js_to_string(path);
}

inline const OperatorName* find_operator(std::string_view name) {
    for (const auto& entry : kOperators) {
        if (entry.name == name) return &entry;
    }
    return nullptr;
}

}  // namespace detail

// The names the JsonLogic sources (and only they include this header) use without the detail:: prefix.
using detail::find_operator;
using detail::Node;
using detail::Op;
using detail::path_text;
using detail::Program;
using detail::ProgramParts;
using detail::split_path;
using detail::VarRef;
using detail::VarSlot;

}  // namespace portal::core
