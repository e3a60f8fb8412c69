#include "ui/kiosk_view.hpp"

#include "ui/imgui_private.hpp"

#include <algorithm>
#include <cmath>

#include "app/kiosk.hpp"
#include "ui/a11y.hpp"
#include "ui/format.hpp"
#include "ui/kiosk_strings.hpp"
#include "ui/layout.hpp"
#include "ui/qr_view.hpp"
#include "ui/text_layout.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace portal::ui {

namespace {

// The layout's size in layout pixels, landscape (the long side across); a portrait screen swaps the two.
constexpr float kLayoutLong = 1120.0f;
constexpr float kLayoutShort = 660.0f;
constexpr float kBarHeight = 64.0f;
constexpr ImGuiWindowFlags kOverlayFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                                           ImGuiWindowFlags_NoScrollbar;

ImU32 rgba(const ImVec4& c, float alpha) { return colour(ImVec4(c.x, c.y, c.z, c.w * alpha)); }

// A window over the whole screen, on top of the portal (the root window never comes to the front).
bool begin_overlay(const char* name, const ImVec4& background) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
    const bool open = ImGui::Begin(name, nullptr, kOverlayFlags);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    return open;
}

// Text centred on `centre_x` at `y`, with an explicit font; returns the height used.
float centred_text(ImDrawList* dl, ImFont* font, float size, float centre_x, float y, std::string_view text, ImU32 c) {
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size());
    const ImVec2 at(std::floor(centre_x - extent.x * 0.5f), std::floor(y));
    dl->AddText(font, size, at, c, text.data(), text.data() + text.size());
    a11y::text(text, at, ImVec2(at.x + extent.x, at.y + extent.y));
    return extent.y;
}

// Lines of `text` wrapped to `width` and centred, in the current font.
float centred_paragraph(ImDrawList* dl, float centre_x, float y, float width, std::string_view text, ImU32 c) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    float used = 0;
    for (const TextLine& line : break_lines(font, size, text, width)) {
        used += centred_text(dl, font, size, centre_x, y + used, text.substr(line.begin, line.end - line.begin), c) * 1.25f;
    }
    return used;
}

// The Cao'e river as two soft bands across the bottom of the attract screen.
void draw_river(ImDrawList* dl, const ImVec2& min, const ImVec2& max) {
    const Palette& p = palette();
    const float w = max.x - min.x, h = max.y - min.y;
    for (int band = 0; band < 3; ++band) {
        const float base = max.y - h * (0.10f + 0.07f * static_cast<float>(band));
        const ImU32 c = band == 1 ? rgba(p.youth, 0.55f) : IM_COL32(255, 255, 255, 40 + 25 * band);
        dl->PathLineTo(ImVec2(min.x, base));
        dl->PathBezierCubicCurveTo(ImVec2(min.x + w * 0.30f, base - h * 0.08f), ImVec2(min.x + w * 0.62f, base + h * 0.08f),
                                   ImVec2(max.x, base - h * 0.02f));
        dl->PathStroke(c, 0, 6.0f - static_cast<float>(band));
    }
}

void draw_big_mark(ImDrawList* dl, const ImVec2& centre, float size) {
    const Palette& p = palette();
    const ImVec2 min(centre.x - size * 0.5f, centre.y - size * 0.5f);
    dl->AddRectFilled(min, ImVec2(min.x + size, min.y + size), IM_COL32(255, 255, 255, 255), size * 0.22f);
    for (int i = 0; i < 2; ++i) {
        const float y = min.y + size * (0.42f + 0.22f * static_cast<float>(i));
        dl->AddBezierCubic(ImVec2(min.x + size * 0.18f, y), ImVec2(min.x + size * 0.38f, y - size * 0.16f),
                           ImVec2(min.x + size * 0.62f, y + size * 0.16f), ImVec2(min.x + size * 0.82f, y),
                           colour(i == 0 ? p.accent : p.youth), size * 0.07f);
    }
}

