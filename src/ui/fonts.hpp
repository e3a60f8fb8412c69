// The portal's fonts: one bundled Noto Sans CJK SC subset at a few sizes, rasterised at the screen's density.
#pragma once

#include <vector>

#include "ui/on_demand_glyphs.hpp"

namespace portal::ui {

// Two full sizes only: each holds every glyph, and at 2x density one size of ~1,000 CJK glyphs is already
// about 4 MiB of texture, so more sizes would cost phones memory for little gain. The larger sizes hold only
// the characters they can show (the policies' titles, the booth's attract title).
struct Fonts {
    ImFont* body = nullptr;     // running text, controls, badges
    ImFont* heading = nullptr;  // page title, card titles, section headings
    ImFont* title = nullptr;    // a policy page's own title: the titles' characters only (heading when none)
    ImFont* display = nullptr;  // kiosk only: the attract screen's title and the countdown's number (few glyphs)
};

// Font sizes in CSS pixels; `scale` enlarges everything (the kiosk reads from a metre away).
struct FontSizes {
    float body = 16.0f;
    float heading = 21.0f;
    // Kiosk: a large size holding only `display_text`'s characters (and digits), so a big title stays sharp
    // without a third full-size copy of every glyph. 0 = none (`display` then points at the heading font).
    float display = 0.0f;
    const char* display_text = nullptr;
    // A policy page's title, rasterised at its own size so it stays sharp (an enlarged heading would blur),
    // holding only `title_text`'s characters (the loaded policies' titles). 0 = none (`title` = heading).
    float title = 0.0f;
    const char* title_text = nullptr;
};

// The title size relative to the heading: clearly above the section headings and the body text.
inline constexpr float kTitleScale = 1.3f;

// Rebuilds `atlas` from the font bytes with exactly the glyphs the app can display (generated at build time).
// `density` is device pixels per CSS pixel: glyphs are rasterised at that resolution so text is sharp on HiDPI
// screens without changing layout. Every glyph is laid out now but rasterised only when `glyphs` sees it drawn
// (OnDemandGlyphs::rasterise_used). Returns false (and leaves ImGui's built-in font) if the bytes are not a font.
bool build_fonts(ImFontAtlas& atlas, const std::vector<unsigned char>& font_file, float density, float scale,
                 const FontSizes& sizes, OnDemandGlyphs& glyphs, Fonts& out);

// Every character the app can display, as UTF-8 (the same set the font subset was made from).
const char* displayable_characters();

}  // namespace portal::ui
