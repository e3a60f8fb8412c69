#include "core/jsonlogic.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <new>
#include <type_traits>

#include "core/diagnostics.hpp"
#include "core/js_semantics.hpp"
#include "core/json_path.hpp"

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

Program::~Program() {
    json* literals = at_mutable<json>(literals_at_);
    for (std::uint32_t i = 0; i < literal_count_; ++i) literals[i].~json();
}

}  // namespace detail

class RuleArena {
public:
    RuleArena() = default;
    RuleArena(const RuleArena&) = delete;
    RuleArena& operator=(const RuleArena&) = delete;

    ~RuleArena() {
        for (const detail::Program* program : programs_) program->~Program();
        for (char* chunk : chunks_) ::operator delete(chunk);
    }

    // Room for one program, aligned for its header and its JSON literals.
    void* allocate(std::size_t size) {
        size = (size + kAlign - 1) / kAlign * kAlign;
        make_room_for_one(programs_);  // so adopt() cannot fail after the program is built
        if (size > kChunkSize / 4) return new_chunk(size);  // a large rule gets a block of its own
        if (size > left_) {
            next_ = new_chunk(kChunkSize);
            left_ = kChunkSize;
        }
        char* block = next_;
        next_ += size;
        left_ -= size;
        return block;
    }

    // The arena destroys the programs it holds when it goes.
    void adopt(const detail::Program* program) { programs_.push_back(program); }

private:
    static constexpr std::size_t kAlign = 8;
    static constexpr std::size_t kChunkSize = std::size_t{64} << 10;
    static_assert(alignof(detail::Program) <= kAlign && alignof(json) <= kAlign);

    // reserve(size() + 1) would grow the list by exactly one each time (both standard libraries honour the exact
    // figure), copying it whole on every rule: quadratic, 25 s for 100,000 rules. Doubling keeps it linear.
    template <typename List>
    static void make_room_for_one(List& list) {
        if (list.size() == list.capacity()) list.reserve(list.size() * 2 + 64);
    }

    char* new_chunk(std::size_t size) {
        make_room_for_one(chunks_);
        char* chunk = static_cast<char*>(::operator new(size));
        chunks_.push_back(chunk);
        return chunk;
    }

    std::vector<char*> chunks_;
    char* next_ = nullptr;
    std::size_t left_ = 0;
    std::vector<const detail::Program*> programs_;
};

std::shared_ptr<RuleArena> make_rule_arena() { return std::make_shared<RuleArena>(); }

namespace detail {

namespace {

// Appends room for `count` items of T to a block layout and returns their offset.
template <typename T>
std::uint32_t reserve_in_block(std::size_t& size, std::size_t count) {
    size = (size + alignof(T) - 1) / alignof(T) * alignof(T);
    const std::size_t offset = size;
    size += count * sizeof(T);
    return static_cast<std::uint32_t>(offset);
}

template <typename T>
void copy_into_block(char* block, std::uint32_t offset, const std::vector<T>& items) {
    if (!items.empty()) std::memcpy(block + offset, items.data(), items.size() * sizeof(T));
}

}  // namespace

std::shared_ptr<const Program> Program::pack(ProgramParts&& parts, const std::shared_ptr<RuleArena>& arena) {
    static_assert(std::is_trivially_copyable_v<Node> && std::is_trivially_copyable_v<VarSlot> &&
                  std::is_trivially_copyable_v<Span> && std::is_trivially_copyable_v<Text>);
    std::size_t size = sizeof(Program);
    const std::uint32_t literals_at = reserve_in_block<json>(size, parts.literals.size());
    const std::uint32_t nodes_at = reserve_in_block<Node>(size, parts.nodes.size());
    const std::uint32_t children_at = reserve_in_block<std::uint32_t>(size, parts.children.size());
    const std::uint32_t var_slots_at = reserve_in_block<VarSlot>(size, parts.var_slots.size());
    const std::uint32_t spans_at = reserve_in_block<Span>(size, parts.spans.size());
    const std::uint32_t texts_at = reserve_in_block<Text>(size, parts.texts.size());
    const std::uint32_t chars_at = reserve_in_block<char>(size, parts.chars.size());

    static_assert(alignof(Program) <= alignof(std::max_align_t) && alignof(json) <= alignof(std::max_align_t));
    auto cold = std::make_unique<ProgramCold>();
    cold->vars = std::move(parts.vars);
    cold->variables = std::move(parts.variables);
    cold->variable_slots = std::move(parts.variable_slots);

    char* block = static_cast<char*>(arena ? arena->allocate(size) : ::operator new(size));
    Program* program = new (block) Program();
    program->root_ = parts.root;
    program->literals_at_ = literals_at;
    program->nodes_at_ = nodes_at;
    program->children_at_ = children_at;
    program->var_slots_at_ = var_slots_at;
    program->spans_at_ = spans_at;
    program->texts_at_ = texts_at;
    program->chars_at_ = chars_at;
    program->cold_ = std::move(cold);
    for (json& literal : parts.literals) {
        new (block + literals_at + program->literal_count_ * sizeof(json)) json(std::move(literal));
        ++program->literal_count_;
    }
    copy_into_block(block, nodes_at, parts.nodes);
    copy_into_block(block, children_at, parts.children);
    copy_into_block(block, var_slots_at, parts.var_slots);
    copy_into_block(block, spans_at, parts.spans);
    copy_into_block(block, texts_at, parts.texts);
    if (!parts.chars.empty()) std::memcpy(block + chars_at, parts.chars.data(), parts.chars.size());
    if (arena) {
        arena->adopt(program);
        return std::shared_ptr<const Program>(arena, program);  // shares the arena's lifetime
    }
    return std::shared_ptr<const Program>(program, [](const Program* done) {
        done->~Program();
        ::operator delete(const_cast<Program*>(done));
    });
}

}  // namespace detail

