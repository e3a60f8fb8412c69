// `policyctl lint`: what an author should look at before publishing a file that already validates. Each finding
// names a code (kLintCodes in model.hpp), a JSON pointer and what to do; a policy's `lint_accept` (or the file's,
// for file-level codes) turns a finding the author has reviewed into an accepted note with the author's reason.
//
// Codes:
//  - missing-level:           a policy without "level", so nobody can tell whether it is a local programme;
//  - local-without-location:  a district, city or province programme with criteria, none of which reads a
//                             question marked "location": true (who works, is insured or registered there);
//                             a policy without criteria is not assessed and promises nothing, so it is left out;
//  - years-within:            a criterion allows years_since up to and including N while its label, hint or terms
//                             say "within N years" / 不满N年 / N年内, which means fewer than N completed years;
//  - secondary-benefit:       a benefit with an amount on a policy whose source is only "secondary";
//  - undated-terms-source:    a policy that states terms (its own or a criterion's) whose source, or
//                             confirmed_in_force source, has no date (the policy can then never be confirmed);
//  - unread-question:         a question that no criterion, benefit amount or other question's ask_if reads;
//  - english-wide-punctuation: an English text ("en") holding curly quotes, CJK or full-width punctuation or two
//                             spaces in a row: the Chinese font sets them full width, a wide gap mid-sentence.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.hpp"
#include "core/model.hpp"

namespace portal::core {

struct LintFinding {
    std::string code;     // one of kLintCodes
    std::string pointer;  // where to look
    std::string message;
    int policy = -1;      // index into PolicySet::policies; -1 for file-level findings
    bool accepted = false;
    Text why;             // the lint_accept reason when accepted
};

// Findings in file order (questions, then policies), then the English texts' (keys in sorted order). `document`
// is the parsed file `set` was loaded from (the rules' written form is read from it); `set` must have loaded
// without errors, so positions agree.
std::vector<LintFinding> lint_policy_set(const PolicySet& set, const nlohmann::json& document);

// A finding in the loader's form, for one way of printing both (core::to_string): a warning, or `accepted`.
Diagnostic to_diagnostic(const std::string& file, const LintFinding& finding);

// Whether `text` says "within N years" in one of the ways lint recognises (English or Chinese, digits or words).
bool says_within_years(const std::string& text, int years);

}  // namespace portal::core
