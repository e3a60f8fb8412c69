// The JsonLogic evaluator: runs a packed program over a profile, in complete or partial (three-valued) mode.
//
// Longer than the other sources on purpose: the interpreter's dispatch (Evaluator::eval) and every operator it
// switches to are one class in one translation unit, with CompiledRule's evaluation entry points beside them, so
// the native build inlines the hot path exactly as it did when this was part of jsonlogic.cpp. Splitting the
// operators by family would put a cross-file call between the dispatch and each operator.
#include "core/jsonlogic_program.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <new>
#include <optional>

namespace portal::core {

namespace {

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

    void log_read(std::int32_t variable, std::int32_t slot, bool answered) {
        if (reads_ != nullptr && variable >= 0) reads_->push_back(VarRead{static_cast<std::uint32_t>(variable), answered, slot});
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
        if (at_profile) log_read(var.variable, var.slot, !lookup.undefined);
        return var_result(node, lookup, at_profile, 0, scope);
    }

    // Reads a name computed at run time (dynamic var, missing): bound slots still apply when the name is a
    // known variable.
    Lookup lookup_name(const std::string& name, const json* scope, std::int32_t& variable, std::int32_t& slot) {
        variable = -1;
        slot = -1;
        if (scope == nullptr) {
            variable = p_.variable_index(name);
            if (variable >= 0) {
                slot = p_.cold().variable_slots[static_cast<std::size_t>(variable)];
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
        std::int32_t slot = -1;
        const Lookup lookup = lookup_name(path_text(path.get()), scope, variable, slot);
        if (scope == nullptr) log_read(variable, slot, !lookup.undefined);
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
            std::int32_t slot = -1;
            const Lookup lookup = lookup_name(path_text(key), scope, variable, slot);
            if (scope == nullptr) log_read(variable, slot, !lookup.undefined);
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

}  // namespace

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

}  // namespace portal::core
