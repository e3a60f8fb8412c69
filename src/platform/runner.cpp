#include "platform/runner.hpp"

#include "ui/portal_ui.hpp"

#include <imgui.h>
#include <imgui_impl_sdl2.h>

#define SDL_MAIN_HANDLED
#include <SDL.h>
#if defined(__EMSCRIPTEN__)
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif

#include <algorithm>
#include <cmath>

namespace portal::platform {

namespace {
float g_layout_zoom = 1.0f;
}  // namespace

float layout_zoom() { return g_layout_zoom; }

Runner::Runner() : ui_(std::make_unique<ui::PortalUi>()) {}

Runner::~Runner() { shutdown(); }

// The order is chosen for the browser (docs/PERFORMANCE.md, section 6). Everything that needs no GL comes
// first: the data, the window (which sizes the canvas), the glyph layout. Meanwhile the GPU process finishes
// the page's own first frames, so creating the WebGL context then waits less, and nothing it starts (the
// context's buffers, the shader compile) competes with this thread's work for the CPU.
bool Runner::start(ui::StartupData input) {
    if (!start_sdl()) return false;
    start_imgui();
    ui_->start(std::move(input));
    if (!create_window()) return false;
    update_zoom();
    build_fonts(wanted_font_density());
    if (!create_gl_context()) return false;

    ImGui_ImplSDL2_InitForOpenGL(window_, gl_context_);
    if (!renderer_.init(glsl_version_)) {
        error_ = std::string("Could not start drawing: ") + renderer_.error();
        return false;
    }
    renderer_.name_font_texture();  // its pixels go up with the first frame's glyphs (send_glyphs)
    return true;
}

bool Runner::start_sdl() {
    SDL_SetMainReady();
#if defined(__EMSCRIPTEN__)
    // Keyboard events go to the canvas only, so the browser keeps F5, Ctrl+R, Tab out of the page, and the
    // page's own controls (such as a text input overlay) still receive keys.
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
#endif
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        error_ = std::string("SDL_Init failed: ") + SDL_GetError();
        return false;
    }

#if defined(__EMSCRIPTEN__)
    // WebGL2 is OpenGL ES 3.0.
    glsl_version_ = "#version 300 es";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
    glsl_version_ = "#version 330 core";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
#endif
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    return true;
}

void Runner::start_imgui() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing is stored unless the visitor asks
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep an idle page drawing
}

bool Runner::create_window() {
    // ALLOW_HIGHDPI: on the web SDL sizes the canvas's backing store by devicePixelRatio and keeps the window
    // size in CSS pixels, so ImGui lays out in CSS pixels and draws at full device resolution.
    const auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    window_ = SDL_CreateWindow("上虞青春之城 · Shangyu Maker City", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                               1280, 800, flags);
    if (window_ == nullptr) {
        error_ = std::string("Could not create the window: ") + SDL_GetError();
        return false;
    }
    return true;
}

bool Runner::create_gl_context() {
    gl_context_ = SDL_GL_CreateContext(window_);
    if (gl_context_ == nullptr) {
        error_ = std::string("Could not create a WebGL2/OpenGL 3 context: ") + SDL_GetError();
        return false;
    }
    SDL_GL_MakeCurrent(window_, gl_context_);
    SDL_GL_SetSwapInterval(1);
    return true;
}

float Runner::framebuffer_scale() const {
    int window_w = 0, window_h = 0, drawable_w = 0, drawable_h = 0;
    SDL_GetWindowSize(window_, &window_w, &window_h);
    SDL_GL_GetDrawableSize(window_, &drawable_w, &drawable_h);
    if (window_w <= 0) return 1.0f;
    return static_cast<float>(drawable_w) / static_cast<float>(window_w);
}

// Glyphs are rasterised at the screen's density times the kiosk's zoom (which magnifies layout pixels), so they
// stay sharp; in quarter steps, as finer steps would rebuild the atlas for nothing.
float Runner::wanted_font_density() const {
    return std::max(1.0f, std::round(framebuffer_scale() * zoom_ * 4.0f) / 4.0f);
}

void Runner::build_fonts(float density) {
    font_density_ = density;
    ui_->build_fonts(density);
    font_texture_stale_ = true;
}

// Text must be rasterised at the screen's real density to stay sharp (scaling a 1x atlas blurs it). The
// density changes with browser zoom and when the window moves to another screen, so it is checked each frame.
void Runner::rebuild_fonts_if_density_changed() {
    const float density = wanted_font_density();
    if (std::fabs(density - font_density_) >= 0.01f || ui_->fonts_dirty()) build_fonts(density);
    if (font_texture_stale_) renderer_.name_font_texture();
}

