#include "ui/widgets.hpp"

#include "ui/imgui_private.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "ui/a11y.hpp"
#include "ui/layout.hpp"
#include "ui/locator.hpp"
#include "ui/text_layout.hpp"
#include "ui/theme.hpp"

namespace portal::ui {

ImU32 colour(const ImVec4& c) { return ImGui::ColorConvertFloat4ToU32(c); }

namespace {

constexpr float kButtonPadX = 16.0f;
constexpr float kButtonPadY = 9.0f;
constexpr float kChipPadX = 12.0f;
constexpr float kChipPadY = 7.0f;
constexpr float kBadgePadX = 8.0f;
constexpr float kBadgePadY = 3.0f;

float text_width(std::string_view text) { return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x; }

std::string widget_id(std::string_view id) { return "##" + std::string(id); }

void draw_label(ImDrawList* dl, const ImRect& box, std::string_view label, ImU32 text_colour, float align) {
    const ImVec2 size = ImGui::CalcTextSize(label.data(), label.data() + label.size());
    note_label_width(size.x);
    const float x = align <= 0.0f ? box.Min.x + kButtonPadX : box.Min.x + (box.GetWidth() - size.x) * align;
    const ImVec2 pos(std::floor(x),
                     std::floor(box.Min.y + (box.GetHeight() - size.y) * 0.5f));
    ImGui::PushClipRect(box.Min, box.Max, true);
    dl->AddText(pos, text_colour, label.data(), label.data() + label.size());
    ImGui::PopClipRect();
}

}  // namespace

float button_width(std::string_view label) { return text_width(label) + 2 * kButtonPadX; }
namespace {
float g_min_button_height = 0;
}  // namespace

float button_height() { return std::max(g_min_button_height, ImGui::GetFontSize() + 2 * kButtonPadY); }

TouchTargets::TouchTargets(bool active) : previous_(g_min_button_height) {
    if (active) g_min_button_height = kTouchTarget;
}
TouchTargets::~TouchTargets() { g_min_button_height = previous_; }

void align_text_to_buttons() {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, kButtonPadY));
    ImGui::AlignTextToFramePadding();
    ImGui::PopStyleVar();
}

