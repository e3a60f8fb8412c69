#include "report/wording.hpp"

#include <cmath>
#include <cstdio>

namespace portal::report {

namespace {
constexpr Phrase kUpTo{"最高 {}", "up to {}"};
constexpr Phrase kRange{"{}–{}", "{}–{}"};
constexpr Phrase kLoanLimit{"贷款额度 {}", "loan limit {}"};
constexpr Phrase kTotalOf{"合计 {}", "{} in total"};
constexpr Phrase kTotalUpTo{"合计最高 {}", "up to {} in total"};
constexpr Phrase kChineseOnly{"{}（仅中文）", "{} (in Chinese only)"};
}  // namespace

std::string fill(std::string_view pattern, std::initializer_list<std::string> pieces) {
    std::string out;
    auto next = pieces.begin();
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern.compare(i, 2, "{}") == 0 && next != pieces.end()) {
            out += *next++;
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

std::string plain_number(double value) {
    const double rounded = std::round(std::fabs(value) * 100.0) / 100.0;
    const double whole = std::floor(rounded);
    const int cents = static_cast<int>(std::lround((rounded - whole) * 100.0));
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.0f", whole);
    std::string digits = buffer;
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
    if (cents != 0) {
        std::snprintf(buffer, sizeof buffer, "%02d", cents);
        std::string fraction = buffer;
        if (fraction.back() == '0') fraction.pop_back();
        digits += "." + fraction;
    }
    return value < 0 && (whole != 0 || cents != 0) ? "-" + digits : digits;
}

std::string money(core::Lang lang, double yuan) {
    if (lang == core::Lang::zh) {
        if (std::fabs(yuan) >= 1e8) return plain_number(yuan / 1e8) + " 亿元";
        if (std::fabs(yuan) >= 1e4) return plain_number(yuan / 1e4) + " 万元";
        return plain_number(yuan) + " 元";
    }
    if (std::fabs(yuan) >= 1e6) return "CNY " + plain_number(yuan / 1e6) + "m";
    if (std::fabs(yuan) >= 1e4) return "CNY " + plain_number(yuan / 1e3) + "k";
    return "CNY " + plain_number(yuan);
}

std::string amount_in_unit(core::Lang lang, const core::Benefit& benefit, double value) {
    return benefit.unit == "CNY" ? money(lang, value) : plain_number(value) + " " + benefit.unit;
}

std::string payment_text(core::Lang lang, const core::Benefit& benefit, const AmountRange& per_period) {
    const auto one = [&](double v) { return amount_in_unit(lang, benefit, v); };
    if (per_period.min == per_period.max) return one(per_period.max);
    // Nothing for some answers means "you may not qualify", not a lower bound worth printing.
    if (per_period.min <= 0) return fill(tr(lang, kUpTo), {one(per_period.max)});
    if (benefit.unit == "CNY" && lang == core::Lang::zh && per_period.min >= 1e4 && per_period.max < 1e8)
        return plain_number(per_period.min / 1e4) + "–" + plain_number(per_period.max / 1e4) + " 万元";
    return fill(tr(lang, kRange), {one(per_period.min), one(per_period.max)});
}

std::string per_text(core::Lang lang, const core::Benefit& benefit) {
    if (benefit.per == core::Per::month) return tr(lang, {"每月", "a month"});
    if (benefit.per == core::Per::year) return tr(lang, {"每年", "a year"});
    return tr(lang, {"一次性", "once"});
}

std::string periods_text(core::Lang lang, const core::Benefit& benefit) {
    if (benefit.periods == 1) return "";
    const std::string count = plain_number(benefit.periods);
    if (benefit.per == core::Per::month) return fill(tr(lang, {"{} 个月", "{} months"}), {count});
    if (benefit.per == core::Per::year) return fill(tr(lang, {"{} 年", "{} years"}), {count});
    return fill(tr(lang, {"{} 次", "{} times"}), {count});
}

std::string kind_text(core::Lang lang, core::BenefitKind kind) {
    switch (kind) {
        case core::BenefitKind::cash: return tr(lang, {"现金", "cash"});
        case core::BenefitKind::voucher: return tr(lang, {"票券", "voucher"});
        case core::BenefitKind::loan: return tr(lang, {"贷款", "loan"});
        case core::BenefitKind::in_kind: return tr(lang, {"实物", "in kind"});
        case core::BenefitKind::service: return tr(lang, {"服务", "service"});
        case core::BenefitKind::waiver: return tr(lang, {"减免", "waiver"});
    }
    return "";
}

std::string benefit_sentence(core::Lang lang, const core::Benefit& benefit, const AmountRange& total) {
    const double periods = benefit.periods > 0 ? benefit.periods : 1;
    const std::string payment = payment_text(lang, benefit, {total.min / periods, total.max / periods});
    if (benefit.kind == core::BenefitKind::loan) return fill(tr(lang, kLoanLimit), {payment});
    const bool zh = lang == core::Lang::zh;
    std::string sentence = benefit.per && *benefit.per != core::Per::once
                               ? (zh ? per_text(lang, benefit) + " " + payment : payment + " " + per_text(lang, benefit))
                               : payment;
    if (periods == 1) return sentence;
    sentence += fill(tr(lang, {"，共 {}", " for {}"}), {periods_text(lang, benefit)});
    const Phrase& sum = total.min == total.max ? kTotalOf : kTotalUpTo;
    return sentence + (zh ? "（" : " (") + fill(tr(lang, sum), {money(lang, total.max)}) + (zh ? "）" : ")");
}

std::string validity_text(core::Lang lang, const core::Validity& valid) {
    if (valid.from && valid.until)
        return fill(tr(lang, {"{} 至 {}", "{} to {}"}), {valid.from->to_string(), valid.until->to_string()});
    if (valid.until) return fill(tr(lang, {"至 {}", "until {}"}), {valid.until->to_string()});
    if (valid.from) return fill(tr(lang, {"{} 起，长期有效", "from {}, no end date"}), {valid.from->to_string()});
    return tr(lang, {"长期有效", "no end date"});
}

std::string reliability_name(core::Lang lang, core::Reliability reliability, bool illustrative) {
    if (illustrative) return tr(lang, {"示例条款", "Example terms"});
    switch (reliability) {
        case core::Reliability::confirmed: return tr(lang, {"已核实", "Confirmed"});
        case core::Reliability::secondary: return tr(lang, {"二手资料", "Secondary source"});
        case core::Reliability::article: return tr(lang, {"仅见报道", "From a news feature"});
    }
    return "";
}

std::string reliability_explanation(core::Lang lang, core::Reliability reliability, bool illustrative) {
    if (illustrative) {
        return tr(lang, {"条件和金额只是示例，并非取自原文（项目本身真实存在）。申请前请向主管部门确认。",
                         "The conditions and amounts are an example, not taken from a source (the programme itself "
                         "is real). Confirm with the office before applying."});
    }
    switch (reliability) {
        case core::Reliability::confirmed:
            return tr(lang, {"官方或新闻页面写明了这些数字。", "An official or news page states these figures."});
        case core::Reliability::secondary:
            return tr(lang, {"来自尚未与官方原文核对的汇编，请以官方公布为准。",
                             "From a compilation not yet checked against the official text; the official terms prevail."});
        case core::Reliability::article:
            return tr(lang, {"新闻报道提到了这个项目，但没有给出具体条款。",
                             "A news feature names the programme but gives no terms."});
    }
    return "";
}

std::string join_list(core::Lang lang, const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += lang == core::Lang::zh ? "、" : ", ";
        out += items[i];
    }
    return out;
}

std::string text_in(core::Lang lang, const core::Text& text) {
    if (text.missing_in(lang) && !text.zh.empty()) return fill(tr(lang, kChineseOnly), {text.zh});
    return text.in(lang);
}

std::string answer_text(core::Lang lang, const core::Question& question, const nlohmann::json& value) {
    const auto option_label = [&](const nlohmann::json& v) {
        if (!v.is_string()) return v.dump();
        const int i = question.option_index(v.get<std::string>());
        return i >= 0 ? text_in(lang, question.options[static_cast<std::size_t>(i)].label) : v.get<std::string>();
    };
    switch (question.type) {
        case core::QuestionType::boolean:
            if (value.is_boolean()) return tr(lang, value.get<bool>() ? Phrase{"是", "Yes"} : Phrase{"否", "No"});
            break;
        case core::QuestionType::choice:
            return option_label(value);
        case core::QuestionType::multi: {
            if (!value.is_array()) break;
            if (value.empty()) return tr(lang, {"都不是", "None of these"});
            std::vector<std::string> labels;
            for (const auto& v : value) labels.push_back(option_label(v));
            return join_list(lang, labels);
        }
        case core::QuestionType::number:
            if (value.is_number()) {
                return plain_number(value.get<double>()) + (question.unit.empty() ? "" : " " + text_in(lang, question.unit));
            }
            break;
        case core::QuestionType::date:
            if (value.is_string()) return value.get<std::string>();
            break;
    }
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace portal::report