using detail::Node;
using detail::Op;
using detail::Program;
using detail::ProgramParts;
using detail::VarRef;
using detail::VarSlot;

namespace {

std::vector<std::string> split_path(const std::string& path) {
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
std::string path_text(const json& path) {
    if (path.is_null()) return "";
    return js_to_string(path);
}

const detail::OperatorName* find_operator(std::string_view name) {
    for (const auto& entry : detail::kOperators) {
        if (entry.name == name) return &entry;
    }
    return nullptr;
}

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
            if (key.is_string()) register_variable(key.get<std::string>());
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

// ============================================================================================================
// Evaluator
// ============================================================================================================

// A value during evaluation: borrowed from the rule or the data when possible (no copies on the hot path),
// owned when computed, or unknown. The owned JSON lives in an optional so that the common borrowed case
// constructs and destroys no JSON at all.
struct Val {
    const json* ref = nullptr;
    std::optional<json> own;
    bool unknown = false;

    const json& get() const { return ref != nullptr ? *ref : own ? *own : null_json(); }

    static Val borrow(const json& value) {
        Val v;
        v.ref = &value;
        return v;
    }
    static Val owned(json value) {
        Val v;
        v.own.emplace(std::move(value));
        return v;
    }
    static Val unknown_value() {
        Val v;
        v.unknown = true;
        return v;
    }
    // Copies borrowed data out, for values that must outlive the data they came from.
    json take() {
        if (ref != nullptr) return *ref;
        return own ? std::move(*own) : json();
    }

private:
    static const json& null_json() {
        static const json null_value;
        return null_value;
    }
};

const json kNull;
const json kTrue = true;
const json kFalse = false;

Val boolean(bool value) { return Val::borrow(value ? kTrue : kFalse); }
Val number(double value) { return Val::owned(json_number(value)); }

// Up to four arguments live on the stack; more spill to the heap. The stack slots are constructed only when
// used: most operators take one to three arguments, and this runs for every operator evaluated.
class Args {
public:
    Args() = default;
    Args(const Args&) = delete;
    Args& operator=(const Args&) = delete;
    ~Args() {
        for (std::size_t i = 0; i < std::min(size_, kInline); ++i) slot(i)->~Val();
    }

    std::size_t size() const { return size_; }
    Val& operator[](std::size_t i) { return i < kInline ? *slot(i) : spill_[i - kInline]; }
    const json& value(std::size_t i) const { return i < kInline ? slot(i)->get() : spill_[i - kInline].get(); }
    void push(Val v) {
        if (size_ < kInline) {
            new (slot(size_)) Val(std::move(v));
        } else {
            spill_.push_back(std::move(v));
        }
        ++size_;
    }

private:
    static constexpr std::size_t kInline = 4;
    Val* slot(std::size_t i) { return std::launder(reinterpret_cast<Val*>(inline_ + i * sizeof(Val))); }
    const Val* slot(std::size_t i) const { return std::launder(reinterpret_cast<const Val*>(inline_ + i * sizeof(Val))); }

    alignas(Val) unsigned char inline_[kInline * sizeof(Val)];
    std::vector<Val> spill_;
    std::size_t size_ = 0;
};

// Code points of a UTF-8 string, as byte offsets, so substr counts characters (JavaScript counts UTF-16 units;
// the two agree for every character policy texts use).
std::vector<std::size_t> character_offsets(const std::string& text) {
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
    }
    offsets.push_back(text.size());
    return offsets;
}

// ToIntegerOrInfinity, clamped to what substr can use.
long long to_integer(const json& value) {
    const double number = js_to_number(value);
    if (std::isnan(number)) return 0;
    if (number > 1e15) return static_cast<long long>(1e15);
    if (number < -1e15) return static_cast<long long>(-1e15);
    return static_cast<long long>(std::trunc(number));
}

// String.prototype.substr(start, length).
std::string js_substr(const std::string& text, long long start, std::optional<long long> length) {
    const std::vector<std::size_t> offsets = character_offsets(text);
    const long long size = static_cast<long long>(offsets.size()) - 1;
    if (start < 0) start = std::max(size + start, 0LL);
    start = std::min(start, size);
    long long count = length ? std::clamp(*length, 0LL, size) : size;
    const long long end = std::min(start + count, size);
    if (end <= start) return "";
    return text.substr(offsets[static_cast<std::size_t>(start)], offsets[static_cast<std::size_t>(end)] - offsets[static_cast<std::size_t>(start)]);
}

class Evaluator {
public:
    Evaluator(const Program& program, const EvalInput& input, std::vector<VarRead>* reads)
        : p_(program), in_(input), reads_(reads) {}

