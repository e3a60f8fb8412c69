#include "ui/on_demand_glyphs.hpp"

#include <algorithm>
#include <climits>
#include <cmath>

// The program's one stb_truetype is compiled with Dear ImGui (cmake/PortalDeps.cmake); this file includes its
// declarations as imgui_draw.cpp does, stb_rect_pack first so both see the same packing types.
#include <imstb_rectpack.h>
#include <imstb_truetype.h>

namespace portal::ui {

struct OnDemandGlyphs::Source {
    stbtt_fontinfo info{};
    float scale = 0.0f;          // font units to texture pixels
    float inverse_density = 1.0f;  // texture pixels to CSS pixels
};

namespace {
// Texture cells of this many texels a side index the glyph rectangles for the per-vertex lookup.
constexpr int kCellSize = 32;

// ImGui's own rule for the atlas width (ImFontAtlasBuildWithStbTruetype), applied to the rectangles it cannot
// see as glyphs: without it ImGui would size the texture for the inkless glyphs alone and make it very tall.
int atlas_width_for(long long surface) {
    const int side = static_cast<int>(std::sqrt(static_cast<double>(surface))) + 1;
    return side >= 4096 * 0.7f ? 4096 : side >= 2048 * 0.7f ? 2048 : side >= 1024 * 0.7f ? 1024 : 512;
}

// IM_ROUND, as ImFont::AddGlyph snaps advances.
float round_like_imgui(float value) { return static_cast<float>(static_cast<int>(value + 0.5f)); }
}  // namespace

OnDemandGlyphs::OnDemandGlyphs() = default;
OnDemandGlyphs::~OnDemandGlyphs() = default;

void OnDemandGlyphs::reset() {
    sources_.clear();
    glyphs_.clear();
    inkless_ranges_.clear();
    cell_start_.clear();
    cell_glyphs_.clear();
    cell_columns_ = cell_rows_ = 0;
    waiting_ = 0;
    surface_ = 0;
}

ImFont* OnDemandGlyphs::add_font(ImFontAtlas& atlas, const std::vector<unsigned char>& font_file, float size_px,
                                 const ImFontConfig& config, const ImWchar* ranges) {
    auto source = std::make_unique<Source>();
    const unsigned char* data = font_file.data();
    const int offset = stbtt_GetFontOffsetForIndex(data, config.FontNo);
    if (offset < 0 || stbtt_InitFont(&source->info, data, offset) == 0) return nullptr;
    // The same scale ImGui's builder uses, so boxes and advances come out identical to an eager build.
    source->scale = stbtt_ScaleForPixelHeight(&source->info, size_px * config.RasterizerDensity);
    source->inverse_density = 1.0f / config.RasterizerDensity;

    struct Inked {
        ImWchar codepoint;
        int glyph_index;
        int x0, y0, x1, y1;
    };
    std::vector<Inked> inked;
    std::vector<ImWchar> inkless;
    for (const ImWchar* range = ranges; range[0] != 0; range += 2) {
        for (unsigned int c = range[0]; c <= range[1]; ++c) {
            const int glyph_index = stbtt_FindGlyphIndex(&source->info, static_cast<int>(c));
            if (glyph_index == 0) continue;  // not in the font: ImGui's builder skips these too
            int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
            stbtt_GetGlyphBitmapBoxSubpixel(&source->info, glyph_index, source->scale, source->scale, 0.0f, 0.0f,
                                            &x0, &y0, &x1, &y1);
            if (x1 > x0 && y1 > y0)
                inked.push_back({static_cast<ImWchar>(c), glyph_index, x0, y0, x1, y1});
            else
                inkless.push_back(static_cast<ImWchar>(c));
        }
    }

    // ImGui rasterises the inkless glyphs (nothing to draw, but they need their advance); at least a space, so
    // the font is never empty.
    if (inkless.empty()) inkless.push_back(' ');
    std::vector<ImWchar>& eager = inkless_ranges_.emplace_back();
    for (const ImWchar c : inkless) eager.insert(eager.end(), {c, c});
    eager.push_back(0);
    ImFont* font = atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(font_file.size()),
                                              size_px, &config, eager.data());
    if (font == nullptr) return nullptr;