// A filled pill with centred text; returns its rectangle's height.
float pill(ImDrawList* dl, const ImVec2& centre, std::string_view text, const ImVec4& fill, const ImVec4& ink) {
    const ImVec2 extent = ImGui::CalcTextSize(text.data(), text.data() + text.size());
    const ImVec2 half(extent.x * 0.5f + 36.0f, extent.y * 0.5f + 18.0f);
    dl->AddRectFilled(ImVec2(centre.x - half.x, centre.y - half.y), ImVec2(centre.x + half.x, centre.y + half.y),
                      colour(fill), half.y);
    centred_text(dl, ImGui::GetFont(), ImGui::GetFontSize(), centre.x, centre.y - extent.y * 0.5f, text, colour(ink));
    return half.y * 2;
}

bool has_kiosk_answers(const app::AppState& state) { return app::has_answers(state); }

}  // namespace

float kiosk_zoom(float css_width, float css_height) {
    if (css_width <= 0 || css_height <= 0) return 1.0f;
    const bool portrait = css_height > css_width;
    const float layout_w = portrait ? kLayoutShort : kLayoutLong;
    const float layout_h = portrait ? kLayoutLong : kLayoutShort;
    return std::clamp(std::min(css_width / layout_w, css_height / layout_h), 1.0f, 4.0f);
}

float kiosk_bar_height() { return kBarHeight; }

bool kiosk_press_this_frame() {
    const ImGuiIO& io = ImGui::GetIO();
    return io.MouseClicked[0] || io.MouseClicked[1];
}

bool kiosk_input_this_frame() {
    const ImGuiIO& io = ImGui::GetIO();
    if (kiosk_press_this_frame() || io.MouseDown[0] || io.MouseWheel != 0.0f || !io.InputQueueCharacters.empty())
        return true;
    if (ImGui::IsMousePosValid() && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f)) return true;
    for (int key = ImGuiKey_NamedKey_BEGIN; key < ImGuiKey_NamedKey_END; ++key)
        if (ImGui::IsKeyPressed(static_cast<ImGuiKey>(key), false)) return true;
    return false;
}

// ---- attract screen -------------------------------------------------------------------------------------------

void draw_attract(ViewContext& ctx) {
    const Palette& p = palette();
    if (!begin_overlay("##attract", p.accent)) {
        ImGui::End();
        return;
    }
    const ImVec2 min = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilledMultiColor(min, max, colour(p.accent), colour(p.accent), colour(p.accent_active),
                                IM_COL32(4, 40, 66, 255));
    draw_river(dl, min, max);

    const float cx = min.x + size.x * 0.5f;
    const float width = std::min(size.x - 80.0f, 980.0f);
    // A portrait screen is twice as tall as the invitation: it starts lower, so it sits near the middle.
    float y = min.y + size.y * (size.y > size.x ? 0.24f : 0.13f);
    draw_big_mark(dl, ImVec2(cx, y + 40.0f), 80.0f);
    y += 100.0f;
    y += centred_text(dl, ctx.fonts.display, ctx.fonts.display->FontSize, cx, y, tr(core::Lang::zh, kstr::attract_title),
                      IM_COL32_WHITE) + 4.0f;
    ImGui::PushFont(ctx.fonts.heading);
    y += centred_text(dl, ctx.fonts.heading, ImGui::GetFontSize() * 1.1f, cx, y,
                      std::string(kstr::attract_subtitle.zh) + "  ·  " + kstr::attract_subtitle.en, IM_COL32(222, 238, 247, 255)) + 26.0f;
    ImGui::PopFont();
    ImGui::PushFont(ctx.fonts.body);
    y += centred_paragraph(dl, cx, y, width, kstr::attract_pitch.zh, IM_COL32_WHITE) + 2.0f;
    y += centred_paragraph(dl, cx, y, width, kstr::attract_pitch.en, IM_COL32(222, 238, 247, 230)) + 18.0f;
    y += centred_paragraph(dl, cx, y, width, kstr::attract_promise.zh, IM_COL32_WHITE);
    y += centred_paragraph(dl, cx, y, width, kstr::attract_promise.en, IM_COL32(222, 238, 247, 230)) + 40.0f;
    ImGui::PopFont();

    ImGui::PushFont(ctx.fonts.heading);
    const std::string call = std::string(kstr::attract_cta.zh) + "   " + kstr::attract_cta.en;
    pill(dl, ImVec2(cx, y + 24.0f), call, p.youth, p.on_accent);
    ImGui::PopFont();
    centred_text(dl, ctx.fonts.body, ctx.fonts.body->FontSize, cx, max.y - 46.0f,
                 std::string(kstr::attract_privacy.zh) + "   |   " + kstr::attract_privacy.en, IM_COL32(222, 238, 247, 220));

    // The whole screen is the button: any touch starts the visit (PortalUi sees the press first).
    ImGui::SetCursorScreenPos(min);
    ImGui::InvisibleButton("##attract-touch", size);
    ctx.locator.mark("attract");
    ImGui::End();
}

