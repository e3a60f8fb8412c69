// Both palettes keep their promises of contrast (WCAG 2.x relative luminance), and the visitor's system setting
// switches the running app between them.
#include "fixture.hpp"

#include "ui/theme.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <string>
#include <utility>

using namespace portal::test;
using portal::ui::Palette;

namespace {

double channel(float component) {
    const double value = component;
    return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

double luminance(const ImVec4& colour) {
    return 0.2126 * channel(colour.x) + 0.7152 * channel(colour.y) + 0.0722 * channel(colour.z);
}

double contrast(const ImVec4& a, const ImVec4& b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::fmax(la, lb) + 0.05) / (std::fmin(la, lb) + 0.05);
}

using Member = ImVec4 Palette::*;

// Every colour text is drawn in, on every surface text sits on, plus each status on its own soft fill and the
// accent buttons' label on each of their states.
void check_text(const Palette& p, double at_least) {
    const std::initializer_list<std::pair<const char*, Member>> texts = {
        {"text", &Palette::text}, {"text_muted", &Palette::text_muted}, {"accent", &Palette::accent},
        {"youth", &Palette::youth}, {"success", &Palette::success}, {"warning", &Palette::warning},
        {"danger", &Palette::danger}};
    const std::initializer_list<std::pair<const char*, Member>> grounds = {
        {"page", &Palette::page}, {"surface", &Palette::surface}};
    for (const auto& [text_name, text] : texts) {
        for (const auto& [ground_name, ground] : grounds) {
            CAPTURE(text_name);
            CAPTURE(ground_name);
            CHECK(contrast(p.*text, p.*ground) >= at_least);
        }
    }
    for (Member fill : {&Palette::surface_alt, &Palette::accent_soft}) {
        CHECK(contrast(p.text, p.*fill) >= at_least);
        CHECK(contrast(p.text_muted, p.*fill) >= at_least);
    }
    CHECK(contrast(p.accent, p.accent_soft) >= at_least);
    CHECK(contrast(p.success, p.success_soft) >= at_least);
    CHECK(contrast(p.warning, p.warning_soft) >= at_least);
    CHECK(contrast(p.danger, p.danger_soft) >= at_least);
    for (Member button : {&Palette::accent, &Palette::accent_hover, &Palette::accent_active})
        CHECK(contrast(p.on_accent, p.*button) >= at_least);
}

}  // namespace

TEST_CASE("theme: the standard palette's text keeps 4.5:1 (WCAG AA) on every surface it is drawn on") {
    check_text(Palette{}, 4.5);
}

TEST_CASE("theme: the high-contrast palette's text keeps 7:1 (AAA), and a field's border and the focus ring 3:1") {
    const Palette& p = portal::ui::kMoreContrast;
    check_text(p, 7.0);
    for (Member ground : {&Palette::page, &Palette::surface, &Palette::surface_alt, &Palette::accent_soft}) {
        CHECK(contrast(p.border, p.*ground) >= 3.0);
        CHECK(contrast(p.focus, p.*ground) >= 3.0);
    }
    // It really is another palette: darker text, a visible border, where the standard one is softer.
    const Palette standard;
    CHECK(contrast(p.text, p.page) > contrast(standard.text, standard.page));
    CHECK(contrast(p.border, p.surface) > 3.0 * contrast(standard.border, standard.surface));
}

TEST_CASE("theme: the system's contrast setting switches the running app's palette both ways") {
    HeadlessPortal portal(fixture_options());
    const Palette standard;
    CHECK(portal.ui().background_colour().x == doctest::Approx(standard.page.x));
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_Text].x == doctest::Approx(standard.text.x));

    portal.ui().set_system_preferences({false, true});
    portal.frame();
    const Palette& more = portal::ui::kMoreContrast;
    CHECK(portal.ui().background_colour().x == doctest::Approx(more.page.x));
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_Text].x == doctest::Approx(more.text.x));
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_Border].x == doctest::Approx(more.border.x));
    CHECK(portal.state()["preferences"]["more_contrast"] == true);

    portal.ui().set_system_preferences({false, false});
    portal.frame();
    CHECK(portal.ui().background_colour().x == doctest::Approx(standard.page.x));
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_Border].x == doctest::Approx(standard.border.x));
}