    const int source_index = static_cast<int>(sources_.size());
    const int padding = atlas.TexGlyphPadding;
    for (const Inked& glyph : inked) {
        int advance = 0, left_bearing = 0;
        stbtt_GetGlyphHMetrics(&source->info, glyph.glyph_index, &advance, &left_bearing);
        float advance_x = source->scale * static_cast<float>(advance) * source->inverse_density;
        if (config.PixelSnapH) advance_x = round_like_imgui(advance_x);
        advance_x += config.GlyphExtraSpacing.x;
        Glyph entry;
        entry.font = font;
        entry.source = source_index;
        entry.codepoint = glyph.codepoint;
        entry.glyph_index = glyph.glyph_index;
        entry.box_x0 = glyph.x0;
        entry.box_y0 = glyph.y0;
        entry.width = glyph.x1 - glyph.x0;
        entry.height = glyph.y1 - glyph.y0;
        entry.rect_id = atlas.AddCustomRectFontGlyph(font, glyph.codepoint, entry.width + padding,
                                                     entry.height + padding, advance_x);
        surface_ += static_cast<long long>(entry.width + padding) * (entry.height + padding);
        glyphs_.push_back(entry);
    }
    sources_.push_back(std::move(source));
    atlas.TexDesiredWidth = atlas_width_for(surface_);
    return font;
}

void OnDemandGlyphs::finish_build(ImFontAtlas& atlas) {
    const float u_scale = 1.0f / static_cast<float>(atlas.TexWidth);
    const float v_scale = 1.0f / static_cast<float>(atlas.TexHeight);
    for (Glyph& glyph : glyphs_) {
        const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(glyph.rect_id);
        glyph.x = rect->X;
        glyph.y = rect->Y;
        // ImGui registered the rectangle (padding included) as the glyph's quad at 1:1; give it the box and
        // offsets ImGui's stb_truetype builder computes (ImFontAtlasBuildWithStbTruetype, step 9).
        auto* target = const_cast<ImFontGlyph*>(glyph.font->FindGlyphNoFallback(glyph.codepoint));
        if (target == nullptr) continue;
        const float inverse_density = sources_[glyph.source]->inverse_density;
        const float offset_y = round_like_imgui(glyph.font->Ascent);
        target->X0 = static_cast<float>(glyph.box_x0) * inverse_density;
        target->Y0 = static_cast<float>(glyph.box_y0) * inverse_density + offset_y;
        target->X1 = static_cast<float>(glyph.box_x0 + glyph.width) * inverse_density;
        target->Y1 = static_cast<float>(glyph.box_y0 + glyph.height) * inverse_density + offset_y;
        target->U0 = static_cast<float>(glyph.x) * u_scale;
        target->V0 = static_cast<float>(glyph.y) * v_scale;
        target->U1 = static_cast<float>(glyph.x + glyph.width) * u_scale;
        target->V1 = static_cast<float>(glyph.y + glyph.height) * v_scale;
    }
    waiting_ = static_cast<int>(glyphs_.size());
    index_cells(atlas);
}

