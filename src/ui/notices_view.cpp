#include "ui/notices_view.hpp"

#include <string>

#include "app/share_link.hpp"
#include "ui/format.hpp"
#include "ui/layout.hpp"
#include "ui/text_layout.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace portal::ui {

void draw_skipped_notice(ViewContext& ctx, float width) {
    const auto& skipped = ctx.catalog.skipped;
    if (skipped.empty() || ctx.state.skipped_notice_dismissed) return;
    const Palette& p = palette();
    Column column(width);
    begin_panel(16.0f);
    paragraph("⚠ " + fill(ctx.t(str::skipped_notice), static_cast<int>(skipped.size())), colour(p.warning));
    for (const core::SkippedPolicy& policy : skipped) {
        std::string why;
        for (const core::Diagnostic& d : policy.diagnostics) {
            if (d.severity != core::Severity::error) continue;
            why = (d.pointer.empty() ? "" : d.pointer + ": ") + d.message;
            break;
        }
        const std::string name = policy.id.empty() ? "?" : policy.id;
        paragraph("• " + fill(ctx.t(str::skipped_entry), static_cast<int>(policy.index) + 1, name.c_str(), why.c_str()),
                  colour(p.text_muted));
    }
    if (button(ctx.t(str::dismiss), "notice:dismiss", ButtonKind::secondary)) {
        ctx.intents.push([](app::AppState& s) { app::dismiss_skipped_notice(s); });
    }
    ctx.locator.mark("notice:dismiss");
    end_panel(&p.warning_soft, &p.border);
    ctx.locator.mark("notice:skipped");
    vertical_space(4.0f);
}

// A shared link that could not be read whole: say so briefly, show what could be used.
void draw_link_notice(ViewContext& ctx, float width) {
    if (!ctx.state.link_notice) return;
    const Palette& p = palette();
    Column column(width);
    begin_panel(14.0f);
    paragraph("⚠ " + std::string(ctx.t(str::link_notice)), colour(p.warning));
    if (button(ctx.t(str::dismiss), "notice:link", ButtonKind::secondary)) {
        ctx.intents.push([](app::AppState& s) { app::dismiss_link_notice(s); });
    }
    ctx.locator.mark("notice:link");
    end_panel(&p.warning_soft, &p.border);
    vertical_space(4.0f);
}

// One quiet line while the policies' English is on its way (they show in Chinese meanwhile, each marked so); a
// warning with the reason when it could not be used.
void draw_english_notice(ViewContext& ctx, float width) {
    const app::EnglishNotice notice = app::english_notice(ctx.state);
    if (notice == app::EnglishNotice::none) return;
    const Palette& p = palette();
    Column column(width);
    if (notice == app::EnglishNotice::loading) {
        paragraph(ctx.t(str::english_loading), colour(p.text_muted));
    } else {
        begin_panel(14.0f);
        paragraph("⚠ " + fill(ctx.t(str::english_unavailable), app::english_problem(ctx.state).c_str()), colour(p.warning));
        end_panel(&p.warning_soft, &p.border);
    }
    ctx.locator.mark("notice:english");
    vertical_space(4.0f);
}

// The clipboard refused the link: show it, so the visitor can still copy it by hand.
void draw_copy_failed(ViewContext& ctx, float width) {
    if (ctx.state.share_feedback != app::AppState::ShareFeedback::failed) return;
    const Palette& p = palette();
    Column column(width);
    begin_panel(14.0f);
    if (ctx.state.preview) {
        paragraph(ctx.t(str::preview_no_link), colour(p.text));
    } else {
        paragraph(ctx.t(str::copy_failed), colour(p.text));
        std::string link = app::share_url(ctx.state, ctx.state.share_with_answers);
        text_field("##link-text", "", link, -1.0f, ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
        ctx.locator.mark("link-text");
    }
    if (button(ctx.t(str::dismiss), "notice:copy", ButtonKind::secondary)) {
        ctx.intents.push([](app::AppState& s) { s.share_feedback = app::AppState::ShareFeedback::none; });
    }
    end_panel(&p.surface, &p.border);
    vertical_space(4.0f);
}

void draw_fatal(const app::AppState& state, const Fonts& fonts, Locator& locator) {
    const Palette& p = palette();
    Column column(kReadingWidth);
    vertical_space(24.0f);
    begin_panel(24.0f);
    ImGui::PushFont(fonts.heading);
    paragraph("⚠ " + std::string(tr(state.lang, str::fatal_title)), colour(p.danger));
    ImGui::PopFont();
    locator.mark("error");
    paragraph(tr(state.lang, str::fatal_body));
    paragraph(state.error, colour(p.text_muted));
    end_panel(&p.danger_soft, &p.border);
}

}  // namespace portal::ui
