// The booth's side of the seam in ui/booth.hpp: its rules (app/kiosk.hpp) and screens (ui/kiosk_view.hpp) behind
// the Booth interface the common UI calls.
#include "ui/kiosk_booth.hpp"

#include <imgui.h>

#include "app/kiosk.hpp"
#include "app/share_link.hpp"
#include "ui/kiosk_strings.hpp"
#include "ui/kiosk_view.hpp"
#include "ui/touch_scroll.hpp"
#include "ui/view_context.hpp"

namespace portal::ui {

namespace {

// When this build was made, for the staff self-test (compared with what the booth should run).
constexpr const char* kBuildDate = __DATE__ " " __TIME__;

class KioskBooth final : public Booth {
public:
    explicit KioskBooth(const app::KioskSettings& settings) : settings_(settings) {}

    void configure(app::AppState& state) override {
        app::configure_kiosk(state, settings_);
        state.lang = core::Lang::zh;  // the booth's own language, whatever the browser prefers
    }

    FontSizes font_sizes() const override {
        FontSizes sizes;
        sizes.display = 64.0f;
        sizes.display_text = kstr::attract_title.zh;
        return sizes;
    }

    float zoom_for(float css_width, float css_height) const override { return kiosk_zoom(css_width, css_height); }

    // A touch keeps the visit alive (or starts one from the attract screen), the idle clock may end it, and a
    // finger dragging a list scrolls it.
    bool frame_start(app::AppState& state, double now, bool momentum) override {
        if (kiosk_input_this_frame()) {
            // On the attract screen only a real touch starts a visit (a stray pointer move does not).
            if (state.kiosk.phase != app::KioskPhase::attract || kiosk_press_this_frame()) app::kiosk_activity(state, now);
        }
        if (app::kiosk_idle_expired(state, now)) return true;
        // A booth's screen may report touches as a mouse.
        if (state.kiosk.phase != app::KioskPhase::attract) touch_.update(true, momentum);
        return false;
    }

    bool draw_screen(ViewContext& ctx) override {
        if (ctx.state.kiosk.phase != app::KioskPhase::attract) return false;
        staff_holding_ = false;
        draw_attract(ctx);
        return true;
    }

    float bar_height() const override { return kiosk_bar_height(); }

    void draw_layers(ViewContext& ctx, double now) override {
        const app::KioskState& kiosk = ctx.state.kiosk;
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        staff_holding_ = draw_kiosk_bar(ctx, viewport->WorkPos.y + viewport->WorkSize.y - kiosk_bar_height());
        if (!kiosk.link_url.empty()) {
            draw_link_panel(ctx);
        } else if (kiosk.share_open) {
            draw_share_panel(ctx, app::share_url(ctx.state, true));
        }
        if (kiosk.selftest_open) draw_selftest(ctx, kBuildDate);
        if (kiosk.phase == app::KioskPhase::countdown) draw_countdown(ctx, app::seconds_until_reset(ctx.state, now));
    }

    bool draw_explore_start(ViewContext& ctx) override {
        if (draw_category_tiles(ctx)) return true;
        draw_back_to_tiles(ctx);
        return false;
    }

    void draw_keypad(ViewContext& ctx, int question) override { ui::draw_keypad(ctx, question); }
    void draw_take_away(ViewContext& ctx) override { draw_kiosk_take_away(ctx); }

    void reset_visit(app::AppState& state) override {
        app::kiosk_reset(state);
        touch_.stop();
        staff_holding_ = false;
    }

    bool animating(const app::AppState& state) const override {
        return touch_.animating() || state.kiosk.phase == app::KioskPhase::countdown || staff_holding_;
    }

    double seconds_until_wake(const app::AppState& state, double now) const override {
        return app::seconds_until_countdown(state, now);
    }

    bool take_suite_request(app::AppState& state) override {
        if (!state.kiosk.selftest.suite_requested) return false;
        if (!suite_text_.empty()) {
            app::finish_selftest_suite(state, suite_text_, "");  // fetched before: run it again at once
            return false;
        }
        if (suite_asked_) return false;
        suite_asked_ = true;
        return true;
    }

    void deliver_suite(app::AppState& state, std::string_view text, const std::string& error) override {
        suite_asked_ = false;
        if (error.empty()) suite_text_.assign(text);
        app::finish_selftest_suite(state, text, error);
    }

    void snapshot(const app::AppState& state, double now, nlohmann::json& out) const override {
        const nlohmann::json booth = app::kiosk_snapshot(state, now);  // kept: items() only refers to it
        for (const auto& [key, value] : booth.items()) out[key] = value;
    }

private:
    app::KioskSettings settings_;
    TouchScroll touch_;
    bool staff_holding_ = false;  // the staff gesture is being held
    bool suite_asked_ = false;    // the platform was asked for the JsonLogic suite
    std::string suite_text_;      // kept once fetched: opening the self-test again needs no download
};

}  // namespace

std::unique_ptr<Booth> make_kiosk_booth(const app::KioskSettings& settings) {
    return std::make_unique<KioskBooth>(settings);
}

}  // namespace portal::ui
