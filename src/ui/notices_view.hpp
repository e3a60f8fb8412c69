// Notices above the views: policies the loader left out, a shared link that could not be read whole, a link the
// clipboard refused; and the page shown instead of the portal when the data could not be loaded at all.
#pragma once

#include "app/app_state.hpp"
#include "ui/fonts.hpp"
#include "ui/locator.hpp"
#include "ui/view_context.hpp"

namespace portal::ui {

// Each draws nothing unless its notice is due; `width` caps the notice's column like the view below it.
void draw_skipped_notice(ViewContext& ctx, float width);
void draw_link_notice(ViewContext& ctx, float width);
// On an English page whose policies' English texts are still on their way or could not be used (app/english.hpp).
void draw_english_notice(ViewContext& ctx, float width);
void draw_copy_failed(ViewContext& ctx, float width);

// The data could not be loaded: what happened, in the visitor's language.
void draw_fatal(const app::AppState& state, const Fonts& fonts, Locator& locator);

}  // namespace portal::ui
