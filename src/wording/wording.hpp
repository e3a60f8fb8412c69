// How the portal puts figures and facts into words, in Chinese or English: money ("50 万元" / "CNY 500k"),
// benefit amounts and periods, validity windows, reliability, statuses, answers. The app's views and the reports
// (the downloadable summary, the text version) both call these, so a figure reads the same on screen and on
// paper; the phrases themselves are in phrases.hpp. Plain strings, not yet escaped for HTML.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/matcher.hpp"
#include "core/model.hpp"
#include "wording/phrases.hpp"

namespace portal::wording {

// ---- filling slots --------------------------------------------------------------------------------------------

// Puts `pieces` into the "{}" slots of `pattern`, in order.
std::string fill(std::string_view pattern, std::initializer_list<std::string> pieces);

namespace detail {
inline std::string piece(std::string_view text) { return std::string(text); }
inline std::string piece(int number) { return std::to_string(number); }
}  // namespace detail

// The same with texts or ints as arguments: fill("共 {} 项", 12).
template <typename... Args>
std::string fill(std::string_view pattern, const Args&... args) {
    return fill(pattern, {detail::piece(args)...});
}

// ---- texts and lists ------------------------------------------------------------------------------------------

// A data text in `lang`; in English, a text that only has Chinese is shown in Chinese and says so.
std::string text(core::Lang lang, const core::Text& value);
// "A、B、C" in Chinese, "A, B, C" in English.
std::string join_list(core::Lang lang, const std::vector<std::string>& items);
// An answer as a person reads it: "硕士", "是", "24 岁", "科创客、数创客".
std::string answer_text(core::Lang lang, const core::Question& question, const nlohmann::json& value);

// ---- figures --------------------------------------------------------------------------------------------------

// The smallest and largest total of a benefit over the answers it depends on (report::benefit_total_range).
struct AmountRange {
    double min = 0;
    double max = 0;
};

// 1234567 -> "1,234,567"; 1.5 -> "1.5" (at most two decimals, trailing zeros dropped).
std::string plain_number(double value);
// "5,000 元", "50 万元", "1.2 亿元" ; "CNY 1,000", "CNY 500k", "CNY 1.2m".
std::string money(core::Lang lang, double yuan);
// A figure in the benefit's unit: money() for CNY, "3 <unit>" otherwise.
std::string amount_in_unit(core::Lang lang, const core::Benefit& benefit, double value);
// "最高 50 万元" / "up to CNY 500k".
std::string up_to(core::Lang lang, const std::string& amount);

// The amount of one payment: "5 万元", "最高 5 万元", "2–5 万元"; `per_period` is total / periods.
std::string payment_text(core::Lang lang, const core::Benefit& benefit, const AmountRange& per_period);
// How often: "一次性", "每月", "每年".
std::string per_text(core::Lang lang, const core::Benefit& benefit);
// "5 年", "36 个月", "1 次" ("" for one payment).
std::string periods_text(core::Lang lang, const core::Benefit& benefit);
// One sentence for a benefit's amount: "每年 2–5 万元，共 5 年（合计最高 25 万元）", "一次性 5 万元"; a loan reads
// "贷款额度 50 万元". `total` is amount x periods.
std::string benefit_sentence(core::Lang lang, const core::Benefit& benefit, const AmountRange& total);
// The benefit's label with its sentence when the amount is known: "生活津贴：每年 2–5 万元，共 5 年（…）".
std::string benefit_line(core::Lang lang, const core::Benefit& benefit, const std::optional<AmountRange>& total);
// "贷款额度 50 万元" / "贷款额度最高 50 万元".
std::string loan_limit(core::Lang lang, double amount, bool ceiling);

// ---- certainty ------------------------------------------------------------------------------------------------

// "✓ 条款已核实", "○ 条款待核实", "⚠ 示例条款".
const Phrase& certainty_phrase(core::Certainty certainty);
// What an empty best combination says: "keep answering" only while a question is left to ask.
const Phrase& empty_bundle_phrase(const core::Evaluation& evaluation);
// A status with its certainty: an eligible result that is not confirmed never reads as a plain "✓ 符合条件".
const Phrase& status_phrase(core::Status status, core::Certainty certainty);
// What an eligible result is worth: "25 万元", "最高 5,000 元" (only ceilings), "1 万元（最高 1.5 万元）"; "" when
// it has no amount or the amount is unknown.
std::string outcome_amount(core::Lang lang, const core::PolicyOutcome& outcome);

// ---- the best combination -------------------------------------------------------------------------------------

// Its headline: "预计总价值 13.92 万元", or with the part that rests on unconfirmed terms: "预计总价值约 95 万元，
// 其中 95 万元的条款待核实".
std::string bundle_total(core::Lang lang, const core::Bundle& bundle);
// A policy with what it is worth to this person and, unless confirmed, its certainty: "青年人才生活津贴：25 万元",
// "博士安家补贴：95 万元 · ○ 条款待核实" (no amount when it is not known). The combination's lines and the summary's
// headings.
std::string policy_with_amount(core::Lang lang, const std::string& title, const core::PolicyOutcome& outcome);

// ---- validity -------------------------------------------------------------------------------------------------

// "2018-01-01 起，长期有效", "至 2025-12-31", "2020-01-01 至 2020-12-31", "长期有效".
std::string validity_text(core::Lang lang, const core::Validity& valid);
enum class ValidityState { open, expired, not_yet };
ValidityState validity_state(const core::Validity& valid, const core::Date& as_of);

// ---- names of states --------------------------------------------------------------------------------------------

// "✓ 已核实" ... and a sentence saying what that means; illustrative policies read as examples.
const Phrase& reliability_phrase(core::Reliability reliability, bool illustrative);
const Phrase& reliability_explanation(core::Reliability reliability, bool illustrative);
const Phrase& status_phrase(core::Status status);
const Phrase& criterion_phrase(core::CriterionStatus status);
// "现金", "票券", "贷款", ...
const Phrase& kind_phrase(core::BenefitKind kind);

}  // namespace portal::wording
