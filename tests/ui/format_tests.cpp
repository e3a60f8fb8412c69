// The words and numbers the portal prints, and its line breaking for mixed Chinese and Latin text.
#include "fixture.hpp"

#include "ui/format.hpp"
#include "ui/text_layout.hpp"

#include <doctest/doctest.h>

using portal::core::Lang;
namespace ui = portal::ui;

TEST_CASE("money reads the way each language writes it") {
    CHECK(ui::money(Lang::zh, 500000) == "50 万元");
    CHECK(ui::money(Lang::zh, 15000) == "1.5 万元");
    CHECK(ui::money(Lang::zh, 5000) == "5,000 元");
    CHECK(ui::money(Lang::zh, 300000000) == "3 亿元");
    CHECK(ui::money(Lang::en, 500000) == "CNY 500k");
    CHECK(ui::money(Lang::en, 1500000) == "CNY 1.5m");
    CHECK(ui::money(Lang::en, 1000) == "CNY 1,000");
    CHECK(ui::money(Lang::en, 12345) == "CNY 12.35k");
    CHECK(ui::plain_number(1234567.5) == "1,234,567.5");
}

TEST_CASE("placeholders are filled in order, texts and numbers alike") {
    CHECK(ui::fill("共 {} 项政策", 12) == "共 12 项政策");
    CHECK(ui::fill("{} to {}", "2020-01-01", std::string("2020-12-31")) == "2020-01-01 to 2020-12-31");
    CHECK(ui::fill("no slots", 3) == "no slots");
}

TEST_CASE("headlines and benefit lines come from the benefits, loans shown as limits") {
    portal::test::HeadlessPortal portal(portal::test::fixture_options());
    const auto& catalog = *portal.ui().state().catalog;
    const auto& set = catalog.set;
    const auto headline_of = [&](const char* id, Lang lang) {
        const int i = set.policy_index(id);
        return ui::headline(lang, catalog.headlines[static_cast<std::size_t>(i)], set.policies[static_cast<std::size_t>(i)]);
    };
    CHECK(headline_of("housing-voucher", Lang::zh) == "最高 50 万元");
    CHECK(headline_of("housing-voucher", Lang::en) == "up to CNY 500k");
    CHECK(headline_of("living-allowance", Lang::zh) == "最高 25 万元");
    CHECK(headline_of("rent-subsidy", Lang::en) == "CNY 6,000");
    CHECK(headline_of("startup-loan", Lang::zh) == "贷款额度 50 万元");
    CHECK(headline_of("startup-loan", Lang::en) == "loan limit CNY 500k");
    CHECK(headline_of("youth-apartment", Lang::zh) == "免费入住青春公寓");
    CHECK(headline_of("skills-training", Lang::en) == "No benefit listed");
    CHECK(headline_of("agri-support", Lang::en) == "创业指导 (in Chinese only)");

    const int living = set.policy_index("living-allowance");
    const auto range = portal::app::benefit_total_range(set, living, 0, portal.ui().state().as_of);
    REQUIRE(range);
    CHECK(range->min == 100000);
    CHECK(range->max == 250000);
    CHECK(ui::benefit_line(Lang::zh, set.policies[static_cast<std::size_t>(living)].benefits[0], range) ==
          "生活津贴：每年 2–5 万元，共 5 年（合计最高 25 万元）");
    CHECK(ui::benefit_line(Lang::en, set.policies[static_cast<std::size_t>(living)].benefits[0], range) ==
          "Living allowance: CNY 20k–CNY 50k a year for 5 years (up to CNY 250k in total)");
}

TEST_CASE("headline values are worked out when first asked for, in any order, and then kept") {
    portal::test::HeadlessPortal portal(portal::test::fixture_options());
    const auto& catalog = *portal.ui().state().catalog;
    const auto& set = catalog.set;
    REQUIRE(catalog.headlines.size() == set.policies.size());
    REQUIRE(set.policies.size() > 2);
    for (std::size_t i = set.policies.size(); i-- > 0;) {
        const portal::app::HeadlineValue expected = portal::app::headline_value(set, static_cast<int>(i), portal.ui().state().as_of);
        const portal::app::HeadlineValue& first = catalog.headlines[i];
        CHECK(first.kind == expected.kind);
        CHECK(first.amount == expected.amount);
        CHECK(first.up_to == expected.up_to);
        CHECK(first.benefit == expected.benefit);
        CHECK(&catalog.headlines[i] == &first);  // the same value, not worked out again
    }
}

TEST_CASE("validity reads as a window, and its state follows the evaluation date") {
    portal::core::Validity valid;
    CHECK(ui::validity_text(Lang::zh, valid) == "长期有效");
    valid.from = portal::core::Date{2020, 1, 1};
    CHECK(ui::validity_text(Lang::en, valid) == "from 2020-01-01, no end date");
    valid.until = portal::core::Date{2020, 12, 31};
    CHECK(ui::validity_text(Lang::zh, valid) == "2020-01-01 至 2020-12-31");
    CHECK(ui::validity_state(valid, portal::core::Date{2021, 1, 1}) == ui::ValidityState::expired);
    CHECK(ui::validity_state(valid, portal::core::Date{2019, 12, 31}) == ui::ValidityState::not_yet);
    CHECK(ui::validity_state(valid, portal::core::Date{2020, 6, 1}) == ui::ValidityState::open);
}

TEST_CASE("lines break between Chinese characters, keep Latin words whole and obey kinsoku") {
    portal::test::HeadlessPortal portal(portal::test::fixture_options());  // for a font
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    const float size = font->FontSize;
    const auto lines_of = [&](const std::string& text, float width) {
        std::vector<std::string> out;
        for (const auto& line : ui::break_lines(font, size, text, width)) out.push_back(text.substr(line.begin, line.end - line.begin));
        return out;
    };
    // Ten CJK characters in the width of six: the break falls between characters, not at the space.
    const std::string mixed = "2018 年后毕业的全日制高校";
    const auto lines = lines_of(mixed, size * 7.5f);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].rfind("2018 年后", 0) == 0);
    // No line starts with closing punctuation: "，" stays with the character before it.
    for (const auto& line : lines_of("每月补贴，最多六个月，共计六千元。", size * 4.2f)) {
        CAPTURE(line);
        CHECK(line.rfind("，", 0) != 0);
        CHECK(line.rfind("。", 0) != 0);
    }
    // Latin words are not split while they fit on a line.
    for (const auto& line : lines_of("Graduates working in Shangyu receive an allowance", size * 8.0f)) {
        CAPTURE(line);
        CHECK(line.find("Shangy") == line.find("Shangyu"));
    }
    CHECK(lines_of("one\ntwo", 1000.0f) == std::vector<std::string>{"one", "two"});
}
