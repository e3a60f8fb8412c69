// Packing a compiled rule into one block, and the arena that holds a policy set's blocks side by side.
#include "core/jsonlogic_program.hpp"

#include <cstring>
#include <new>
#include <type_traits>

namespace portal::core {

namespace detail {

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
    cold->computed_names = parts.computed_names;

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

}  // namespace portal::core
