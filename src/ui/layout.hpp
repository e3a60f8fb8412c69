// Responsive layout helpers. The portal is laid out in CSS pixels from a 360 px phone to a 4K screen:
// reading columns are centred and capped so lines stay readable, grids get more columns as space allows, and
// rows of small controls flow onto new lines instead of running off the edge.
#pragma once

#include <imgui.h>

namespace portal::ui {

// Breakpoints (CSS px of the window's width).
inline constexpr float kNarrow = 600.0f;     // below: phone layout (single column, stacked controls)
inline constexpr float kTwoColumns = 980.0f; // from here: side-by-side panels (check view)

// Caps for reading comfort.
inline constexpr float kReadingWidth = 860.0f;  // detail text
inline constexpr float kPageWidth = 1280.0f;    // check and compare
inline constexpr float kGridWidth = 1680.0f;    // explore cards

bool is_narrow();  // the main viewport is phone-sized

// A centred column at most `max_width` wide inside the current window. While it lives, available_width() and
// the helpers below measure against it. Nests.
class Column {
public:
    explicit Column(float max_width);
    ~Column();
    Column(const Column&) = delete;
    Column& operator=(const Column&) = delete;
    float width() const { return width_; }
    float left() const { return left_; }

private:
    float indent_ = 0;
    float width_ = 0;
    float left_ = 0;
    float previous_right_ = 0;
};

// Keeps the vertical scrollbar's width free in the current window while the window has no scrollbar, until
// destroyed: Columns inside it are laid out as if the scrollbar were there, so nothing narrows or moves sideways
// when the content grows long enough to scroll (or shrinks back). Construct it right after the window's Begin.
class ScrollbarReserve {
public:
    ScrollbarReserve();
    ~ScrollbarReserve();
    ScrollbarReserve(const ScrollbarReserve&) = delete;
    ScrollbarReserve& operator=(const ScrollbarReserve&) = delete;

private:
    ImGuiID previous_window_;
    float previous_width_;
};

// Sets the right edge the helpers measure against until destroyed (Column and panels use it). Nests.
class ColumnEdge {
public:
    explicit ColumnEdge(float right);
    ~ColumnEdge();
    ColumnEdge(const ColumnEdge&) = delete;
    ColumnEdge& operator=(const ColumnEdge&) = delete;

private:
    float previous_;
};

// Screen x of the current column's right edge, and the width left from the cursor to it.
float column_right();
float available_width();

// Places small items left to right, starting a new line when the next one would not fit the column.
class Flow {
public:
    explicit Flow(float spacing = -1.0f);
    // Call before submitting an item `width` pixels wide.
    void next(float width);

private:
    float spacing_;
    bool first_ = true;
};

}  // namespace portal::ui
