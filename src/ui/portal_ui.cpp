#include "ui/portal_ui.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "app/device_memory.hpp"
#include "app/share_link.hpp"
#include "ui/a11y.hpp"
#include "ui/a11y_announce.hpp"
#include "ui/check_view.hpp"
#include "ui/compare_view.hpp"
#include "ui/detail_view.hpp"
#include "ui/explore_view.hpp"
#include "ui/format.hpp"
#include "ui/layout.hpp"
#include "ui/text_layout.hpp"
#include "ui/theme.hpp"
#include "ui/touch_scroll.hpp"
#include "ui/view_context.hpp"
#include "ui/widgets.hpp"

namespace portal::ui {

struct PortalUi::Impl {
    Intents intents;
    ViewMemory memory;
    std::unique_ptr<Booth> booth;  // the recruitment-fair booth; none on the visitor's site (ui/booth.hpp)
    TouchScroll touch;             // a finger scrolls every pane on the visitor's site (the booth has its own)
    double now = 0.0;              // UI clock of the last frame (ImGui's time: real seconds, also across pauses)
    bool visit_wiped = false;      // for take_kiosk_reset()
    a11y::Collector mirror;        // what ImGui submitted in the last frame, for the page's accessibility mirror
    a11y::Announcer announcer;
    std::string announcement;      // said with the next mirror update
    std::string a11y_sent;         // the nodes the page was last given
};

PortalUi::PortalUi() : impl_(new Impl) {}
PortalUi::~PortalUi() { delete impl_; }

void PortalUi::start(StartupData data) {
    font_file_ = std::move(data.font);
    app::start(state_, data.policy_json, data.policy_file_name, data.preferred_lang, data.today);
    impl_->booth = std::move(data.booth);
    if (impl_->booth) impl_->booth->configure(state_);
    apply_theme(ImGui::GetStyle(), 1.0f);
    fonts_dirty_ = true;
}

void PortalUi::build_fonts(float density) {
    ImGuiIO& io = ImGui::GetIO();
    if (!ui::build_fonts(*io.Fonts, font_file_, density, 1.0f, font_sizes(), glyphs_, fonts_)) {
        if (state_.error.empty()) state_.error = "the bundled font could not be read";
    }
    fonts_dirty_ = false;
}

OnDemandGlyphs::Rows PortalUi::rasterise_glyphs(const ImDrawData& draw_data) {
    return glyphs_.rasterise_used(draw_data, *ImGui::GetIO().Fonts);
}

FontSizes PortalUi::font_sizes() const { return impl_->booth ? impl_->booth->font_sizes() : FontSizes{}; }

ImVec4 PortalUi::background_colour() const { return palette().page; }

void PortalUi::open_page(const PageOpening& opening) {
    state_.page_url = opening.page_url;
    page_sync_ = app::PageSync(opening.private_page);
    if (!opening.private_page) {
        app::restore_device_memory(state_, opening.device_memory);
        app::restore_session_memory(state_, opening.session_memory);
    }
    if (!opening.fragment.empty() && opening.fragment != "#") app::apply_fragment(state_, opening.fragment);
}

app::PageEffects PortalUi::take_page_effects() { return page_sync_.take(state_); }

void PortalUi::follow_address(std::string_view fragment) {
    app::apply_fragment(state_, fragment);
    page_sync_.address_followed(state_);
}

void PortalUi::share_finished(bool copied) { app::share_finished(state_, copied); }

namespace {

// ---- header ---------------------------------------------------------------------------------------------------------

void draw_brand_mark(ImDrawList* dl, const ImVec2& pos, float size) {
    const Palette& p = palette();
    dl->AddRectFilled(pos, ImVec2(pos.x + size, pos.y + size), colour(p.accent), 8.0f);
    // Two waves: the Cao'e river that runs through Shangyu.
    for (int i = 0; i < 2; ++i) {
        const float y = pos.y + size * (0.42f + 0.22f * static_cast<float>(i));
        dl->AddBezierCubic(ImVec2(pos.x + size * 0.18f, y), ImVec2(pos.x + size * 0.38f, y - size * 0.16f),
                           ImVec2(pos.x + size * 0.62f, y + size * 0.16f), ImVec2(pos.x + size * 0.82f, y),
                           colour(i == 0 ? p.on_accent : p.youth), 2.5f);
    }
}

// "Copy link" turns into "Copied ✓" once the clipboard took the link (until the next click anywhere).
std::string share_button_label(const ViewContext& ctx) {
    if (ctx.state.share_feedback == app::AppState::ShareFeedback::copied && !ctx.state.share_with_answers)
        return ctx.t(str::link_copied);
    return ctx.t(str::copy_link);
}

void draw_title_row(ViewContext& ctx, bool narrow) {
    const Palette& p = palette();
    const float mark = 34.0f;
    const float row_h = std::max(mark, button_height());  // touch targets may be taller than the mark
    const ImVec2 start = ImGui::GetCursorScreenPos();
    draw_brand_mark(ImGui::GetWindowDrawList(), ImVec2(start.x, start.y + (row_h - mark) * 0.5f), mark);
    const char* toggle = ctx.t(narrow ? str::other_language_short : str::other_language);
    const float toggle_w = button_width(toggle);
    // The kiosk has no clipboard to offer a passer-by: its results leave by QR code (the bottom bar).
    const bool kiosk = ctx.booth != nullptr;
    const std::string share = kiosk ? std::string() : share_button_label(ctx);
    const float share_w = kiosk ? 0.0f : button_width(share);
    const float title_x = start.x + mark + 12.0f;
    const float title_w = column_right() - toggle_w - share_w - 20.0f - title_x;

    // A phone's title takes the body size, on two lines when it must, rather than being cut off.
    const char* title = ctx.t(narrow ? str::app_title_short : str::app_title);
    ImGui::PushFont(ctx.fonts.heading);
    const bool heading_fits = ImGui::CalcTextSize(title).x <= title_w;
    ImGui::PopFont();
    ImGui::PushFont(heading_fits || !narrow ? ctx.fonts.heading : ctx.fonts.body);
    const int lines = ImGui::CalcTextSize(title).x <= title_w || !narrow ? 1 : 2;
    const float text_h = ImGui::GetFontSize() + static_cast<float>(lines - 1) * line_height();
    draw_clamped(ImGui::GetWindowDrawList(), ImVec2(title_x, std::floor(start.y + (row_h - text_h) * 0.5f - 1.0f)), title_w,
                 title, colour(p.accent_active), lines);
    ImGui::PopFont();

    const float button_y = start.y + (row_h - button_height()) * 0.5f;
    if (!kiosk) {
        ImGui::SetCursorScreenPos(ImVec2(column_right() - toggle_w - 8.0f - share_w, button_y));
        if (button(share, "copy-link", ButtonKind::quiet)) ctx.intents.push([](app::AppState& s) { app::request_share(s, false); });
        ctx.locator.mark("copy-link");
    }
    ImGui::SetCursorScreenPos(ImVec2(column_right() - toggle_w, button_y));
    if (button(toggle, "lang", ButtonKind::secondary)) ctx.intents.push([](app::AppState& s) { app::switch_language(s); });
    ctx.locator.mark("lang");
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + row_h));
    ImGui::Dummy(ImVec2(1.0f, 1.0f));
    if (!narrow) paragraph(ctx.t(str::tagline), colour(p.text_muted));
}

