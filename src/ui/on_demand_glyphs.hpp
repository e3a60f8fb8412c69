// Glyphs rasterised when they are first drawn, not when the atlas is built.
//
// The portal can display ~900 CJK characters at two sizes, but a screen shows a few hundred of them. Building
// the whole atlas up front was the largest part of a start in the browser (docs/PERFORMANCE.md, section 6).
// Dear ImGui 1.90 cannot add glyphs to a built atlas, so every glyph is still laid out at build time, with the
// exact box, offsets and advance ImGui's own builder would give it (so text measures and wraps the same), as a
// custom rectangle that ImGui packs and registers; only the pixels are left for later. Before a frame is drawn,
// its vertices are checked against the rectangles not yet rasterised, and those glyphs are rasterised then.
//
// Inkless glyphs (spaces) have no rectangle; ImGui's builder handles them as before.
#pragma once

#include <memory>
#include <vector>

#include <imgui.h>

namespace portal::ui {

class OnDemandGlyphs {
public:
    OnDemandGlyphs();
    ~OnDemandGlyphs();
    OnDemandGlyphs(const OnDemandGlyphs&) = delete;
    OnDemandGlyphs& operator=(const OnDemandGlyphs&) = delete;

    // Forget everything: the atlas is about to be cleared and rebuilt.
    void reset();

    // Adds the font at `size_px` (CSS pixels) rasterised at `config.RasterizerDensity`, holding every character
    // of `ranges` that the font has. Call before atlas.Build(); `font_file` must outlive this object's use.
    ImFont* add_font(ImFontAtlas& atlas, const std::vector<unsigned char>& font_file, float size_px,
                     const ImFontConfig& config, const ImWchar* ranges);

    // After atlas.Build(): gives the waiting glyphs their final boxes and texture coordinates.
    void finish_build(ImFontAtlas& atlas);

    // Rasterises every waiting glyph that `draw_data` uses. Returns the texture rows that changed (first, end)
    // or an empty range {0, 0} when nothing did.
    struct Rows {
        int first = 0;
        int end = 0;
        bool empty() const { return end <= first; }
    };
    Rows rasterise_used(const ImDrawData& draw_data, ImFontAtlas& atlas);

    int waiting_count() const { return waiting_; }
    int glyph_count() const { return static_cast<int>(glyphs_.size()); }

private:
    struct Source;  // one font file at one size (stb_truetype's parsed tables)
    struct Glyph {
        ImFont* font = nullptr;
        int source = 0;
        ImWchar codepoint = 0;
        int glyph_index = 0;  // in the font file
        int box_x0 = 0, box_y0 = 0;  // ink box in texture pixels, relative to the pen position
        int width = 0, height = 0;
        int rect_id = -1;  // ImGui's custom rectangle
        int x = 0, y = 0;  // where the rectangle was packed
        bool rasterised = false;
    };

    void index_cells(const ImFontAtlas& atlas);
    int glyph_at(float tx, float ty) const;
    void rasterise(const Glyph& glyph, ImFontAtlas& atlas) const;

    std::vector<std::unique_ptr<Source>> sources_;
    std::vector<Glyph> glyphs_;
    // ImGui keeps pointers into these until the next build (growing the outer vector moves the inner ones,
    // which keeps their buffers where they are).
    std::vector<std::vector<ImWchar>> inkless_ranges_;
    // The texture divided into square cells; each cell lists the glyph rectangles that touch it (CSR form).
    int cell_columns_ = 0;
    int cell_rows_ = 0;
    std::vector<int> cell_start_;
    std::vector<int> cell_glyphs_;
    int waiting_ = 0;
    long long surface_ = 0;  // texels of all rectangles so far, for the atlas width
};

}  // namespace portal::ui
