#include "ui/text_layout.hpp"

#include "ui/a11y.hpp"

#include <imgui.h>
#include "ui/imgui_private.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "ui/layout.hpp"

namespace portal::ui {
namespace {

bool is_blank(unsigned int c) { return c == ' ' || c == '\t' || c == 0x3000; }

bool is_cjk(unsigned int c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x20000 && c <= 0x2FFFF);
}

// Characters that must not begin a line (closing punctuation) or end one (opening punctuation).
bool no_line_start(unsigned int c) {
    static const std::u32string chars = U",.;:!?)]}%\u3001\u3002\uFF0C\uFF1B\uFF1A\uFF1F\uFF01\uFF09\u3011\u300B\u300D"
                                        U"\u300F\u3009\u201D\u2019\u2026\u00B7\u30FB";
    return chars.find(static_cast<char32_t>(c)) != std::u32string::npos;
}

bool no_line_end(unsigned int c) {
    static const std::u32string chars = U"([{\uFF08\u3010\u300A\u300C\u300E\u3008\u201C\u2018";
    return chars.find(static_cast<char32_t>(c)) != std::u32string::npos;
}

bool may_break_between(unsigned int before, unsigned int after) {
    if (is_blank(after)) return false;  // blanks hang at the end of the line
    if (no_line_start(after) || no_line_end(before)) return false;
    if (is_blank(before)) return true;
    if (is_cjk(before) || is_cjk(after)) return true;
    return before == '-' || before == '/';
}

unsigned int decode(std::string_view text, std::size_t at, std::size_t& length) {
    unsigned int c = 0;
    const char* begin = text.data() + at;
    const int n = ImTextCharFromUtf8(&c, begin, text.data() + text.size());
    length = n > 0 ? static_cast<std::size_t>(n) : 1;
    return c;
}

std::size_t skip_blanks(std::string_view text, std::size_t at) {
    while (at < text.size()) {
        std::size_t length = 0;
        if (!is_blank(decode(text, at, length))) break;
        at += length;
    }
    return at;
}

std::size_t trim_blanks_back(std::string_view text, std::size_t begin, std::size_t end) {
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    return end;
}

}  // namespace

std::vector<TextLine> break_lines(const ImFont* font, float size, std::string_view text, float width) {
    std::vector<TextLine> lines;
    const float scale = size / font->FontSize;
    std::size_t line_start = 0;
    while (line_start < text.size()) {
        float used = 0;
        std::size_t break_at = 0;  // 0: no opportunity seen on this line yet
        unsigned int previous = 0;
        std::size_t at = line_start;
        std::size_t line_end = text.size();
        std::size_t next_start = text.size();
        while (at < text.size()) {
            std::size_t length = 0;
            const unsigned int c = decode(text, at, length);
            if (c == '\n') {
                line_end = at;
                next_start = at + length;
                break;
            }
            if (at > line_start && may_break_between(previous, c)) break_at = at;
            const float advance = font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
            if (!is_blank(c) && at > line_start && used + advance > width) {
                line_end = break_at > line_start ? break_at : at;
                next_start = skip_blanks(text, line_end);
                break;
            }
            used += advance;
            previous = c;
            at += length;
        }
        lines.push_back(TextLine{line_start, trim_blanks_back(text, line_start, line_end)});
        line_start = next_start;
    }
    return lines;
}

float line_height() { return std::floor(ImGui::GetFontSize() * 1.45f); }

namespace {
std::string* g_drawn_text = nullptr;
}  // namespace

void capture_drawn_text(std::string* sink) { g_drawn_text = sink; }

void note_drawn_text(std::string_view text) {
    if (g_drawn_text == nullptr) return;
    g_drawn_text->append(text);
    g_drawn_text->push_back('\n');
}

void paragraph(std::string_view text, ImU32 colour) {
    if (text.empty()) return;
    note_drawn_text(text);
    const float width = std::max(40.0f, available_width());
    const std::vector<TextLine> lines = break_lines(ImGui::GetFont(), ImGui::GetFontSize(), text, width);
    if (colour != 0) ImGui::PushStyleColor(ImGuiCol_Text, colour);
    const float gap = line_height() - ImGui::GetFontSize();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, gap));
    ImVec2 first_line_min;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        // The last line keeps the normal spacing below it, so a paragraph sits like any other item.
        if (i + 1 == lines.size()) ImGui::PopStyleVar();
        ImGui::TextUnformatted(text.data() + lines[i].begin, text.data() + lines[i].end);
        if (i == 0) first_line_min = ImGui::GetItemRectMin();
    }
    if (!lines.empty()) a11y::text(text, first_line_min, ImGui::GetItemRectMax());
    if (colour != 0) ImGui::PopStyleColor();
}

void text_line(std::string_view text, ImU32 colour, int heading_level) {
    if (text.empty()) return;
    note_drawn_text(text);
    if (colour != 0) ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    if (colour != 0) ImGui::PopStyleColor();
    a11y::text(text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), heading_level);
}

float draw_clamped(ImDrawList* draw_list, const ImVec2& pos, float width, std::string_view text, ImU32 colour,
                   int max_lines) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const std::vector<TextLine> lines = break_lines(font, size, text, width);
    const int shown = std::min(static_cast<int>(lines.size()), max_lines);
    // The whole text, even where the card shows it cut short.
    if (shown > 0) a11y::text(text, pos, ImVec2(pos.x + width, pos.y + static_cast<float>(shown) * line_height()));
    for (int i = 0; i < shown; ++i) {
        const TextLine& line = lines[static_cast<std::size_t>(i)];
        std::string_view part = text.substr(line.begin, line.end - line.begin);
        std::string clipped;
        if (i + 1 == shown && static_cast<int>(lines.size()) > shown) {
            // Drop characters until the line and an ellipsis fit.
            const float ellipsis = font->CalcTextSizeA(size, FLT_MAX, 0, "…").x;
            std::size_t end = part.size();
            while (end > 0 && font->CalcTextSizeA(size, FLT_MAX, 0, part.data(), part.data() + end).x + ellipsis > width) {
                do --end;
                while (end > 0 && (static_cast<unsigned char>(part[end]) & 0xC0) == 0x80);
            }
            clipped = std::string(part.substr(0, end)) + "…";
            part = clipped;
        }
        const ImVec2 at(pos.x, pos.y + static_cast<float>(i) * line_height());
        draw_list->AddText(font, size, at, colour, part.data(), part.data() + part.size());
        note_drawn_text(part);
    }
    return static_cast<float>(shown) * line_height();
}

}  // namespace portal::ui
