// The UI root: owns the app state, the fonts and the locator, and draws one frame of the whole portal.
// The platform layer calls it; it makes no platform calls itself, so headless tests can drive it too.
#pragma once

#include "app/app_state.hpp"
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

    // A link the visitor asked to open (http/https/mailto/tel only), or "" when none is waiting. The platform
    // opens it in a new tab; taking it clears it.
    std::string take_open_url();

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
    bool fonts_dirty_ = true;
};

}  // namespace portal::ui