    std::string error;

    // Bounds on one evaluation, so a rule from a tampered file cannot hang or exhaust the browser tab: a few
    // nested map/some over literal arrays multiply into billions of steps, and cat or merge of the accumulator
    // with itself in a reduce doubles a value at every step. Real rules take a few dozen steps and short values.
    // Copying array items counts as steps too, which bounds the memory a rule can take.
    static constexpr std::size_t kMaxSteps = 1000000;
    static constexpr std::size_t kMaxStringBytes = std::size_t{16} << 20;

    // `scope` is the element data inside map/filter/...; nullptr at the profile level.
    Val eval(std::uint32_t id, const json* scope) {
        if (over_budget(1)) return too_much_work();
        const Node& node = p_.node(id);
        switch (node.op) {
            case Op::literal: return Val::borrow(p_.literal(node.extra));
            case Op::array: return eval_array(node, scope);
            case Op::var: return eval_var(node, scope);
            case Op::var_dynamic: return eval_var_dynamic(node, scope);
            case Op::if_: return partial() ? eval_if_partial(node, scope) : eval_if(node, scope);
            case Op::and_: return eval_short_circuit(node, scope, false);
            case Op::or_: return eval_short_circuit(node, scope, true);
            case Op::map: case Op::filter: case Op::reduce: case Op::all: case Op::none: case Op::some:
                return eval_iteration(node, scope);
            default: return eval_eager(node, scope);
        }
    }

private:
    const Program& p_;
    const EvalInput& in_;
    std::vector<VarRead>* reads_;
    std::size_t steps_ = 0;

    bool partial() const { return in_.mode == EvalMode::partial; }

    bool over_budget(std::size_t work) {
        steps_ += work;
        return steps_ > kMaxSteps;
    }
    Val too_much_work() { return fail("the rule needs too much work to evaluate (over a million steps or items)"); }

    Val fail(std::string message) {
        if (error.empty()) error = std::move(message);
        return Val::owned(json());
    }

    const json* profile_data() const { return in_.data; }

    void log_read(std::int32_t variable, bool answered) {
        if (reads_ != nullptr && variable >= 0) reads_->push_back(VarRead{static_cast<std::uint32_t>(variable), answered});
    }

    // ---- var ---------------------------------------------------------------------------------------------

    // The outcome of following a path: the value, or "not found" with whether an absent key (undefined) was
    // hit, which is what "unanswered" means in partial mode.
    struct Lookup {
        const json* value = nullptr;
        bool undefined = false;
    };

    static const json* property(const json& data, const std::string& name) {
        if (data.is_object()) {
            auto found = data.find(name);
            return found == data.end() ? nullptr : &*found;
        }
        if (data.is_array()) {
            // Only canonical indices ("0", "12"), as JavaScript property keys of arrays.
            if (name.empty() || name.size() > 9 || (name.size() > 1 && name[0] == '0')) return nullptr;
            std::size_t index = 0;
            for (char c : name) {
                if (c < '0' || c > '9') return nullptr;
                index = index * 10 + static_cast<std::size_t>(c - '0');
            }
            return index < data.size() ? &data[index] : nullptr;
        }
        return nullptr;
    }

    static Lookup follow(const json* data, const std::vector<std::string>& path) {
        Lookup lookup;
        const json* current = data;
        for (const std::string& name : path) {
            if (current == nullptr || current->is_null()) return lookup;  // not found, but not "absent"
            current = property(*current, name);
            if (current == nullptr) {
                lookup.undefined = true;
                return lookup;
            }
        }
        lookup.value = current != nullptr ? current : &kNull;
        return lookup;
    }

    Lookup lookup_bound(int slot) const {
        Lookup lookup;
        const json* answer = in_.slots[slot];
        if (answer == nullptr) {
            lookup.undefined = true;
        } else {
            lookup.value = answer;
        }
        return lookup;
    }

