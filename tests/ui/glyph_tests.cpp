// On-demand glyphs (ui/on_demand_glyphs.*): text must measure, place and look exactly as with ImGui's own eager
// atlas build, and only the glyphs a frame draws are rasterised.
#include "headless_portal.hpp"
#include "ui/fonts.hpp"

#include <doctest/doctest.h>
#include <imgui.h>
#include "ui/imgui_private.hpp"  // ImTextCharFromUtf8

#include <cmath>
#include <string>
#include <vector>

namespace {

std::vector<unsigned char> font_bytes() {
    const std::string text = portal::test::read_text_file(PORTAL_FONT_FILE);
    return {text.begin(), text.end()};
}

const ImWchar* every_displayable_range() {
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder builder;
        builder.AddText(portal::ui::displayable_characters());
        builder.BuildRanges(&ranges);
    }
    return ranges.Data;
}

// The reference: ImGui rasterising every glyph at build time, with the configuration build_fonts uses.
ImFont* eager_font(ImFontAtlas& atlas, std::vector<unsigned char>& bytes, float size, float density) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.RasterizerDensity = density;
    config.OversampleH = config.OversampleV = 1;
    config.PixelSnapH = true;
    ImFont* font = atlas.AddFontFromMemoryTTF(bytes.data(), static_cast<int>(bytes.size()), size, &config,
                                              every_displayable_range());
    REQUIRE(atlas.Build());
    return font;
}

struct Pixels {
    std::vector<unsigned char> values;
    int width = 0, height = 0;
};

Pixels glyph_pixels(ImFontAtlas& atlas, const ImFontGlyph& glyph) {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    Pixels out;
    const int x0 = static_cast<int>(glyph.U0 * static_cast<float>(width) + 0.5f);
    const int y0 = static_cast<int>(glyph.V0 * static_cast<float>(height) + 0.5f);
    out.width = static_cast<int>(glyph.U1 * static_cast<float>(width) + 0.5f) - x0;
    out.height = static_cast<int>(glyph.V1 * static_cast<float>(height) + 0.5f) - y0;
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x) out.values.push_back(pixels[(y0 + y) * width + x0 + x]);
    return out;
}

bool blank(const Pixels& pixels) {
    for (const unsigned char value : pixels.values)
        if (value != 0) return false;
    return true;
}

}  // namespace

TEST_CASE("glyphs laid out on demand have the boxes, offsets and advances of ImGui's eager build") {
    for (const float density : {1.0f, 1.25f, 2.0f}) {
        CAPTURE(density);
        std::vector<unsigned char> bytes = font_bytes();
        ImFontAtlas eager_atlas;
        const ImFont* eager = eager_font(eager_atlas, bytes, 21.0f, density);
        ImFontAtlas lazy_atlas;
        portal::ui::OnDemandGlyphs glyphs;
        portal::ui::Fonts fonts;
        REQUIRE(portal::ui::build_fonts(lazy_atlas, bytes, density, 1.0f, portal::ui::FontSizes{}, glyphs, fonts));
        const ImFont* lazy = fonts.heading;

        REQUIRE(lazy->Glyphs.Size == eager->Glyphs.Size);
        CHECK(glyphs.glyph_count() > 1500);  // two sizes of ~900 characters, less the spaces
        CHECK(lazy->FontSize == eager->FontSize);
        CHECK(lazy->Ascent == eager->Ascent);
        CHECK(lazy->FallbackChar == eager->FallbackChar);
        CHECK(lazy->EllipsisChar == eager->EllipsisChar);
        int compared = 0;
        for (const ImFontGlyph& expected : eager->Glyphs) {
            const ImFontGlyph* actual = lazy->FindGlyphNoFallback(static_cast<ImWchar>(expected.Codepoint));
            REQUIRE(actual != nullptr);
            CAPTURE(expected.Codepoint);
            CHECK(actual->X0 == expected.X0);
            CHECK(actual->Y0 == expected.Y0);
            CHECK(actual->X1 == expected.X1);
            CHECK(actual->Y1 == expected.Y1);
            CHECK(actual->AdvanceX == expected.AdvanceX);
            CHECK(actual->Visible == expected.Visible);
            // The same number of texels in the texture, wherever they were packed.
            CHECK(glyph_pixels(lazy_atlas, *actual).width == glyph_pixels(eager_atlas, expected).width);
            CHECK(glyph_pixels(lazy_atlas, *actual).height == glyph_pixels(eager_atlas, expected).height);
            ++compared;
        }
        CHECK(compared > 800);
        // The same text measures the same.
        const char* sample = "上虞青春之城 · 零元创业，零元入住 Maker City 2024!";
        CHECK(lazy->CalcTextSizeA(21.0f, 600.0f, 300.0f, sample).x == eager->CalcTextSizeA(21.0f, 600.0f, 300.0f, sample).x);
    }
}