// ---- the idle countdown ----------------------------------------------------------------------------------------

void draw_countdown(ViewContext& ctx, double seconds_left) {
    const Palette& p = palette();
    if (!begin_overlay("##countdown", ImVec4(0.06f, 0.09f, 0.13f, 0.62f))) {
        ImGui::End();
        return;
    }
    a11y::dialog(ctx.t(kstr::still_there), true);  // the visit ends unless the visitor answers: said at once
    const ImVec2 min = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const ImVec2 centre(min.x + size.x * 0.5f, min.y + size.y * 0.5f);
    const ImVec2 half(300.0f, 200.0f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 card_min(centre.x - half.x, centre.y - half.y), card_max(centre.x + half.x, centre.y + half.y);
    dl->AddRectFilled(card_min, card_max, colour(p.surface), 18.0f);

    const int whole = static_cast<int>(std::ceil(seconds_left));
    const float total = static_cast<float>(app::countdown_length(ctx.state.kiosk.settings));
    const float share = total > 0 ? std::clamp(static_cast<float>(seconds_left) / total, 0.0f, 1.0f) : 0.0f;
    const ImVec2 ring(centre.x, card_min.y + 120.0f);
    dl->AddCircle(ring, 62.0f, colour(p.accent_soft), 64, 10.0f);
    dl->PathArcTo(ring, 62.0f, -IM_PI * 0.5f, -IM_PI * 0.5f + 2.0f * IM_PI * share, 64);
    dl->PathStroke(colour(p.youth), 0, 10.0f);
    const std::string number = std::to_string(whole);
    ImFont* big = ctx.fonts.display;
    centred_text(dl, big, big->FontSize, ring.x, ring.y - big->FontSize * 0.55f, number, colour(p.text));

    float y = ring.y + 84.0f;
    y += centred_text(dl, ctx.fonts.heading, ctx.fonts.heading->FontSize * 1.15f, centre.x, y, ctx.t(kstr::still_there),
                      colour(p.text)) + 10.0f;
    ImGui::PushFont(ctx.fonts.body);
    y += centred_paragraph(dl, centre.x, y, half.x * 2 - 60.0f, fill(ctx.t(kstr::still_there_body), whole), colour(p.text_muted));
    ImGui::PopFont();
    ImGui::PushFont(ctx.fonts.heading);
    pill(dl, ImVec2(centre.x, card_max.y - 42.0f), ctx.t(kstr::touch_to_continue), p.accent, p.on_accent);
    ImGui::PopFont();

    ImGui::SetCursorScreenPos(card_min);
    ImGui::Dummy(ImVec2(half.x * 2, half.y * 2));
    ctx.locator.mark("countdown");
    ImGui::End();
}

// ---- the bottom bar --------------------------------------------------------------------------------------------

namespace {

// The staff gesture: the booth's name held for three seconds. Nothing shows it to visitors.
bool staff_name(ViewContext& ctx, float height) {
    const Palette& p = palette();
    const char* name = ctx.t(kstr::booth_name);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::CalcTextSize(name).x + 24.0f;
    ImGui::InvisibleButton("##staff", ImVec2(width, height));
    ctx.locator.mark("kiosk:staff");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(ImVec2(pos.x, pos.y + (height - ImGui::GetFontSize()) * 0.5f), colour(p.text_muted), name);
    const bool holding = ImGui::IsItemActive();
    if (holding && ImGui::GetIO().MouseDownDuration[0] >= static_cast<float>(kStaffHoldSeconds) && !ctx.state.kiosk.selftest_open) {
        ctx.intents.push([](app::AppState& s) { app::open_selftest(s, true); });
    }
    return holding;
}

}  // namespace

bool draw_kiosk_bar(ViewContext& ctx, float top) {
    const Palette& p = palette();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, top));
    ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, viewport->Pos.y + viewport->Size.y - top));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20.0f, 0.0f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, p.surface);
    ImGui::Begin("##kiosk-bar", nullptr, kOverlayFlags);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetWindowPos();
    dl->AddLine(min, ImVec2(min.x + ImGui::GetWindowWidth(), min.y), colour(p.border), 1.0f);
    const float height = ImGui::GetWindowHeight();

    ImGui::SetCursorScreenPos(ImVec2(min.x + 20.0f, min.y));
    const bool holding = staff_name(ctx, height);

    const char* reset_label = ctx.t(kstr::start_over);
    const char* share_label = ctx.t(kstr::take_results);
    const float gap = 12.0f;
    const float right = min.x + ImGui::GetWindowWidth() - 20.0f;
    const float button_y = min.y + (height - button_height()) * 0.5f;
    const float reset_x = right - button_width(reset_label);
    ImGui::SetCursorScreenPos(ImVec2(reset_x, button_y));
    if (button(reset_label, "kiosk:start-over", ButtonKind::secondary))
        ctx.intents.push([](app::AppState& s) { app::request_kiosk_reset(s); });
    ctx.locator.mark("kiosk:start-over");
    // Results to take away only once there are some: before any answer the button would offer an empty link.
    if (has_kiosk_answers(ctx.state)) {
        ImGui::SetCursorScreenPos(ImVec2(reset_x - gap - button_width(share_label), button_y));
        if (button(share_label, "kiosk:share", ButtonKind::primary))
            ctx.intents.push([](app::AppState& s) { app::open_share_panel(s, true); });
        ctx.locator.mark("kiosk:share");
    }
    ImGui::End();
    return holding;
}