    bool is_bound(int slot) const {
        return slot >= 0 && in_.slots != nullptr && static_cast<std::size_t>(slot) < in_.slot_count;
    }

    // The value a found / not found var gives, including the default and partial mode's unknown.
    Val var_result(const Node& node, Lookup lookup, bool at_profile, std::uint32_t default_arg, const json* scope) {
        if (lookup.value != nullptr) return Val::borrow(*lookup.value);
        if (node.count > default_arg) return eval(p_.arg(node, default_arg), scope);
        if (partial() && at_profile && lookup.undefined) return Val::unknown_value();
        return Val::borrow(kNull);
    }

    // A bound var reads its slot (stored in the program's block); only unbound and in-scope vars follow a path.
    Val eval_var(const Node& node, const json* scope) {
        const bool at_profile = (node.flags & detail::kInScope) == 0;
        const VarSlot& var = p_.var_slot(node.extra);
        Lookup lookup;
        if (at_profile && is_bound(var.slot)) {
            lookup = lookup_bound(var.slot);
        } else {
            const std::vector<std::string>& path = p_.cold().vars[node.extra].path;
            if (path.empty()) {
                lookup.value = at_profile ? (profile_data() != nullptr ? profile_data() : &kNull) : scope;
            } else {
                lookup = follow(at_profile ? profile_data() : scope, path);
            }
        }
        if (at_profile) log_read(var.variable, !lookup.undefined);
        return var_result(node, lookup, at_profile, 0, scope);
    }

    // Reads a name computed at run time (dynamic var, missing): bound slots still apply when the name is a
    // known variable.
    Lookup lookup_name(const std::string& name, const json* scope, std::int32_t& variable) {
        variable = -1;
        if (scope == nullptr) {
            variable = p_.variable_index(name);
            if (variable >= 0) {
                const int slot = p_.cold().variable_slots[static_cast<std::size_t>(variable)];
                if (is_bound(slot)) return lookup_bound(slot);
            }
        }
        const json* data = scope != nullptr ? scope : profile_data();
        if (name.empty()) {
            Lookup whole;
            whole.value = data != nullptr ? data : &kNull;
            return whole;
        }
        return follow(data, split_path(name));
    }

    Val eval_var_dynamic(const Node& node, const json* scope) {
        Val path = eval(p_.arg(node, 0), scope);
        if (path.unknown) return path;
        std::int32_t variable = -1;
        const Lookup lookup = lookup_name(path_text(path.get()), scope, variable);
        if (scope == nullptr) log_read(variable, !lookup.undefined);
        return var_result(node, lookup, scope == nullptr, 1, scope);
    }

    // ---- control flow -----------------------------------------------------------------------------------

    Val eval_array(const Node& node, const json* scope) {
        json out = json::array();
        bool unknown = false;
        for (std::uint32_t i = 0; i < node.count; ++i) {
            Val element = eval(p_.arg(node, i), scope);
            unknown = unknown || element.unknown;
            out.push_back(element.take());
        }
        return unknown ? Val::unknown_value() : Val::owned(std::move(out));
    }

    // json-logic-js: if c1 then v1, else if c2 then v2, ..., else last; a missing else is null.
    Val eval_if(const Node& node, const json* scope) {
        std::uint32_t i = 0;
        for (; i + 1 < node.count; i += 2) {
            if (js_truthy(eval(p_.arg(node, i), scope).get())) return eval(p_.arg(node, i + 1), scope);
        }
        if (i < node.count) return eval(p_.arg(node, i), scope);
        return Val::borrow(kNull);
    }

    // An unknown condition makes the result unknown unless every branch it could take gives the same value.
    Val eval_if_partial(const Node& node, const json* scope) {
        constexpr std::uint32_t kNullBranch = std::numeric_limits<std::uint32_t>::max();
        std::vector<std::uint32_t> possible;
        bool uncertain = false, decided = false;
        std::uint32_t i = 0;
        for (; i + 1 < node.count; i += 2) {
            Val condition = eval(p_.arg(node, i), scope);
            if (condition.unknown) {
                uncertain = true;
                possible.push_back(p_.arg(node, i + 1));
            } else if (js_truthy(condition.get())) {
                possible.push_back(p_.arg(node, i + 1));
                decided = true;
                break;
            }
        }
        if (!decided) possible.push_back(i < node.count ? p_.arg(node, i) : kNullBranch);

        const auto branch_value = [&](std::uint32_t branch) {
            return branch == kNullBranch ? Val::borrow(kNull) : eval(branch, scope);
        };
        if (!uncertain) return branch_value(possible.back());

        Val first = branch_value(possible[0]);
        bool same = !first.unknown;
        for (std::size_t k = 1; k < possible.size(); ++k) {
            Val other = branch_value(possible[k]);  // evaluated even after a difference: its reads count
            same = same && !other.unknown && other.get() == first.get();
        }
        return same ? std::move(first) : Val::unknown_value();
    }