bool button(std::string_view label, std::string_view id, ButtonKind kind, float width, bool enabled, float align) {
    const Palette& p = palette();
    if (width == 0) width = button_width(label);
    if (width < 0) width = std::max(button_width(label) * 0.5f, available_width());
    const float height = button_height();
    if (!enabled) ImGui::BeginDisabled();
    const bool pressed = ImGui::InvisibleButton(widget_id(id).c_str(), ImVec2(width, height));
    if (!enabled) ImGui::EndDisabled();
    a11y::describe_last_item(label, a11y::Role::button, kind == ButtonKind::selected ? a11y::Toggle::on : a11y::Toggle::none);
    if (!ImGui::IsItemVisible()) return pressed;

    const ImRect box(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    const bool hovered = enabled && pointer_over_last_item();
    const bool held = enabled && ImGui::IsItemActive();
    ImVec4 fill = p.surface, border = p.border, text = p.accent;
    switch (kind) {
        case ButtonKind::primary:
            fill = held ? p.accent_active : hovered ? p.accent_hover : p.accent;
            border = fill;
            text = p.on_accent;
            break;
        case ButtonKind::secondary:
            // Hover only tints and outlines: a chosen option (selected) is the one with the check mark.
            fill = held ? p.accent_soft : hovered ? p.surface_alt : p.surface;
            border = hovered ? p.accent : p.border;
            text = p.accent;
            break;
        case ButtonKind::quiet:
            fill = hovered ? p.accent_soft : ImVec4(0, 0, 0, 0);
            border = fill;
            text = p.accent;
            break;
        case ButtonKind::selected:
            fill = p.accent_soft;
            border = p.accent;
            text = p.accent_active;
            break;
    }
    if (!enabled) {
        // Still readable (the muted text keeps its contrast), clearly not clickable.
        fill = kind == ButtonKind::quiet ? ImVec4(0, 0, 0, 0) : p.surface_alt;
        border = kind == ButtonKind::quiet ? fill : p.border;
        text = p.text_muted;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    dl->AddRectFilled(box.Min, box.Max, colour(fill), rounding);
    if (border.w > 0) dl->AddRect(box.Min, box.Max, colour(border), rounding, 0, kind == ButtonKind::selected ? 2.0f : 1.0f);
    draw_label(dl, box, label, colour(text), align);
    focus_ring_for_last_item();
    return pressed && enabled;
}

namespace {

// Lets ImGui grow the std::string it edits.
int grow_string(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}

}  // namespace

namespace {
struct ActiveEntry {
    ImGuiID id = 0;
    EntryKind kind = EntryKind::text;
};
ActiveEntry g_active_entry;
}  // namespace

bool text_field(const char* id, const char* hint, std::string& text, float width, ImGuiInputTextFlags flags,
                EntryKind kind) {
    ImGui::SetNextItemWidth(width);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(14.0f, kButtonPadY));
    const bool result = ImGui::InputTextWithHint(id, hint, text.data(), text.capacity() + 1,
                                                 flags | ImGuiInputTextFlags_CallbackResize, grow_string, &text);
    ImGui::PopStyleVar();
    a11y::describe_last_item(hint, a11y::Role::textbox, a11y::Toggle::none, text.c_str());
    if (ImGui::IsItemActive()) g_active_entry = ActiveEntry{ImGui::GetItemID(), kind};
    return result;
}

EntryKind active_entry_kind() {
    return g_active_entry.id != 0 && g_active_entry.id == ImGui::GetActiveID() ? g_active_entry.kind : EntryKind::text;
}

float chip_width(std::string_view label, int count, bool selected) {
    float width = text_width(label) + 2 * kChipPadX;
    if (selected) width += text_width("✓ ");
    if (count >= 0) width += text_width(std::to_string(count)) + 2 * kBadgePadX + 8.0f;
    return width;
}

bool chip(std::string_view label, int count, bool selected, std::string_view id) {
    const Palette& p = palette();
    const float width = chip_width(label, count, selected);
    const float height = ImGui::GetFontSize() + 2 * kChipPadY;
    const bool pressed = ImGui::InvisibleButton(widget_id(id).c_str(), ImVec2(width, height));
    a11y::describe_last_item(count >= 0 ? std::string(label) + " " + std::to_string(count) : std::string(label),
                             a11y::Role::checkbox, selected ? a11y::Toggle::on : a11y::Toggle::off);
    if (!ImGui::IsItemVisible()) return pressed;

    const ImRect box(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    const bool hovered = pointer_over_last_item();
    const bool empty = count == 0 && !selected;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = height * 0.5f;
    const ImVec4 fill = selected ? p.accent : hovered ? p.accent_soft : p.surface;
    const ImVec4 text = selected ? p.on_accent : empty ? p.text_muted : p.text;
    dl->AddRectFilled(box.Min, box.Max, colour(fill), rounding);
    dl->AddRect(box.Min, box.Max, colour(selected ? p.accent : hovered ? p.accent : p.border), rounding);

    float x = box.Min.x + kChipPadX;
    const float y = box.Min.y + kChipPadY;
    const std::string shown = selected ? "✓ " + std::string(label) : std::string(label);
    dl->AddText(ImVec2(x, y), colour(text), shown.c_str());
    x += text_width(shown) + 8.0f;
    if (count >= 0) {
        const std::string number = std::to_string(count);
        const ImVec2 pill_min(x, box.Min.y + 5.0f);
        const ImVec2 pill_max(x + text_width(number) + 2 * kBadgePadX, box.Max.y - 5.0f);
        dl->AddRectFilled(pill_min, pill_max, colour(selected ? p.on_accent : p.surface_alt), rounding);
        dl->AddText(ImVec2(x + kBadgePadX, y), colour(selected ? p.accent_active : p.text_muted), number.c_str());
    }
    focus_ring_for_last_item();
    return pressed;
}

float badge_width(std::string_view label) { return text_width(label) + 2 * kBadgePadX; }
float badge_height() { return ImGui::GetFontSize() + 2 * kBadgePadY; }

void draw_badge(ImDrawList* draw_list, const ImVec2& pos, std::string_view label, const BadgeStyle& style) {
    const ImVec2 max(pos.x + badge_width(label), pos.y + badge_height());
    draw_list->AddRectFilled(pos, max, colour(style.fill), 6.0f);
    const ImVec2 at(pos.x + kBadgePadX, pos.y + kBadgePadY);
    draw_list->AddText(at, colour(style.text), label.data(), label.data() + label.size());
    note_drawn_text(label);
    a11y::text(label, pos, max);
}

void badge(std::string_view label, const BadgeStyle& style) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(badge_width(label), badge_height()));
    if (ImGui::IsItemVisible()) draw_badge(ImGui::GetWindowDrawList(), pos, label, style);
}