// A glyph claims its rectangle including the right and bottom edges: a quad's far corner samples there, and
// the packing padding keeps that texel free of any other glyph.
void OnDemandGlyphs::index_cells(const ImFontAtlas& atlas) {
    cell_columns_ = (atlas.TexWidth + kCellSize) / kCellSize;
    cell_rows_ = (atlas.TexHeight + kCellSize) / kCellSize;
    cell_start_.assign(static_cast<std::size_t>(cell_columns_) * cell_rows_ + 1, 0);
    const auto for_each_cell = [](const Glyph& glyph, auto&& visit) {
        for (int row = glyph.y / kCellSize; row <= (glyph.y + glyph.height) / kCellSize; ++row)
            for (int column = glyph.x / kCellSize; column <= (glyph.x + glyph.width) / kCellSize; ++column)
                visit(row, column);
    };
    for (const Glyph& glyph : glyphs_)
        for_each_cell(glyph, [&](int row, int column) { ++cell_start_[row * cell_columns_ + column + 1]; });
    for (std::size_t i = 1; i < cell_start_.size(); ++i) cell_start_[i] += cell_start_[i - 1];
    cell_glyphs_.assign(static_cast<std::size_t>(cell_start_.back()), 0);
    std::vector<int> filled(cell_start_.begin(), cell_start_.end() - 1);
    for (int i = 0; i < static_cast<int>(glyphs_.size()); ++i)
        for_each_cell(glyphs_[i], [&](int row, int column) { cell_glyphs_[filled[row * cell_columns_ + column]++] = i; });
}

int OnDemandGlyphs::glyph_at(float tx, float ty) const {
    // Outside the texture (or NaN): no glyph, and no integer overflow below.
    if (!(tx >= 0.0f && ty >= 0.0f && tx < static_cast<float>(cell_columns_ * kCellSize) &&
          ty < static_cast<float>(cell_rows_ * kCellSize)))
        return -1;
    const int column = static_cast<int>(tx) / kCellSize;
    const int row = static_cast<int>(ty) / kCellSize;
    const int cell = row * cell_columns_ + column;
    for (int k = cell_start_[cell]; k < cell_start_[cell + 1]; ++k) {
        const Glyph& glyph = glyphs_[cell_glyphs_[k]];
        if (tx >= static_cast<float>(glyph.x) && tx <= static_cast<float>(glyph.x + glyph.width) &&
            ty >= static_cast<float>(glyph.y) && ty <= static_cast<float>(glyph.y + glyph.height))
            return cell_glyphs_[k];
    }
    return -1;
}

void OnDemandGlyphs::rasterise(const Glyph& glyph, ImFontAtlas& atlas) const {
    const Source& source = *sources_[glyph.source];
    unsigned char* at = atlas.TexPixelsAlpha8 + glyph.x + static_cast<std::ptrdiff_t>(glyph.y) * atlas.TexWidth;
    // The call ImGui's builder makes for each glyph (stbtt_PackFontRangesRenderIntoRects, no oversampling).
    stbtt_MakeGlyphBitmapSubpixel(&source.info, at, glyph.width, glyph.height, atlas.TexWidth, source.scale,
                                  source.scale, 0.0f, 0.0f, glyph.glyph_index);
}

OnDemandGlyphs::Rows OnDemandGlyphs::rasterise_used(const ImDrawData& draw_data, ImFontAtlas& atlas) {
    Rows rows{INT_MAX, 0};
    if (waiting_ == 0 || atlas.TexPixelsAlpha8 == nullptr) return {};
    const float width = static_cast<float>(atlas.TexWidth);
    const float height = static_cast<float>(atlas.TexHeight);
    const ImVec2 white = atlas.TexUvWhitePixel;
    for (int n = 0; n < draw_data.CmdListsCount; ++n) {
        const ImVector<ImDrawVert>& vertices = draw_data.CmdLists[n]->VtxBuffer;
        for (const ImDrawVert& vertex : vertices) {
            if (vertex.uv.x == white.x && vertex.uv.y == white.y) continue;  // shapes, not text
            const int index = glyph_at(vertex.uv.x * width, vertex.uv.y * height);
            if (index < 0 || glyphs_[index].rasterised) continue;
            Glyph& glyph = glyphs_[index];
            rasterise(glyph, atlas);
            glyph.rasterised = true;
            --waiting_;
            rows.first = std::min(rows.first, glyph.y);
            rows.end = std::max(rows.end, glyph.y + glyph.height);
        }
    }
    return rows.end > 0 ? rows : Rows{};
}

}  // namespace portal::ui
