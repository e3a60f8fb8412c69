#include "alloc_tracker.hpp"

#include <cstdlib>
#include <new>

#ifndef __EMSCRIPTEN__
#include <sys/resource.h>
#endif

namespace bench {
namespace {

// The benchmarks are single-threaded, so plain counters are enough (and add no atomic cost to every allocation).
std::size_t g_live = 0;
std::size_t g_peak = 0;

// Each block carries its size in a header so delete can subtract it; 16 bytes keeps malloc's alignment.
constexpr std::size_t kHeader = 16;

void* allocate(std::size_t size) {
    void* block = std::malloc(size + kHeader);
    if (block == nullptr) return nullptr;
    *static_cast<std::size_t*>(block) = size;
    g_live += size;
    if (g_live > g_peak) g_peak = g_live;
    return static_cast<char*>(block) + kHeader;
}

void release(void* pointer) {
    if (pointer == nullptr) return;
    void* block = static_cast<char*>(pointer) - kHeader;
    g_live -= *static_cast<std::size_t*>(block);
    std::free(block);
}

void* allocate_or_throw(std::size_t size) {
    if (void* pointer = allocate(size)) return pointer;
    throw std::bad_alloc();
}

}  // namespace

std::size_t live_heap_bytes() { return g_live; }
std::size_t peak_heap_bytes() { return g_peak; }
void reset_peak_heap() { g_peak = g_live; }

std::size_t process_peak_bytes() {
#ifdef __EMSCRIPTEN__
    return __builtin_wasm_memory_size(0) * 65536;  // linear memory only grows: its size is the peak
#else
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<std::size_t>(usage.ru_maxrss) * 1024;  // kilobytes on Linux
#endif
}

const char* process_peak_label() {
#ifdef __EMSCRIPTEN__
    return "wasm memory";
#else
    return "peak RSS";
#endif
}

}  // namespace bench

// The replaced global allocation functions ([replacement.functions]); the aligned forms keep the library's.
void* operator new(std::size_t size) { return bench::allocate_or_throw(size); }
void* operator new[](std::size_t size) { return bench::allocate_or_throw(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return bench::allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return bench::allocate(size); }
void operator delete(void* pointer) noexcept { bench::release(pointer); }
void operator delete[](void* pointer) noexcept { bench::release(pointer); }
void operator delete(void* pointer, std::size_t) noexcept { bench::release(pointer); }
void operator delete[](void* pointer, std::size_t) noexcept { bench::release(pointer); }
void operator delete(void* pointer, const std::nothrow_t&) noexcept { bench::release(pointer); }
void operator delete[](void* pointer, const std::nothrow_t&) noexcept { bench::release(pointer); }
