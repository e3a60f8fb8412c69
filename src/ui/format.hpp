// Turning data into the words a visitor reads: money the way each language writes it ("50 万元" / "CNY 500k"),
// validity windows, benefit lines, and data texts that may lack an English version. Pure functions (no ImGui
// calls), so tests check them directly.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/policy_value.hpp"
#include "core/matcher.hpp"
#include "core/model.hpp"
#include "ui/strings.hpp"

namespace portal::ui {

namespace detail {
inline std::string piece(std::string_view text) { return std::string(text); }
inline std::string piece(int number) { return std::to_string(number); }
std::string fill_pieces(std::string_view pattern, std::initializer_list<std::string> pieces);
}  // namespace detail

// Puts the arguments (texts or ints) into the "{}" slots of a UI string, in order.
template <typename... Args>
std::string fill(std::string_view pattern, const Args&... args) {
    return detail::fill_pieces(pattern, {detail::piece(args)...});
}

// A data text in `lang`; in English, a text that only has Chinese is shown in Chinese and says so.
std::string text(core::Lang lang, const core::Text& value);

// "50 万元" / "5,000 元" ; "CNY 500k" / "CNY 1,000" / "CNY 1.2m".
std::string money(core::Lang lang, double yuan);
// 1234567 -> "1,234,567"; 1.5 -> "1.5" (at most two decimals, trailing zeros dropped).
std::string plain_number(double value);

// The card's headline: "最高 50 万元", "贷款额度最高 50 万元", the first benefit's label, ...
std::string headline(core::Lang lang, const app::HeadlineValue& value, const core::Policy& policy);

// True when the headline names a benefit (money, a loan limit, something in kind) rather than saying there is
// no figure: views give a real value the highlight colour and the rest the muted one.
bool headline_is_value(const app::HeadlineValue& value);

// One benefit: "生活津贴 · 每年 2–5 万元，共 5 年（合计最高 25 万元）".
std::string benefit_line(core::Lang lang, const core::Benefit& benefit, const std::optional<app::AmountRange>& range);

// "2018-01-01 起", "长期有效", "2020-01-01 至 2020-12-31".
std::string validity(core::Lang lang, const core::Validity& valid);
enum class ValidityState { open, expired, not_yet };
ValidityState validity_state(const core::Validity& valid, const core::Date& as_of);

const Phrase& reliability_phrase(core::Reliability reliability, bool illustrative);
const Phrase& reliability_explanation(core::Reliability reliability, bool illustrative);
const Phrase& status_phrase(core::Status status);
const Phrase& criterion_phrase(core::CriterionStatus status);
const Phrase& kind_phrase(core::BenefitKind kind);

// An answer as the summary shows it: "硕士", "是", "24 岁", "科创客、数创客".
std::string answer_text(core::Lang lang, const core::Question& question, const nlohmann::json& value);

// "A、B、C" in Chinese, "A, B, C" in English.
std::string join_list(core::Lang lang, const std::vector<std::string>& items);

}  // namespace portal::ui
