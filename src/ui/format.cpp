#include "ui/format.hpp"

#include "report/wording.hpp"

#include <cmath>
#include <cstdio>

namespace portal::ui {

namespace detail {

std::string fill_pieces(std::string_view pattern, std::initializer_list<std::string> pieces) {
    return report::fill(pattern, pieces);
}

}  // namespace detail

std::string text(core::Lang lang, const core::Text& value) { return report::text_in(lang, value); }

// Figures read the same in the app and in the downloaded summary: the report layer owns the rules.
std::string plain_number(double value) { return report::plain_number(value); }

std::string money(core::Lang lang, double yuan) { return report::money(lang, yuan); }

std::string headline(core::Lang lang, const app::HeadlineValue& value, const core::Policy& policy) {
    using Kind = app::HeadlineValue::Kind;
    switch (value.kind) {
        case Kind::money:
            return value.up_to ? fill(tr(lang, str::up_to), money(lang, value.amount).c_str()) : money(lang, value.amount);
        case Kind::loan:
            return fill(tr(lang, value.up_to ? str::loan_limit_up_to : str::loan_limit), money(lang, value.amount).c_str());
        case Kind::in_kind:
            return text(lang, policy.benefits[static_cast<std::size_t>(value.benefit)].label);
        case Kind::unknown:
            return tr(lang, str::amount_varies);
        case Kind::none:
            return tr(lang, str::no_amount);
    }
    return {};
}

bool headline_is_value(const app::HeadlineValue& value) {
    return value.kind != app::HeadlineValue::Kind::none && value.kind != app::HeadlineValue::Kind::unknown;
}

std::string benefit_line(core::Lang lang, const core::Benefit& benefit, const std::optional<app::AmountRange>& range) {
    std::string line = text(lang, benefit.label);
    if (!range) return line;
    const double periods = benefit.periods > 0 ? benefit.periods : 1;
    const app::AmountRange per_period{range->min / periods, range->max / periods};
    const std::string amount = report::payment_text(lang, benefit, per_period);
    const std::string count = plain_number(periods);
    std::string how;
    if (benefit.per == core::Per::month) {
        how = fill(tr(lang, str::amount_per_month), amount.c_str());
        if (periods != 1) how += fill(tr(lang, str::months_count), count.c_str());
    } else if (benefit.per == core::Per::year) {
        how = fill(tr(lang, str::amount_per_year), amount.c_str());
        if (periods != 1) how += fill(tr(lang, str::years_count), count.c_str());
    } else {
        how = periods == 1 ? fill(tr(lang, str::amount_once), amount.c_str())
                           : amount + fill(tr(lang, str::times_count), count.c_str());
    }
    if (benefit.kind == core::BenefitKind::loan) how = fill(tr(lang, str::loan_limit), amount.c_str());
    line += lang == core::Lang::zh ? "：" : ": ";
    line += how;
    if (periods != 1 && benefit.kind != core::BenefitKind::loan) {
        const Phrase& total = range->min == range->max ? str::total_of : str::total_up_to;
        line += lang == core::Lang::zh ? "（" : " (";
        line += fill(tr(lang, total), money(lang, range->max));
        line += lang == core::Lang::zh ? "）" : ")";
    }
    return line;
}

std::string validity(core::Lang lang, const core::Validity& valid) {
    if (valid.from && valid.until)
        return fill(tr(lang, str::valid_range), valid.from->to_string().c_str(), valid.until->to_string().c_str());
    if (valid.until) return fill(tr(lang, str::valid_until), valid.until->to_string().c_str());
    if (valid.from) {
        return fill(tr(lang, str::valid_from), valid.from->to_string().c_str()) + (lang == core::Lang::zh ? " · " : ", ") +
               tr(lang, str::valid_always);
    }
    return tr(lang, str::valid_always);
}

ValidityState validity_state(const core::Validity& valid, const core::Date& as_of) {
    if (valid.from && as_of < *valid.from) return ValidityState::not_yet;
    if (valid.until && as_of > *valid.until) return ValidityState::expired;
    return ValidityState::open;
}

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

std::string join_list(core::Lang lang, const std::vector<std::string>& items) { return report::join_list(lang, items); }

std::string answer_text(core::Lang lang, const core::Question& question, const nlohmann::json& value) {
    return report::answer_text(lang, question, value);
}

}  // namespace portal::ui