// ---- QR panels -------------------------------------------------------------------------------------------------

namespace {

// A centred card over a dimmed screen, with a QR code of `url`, the link as text and a close button.
void qr_card(ViewContext& ctx, const char* window, const Phrase& title, const Phrase& body, const std::string& url,
             const char* qr_id, const std::function<void(app::AppState&)>& on_close) {
    const Palette& p = palette();
    if (!begin_overlay(window, ImVec4(0.06f, 0.09f, 0.13f, 0.55f))) {
        ImGui::End();
        return;
    }
    a11y::dialog(ctx.t(title));
    const ImVec2 min = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    // Modules of at least 4 CSS pixels (a phone at 50 cm reads them); the zoom already enlarges layout pixels.
    const float zoom = std::max(1.0f, ImGui::GetIO().DisplayFramebufferScale.x);
    const float module_px = std::max(3.0f, 4.5f * 1.0f / std::min(zoom, 1.5f));
    const float side = std::clamp(qr_side_for(url, module_px), 240.0f, size.y - 200.0f);
    const float card_w = std::min(size.x - 60.0f, side + 420.0f);
    const float card_h = side + 56.0f;
    const ImVec2 card(min.x + (size.x - card_w) * 0.5f, min.y + (size.y - card_h) * 0.5f);
    ImGui::GetWindowDrawList()->AddRectFilled(card, ImVec2(card.x + card_w, card.y + card_h), colour(p.surface), 18.0f);

    ImGui::SetCursorScreenPos(ImVec2(card.x + 28.0f, card.y + 28.0f));
    qr_code(url, side);
    ctx.locator.mark(qr_id);

    const float text_x = card.x + 28.0f + side + 28.0f;
    ImGui::SetCursorScreenPos(ImVec2(text_x, card.y + 32.0f));
    ImGui::BeginGroup();
    {
        ColumnEdge edge(card.x + card_w - 28.0f);
        ImGui::PushFont(ctx.fonts.heading);
        paragraph(ctx.t(title), colour(p.accent_active));
        ImGui::PopFont();
        vertical_space(4.0f);
        paragraph(ctx.t(body), colour(p.text_muted));
        vertical_space(8.0f);
        // The link as short text (three lines at most): enough to recognise or type the address by hand.
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float used = draw_clamped(ImGui::GetWindowDrawList(), at, available_width(), url, colour(p.text), 3);
        ImGui::Dummy(ImVec2(available_width(), used));
        ctx.locator.mark(std::string(qr_id) + ":text");
        vertical_space(16.0f);
        if (button(ctx.t(kstr::close), "kiosk:close", ButtonKind::primary)) ctx.intents.push(on_close);
        ctx.locator.mark("kiosk:close");
    }
    ImGui::EndGroup();
    ImGui::End();
}

}  // namespace