struct Tab {
    app::View view;
    const char* id;
    const Phrase* label;
    const Phrase* short_label;
};

std::string tab_label(const ViewContext& ctx, const Tab& tab, bool narrow) {
    if (tab.view == app::View::compare && !ctx.state.compare.empty())
        return fill(ctx.t(str::tab_compare_count), static_cast<int>(ctx.state.compare.size()));
    return ctx.t(narrow ? *tab.short_label : *tab.label);
}

// Tabs: the active one is underlined as well as coloured, so it never rests on colour alone.
void draw_tabs(ViewContext& ctx, bool narrow) {
    static const Tab tabs[] = {{app::View::explore, "tab:explore", &str::tab_explore, &str::tab_explore},
                               {app::View::check, "tab:check", &str::tab_check, &str::tab_check_short},
                               {app::View::compare, "tab:compare", &str::tab_compare, &str::tab_compare}};
    const Palette& p = palette();
    const app::View shown = ctx.state.view == app::View::detail ? ctx.state.detail_return : ctx.state.view;
    const float equal = std::floor((available_width() - 8.0f * 2) / 3.0f);
    for (const Tab& tab : tabs) {
        if (&tab != &tabs[0]) ImGui::SameLine(0, 8.0f);
        const std::string label = tab_label(ctx, tab, narrow);
        const bool active = shown == tab.view;
        if (button(label, tab.id, ButtonKind::quiet, narrow ? equal : 0)) {
            const app::View view = tab.view;
            ctx.intents.push([view](app::AppState& s) { app::show_view(s, view); });
        }
        ctx.locator.mark(tab.id);
        if (active) {
            const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(min.x + 8.0f, max.y + 2.0f), ImVec2(max.x - 8.0f, max.y + 5.0f),
                                                      colour(p.accent), 2.0f);
        }
    }
}

