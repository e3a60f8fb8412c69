#include "ui/portal_ui.hpp"

#include "ui/imgui_private.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
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
#include "ui/header_view.hpp"
#include "ui/layout.hpp"
#include "ui/notices_view.hpp"
#include "ui/preview_view.hpp"
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
    std::vector<a11y::Node> a11y_sent;  // the nodes the page was last given, and what came with them
    std::string a11y_sent_focus;
    core::Lang a11y_sent_lang = core::Lang::zh;
    app::View a11y_sent_view = app::View::explore;
    float a11y_sent_zoom = 0.0f;        // 0: nothing sent yet
    std::string title_text;        // every character the title size must hold (follow_catalog())
    double intents_ms = 0.0;       // the last frame's time applying what the visitor did: the app's work, no drawing
    const app::Catalog* titles_of = nullptr;
};

PortalUi::PortalUi() : impl_(std::make_unique<Impl>()) {}
PortalUi::~PortalUi() = default;

void PortalUi::start(StartupData data) {
    font_file_ = std::move(data.font);
    // The files derived from the data name its bytes' SHA-256: kept until it is first needed (at the latest
    // after the first frame; an English start's join asks for it once the load is done, which drops the bytes).
    const bool has_later_parts = !data.details_file.empty() || !data.english_file.empty();
    if (has_later_parts) state_.data_bytes.keep(std::move(data.policy_json));
    const std::string_view policy_json = has_later_parts ? state_.data_bytes.text() : std::string_view(data.policy_json);
    std::optional<core::EnglishJoin> english_at_start;
    app::BeforeCatalog join_english;
    if (data.english && !data.english_file.empty()) {
        join_english = [&](core::LoadResult& loaded) {
            english_at_start = app::join_early_english(loaded, *data.english, data.english_file, state_.data_bytes.sha256());
        };
    }
    app::start(state_, policy_json, data.policy_file_name, data.preferred_lang, data.today, join_english);
    app::expect_details(state_, std::move(data.details_file));
    app::expect_english(state_, std::move(data.english_file), std::move(english_at_start));
    impl_->booth = std::move(data.booth);
    if (impl_->booth) impl_->booth->configure(state_);
    apply_palette();
    follow_catalog();
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

FontSizes PortalUi::font_sizes() const {
    // The booth keeps its own sizes (its display size is the large one); the site gets the title size.
    if (impl_->booth) return impl_->booth->font_sizes();
    FontSizes sizes;
    sizes.title = std::round(sizes.heading * kTitleScale);
    sizes.title_text = impl_->title_text.c_str();
    return sizes;
}

// The title size holds the loaded policies' titles only; new data (an author's preview) brings new characters.
void PortalUi::follow_catalog() {
    if (state_.catalog.get() == impl_->titles_of) return;
    impl_->titles_of = state_.catalog.get();
    impl_->title_text.clear();
    if (state_.catalog) {
        for (const core::Policy& policy : state_.catalog->set.policies) {
            impl_->title_text += policy.title.zh;
            impl_->title_text += policy.title.en;
        }
    }
    fonts_dirty_ = true;
}

ImVec4 PortalUi::background_colour() const { return palette().page; }

void PortalUi::set_system_preferences(const SystemPreferences& preferences) {
    preferences_ = preferences;
    apply_palette();
    if (preferences.reduced_motion) impl_->touch.stop();
}

void PortalUi::apply_palette() {
    use_palette(preferences_.more_contrast ? Contrast::more : Contrast::standard);
    apply_theme(ImGui::GetStyle(), 1.0f);
}

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

void PortalUi::deliver_details(std::string_view text, const std::string& error) {
    app::deliver_details(state_, text, error);
}

void PortalUi::deliver_english(std::string_view text, const std::string& error) {
    app::deliver_english(state_, text, error);
    follow_catalog();  // the title size now holds the English titles too
}

void PortalUi::open_preview(std::string_view text, const std::string& file_name) {
    if (impl_->booth) return;
    app::open_preview(state_, text, file_name);
    follow_catalog();
}

void PortalUi::preview_unreadable(const std::string& file_name) { app::preview_unreadable(state_, file_name); }

namespace {

void draw_footer(ViewContext& ctx) {
    vertical_space(16.0f);
    const core::PolicySet& set = ctx.set();
    const std::string line = set.as_of ? fill(ctx.t(str::footer), set.version.c_str(), set.as_of->to_string().c_str())
                                       : fill(ctx.t(str::footer_no_date), set.version.c_str());
    paragraph(line, colour(palette().text_muted));
    draw_preview_entry(ctx);
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
    draw_preview_banner(ctx, view_width(ctx.state.view));
    draw_preview_error(ctx, view_width(ctx.state.view));
    draw_link_notice(ctx, view_width(ctx.state.view));
    draw_english_notice(ctx, view_width(ctx.state.view));
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
    const bool momentum = !preferences_.reduced_motion;
    if (booth && booth->frame_start(state_, impl_->now, momentum)) wipe_visit();
    if (!booth) impl_->touch.update(false, momentum);  // phones and touch laptops: a finger scrolls every pane
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
    const auto intents_start = std::chrono::steady_clock::now();
    impl_->intents.apply(state_);
    impl_->intents_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - intents_start).count();
    if (std::string say = impl_->announcer.update(state_, impl_->mirror); !say.empty()) impl_->announcement = std::move(say);
    if (state_.kiosk.reset_requested) wipe_visit();
    follow_catalog();
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
    const ScrollbarReserve reserve;  // a filter that shortens the list must not move the cards sideways
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
    return {{"held", held}, {"editing", editing_text()}};
}
}  // namespace

