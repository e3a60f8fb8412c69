// The app and the downloadable summary take their words from one module (src/wording): the same figures must read
// the same on screen and on paper. These tests read what a frame draws and compare it with the summary.
#include "fixture.hpp"

#include "report/results_summary.hpp"
#include "wording/phrases.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace portal::test;

namespace {

std::string without_spaces(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c != ' ' && c != '\n' && c != '\r') out += c;
    }
    return out;
}

// The lines of the summary's best-combination section: its items and its total, without the report-only notes.
std::vector<std::string> summary_bundle_lines(const std::string& summary, const char* title, const char* total) {
    std::istringstream in(summary);
    std::vector<std::string> lines;
    std::string line;
    bool inside = false;
    std::string total_start = std::string(total).substr(0, std::string(total).find("{}"));
    while (!total_start.empty() && total_start.back() == ' ') total_start.pop_back();  // "预计总价值" + " " or "约"
    while (std::getline(in, line)) {
        if (line == title) inside = true;
        else if (inside && !line.empty() && line.find_first_not_of('-') == std::string::npos && !lines.empty()) break;
        else if (inside && line.rfind("  - ", 0) == 0) lines.push_back(line.substr(4));
        else if (inside && line.rfind(total_start, 0) == 0) lines.push_back(line);
    }
    return lines;
}

}  // namespace

TEST_CASE("the best combination reads the same in the app and in the downloaded summary") {
    namespace str = portal::wording::str;
    for (const char* lang : {"zh", "en"}) {
        CAPTURE(lang);
        HeadlessPortal portal(fixture_options(1600.0f, 4000.0f, lang));  // tall: the whole results pane is drawn
        answer_five(portal);
        const auto& state = portal.ui().state();
        REQUIRE_FALSE(state.evaluation.best_bundle.policies.empty());
        const std::string summary = portal::report::results_summary(state.catalog->set, state.profile, state.evaluation,
                                                                    state.lang, portal::report::SummaryFormat::text);
        const auto expected = summary_bundle_lines(summary, portal::wording::tr(state.lang, str::best_title),
                                                   portal::wording::tr(state.lang, str::best_total));
        // The total and one line per policy of the combination.
        CHECK(expected.size() == state.evaluation.best_bundle.policies.size() + 1);
        const std::string screen = without_spaces(portal.frame_text());
        for (const std::string& line : expected) {
            CAPTURE(line);
            CHECK(screen.find(without_spaces(line)) != std::string::npos);
        }
    }
}

namespace {

// A small file: one policy with a ceiling ("最高 5,000 元") from a confirmed, recently dated source, and one with a
// fixed amount from an undated secondary source (so its terms are unconfirmed).
std::string write_certainty_file() {
    const nlohmann::json document = nlohmann::json::parse(R"({
      "format": "policy-portal/1", "id": "certainty", "title": {"zh": "测试", "en": "Test"}, "version": "1",
      "as_of": "2024-06-01",
      "sources": [
        {"id": "official", "title": {"zh": "官方通知"}, "reliability": "confirmed", "date": "2024-01-15", "url": "https://example.org/a"},
        {"id": "dataset", "title": {"zh": "汇编"}, "reliability": "secondary", "url": "https://example.org/b"}],
      "categories": [{"id": "cat", "name": {"zh": "类别"}}],
      "questions": [{"id": "age", "type": "number", "min": 16, "max": 100, "label": {"zh": "年龄"}}],
      "policies": [
        {"id": "capped", "title": {"zh": "社保补贴", "en": "Insurance subsidy"}, "category": "cat", "source": "official",
         "criteria": [{"id": "young", "label": {"zh": "年龄"}, "rule": {"<=": [{"var": "age"}, 35]}}],
         "benefits": [{"label": {"zh": "补贴", "en": "Subsidy"}, "kind": "cash", "amount": 5000, "up_to": true}]},
        {"id": "second-hand", "title": {"zh": "租房补贴", "en": "Rent subsidy"}, "category": "cat", "source": "dataset",
         "criteria": [{"id": "young", "label": {"zh": "年龄"}, "rule": {"<=": [{"var": "age"}, 35]}}],
         "benefits": [{"label": {"zh": "补贴", "en": "Subsidy"}, "kind": "cash", "amount": 18000}]}]
    })");
    const std::string path = (std::filesystem::temp_directory_path() / "portal-certainty.json").string();
    std::ofstream(path) << document.dump();
    return path;
}