void draw_header(ViewContext& ctx) {
    const Palette& p = palette();
    const bool narrow = is_narrow();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImDrawListSplitter splitter;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    splitter.Split(dl, 2);
    splitter.SetCurrentChannel(dl, 1);
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + (narrow ? 10.0f : 14.0f)));
    {
        // The same margins as the content below, so the header lines up with it at every width.
        const float margin = narrow ? 12.0f : 20.0f;
        ImGui::Indent(margin);
        Column column(std::min(kGridWidth, ImGui::GetContentRegionAvail().x - margin));
        TouchTargets touch(narrow);  // a phone's header is tapped: fingertip-sized buttons
        draw_title_row(ctx, narrow);
        vertical_space(narrow ? 0.0f : 2.0f);
        draw_tabs(ctx, narrow);
        ImGui::Unindent(margin);
    }
    const float bottom = ImGui::GetItemRectMax().y + 6.0f;
    splitter.SetCurrentChannel(dl, 0);
    const float width = ImGui::GetWindowWidth();
    dl->AddRectFilled(ImVec2(top.x, top.y), ImVec2(top.x + width, bottom), colour(p.surface));
    dl->AddLine(ImVec2(top.x, bottom), ImVec2(top.x + width, bottom), colour(p.border));
    splitter.Merge(dl);
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom + 1.0f));
}

// ---- notices and failures ---------------------------------------------------------------------------------------------

void draw_skipped_notice(ViewContext& ctx, float width) {
    const auto& skipped = ctx.catalog.skipped;
    if (skipped.empty() || ctx.state.skipped_notice_dismissed) return;
    const Palette& p = palette();
    Column column(width);
    begin_panel(16.0f);
    paragraph("⚠ " + fill(ctx.t(str::skipped_notice), static_cast<int>(skipped.size())), colour(p.warning));
    for (const core::SkippedPolicy& policy : skipped) {
        std::string why;
        for (const core::Diagnostic& d : policy.diagnostics) {
            if (d.severity != core::Severity::error) continue;
            why = (d.pointer.empty() ? "" : d.pointer + ": ") + d.message;
            break;
        }
        const std::string name = policy.id.empty() ? "?" : policy.id;
        paragraph("• " + fill(ctx.t(str::skipped_entry), static_cast<int>(policy.index) + 1, name.c_str(), why.c_str()),
                  colour(p.text_muted));
    }
    if (button(ctx.t(str::dismiss), "notice:dismiss", ButtonKind::secondary)) {
        ctx.intents.push([](app::AppState& s) { app::dismiss_skipped_notice(s); });
    }
    ctx.locator.mark("notice:dismiss");
    end_panel(&p.warning_soft, &p.border);
    ctx.locator.mark("notice:skipped");
    vertical_space(4.0f);
}

// A shared link that could not be read whole: say so briefly, show what could be used.
void draw_link_notice(ViewContext& ctx, float width) {
    if (!ctx.state.link_notice) return;
    const Palette& p = palette();
    Column column(width);
    begin_panel(14.0f);
    paragraph("⚠ " + std::string(ctx.t(str::link_notice)), colour(p.warning));
    if (button(ctx.t(str::dismiss), "notice:link", ButtonKind::secondary)) {
        ctx.intents.push([](app::AppState& s) { app::dismiss_link_notice(s); });
    }
    ctx.locator.mark("notice:link");
    end_panel(&p.warning_soft, &p.border);
    vertical_space(4.0f);
}

