// The portal's header: brand mark, title, "copy link" and the language toggle, then the tabs.
#pragma once

#include "ui/view_context.hpp"

namespace portal::ui {

// Draws the header across the root window from the cursor down and leaves the cursor below it.
void draw_header(ViewContext& ctx);

}  // namespace portal::ui