// Glyphs the frame shows for the first time get their pixels before it is drawn. A rebuilt atlas goes to the
// GPU whole, once, after that; otherwise only the rows that changed.
void Runner::send_glyphs(const ImDrawData& draw_data) {
    const auto rows = ui_->rasterise_glyphs(draw_data);
    if (font_texture_stale_) {
        renderer_.upload_font_atlas();
        font_texture_stale_ = false;
    } else if (!rows.empty()) {
        renderer_.update_font_atlas_rows(rows.first, rows.end);
    }
}

double Runner::now_seconds() { return static_cast<double>(SDL_GetTicks64()) / 1000.0; }

void Runner::wake() { redraw_.wake(now_seconds()); }

void Runner::gl_context_restored() {
    context_lost_ = false;
    renderer_lost_ = true;
    wake();
}

// The kiosk lays ImGui out in larger "layout pixels" (PortalUi::zoom_for): the window's size in CSS pixels is
// divided by the zoom, and pointer positions with it.
void Runner::update_zoom() {
    int w = 0, h = 0;
    SDL_GetWindowSize(window_, &w, &h);
    zoom_ = ui_->zoom_for(static_cast<float>(w), static_cast<float>(h));
    ui_->set_zoom(zoom_);
    g_layout_zoom = zoom_;
}

void Runner::zoom_event(SDL_Event& event) const {
    if (zoom_ == 1.0f || event.type != SDL_MOUSEMOTION) return;
    event.motion.x = static_cast<Sint32>(std::lround(static_cast<float>(event.motion.x) / zoom_));
    event.motion.y = static_cast<Sint32>(std::lround(static_cast<float>(event.motion.y) / zoom_));
}

Runner::FrameResult Runner::frame() {
    FrameResult result;
    SDL_Event event;
    bool had_events = false;
    while (SDL_PollEvent(&event)) {
        had_events = true;
        zoom_event(event);
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_QUIT) result.running = false;
        if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
            event.window.windowID == SDL_GetWindowID(window_))
            result.running = false;
    }
    if (had_events) wake();
    if (context_lost_ || !redraw_.should_draw(now_seconds(), ui_->animating())) return result;
    draw_frame();
    result.drew = true;
    return result;
}

void Runner::draw_frame() {
    if (renderer_lost_) {
        // Shader, buffer and texture names of the lost context are meaningless now; start the renderer afresh.
        renderer_.forget_lost_objects();
        if (!renderer_.init(glsl_version_)) return;
        font_texture_stale_ = true;  // the atlas itself is still in memory; only the GPU's copy is gone
        renderer_lost_ = false;
    }
    update_zoom();
    rebuild_fonts_if_density_changed();

    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& frame_io = ImGui::GetIO();
    frame_io.DisplaySize = ImVec2(frame_io.DisplaySize.x / zoom_, frame_io.DisplaySize.y / zoom_);
    frame_io.DisplayFramebufferScale = ImVec2(frame_io.DisplayFramebufferScale.x * zoom_, frame_io.DisplayFramebufferScale.y * zoom_);
    ImGui::NewFrame();
    ui_->draw();
    ImGui::Render();

    const double now = now_seconds();
    if (!renderer_.gpu_ready_for_frame(now)) {
        redraw_.owe_frame();  // this frame's input and state took effect; the picture follows in the next one
        return;
    }
    send_glyphs(*ImGui::GetDrawData());
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec4 clear = ui_->background_colour();
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(clear.x, clear.y, clear.z, clear.w);
    glClear(GL_COLOR_BUFFER_BIT);
    renderer_.render(*ImGui::GetDrawData(), now);
    SDL_GL_SwapWindow(window_);
}

void Runner::shutdown() {
    if (ImGui::GetCurrentContext() != nullptr) {
        // The ImGui context comes before the window; the renderer's objects and the SDL backend exist only once
        // the window and context did (start() may stop before).
        renderer_.shutdown();
        if (ImGui::GetIO().BackendPlatformUserData != nullptr) ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
    if (gl_context_ != nullptr) SDL_GL_DeleteContext(gl_context_);
    if (window_ != nullptr) SDL_DestroyWindow(window_);
    if (gl_context_ != nullptr || window_ != nullptr) SDL_Quit();
    gl_context_ = nullptr;
    window_ = nullptr;
}

}  // namespace portal::platform