// The clipboard refused the link: show it, so the visitor can still copy it by hand.
void draw_copy_failed(ViewContext& ctx, float width) {
    if (ctx.state.share_feedback != app::AppState::ShareFeedback::failed) return;
    const Palette& p = palette();
    Column column(width);
    begin_panel(14.0f);
    paragraph(ctx.t(str::copy_failed), colour(p.text));
    std::string link = app::share_url(ctx.state, ctx.state.share_with_answers);
    text_field("##link-text", "", link, -1.0f, ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
    ctx.locator.mark("link-text");
    if (button(ctx.t(str::dismiss), "notice:copy", ButtonKind::secondary)) {
        ctx.intents.push([](app::AppState& s) { s.share_feedback = app::AppState::ShareFeedback::none; });
    }
    end_panel(&p.surface, &p.border);
    vertical_space(4.0f);
}

void draw_fatal(const app::AppState& state, const Fonts& fonts, Locator& locator) {
    const Palette& p = palette();
    Column column(kReadingWidth);
    vertical_space(24.0f);
    begin_panel(24.0f);
    ImGui::PushFont(fonts.heading);
    paragraph("⚠ " + std::string(tr(state.lang, str::fatal_title)), colour(p.danger));
    ImGui::PopFont();
    locator.mark("error");
    paragraph(tr(state.lang, str::fatal_body));
    paragraph(state.error, colour(p.text_muted));
    end_panel(&p.danger_soft, &p.border);
}

void draw_footer(ViewContext& ctx) {
    vertical_space(16.0f);
    const core::PolicySet& set = ctx.set();
    const std::string line = set.as_of ? fill(ctx.t(str::footer), set.version.c_str(), set.as_of->to_string().c_str())
                                       : fill(ctx.t(str::footer_no_date), set.version.c_str());
    paragraph(line, colour(palette().text_muted));
}

// ---- content ------------------------------------------------------------------------------------------------------------

// The width each view's column is capped at, so the footer lines up with the view above it.
float view_width(app::View view) {
    switch (view) {
        case app::View::explore: return kGridWidth;
        case app::View::detail: return kReadingWidth;
        case app::View::check:
        case app::View::compare: return kPageWidth;
    }
    return kGridWidth;
}

void draw_view(ViewContext& ctx) {
    draw_link_notice(ctx, view_width(ctx.state.view));
    draw_copy_failed(ctx, view_width(ctx.state.view));
    switch (ctx.state.view) {
        case app::View::explore:
            // The kiosk starts browsing with big category tiles: no typing at a booth.
            if (ctx.booth && ctx.booth->draw_explore_start(ctx)) break;
            draw_skipped_notice(ctx, kGridWidth);
            draw_explore(ctx);
            break;
        case app::View::detail: draw_detail(ctx); break;
        case app::View::check:
            draw_skipped_notice(ctx, kPageWidth);
            draw_check(ctx);
            return;  // the check view fills the height with its own panes (no footer below)
        case app::View::compare: draw_compare(ctx); break;
    }
    Column column(view_width(ctx.state.view));
    draw_footer(ctx);
}

// Escape leaves the details (unless a text field has the keyboard: there Escape belongs to the field).
void handle_keys(ViewContext& ctx) {
    if (ctx.state.view == app::View::detail && ImGui::IsKeyPressed(ImGuiKey_Escape, false) &&
        !ImGui::GetIO().WantTextInput) {
        ctx.intents.push([](app::AppState& s) { app::close_detail(s); });
    }
}

}  // namespace

namespace {

void begin_root(float height) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##portal", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
}

}  // namespace

void PortalUi::draw() {
    impl_->mirror.install();
    impl_->mirror.begin_frame();
    locator_.begin_frame();
    impl_->intents.bind(&state_);
    Booth* booth = state_.catalog != nullptr ? impl_->booth.get() : nullptr;
    impl_->now = ImGui::GetTime();
    if (booth && booth->frame_start(state_, impl_->now)) wipe_visit();
    if (!booth) impl_->touch.update(false);  // phones and touch laptops: a finger scrolls every pane
    const float full_height = ImGui::GetMainViewport()->WorkSize.y;

    // "Copied ✓" answers the click that copied; the next click anywhere retires it.
    if (state_.share_feedback == app::AppState::ShareFeedback::copied && ImGui::IsMouseClicked(ImGuiMouseButton_Left))
        state_.share_feedback = app::AppState::ShareFeedback::none;
    if (!state_.catalog) {
        begin_root(full_height);
        draw_error_page();
        ImGui::End();
    } else {
        ViewContext ctx{state_, *state_.catalog, fonts_, locator_, impl_->intents, impl_->memory, booth};
        if (!booth || !booth->draw_screen(ctx)) {
            draw_portal(ctx, booth ? full_height - booth->bar_height() : full_height);
            if (booth) booth->draw_layers(ctx, impl_->now);
        }
    }
    locator_.end_frame();
    const app::View tab_view = state_.view == app::View::detail ? state_.detail_return : state_.view;
    impl_->mirror.end_frame(std::string("tab:") + app::view_name(tab_view));
    ++state_.frames;
    impl_->intents.apply(state_);
    if (std::string say = impl_->announcer.update(state_, impl_->mirror); !say.empty()) impl_->announcement = std::move(say);
    if (state_.kiosk.reset_requested) wipe_visit();
}

