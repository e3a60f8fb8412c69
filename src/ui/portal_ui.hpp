// The UI root: owns the app state, the fonts and the locator, and draws one frame of the whole portal.
// The platform layer calls it; it makes no platform calls itself, so headless tests can drive it too.
#pragma once

#include "app/app_state.hpp"
#include "app/page_effects.hpp"
#include "ui/fonts.hpp"
#include "ui/locator.hpp"

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace portal::ui {

struct ViewContext;

struct StartupData {
    std::string policy_json;
    std::string policy_file_name;
    std::vector<unsigned char> font;
    std::string preferred_lang;  // "zh" or "en"
    std::string today;           // YYYY-MM-DD
};

// How the page was opened, beyond the data: its address and what this device remembers.
struct PageOpening {
    std::string page_url;       // the address without query or fragment (for links the visitor copies)
    std::string fragment;       // the address's fragment: a shared screen to show
    std::string device_memory;  // what "remember on this device" stored earlier ("" when nothing)
    bool private_page = false;  // a shared machine (the kiosk): no history entries, no storage
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

    // Draws one frame; call between ImGui::NewFrame() and ImGui::Render().
    void draw();

    ImVec4 background_colour() const;

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

    // The clipboard took the link asked for in PageEffects::copy_link, or refused it.
    void share_finished(bool copied);

    const Locator& locator() const { return locator_; }

private:
    void draw_content(ViewContext& ctx);
    void draw_error_page();

    struct Impl;
    Impl* impl_;
    app::AppState state_;
    std::vector<unsigned char> font_file_;
    Fonts fonts_;
    Locator locator_;
    app::PageSync page_sync_;
    bool fonts_dirty_ = true;
};

}  // namespace portal::ui
