// A data author's preview of a local policy file (app/preview.hpp): the entry point under the footer, the
// banner that stays above every view while a file is shown, and the notice for a file that could not be used.
#pragma once

#include "ui/view_context.hpp"

namespace portal::ui {

// Each draws nothing unless due; `width` caps the column like the view below it.
void draw_preview_banner(ViewContext& ctx, float width);
void draw_preview_error(ViewContext& ctx, float width);
// "Preview a local policy file": a quiet button for data authors; not on the booth.
void draw_preview_entry(ViewContext& ctx);

}  // namespace portal::ui