    // and: the first falsy operand, else the last; or: the first truthy operand, else the last. Partial: a known
    // deciding operand decides even after unknown ones.
    Val eval_short_circuit(const Node& node, const json* scope, bool decided_by_truthy) {
        Val last = Val::borrow(kNull);
        bool unknown = false;
        for (std::uint32_t i = 0; i < node.count; ++i) {
            last = eval(p_.arg(node, i), scope);
            if (last.unknown) {
                unknown = true;
            } else if (js_truthy(last.get()) == decided_by_truthy) {
                return last;
            }
        }
        return unknown ? Val::unknown_value() : std::move(last);
    }

    // map / filter / reduce / all / none / some: the logic runs with each element as its data.
    Val eval_iteration(const Node& node, const json* scope) {
        Val items = node.count > 0 ? eval(p_.arg(node, 0), scope) : Val::borrow(kNull);
        if (items.unknown) return items;
        const json& array = items.get();
        const bool has_logic = node.count > 1;
        const auto apply = [&](const json& element) {
            return has_logic ? eval(p_.arg(node, 1), &element) : Val::borrow(kNull);
        };

        switch (node.op) {
            case Op::map: {
                json out = json::array();
                if (array.is_array()) {
                    for (const json& element : array) {
                        Val item = apply(element);
                        if (item.get().is_array() && over_budget(item.get().size())) return too_much_work();
                        out.push_back(item.take());
                    }
                }
                return Val::owned(std::move(out));
            }
            case Op::filter: case Op::none: case Op::some: {
                json kept = json::array();
                if (array.is_array()) {
                    for (const json& element : array) {
                        if (js_truthy(apply(element).get())) kept.push_back(element);
                    }
                }
                if (node.op == Op::none) return boolean(kept.empty());
                if (node.op == Op::some) return boolean(!kept.empty());
                return Val::owned(std::move(kept));
            }
            case Op::all: {
                if (!array.is_array() || array.empty()) return boolean(false);
                for (const json& element : array) {
                    if (!js_truthy(apply(element).get())) return boolean(false);
                }
                return boolean(true);
            }
            case Op::reduce: {
                Val initial = node.count > 2 ? eval(p_.arg(node, 2), scope) : Val::borrow(kNull);
                if (initial.unknown) return initial;
                json accumulator = initial.take();
                if (!array.is_array()) return Val::owned(std::move(accumulator));
                json context = json::object();
                for (const json& element : array) {
                    context["current"] = element;
                    context["accumulator"] = std::move(accumulator);
                    accumulator = apply(context).take();
                }
                return Val::owned(std::move(accumulator));
            }
            default: return Val::borrow(kNull);
        }
    }

    // ---- eager operators: every argument first, unknown if any is ----------------------------------------

    static bool is_binary_comparison(Op op) {
        switch (op) {
            case Op::eq: case Op::ne: case Op::strict_eq: case Op::strict_ne:
            case Op::gt: case Op::ge: case Op::lt: case Op::le: case Op::in:
                return true;
            default:
                return false;
        }
    }

    // An operand of a binary comparison. A string literal, or a literal array of strings, stands in through its
    // pooled text (`text` set, `value` unused): its JSON strings live in other heap blocks, cold in the cache.
    struct Operand {
        Val value;
        const Node* text = nullptr;
    };

    Operand operand(std::uint32_t id, const json* scope) {
        const Node& node = p_.node(id);
        // The step eval() would count; past the budget, eval() reports it.
        if (node.op == Op::literal && node.flags != 0 && !over_budget(1)) return Operand{Val{}, &node};
        return Operand{eval(id, scope), nullptr};
    }

    bool any_text_equals(const Node& literal, const std::string& value) const {
        const detail::Span span = p_.span(literal.first);
        for (std::uint32_t i = 0; i < span.count; ++i) {
            if (p_.text(span.first + i) == value) return true;
        }
        return false;
    }

