// Explore: find policies by search, filters and sort; each a card that opens its details.
#pragma once

#include "ui/view_context.hpp"

namespace portal::ui {

void draw_explore(ViewContext& ctx);

}  // namespace portal::ui