void draw_share_panel(ViewContext& ctx, const std::string& url) {
    const Phrase& body = has_kiosk_answers(ctx.state) ? kstr::share_body : kstr::share_empty;
    qr_card(ctx, "##share-panel", kstr::share_title, body, url, "qr",
            [](app::AppState& s) { app::open_share_panel(s, false); });
}

void draw_link_panel(ViewContext& ctx) {
    qr_card(ctx, "##link-panel", kstr::link_title, kstr::link_body, ctx.state.kiosk.link_url, "link-qr",
            [](app::AppState& s) { app::close_link_panel(s); });
}

void draw_kiosk_take_away(ViewContext& ctx) {
    const Palette& p = palette();
    begin_panel(18.0f);
    ImGui::PushFont(ctx.fonts.heading);
    paragraph(ctx.t(kstr::share_title), colour(p.accent_active));
    ImGui::PopFont();
    const bool answered = has_kiosk_answers(ctx.state);
    paragraph(ctx.t(answered ? kstr::share_body : kstr::share_empty), colour(p.text_muted));
    if (answered) {
        vertical_space(4.0f);
        if (button(ctx.t(kstr::take_results), "results:qr", ButtonKind::primary))
            ctx.intents.push([](app::AppState& s) { app::open_share_panel(s, true); });
        ctx.locator.mark("results:qr");
    }
    end_panel(&p.accent_soft, &p.border);
}

// ---- staff self-test -------------------------------------------------------------------------------------------

namespace {

void selftest_row(ViewContext& ctx, const Phrase& name, const app::SelftestCounts& counts, bool done, const char* id) {
    const Palette& p = palette();
    begin_panel(16.0f);
    ImGui::PushFont(ctx.fonts.heading);
    paragraph(ctx.t(name));
    ImGui::PopFont();
    if (!done) {
        paragraph(ctx.t(kstr::selftest_running), colour(p.text_muted));
    } else {
        const bool ok = counts.failed == 0 && counts.passed > 0;
        const std::string line = std::string(ok ? "✓ " : "× ") + fill(ctx.t(kstr::selftest_counts), counts.passed, counts.failed);
        paragraph(line, colour(ok ? p.success : p.danger));
    }
    end_panel(done ? (counts.failed == 0 ? &p.success_soft : &p.danger_soft) : nullptr, &p.border);
    ctx.locator.mark(id);
    vertical_space(6.0f);
}

}  // namespace

