#include "wording/wording.hpp"

#include <cmath>
#include <cstdio>

namespace portal::wording {

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

// ---- texts and lists ------------------------------------------------------------------------------------------

std::string text(core::Lang lang, const core::Text& value) {
    if (value.missing_in(lang) && !value.zh.empty()) return fill(tr(lang, str::chinese_only), {value.zh});
    return value.in(lang);
}

std::string join_list(core::Lang lang, const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += lang == core::Lang::zh ? "、" : ", ";
        out += items[i];
    }
    return out;
}

std::string answer_text(core::Lang lang, const core::Question& question, const nlohmann::json& value) {
    const auto option_label = [&](const nlohmann::json& v) {
        if (!v.is_string()) return v.dump();
        const int i = question.option_index(v.get<std::string>());
        return i >= 0 ? text(lang, question.options[static_cast<std::size_t>(i)].label) : v.get<std::string>();
    };
    switch (question.type) {
        case core::QuestionType::boolean:
            if (value.is_boolean()) return tr(lang, value.get<bool>() ? str::yes : str::no);
            break;
        case core::QuestionType::choice:
            return option_label(value);
        case core::QuestionType::multi: {
            if (!value.is_array()) break;
            if (value.empty()) return tr(lang, str::none_of_these);
            std::vector<std::string> labels;
            for (const auto& v : value) labels.push_back(option_label(v));
            return join_list(lang, labels);
        }
        case core::QuestionType::number:
            if (value.is_number()) {
                return plain_number(value.get<double>()) + (question.unit.empty() ? "" : " " + text(lang, question.unit));
            }
            break;
        case core::QuestionType::date:
            if (value.is_string()) return value.get<std::string>();
            break;
    }
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// ---- figures --------------------------------------------------------------------------------------------------

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

std::string up_to(core::Lang lang, const std::string& amount) { return fill(tr(lang, str::up_to), {amount}); }

std::string payment_text(core::Lang lang, const core::Benefit& benefit, const AmountRange& per_period) {
    const auto one = [&](double v) { return amount_in_unit(lang, benefit, v); };
    if (benefit.up_to) return up_to(lang, one(per_period.max));  // a ceiling reads as one, whatever the answers
    if (per_period.min == per_period.max) return one(per_period.max);
    // Nothing for some answers means "you may not qualify", not a lower bound worth printing.
    if (per_period.min <= 0) return up_to(lang, one(per_period.max));
    if (benefit.unit == "CNY" && lang == core::Lang::zh && per_period.min >= 1e4 && per_period.max < 1e8)
        return plain_number(per_period.min / 1e4) + "–" + plain_number(per_period.max / 1e4) + " 万元";
    return fill(tr(lang, str::amount_range), {one(per_period.min), one(per_period.max)});
}

std::string per_text(core::Lang lang, const core::Benefit& benefit) {
    if (benefit.per == core::Per::month) return tr(lang, str::per_month);
    if (benefit.per == core::Per::year) return tr(lang, str::per_year);
    return tr(lang, str::per_once);
}

std::string periods_text(core::Lang lang, const core::Benefit& benefit) {
    if (benefit.periods == 1) return "";
    const std::string count = plain_number(benefit.periods);
    if (benefit.per == core::Per::month) return fill(tr(lang, str::months_count), {count});
    if (benefit.per == core::Per::year) return fill(tr(lang, str::years_count), {count});
    return fill(tr(lang, str::times_count), {count});
}

std::string loan_limit(core::Lang lang, double amount, bool ceiling) {
    return fill(tr(lang, ceiling ? str::loan_limit_up_to : str::loan_limit), {money(lang, amount)});
}

std::string benefit_sentence(core::Lang lang, const core::Benefit& benefit, const AmountRange& total) {
    const double periods = benefit.periods > 0 ? benefit.periods : 1;
    const std::string payment = payment_text(lang, benefit, {total.min / periods, total.max / periods});
    if (benefit.kind == core::BenefitKind::loan) return fill(tr(lang, str::loan_limit), {payment});
    const Phrase& how = benefit.per == core::Per::month  ? str::amount_per_month
                        : benefit.per == core::Per::year ? str::amount_per_year
                        : periods == 1                   ? str::amount_once
                                                         : str::amount_each;
    std::string sentence = fill(tr(lang, how), {payment});
    if (periods == 1) return sentence;
    const bool times = benefit.per != core::Per::month && benefit.per != core::Per::year;
    sentence += fill(tr(lang, times ? str::for_times : str::for_periods), {periods_text(lang, benefit)});
    const Phrase& sum = total.min == total.max && !benefit.up_to ? str::total_of : str::total_up_to;
    return sentence + fill(tr(lang, str::in_brackets), {fill(tr(lang, sum), {money(lang, total.max)})});
}

std::string benefit_line(core::Lang lang, const core::Benefit& benefit, const std::optional<AmountRange>& total) {
    const std::string label = text(lang, benefit.label);
    if (!total) return label;
    return fill(tr(lang, str::label_value), {label, benefit_sentence(lang, benefit, *total)});
}

// ---- certainty ------------------------------------------------------------------------------------------------

const Phrase& empty_bundle_phrase(const core::Evaluation& evaluation) {
    return evaluation.next_question ? str::best_empty : str::best_empty_final;
}

const Phrase& certainty_phrase(core::Certainty certainty) {
    switch (certainty) {
        case core::Certainty::confirmed: return str::cert_confirmed;
        case core::Certainty::unconfirmed: return str::cert_unconfirmed;
        case core::Certainty::illustrative: return str::rel_illustrative;
    }
    return str::cert_unconfirmed;
}

const Phrase& status_phrase(core::Status status, core::Certainty certainty) {
    if (status != core::Status::eligible || certainty == core::Certainty::confirmed) return status_phrase(status);
    return certainty == core::Certainty::illustrative ? str::status_eligible_example : str::status_eligible_unconfirmed;
}

std::string outcome_amount(core::Lang lang, const core::PolicyOutcome& outcome) {
    const double sure = outcome.benefit_total.value_or(0);
    const double ceiling = outcome.benefit_up_to.value_or(sure);
    if (ceiling > sure && sure > 0) return fill(tr(lang, str::sure_and_up_to), {money(lang, sure), money(lang, ceiling)});
    if (ceiling > sure) return up_to(lang, money(lang, ceiling));
    return sure > 0 ? money(lang, sure) : "";
}

// ---- the best combination -------------------------------------------------------------------------------------

std::string bundle_total(core::Lang lang, const core::Bundle& bundle) {
    if (bundle.unconfirmed_total <= 0) return fill(tr(lang, str::best_total), {money(lang, bundle.total)});
    if (bundle.unconfirmed_total >= bundle.total) return fill(tr(lang, str::best_total_unconfirmed), {money(lang, bundle.total)});
    return fill(tr(lang, str::best_total_partly_unconfirmed), {money(lang, bundle.total), money(lang, bundle.unconfirmed_total)});
}

std::string policy_with_amount(core::Lang lang, const std::string& title, const core::PolicyOutcome& outcome) {
    const std::string amount = outcome_amount(lang, outcome);
    std::string line = amount.empty() ? title : fill(tr(lang, str::label_value), {title, amount});
    if (outcome.certainty != core::Certainty::confirmed)
        line = fill(tr(lang, str::with_mark), {line, tr(lang, certainty_phrase(outcome.certainty))});
    return line;
}

// ---- validity -------------------------------------------------------------------------------------------------

std::string validity_text(core::Lang lang, const core::Validity& valid) {
    if (valid.from && valid.until) return fill(tr(lang, str::valid_range), {valid.from->to_string(), valid.until->to_string()});
    if (valid.until) return fill(tr(lang, str::valid_until), {valid.until->to_string()});
    if (valid.from) return fill(tr(lang, str::valid_from), {valid.from->to_string()});
    return tr(lang, str::valid_always);
}

ValidityState validity_state(const core::Validity& valid, const core::Date& as_of) {
    if (valid.from && as_of < *valid.from) return ValidityState::not_yet;
    if (valid.until && as_of > *valid.until) return ValidityState::expired;
    return ValidityState::open;
}

// ---- names of states --------------------------------------------------------------------------------------------

const Phrase& reliability_phrase(core::Reliability reliability, bool illustrative) {
    if (illustrative) return str::rel_illustrative;
    switch (reliability) {
        case core::Reliability::confirmed: return str::rel_confirmed;
        case core::Reliability::secondary: return str::rel_secondary;
        case core::Reliability::article: return str::rel_article;
    }
    return str::rel_article;
}

const Phrase& reliability_explanation(core::Reliability reliability, bool illustrative) {
    if (illustrative) return str::rel_illustrative_why;
    switch (reliability) {
        case core::Reliability::confirmed: return str::rel_confirmed_why;
        case core::Reliability::secondary: return str::rel_secondary_why;
        case core::Reliability::article: return str::rel_article_why;
    }
    return str::rel_article_why;
}

const Phrase& status_phrase(core::Status status) {
    switch (status) {
        case core::Status::eligible: return str::status_eligible;
        case core::Status::ineligible: return str::status_ineligible;
        case core::Status::unknown: return str::status_unknown;
    }
    return str::status_unknown;
}

const Phrase& criterion_phrase(core::CriterionStatus status) {
    switch (status) {
        case core::CriterionStatus::pass: return str::crit_pass;
        case core::CriterionStatus::fail: return str::crit_fail;
        case core::CriterionStatus::unknown: return str::crit_unknown;
    }
    return str::crit_unknown;
}

const Phrase& kind_phrase(core::BenefitKind kind) {
    switch (kind) {
        case core::BenefitKind::cash: return str::kind_cash;
        case core::BenefitKind::voucher: return str::kind_voucher;
        case core::BenefitKind::loan: return str::kind_loan;
        case core::BenefitKind::in_kind: return str::kind_in_kind;
        case core::BenefitKind::service: return str::kind_service;
        case core::BenefitKind::waiver: return str::kind_waiver;
    }
    return str::kind_cash;
}

}  // namespace portal::wording
