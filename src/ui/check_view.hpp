// Check: the eligibility questionnaire, the answers so far, and the live results.
#pragma once

#include "ui/view_context.hpp"

namespace portal::ui {

void draw_check(ViewContext& ctx);

}  // namespace portal::ui
