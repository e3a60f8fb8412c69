// The engine benchmark with Google Benchmark (native only):
//
//     bench_engine [--benchmark_* flags] [--min-time SECONDS] [--profiles PROFILES.json] POLICIES.json...
//
// One benchmark per step of workload.hpp and per file, named step/N. Counters: policies, peak_heap_MB (the
// step's peak heap above what was live before it, measured on one extra run after timing) and rss_MB (the
// process's peak RSS so far). The data of one file is prepared once, untimed, and freed before the next file.
#include <benchmark/benchmark.h>

#include <cctype>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "alloc_tracker.hpp"
#include "workload.hpp"

namespace {

bench::Profiles g_profiles;

const bench::Dataset& dataset_for(const std::string& file) {
    static std::unique_ptr<bench::Dataset> current;
    if (!current || current->file != file) {
        current.reset();  // free the previous file's data first: peaks then belong to one file
        current = std::make_unique<bench::Dataset>(bench::prepare_dataset_or_exit(file, g_profiles));
    }
    return *current;
}

// "evaluate (partial)" -> "evaluate_partial", so --benchmark_filter patterns stay simple.
std::string identifier(const std::string& name) {
    std::string out;
    for (char c : name) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            out += c;
        } else if (c == '+') {
            out += '_';
        } else if (!out.empty() && out.back() != '_') {
            out += '_';
        }
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

void run_step(benchmark::State& state, const std::string& file, const bench::Step& step) {
    const bench::Dataset& data = dataset_for(file);
    for (auto _ : state) step.run(data, g_profiles);

    bench::HeapProbe probe;
    step.run(data, g_profiles);
    state.counters["policies"] = static_cast<double>(data.set.policies.size());
    state.counters["peak_heap_MB"] = static_cast<double>(probe.peak_extra()) / 1e6;
    state.counters["rss_MB"] = static_cast<double>(bench::process_peak_bytes()) / 1e6;
}

struct Arguments {
    double min_seconds = 0.5;  // per benchmark; the smoke test passes a tiny value
    std::string profiles = "build/bench/profiles.json";
    std::vector<std::string> files;
};

// What Google Benchmark left after taking its own --benchmark_* flags.
Arguments parse_arguments(int argc, char** argv) {
    Arguments args;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--profiles" && i + 1 < argc) {
            args.profiles = argv[++i];
        } else if (arg == "--min-time" && i + 1 < argc) {
            args.min_seconds = std::atof(argv[++i]);
        } else {
            args.files.push_back(arg);
        }
    }
    return args;
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    const Arguments args = parse_arguments(argc, argv);
    if (args.files.empty()) {
        std::fprintf(stderr, "usage: bench_engine [--benchmark_* flags] [--profiles PROFILES.json] POLICIES.json...\n");
        return 2;
    }
    g_profiles = bench::load_profiles_or_exit(args.profiles);
    for (const std::string& file : args.files) {
        for (const bench::Step& step : bench::steps()) {
            const std::string name = identifier(step.name) + "/" + file.substr(file.find_last_of('/') + 1);
            benchmark::RegisterBenchmark(name.c_str(), [file, &step](benchmark::State& state) { run_step(state, file, step); })
                ->Unit(benchmark::kMillisecond)
                ->UseRealTime()
                ->MinTime(args.min_seconds);
        }
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
