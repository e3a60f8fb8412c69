// Heap accounting for the benchmarks: every C++ allocation of the benchmark process goes through the replaced
// global operator new/delete (alloc_tracker.cpp), which keeps the bytes live now and the highest value since the
// last reset. nlohmann::json, std::string and std::vector all allocate through it, so a step's peak is exact
// and the same code measures natively and in wasm (where getrusage has nothing to say).
#pragma once

#include <cstddef>

namespace bench {

std::size_t live_heap_bytes();
std::size_t peak_heap_bytes();  // since the last reset_peak_heap()
void reset_peak_heap();         // peak := live

// Peak and retained heap of one piece of work: construct before it, read after it.
class HeapProbe {
public:
    HeapProbe() : start_(live_heap_bytes()) { reset_peak_heap(); }
    // Highest live heap during the work, above what was live when it started.
    std::size_t peak_extra() const { return peak_heap_bytes() - start_; }
    // Heap the work left allocated (its result), possibly negative when it freed more than it kept.
    long long retained() const { return static_cast<long long>(live_heap_bytes()) - static_cast<long long>(start_); }

private:
    std::size_t start_;
};

// Whole-process figures for the summary line: native peak RSS (getrusage), or the wasm linear memory size.
std::size_t process_peak_bytes();
const char* process_peak_label();

}  // namespace bench
