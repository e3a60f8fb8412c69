// Text entry in the browser. SDL 2.26 reads only `keypress` on the canvas, so Chinese input methods never reach
// the app, phones show no keyboard for a canvas, and there is no clipboard. The page keeps a real <input>
// (shell/text-input.js) that sits over the ImGui field being edited: the browser's IME composes into it (the
// candidate window appears next to the field), committed text and editing keys are forwarded here, and copy /
// paste go through the browser's clipboard.
#include "platform/web_text_input.hpp"
#include "platform/runner.hpp"
#include "ui/widgets.hpp"

#include <SDL.h>
#include <imgui.h>

#include <emscripten/emscripten.h>

#include <string>
#include <string_view>

// clang-format off
EM_JS(void, js_place_text_input, (int visible, float x, float y, float line_height, int kind), {
    if (window.portalTextInput) window.portalTextInput.place(!!visible, x, y, line_height, kind);
});
EM_JS(void, js_copy_to_clipboard, (const char* text), {
    const value = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).catch(() => {});
});
// clang-format on

namespace portal::platform {
namespace {

std::string& clipboard_text() {
    static std::string text;
    return text;
}

void set_platform_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
    const float zoom = layout_zoom();  // the page places its input in CSS pixels
    js_place_text_input(data->WantVisible ? 1 : 0, data->InputPos.x * zoom, data->InputPos.y * zoom,
                        data->InputLineHeight * zoom, static_cast<int>(ui::active_entry_kind()));
}

void set_clipboard(void*, const char* text) {
    clipboard_text() = text;
    js_copy_to_clipboard(text);
}

const char* get_clipboard(void*) { return clipboard_text().c_str(); }

struct NamedKey {
    std::string_view name;  // KeyboardEvent.key
    ImGuiKey key;
};

constexpr NamedKey kForwardedKeys[] = {
    {"Backspace", ImGuiKey_Backspace}, {"Delete", ImGuiKey_Delete},     {"Enter", ImGuiKey_Enter},
    {"Escape", ImGuiKey_Escape},       {"Tab", ImGuiKey_Tab},           {"ArrowLeft", ImGuiKey_LeftArrow},
    {"ArrowRight", ImGuiKey_RightArrow}, {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow},
    {"Home", ImGuiKey_Home},           {"End", ImGuiKey_End},           {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown},   {"a", ImGuiKey_A},               {"c", ImGuiKey_C},
    {"x", ImGuiKey_X},                 {"z", ImGuiKey_Z},               {"y", ImGuiKey_Y},
};

ImGuiKey key_from_name(std::string_view name) {
    for (const NamedKey& named : kForwardedKeys)
        if (named.name == name) return named.key;
    return ImGuiKey_None;
}

}  // namespace

void release_held_keys() {
    // SDL first: it drops a key-up it thinks needless and ignores a key-down it thinks repeated, so its own idea
    // of what is held must be reset too (it queues key-ups, which reach ImGui with the next frame's events).
    SDL_ResetKeyboard();
    if (ImGui::GetCurrentContext() == nullptr) return;
    // Then every key ImGui may hold, behind whatever is queued already: a key-down still in the queue is seen
    // first, so a press made just before the hand-over still counts once. ImGui skips the key-ups of keys it
    // does not hold.
    ImGuiIO& io = ImGui::GetIO();
    for (int key = ImGuiKey_NamedKey_BEGIN; key < ImGuiKey_GamepadStart; ++key) io.AddKeyEvent(static_cast<ImGuiKey>(key), false);
    for (ImGuiKey mod : {ImGuiMod_Ctrl, ImGuiMod_Shift, ImGuiMod_Alt, ImGuiMod_Super}) io.AddKeyEvent(mod, false);
}

void install_web_text_input() {
    ImGuiIO& io = ImGui::GetIO();
    io.SetPlatformImeDataFn = set_platform_ime_data;
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    io.ClipboardUserData = nullptr;
}

}  // namespace portal::platform

extern "C" {

// Committed text from the page's input (typed, composed by an IME, or pasted).
EMSCRIPTEN_KEEPALIVE void portal_text_input(const char* utf8) {
    if (ImGui::GetCurrentContext() == nullptr) return;
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
}

// An editing key pressed while the page's input has focus. mods: 1 ctrl, 2 shift, 4 alt, 8 meta.
// Returns 1 when the key was forwarded (the page then stops the browser's default action).
EMSCRIPTEN_KEEPALIVE int portal_key(const char* key_name, int down, int mods) {
    if (ImGui::GetCurrentContext() == nullptr) return 0;
    const ImGuiKey key = portal::platform::key_from_name(key_name);
    if (key == ImGuiKey_None) return 0;
    const bool is_letter = key >= ImGuiKey_A && key <= ImGuiKey_Z;
    const bool shortcut = (mods & (1 | 8)) != 0;
    if (is_letter && !shortcut) return 0;  // plain letters arrive as text, not keys
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, (mods & 1) != 0 || (mods & 8) != 0);
    io.AddKeyEvent(ImGuiMod_Shift, (mods & 2) != 0);
    io.AddKeyEvent(ImGuiMod_Alt, (mods & 4) != 0);
    io.AddKeyEvent(key, down != 0);
    return 1;
}

// Keyboard focus moved between the canvas and the page's input (or left the page): the key-ups of keys held now
// will land elsewhere, so they are given now (see "Who owns the keyboard" in shell/text-input.js).
EMSCRIPTEN_KEEPALIVE void portal_keyboard_moved() { portal::platform::release_held_keys(); }

// Text pasted into the page: becomes ImGui's clipboard too, so Ctrl+V inside the app pastes the same thing.
EMSCRIPTEN_KEEPALIVE void portal_clipboard_from_page(const char* utf8) {
    portal::platform::clipboard_text() = utf8;
}

}  // extern "C"
