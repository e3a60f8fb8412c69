// The thin platform shell: one SDL2 window with a GL context, ImGui's SDL2 + OpenGL3 backends, and the frame
// loop. It knows nothing of policies; it hands each frame to the UI root and keeps the GPU font texture in step
// with the display's pixel density. The same code runs on the desktop (GL 3.3) and in the browser (WebGL2).
#pragma once

#include "platform/gl_renderer.hpp"
#include "platform/redraw_scheduler.hpp"
#include "ui/startup.hpp"

#include <memory>
#include <string>
#include <vector>

struct ImDrawData;
struct SDL_Window;
union SDL_Event;

namespace portal::ui {
class PortalUi;
}

namespace portal::platform {

// Layout pixels per window (CSS) pixel of the running UI: page code placed over the canvas multiplies by it.
float layout_zoom();

class Runner {
public:
    Runner();
    ~Runner();
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;

    // Loads the data, creates the ImGui context, the window and the GL context, and lays out the glyphs. Returns
    // false with a message in error() when the window or GL context cannot be made (the data's own problems are
    // shown by the UI).
    bool start(ui::StartupData input);

    struct FrameResult {
        bool running = true;  // false once the user closed the window (desktop)
        bool drew = false;    // false when nothing changed, so nothing was drawn (render on demand)
    };
    // One tick: events, then (only if something changed) font density check, UI, render.
    FrameResult frame();

    // Something outside SDL's event queue changed (page input, resize, data): draw through the grace period.
    void wake();

    // The WebGL context was lost (GPU reset, too many contexts): draw nothing until it is restored.
    void gl_context_lost() { context_lost_ = true; }
    // The WebGL context came back: every GL object is gone, so the renderer is rebuilt. State is untouched.
    void gl_context_restored();

    void shutdown();

    const std::string& error() const { return error_; }
    ui::PortalUi& ui() { return *ui_; }

private:
    bool start_sdl();
    void start_imgui();
    bool create_window();
    bool create_gl_context();
    float wanted_font_density() const;
    void build_fonts(float density);
    void rebuild_fonts_if_density_changed();
    void send_glyphs(const ImDrawData& draw_data);
    void update_zoom();
    void zoom_event(SDL_Event& event) const;
    float framebuffer_scale() const;
    void draw_frame();
    static double now_seconds();

    SDL_Window* window_ = nullptr;
    void* gl_context_ = nullptr;
    std::unique_ptr<ui::PortalUi> ui_;
    GlRenderer renderer_;
    RedrawScheduler redraw_;
    bool renderer_lost_ = false;
    bool context_lost_ = false;
    const char* glsl_version_ = nullptr;
    float font_density_ = 0.0f;
    bool font_texture_stale_ = false;  // the atlas was rebuilt (or the context lost) since it was uploaded
    float zoom_ = 1.0f;
    std::string error_;
};

}  // namespace portal::platform
