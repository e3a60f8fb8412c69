#include "ui/a11y.hpp"

#include "ui/imgui_private.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace portal::ui::a11y {

namespace {

Collector* g_collector_for(ImGuiContext* ctx) {
    return ctx != nullptr ? static_cast<Collector*>(ctx->TestEngine) : nullptr;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// ImGui's "label##id" shows only "label"; "##id" shows nothing.
std::string_view visible_label(std::string_view label) {
    const std::size_t hashes = label.find("##");
    return hashes == std::string_view::npos ? label : label.substr(0, hashes);
}

void clip_to_window(Node& node, const ImVec2& min, const ImVec2& max, const ImVec2& clip_min, const ImVec2& clip_max) {
    node.full_min = min;
    node.full_max = max;
    const float x0 = std::max(min.x, clip_min.x), y0 = std::max(min.y, clip_min.y);
    const float x1 = std::min(max.x, clip_max.x), y1 = std::min(max.y, clip_max.y);
    if (x1 - x0 < 1.0f || y1 - y0 < 1.0f) return;  // scrolled out of view: mirrored, not placed
    node.x = x0;
    node.y = y0;
    node.w = x1 - x0;
    node.h = y1 - y0;
}

// What a view means by a button, from the locator id it gave the widget.
Role role_from_key(std::string_view key, Role role) {
    if (role != Role::button) return role;
    if (starts_with(key, "tab:")) return Role::tab;
    if (starts_with(key, "link:") || key == "source-link" || starts_with(key, "exclude:") ||
        starts_with(key, "policy:") || starts_with(key, "result:"))
        return Role::link;
    return role;
}

std::string hex_key(char kind, unsigned value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%c%08x", kind, value);
    return buffer;
}

// The locator id of a policy's title on its own page.
constexpr std::string_view kPageTitleKey = "detail:title";

unsigned text_hash(std::string_view text) {
    unsigned hash = 2166136261u;
    for (const char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    return hash;
}

}  // namespace

Collector* current() { return g_collector_for(GImGui); }

void Collector::install() {
    ImGuiContext& g = *GImGui;
    g.TestEngine = this;
    g.TestEngineHookItems = true;
}

void Collector::begin_frame() {
    drawing_.clear();
    index_.clear();
    dialogs_.clear();
}

void Collector::dialog(std::string_view name, bool urgent) {
    const ImGuiWindow* window = GImGui->CurrentWindow;
    if (window != nullptr) dialogs_[window->ID] = Dialog{std::string(name), urgent};
}

Collector::Entry* Collector::item_entry(ImGuiID id) {
    const auto found = index_.find(id);
    return found == index_.end() ? nullptr : &drawing_[found->second];
}

void Collector::item_add(ImGuiID id, const ImRect& bb, bool disabled) {
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = g.CurrentWindow;
    if (window == nullptr || index_.count(id) != 0) return;
    Entry entry;
    entry.node.id = id;
    entry.node.window = window->ID;
    entry.node.disabled = disabled;
    clip_to_window(entry.node, bb.Min, bb.Max, window->ClipRect.Min, window->ClipRect.Max);
    index_.emplace(id, drawing_.size());
    drawing_.push_back(std::move(entry));
}

void Collector::item_info(ImGuiID id, const char* label, int status_flags) {
    Entry* entry = item_entry(id);
    if (entry == nullptr || entry->described) return;
    entry->label = label != nullptr ? label : "";
    entry->status = status_flags;
    entry->labelled = true;
}

void Collector::describe(std::string_view label, Role role, Toggle toggle, std::string_view value) {
    Entry* entry = item_entry(GImGui->LastItemData.ID);
    if (entry == nullptr) return;
    entry->described = true;
    entry->node.name = std::string(label);
    entry->node.role = role;
    // A checkbox is checked or not; a button standing for a choice is pressed or not.
    const bool checkbox = role == Role::checkbox;
    entry->node.checkable = checkbox;
    entry->node.checked = checkbox && toggle == Toggle::on;
    entry->node.pressable = !checkbox && toggle != Toggle::none;
    entry->node.pressed = !checkbox && toggle == Toggle::on;
    entry->node.value = std::string(value);
}

void Collector::text(std::string_view text, const ImVec2& min, const ImVec2& max, int heading_level) {
    ImGuiContext& g = *GImGui;
    if (text.empty() || g.CurrentWindow == nullptr) return;
    Entry entry;
    entry.node.role = heading_level > 0 ? Role::heading : Role::text;
    entry.node.level = heading_level;
    entry.node.name = std::string(text);
    entry.node.window = g.CurrentWindow->ID;
    const ImDrawList* draw_list = g.CurrentWindow->DrawList;
    clip_to_window(entry.node, min, max, draw_list->GetClipRectMin(), draw_list->GetClipRectMax());
    drawing_.push_back(std::move(entry));
}

// The locator names the last item: an ImGui item, or the text just drawn (a paragraph the tests locate).
void Collector::key_last_item(std::string_view key) {
    const ImGuiLastItemData& last = GImGui->LastItemData;
    if (last.ID != 0) {
        if (Entry* entry = item_entry(last.ID)) entry->node.key = std::string(key);
        return;
    }
    if (drawing_.empty() || drawing_.back().node.id != 0) return;
    Node& node = drawing_.back().node;
    if (std::fabs(node.full_max.y - last.Rect.Max.y) < 0.5f && std::fabs(node.full_max.x - last.Rect.Max.x) < 0.5f)
        node.key = std::string(key);
}

// An item with no label of its own (a card, a result row) is named by the text drawn inside it, in the order
// it was drawn; that text is then part of the item and not repeated beside it.
void Collector::name_from_content() {
    for (Entry& item : drawing_) {
        if (item.node.id == 0 || !item.node.name.empty() || !(item.labelled || item.described)) continue;
        std::string name;
        for (Entry& piece : drawing_) {
            if (piece.node.id != 0 || piece.consumed || piece.node.window != item.node.window) continue;
            const float cx = (piece.node.full_min.x + piece.node.full_max.x) * 0.5f;
            const float cy = (piece.node.full_min.y + piece.node.full_max.y) * 0.5f;
            if (cx < item.node.full_min.x || cx > item.node.full_max.x || cy < item.node.full_min.y ||
                cy > item.node.full_max.y)
                continue;
            if (!name.empty()) name += ' ';
            name += piece.node.name;
            piece.consumed = true;
        }
        item.node.name = std::move(name);
    }
}

void Collector::end_frame(std::string_view selected_tab) {
    ImGuiContext& g = *GImGui;
    const bool editing = g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID;
    const ImGuiID focus = editing ? g.ActiveId : g.NavId;
    for (Entry& entry : drawing_) {
        Node& node = entry.node;
        if (node.id == 0 || entry.described) continue;
        if (entry.status & ImGuiItemStatusFlags_Inputable) node.role = Role::textbox;
        else if (entry.status & ImGuiItemStatusFlags_Checkable) node.role = Role::checkbox;
        else node.role = Role::button;
        node.checkable = (entry.status & ImGuiItemStatusFlags_Checkable) != 0;
        node.checked = (entry.status & ImGuiItemStatusFlags_Checked) != 0;
        node.expandable = (entry.status & ImGuiItemStatusFlags_Openable) != 0;
        node.expanded = (entry.status & ImGuiItemStatusFlags_Opened) != 0;
        node.name = std::string(visible_label(entry.label));
    }
    name_from_content();

    shown_.clear();
    focused_key_.clear();
    std::unordered_map<unsigned, int> seen_texts;
    for (Entry& entry : drawing_) {
        Node& node = entry.node;
        if (entry.consumed || (node.id != 0 && !entry.labelled && !entry.described)) continue;
        if (node.id != 0) {
            // A widget with nothing to say (no label, no text inside it, no locator id) is left out.
            if (node.name.empty() && node.role != Role::textbox && node.key.empty()) continue;
            if (node.key.empty()) node.key = hex_key('i', node.id);
            node.role = role_from_key(node.key, node.role);
            if (node.key == "search") node.role = Role::searchbox;
            node.selected = node.role == Role::tab && node.key == selected_tab;
            // Answer options and sort orders are choices: each says whether it is the chosen one.
            if (node.role == Role::button && (starts_with(node.key, "answer:") || starts_with(node.key, "sort:")))
                node.pressable = true;
            node.focused = node.id == focus;
            if (node.focused) focused_key_ = node.key;
        } else if (node.key.empty()) {
            const unsigned hash = text_hash(node.name);
            node.key = hex_key('t', hash) + "-" + std::to_string(seen_texts[hash]++);
        } else if (node.key == kPageTitleKey) {
            node.role = Role::heading;  // a policy's own page: its title heads the outline
            node.level = 1;
        }
        if (const auto found = dialogs_.find(node.window); found != dialogs_.end()) {
            node.dialog = found->second.name;
            node.urgent = found->second.urgent;
        }
        shown_.push_back(std::move(node));
    }
    link_errors();
}

// A refused answer's reason ("<prefix>:problem", drawn under the field) makes its field ("<prefix>:input")
// invalid, described by that reason, as aria-invalid and aria-errormessage say it.
void Collector::link_errors() {
    constexpr std::string_view problem = ":problem";
    for (const Node& reason : shown_) {
        if (reason.id != 0 || reason.key.size() <= problem.size() ||
            reason.key.compare(reason.key.size() - problem.size(), problem.size(), problem) != 0)
            continue;
        const std::string field = reason.key.substr(0, reason.key.size() - problem.size()) + ":input";
        for (Node& node : shown_) {
            if (node.key != field) continue;
            node.invalid = true;
            node.error_key = reason.key;
        }
    }
}

const Node* Collector::find(std::string_view key) const {
    for (const Node& node : shown_)
        if (node.key == key) return &node;
    return nullptr;
}

void describe_last_item(std::string_view label, Role role, Toggle toggle, std::string_view value) {
    if (Collector* collector = current()) collector->describe(label, role, toggle, value);
}

void text(std::string_view text, const ImVec2& min, const ImVec2& max, int heading_level) {
    if (Collector* collector = current()) collector->text(text, min, max, heading_level);
}

void dialog(std::string_view name, bool urgent) {
    if (Collector* collector = current()) collector->dialog(name, urgent);
}

const char* role_name(Role role) {
    switch (role) {
        case Role::none: return "";
        case Role::button: return "button";
        case Role::checkbox: return "checkbox";
        case Role::textbox: return "textbox";
        case Role::searchbox: return "searchbox";
        case Role::tab: return "tab";
        case Role::link: return "link";
        case Role::heading: return "heading";
        case Role::text: return "text";
    }
    return "";
}

}  // namespace portal::ui::a11y

// ---- Dear ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE) ----------------------------------------------------
// ImGui calls these for every item while TestEngineHookItems is set; ctx->TestEngine is our collector. Without
// one installed (headless tests, the desktop before install) they return at once.

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item_data) {
    portal::ui::a11y::Collector* collector = portal::ui::a11y::g_collector_for(ctx);
    if (collector == nullptr) return;
    // Begin() registers each window as an item (no item data); a window is a pane, not something to read.
    if (item_data == nullptr && ImGui::FindWindowByID(id) != nullptr) return;
    const bool disabled = item_data != nullptr && (item_data->InFlags & ImGuiItemFlags_Disabled) != 0;
    collector->item_add(id, bb, disabled);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    if (portal::ui::a11y::Collector* collector = portal::ui::a11y::g_collector_for(ctx))
        collector->item_info(id, label, flags);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
