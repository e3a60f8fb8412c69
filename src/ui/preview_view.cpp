#include "ui/preview_view.hpp"

#include <string>

#include "app/preview.hpp"
#include "ui/format.hpp"
#include "ui/layout.hpp"
#include "ui/text_layout.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace portal::ui {

namespace {

// A long report must not push the portal off the screen: the first lines say where to start.
constexpr std::size_t kShownProblems = 12;

// Each problem as policyctl prints it (core::to_string): "file:3:7: error: …", "file: /ptr: warning [code]: …".
void draw_problems(ViewContext& ctx, const app::Preview& preview) {
    const Palette& p = palette();
    const std::size_t count = preview.problems.size();
    paragraph(count == 0 ? std::string(ctx.t(str::preview_clean)) : fill(ctx.t(str::preview_problems), static_cast<int>(count)),
              colour(p.text));
    for (std::size_t i = 0; i < count && i < kShownProblems; ++i) {
        const app::PreviewProblem& problem = preview.problems[i];
        const bool error = problem.severity == core::Severity::error;
        paragraph("• " + core::to_string(problem), colour(error ? p.danger : p.text_muted));
        ctx.locator.mark("preview:problem:" + std::to_string(i));
    }
    if (count > kShownProblems) paragraph(fill(ctx.t(str::preview_more), static_cast<int>(count - kShownProblems)), colour(p.text_muted));
    if (!preview.linted) paragraph(ctx.t(str::preview_not_linted), colour(p.text_muted));
}

}  // namespace

void draw_preview_banner(ViewContext& ctx, float width) {
    if (!ctx.state.preview) return;
    const app::Preview& preview = *ctx.state.preview;
    const Palette& p = palette();
    Column column(width);
    begin_panel(14.0f);
    paragraph(fill(ctx.t(str::preview_banner), preview.file.c_str()), colour(p.warning));
    draw_problems(ctx, preview);
    if (button(ctx.t(str::preview_close), "preview:close", ButtonKind::primary)) {
        ctx.intents.push([](app::AppState& s) { app::close_preview(s); });
    }
    ctx.locator.mark("preview:close");
    end_panel(&p.warning_soft, &p.warning);
    ctx.locator.mark("preview:banner");
    vertical_space(4.0f);
}

void draw_preview_error(ViewContext& ctx, float width) {
    if (ctx.state.preview_error.empty()) return;
    const Palette& p = palette();
    Column column(width);
    begin_panel(14.0f);
    paragraph("⚠ " + std::string(ctx.t(str::preview_failed)), colour(p.danger));
    paragraph(ctx.state.preview_error, colour(p.text));
    ctx.locator.mark("preview:error");
    if (button(ctx.t(str::dismiss), "preview:dismiss", ButtonKind::secondary)) {
        ctx.intents.push([](app::AppState& s) { app::dismiss_preview_error(s); });
    }
    ctx.locator.mark("preview:dismiss");
    end_panel(&p.surface, &p.border);
    vertical_space(4.0f);
}

void draw_preview_entry(ViewContext& ctx) {
    if (ctx.booth != nullptr || ctx.state.kiosk.settings.enabled) return;
    if (button(ctx.t(str::preview_open), "preview:open", ButtonKind::quiet)) {
        ctx.intents.push([](app::AppState& s) { app::request_preview_file(s); });
    }
    ctx.locator.mark("preview:open");
}

}  // namespace portal::ui
