// Details of the selected policy (state.selected).
#pragma once

#include "ui/view_context.hpp"

namespace portal::ui {

void draw_detail(ViewContext& ctx);

}  // namespace portal::ui
