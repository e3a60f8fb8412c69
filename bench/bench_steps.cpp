// The engine benchmark as a plain timing loop, for builds where Google Benchmark is not available (wasm under
// node) and to compare native and wasm with the very same loop:
//
//     bench_steps [--min-time SECONDS] [--json] [--only STEP] [--profiles PROFILES.json] POLICIES.json...
//
// --only runs one step (e.g. "load+validate"), for comparing two builds of one step quickly.
// For every file and every step of workload.hpp it prints the median and fastest time, how many runs that took,
// and the step's peak heap above what was live before it; then, per file, the heap the loaded set and the search
// index keep and the process's peak (RSS natively, linear memory in wasm). --json prints one JSON object per
// line instead (scripts/bench_tables.py turns those into docs/PERFORMANCE.md's tables).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "alloc_tracker.hpp"
#include "workload.hpp"

namespace {

struct Options {
    double min_seconds = 1.0;
    bool json = false;
    std::string profiles = "build/bench/profiles.json";
    std::string only;
    std::vector<std::string> files;
};

struct Measurement {
    double median_ms = 0;
    double min_ms = 0;
    int runs = 0;
    double peak_extra_mb = 0;
};

Options parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--min-time" && i + 1 < argc) {
            options.min_seconds = std::atof(argv[++i]);
        } else if (arg == "--profiles" && i + 1 < argc) {
            options.profiles = argv[++i];
        } else if (arg == "--only" && i + 1 < argc) {
            options.only = argv[++i];
        } else if (arg == "--json") {
            options.json = true;
        } else {
            options.files.push_back(arg);
        }
    }
    return options;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Enough runs for a stable median (three, or more while under the minimum time), but a step slower than the
// minimum time runs once or twice only: 100,000-policy loads take seconds in wasm.
bool enough_runs(const std::vector<double>& samples, double total_seconds, double min_seconds) {
    if (samples.size() >= 10000) return true;
    if (total_seconds >= 3 * min_seconds) return true;
    return samples.size() >= 3 && total_seconds >= min_seconds;
}

Measurement measure(const bench::Step& step, const bench::Dataset& data, const bench::Profiles& profiles,
                    double min_seconds) {
    Measurement m;
    std::vector<double> samples;
    double total = 0;
    {
        bench::HeapProbe probe;  // the first run also measures the heap
        const auto start = std::chrono::steady_clock::now();
        step.run(data, profiles);
        samples.push_back(seconds_since(start));
        m.peak_extra_mb = static_cast<double>(probe.peak_extra()) / 1e6;
    }
    total = samples.back();
    while (!enough_runs(samples, total, min_seconds)) {
        const auto start = std::chrono::steady_clock::now();
        step.run(data, profiles);
        samples.push_back(seconds_since(start));
        total += samples.back();
    }
    std::sort(samples.begin(), samples.end());
    m.median_ms = samples[samples.size() / 2] * 1e3;
    m.min_ms = samples.front() * 1e3;
    m.runs = static_cast<int>(samples.size());
    return m;
}

const char* platform_name() {
#ifdef __EMSCRIPTEN__
    return "wasm";
#else
    return "native";
#endif
}

void print_header(const Options& options) {
    if (options.json) return;
    std::printf("engine steps, %s build, minimum %.1f s per step\n", platform_name(), options.min_seconds);
    std::printf("%8s  %-22s %11s %11s %6s %12s\n", "policies", "step", "median ms", "min ms", "runs", "peak heap MB");
}

void print_row(const Options& options, std::size_t policies, const std::string& step, const Measurement& m) {
    if (options.json) {
        std::printf("{\"platform\":\"%s\",\"policies\":%zu,\"step\":\"%s\",\"median_ms\":%.4f,\"min_ms\":%.4f,"
                    "\"runs\":%d,\"peak_heap_mb\":%.3f}\n",
                    platform_name(), policies, step.c_str(), m.median_ms, m.min_ms, m.runs, m.peak_extra_mb);
    } else {
        std::printf("%8zu  %-22s %11.3f %11.3f %6d %12.2f\n", policies, step.c_str(), m.median_ms, m.min_ms, m.runs,
                    m.peak_extra_mb);
    }
    std::fflush(stdout);
}

void print_memory(const Options& options, const bench::Dataset& data) {
    const std::size_t policies = data.set.policies.size();
    const double peak_mb = static_cast<double>(bench::process_peak_bytes()) / 1e6;
    const double set_mb = static_cast<double>(data.set_bytes) / 1e6;
    const double index_mb = static_cast<double>(data.index_bytes) / 1e6;
    const double text_mb = static_cast<double>(data.text.size()) / 1e6;
    if (options.json) {
        std::printf("{\"platform\":\"%s\",\"policies\":%zu,\"step\":\"memory\",\"file_mb\":%.2f,\"set_mb\":%.2f,"
                    "\"index_mb\":%.2f,\"process_peak_mb\":%.1f}\n", platform_name(), policies, text_mb, set_mb, index_mb, peak_mb);
    } else {
        std::printf("%8zu  memory: file %.1f MB; the loaded set keeps %.1f MB, the search index %.1f MB; %s %.1f MB so far\n",
                    policies, text_mb, set_mb, index_mb, bench::process_peak_label(), peak_mb);
    }
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parse_options(argc, argv);
    if (options.files.empty()) {
        std::fprintf(stderr, "usage: bench_steps [--min-time S] [--json] [--only STEP] [--profiles PROFILES.json] POLICIES.json...\n");
        return 2;
    }
    const bench::Profiles profiles = bench::load_profiles_or_exit(options.profiles);
    print_header(options);
    for (const std::string& file : options.files) {
        const bench::Dataset data = bench::prepare_dataset_or_exit(file, profiles);
        for (const bench::Step& step : bench::steps()) {
            if (!options.only.empty() && step.name != options.only) continue;
            print_row(options, data.set.policies.size(), step.name, measure(step, data, profiles, options.min_seconds));
        }
        print_memory(options, data);
    }
    return 0;
}
