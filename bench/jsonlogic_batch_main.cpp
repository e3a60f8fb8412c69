// Native driver for jsonlogic_batch.cpp, for profiling the evaluator with perf on the exact loop the head-to-head
// times in wasm (the wasm build cannot be profiled at the instruction level as easily).
//
//   jsonlogic_batch_native POLICIES.json PROFILES.json [rounds] [rule-major 0|1] [count]
//
// The data objects are the first `count` (16) complete profiles, as head_to_head.mjs uses them.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

extern "C" {
int h2h_prepare(const char* policy_text, const char* data_json, const char* as_of);
double h2h_run(int rounds, int rule_major);
double h2h_truthy();
const char* h2h_error();
}

namespace {

std::string read_file(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s POLICIES.json PROFILES.json [rounds] [rule-major 0|1] [count]\n", argv[0]);
        return 2;
    }
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 20;
    const int rule_major = argc > 4 ? std::atoi(argv[4]) : 0;
    const std::size_t count = argc > 5 ? static_cast<std::size_t>(std::atoi(argv[5])) : 16;
    const std::string policies = read_file(argv[1]);
    const nlohmann::json profiles = nlohmann::json::parse(read_file(argv[2]));
    nlohmann::json data = nlohmann::json::array();
    for (const auto& profile : profiles.at("complete")) {
        if (data.size() == count) break;
        data.push_back(profile);
    }
    const std::string as_of = profiles.at("as_of").get<std::string>();
    const int rules = h2h_prepare(policies.c_str(), data.dump().c_str(), as_of.c_str());
    if (rules < 0) {
        std::fprintf(stderr, "prepare failed: %s\n", h2h_error());
        return 1;
    }
    h2h_run(1, rule_major);  // warm-up
    const auto start = std::chrono::steady_clock::now();
    const double evaluations = h2h_run(rounds, rule_major);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%d rules x %zu data, %s, %d rounds: %.3f M evaluations/s (%.1f ns each), truthy %.0f\n", rules,
                data.size(), rule_major != 0 ? "rule-major" : "profile-major", rounds, evaluations / seconds / 1e6,
                seconds / evaluations * 1e9, h2h_truthy());
    return 0;
}
