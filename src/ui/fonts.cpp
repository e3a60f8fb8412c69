#include "ui/fonts.hpp"

#include <imgui.h>

#include <string>

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
// A large size's few glyphs. The atlas keeps pointing at `ranges` until its next build, so each size keeps its
// own storage, rebuilt only when its text changes.
struct FewGlyphs {
    std::string built_for;
    ImVector<ImWchar> ranges;

    const ImWchar* ranges_for(const char* text, const char* also) {
        if (ranges.empty() || built_for != text) {
            ImFontGlyphRangesBuilder builder;
            builder.AddText(text);
            builder.AddText(also);
            builder.AddChar(0xFFFD);
            ranges.clear();
            builder.BuildRanges(&ranges);
            built_for = text;
        }
        return ranges.Data;
    }
};

const ImWchar* display_ranges(const char* text) {
    static FewGlyphs glyphs;
    return glyphs.ranges_for(text, "0123456789 ");
}

const ImWchar* title_ranges(const char* text) {
    static FewGlyphs glyphs;
    return glyphs.ranges_for(text, " ");
}
}  // namespace

const char* displayable_characters() { return kPortalGlyphs; }

bool build_fonts(ImFontAtlas& atlas, const std::vector<unsigned char>& font_file, float density, float scale,
                 const FontSizes& sizes, OnDemandGlyphs& glyphs, Fonts& out) {
    const auto start_afresh = [&] {
        atlas.Clear();
        atlas.TexDesiredWidth = 0;  // ImGui's own choice, unless the glyphs set one
        glyphs.reset();
    };
    start_afresh();
    out = Fonts{};
    if (font_file.size() < 4) {
        out.body = out.heading = out.display = out.title = atlas.AddFontDefault();
        return false;
    }
    auto add = [&](float size_px, const ImWchar* ranges) {
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;  // the bytes live in the UI and are reused on every rebuild
        config.RasterizerDensity = density;
        config.OversampleH = 1;  // density already gives full resolution; oversampling would only grow the atlas
        config.OversampleV = 1;
        config.PixelSnapH = true;
        return glyphs.add_font(atlas, font_file, size_px * scale, config, ranges);
    };
    out.body = add(sizes.body, glyph_ranges());
    out.heading = add(sizes.heading, glyph_ranges());
    out.display = sizes.display > 0 && sizes.display_text != nullptr ? add(sizes.display, display_ranges(sizes.display_text))
                                                                     : out.heading;
    out.title = sizes.title > 0 && sizes.title_text != nullptr ? add(sizes.title, title_ranges(sizes.title_text)) : out.heading;
    if (out.body == nullptr || out.heading == nullptr || out.display == nullptr || out.title == nullptr || !atlas.Build()) {
        start_afresh();
        out.body = out.heading = out.display = out.title = atlas.AddFontDefault();
        return false;
    }
    glyphs.finish_build(atlas);
    return true;
}

}  // namespace portal::ui