void PortalUi::draw_portal(ViewContext& ctx, float height) {
    begin_root(height);
    handle_keys(ctx);
    draw_header(ctx);
    draw_content(ctx);
    ImGui::End();
}

// ---- the booth ------------------------------------------------------------------------------------------------

// The next visitor must find nothing of this one: the app state starts afresh (app::kiosk_reset), and so does
// everything ImGui and the views keep between frames: the text being edited, the widget holding the press,
// keyboard focus, every window's scroll and stored open/closed states, a list still gliding.
void PortalUi::wipe_visit() {
    if (impl_->booth) impl_->booth->reset_visit(state_);
    ImGuiContext& g = *GImGui;
    ImGui::ClearActiveID();
    g.InputTextState.ClearFreeMemory();
    g.InputTextState.ID = 0;
    g.InputTextDeactivatedState.ClearFreeMemory();
    g.NavId = 0;
    ImGui::FocusWindow(nullptr);
    for (ImGuiWindow* window : g.Windows) {
        window->Scroll = ImVec2(0, 0);
        window->ScrollTarget = ImVec2(FLT_MAX, FLT_MAX);
        window->StateStorage.Clear();
    }
    for (std::string* text : {&impl_->memory.search_buffer, &impl_->memory.answer_buffer}) {
        std::fill(text->begin(), text->end(), '\0');
    }
    impl_->memory = ViewMemory{};
    impl_->visit_wiped = true;
}

bool PortalUi::animating() const {
    return impl_->touch.animating() || (impl_->booth && impl_->booth->animating(state_));
}

double PortalUi::seconds_until_wake() const {
    return impl_->booth ? impl_->booth->seconds_until_wake(state_, impl_->now) : 0.0;
}

bool PortalUi::take_kiosk_reset() {
    const bool wiped = impl_->visit_wiped;
    impl_->visit_wiped = false;
    return wiped;
}

bool PortalUi::take_suite_request() { return impl_->booth && impl_->booth->take_suite_request(state_); }

void PortalUi::deliver_suite(std::string_view text, const std::string& error) {
    if (impl_->booth) impl_->booth->deliver_suite(state_, text, error);
}

float PortalUi::zoom_for(float css_width, float css_height) const {
    return impl_->booth ? impl_->booth->zoom_for(css_width, css_height) : 1.0f;
}

bool PortalUi::booth() const { return impl_->booth != nullptr; }

void PortalUi::draw_error_page() {
    // Without data there is nothing to browse, but the page still speaks the visitor's language.
    app::Catalog empty;
    ViewContext ctx{state_, empty, fonts_, locator_, impl_->intents, impl_->memory};
    draw_header(ctx);
    const bool narrow = is_narrow();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, narrow ? ImVec2(12, 12) : ImVec2(20, 16));
    ImGui::BeginChild("##content", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleVar();
    draw_fatal(state_, fonts_, locator_);
    ImGui::EndChild();
}

void PortalUi::draw_content(ViewContext& ctx) {
    ViewMemory& memory = impl_->memory;
    // A new page starts at its top, as a visitor expects after following a link.
    const int view = static_cast<int>(state_.view);
    if (memory.last_view != view || (state_.view == app::View::detail && memory.last_selected != state_.selected)) {
        ImGui::SetNextWindowScroll(ImVec2(0.0f, 0.0f));
        memory.last_view = view;
        memory.last_selected = state_.selected;
    }
    const bool narrow = is_narrow();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, narrow ? ImVec2(12, 14) : ImVec2(20, 18));
    ImGui::BeginChild("##content", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleVar();
    draw_view(ctx);
    ImGui::EndChild();
}

// What ImGui believes about the keyboard, for tests: the keys it holds down and whether a text field is being
// edited. A held key with no one holding it is how a lost key-up shows.
namespace {
nlohmann::json keyboard_snapshot() {
    nlohmann::json held = nlohmann::json::array();
    if (ImGui::GetCurrentContext() == nullptr) return {{"held", held}, {"editing", false}};
    for (int key = ImGuiKey_NamedKey_BEGIN; key < ImGuiKey_GamepadStart; ++key) {
        if (ImGui::IsKeyDown(static_cast<ImGuiKey>(key))) held.push_back(ImGui::GetKeyName(static_cast<ImGuiKey>(key)));
    }
    const ImGuiContext& g = *GImGui;
    return {{"held", held}, {"editing", g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID}};
}
}  // namespace