    // The comparisons with a pooled text that can be answered without the literal's JSON; nullopt otherwise.
    std::optional<bool> compare_text(Op op, const Operand& a, const Operand& b) const {
        if (a.text != nullptr && b.text != nullptr) return std::nullopt;
        const Node& literal = a.text != nullptr ? *a.text : *b.text;
        const json& other = a.text != nullptr ? b.value.get() : a.value.get();
        const bool single = (literal.flags & detail::kText) != 0;
        switch (op) {
            case Op::eq: case Op::ne: case Op::strict_eq: case Op::strict_ne: {
                if (!single) return std::nullopt;  // an array literal: == compares its String() or its reference
                bool equal = false;
                if (other.is_string()) {
                    equal = p_.literal_text(literal) == other.get_ref<const std::string&>();
                } else if (op == Op::eq || op == Op::ne) {
                    return std::nullopt;  // == converts: "1" == 1, "" == false
                }
                return (op == Op::eq || op == Op::strict_eq) ? equal : !equal;
            }
            case Op::in:
                if (a.text != nullptr && single) return text_in(p_.literal_text(literal), other);
                if (b.text != nullptr && !single) {
                    // Strict membership in strings only: nothing but an equal string is in it.
                    return other.is_string() && any_text_equals(literal, other.get_ref<const std::string&>());
                }
                return std::nullopt;  // a literal string haystack (substring search) is rare: the JSON path does it
            default: return std::nullopt;  // ordering against a literal string is rare too
        }
    }

    // json-logic-js `in` with a literal string needle: substring of a string, strict member of an array.
    static bool text_in(std::string_view needle, const json& haystack) {
        if (haystack.is_string()) {
            const std::string& text = haystack.get_ref<const std::string&>();
            return !text.empty() && text.find(needle) != std::string::npos;
        }
        if (haystack.is_array()) {
            for (const json& element : haystack) {
                if (element.is_string() && element.get_ref<const std::string&>() == needle) return true;
            }
        }
        return false;
    }

    // The most common shape in policy rules ({"==": [var, literal]}, {">=": [rank, 2]}): two operands, no Args.
    Val eval_binary(const Node& node, const json* scope) {
        const Operand a = operand(p_.arg(node, 0), scope);
        const Operand b = operand(p_.arg(node, 1), scope);
        if (a.value.unknown || b.value.unknown) return Val::unknown_value();
        if (a.text != nullptr || b.text != nullptr) {
            if (const std::optional<bool> answer = compare_text(node.op, a, b)) return boolean(*answer);
        }
        const json& x = a.text != nullptr ? p_.literal(a.text->extra) : a.value.get();
        const json& y = b.text != nullptr ? p_.literal(b.text->extra) : b.value.get();
        switch (node.op) {
            case Op::eq: return boolean(js::loose_equals(x, y));
            case Op::ne: return boolean(!js::loose_equals(x, y));
            case Op::strict_eq: return boolean(js::strict_equals(x, y));
            case Op::strict_ne: return boolean(!js::strict_equals(x, y));
            case Op::gt: return boolean(js::less(y, x));
            case Op::ge: return boolean(js::less_equal(y, x));
            case Op::lt: return boolean(js::less(x, y));
            case Op::le: return boolean(js::less_equal(x, y));
            default: return boolean(contains(x, y));
        }
    }

    // One operand, no argument list: rank, !, !! and the date operators, as policy rules use them.
    static bool is_unary(Op op) {
        switch (op) {
            case Op::not_: case Op::not_not: case Op::rank:
            case Op::years_since: case Op::months_since: case Op::days_since:
                return true;
            default:
                return false;
        }
    }

    Val eval_unary(const Node& node, const json* scope) {
        const Val a = eval(p_.arg(node, 0), scope);
        if (a.unknown) return Val::unknown_value();
        const json& x = a.get();
        switch (node.op) {
            case Op::not_: return boolean(!js_truthy(x));
            case Op::not_not: return boolean(js_truthy(x));
            case Op::rank: return rank(node, x);
            default: return since(node.op, x);
        }
    }

    // {"<=": [min, x, max]} (between) without an argument list.
    Val eval_between(const Node& node, const json* scope) {
        const Val a = eval(p_.arg(node, 0), scope);
        const Val b = eval(p_.arg(node, 1), scope);
        const Val c = eval(p_.arg(node, 2), scope);
        if (a.unknown || b.unknown || c.unknown) return Val::unknown_value();
        if (node.op == Op::lt) return boolean(js::less(a.get(), b.get()) && js::less(b.get(), c.get()));
        return boolean(js::less_equal(a.get(), b.get()) && js::less_equal(b.get(), c.get()));
    }

    Val eval_eager(const Node& node, const json* scope) {
        if (node.count == 2 && is_binary_comparison(node.op)) return eval_binary(node, scope);
        if (node.count == 1 && is_unary(node.op)) return eval_unary(node, scope);
        if (node.count == 3 && (node.op == Op::lt || node.op == Op::le)) return eval_between(node, scope);
        Args args;
        bool unknown = false;
        for (std::uint32_t i = 0; i < node.count; ++i) {
            Val value = eval(p_.arg(node, i), scope);
            unknown = unknown || value.unknown;
            args.push(std::move(value));
        }
        if (node.op == Op::missing) return missing(args, scope, unknown);
        if (node.op == Op::missing_some) return missing_some(args, scope, unknown);
        if (unknown) return Val::unknown_value();
        return apply_eager(node, args);
    }

