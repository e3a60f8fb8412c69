// The accessibility mirror's collection point: what ImGui submitted in a frame, as a list of nodes a page can
// turn into real DOM elements (shell/a11y-mirror.js) for screen readers and the keyboard.
//
// Every item ImGui adds reaches us through its test-engine hooks (IMGUI_ENABLE_TEST_ENGINE, defined for the
// whole build: ImGuiTestEngineHook_ItemAdd with the item's id and rectangle, ImGuiTestEngineHook_ItemInfo with
// its label and status: checkable, checked, openable, inputable). The portal's own widgets draw their labels
// by hand over InvisibleButton("##id"), so they add what ImGui cannot know through the same collector
// (describe_last_item), and the text functions (paragraph, text_line, draw_clamped, badges, headings, the booth's
// centred text) add the text they draw with its rectangle (text): ImGui's own text items have no id, so its hooks
// never see them. The locator's ids, given right after each named widget, become the nodes'
// stable keys. No view describes itself twice: a widget that is drawn is mirrored, one that is not is not.
//
// Roles: from the item's status (inputable: textbox; checkable: checkbox; openable: button with expanded), from
// the widget (toggle buttons are pressed or not), and from the locator id's prefix for what a view means by
// a button (tab:, link:, policy: and result: cards). Names: the label without ImGui's "##id" suffix, else the
// text drawn inside the item's rectangle (a card is named by what it shows, as an HTML link is).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct ImRect;

namespace portal::ui::a11y {

enum class Role : std::uint8_t { none, button, checkbox, textbox, searchbox, tab, link, heading, text };

// A pressed / not pressed state for buttons that stand for a choice (an answer option, a sort order).
enum class Toggle : std::uint8_t { none, off, on };

struct Node {
    std::string key;           // the locator id, or a key derived from the ImGui id / the text
    Role role = Role::none;
    std::string name;          // accessible name in the current language
    std::string value;         // a text field's contents
    float x = 0, y = 0, w = 0, h = 0;  // the visible part, layout pixels (w = h = 0: scrolled out of view)
    bool disabled = false, checked = false, checkable = false, pressed = false, pressable = false,
         expandable = false, expanded = false, selected = false, focused = false;
    int level = 0;             // headings: 1 the view, 2 a section, 3 a part of a section
    bool invalid = false;      // a field whose answer was refused
    std::string error_key;     // the key of the text saying why (invalid fields)
    std::string dialog;        // the name of the dialog the node is in ("" when on the page)
    bool urgent = false;       // the dialog asks for an answer now (said assertively when it opens)
    ImGuiID id = 0;            // 0 for text
    ImGuiID window = 0;
    ImVec2 full_min, full_max; // the whole item rectangle (scrolled out of view included), screen coordinates
};

// Collects one frame at a time. Install() makes it the receiver of ImGui's hooks for the current context.
class Collector {
public:
    void install();    // call once the ImGui context exists; then every frame is collected
    void begin_frame();
    // Ends the frame: names, roles, order. `selected_tab` is the locator id of the tab showing.
    void end_frame(std::string_view selected_tab);

    const std::vector<Node>& nodes() const { return shown_; }
    const Node* find(std::string_view key) const;
    const std::string& focused_key() const { return focused_key_; }

    // Hooks (called from the ImGuiTestEngineHook_* functions and the portal's widgets).
    void item_add(ImGuiID id, const ImRect& bb, bool disabled);
    void item_info(ImGuiID id, const char* label, int status_flags);
    void describe(std::string_view label, Role role, Toggle toggle, std::string_view value);
    void text(std::string_view text, const ImVec2& min, const ImVec2& max, int heading_level);
    void key_last_item(std::string_view key);
    // The current window stands over the page as a dialog named `name`; `urgent`: it must be answered now.
    void dialog(std::string_view name, bool urgent);

private:
    struct Entry {
        Node node;
        std::string label;  // from ImGui (may carry "##id")
        int status = 0;
        bool labelled = false;   // ImGui gave its label: a widget (child panes and scrollbars get none)
        bool described = false;  // a portal widget gave role and name
        bool consumed = false;   // a text that became an item's name
    };
    Entry* item_entry(ImGuiID id);
    void name_from_content();
    void link_errors();
    struct Dialog {
        std::string name;
        bool urgent = false;
    };
    std::unordered_map<ImGuiID, Dialog> dialogs_;

    std::vector<Entry> drawing_;
    std::unordered_map<ImGuiID, std::size_t> index_;
    std::vector<Node> shown_;
    std::string focused_key_;
};

// The collector of the current ImGui context (nullptr when none is installed: headless tests that do not ask).
Collector* current();

// For the portal's widgets, right after drawing one (each is a no-op without a collector).
void describe_last_item(std::string_view label, Role role = Role::button, Toggle toggle = Toggle::none,
                        std::string_view value = {});
void text(std::string_view text, const ImVec2& min, const ImVec2& max, int heading_level = 0);

// The window being drawn is a dialog over the page (see Collector::dialog).
void dialog(std::string_view name, bool urgent = false);

const char* role_name(Role role);

}  // namespace portal::ui::a11y
