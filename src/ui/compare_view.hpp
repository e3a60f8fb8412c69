// Compare: the chosen policies side by side.
#pragma once

#include "ui/view_context.hpp"

namespace portal::ui {

void draw_compare(ViewContext& ctx);

}  // namespace portal::ui
