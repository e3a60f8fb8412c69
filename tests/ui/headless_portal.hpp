// A portal without a window: the real UI root, a real ImGui context and font atlas, frames run on demand and
// input fed through ImGui's event queue exactly as the SDL backend feeds it. Tests click widgets by the ids the
// test hook knows, so they exercise the same paths as a person (and the browser tests) do.
#pragma once

#include "ui/kiosk_booth.hpp"
#include "ui/portal_ui.hpp"
#include "ui/text_layout.hpp"
#include "test_paths.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace portal::test {

inline std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct HeadlessOptions {
    std::string policy_file = PORTAL_POLICY_FILE;
    std::string lang = "zh";
    std::string today = "2026-11-26";
    float width = 1366.0f;
    float height = 768.0f;
    portal::app::KioskSettings kiosk;  // enabled: the recruitment-fair booth (laid out magnified, as in the browser)
    std::string policy_text;           // the data itself, instead of reading policy_file
    std::string details_file;          // the data comes without its details, which are in this file (app/details.hpp)
    std::string english_file;          // ... and without its policies' English, in this file (app/english.hpp)
    std::optional<app::EarlyEnglish> english;  // the English file's text when the page fetched it with the data
};

class HeadlessPortal {
public:
    explicit HeadlessPortal(const HeadlessOptions& options = {}) {
        context_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        css_size_ = ImVec2(options.width, options.height);
        io.DisplaySize = css_size_;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        const std::string font = read_text_file(PORTAL_FONT_FILE);
        ui::StartupData data{options.policy_text.empty() ? read_text_file(options.policy_file) : options.policy_text,
                             options.policy_file, std::vector<unsigned char>(font.begin(), font.end()), options.lang,
                             options.today, {}, options.details_file, options.english_file, options.english};
        if (options.kiosk.enabled) data.booth = ui::make_kiosk_booth(options.kiosk);
        ui_.start(std::move(data));
        ui_.build_fonts(1.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // marks the atlas as uploaded, as a renderer would
        frames(2);
    }
    ~HeadlessPortal() { ImGui::DestroyContext(context_); }
    HeadlessPortal(const HeadlessPortal&) = delete;
    HeadlessPortal& operator=(const HeadlessPortal&) = delete;

    // `seconds`: how much time this frame advances the UI clock (the kiosk's idle timer reads it).
    void frame(float seconds = 1.0f / 60.0f) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = seconds;
        // As the platform does: the layout runs at the CSS size divided by the zoom (1 outside the kiosk).
        const float zoom = ui_.zoom_for(css_size_.x, css_size_.y);
        ui_.set_zoom(zoom);
        io.DisplaySize = ImVec2(css_size_.x / zoom, css_size_.y / zoom);
        if (ui_.fonts_dirty()) {
            ui_.build_fonts(1.0f);
            unsigned char* pixels = nullptr;
            int w = 0, h = 0;
            io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        }
        ImGui::NewFrame();
        text_.clear();
        if (capture_text_) ui::capture_drawn_text(&text_);
        ui_.draw();
        ui::capture_drawn_text(nullptr);
        ImGui::Render();
        ui_.rasterise_glyphs(*ImGui::GetDrawData());  // as the platform does before drawing
    }

    // The texts one frame draws through paragraph(), draw_clamped() and badges, one per line. Rows and cards
    // are drawn only when visible, so make the window tall enough for what the test reads.
    std::string frame_text() {
        capture_text_ = true;
        frame();
        capture_text_ = false;
        return text_;
    }

    void frames(int count) {
        for (int i = 0; i < count; ++i) frame();
    }

    void resize(float width, float height) {
        css_size_ = ImVec2(width, height);
        frames(2);
    }

    // Where a widget was drawn in the last frame; throws when it is not visible.
    ImVec4 rect(const std::string& id) const {
        const auto json = nlohmann::json::parse(ui_.locate_json(id));
        if (json.is_null()) throw std::runtime_error("widget not on screen: " + id);
        return ImVec4(json["x"].get<float>(), json["y"].get<float>(), json["w"].get<float>(), json["h"].get<float>());
    }

    bool visible(const std::string& id) const { return ui_.locate_json(id) != "null"; }

    // Pointer positions are CSS pixels, as in the browser; ImGui gets them in layout pixels.
    void pointer_to(float x, float y) { ImGui::GetIO().AddMousePosEvent(x / ui_.zoom(), y / ui_.zoom()); }

    void move_mouse(float x, float y) {
        pointer_to(x, y);
        frame();
    }

    void click(const std::string& id) {
        const ImVec4 r = rect(id);
        click_at(r.x + r.z / 2, r.y + r.w / 2);
    }

    void click_at(float x, float y) {
        ImGuiIO& io = ImGui::GetIO();
        pointer_to(x, y);
        frame();
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        frame();
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        frames(2);
    }

    void wheel(float dy) {
        ImGui::GetIO().AddMouseWheelEvent(0.0f, dy);
        frames(2);
    }

    void type(const std::string& utf8) {
        ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
        frames(2);
    }

    void press(ImGuiKey key, ImGuiKey modifier = ImGuiKey_None) {
        ImGuiIO& io = ImGui::GetIO();
        if (modifier != ImGuiKey_None) io.AddKeyEvent(modifier, true);
        io.AddKeyEvent(key, true);
        frame();
        io.AddKeyEvent(key, false);
        if (modifier != ImGuiKey_None) io.AddKeyEvent(modifier, false);
        frames(2);
    }

    nlohmann::json state() const { return nlohmann::json::parse(ui_.state_json()); }

    ui::PortalUi& ui() { return ui_; }

private:
    bool capture_text_ = false;
    std::string text_;
    ImGuiContext* context_ = nullptr;
    ImVec2 css_size_;
    ui::PortalUi ui_;
};

}  // namespace portal::test
