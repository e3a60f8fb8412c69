#include "ui/fonts.hpp"

#include <imgui.h>

namespace portal::ui {
namespace {
#include "portal_glyphs.inc"  // generated: static const char kPortalGlyphs[]

const ImWchar* glyph_ranges() {
    // Built once: the ranges must outlive every atlas build that points at them.
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder builder;
        builder.AddText(kPortalGlyphs);
        builder.AddChar(0xFFFD);  // shown for any character a foreign data file brings that we lack
        builder.BuildRanges(&ranges);
    }
    return ranges.Data;
}
}  // namespace

const char* displayable_characters() { return kPortalGlyphs; }

bool build_fonts(ImFontAtlas& atlas, const std::vector<unsigned char>& font_file, float density, float scale,
                 const FontSizes& sizes, Fonts& out) {
    atlas.Clear();
    out = Fonts{};
    if (font_file.size() < 4) {
        out.body = out.heading = atlas.AddFontDefault();
        return false;
    }
    auto add = [&](float size_px) {
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;  // the bytes live in the UI and are reused on every rebuild
        config.RasterizerDensity = density;
        config.OversampleH = 1;  // density already gives full resolution; oversampling would only grow the atlas
        config.OversampleV = 1;
        config.PixelSnapH = true;
        void* data = const_cast<unsigned char*>(font_file.data());
        return atlas.AddFontFromMemoryTTF(data, static_cast<int>(font_file.size()), size_px * scale, &config,
                                          glyph_ranges());
    };
    out.body = add(sizes.body);
    out.heading = add(sizes.heading);
    if (out.body == nullptr || out.heading == nullptr || !atlas.Build()) {
        atlas.Clear();
        out.body = out.heading = atlas.AddFontDefault();
        return false;
    }
    return true;
}

}  // namespace portal::ui
