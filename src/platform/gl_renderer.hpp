// Draws Dear ImGui's draw lists with WebGL2 (browser) or OpenGL 3.3 (desktop).
//
// Why not ImGui's own OpenGL3 backend: to be safe in any host application it reads about twenty pieces of GL
// state back before each frame and restores them after. In a browser every such read (glGetIntegerv,
// glIsEnabled) is a round trip to the GPU process that waits until the previous frame has been drawn, and
// under a software GPU (SwiftShader: headless Chromium, and Chrome on blocklisted booth PCs) that wait was
// 60-95 % of each frame (docs/PERFORMANCE.md, section 4). The portal owns its GL context, so there is nothing
// to save or restore: this renderer only sets state and draws, and the page's main thread never waits for the
// GPU during a frame.
#pragma once

struct ImDrawData;

namespace portal::platform {

class GlRenderer {
public:
    GlRenderer() = default;
    ~GlRenderer();
    GlRenderer(const GlRenderer&) = delete;
    GlRenderer& operator=(const GlRenderer&) = delete;

    // Compiles the shaders and makes the buffers in the current context. False (with error()) when the driver
    // rejects the shaders.
    bool init(const char* glsl_version);
    // (Re)uploads ImGui's font atlas as the texture that draw commands refer to.
    void upload_font_atlas();
    void render(const ImDrawData& draw_data);
    // Deletes what init() and upload_font_atlas() made.
    void shutdown();
    // The context was lost: its objects are already gone and their names mean nothing, so they are dropped
    // without deleting; init() starts afresh once the context is back.
    void forget_lost_objects();

    bool ready() const { return program_ != 0; }
    const char* error() const { return error_; }

private:
    void set_render_state(const ImDrawData& draw_data, int fb_width, int fb_height) const;

    unsigned program_ = 0;
    unsigned vertex_array_ = 0;
    unsigned vertex_buffer_ = 0;
    unsigned index_buffer_ = 0;
    unsigned font_texture_ = 0;
    int projection_location_ = -1;
    const char* error_ = "";
};

}  // namespace portal::platform
