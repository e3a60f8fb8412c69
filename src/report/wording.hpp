// The words and figures of the reports, in Chinese or English: money ("50 万元" / "CNY 500k"), benefit amounts
// and periods, validity windows, reliability, answers. Plain strings, not yet escaped. The money rules are the
// ones the portal's cards use, so a figure reads the same in the app and on paper.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/matcher.hpp"
#include "core/model.hpp"
#include "report/amounts.hpp"

namespace portal::report {

struct Phrase {
    const char* zh;
    const char* en;
};
inline const char* tr(core::Lang lang, const Phrase& phrase) { return lang == core::Lang::zh ? phrase.zh : phrase.en; }

// Puts `pieces` into the "{}" slots of `pattern`, in order.
std::string fill(std::string_view pattern, std::initializer_list<std::string> pieces);

// 1234567 -> "1,234,567"; 1.5 -> "1.5" (at most two decimals, trailing zeros dropped).
std::string plain_number(double value);
// "5,000 元", "50 万元", "1.2 亿元" ; "CNY 1,000", "CNY 500k", "CNY 1.2m".
std::string money(core::Lang lang, double yuan);
// A figure in the benefit's unit: money() for CNY, "3 <unit>" otherwise.
std::string amount_in_unit(core::Lang lang, const core::Benefit& benefit, double value);

// The amount of one payment: "5 万元", "最高 5 万元", "2–5 万元"; `per_period` is total / periods.
std::string payment_text(core::Lang lang, const core::Benefit& benefit, const AmountRange& per_period);
// How often: "一次性", "每月", "每年".
std::string per_text(core::Lang lang, const core::Benefit& benefit);
// "5 年", "36 个月", "1 次" ("" for one payment).
std::string periods_text(core::Lang lang, const core::Benefit& benefit);
// "现金", "贷款", ...
std::string kind_text(core::Lang lang, core::BenefitKind kind);
// One sentence: "每年 2–5 万元，共 5 年（合计最高 25 万元）"; a loan reads "贷款额度 50 万元".
std::string benefit_sentence(core::Lang lang, const core::Benefit& benefit, const AmountRange& total);

// "2018-01-01 起，长期有效", "至 2025-12-31", "2020-01-01 至 2020-12-31", "长期有效".
std::string validity_text(core::Lang lang, const core::Validity& valid);

// "已核实" ... and a sentence saying what that means; illustrative policies read as examples.
std::string reliability_name(core::Lang lang, core::Reliability reliability, bool illustrative);
std::string reliability_explanation(core::Lang lang, core::Reliability reliability, bool illustrative);

// An answer as a person reads it: "硕士", "是", "24 岁", "科创客、数创客".
std::string answer_text(core::Lang lang, const core::Question& question, const nlohmann::json& value);

// Said under a best combination that is an estimate (core::Bundle::exact false): the exclusions among the
// programmes were too tangled to search through in time (docs/SECURITY.md F10).
inline constexpr Phrase kEstimatedBundle{
    "可同时享受的政策之间互斥关系较多，这一组合是快速估算的结果，可能不是金额最高的组合。",
    "So many of these programmes rule each other out that the best combination was estimated rather than worked "
    "out exactly: another combination may be worth more."};

// "A、B、C" in Chinese, "A, B, C" in English.
std::string join_list(core::Lang lang, const std::vector<std::string>& items);

// A data text in `lang`; English falls back to Chinese and says so.
std::string text_in(core::Lang lang, const core::Text& text);

}  // namespace portal::report
