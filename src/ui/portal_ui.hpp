// The UI root: owns the app state, the fonts and the locator, and draws one frame of the whole portal.
// The platform layer calls it; it makes no platform calls itself, so headless tests can drive it too.
#pragma once

#include "app/app_state.hpp"
#include "app/page_effects.hpp"
#include "ui/booth.hpp"
#include "ui/fonts.hpp"
#include "ui/locator.hpp"
#include "ui/startup.hpp"

#include <imgui.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace portal::ui {

struct ViewContext;

// How the page was opened, beyond the data: its address and what this device remembers.
struct PageOpening {
    std::string page_url;       // the address without fragment, its query only ?as_of= (for links the visitor copies)
    std::string fragment;       // the address's fragment: a shared screen to show
    std::string device_memory;  // what "remember on this device" stored earlier ("" when nothing)
    std::string session_memory; // this tab's copy of the answers from before a reload ("" when nothing)
    bool private_page = false;  // a shared machine (the kiosk): no history entries, no storage
};

// The visitor's system settings the page reads from its media queries (prefers-reduced-motion,
// prefers-contrast / forced-colors).
struct SystemPreferences {
    bool reduced_motion = false;
    bool more_contrast = false;
};

class PortalUi {
public:
    PortalUi();
    ~PortalUi();
    PortalUi(const PortalUi&) = delete;
    PortalUi& operator=(const PortalUi&) = delete;

    // Loads the data and applies the theme. Problems with the data are shown in the UI, never fatal.
    void start(StartupData data);

    // The font atlas must be rebuilt (density or scale changed); the platform re-uploads the texture after.
    bool fonts_dirty() const { return fonts_dirty_; }
    void build_fonts(float density);
    // Rasterises the glyphs this frame draws for the first time (OnDemandGlyphs); the renderer uploads the rows.
    OnDemandGlyphs::Rows rasterise_glyphs(const ImDrawData& draw_data);

    // Draws one frame; call between ImGui::NewFrame() and ImGui::Render().
    void draw();

    // Something moves without input (a list gliding after a flick, the kiosk's countdown, a held staff
    // gesture): the platform's render-on-demand loop keeps drawing while this is true.
    bool animating() const;
    // Kiosk: seconds from the last frame until the idle countdown must appear (0 = no wake-up needed). The
    // platform sets a timer for it, because a paused render loop notices no time passing.
    double seconds_until_wake() const;
    // Kiosk: the visit was wiped during the last frame; the page must forget it too (storage, address, input).
    // Taking it clears it.
    bool take_kiosk_reset();
    // Kiosk: the self-test wants the JsonLogic suite file; the platform fetches it (once) and hands it over.
    bool take_suite_request();
    void deliver_suite(std::string_view text, const std::string& error);

    // Whether this is the booth (a Booth was handed over at start).
    bool booth() const;

    // Layout pixels per CSS pixel: 1 on the site; the kiosk magnifies everything (kiosk_view.hpp). The platform
    // (and the headless tests) lay ImGui out at the CSS size divided by zoom_for(), and set_zoom() it so the
    // test hook still answers in CSS pixels.
    float zoom_for(float css_width, float css_height) const;
    void set_zoom(float zoom) { zoom_ = zoom; }
    float zoom() const { return zoom_; }

    ImVec4 background_colour() const;

    // What the visitor's system asks of every page: no gliding after a flick, a high-contrast palette. Applies
    // from the next frame; the platform tells it at start and whenever the system setting changes.
    void set_system_preferences(const SystemPreferences& preferences);

    // The test hook: state snapshot and widget rectangles, as JSON text.
    std::string state_json() const;
    std::string locate_json(std::string_view id) const;

    const app::AppState& state() const { return state_; }

    // After start(): restores remembered answers, then shows the screen the address's fragment describes.
    void open_page(const PageOpening& opening);

    // What the page must do after this frame (open a tab, copy a link, download, update the address bar,
    // store or forget answers). Taking them clears the one-shot requests.
    app::PageEffects take_page_effects();

    // The address's fragment changed without the app (back / forward, an edited address): show that screen.
    void follow_address(std::string_view fragment);

    // A data author's local policy file arrived (picked or dropped on the page): shown as a preview in place
    // of the bundled data (app/preview.hpp). Ignored on the booth.
    void open_preview(std::string_view text, const std::string& file_name);
    void preview_unreadable(const std::string& file_name);

    // The details file asked for in PageEffects::fetch_details arrived (error "") or could not be fetched.
    void deliver_details(std::string_view text, const std::string& error);
    // The English file asked for in PageEffects::fetch_english arrived (error "") or could not be fetched.
    void deliver_english(std::string_view text, const std::string& error);

    // The clipboard took the link asked for in PageEffects::copy_link, or refused it.
    void share_finished(bool copied);

    const Locator& locator() const { return locator_; }

    // The accessibility mirror (ui/a11y.hpp): the last frame's nodes as JSON for the page, or "" when nothing
    // changed since the last call (so an unchanged frame costs the page nothing).
    std::string take_a11y_update();
    // A mirror node received the page's focus: that widget gets ImGui's keyboard focus (and its focus ring) and
    // is scrolled into view. False when no widget has that key.
    bool a11y_focus(std::string_view key);

private:
    void draw_content(ViewContext& ctx);
    void draw_error_page();
    void draw_portal(ViewContext& ctx, float height);
    void wipe_visit();
    FontSizes font_sizes() const;
    void follow_catalog();
    void apply_palette();  // the one preferences_ asks for, onto ImGui's style

    struct Impl;
    std::unique_ptr<Impl> impl_;
    app::AppState state_;
    std::vector<unsigned char> font_file_;
    Fonts fonts_;
    OnDemandGlyphs glyphs_;
    Locator locator_;
    app::PageSync page_sync_;
    bool fonts_dirty_ = true;
    float zoom_ = 1.0f;
    SystemPreferences preferences_;
};

}  // namespace portal::ui
