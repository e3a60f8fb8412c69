#include "ui/format.hpp"

namespace portal::ui {

std::string headline(core::Lang lang, const app::HeadlineValue& value, const core::Policy& policy) {
    using Kind = app::HeadlineValue::Kind;
    switch (value.kind) {
        case Kind::money: return value.up_to ? wording::up_to(lang, money(lang, value.amount)) : money(lang, value.amount);
        case Kind::loan: return wording::loan_limit(lang, value.amount, value.up_to);
        case Kind::in_kind: return text(lang, policy.benefits[static_cast<std::size_t>(value.benefit)].label);
        case Kind::unknown: return tr(lang, str::amount_varies);
        case Kind::none: return tr(lang, str::no_amount);
    }
    return {};
}

bool headline_is_value(const app::HeadlineValue& value) {
    return value.kind != app::HeadlineValue::Kind::none && value.kind != app::HeadlineValue::Kind::unknown;
}

}  // namespace portal::ui
