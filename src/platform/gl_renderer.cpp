#include "platform/gl_renderer.hpp"

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <string>

#if defined(__EMSCRIPTEN__)
#include <GLES3/gl3.h>
#else
// The desktop's GL 3.3 entry points come through the small loader that ships with Dear ImGui's backends (this
// is the only file that uses them).
#define IMGL3W_IMPL
#include <imgui_impl_opengl3_loader.h>
#endif

// Constants the loader header leaves out (their values are fixed by the GL specification).
#ifndef GL_UNPACK_ALIGNMENT
#define GL_UNPACK_ALIGNMENT 0x0CF5
#endif
#ifndef GL_RED
#define GL_RED 0x1903
#endif
#ifndef GL_R8
#define GL_R8 0x8229
#endif

namespace portal::platform {
namespace {

// The atlas holds coverage only (one byte per texel, a quarter of ImGui's RGBA form to build and upload), so
// the fragment shader takes its alpha from the texture's red channel and its colour from the vertex.
constexpr const char* kVertexShader = R"(
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
uniform mat4 ProjMtx;
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
    Frag_UV = UV;
    Frag_Color = Color;
    gl_Position = ProjMtx * vec4(Position.xy, 0.0, 1.0);
}
)";

constexpr const char* kFragmentShader = R"(
precision mediump float;
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() {
    Out_Color = vec4(Frag_Color.rgb, Frag_Color.a * texture(Texture, Frag_UV.st).r);
}
)";

// How long a frame may wait for its predecessor before it is drawn anyway.
constexpr double kLongestGpuWait = 0.25;

constexpr GLuint kPositionAttribute = 0;
constexpr GLuint kUvAttribute = 1;
constexpr GLuint kColourAttribute = 2;

GLuint compile_shader(GLenum type, const char* glsl_version, const char* body) {
    const std::string header = std::string(glsl_version) + "\n";
    const char* parts[2] = {header.c_str(), body};
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 2, parts, nullptr);
    glCompileShader(shader);
    return shader;
}

// Asked once, at start: the one GL read that waits for the driver, and the only way to learn the shaders failed.
bool linked(GLuint program) {
    GLint status = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &status);
    return status == GL_TRUE;
}

}  // namespace

GlRenderer::~GlRenderer() { shutdown(); }

bool GlRenderer::init(const char* glsl_version) {
    begin_init(glsl_version);
    return finish_init();
}

void GlRenderer::begin_init(const char* glsl_version) {
#if !defined(__EMSCRIPTEN__)
    if (imgl3wInit() != GL3W_OK) {
        error_ = "the OpenGL 3.3 functions could not be loaded";
        return;
    }
#endif
    const GLuint vertex = compile_shader(GL_VERTEX_SHADER, glsl_version, kVertexShader);
    const GLuint fragment = compile_shader(GL_FRAGMENT_SHADER, glsl_version, kFragmentShader);
    program_ = glCreateProgram();
    glAttachShader(program_, vertex);
    glAttachShader(program_, fragment);
    glLinkProgram(program_);
    glDetachShader(program_, vertex);
    glDetachShader(program_, fragment);
    glDeleteShader(vertex);
    glDeleteShader(fragment);

    // One vertex array for the whole run, describing ImDrawVert in the two stream buffers.
    glGenVertexArrays(1, &vertex_array_);
    glGenBuffers(1, &vertex_buffer_);
    glGenBuffers(1, &index_buffer_);
    glBindVertexArray(vertex_array_);
    glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, index_buffer_);
    glEnableVertexAttribArray(kPositionAttribute);
    glEnableVertexAttribArray(kUvAttribute);
    glEnableVertexAttribArray(kColourAttribute);
    const auto offset = [](std::size_t bytes) { return reinterpret_cast<const void*>(bytes); };
    glVertexAttribPointer(kPositionAttribute, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(kUvAttribute, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(kColourAttribute, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), offset(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
}

bool GlRenderer::finish_init() {
    if (program_ == 0) return false;  // begin_init() could not even start (error() says why)
    if (!linked(program_)) {
        glDeleteProgram(program_);
        program_ = 0;
        error_ = "the GPU driver rejected the drawing shaders";
        return false;
    }
    linked_ = true;
    projection_location_ = glGetUniformLocation(program_, "ProjMtx");
    glUseProgram(program_);
    glUniform1i(glGetUniformLocation(program_, "Texture"), 0);

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "portal_gl_renderer";
    return true;
}

void GlRenderer::name_font_texture() {
    if (font_texture_ == 0) glGenTextures(1, &font_texture_);
    ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_texture_)));
}

// Binds the atlas's texture for an upload and returns ImGui's one-byte-per-texel pixels.
const unsigned char* GlRenderer::bind_atlas_for_upload(int& width, int& height) {
    unsigned char* pixels = nullptr;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    return pixels;
}

void GlRenderer::upload_font_atlas() {
    name_font_texture();
    int width = 0, height = 0;
    const unsigned char* pixels = bind_atlas_for_upload(width, height);
    // Glyphs are rasterised at the screen's density and drawn 1:1, so plain linear filtering is right.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
}

void GlRenderer::update_font_atlas_rows(int first_row, int end_row) {
    if (font_texture_ == 0 || end_row <= first_row) return;
#if !defined(__EMSCRIPTEN__)
    // ImGui's desktop GL loader has no glTexSubImage2D; a desktop GPU takes the whole atlas in a blink.
    upload_font_atlas();
#else
    int width = 0, height = 0;
    const unsigned char* pixels = bind_atlas_for_upload(width, height);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, first_row, width, end_row - first_row, GL_RED, GL_UNSIGNED_BYTE,
                    pixels + static_cast<std::ptrdiff_t>(first_row) * width);
