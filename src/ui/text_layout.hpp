// Line breaking for mixed Chinese and Latin text. ImGui's own wrapping breaks only at spaces, so a Chinese
// sentence after a number ("2018 年后毕业的…") jumps whole to the next line and leaves a ragged gap; here
// every CJK character is a break opportunity, Latin words stay whole, and the basic kinsoku rules hold (no line
// starts with "，。）" and the like, none ends with "（《").
#pragma once

#include <string_view>
#include <vector>

struct ImFont;
struct ImDrawList;
typedef unsigned int ImU32;
struct ImVec2;

namespace portal::ui {

struct TextLine {
    std::size_t begin = 0;  // byte offsets into the text
    std::size_t end = 0;
};

// Lines of `text` no wider than `width` pixels at `size` (a word wider than a line is cut anywhere).
// "\n" always breaks. Blanks at the start of a wrapped line are dropped.
std::vector<TextLine> break_lines(const ImFont* font, float size, std::string_view text, float width);

// Draws `text` through the window's layout, one ImGui text item per line, wrapped to the space left in the
// current column (see layout.hpp). `colour` 0 means the style's text colour.
void paragraph(std::string_view text, ImU32 colour = 0);

// One line of text as an ImGui text item (what views use instead of ImGui::TextUnformatted, so the accessibility
// mirror reads it too). `heading_level` 1..3 makes it a heading of the outline: 1 the view, 2 a section, 3 a part
// of a section. `colour` 0 means the style's text colour.
void text_line(std::string_view text, ImU32 colour = 0, int heading_level = 0);

// Draws at most `max_lines` lines at `pos` with the current font, ending the last with "…" when the text is
// longer. Returns the height used. For fixed-size cards, where layout items are not wanted.
float draw_clamped(ImDrawList* draw_list, const ImVec2& pos, float width, std::string_view text, ImU32 colour,
                   int max_lines);

// While a sink is set, every text that paragraph(), draw_clamped() and badges draw is appended to it, one line
// each, so tests can read what a frame says (ImGui's own log stops at the end of each window). nullptr stops it.
void capture_drawn_text(std::string* sink);
void note_drawn_text(std::string_view text);

// Line height used by paragraph() and draw_clamped() for the current font: a little air for CJK.
float line_height();

}  // namespace portal::ui
