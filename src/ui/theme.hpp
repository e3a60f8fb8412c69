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

// The same roles for a visitor whose system asks for more contrast (prefers-contrast: more, or forced colours):
// white surfaces, black text, every text colour at least 7:1 (WCAG AAA), borders and the focus ring at least
// 3:1 against what they sit on, so a field's edge is seen. Listed in Palette's member order, each with its name.
inline const Palette kMoreContrast{
    ImVec4{1.000f, 1.000f, 1.000f, 1.0f},  // #FFFFFF page
    ImVec4{1.000f, 1.000f, 1.000f, 1.0f},  // #FFFFFF surface
    ImVec4{0.933f, 0.945f, 0.957f, 1.0f},  // #EEF1F4 surface_alt
    ImVec4{0.267f, 0.314f, 0.361f, 1.0f},  // #44505C border
    ImVec4{0.000f, 0.000f, 0.000f, 1.0f},  // #000000 text
    ImVec4{0.153f, 0.192f, 0.231f, 1.0f},  // #27313B text_muted
    ImVec4{0.000f, 0.290f, 0.486f, 1.0f},  // #004A7C accent
    ImVec4{0.000f, 0.227f, 0.388f, 1.0f},  // #003A63 accent_hover
    ImVec4{0.000f, 0.169f, 0.290f, 1.0f},  // #002B4A accent_active
    ImVec4{0.863f, 0.918f, 0.961f, 1.0f},  // #DCEAF5 accent_soft
    ImVec4{1.000f, 1.000f, 1.000f, 1.0f},  // #FFFFFF on_accent
    ImVec4{0.478f, 0.188f, 0.000f, 1.0f},  // #7A3000 youth
    ImVec4{0.039f, 0.322f, 0.137f, 1.0f},  // #0A5223 success
    ImVec4{0.882f, 0.949f, 0.902f, 1.0f},  // #E1F2E6 success_soft
    ImVec4{0.361f, 0.231f, 0.000f, 1.0f},  // #5C3B00 warning
    ImVec4{0.992f, 0.945f, 0.839f, 1.0f},  // #FDF1D6 warning_soft
    ImVec4{0.541f, 0.063f, 0.063f, 1.0f},  // #8A1010 danger
    ImVec4{0.980f, 0.890f, 0.890f, 1.0f},  // #FAE3E3 danger_soft
    ImVec4{0.761f, 0.306f, 0.000f, 1.0f},  // #C24E00 focus
};

enum class Contrast { standard, more };

// The palette in use: the standard one unless use_palette() chose more contrast.
const Palette& palette();
void use_palette(Contrast contrast);

// Applies the palette in use and the spacing to ImGui's style. `scale` enlarges sizes for the kiosk.
void apply_theme(ImGuiStyle& style, float scale);

}  // namespace portal::ui