#endif
}

void GlRenderer::set_render_state(const ImDrawData& draw_data, int fb_width, int fb_height) const {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_width, fb_height);
    // ImGui's coordinates (top left origin, y down) to clip space.
    const float left = draw_data.DisplayPos.x;
    const float right = draw_data.DisplayPos.x + draw_data.DisplaySize.x;
    const float top = draw_data.DisplayPos.y;
    const float bottom = draw_data.DisplayPos.y + draw_data.DisplaySize.y;
    const float projection[4][4] = {
        {2.0f / (right - left), 0.0f, 0.0f, 0.0f},
        {0.0f, 2.0f / (top - bottom), 0.0f, 0.0f},
        {0.0f, 0.0f, -1.0f, 0.0f},
        {(right + left) / (left - right), (top + bottom) / (bottom - top), 0.0f, 1.0f},
    };
    glUseProgram(program_);
    glUniformMatrix4fv(projection_location_, 1, GL_FALSE, &projection[0][0]);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vertex_array_);
    glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
}

bool GlRenderer::gpu_ready_for_frame(double now_seconds) {
#if defined(__EMSCRIPTEN__)
    if (frame_fence_ == nullptr) return true;
    // A zero timeout only reads the fence's state (WebGL allows no other); the browser refreshes that state
    // between tasks, so frames run back to back in one task draw once.
    if (glClientWaitSync(static_cast<GLsync>(frame_fence_), 0, 0) == GL_TIMEOUT_EXPIRED && now_seconds - frame_handed_at_ < kLongestGpuWait)
        return false;
    glDeleteSync(static_cast<GLsync>(frame_fence_));
    frame_fence_ = nullptr;
#else
    (void)now_seconds;  // a desktop driver holds the app back at the buffer swap itself
#endif
    return true;
}

void GlRenderer::render(const ImDrawData& draw_data, double now_seconds) {
    const int fb_width = static_cast<int>(draw_data.DisplaySize.x * draw_data.FramebufferScale.x);
    const int fb_height = static_cast<int>(draw_data.DisplaySize.y * draw_data.FramebufferScale.y);
    if (!ready() || fb_width <= 0 || fb_height <= 0) return;
    set_render_state(draw_data, fb_width, fb_height);

    const ImVec2 clip_offset = draw_data.DisplayPos;
    const ImVec2 clip_scale = draw_data.FramebufferScale;
    constexpr GLenum kIndexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    for (int n = 0; n < draw_data.CmdListsCount; ++n) {
        const ImDrawList& list = *draw_data.CmdLists[n];
        // Orphaning the buffers each list lets the driver keep drawing the previous contents without a stall.
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.VtxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                     list.VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.IdxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                     list.IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& command : list.CmdBuffer) {
            if (command.UserCallback != nullptr) {
                if (command.UserCallback == ImDrawCallback_ResetRenderState) {
                    set_render_state(draw_data, fb_width, fb_height);
                } else {
                    command.UserCallback(&list, &command);
                }
                continue;
            }
            const ImVec2 clip_min((command.ClipRect.x - clip_offset.x) * clip_scale.x, (command.ClipRect.y - clip_offset.y) * clip_scale.y);
            const ImVec2 clip_max((command.ClipRect.z - clip_offset.x) * clip_scale.x, (command.ClipRect.w - clip_offset.y) * clip_scale.y);
            if (clip_max.x <= clip_min.x || clip_max.y <= clip_min.y) continue;
            // GL's scissor box counts rows from the bottom.
            glScissor(static_cast<int>(clip_min.x), static_cast<int>(static_cast<float>(fb_height) - clip_max.y),
                      static_cast<int>(clip_max.x - clip_min.x), static_cast<int>(clip_max.y - clip_min.y));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(command.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(command.ElemCount), kIndexType,
                           reinterpret_cast<const void*>(static_cast<std::size_t>(command.IdxOffset) * sizeof(ImDrawIdx)));
        }
    }
    glDisable(GL_SCISSOR_TEST);  // the next frame's glClear must reach the whole window, not the last clip rect
#if defined(__EMSCRIPTEN__)
    frame_fence_ = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    frame_handed_at_ = now_seconds;
#else
    (void)now_seconds;
#endif
}

void GlRenderer::shutdown() {
#if defined(__EMSCRIPTEN__)
    if (frame_fence_ != nullptr) glDeleteSync(static_cast<GLsync>(frame_fence_));
#endif
    if (font_texture_ != 0) glDeleteTextures(1, &font_texture_);
    if (vertex_buffer_ != 0) glDeleteBuffers(1, &vertex_buffer_);
    if (index_buffer_ != 0) glDeleteBuffers(1, &index_buffer_);
    if (vertex_array_ != 0) glDeleteVertexArrays(1, &vertex_array_);
    if (program_ != 0) glDeleteProgram(program_);
    forget_lost_objects();
}

void GlRenderer::forget_lost_objects() {
    program_ = vertex_array_ = vertex_buffer_ = index_buffer_ = font_texture_ = 0;
    linked_ = false;
    frame_fence_ = nullptr;
    projection_location_ = -1;
    if (ImGui::GetCurrentContext() != nullptr) {
        ImGui::GetIO().Fonts->SetTexID(ImTextureID{});
        ImGui::GetIO().BackendRendererName = nullptr;
    }
}

}  // namespace portal::platform