void draw_selftest(ViewContext& ctx, const char* build_date) {
    const Palette& p = palette();
    const app::SelftestReport& report = ctx.state.kiosk.selftest;
    if (!begin_overlay("##selftest", p.page)) {
        ImGui::End();
        return;
    }
    ImGui::SetCursorPos(ImVec2(0, 24.0f));
    Column column(860.0f);
    ImGui::PushFont(ctx.fonts.heading);
    text_line(ctx.t(kstr::selftest_title), 0, 2);
    ImGui::PopFont();
    ctx.locator.mark("selftest");
    paragraph(fill(ctx.t(kstr::selftest_meta), ctx.set().version.c_str(), build_date, ctx.state.as_of.to_string().c_str()),
              colour(p.text_muted));
    ctx.locator.mark("selftest:meta");
    vertical_space(8.0f);
    selftest_row(ctx, kstr::selftest_examples, report.examples, report.examples_done, "selftest:examples");
    selftest_row(ctx, kstr::selftest_jsonlogic, report.jsonlogic, report.suite_done, "selftest:jsonlogic");
    if (!report.suite_error.empty()) paragraph(fill(ctx.t(kstr::selftest_error), report.suite_error.c_str()), colour(p.danger));
    const bool all_done = report.examples_done && report.suite_done;
    if (all_done && report.failures.empty() && report.suite_error.empty()) {
        paragraph(std::string("✓ ") + ctx.t(kstr::selftest_all_pass), colour(p.success));
    }
    if (!report.failures.empty()) {
        section_heading(ctx.fonts.heading, ctx.t(kstr::selftest_failures));
        ImGui::BeginChild("##selftest-failures", ImVec2(available_width(), 220.0f), ImGuiChildFlags_Border);
        for (const std::string& failure : report.failures) paragraph(failure, colour(p.danger));
        ImGui::EndChild();
    }
    vertical_space(12.0f);
    if (button(ctx.t(kstr::close), "selftest:close", ButtonKind::primary))
        ctx.intents.push([](app::AppState& s) { app::open_selftest(s, false); });
    ctx.locator.mark("selftest:close");
    ImGui::End();
}

// ---- explore tiles ---------------------------------------------------------------------------------------------

namespace {

struct Tile {
    std::string id;      // locate id
    std::string title;
    std::string detail;
    bool feature = false;  // the check: accent fill
};

bool draw_tile(ViewContext& ctx, const Tile& tile, float width, float height) {
    const Palette& p = palette();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(("##" + tile.id).c_str(), ImVec2(width, height));
    ctx.locator.mark(tile.id);
    const bool held = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + width, pos.y + height);
    const ImVec4& fill_colour = tile.feature ? (held ? p.accent_active : p.accent) : (held ? p.accent_soft : p.surface);
    dl->AddRectFilled(pos, max, colour(fill_colour), 14.0f);
    if (!tile.feature) {
        dl->AddRect(pos, max, colour(p.border), 14.0f);
        dl->AddRectFilled(pos, ImVec2(pos.x + 8.0f, max.y), colour(p.accent), 14.0f, ImDrawFlags_RoundCornersLeft);
    }
    const ImU32 ink = colour(tile.feature ? p.on_accent : p.text);
    const ImU32 soft = tile.feature ? IM_COL32(222, 238, 247, 255) : colour(p.text_muted);
    ImFont* heading = ctx.fonts.heading;
    const float x = pos.x + 24.0f;
    draw_clamped(dl, ImVec2(x, pos.y + 20.0f), width - 44.0f, tile.title, ink, 1);
    (void)heading;
    ImGui::PushFont(ctx.fonts.body);
    draw_clamped(dl, ImVec2(x, max.y - 20.0f - line_height()), width - 44.0f, tile.detail, soft, 1);
    ImGui::PopFont();
    focus_ring_for_last_item();
    return pressed;
}

std::vector<Tile> category_tiles(const ViewContext& ctx) {
    std::vector<Tile> tiles;
    tiles.push_back({"tile:check", ctx.t(kstr::tile_check), ctx.t(kstr::tile_check_body), true});
    tiles.push_back({"tile:all", ctx.t(kstr::tile_all),
                     fill(ctx.t(kstr::tile_count), static_cast<int>(ctx.set().policies.size()))});
    const auto& categories = ctx.set().categories;
    for (std::size_t i = 0; i < categories.size(); ++i) {
        const int count = i < ctx.state.list.category_counts.size() ? ctx.state.list.category_counts[i] : 0;
        if (count == 0) continue;
        tiles.push_back({"tile:" + categories[i].id, text(ctx.lang(), categories[i].name), fill(ctx.t(kstr::tile_count), count)});
    }
    return tiles;
}

