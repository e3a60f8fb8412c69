#include "ui/layout.hpp"

#include "ui/imgui_private.hpp"

#include <algorithm>
#include <cmath>

namespace portal::ui {
namespace {

// The right edge of the innermost Column; 0 = none (the window's content edge is used).
float g_column_right = 0.0f;

// The window whose scrollbar width is kept free (ScrollbarReserve), and how much is kept: 0 while it scrolls.
ImGuiID g_reserve_window = 0;
float g_reserve_width = 0.0f;

float reserved_here() {
    return g_reserve_window != 0 && ImGui::GetCurrentWindow()->ID == g_reserve_window ? g_reserve_width : 0.0f;
}

}  // namespace

bool is_narrow() { return ImGui::GetMainViewport()->WorkSize.x < kNarrow; }

ScrollbarReserve::ScrollbarReserve() : previous_window_(g_reserve_window), previous_width_(g_reserve_width) {
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    g_reserve_window = window->ID;
    g_reserve_width = window->ScrollbarY ? 0.0f : ImGui::GetStyle().ScrollbarSize;
}

ScrollbarReserve::~ScrollbarReserve() {
    g_reserve_window = previous_window_;
    g_reserve_width = previous_width_;
}

ColumnEdge::ColumnEdge(float right) : previous_(g_column_right) { g_column_right = right; }
ColumnEdge::~ColumnEdge() { g_column_right = previous_; }

Column::Column(float max_width) {
    const float avail = ImGui::GetContentRegionAvail().x - reserved_here();
    width_ = std::min(avail, max_width);
    indent_ = std::floor((avail - width_) * 0.5f);
    if (indent_ > 0) ImGui::Indent(indent_);
    left_ = ImGui::GetCursorScreenPos().x;
    previous_right_ = g_column_right;
    g_column_right = left_ + width_;
}

Column::~Column() {
    if (indent_ > 0) ImGui::Unindent(indent_);
    g_column_right = previous_right_;
}

float column_right() {
    const float window_right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    return g_column_right > 0 ? std::min(g_column_right, window_right) : window_right;
}

float available_width() { return column_right() - ImGui::GetCursorScreenPos().x; }

Flow::Flow(float spacing) : spacing_(spacing < 0 ? ImGui::GetStyle().ItemSpacing.x : spacing) {}

void Flow::next(float width) {
    if (!first_) {
        const float x = ImGui::GetItemRectMax().x + spacing_;
        if (x + width <= column_right() + 0.5f) ImGui::SameLine(0, spacing_);
    }
    first_ = false;
}

}  // namespace portal::ui
