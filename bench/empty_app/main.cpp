// The startup baseline: the smallest ImGui app on the portal's stack (SDL2, WebGL2, Dear ImGui, the same link
// flags), drawing one window with one line of text in ImGui's built-in font. bench/startup.mjs times it next to
// the portal; the difference is what the portal itself adds (its data, font, atlas and views).
#include <emscripten/emscripten.h>

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include "ui/imgui_private.hpp"  // the test-engine hook declarations

#define SDL_MAIN_HANDLED
#include <SDL.h>
#include <GLES3/gl3.h>

// The portal's Dear ImGui is built with IMGUI_ENABLE_TEST_ENGINE: every item it adds is reported to hooks, which
// the portal's accessibility mirror defines (src/ui/a11y.cpp). This app links the same library, so it answers them
// with nothing: the baseline keeps the hook calls' cost and adds no mirror.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID, const char*, ImGuiItemStatusFlags) {}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

namespace {

SDL_Window* g_window = nullptr;
long g_frames = 0;

void draw_frame() {
    SDL_Event event;
    while (SDL_PollEvent(&event)) ImGui_ImplSDL2_ProcessEvent(&event);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    ImGui::Begin("Empty app");
    ImGui::TextUnformatted("One line of text.");
    ImGui::End();
    ImGui::Render();
    const ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(0.95f, 0.96f, 0.98f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(g_window);
    ++g_frames;
}

bool start() {
    SDL_SetMainReady();
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) return false;
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    const auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    g_window = SDL_CreateWindow("Empty ImGui app", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800, flags);
    if (g_window == nullptr) return false;
    SDL_GLContext context = SDL_GL_CreateContext(g_window);
    if (context == nullptr) return false;
    SDL_GL_MakeCurrent(g_window, context);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplSDL2_InitForOpenGL(g_window, context);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    return true;
}

}  // namespace

extern "C" {
// Frames drawn so far: the page resolves its `ready` after the first, as the portal's loader does.
EMSCRIPTEN_KEEPALIVE long empty_app_frames() { return g_frames; }
}

int main() {
    if (!start()) return 1;
    emscripten_set_main_loop(draw_frame, 0, false);
    return 0;
}
