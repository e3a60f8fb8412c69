// The one door to Dear ImGui's internals (imgui_internal.h): every file of the portal that needs them includes
// this header instead, and a test (tests/tools/test_single_sources.py) fails when one includes imgui_internal.h
// directly. Internals change without notice between releases, so the build stops here on another version
// instead of misbehaving quietly.
//
// What the portal uses, pinned to Dear ImGui 1.90.1:
//   - the active / focused widget and the text being edited (GImGui->ActiveId, InputTextState, GetActiveID,
//     SetActiveID, ClearActiveID, KeepAliveID, ImHashStr): the kiosk's wipe between visitors, finger scrolling,
//     the test hook's keyboard snapshot, search and answer fields that keep their text while being edited;
//   - windows (ImGuiWindow, HoveredWindow, FindWindowByID, FocusWindow, BringWindowToDisplayFront, Scroll,
//     StateStorage): scrolling the pane under a finger, the booth's layers, the wipe;
//   - drawing helpers (ImRect, RenderNavHighlight, PushItemFlag(ImGuiItemFlags_NoNav), ImTextCharFromUtf8):
//     keyboard focus rings on our own widgets, text layout by code point.
//   - the test-engine hooks (IMGUI_ENABLE_TEST_ENGINE: ImGuiTestEngineHook_ItemAdd / ItemInfo / Log, ImGuiItemStatusFlags)
//     and keyboard navigation (SetFocusID, NavRectRel, NavId): the accessibility mirror (ui/a11y.cpp) collects what
//     each frame submits and moves ImGui's focus to the node the page focused.
//
// Upgrade path. 1.91 makes PushItemFlag public and 1.91.4 renames RenderNavHighlight to RenderNavCursor; 1.92 brings
// dynamic fonts (ImFontAtlas rasterises glyphs on first use at any size), which retires ui/on_demand_glyphs.cpp
// and the font density rebuild in PortalUi::build_fonts / platform/runner.cpp (the renderer then uploads
// ImTextureData updates instead of our rows). To upgrade: bump the pinned source in scripts/deps.py, change
// the version below, build, fix what this header's list names, run tests/ui and the e2e suites.
#pragma once

#include <imgui.h>

static_assert(IMGUI_VERSION_NUM == 19010,
              "the portal uses Dear ImGui internals as of 1.90.1: see the upgrade path in ui/imgui_private.hpp");

#include <imgui_internal.h>

namespace portal::ui {

// A text field is being edited: its widget holds the mouse and the keyboard.
inline bool editing_text() {
    const ImGuiContext& g = *GImGui;
    return g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID;
}

}  // namespace portal::ui
