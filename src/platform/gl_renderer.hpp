// Draws Dear ImGui's draw lists with WebGL2 (browser) or OpenGL 3.3 (desktop).
//
// Why not ImGui's own OpenGL3 backend: to be safe in any host application it reads about twenty pieces of GL
// state back before each frame and restores them after. In a browser every such read (glGetIntegerv,
// glIsEnabled) is a round trip to the GPU process that waits until the previous frame has been drawn, and
// under a software GPU (SwiftShader: headless Chromium, and Chrome on blocklisted booth PCs) that wait was
// 60-95 % of each frame (docs/PERFORMANCE.md, section 4). The portal owns its GL context, so there is nothing
// to save or restore: this renderer only sets state and draws, and the page's main thread never waits for the
// GPU during a frame.
//
// Never waiting has one danger: frames the page runs outside the browser's refresh (a tap runs one at once, the
// tests run hundreds) can queue faster than a slow GPU draws them, and a queue of seconds delays the page's input
// by as long. So in the browser a frame is handed to the GPU only once the previous one is done (a fence, polled
// without waiting); until then frames still run (input, state) but skip drawing, and the next one draws.
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
    // Names the font atlas's texture for ImGui's draw commands; needed before the frame is built (NewFrame
    // captures the name), while the pixels can follow once the frame has rasterised its glyphs.
    void name_font_texture();
    // (Re)uploads ImGui's font atlas as the texture that draw commands refer to.
    void upload_font_atlas();
    // Re-sends rows [first_row, end_row) of the atlas after glyphs were rasterised into them.
    void update_font_atlas_rows(int first_row, int end_row);
    // Whether a frame drawn now would go straight to the GPU: the previous one is done, or it has been waiting
    // for longer than any healthy GPU takes (a fence that never signals must not freeze the screen).
    bool gpu_ready_for_frame(double now_seconds);
    void render(const ImDrawData& draw_data, double now_seconds);
    // Deletes what init() and upload_font_atlas() made.
    void shutdown();
    // The context was lost: its objects are already gone and their names mean nothing, so they are dropped
    // without deleting; init() starts afresh once the context is back.
    void forget_lost_objects();

    bool ready() const { return linked_; }
    const char* error() const { return error_; }

private:
    // The two halves of init(): begin_init() only sends commands (in a browser the GPU process compiles and
    // links the shaders); finish_init() asks whether that worked, which waits until it is done.
    void begin_init(const char* glsl_version);
    bool finish_init();
    void set_render_state(const ImDrawData& draw_data, int fb_width, int fb_height) const;
    const unsigned char* bind_atlas_for_upload(int& width, int& height);

    unsigned program_ = 0;
    bool linked_ = false;  // finish_init() has seen the program linked
    unsigned vertex_array_ = 0;
    unsigned vertex_buffer_ = 0;
    unsigned index_buffer_ = 0;
    unsigned font_texture_ = 0;
    int projection_location_ = -1;
    const char* error_ = "";
    void* frame_fence_ = nullptr;  // the GLsync of the last frame handed to the GPU (browser only)
    double frame_handed_at_ = 0.0;
};

}  // namespace portal::platform