void section_heading(ImFont* font, std::string_view title, int level) {
    vertical_space(8.0f);
    ImGui::PushFont(font);
    text_line(title, colour(palette().text), level);
    ImGui::PopFont();
}

void vertical_space(float pixels) { ImGui::Dummy(ImVec2(1.0f, pixels)); }

bool pointer_over_last_item() {
    const ImGuiIO& io = ImGui::GetIO();
    return ImGui::IsItemHovered() && (io.MouseSource != ImGuiMouseSource_TouchScreen || io.MouseDown[0]);
}

void focus_ring_for_last_item() {
    const ImGuiContext& g = *GImGui;
    ImGui::RenderNavHighlight(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), g.LastItemData.ID);
}

// ---- panels ------------------------------------------------------------------------------------------------------

namespace {

struct OpenPanel {
    std::unique_ptr<ImDrawListSplitter> splitter = std::make_unique<ImDrawListSplitter>();
    ImVec2 start;
    float width = 0;
    float padding = 0;
    std::unique_ptr<ColumnEdge> edge;
};

std::vector<OpenPanel>& open_panels() {
    static std::vector<OpenPanel> panels;
    return panels;
}

}  // namespace

void begin_panel(float padding) {
    OpenPanel panel;
    panel.start = ImGui::GetCursorScreenPos();
    panel.width = available_width();
    panel.padding = padding;
    panel.splitter->Split(ImGui::GetWindowDrawList(), 2);
    panel.splitter->SetCurrentChannel(ImGui::GetWindowDrawList(), 1);
    ImGui::SetCursorScreenPos(ImVec2(panel.start.x + padding, panel.start.y + padding));
    ImGui::BeginGroup();
    panel.edge = std::make_unique<ColumnEdge>(panel.start.x + panel.width - padding);
    open_panels().push_back(std::move(panel));
}

void end_panel(const ImVec4* fill, const ImVec4* border) {
    OpenPanel panel = std::move(open_panels().back());
    open_panels().pop_back();
    panel.edge.reset();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + panel.padding;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    panel.splitter->SetCurrentChannel(dl, 0);
    const Palette& p = palette();
    const ImVec2 max(panel.start.x + panel.width, bottom);
    const float rounding = ImGui::GetStyle().ChildRounding;
    dl->AddRectFilled(panel.start, max, colour(fill ? *fill : p.surface), rounding);
    dl->AddRect(panel.start, max, colour(border ? *border : p.border), rounding);
    panel.splitter->Merge(dl);
    ImGui::SetCursorScreenPos(panel.start);
    ImGui::Dummy(ImVec2(panel.width, bottom - panel.start.y));
}

}  // namespace portal::ui