HeadlessOptions certainty_options(const char* lang) {
    HeadlessOptions options;
    options.policy_file = write_certainty_file();
    options.today = "2024-06-05";
    options.width = 1600.0f;
    options.height = 3000.0f;
    options.lang = lang;
    return options;
}

}  // namespace

TEST_CASE("ceilings read as ceilings on the cards, and certainty shows before any answer") {
    HeadlessPortal portal(certainty_options("zh"));
    const std::string screen = without_spaces(portal.frame_text());
    CHECK(screen.find(without_spaces("最高 5,000 元")) != std::string::npos);
    CHECK(screen.find(without_spaces("○ 条款待核实")) != std::string::npos);   // the dataset's card
    CHECK(screen.find(without_spaces("✓ 条款已核实")) != std::string::npos);   // the official one
    HeadlessPortal english(certainty_options("en"));
    CHECK(without_spaces(english.frame_text()).find(without_spaces("up to CNY 5,000")) != std::string::npos);
}

TEST_CASE("an unconfirmed result carries its mark, and the best total names its unconfirmed part") {
    HeadlessPortal portal(certainty_options("zh"));
    portal.click("tab:check");
    portal.click("answer:input");
    portal.type("28");
    portal.click("next");
    const auto state = portal.state();
    REQUIRE(state["statuses"]["second-hand"] == "eligible");
    REQUIRE(state["statuses"]["capped"] == "eligible");
    CHECK(state["certainty"]["second-hand"] == "unconfirmed");
    CHECK(state["certainty"]["capped"] == "confirmed");
    // The ceiling is not a sure amount: only the 18,000 yuan count, all of it unconfirmed.
    CHECK(state["best_bundle"]["total"] == 18000);
    CHECK(state["best_bundle"]["unconfirmed_total"] == 18000);

    const std::string screen = without_spaces(portal.frame_text());
    // The rows: the unconfirmed one says so before its amount; the ceiling reads "最高".
    CHECK(screen.find(without_spaces("○ 条款待核实 · 1.8 万元")) != std::string::npos);
    CHECK(screen.find(without_spaces("最高 5,000 元")) != std::string::npos);
    // The combination: the total with its unconfirmed part, the line's mark, and what to do about it.
    CHECK(screen.find(without_spaces("预计总价值约 1.8 万元，条款均待核实")) != std::string::npos);
    CHECK(screen.find(without_spaces("租房补贴：1.8 万元 · ○ 条款待核实")) != std::string::npos);
    CHECK(portal.visible("best-unconfirmed"));
    CHECK(screen.find(without_spaces(portal::wording::str::unconfirmed_why.zh)) != std::string::npos);

    portal.click("result:capped");
    CHECK(portal.visible("detail:certainty"));
    CHECK_FALSE(portal.visible("detail:unconfirmed"));
    const std::string confirmed_detail = without_spaces(portal.frame_text());
    CHECK(confirmed_detail.find(without_spaces("✓ 符合条件")) != std::string::npos);
    CHECK(confirmed_detail.find(without_spaces("按你的回答：最高 5,000 元")) != std::string::npos);
    portal.click("detail:back");
    portal.click("result:second-hand");
    CHECK(portal.visible("detail:unconfirmed"));
    const std::string detail = without_spaces(portal.frame_text());
    CHECK(detail.find(without_spaces("✓ 符合条件（待核实）")) != std::string::npos);
    CHECK(detail.find(without_spaces("○ 条款待核实")) != std::string::npos);
}