std::string PortalUi::state_json() const {
    nlohmann::json snapshot = app::snapshot(state_);
    snapshot["focus"] = locator_.focused().empty() ? nlohmann::json(nullptr) : nlohmann::json(locator_.focused());
    snapshot["zoom"] = zoom_;  // layout pixels per CSS pixel: text and targets grow with it (the booth)
    snapshot["kiosk"] = false;
    if (impl_->booth) impl_->booth->snapshot(state_, impl_->now, snapshot);
    snapshot["animating"] = animating();
    snapshot["preferences"] = {{"reduced_motion", preferences_.reduced_motion}, {"more_contrast", preferences_.more_contrast}};
    snapshot["keyboard"] = keyboard_snapshot();
    snapshot["located"] = locator_.shown_ids();
    snapshot["intents_ms"] = impl_->intents_ms;  // benchmarks tell the app's work from the frame's drawing
    return snapshot.dump();
}

std::string PortalUi::locate_json(std::string_view id) const {
    const auto rect = locator_.find(id);
    if (!rect) return "null";
    // Layout pixels to CSS pixels (the kiosk magnifies the layout), to a tenth of a pixel.
    const auto css = [this](float layout) { return std::round(static_cast<double>(layout) * static_cast<double>(zoom_) * 10.0) / 10.0; };
    return nlohmann::json{{"x", css(rect->x)}, {"y", css(rect->y)}, {"w", css(rect->w)}, {"h", css(rect->h)}, {"label", css(rect->label)}}.dump();
}

// ---- the accessibility mirror ----------------------------------------------------------------------------------

namespace {

// One node as a compact array: [key, role, name, x, y, w, h, states, level or value, error key, dialog]. Rectangles
// in CSS pixels of the canvas, rounded, so a node moves in the page only when it moves on screen. States: 1
// disabled, 2 checkable, 4 checked, 8 pressable, 16 pressed, 32 expandable, 64 expanded, 128 selected, 256
// invalid, 512 in an urgent dialog. The last two are left out when empty.
int node_states(const a11y::Node& node) {
    return (node.disabled ? 1 : 0) | (node.checkable ? 2 : 0) | (node.checked ? 4 : 0) | (node.pressable ? 8 : 0) |
           (node.pressed ? 16 : 0) | (node.expandable ? 32 : 0) | (node.expanded ? 64 : 0) | (node.selected ? 128 : 0) |
           (node.invalid ? 256 : 0) | (node.urgent ? 512 : 0);
}

long css_px(float layout, float zoom) { return std::lround(static_cast<double>(layout * zoom)); }

nlohmann::json node_json(const a11y::Node& node, float zoom) {
    nlohmann::json extra = node.role == a11y::Role::heading ? nlohmann::json(node.level) : nlohmann::json(node.value);
    nlohmann::json out = nlohmann::json::array({node.key, a11y::role_name(node.role), node.name, css_px(node.x, zoom),
                                                css_px(node.y, zoom), css_px(node.w, zoom), css_px(node.h, zoom),
                                                node_states(node), std::move(extra)});
    if (!node.error_key.empty() || !node.dialog.empty()) out.push_back(node.error_key);
    if (!node.dialog.empty()) out.push_back(node.dialog);
    return out;
}

// Whether the page would be given the same for both nodes (what node_json writes, compared before writing it).
bool same_for_page(const a11y::Node& a, const a11y::Node& b, float zoom) {
    return a.key == b.key && a.role == b.role && a.name == b.name && node_states(a) == node_states(b) &&
           (a.role == a11y::Role::heading ? a.level == b.level : a.value == b.value) && a.error_key == b.error_key &&
           a.dialog == b.dialog && css_px(a.x, zoom) == css_px(b.x, zoom) && css_px(a.y, zoom) == css_px(b.y, zoom) &&
           css_px(a.w, zoom) == css_px(b.w, zoom) && css_px(a.h, zoom) == css_px(b.h, zoom);
}

}  // namespace

// Compared node by node first: a frame that changed nothing for the page (most frames that draw) writes no JSON.
std::string PortalUi::take_a11y_update() {
    Impl& impl = *impl_;
    const std::vector<a11y::Node>& shown = impl.mirror.nodes();
    const std::string& focus = impl.mirror.focused_key();
    const bool same = impl.a11y_sent_zoom == zoom_ && impl.a11y_sent_lang == state_.lang &&
                      impl.a11y_sent_view == state_.view && impl.a11y_sent_focus == focus &&
                      std::equal(shown.begin(), shown.end(), impl.a11y_sent.begin(), impl.a11y_sent.end(),
                                 [this](const a11y::Node& a, const a11y::Node& b) { return same_for_page(a, b, zoom_); });
    if (same && impl.announcement.empty()) return {};
    impl.a11y_sent = shown;
    impl.a11y_sent_focus = focus;
    impl.a11y_sent_lang = state_.lang;
    impl.a11y_sent_view = state_.view;
    impl.a11y_sent_zoom = zoom_;
    nlohmann::json nodes = nlohmann::json::array();
    for (const a11y::Node& node : shown) nodes.push_back(node_json(node, zoom_));
    nlohmann::json update = {{"lang", state_.lang == core::Lang::zh ? "zh" : "en"},
                             {"view", app::view_name(state_.view)},
                             {"focus", focus.empty() ? nlohmann::json(nullptr) : nlohmann::json(focus)},
                             {"nodes", std::move(nodes)}};
    if (!impl.announcement.empty()) update["say"] = std::move(impl.announcement);
    impl.announcement.clear();
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
