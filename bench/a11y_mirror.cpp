// The accessibility mirror's cost per frame, natively, on the real UI root with no window (the headless portal of
// the UI tests): explore at rest and while its list scrolls, for each policy file given.
//
//   cmake --build build/native --target a11y_mirror_bench
//   python3 bench/generate_policies.py --sizes 64,10000 --out build/bench
//   build/native/tests/ui/a11y_mirror_bench build/bench/policies-64.json build/bench/policies-10000.json
//
// For each file: the nodes mirrored (only the drawn cards are: the list is virtualised), the frame (ImGui's frame
// with the portal drawn, which includes the collector's hooks), and PortalUi::take_a11y_update() on frames that
// changed nothing for the page (nodes compared, no JSON) and on frames that moved the list (JSON written), with the
// update's size. Prints figures; it asserts nothing (the UI tests do).
#include "headless_portal.hpp"

#include "ui/a11y.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Series {
    std::vector<double> samples;
    void add(double ms) { samples.push_back(ms); }
    double median() {
        if (samples.empty()) return 0.0;
        std::sort(samples.begin(), samples.end());
        return samples[samples.size() / 2];
    }
    double p95() {
        if (samples.empty()) return 0.0;
        std::sort(samples.begin(), samples.end());
        return samples[std::min(samples.size() - 1, samples.size() * 95 / 100)];
    }
};

void measure(const char* file) {
    portal::test::HeadlessOptions options;
    options.policy_file = file;
    options.today = "2024-06-05";
    portal::test::HeadlessPortal portal(options);
    portal.ui().take_a11y_update();
    const std::size_t policies = portal.ui().state().catalog->set.policies.size();

    constexpr int kFrames = 300;
    Series still_frame, still_take, moving_frame, moving_take;
    std::size_t sent = 0, bytes = 0, nodes = 0;
    for (int i = 0; i < kFrames; ++i) {
        auto start = Clock::now();
        portal.frame();
        still_frame.add(ms_since(start));
        start = Clock::now();
        const std::string update = portal.ui().take_a11y_update();
        still_take.add(ms_since(start));
        sent += update.empty() ? 0 : 1;
    }
    portal.move_mouse(600.0f, 500.0f);
    for (int i = 0; i < kFrames; ++i) {
        // Down, then back up, so a short list keeps moving too.
        ImGui::GetIO().AddMouseWheelEvent(0.0f, (i / 50) % 2 == 0 ? -0.5f : 0.5f);
        auto start = Clock::now();
        portal.frame();
        moving_frame.add(ms_since(start));
        start = Clock::now();
        const std::string update = portal.ui().take_a11y_update();
        if (!update.empty()) {
            moving_take.add(ms_since(start));
            bytes = std::max(bytes, update.size());
        }
        nodes = std::max(nodes, portal::ui::a11y::current()->nodes().size());
    }
    std::printf("%7zu policies | nodes %4zu | at rest: frame %.3f ms, update %.4f ms (%zu of %d sent) | scrolling: "
                "frame %.3f ms, update %.4f ms median / %.4f p95 (%zu of %d sent, up to %.1f KB)\n",
                policies, nodes, still_frame.median(), still_take.median(), sent, kFrames, moving_frame.median(),
                moving_take.median(), moving_take.p95(), moving_take.samples.size(), kFrames,
                static_cast<double>(bytes) / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: a11y_mirror_bench POLICIES.json...\n");
        return 2;
    }
    for (int i = 1; i < argc; ++i) measure(argv[i]);
    return 0;
}
