// The thin platform shell: one SDL2 window with a GL context, ImGui's SDL2 + OpenGL3 backends, and the frame
// loop. It knows nothing of policies; it hands each frame to the UI root and keeps the GPU font texture in step
// with the display's pixel density. The same code runs on the desktop (GL 3.3) and in the browser (WebGL2).
#pragma once

#include <memory>
#include <string>
#include <vector>

struct SDL_Window;

namespace portal::ui {
class PortalUi;
}

namespace portal::platform {

struct StartupInput {
    std::string policy_json;             // the bundled policy file's text
    std::string policy_file_name;        // for error messages
    std::vector<unsigned char> font;     // the bundled font subset (OpenType)
    std::string preferred_lang;          // "zh" or "en" (from the browser or the desktop's locale)
    std::string today;                   // YYYY-MM-DD, the evaluation date
};

class Runner {
public:
    Runner();
    ~Runner();
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;

    // Creates the window, GL context and ImGui context, and loads the data. Returns false with a message in
    // error() when the window or GL context cannot be made (the data's own problems are shown by the UI).
    bool start(StartupInput input);

    // One frame: events, font density check, UI, render. Returns false when the user closed the window.
    bool frame();

    void shutdown();

    const std::string& error() const { return error_; }
    ui::PortalUi& ui() { return *ui_; }

private:
    void rebuild_fonts_if_density_changed();
    float framebuffer_scale() const;

    SDL_Window* window_ = nullptr;
    void* gl_context_ = nullptr;
    std::unique_ptr<ui::PortalUi> ui_;
    float font_density_ = 0.0f;
    std::string error_;
};

}  // namespace portal::platform