    static const json& arg_or_null(const Args& args, std::size_t i) { return i < args.size() ? args.value(i) : kNull; }

    Val apply_eager(const Node& node, Args& args) {
        const json& a = arg_or_null(args, 0);
        const json& b = arg_or_null(args, 1);
        switch (node.op) {
            case Op::eq: return boolean(js::loose_equals(a, b));
            case Op::ne: return boolean(!js::loose_equals(a, b));
            case Op::strict_eq: return boolean(js::strict_equals(a, b));
            case Op::strict_ne: return boolean(!js::strict_equals(a, b));
            case Op::gt: return boolean(js::less(b, a));
            case Op::ge: return boolean(js::less_equal(b, a));
            case Op::lt:
                if (args.size() > 2) return boolean(js::less(a, b) && js::less(b, args.value(2)));
                return boolean(js::less(a, b));
            case Op::le:
                if (args.size() > 2) return boolean(js::less_equal(a, b) && js::less_equal(b, args.value(2)));
                return boolean(js::less_equal(a, b));
            case Op::not_: return boolean(!js_truthy(a));
            case Op::not_not: return boolean(js_truthy(a));
            case Op::in: return boolean(contains(a, b));
            case Op::cat: {
                std::string out;
                for (std::size_t i = 0; i < args.size(); ++i) {
                    out += js_to_string(args.value(i));
                    if (out.size() > kMaxStringBytes) return fail("cat: the text would be longer than 16 MiB");
                }
                return Val::owned(json(std::move(out)));
            }
            case Op::substr: return substr(args);
            case Op::add: {
                double sum = 0;
                for (std::size_t i = 0; i < args.size(); ++i) sum += js::parse_float(args.value(i));
                return number(sum);
            }
            case Op::mul: {
                // Array.prototype.reduce without a start value: one argument comes back untouched.
                if (args.size() == 0) return fail("* needs at least one argument");
                if (args.size() == 1) return std::move(args[0]);
                double product = js::parse_float(args.value(0));
                for (std::size_t i = 1; i < args.size(); ++i) product *= js::parse_float(args.value(i));
                return number(product);
            }
            case Op::sub:
                if (args.size() == 0) return number(std::nan(""));  // -undefined
                if (args.size() == 1) return number(-js_to_number(a));
                return number(js_to_number(a) - js_to_number(b));
            case Op::div: return number(args.size() < 2 ? std::nan("") : js_to_number(a) / js_to_number(b));
            case Op::mod: return number(args.size() < 2 ? std::nan("") : std::fmod(js_to_number(a), js_to_number(b)));
            case Op::min: case Op::max: return min_max(node.op == Op::min, args);
            case Op::merge: {
                json out = json::array();
                for (std::size_t i = 0; i < args.size(); ++i) {
                    const json& value = args.value(i);
                    if (value.is_array()) {
                        out.insert(out.end(), value.begin(), value.end());
                    } else {
                        out.push_back(value);
                    }
                    if (over_budget(value.is_array() ? value.size() : 1)) return too_much_work();
                }
                return Val::owned(std::move(out));
            }
            case Op::log: return args.size() > 0 ? std::move(args[0]) : Val::borrow(kNull);  // no console here
            case Op::rank: return rank(node, a);
            case Op::years_since: case Op::months_since: case Op::days_since: return since(node.op, a);
            case Op::today:
                if (!in_.today) return fail("today needs an evaluation date");
                return Val::owned(json(in_.today->to_string()));
            default: return fail("operator not evaluable here");
        }
    }

    // json-logic-js `in`: substring for a string haystack, strict membership for an array.
    static bool contains(const json& needle, const json& haystack) {
        if (haystack.is_string()) {
            const std::string& text = haystack.get_ref<const std::string&>();
            if (text.empty()) return false;  // "" is falsy: json-logic-js returns false before searching
            return text.find(js_to_string(needle)) != std::string::npos;
        }
        if (haystack.is_array()) {
            for (const json& element : haystack) {
                if (js::strict_equals(needle, element)) return true;
            }
        }
        return false;
    }

    static Val substr(Args& args) {
        const std::string text = js_to_string(arg_or_null(args, 0));
        const long long start = to_integer(arg_or_null(args, 1));
        if (args.size() < 3) return Val::owned(json(js_substr(text, start, std::nullopt)));
        const json& end_arg = args.value(2);
        // json-logic-js: a negative length counts back from the end.
        if (js_to_number(end_arg) < 0) {
            const std::string tail = js_substr(text, start, std::nullopt);
            const long long characters = static_cast<long long>(character_offsets(tail).size()) - 1;
            return Val::owned(json(js_substr(tail, 0, characters + to_integer(end_arg))));
        }
        return Val::owned(json(js_substr(text, start, to_integer(end_arg))));
    }