std::string PortalUi::state_json() const {
    nlohmann::json snapshot = app::snapshot(state_);
    snapshot["focus"] = locator_.focused().empty() ? nlohmann::json(nullptr) : nlohmann::json(locator_.focused());
    snapshot["zoom"] = zoom_;  // layout pixels per CSS pixel: text and targets grow with it (the booth)
    snapshot["kiosk"] = false;
    if (impl_->booth) impl_->booth->snapshot(state_, impl_->now, snapshot);
    snapshot["animating"] = animating();
    snapshot["keyboard"] = keyboard_snapshot();
    snapshot["located"] = locator_.shown_ids();
    return snapshot.dump();
}

std::string PortalUi::locate_json(std::string_view id) const {
    const auto rect = locator_.find(id);
    if (!rect) return "null";
    char buf[160];
    // Layout pixels to CSS pixels (the kiosk magnifies the layout).
    const double z = static_cast<double>(zoom_);
    std::snprintf(buf, sizeof buf, "{\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"label\":%.1f}", static_cast<double>(rect->x) * z,
                  static_cast<double>(rect->y) * z, static_cast<double>(rect->w) * z, static_cast<double>(rect->h) * z,
                  static_cast<double>(rect->label) * z);
    return buf;
}

// ---- the accessibility mirror ----------------------------------------------------------------------------------

namespace {

// One node as a compact array: [key, role, name, x, y, w, h, states, level or value]. Rectangles in CSS pixels of
// the canvas, rounded, so a node moves in the page only when it moves on screen. States: 1 disabled, 2 checkable,
// 4 checked, 8 pressable, 16 pressed, 32 expandable, 64 expanded, 128 selected.
nlohmann::json node_json(const a11y::Node& node, float zoom) {
    const int states = (node.disabled ? 1 : 0) | (node.checkable ? 2 : 0) | (node.checked ? 4 : 0) |
                       (node.pressable ? 8 : 0) | (node.pressed ? 16 : 0) | (node.expandable ? 32 : 0) |
                       (node.expanded ? 64 : 0) | (node.selected ? 128 : 0);
    const auto px = [zoom](float v) { return std::lround(static_cast<double>(v * zoom)); };
    nlohmann::json extra = node.role == a11y::Role::heading ? nlohmann::json(node.level) : nlohmann::json(node.value);
    return nlohmann::json::array({node.key, a11y::role_name(node.role), node.name, px(node.x), px(node.y), px(node.w),
                                  px(node.h), states, std::move(extra)});
}

}  // namespace

std::string PortalUi::take_a11y_update() {
    nlohmann::json nodes = nlohmann::json::array();
    for (const a11y::Node& node : impl_->mirror.nodes()) nodes.push_back(node_json(node, zoom_));
    const std::string& focus = impl_->mirror.focused_key();
    nlohmann::json update = {{"lang", state_.lang == core::Lang::zh ? "zh" : "en"},
                             {"view", app::view_name(state_.view)},
                             {"focus", focus.empty() ? nlohmann::json(nullptr) : nlohmann::json(focus)},
                             {"nodes", std::move(nodes)}};
    std::string text = update.dump();
    if (text == impl_->a11y_sent && impl_->announcement.empty()) return {};
    impl_->a11y_sent = text;
    if (impl_->announcement.empty()) return text;
    update["say"] = std::move(impl_->announcement);
    impl_->announcement.clear();
    return update.dump();
}

bool PortalUi::a11y_focus(std::string_view key) {
    const a11y::Node* node = impl_->mirror.find(key);
    if (node == nullptr || node->id == 0 || ImGui::GetCurrentContext() == nullptr) return false;
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = ImGui::FindWindowByID(node->window);
    if (window == nullptr) return false;
    ImGui::SetFocusID(node->id, window);
    const ImRect rect(node->full_min, node->full_max);
    window->NavRectRel[g.NavLayer] = ImGui::WindowRectAbsToRel(window, rect);
    // Shown as keyboard focus: the amber ring, and the mouse no longer claims the hover.
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
    ImGui::ScrollToRectEx(window, rect);
    return true;
}

}  // namespace portal::ui
