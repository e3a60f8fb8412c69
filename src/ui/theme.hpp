// The portal's look: a light, calm public-service palette with one accent colour, generous spacing and
// rounded controls, so the app reads as a web portal rather than a developer tool.
#pragma once

#include <imgui.h>

namespace portal::ui {

// Named colours, used by views for meaning-bearing elements (status, badges) so one palette rules everywhere.
// Every text colour here keeps at least 4.5:1 contrast on its background (WCAG AA).
struct Palette {
    ImVec4 page{0.961f, 0.969f, 0.980f, 1.0f};         // #F5F7FA page background
    ImVec4 surface{1.0f, 1.0f, 1.0f, 1.0f};            // #FFFFFF cards, panels
    ImVec4 surface_alt{0.925f, 0.941f, 0.961f, 1.0f};  // #ECF0F5 subtle fills, table stripes
    ImVec4 border{0.820f, 0.847f, 0.882f, 1.0f};       // #D1D8E1
    ImVec4 text{0.118f, 0.161f, 0.200f, 1.0f};         // #1E2933
    ImVec4 text_muted{0.310f, 0.365f, 0.424f, 1.0f};   // #4F5D6C
    ImVec4 accent{0.047f, 0.427f, 0.643f, 1.0f};       // #0C6DA4 Cao'e river blue
    ImVec4 accent_hover{0.035f, 0.361f, 0.553f, 1.0f};
    ImVec4 accent_active{0.024f, 0.290f, 0.455f, 1.0f};
    ImVec4 accent_soft{0.871f, 0.933f, 0.969f, 1.0f};  // #DEEEF7 selected rows, chips
    ImVec4 on_accent{1.0f, 1.0f, 1.0f, 1.0f};
    ImVec4 youth{0.702f, 0.278f, 0.0f, 1.0f};          // #B34700 warm highlight for headline values (5.5:1 on white)
    ImVec4 success{0.106f, 0.467f, 0.224f, 1.0f};      // #1B7739 eligible / confirmed
    ImVec4 success_soft{0.886f, 0.953f, 0.906f, 1.0f};
    ImVec4 warning{0.612f, 0.380f, 0.0f, 1.0f};        // #9C6100 maybe / secondary
    ImVec4 warning_soft{0.996f, 0.953f, 0.851f, 1.0f};
    ImVec4 danger{0.706f, 0.137f, 0.137f, 1.0f};       // #B42323 not eligible
    ImVec4 danger_soft{0.984f, 0.898f, 0.898f, 1.0f};
    ImVec4 focus{0.957f, 0.620f, 0.0f, 1.0f};          // keyboard focus ring, visible on every surface
};

const Palette& palette();

// Applies the palette and spacing to ImGui's style. `scale` enlarges sizes for the kiosk.
void apply_theme(ImGuiStyle& style, float scale);

}  // namespace portal::ui