    static Val min_max(bool is_min, const Args& args) {
        double result = is_min ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < args.size(); ++i) {
            const double value = js_to_number(args.value(i));
            if (std::isnan(value)) return number(value);
            result = is_min ? std::min(result, value) : std::max(result, value);
        }
        return number(result);
    }

    Val rank(const Node& node, const json& value) const {
        if (!value.is_string()) return Val::borrow(kNull);
        const std::string& choice = value.get_ref<const std::string&>();
        const detail::Span options = p_.span(node.extra);
        for (std::uint32_t i = 0; i < options.count; ++i) {
            if (p_.text(options.first + i) == choice) return number(static_cast<double>(i));
        }
        return Val::borrow(kNull);
    }

    Val since(Op op, const json& value) {
        if (!in_.today) return fail("date operators need an evaluation date");
        if (!value.is_string()) return Val::borrow(kNull);
        const std::optional<Date> date = Date::parse(value.get_ref<const std::string&>());
        if (!date) return Val::borrow(kNull);
        if (op == Op::years_since) return number(completed_years(*date, *in_.today));
        if (op == Op::months_since) return number(completed_months(*date, *in_.today));
        return number(static_cast<double>(days_between(*date, *in_.today)));
    }

    // missing: keys whose value is null or "" (unanswered counts); never unknown unless its keys are.
    Val missing(Args& args, const json* scope, bool unknown) {
        if (unknown) return Val::unknown_value();
        json keys_holder;
        const json* keys = nullptr;
        if (args.size() > 0 && args.value(0).is_array()) {
            keys = &args.value(0);
        } else {
            keys_holder = json::array();
            for (std::size_t i = 0; i < args.size(); ++i) keys_holder.push_back(args.value(i));
            keys = &keys_holder;
        }
        return Val::owned(missing_keys(*keys, scope));
    }

    json missing_keys(const json& keys, const json* scope) {
        json out = json::array();
        for (const json& key : keys) {
            std::int32_t variable = -1;
            const Lookup lookup = lookup_name(path_text(key), scope, variable);
            if (scope == nullptr) log_read(variable, !lookup.undefined);
            const json* value = lookup.value;
            if (value == nullptr || value->is_null() || (value->is_string() && value->get_ref<const std::string&>().empty())) {
                out.push_back(key);
            }
        }
        return out;
    }

    Val missing_some(Args& args, const json* scope, bool unknown) {
        if (unknown) return Val::unknown_value();
        const double need = js_to_number(arg_or_null(args, 0));
        json options = arg_or_null(args, 1);
        if (!options.is_array()) options = json::array({options});
        json absent = missing_keys(options, scope);
        if (static_cast<double>(options.size() - absent.size()) >= need) return Val::owned(json::array());
        return Val::owned(std::move(absent));
    }
};

std::shared_ptr<const Program> compile_into(const json& rule, const CompileOptions& options, CompileResult& result) {
    ProgramParts parts;
    Compiler compiler(options, result, parts);
    parts.root = compiler.compile(rule, JsonPath(), 0, false);
    return Program::pack(std::move(parts), options.arena);
}

}  // namespace

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

bool CompiledRule::evaluate_value(const EvalInput& input, json& out, std::vector<VarRead>* reads,
                                  std::string* error) const {
    Evaluator evaluator(*program_, input, reads);
    Val result = evaluator.eval(program_->root(), nullptr);
    if (!evaluator.error.empty()) {
        if (error != nullptr) *error = evaluator.error;
        out = json();
        return false;
    }
    if (result.unknown) {
        out = json();
        return false;
    }
    out = result.take();
    return true;
}

Truth CompiledRule::test(const EvalInput& input, std::vector<VarRead>* reads, std::string* error) const {
    Evaluator evaluator(*program_, input, reads);
    const Val result = evaluator.eval(program_->root(), nullptr);
    if (!evaluator.error.empty()) {
        if (error != nullptr) *error = evaluator.error;
        return Truth::unknown;
    }
    if (result.unknown) return Truth::unknown;
    return js_truthy(result.get()) ? Truth::yes : Truth::no;
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

int CompiledRule::variable_slot(std::uint32_t index) const {
    const std::vector<int>& slots = program_->cold().variable_slots;
    return index < slots.size() ? slots[index] : -1;
}

bool CompiledRule::is_literal() const { return program_->node(program_->root()).op == Op::literal; }

CompileResult compile_rule(const json& rule, const CompileOptions& options) {
    CompileResult result;
    result.rule.program_ = compile_into(rule, options, result);
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
