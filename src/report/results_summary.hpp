// "Keep a copy": the visitor's check as a document they can save or print, in Chinese or English. Their answers
// (question and answer in words), the policies they qualify for with amounts, those still undecided with the
// questions that would decide them, those they do not qualify for with the failed conditions and what would
// satisfy them, the best combination and its total (loan limits are not added), the evaluation date and the
// data version, and a line saying it was made in the browser and must be confirmed with the office.
#pragma once

#include <string>

#include "core/matcher.hpp"
#include "core/model.hpp"
#include "core/profile.hpp"
#include "core/text.hpp"

namespace portal::report {

enum class SummaryFormat { html, text };

// `evaluation` must come from core::evaluate(set, profile, ...). html: a complete page with no script and a CSP
// that allows only its own style; text: UTF-8 plain text with "\n" line ends.
std::string results_summary(const core::PolicySet& set, const core::Profile& profile,
                            const core::Evaluation& evaluation, core::Lang lang, SummaryFormat format);

}  // namespace portal::report