void tile_pressed(ViewContext& ctx, const Tile& tile) {
    if (tile.id == "tile:check") {
        ctx.intents.push([](app::AppState& s) { app::show_view(s, app::View::check); });
    } else if (tile.id == "tile:all") {
        ctx.intents.push([](app::AppState& s) { s.kiosk.browsing_all = true; });
    } else {
        const std::string category = tile.id.substr(5);
        ctx.intents.push([category](app::AppState& s) { app::toggle_category(s, category); });
    }
}

}  // namespace

bool draw_category_tiles(ViewContext& ctx) {
    const app::AppState& state = ctx.state;
    if (!state.filters.empty() || !state.query.empty() || state.kiosk.browsing_all) return false;
    const Palette& p = palette();
    Column column(kGridWidth);
    ImGui::PushFont(ctx.fonts.heading);
    text_line(ctx.t(kstr::tiles_title), 0, 2);
    ImGui::PopFont();
    paragraph(ctx.t(kstr::tiles_hint), colour(p.text_muted));
    vertical_space(6.0f);
    const std::vector<Tile> tiles = category_tiles(ctx);
    const float gap = 16.0f;
    const int columns = column.width() > 900.0f ? 3 : 2;
    const float width = std::floor((column.width() - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns));
    const float height = 112.0f;
    ImGui::PushFont(ctx.fonts.heading);
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine(0, gap);
        if (draw_tile(ctx, tiles[i], width, height)) tile_pressed(ctx, tiles[i]);
        if (i % static_cast<std::size_t>(columns) == static_cast<std::size_t>(columns - 1)) vertical_space(gap - 10.0f);
    }
    ImGui::PopFont();
    return true;
}

void draw_back_to_tiles(ViewContext& ctx) {
    Column column(kGridWidth);
    if (button(ctx.t(kstr::back_to_tiles), "tiles:back", ButtonKind::quiet)) {
        ctx.intents.push([](app::AppState& s) {
            app::clear_filters(s);
            app::clear_search(s);
            s.kiosk.browsing_all = false;
        });
    }
    ctx.locator.mark("tiles:back");
}

// ---- keypad ----------------------------------------------------------------------------------------------------

void draw_keypad(ViewContext& ctx, int question) {
    const core::Question& q = ctx.set().questions[static_cast<std::size_t>(question)];
    const std::string current = ctx.state.draft.question == question ? ctx.state.draft.text : std::string();
    // Laid out like a phone's: 1-2-3 / 4-5-6 / 7-8-9, then the point (number) or dash (date), 0 and delete under
    // them, so a visitor's thumb finds the digits where it expects them.
    const char* const keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9",
                                q.type == core::QuestionType::date ? "-" : ".", "0", nullptr};
    const float gap = 8.0f;
    const float key_w = std::floor((std::min(available_width(), 330.0f) - gap * 2.0f) / 3.0f);
    auto type = [&](const std::string& next) {
        ctx.intents.push([question, next](app::AppState& s) { app::set_draft_text(s, question, next); });
    };
    vertical_space(2.0f);
    for (int i = 0; i < 12; ++i) {
        if (i % 3 != 0) ImGui::SameLine(0, gap);
        if (keys[i] == nullptr) {
            if (button(ctx.t(kstr::keypad_delete), "key:back", ButtonKind::secondary, key_w) && !current.empty()) {
                type(current.substr(0, current.size() - 1));
            }
            ctx.locator.mark("key:back");
            continue;
        }
        const std::string id = std::string("key:") + keys[i];
        if (button(keys[i], id, ButtonKind::secondary, key_w)) type(current + keys[i]);
        ctx.locator.mark(id);
    }
}

}  // namespace portal::ui
