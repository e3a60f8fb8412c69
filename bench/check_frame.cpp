// The check view's frames, natively, on the real UI root with no window (the headless portal of the UI tests):
// a frame of the check view at rest (before any answer, and after them, with results to show), and for each of
// a few answers the frame that applies it (the click's intent: re-evaluation, results, next question) and the
// frame after it (the first to draw the new results).
//
//   cmake --build build/native --target check_frame_bench
//   python3 bench/generate_policies.py --sizes 64,10000 --out build/bench
//   build/native/tests/ui/check_frame_bench build/bench/policies-10000.json
//
// Questions answered with one click (yes/no, single choice) are answered, the others skipped, as
// bench/ui_scale.mjs does in the page. Prints medians; it asserts nothing (the UI tests do).
#include "headless_portal.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> samples) {
    if (samples.empty()) return 0.0;
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

double timed_frame(portal::test::HeadlessPortal& portal) {
    const auto start = Clock::now();
    portal.frame();
    return ms_since(start);
}

// Presses and releases the widget `id`; returns the time of the frame that applies its intent and of the next.
std::pair<double, double> click_timed(portal::test::HeadlessPortal& portal, const std::string& id) {
    const ImVec4 r = portal.rect(id);
    portal.pointer_to(r.x + r.z / 2, r.y + r.w / 2);
    portal.frame();
    ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    portal.frame();
    ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    const double applying = timed_frame(portal);
    return {applying, timed_frame(portal)};
}

void measure(const char* file) {
    portal::test::HeadlessOptions options;
    options.policy_file = file;
    options.today = "2024-06-05";
    options.height = 2000.0f;  // the question card, the best combination and the first rows all drawn
    portal::test::HeadlessPortal portal(options);
    const portal::app::AppState& state = portal.ui().state();
    const std::size_t policies = state.catalog->set.policies.size();
    portal.click("tab:check");

    std::vector<double> rest;
    for (int i = 0; i < 60; ++i) rest.push_back(timed_frame(portal));

    std::vector<double> applying, after;
    constexpr int kAnswers = 8;
    for (int round = 0; static_cast<int>(applying.size()) < kAnswers && round < 4 * kAnswers; ++round) {
        const std::optional<int> q = portal::app::current_question(state);
        if (!q) break;
        const portal::core::Question& question = state.catalog->set.questions[static_cast<std::size_t>(*q)];
        std::string id;
        const int n = static_cast<int>(applying.size());
        if (question.type == portal::core::QuestionType::boolean) id = n % 2 == 0 ? "answer:true" : "answer:false";
        else if (question.type == portal::core::QuestionType::choice && !question.options.empty())
            id = "answer:" + question.options[static_cast<std::size_t>(n) % question.options.size()].value;
        if (id.empty() || !portal.visible(id)) {
            portal.click("skip");
            continue;
        }
        const auto [apply_ms, after_ms] = click_timed(portal, id);
        applying.push_back(apply_ms);
        after.push_back(after_ms);
        portal.frames(2);
    }
    std::vector<double> answered;
    for (int i = 0; i < 60; ++i) answered.push_back(timed_frame(portal));
    const portal::core::Evaluation& e = state.evaluation;
    std::printf("%7zu policies | check view at rest: frame %.3f ms before any answer, %.3f ms after them (%zu in the "
                "best combination) | %zu answers: the frame applying one %.3f ms, the next %.3f ms (medians)\n",
                policies, median(rest), median(answered), e.best_bundle.policies.size(), applying.size(),
                median(applying), median(after));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: check_frame_bench POLICIES.json...\n");
        return 2;
    }
    for (int i = 1; i < argc; ++i) measure(argv[i]);
    return 0;
}
