// The portal's own controls, drawn over ImGui's item system so they keep keyboard navigation, hover and the
// amber focus ring: buttons in three weights, filter chips with counts, badges, cards, section headings.
// Every widget that carries meaning pairs its colour with a symbol or words.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

namespace portal::ui {

ImU32 colour(const ImVec4& c);

enum class ButtonKind {
    primary,    // the one main action of a panel: accent fill
    secondary,  // white with a border
    quiet,      // text only, in the accent colour (links, "back")
    selected,   // a chosen option: accent-soft fill, accent border
};

// `id` makes the ImGui id unique when labels repeat ("修改" on every answer). width 0 = fit the label,
// negative = fill the rest of the column. `align` places the label: 0 left, 0.5 centre.
bool button(std::string_view label, std::string_view id, ButtonKind kind = ButtonKind::secondary, float width = 0,
            bool enabled = true, float align = 0.5f);
float button_width(std::string_view label);
float button_height();

// While it lives (and `active`), buttons are at least a fingertip tall: 44 px, the usual minimum touch target.
inline constexpr float kTouchTarget = 44.0f;
class TouchTargets {
public:
    explicit TouchTargets(bool active);
    ~TouchTargets();
    TouchTargets(const TouchTargets&) = delete;
    TouchTargets& operator=(const TouchTargets&) = delete;

private:
    float previous_;
};
// Lowers the next text item so it sits on the same baseline as a row of buttons.
void align_text_to_buttons();

// A single-line text field editing `text` in place, as tall as the buttons. Returns what InputText returns
// (edited, or Enter with ImGuiInputTextFlags_EnterReturnsTrue).
// What a text field holds, so a phone can show the keyboard that fits (the page's input takes it as inputmode).
enum class EntryKind { text, decimal, numeric };
bool text_field(const char* id, const char* hint, std::string& text, float width, ImGuiInputTextFlags flags = 0,
                EntryKind kind = EntryKind::text);
// The kind of the text field being edited in the last frame (text when none is).
EntryKind active_entry_kind();

// A filter chip: "✓ 住房保障  4" when selected. `count` < 0 hides the count.
bool chip(std::string_view label, int count, bool selected, std::string_view id);
float chip_width(std::string_view label, int count, bool selected);

// A small pill of text, drawn as a layout item or straight onto a draw list (cards).
struct BadgeStyle {
    ImVec4 text;
    ImVec4 fill;
};
void badge(std::string_view label, const BadgeStyle& style);
float badge_width(std::string_view label);
float badge_height();
void draw_badge(ImDrawList* draw_list, const ImVec2& pos, std::string_view label, const BadgeStyle& style);

// A heading in the heading font with space above it, at an outline level (2 a section, 3 a part of one).
void section_heading(ImFont* font, std::string_view title, int level = 2);

// A rounded white panel behind content drawn between begin_panel() and end_panel() (channels put the fill
// under the content whatever its height).
void begin_panel(float padding = 18.0f);
void end_panel(const ImVec4* fill = nullptr, const ImVec4* border = nullptr);

// The last item is under the mouse. A finger that has lifted hovers nothing (a tapped button must not look
// chosen afterwards).
bool pointer_over_last_item();

// The amber ring around the last item when it has keyboard focus (ImGui draws it for its own widgets; custom
// drawn ones call this).
void focus_ring_for_last_item();

void vertical_space(float pixels);

}  // namespace portal::ui
