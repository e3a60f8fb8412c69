// The views' words come from portal::wording (phrases and figures, shared with the reports); this header brings
// them into the UI's namespace and adds the one piece that reads an app type, the card headline.
#pragma once

#include <string>

#include "app/policy_value.hpp"
#include "core/model.hpp"
#include "wording/phrases.hpp"
#include "wording/wording.hpp"

namespace portal::ui {

using wording::Phrase;
using wording::tr;
namespace str = wording::str;

using wording::answer_text;
using wording::benefit_line;
using wording::criterion_phrase;
using wording::fill;
using wording::join_list;
using wording::kind_phrase;
using wording::money;
using wording::plain_number;
using wording::reliability_explanation;
using wording::reliability_phrase;
using wording::status_phrase;
using wording::text;
using wording::validity_state;
using wording::validity_text;
using wording::ValidityState;

// The card's headline: "最高 50 万元", "贷款额度最高 50 万元", the first benefit's label, ...
std::string headline(core::Lang lang, const app::HeadlineValue& value, const core::Policy& policy);

// True when the headline names a benefit (money, a loan limit, something in kind) rather than saying there is
// no figure: views give a real value the highlight colour and the rest the muted one.
bool headline_is_value(const app::HeadlineValue& value);

}  // namespace portal::ui
