// GL functions looked up by name. The portal calls WebGL2 directly (GLES3/gl3.h) and never asks for a function by
// name; only SDL does, for an optional check at context creation (SDL_GL_ExtensionSupported, which treats "not
// found" as "not supported"). Emscripten's own lookup holds every GL entry point of WebGL 1 and 2 with their
// JavaScript, which then ships in every first visit: about 270 functions the portal never calls. Ours finds
// nothing, so the linker leaves them out (docs/PERFORMANCE.md, section 5).
extern "C" void* eglGetProcAddress(const char* /*name*/) { return nullptr; }
