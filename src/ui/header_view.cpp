#include "ui/header_view.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "app/share_link.hpp"
#include "ui/format.hpp"
#include "ui/layout.hpp"
#include "ui/text_layout.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace portal::ui {

namespace {

void draw_brand_mark(ImDrawList* dl, const ImVec2& pos, float size) {
    const Palette& p = palette();
    dl->AddRectFilled(pos, ImVec2(pos.x + size, pos.y + size), colour(p.accent), 8.0f);
    // Two waves: the Cao'e river that runs through Shangyu.
    for (int i = 0; i < 2; ++i) {
        const float y = pos.y + size * (0.42f + 0.22f * static_cast<float>(i));
        dl->AddBezierCubic(ImVec2(pos.x + size * 0.18f, y), ImVec2(pos.x + size * 0.38f, y - size * 0.16f),
                           ImVec2(pos.x + size * 0.62f, y + size * 0.16f), ImVec2(pos.x + size * 0.82f, y),
                           colour(i == 0 ? p.on_accent : p.youth), 2.5f);
    }
}

// "Copy link" turns into "Copied ✓" once the clipboard took the link (until the next click anywhere).
std::string share_button_label(const ViewContext& ctx) {
    if (ctx.state.share_feedback == app::AppState::ShareFeedback::copied && !ctx.state.share_with_answers)
        return ctx.t(str::link_copied);
    return ctx.t(str::copy_link);
}

void draw_title_row(ViewContext& ctx, bool narrow) {
    const Palette& p = palette();
    const float mark = 34.0f;
    const float row_h = std::max(mark, button_height());  // touch targets may be taller than the mark
    const ImVec2 start = ImGui::GetCursorScreenPos();
    draw_brand_mark(ImGui::GetWindowDrawList(), ImVec2(start.x, start.y + (row_h - mark) * 0.5f), mark);
    const char* toggle = ctx.t(narrow ? str::other_language_short : str::other_language);
    const float toggle_w = button_width(toggle);
    // The kiosk has no clipboard to offer a passer-by: its results leave by QR code (the bottom bar).
    const bool kiosk = ctx.booth != nullptr;
    const std::string share = kiosk ? std::string() : share_button_label(ctx);
    const float share_w = kiosk ? 0.0f : button_width(share);
    const float title_x = start.x + mark + 12.0f;
    const float title_w = column_right() - toggle_w - share_w - 20.0f - title_x;

    // A phone's title takes the body size, on two lines when it must, rather than being cut off.
    const char* title = ctx.t(narrow ? str::app_title_short : str::app_title);
    ImGui::PushFont(ctx.fonts.heading);
    const bool heading_fits = ImGui::CalcTextSize(title).x <= title_w;
    ImGui::PopFont();
    ImGui::PushFont(heading_fits || !narrow ? ctx.fonts.heading : ctx.fonts.body);
    const int lines = ImGui::CalcTextSize(title).x <= title_w || !narrow ? 1 : 2;
    const float text_h = ImGui::GetFontSize() + static_cast<float>(lines - 1) * line_height();
    draw_clamped(ImGui::GetWindowDrawList(), ImVec2(title_x, std::floor(start.y + (row_h - text_h) * 0.5f - 1.0f)), title_w,
                 title, colour(p.accent_active), lines);
    ImGui::PopFont();

    const float button_y = start.y + (row_h - button_height()) * 0.5f;
    if (!kiosk) {
        ImGui::SetCursorScreenPos(ImVec2(column_right() - toggle_w - 8.0f - share_w, button_y));
        if (button(share, "copy-link", ButtonKind::quiet)) ctx.intents.push([](app::AppState& s) { app::request_share(s, false); });
        ctx.locator.mark("copy-link");
    }
    ImGui::SetCursorScreenPos(ImVec2(column_right() - toggle_w, button_y));
    if (button(toggle, "lang", ButtonKind::secondary)) ctx.intents.push([](app::AppState& s) { app::switch_language(s); });
    ctx.locator.mark("lang");
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + row_h));
    ImGui::Dummy(ImVec2(1.0f, 1.0f));
    if (!narrow) paragraph(ctx.t(str::tagline), colour(p.text_muted));
}

struct Tab {
    app::View view;
    const char* id;
    const Phrase* label;
    const Phrase* short_label;
};

std::string tab_label(const ViewContext& ctx, const Tab& tab, bool narrow) {
    if (tab.view == app::View::compare && !ctx.state.compare.empty())
        return fill(ctx.t(str::tab_compare_count), static_cast<int>(ctx.state.compare.size()));
    return ctx.t(narrow ? *tab.short_label : *tab.label);
}

// Tabs: the active one is underlined as well as coloured, so it never rests on colour alone.
void draw_tabs(ViewContext& ctx, bool narrow) {
    static const Tab tabs[] = {{app::View::explore, "tab:explore", &str::tab_explore, &str::tab_explore},
                               {app::View::check, "tab:check", &str::tab_check, &str::tab_check_short},
                               {app::View::compare, "tab:compare", &str::tab_compare, &str::tab_compare}};
    const Palette& p = palette();
    const app::View shown = ctx.state.view == app::View::detail ? ctx.state.detail_return : ctx.state.view;
    const float equal = std::floor((available_width() - 8.0f * 2) / 3.0f);
    for (const Tab& tab : tabs) {
        if (&tab != &tabs[0]) ImGui::SameLine(0, 8.0f);
        const std::string label = tab_label(ctx, tab, narrow);
        const bool active = shown == tab.view;
        if (button(label, tab.id, ButtonKind::quiet, narrow ? equal : 0)) {
            const app::View view = tab.view;
            ctx.intents.push([view](app::AppState& s) { app::show_view(s, view); });
        }
        ctx.locator.mark(tab.id);
        if (active) {
            const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(min.x + 8.0f, max.y + 2.0f), ImVec2(max.x - 8.0f, max.y + 5.0f),
                                                      colour(p.accent), 2.0f);
        }
    }
}

}  // namespace

void draw_header(ViewContext& ctx) {
    const Palette& p = palette();
    const bool narrow = is_narrow();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImDrawListSplitter splitter;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    splitter.Split(dl, 2);
    splitter.SetCurrentChannel(dl, 1);
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + (narrow ? 10.0f : 14.0f)));
    {
        // The same margins as the content below, so the header lines up with it at every width.
        const float margin = narrow ? 12.0f : 20.0f;
        ImGui::Indent(margin);
        Column column(std::min(kGridWidth, ImGui::GetContentRegionAvail().x - margin));
        TouchTargets touch(narrow);  // a phone's header is tapped: fingertip-sized buttons
        draw_title_row(ctx, narrow);
        vertical_space(narrow ? 0.0f : 2.0f);
        draw_tabs(ctx, narrow);
        ImGui::Unindent(margin);
    }
    const float bottom = ImGui::GetItemRectMax().y + 6.0f;
    splitter.SetCurrentChannel(dl, 0);
    const float width = ImGui::GetWindowWidth();
    dl->AddRectFilled(ImVec2(top.x, top.y), ImVec2(top.x + width, bottom), colour(p.surface));
    dl->AddLine(ImVec2(top.x, bottom), ImVec2(top.x + width, bottom), colour(p.border));
    splitter.Merge(dl);
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom + 1.0f));
}

}  // namespace portal::ui
