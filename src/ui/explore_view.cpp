// Explore: search box, sort, filter chips with counts, and the policies as cards in a responsive grid. Only the
// rows of cards on screen are built (ImGuiListClipper), so the list stays fast with thousands of policies.
#include "ui/explore_view.hpp"

#include <imgui.h>
#include "ui/imgui_private.hpp"

#include <algorithm>
#include <cmath>

#include "core/search.hpp"
#include "ui/a11y.hpp"
#include "ui/format.hpp"
#include "ui/layout.hpp"
#include "ui/policy_bits.hpp"
#include "ui/text_layout.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace portal::ui {
namespace {

constexpr float kCardMinWidth = 300.0f;
constexpr float kCardGap = 16.0f;
constexpr float kCardPad = 16.0f;
constexpr int kMaxColumns = 4;

// ---- search and sort --------------------------------------------------------------------------------------------

struct SortChoice {
    app::SortOrder order;
    const Phrase* label;
    const char* id;
};
constexpr SortChoice kSorts[] = {{app::SortOrder::relevance, &str::sort_relevance, "sort:relevance"},
                                 {app::SortOrder::value, &str::sort_value, "sort:value"},
                                 {app::SortOrder::name, &str::sort_name, "sort:name"}};

float sort_width(const ViewContext& ctx) {
    float width = ImGui::CalcTextSize(ctx.t(str::sort_label)).x + 8.0f;
    for (const SortChoice& s : kSorts) width += button_width(ctx.t(*s.label)) + 4.0f;
    return width;
}

void draw_sort(ViewContext& ctx) {
    ImGui::BeginGroup();
    align_text_to_buttons();
    text_line(ctx.t(str::sort_label), colour(palette().text_muted));
    for (const SortChoice& s : kSorts) {
        ImGui::SameLine(0, s.order == app::SortOrder::relevance ? 8.0f : 4.0f);
        const bool active = ctx.state.sort == s.order;
        if (button(ctx.t(*s.label), s.id, active ? ButtonKind::selected : ButtonKind::secondary)) {
            const app::SortOrder order = s.order;
            ctx.intents.push([order](app::AppState& st) { app::set_sort(st, order); });
        }
        ctx.locator.mark(s.id);
    }
    ImGui::EndGroup();
    ctx.locator.mark("sort");
}

// The (x) that empties the search box stands at the field's right end, beside it rather than over it (a button
// over another item only takes a click on the frame after it was hovered). Its place is kept while the box is
// empty, so the field never changes width as the first letter is typed.
void draw_clear_search(ViewContext& ctx, float size) {
    ImGui::SameLine(0, 4.0f);
    if (ctx.state.query.empty()) {
        ImGui::Dummy(ImVec2(size, size));
        return;
    }
    const bool pressed = button("×", "search:clear", ButtonKind::quiet, size);
    a11y::describe_last_item(ctx.t(str::clear_search));  // a screen reader says what it does, not "times"
    if (pressed) ctx.intents.apply_now([](app::AppState& st) { app::clear_search(st); });
    ctx.locator.mark("search:clear");
    if (pointer_over_last_item() || ImGui::IsItemFocused()) ImGui::SetTooltip("%s", ctx.t(str::clear_search));
}

void draw_search(ViewContext& ctx, float width) {
    std::string& buffer = ctx.memory.search_buffer;
    // While the visitor types, the field owns the text; otherwise it shows the state (e.g. after "clear").
    if (ImGui::GetActiveID() != ImGui::GetID("##search") && buffer != ctx.state.query) buffer = ctx.state.query;
    const float clear_w = button_height();
    const bool changed = text_field("##search", ctx.t(str::search_hint), buffer, width - clear_w - 4.0f);
    ctx.locator.mark("search");
    if (changed) {
        // Applied before the chips, the count and the cards are drawn, so the list on screen follows the
        // keystroke in this very frame (queued, it would show one frame late).
        const std::string query = buffer;
        ctx.intents.apply_now([query](app::AppState& st) { app::set_query(st, query); });
    }
    draw_clear_search(ctx, clear_w);
}

void draw_search_and_sort(ViewContext& ctx) {
    const float full = available_width();
    const float sorting = sort_width(ctx);
    if (full - sorting - 16.0f >= 320.0f) {
        draw_search(ctx, full - sorting - 16.0f);
        ImGui::SameLine(0, 16.0f);
        draw_sort(ctx);
    } else {
        draw_search(ctx, full);
        draw_sort(ctx);
    }
}

// ---- filters ------------------------------------------------------------------------------------------------------

void facet_label(const char* label) {
    text_line(label, colour(palette().text_muted));
}

void draw_category_chips(ViewContext& ctx) {
    facet_label(ctx.t(str::filter_categories));
    Flow flow(8.0f);
    const auto& categories = ctx.set().categories;
    for (std::size_t i = 0; i < categories.size(); ++i) {
        const std::string& id = categories[i].id;
        const bool on = std::find(ctx.state.filters.categories.begin(), ctx.state.filters.categories.end(), id) !=
                        ctx.state.filters.categories.end();
        const std::string label = text(ctx.lang(), categories[i].name);
        const int count = i < ctx.state.list.category_counts.size() ? ctx.state.list.category_counts[i] : 0;
        const std::string locator_id = "filter:category:" + id;
        flow.next(chip_width(label, count, on));
        if (chip(label, count, on, locator_id)) ctx.intents.push([id](app::AppState& s) { app::toggle_category(s, id); });
        ctx.locator.mark(locator_id);
    }
}

void draw_audience_chips(ViewContext& ctx) {
    facet_label(ctx.t(str::filter_audiences));
    Flow flow(8.0f);
    const auto& audiences = ctx.catalog.audiences;
    for (std::size_t i = 0; i < audiences.size(); ++i) {
        const std::string& id = audiences[i].id;
        const bool on = std::find(ctx.state.filters.audiences.begin(), ctx.state.filters.audiences.end(), id) !=
                        ctx.state.filters.audiences.end();
        const std::string label = text(ctx.lang(), audiences[i].name);
        const int count = i < ctx.state.list.audience_counts.size() ? ctx.state.list.audience_counts[i] : 0;
        const std::string locator_id = "filter:audience:" + id;
        flow.next(chip_width(label, count, on));
        if (chip(label, count, on, locator_id)) ctx.intents.push([id](app::AppState& s) { app::toggle_audience(s, id); });
        ctx.locator.mark(locator_id);
    }
}

int active_filter_count(const app::AppState& state) {
    return static_cast<int>(state.filters.categories.size() + state.filters.audiences.size());
}

// On a phone, or a window as short as 800x600, the chips would push the first card below the fold.
// (The booth lays out its own magnified screen and keeps its chips.)
bool fold_filters(const ViewContext& ctx) {
    return is_narrow() || (!ctx.booth && ImGui::GetMainViewport()->Size.y < 700.0f);
}

void draw_filters(ViewContext& ctx) {
    if (fold_filters(ctx)) {
        // Folded away behind one button, which sits beside the sort buttons when there is room.
        const int active = active_filter_count(ctx.state);
        const std::string label = active > 0 ? fill(ctx.t(str::filters_show_count), active) : ctx.t(str::filters_show);
        const float width = button_width(label);
        if (ImGui::GetItemRectMax().x + 12.0f + width <= column_right()) ImGui::SameLine(0, 12.0f);
        if (button(label, "filters", ctx.state.filters_open ? ButtonKind::selected : ButtonKind::secondary)) {
            ctx.intents.push([](app::AppState& s) { app::toggle_filters_panel(s); });
        }
        ctx.locator.mark("filters");
        if (!ctx.state.filters_open) return;
    }
    draw_category_chips(ctx);
    draw_audience_chips(ctx);
}

void clear_button(ViewContext& ctx, ButtonKind kind) {
    if (button(ctx.t(str::clear_filters), "clear-filters", kind)) {
        ctx.intents.push([](app::AppState& s) { app::clear_filters(s); });
    }
    ctx.locator.mark("clear-filters");
}

// Says what the default order is, where there is no search text to rank by (app/list_order.hpp): beside the
// count when it fits, else on its own line.
void draw_order_note(ViewContext& ctx) {
    if (ctx.state.sort != app::SortOrder::relevance || core::has_terms(ctx.state.query) || ctx.state.list.visible.empty()) return;
    const char* note = ctx.t(str::order_by_standing);
    const float gap = 12.0f;
    ImGui::SameLine(0, gap);
    if (ImGui::CalcTextSize(note).x > ImGui::GetContentRegionAvail().x) ImGui::NewLine();
    align_text_to_buttons();
    text_line(note, colour(palette().text_muted));
    ctx.locator.mark("order-note");
}

void draw_result_bar(ViewContext& ctx) {
    vertical_space(2.0f);
    const int count = static_cast<int>(ctx.state.list.visible.size());
    const std::string summary = count == 1 ? ctx.t(str::result_count_one) : fill(ctx.t(str::result_count), count);
    align_text_to_buttons();
    text_line(summary, colour(palette().text_muted));
    ctx.locator.mark("result-count");
    if (!ctx.state.filters.empty() && count > 0) {
        ImGui::SameLine(0, 12.0f);
        clear_button(ctx, ButtonKind::quiet);
    }
    draw_order_note(ctx);
}

void draw_empty(ViewContext& ctx) {
    begin_panel(24.0f);
    ImGui::PushFont(ctx.fonts.heading);
    paragraph(ctx.t(str::empty_title));
    ImGui::PopFont();
    paragraph(ctx.t(str::empty_body), colour(palette().text_muted));
    vertical_space(4.0f);
    if (!ctx.state.filters.empty()) clear_button(ctx, ButtonKind::primary);
    if (!ctx.state.filters.empty() && !ctx.state.query.empty()) ImGui::SameLine(0, 8.0f);
    if (!ctx.state.query.empty()) {
        if (button(ctx.t(str::clear_search), "clear-search", ctx.state.filters.empty() ? ButtonKind::primary : ButtonKind::secondary))
            ctx.intents.push([](app::AppState& s) { app::clear_search(s); });
        ctx.locator.mark("clear-search");
    }
    end_panel();
}

// ---- cards ----------------------------------------------------------------------------------------------------------

float heading_line_height(const ViewContext& ctx) {
    ImGui::PushFont(ctx.fonts.heading);
    const float h = line_height();
    ImGui::PopFont();
    return h;
}

// Every card has the same height (the clipper needs fixed rows): badges, a two-line title, value and summary,
// audiences, validity, then the footer with the compare toggle.
float card_height(const ViewContext& ctx) {
    const float body = line_height();
    const float heading = heading_line_height(ctx);
    return kCardPad + badge_height() + 10.0f + 2 * heading + 4.0f + heading + body + 2 * body + 12.0f + 1.0f + 12.0f +
           button_height() + kCardPad;
}

void draw_card_frame(ImDrawList* dl, const ImVec2& min, const ImVec2& max, bool hovered) {
    const Palette& p = palette();
    const float rounding = 12.0f;
    dl->AddRectFilled(ImVec2(min.x, min.y + 2.0f), ImVec2(max.x, max.y + 2.0f), colour(ImVec4(0.1f, 0.2f, 0.3f, 0.06f)), rounding);
    dl->AddRectFilled(min, max, colour(p.surface), rounding);
    dl->AddRect(min, max, colour(hovered ? p.accent : p.border), rounding, 0, hovered ? 1.5f : 1.0f);
}

// The status pill or "details" prompt at the bottom left of a card.
void draw_card_footer_left(ViewContext& ctx, ImDrawList* dl, int policy, const ImVec2& pos, float button_h) {
    const std::optional<core::Status> status = app::has_answers(ctx.state) ? app::status_of(ctx.state, policy) : std::nullopt;
    if (status) {
        const core::Certainty certainty = certainty_at(ctx, policy);
        const std::string label = ctx.t(status_phrase(*status, certainty));
        draw_badge(dl, ImVec2(pos.x, pos.y + (button_h - badge_height()) * 0.5f), label, status_style(*status, certainty));
        return;
    }
    const char* prompt = ctx.t(str::view_details);
    dl->AddText(ImVec2(pos.x, pos.y + (button_h - ImGui::GetFontSize()) * 0.5f), colour(palette().accent), prompt);
}

// The value line: the headline figure, or for programmes without one, what the programme is.
float draw_value_or_summary(ViewContext& ctx, ImDrawList* dl, int policy, const ImVec2& pos, float width) {
    const core::Policy& p = policy_at(ctx, policy);
    const app::HeadlineValue& value = ctx.catalog.headlines[static_cast<std::size_t>(policy)];
    ImGui::PushFont(ctx.fonts.heading);
    const float heading = line_height();
    if (value.kind != app::HeadlineValue::Kind::none) {
        draw_clamped(dl, pos, width, headline(ctx.lang(), value, p), colour(palette().youth), 1);
        ImGui::PopFont();
        draw_clamped(dl, ImVec2(pos.x, pos.y + heading), width, text(ctx.lang(), p.summary), colour(palette().text_muted), 1);
        return heading + line_height();
    }
    ImGui::PopFont();
    draw_clamped(dl, ImVec2(pos.x, pos.y + 4.0f), width, text(ctx.lang(), p.summary), colour(palette().text_muted), 2);
    return heading + line_height();
}

// A card is three buttons side by side rather than overlapping ones (an overlapped button only takes a click
// on the frame after it was first hovered, which loses taps on phones): the body (title and facts, what the
// keyboard focuses), the "details" prompt below it (mouse and touch only) and the compare toggle.
void draw_card(ViewContext& ctx, int policy, const ImVec2& min, const ImVec2& size) {
    const core::Policy& p = policy_at(ctx, policy);
    const Palette& pal = palette();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    if (!ImGui::IsRectVisible(min, max)) return;
    const float button_h = button_height();
    const float footer_h = 12.0f + button_h + kCardPad;
    ImGui::PushID(policy);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImGuiIO& io = ImGui::GetIO();
    const bool hovered = ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(min, max) &&
                         (io.MouseSource != ImGuiMouseSource_TouchScreen || io.MouseDown[0]);
    draw_card_frame(dl, min, max, hovered);

    ImGui::SetCursorScreenPos(min);
    if (ImGui::InvisibleButton("##card", ImVec2(size.x, size.y - footer_h)))
        ctx.intents.push([policy](app::AppState& s) { app::open_policy(s, policy); });
    ctx.locator.mark("policy:" + p.id);
    ImGui::RenderNavHighlight(ImRect(min, max), ImGui::GetItemID());

    const float inner = size.x - 2 * kCardPad;
    const float x = min.x + kCardPad;
    float y = min.y + kCardPad;

    // Category on the left, certainty on the right (the certainty always shows in full).
    const std::string certainty = certainty_label(ctx, policy);
    const float badge_w = badge_width(certainty);
    draw_badge(dl, ImVec2(x + inner - badge_w, y), certainty, certainty_style(certainty_at(ctx, policy)));
    draw_clamped(dl, ImVec2(x, y + 3.0f), std::max(20.0f, inner - badge_w - 8.0f), category_name(ctx, p),
                 colour(pal.accent), 1);
    y += badge_height() + 10.0f;

    ImGui::PushFont(ctx.fonts.heading);
    const float heading = line_height();
    draw_clamped(dl, ImVec2(x, y), inner, text(ctx.lang(), p.title), colour(pal.text), 2);
    ImGui::PopFont();
    y += 2 * heading + 4.0f;
    y += draw_value_or_summary(ctx, dl, policy, ImVec2(x, y), inner);

    const std::vector<std::string> audiences = audience_names(ctx, p);
    const std::string who = std::string(ctx.t(str::audiences_prefix)) +
                            (audiences.empty() ? std::string(ctx.t(str::audiences_all)) : join_list(ctx.lang(), audiences));
    draw_clamped(dl, ImVec2(x, y), inner, who, colour(pal.text_muted), 1);
    y += line_height();
    std::string when = std::string(ctx.t(str::validity_prefix)) + validity_text(ctx.lang(), p.valid);
    const ValidityState state = validity_state(p.valid, ctx.state.as_of);
    if (state != ValidityState::open) when += "  " + std::string(ctx.t(state == ValidityState::expired ? str::expired : str::not_yet_open));
    draw_clamped(dl, ImVec2(x, y), inner, when, colour(state == ValidityState::expired ? pal.danger : pal.text_muted), 1);

    y = max.y - footer_h;
    dl->AddLine(ImVec2(x, y), ImVec2(x + inner, y), colour(pal.border));
    y += 12.0f;

    const std::string compare_label = app::in_compare(ctx.state, policy) ? ctx.t(str::compare_added) : ctx.t(str::compare_add);
    const float compare_w = button_width(compare_label);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ImGui::PushItemFlag(ImGuiItemFlags_NoNav, true);
    if (ImGui::InvisibleButton("##details", ImVec2(std::max(1.0f, inner - compare_w - 8.0f), button_h)))
        ctx.intents.push([policy](app::AppState& s) { app::open_policy(s, policy); });
    ImGui::PopItemFlag();
    draw_card_footer_left(ctx, dl, policy, ImVec2(x, y), button_h);
    ImGui::SetCursorScreenPos(ImVec2(x + inner - compare_w, y));
    compare_toggle(ctx, policy, compare_w);
    ImGui::PopID();
}

int grid_columns(float width) {
    const int columns = static_cast<int>(std::floor((width + kCardGap) / (kCardMinWidth + kCardGap)));
    return std::clamp(columns, 1, kMaxColumns);
}

void draw_cards(ViewContext& ctx) {
    const std::vector<int>& visible = ctx.state.list.visible;
    const float width = available_width();
    const int columns = grid_columns(width);
    const float card_w = std::floor((width - kCardGap * static_cast<float>(columns - 1)) / static_cast<float>(columns));
    const float card_h = card_height(ctx);
    const int rows = (static_cast<int>(visible.size()) + columns - 1) / columns;

    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(kCardGap, kCardGap));
    ImGuiListClipper clipper;
    clipper.Begin(rows, card_h + kCardGap);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const ImVec2 row_start = ImGui::GetCursorScreenPos();
            for (int column = 0; column < columns; ++column) {
                const std::size_t i = static_cast<std::size_t>(row * columns + column);
                if (i >= visible.size()) break;
                const ImVec2 min(row_start.x + static_cast<float>(column) * (card_w + kCardGap), row_start.y);
                draw_card(ctx, visible[i], min, ImVec2(card_w, card_h));
            }
            ImGui::SetCursorScreenPos(row_start);
            ImGui::Dummy(ImVec2(width, card_h));
        }
    }
    clipper.End();
    ImGui::PopStyleVar();
}

}  // namespace

void draw_explore(ViewContext& ctx) {
    Column column(kGridWidth);
    draw_search_and_sort(ctx);
    draw_filters(ctx);
    draw_result_bar(ctx);
    if (ctx.state.list.visible.empty()) draw_empty(ctx);
    else draw_cards(ctx);
}

}  // namespace portal::ui