TEST_CASE("a frame rasterises exactly the glyphs it draws, with the pixels ImGui's eager build gives them") {
    std::vector<unsigned char> bytes = font_bytes();
    ImFontAtlas eager_atlas;
    const ImFont* eager = eager_font(eager_atlas, bytes, 16.0f, 2.0f);

    ImFontAtlas atlas;
    portal::ui::OnDemandGlyphs glyphs;
    portal::ui::Fonts fonts;
    REQUIRE(portal::ui::build_fonts(atlas, bytes, 2.0f, 1.0f, portal::ui::FontSizes{}, glyphs, fonts));
    ImGuiContext* context = ImGui::CreateContext(&atlas);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800.0f, 600.0f);
    io.DeltaTime = 1.0f / 60.0f;
    const std::string drawn = "零元创业 Youth";
    const std::string not_drawn = "贷款";
    auto codepoint = [](const char* utf8) {
        unsigned int c = 0;
        ImTextCharFromUtf8(&c, utf8, nullptr);
        return static_cast<ImWchar>(c);
    };
    for (const char* c : {"零", "Y", "贷"}) CHECK(blank(glyph_pixels(atlas, *fonts.body->FindGlyphNoFallback(codepoint(c)))));
    const int waiting_before = glyphs.waiting_count();

    auto draw = [&](const std::string& text) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);  // a fixed size: an auto-sized window skips its first frame
        ImGui::Begin("text", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::PushFont(fonts.body);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopFont();
        ImGui::End();
        ImGui::Render();
        return glyphs.rasterise_used(*ImGui::GetDrawData(), atlas);
    };
    const auto rows = draw(drawn);
    CHECK_FALSE(rows.empty());
    CHECK(rows.end <= atlas.TexHeight);
    // Nine different inked characters (零元创业 and Youth; the space has no ink).
    CHECK(waiting_before - glyphs.waiting_count() == 9);

    for (const char* c : {"零", "元", "创", "业", "Y", "o", "u", "t", "h"}) {
        CAPTURE(c);
        const Pixels expected = glyph_pixels(eager_atlas, *eager->FindGlyphNoFallback(codepoint(c)));
        const Pixels actual = glyph_pixels(atlas, *fonts.body->FindGlyphNoFallback(codepoint(c)));
        CHECK_FALSE(blank(actual));
        CHECK(actual.values == expected.values);
    }
    for (const char* c : {"贷", "款"}) {
        CAPTURE(c);
        CHECK(blank(glyph_pixels(atlas, *fonts.body->FindGlyphNoFallback(codepoint(c)))));
        CHECK(blank(glyph_pixels(atlas, *fonts.heading->FindGlyphNoFallback(codepoint(c)))));
    }
    // Nothing new: nothing to do. New text: only its new glyphs.
    CHECK(draw(drawn).empty());
    const int waiting = glyphs.waiting_count();
    CHECK_FALSE(draw(drawn + not_drawn).empty());
    CHECK(waiting - glyphs.waiting_count() == 2);
    CHECK(glyph_pixels(atlas, *fonts.body->FindGlyphNoFallback(codepoint("贷"))).values ==
          glyph_pixels(eager_atlas, *eager->FindGlyphNoFallback(codepoint("贷"))).values);

    // Vertices whose coordinates are not in the atlas at all (another texture, NaN) are passed over.
    ImDrawList list(ImGui::GetDrawListSharedData());
    list._ResetForNewFrame();
    list.PushClipRectFullScreen();
    list.AddImage(ImTextureID{}, ImVec2(0, 0), ImVec2(10, 10), ImVec2(5.0f, -3.0f), ImVec2(1e30f, std::nanf("")));
    ImDrawData foreign;
    foreign.CmdLists.push_back(&list);
    foreign.CmdListsCount = 1;
    const int before_foreign = glyphs.waiting_count();
    CHECK(glyphs.rasterise_used(foreign, atlas).empty());
    CHECK(glyphs.waiting_count() == before_foreign);
    ImGui::DestroyContext(context);
}
