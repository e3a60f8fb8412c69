#include "ui/theme.hpp"

namespace portal::ui {

namespace {

const Palette kStandard;
const Palette* g_palette = &kStandard;

}  // namespace

const Palette& palette() { return *g_palette; }

void use_palette(Contrast contrast) { g_palette = contrast == Contrast::more ? &kMoreContrast : &kStandard; }

void apply_theme(ImGuiStyle& style, float scale) {
    const Palette& p = palette();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(20, 16);
    style.FramePadding = ImVec2(12, 8);
    style.CellPadding = ImVec2(10, 7);
    style.ItemSpacing = ImVec2(10, 10);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.TouchExtraPadding = ImVec2(0, 0);
    style.IndentSpacing = 20;
    style.ScrollbarSize = 14;
    style.GrabMinSize = 14;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = 1;
    style.WindowRounding = 0;
    style.ChildRounding = 10;
    style.FrameRounding = 8;
    style.PopupRounding = 8;
    style.ScrollbarRounding = 8;
    style.GrabRounding = 8;
    style.TabRounding = 8;
    style.SelectableTextAlign = ImVec2(0.0f, 0.5f);
    style.ButtonTextAlign = ImVec2(0.5f, 0.5f);
    style.AntiAliasedLines = true;
    style.AntiAliasedFill = true;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.text_muted;
    c[ImGuiCol_WindowBg] = p.page;
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = p.surface;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = p.surface;
    c[ImGuiCol_FrameBgHovered] = p.surface_alt;
    c[ImGuiCol_FrameBgActive] = p.accent_soft;
    c[ImGuiCol_TitleBg] = p.surface;
    c[ImGuiCol_TitleBgActive] = p.surface;
    c[ImGuiCol_TitleBgCollapsed] = p.surface;
    c[ImGuiCol_MenuBarBg] = p.surface;
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = p.border;
    c[ImGuiCol_ScrollbarGrabHovered] = p.text_muted;
    c[ImGuiCol_ScrollbarGrabActive] = p.accent;
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_SliderGrab] = p.accent;
    c[ImGuiCol_SliderGrabActive] = p.accent_active;
    c[ImGuiCol_Button] = p.surface;
    c[ImGuiCol_ButtonHovered] = p.accent_soft;
    c[ImGuiCol_ButtonActive] = p.accent_soft;
    c[ImGuiCol_Header] = p.accent_soft;
    c[ImGuiCol_HeaderHovered] = p.surface_alt;
    c[ImGuiCol_HeaderActive] = p.accent_soft;
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_SeparatorHovered] = p.accent;
    c[ImGuiCol_SeparatorActive] = p.accent;
    c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ResizeGripHovered] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ResizeGripActive] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Tab] = p.surface;
    c[ImGuiCol_TabHovered] = p.accent_soft;
    c[ImGuiCol_TabActive] = p.accent;
    c[ImGuiCol_TabUnfocused] = p.surface;
    c[ImGuiCol_TabUnfocusedActive] = p.accent;
    c[ImGuiCol_TableHeaderBg] = p.surface_alt;
    c[ImGuiCol_TableBorderStrong] = p.border;
    c[ImGuiCol_TableBorderLight] = p.border;
    c[ImGuiCol_TableRowBg] = p.surface;
    c[ImGuiCol_TableRowBgAlt] = p.page;
    c[ImGuiCol_TextSelectedBg] = p.accent_soft;
    c[ImGuiCol_NavHighlight] = p.focus;
    c[ImGuiCol_NavWindowingHighlight] = p.focus;
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.1f, 0.12f, 0.15f, 0.45f);

    style.ScaleAllSizes(scale);
}

}  // namespace portal::ui
