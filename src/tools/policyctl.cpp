// policyctl: checks policy files against docs/POLICY-FORMAT.md, runs their examples, evaluates a profile, and runs
// single JsonLogic rules. A thin shell over portal::core: everything it decides is decided by the core.
//
// Exit codes (the contract): 0 success, 1 the data or a test failed, 2 bad usage or unreadable input.
// Errors go to stderr and name the file and a JSON pointer or line:column; results go to stdout.

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/check_json.hpp"
#include "core/date.hpp"
#include "core/details.hpp"
#include "core/diagnostics.hpp"
#include "core/english.hpp"
#include "core/examples.hpp"
#include "core/json_text.hpp"
#include "core/jsonlogic.hpp"
#include "core/lint.hpp"
#include "core/load.hpp"
#include "core/matcher.hpp"
#include "core/profile.hpp"
#include "report/policies_html.hpp"
#include "report/sha256.hpp"

namespace {

using namespace portal::core;
using json = nlohmann::json;

constexpr int kOk = 0;
constexpr int kDataFailed = 1;
constexpr int kBadUsage = 2;

const char* const kOverview = R"(policyctl - check policy files of the Shangyu policy portal (format policy-portal/1)

Usage:
  policyctl validate FILE
  policyctl test FILE
  policyctl lint FILE [--json]
  policyctl check FILE --profile PROFILE.json [--as-of YYYY-MM-DD] --json
  policyctl jsonlogic RULE.json DATA.json
  policyctl export-html [--out FILE] POLICY_FILE
  policyctl details DATA_FILE DETAILS_FILE
  policyctl english DATA_FILE ENGLISH_FILE [CONTRACT_FILE]
  policyctl help [COMMAND]      (or: policyctl --help, policyctl COMMAND --help)

Commands:
  validate   check a policy file against the data contract
  test       run every policy's examples
  lint       warn about what an author should review before publishing
  check      evaluate one profile and print the outcomes as JSON
  jsonlogic  evaluate one JsonLogic rule on one data object
  export-html  write the text version of the portal (every policy, no script) as HTML
  details    check that a details file belongs to a data file and join them, as the visitor's page does
  english    the same for the policies' English texts, and (given the contract) that the join gives it back

Exit codes: 0 success, 1 the data or a test failed, 2 bad usage or unreadable input.
Errors go to stderr as FILE:LINE:COLUMN: error: ... (text that is not JSON) or
FILE: /json/pointer: error: ... (JSON that breaks the contract).
)";

const std::map<std::string, std::string> kCommandHelp = {
    {"validate", R"(policyctl validate FILE

Checks FILE against docs/POLICY-FORMAT.md: JSON syntax (with line and column), UTF-8, duplicate keys, field
types, required fields, unique ids and id syntax, real dates, URL schemes (only https:, http:, mailto:,
tel:), that every var names a question (or criteria.<id> inside eligible_when), that every choice value a
rule compares with exists among the question's options, that every source, category, audience and
excluded policy exists, known operators only, and rule nesting at most 64 levels. Unknown fields are
warnings.

Prints every problem to stderr and a summary line to stdout.
Exit: 0 no errors (warnings allowed), 1 errors found, 2 FILE unreadable or bad usage.
)"},
    {"test", R"(policyctl test FILE

Runs the "examples" of every policy: evaluates the example's profile on its as_of date (else the file's
as_of, else today) and compares the status with "expect" and, when given, the benefit total with
"benefit_total" (and the optional "benefit_up_to" and "certainty"). Prints one line per failing example and a last line "N passed, M failed". Examples of
policies that are invalid cannot run and count as failed.

Exit: 0 all passed and the file is valid, 1 a failure or an invalid file, 2 FILE unreadable or bad usage.
)"},
    {"lint", R"(policyctl lint FILE [--json]

Warns about what an author should review before publishing a valid file, each warning with its code and
JSON pointer:
  missing-level           a policy without "level" (district, city, province or national)
  local-without-location  a district, city or province programme whose criteria read no question marked
                          "location": true (where the person works, is insured or is registered)
  years-within            a criterion allowing years_since up to and including N while its label, hint or
                          terms say "within N years" / 不满N年 / N年内 (fewer than N completed years)
  secondary-benefit       a benefit amount on a policy whose source is "secondary"
  undated-terms-source    a policy stating terms whose source (or confirmed_in_force source) has no date
  unread-question         a question no criterion, benefit amount or ask_if reads
  english-wide-punctuation  an English text with curly quotes, CJK or full-width punctuation or two spaces
                          (the Chinese font sets them full width: a wide gap in the sentence)
A policy's "lint_accept": [{"code": ..., "why": ...}] (the file's, for file-level findings) turns a warning
into an accepted note, printed with its reason. An invalid file gets validate's errors instead.
Text output: one line per warning or note on stdout, then "N warnings, M accepted". --json prints
{"file", "warnings": [{"code", "pointer", "message"}], "accepted": [{"code", "pointer", "message", "why"}]}.

Exit: 0 no warnings (accepted notes allowed), 1 warnings or an invalid file, 2 FILE unreadable or bad usage.
)"},
    {"check", R"(policyctl check FILE --profile PROFILE.json [--as-of YYYY-MM-DD] --json

Evaluates the profile (a JSON object from question id to answer; absent = unanswered) against every policy
on the evaluation date (default: today from the system clock) and prints one JSON object:
  {"as_of", "next_question", "best_bundle": {"policies", "total", "unconfirmed_total"},
   "results": [{"policy", "status", "certainty", "criteria": [{"id", "status"}], "missing",
                "benefit_total", "benefit_up_to"}]}
exactly as POLICY-FORMAT.md describes (benefit_total and benefit_up_to on eligible results only; the best
bundle adds "exact": false only when its search gave up). Output is stable and can be diffed.

Exit: 0 success, 1 the policy file has errors (the valid policies are still evaluated and printed),
2 bad usage, an unreadable file, a malformed profile or an answer that does not fit its question.
)"},
    {"jsonlogic", R"(policyctl jsonlogic RULE.json DATA.json

Evaluates one JsonLogic rule on one data object in complete mode (an absent var is null, as in standard
JsonLogic; today/years_since/... use today's date) and prints the result as JSON. Runs any case of the
official conformance suite. rank needs question options and is not available here.

Exit: 0 success, 1 the rule cannot be evaluated (e.g. an unknown operator), 2 bad usage or unreadable input.
)"},
    {"export-html", R"(policyctl export-html [--out FILE] POLICY_FILE

Writes the portal's text version: one static HTML page (no script, its own Content-Security-Policy) with
every valid policy in Chinese and English, grouped by category, with a table of contents, benefits,
conditions, how to apply, sources, exclusions and validity. Writes to stdout, or to FILE with --out.
Problems in POLICY_FILE go to stderr as validate prints them; policies that are invalid are left out of
the page and each is named on stderr, and the page is still written.

Exit: 0 page written from a valid file, 1 the file has errors (invalid policies left out) or cannot be
used at all (no page), 2 bad usage, POLICY_FILE unreadable or FILE not writable.
)"},
    {"details", R"(policyctl details DATA_FILE DETAILS_FILE

The visitor's page loads its policy data in two files that the build (scripts/finish_dist.py) derives from
the one contract file: DATA_FILE (policies.json: the contract without the booth's fields and without each
policy's "details") before the first frame, and DETAILS_FILE (policy-details.json) right after it:

  {"format": "shangyu-policy-details/1", "data_sha256": "<SHA-256 of DATA_FILE's bytes>",
   "policies": [{"id": ..., "details": TEXT}, {"id": ...}, ...]}

one entry per entry of the contract's "policies", at the same place, so a problem is named by the same JSON
pointer as in the contract. This command loads DATA_FILE as the portal does and joins DETAILS_FILE to it with
the portal's own code: it refuses the details whole when data_sha256 is not DATA_FILE's SHA-256 (made for
other data) or the file is not a details file, and leaves out only the policy of a broken entry. Problems go
to stderr as validate prints them; a summary line goes to stdout.

Exit: 0 the details belong to the data and join without errors, 1 they are refused or an entry is broken (or
DATA_FILE cannot be used at all), 2 bad usage or an unreadable file.
)"},
    {"english", R"(policyctl english DATA_FILE ENGLISH_FILE [CONTRACT_FILE]

The visitor's data file (policies.json) holds only the Chinese of each text inside "policies"; the build
(scripts/finish_dist.py) puts their English in ENGLISH_FILE (policy-english.json), which the page loads with
the data when it starts in English and right after its first frame otherwise:

  {"format": "shangyu-policy-english/1", "data_sha256": "<SHA-256 of DATA_FILE's bytes>",
   "policies": [{"id": ..., "title": {"en": ...}, "criteria": [{}, {"label": {"en": ...}}], ...}, ...]}

one entry per entry of the contract's "policies", mirroring the policy, so a text has the same JSON pointer
in both files. This command loads DATA_FILE as the portal does and joins ENGLISH_FILE to it with the
portal's own code: it refuses the file whole when data_sha256 is not DATA_FILE's SHA-256 or the file is not
an English file, and leaves a policy with a broken entry in Chinese only. With CONTRACT_FILE (the file both
were made from) it also compares every text and tag of every joined policy with the contract's, and names
each one that differs.

Exit: 0 the English belongs to the data and joins without errors (and gives back the contract's texts), 1
it is refused, an entry is broken or a text differs (or a data file cannot be used at all), 2 bad usage or
an unreadable file.
)"},
    {"help", R"(policyctl help [COMMAND]

Explains policyctl or one of its commands.
)"},
};

int usage_error(const std::string& message) {
    std::cerr << "policyctl: " << message << "\nRun 'policyctl --help' for usage.\n";
    return kBadUsage;
}

void print(const std::vector<Diagnostic>& diagnostics) {
    for (const Diagnostic& diagnostic : diagnostics) std::cerr << to_string(diagnostic) << '\n';
}

std::optional<std::string> read_or_complain(const std::string& path) {
    auto bytes = read_file_bytes(path);
    if (!bytes) std::cerr << path << ": error: cannot read file\n";
    return bytes;
}

std::string plural(std::size_t count, const std::string& noun) {
    if (count == 1) return "1 " + noun;
    if (noun.size() > 1 && noun.back() == 'y') return std::to_string(count) + " " + noun.substr(0, noun.size() - 1) + "ies";
    return std::to_string(count) + " " + noun + "s";
}

// ---- validate -------------------------------------------------------------------------------------------

int run_validate(const std::string& file) {
    const auto text = read_or_complain(file);
    if (!text) return kBadUsage;
    const LoadResult loaded = load_policy_set(*text, file);
    print(loaded.diagnostics);
    const std::size_t errors = count_errors(loaded.diagnostics);
    const std::size_t warnings = loaded.diagnostics.size() - errors;
    if (loaded.fatal()) {
        std::cout << file << ": invalid (" << plural(errors, "error") << ")\n";
        return kDataFailed;
    }
    const std::size_t total = loaded.set->policies.size() + loaded.skipped.size();
    std::cout << file << ": " << (errors == 0 ? "valid" : "invalid") << ", " << plural(errors, "error") << ", "
              << plural(warnings, "warning") << "; " << loaded.set->policies.size() << " of " << plural(total, "policy")
              << " valid, " << plural(loaded.set->questions.size(), "question") << "\n";
    return errors == 0 ? kOk : kDataFailed;
}

// ---- test -----------------------------------------------------------------------------------------------

std::size_t examples_in_raw_policy(const std::string& text, std::size_t index) {
    const json document = json::parse(text, nullptr, false);
    if (!document.is_object()) return 0;
    auto policies = document.find("policies");
    if (policies == document.end() || !policies->is_array() || index >= policies->size()) return 0;
    const json& policy = (*policies)[index];
    if (!policy.is_object()) return 0;
    auto examples = policy.find("examples");
    return examples != policy.end() && examples->is_array() ? examples->size() : 0;
}

int run_test(const std::string& file) {
    const auto text = read_or_complain(file);
    if (!text) return kBadUsage;
    const LoadResult loaded = load_policy_set(*text, file);
    const std::vector<Diagnostic>& diagnostics = loaded.diagnostics;
    std::vector<Diagnostic> errors;
    for (const Diagnostic& diagnostic : diagnostics) {
        if (diagnostic.severity == Severity::error) errors.push_back(diagnostic);
    }
    print(errors);
    if (loaded.fatal()) {
        std::cout << "0 passed, 0 failed\n";
        return kDataFailed;
    }

    std::size_t passed = 0, failed = 0;
    for (const ExampleResult& result : run_examples(*loaded.set, today_from_system_clock())) {
        if (result.passed) {
            ++passed;
            continue;
        }
        ++failed;
        std::cout << file << ": " << result.pointer << ": " << result.message << '\n';
    }
    for (const SkippedPolicy& skipped : loaded.skipped) {
        const std::size_t count = examples_in_raw_policy(*text, skipped.index);
        if (count == 0) continue;
        failed += count;
        std::cout << file << ": /policies/" << skipped.index << ": policy "
                  << (skipped.id.empty() ? std::string("(no id)") : "\"" + skipped.id + "\"") << " is invalid; "
                  << plural(count, "example") << " not run\n";
    }
    std::cout << passed << " passed, " << failed << " failed\n";
    return failed == 0 && errors.empty() ? kOk : kDataFailed;
}

// ---- lint -----------------------------------------------------------------------------------------------

std::string why_text(const Text& why) {
    if (why.en.empty() || why.en == why.zh) return why.zh;
    return why.zh.empty() ? why.en : why.zh + " / " + why.en;
}

int run_lint(const std::string& file, bool json_output) {
    const auto text = read_or_complain(file);
    if (!text) return kBadUsage;
    const LoadResult loaded = load_policy_set(*text, file);
    if (!loaded.ok()) {
        print(loaded.diagnostics);
        std::cerr << file << ": invalid (" << plural(count_errors(loaded.diagnostics), "error")
                  << "); lint needs a file that validates\n";
        return kDataFailed;
    }
    const ParsedJson document = parse_json_text(*text, file);
    const std::vector<LintFinding> findings = lint_policy_set(*loaded.set, document.value);
    std::size_t warnings = 0;
    for (const LintFinding& finding : findings) warnings += finding.accepted ? 0 : 1;
    if (json_output) {
        nlohmann::ordered_json out = nlohmann::ordered_json::object();
        out["file"] = file;
        out["warnings"] = nlohmann::ordered_json::array();
        out["accepted"] = nlohmann::ordered_json::array();
        for (const LintFinding& finding : findings) {
            nlohmann::ordered_json entry = {{"code", finding.code}, {"pointer", finding.pointer}, {"message", finding.message}};
            if (finding.accepted) entry["why"] = why_text(finding.why);
            out[finding.accepted ? "accepted" : "warnings"].push_back(std::move(entry));
        }
        std::cout << out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    } else {
        for (const LintFinding& finding : findings) {
            std::cout << to_string(to_diagnostic(file, finding));
            if (finding.accepted) std::cout << " (accepted: " << why_text(finding.why) << ")";
            std::cout << '\n';
        }
        std::cout << plural(warnings, "warning") << ", " << (findings.size() - warnings) << " accepted\n";
    }
    return warnings == 0 ? kOk : kDataFailed;
}

// ---- check ----------------------------------------------------------------------------------------------

struct CheckArgs {
    std::string file;
    std::string profile;
    std::optional<Date> as_of;
    bool json_output = false;
};

int run_check(const CheckArgs& args) {
    const auto text = read_or_complain(args.file);
    if (!text) return kBadUsage;
    const auto profile_text = read_or_complain(args.profile);
    if (!profile_text) return kBadUsage;

    const ParsedJson profile = parse_json_text(*profile_text, args.profile);
    print(profile.diagnostics);
    if (!profile.ok) return kBadUsage;
    const LoadResult loaded = load_policy_set(*text, args.file);
    print(loaded.diagnostics);
    if (loaded.fatal()) return kDataFailed;

    const std::vector<ProfileProblem> problems = check_profile(*loaded.set, profile.value);
    for (const ProfileProblem& problem : problems) {
        Diagnostic diagnostic;
        diagnostic.file = args.profile;
        diagnostic.pointer = problem.pointer;
        diagnostic.message = problem.message;
        std::cerr << to_string(diagnostic) << '\n';
    }
    if (!problems.empty()) return kBadUsage;

    const Date as_of = args.as_of ? *args.as_of : today_from_system_clock();
    const Evaluation evaluation = evaluate(*loaded.set, profile.value, as_of);
    std::cout << check_json_text(*loaded.set, evaluation);
    return has_errors(loaded.diagnostics) ? kDataFailed : kOk;
}

// ---- jsonlogic ------------------------------------------------------------------------------------------

int run_jsonlogic(const std::string& rule_file, const std::string& data_file) {
    const auto rule_text = read_or_complain(rule_file);
    if (!rule_text) return kBadUsage;
    const auto data_text = read_or_complain(data_file);
    if (!data_text) return kBadUsage;
    const ParsedJson rule = parse_json_text(*rule_text, rule_file);
    const ParsedJson data = parse_json_text(*data_text, data_file);
    if (!rule.ok || !data.ok) {
        print(rule.diagnostics);
        print(data.diagnostics);
        return kBadUsage;
    }

    const CompileResult compiled = compile_rule(rule.value);
    if (!compiled.ok()) {
        for (const RuleIssue& issue : compiled.errors) {
            Diagnostic diagnostic;
            diagnostic.file = rule_file;
            diagnostic.pointer = issue.pointer;
            diagnostic.message = issue.message;
            std::cerr << to_string(diagnostic) << '\n';
        }
        return kDataFailed;
    }
    EvalInput input;
    input.data = &data.value;
    input.mode = EvalMode::complete;
    input.today = today_from_system_clock();
    const EvalResult result = compiled.rule.evaluate(input);
    if (!result.ok()) {
        std::cerr << rule_file << ": error: " << result.error << '\n';
        return kDataFailed;
    }
    std::cout << result.value.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    return kOk;
}

// ---- export-html ----------------------------------------------------------------------------------------

struct ExportArgs {
    std::string file;
    std::string out;  // "" = stdout
};

void report_skipped(const std::string& file, const std::vector<SkippedPolicy>& skipped) {
    for (const SkippedPolicy& policy : skipped) {
        std::cerr << file << ": /policies/" << policy.index << ": policy "
                  << (policy.id.empty() ? std::string("(no id)") : "\"" + policy.id + "\"")
                  << " is invalid and left out of the page\n";
    }
}

bool write_output(const std::string& path, const std::string& content) {
    if (path.empty()) {
        std::cout << content;
        return static_cast<bool>(std::cout.flush());
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) std::cerr << path << ": error: cannot write file\n";
    return static_cast<bool>(out);
}

int run_export_html(const ExportArgs& args) {
    const auto text = read_or_complain(args.file);
    if (!text) return kBadUsage;
    const LoadResult loaded = load_policy_set(*text, args.file);
    print(loaded.diagnostics);
    if (loaded.fatal()) return kDataFailed;
    report_skipped(args.file, loaded.skipped);
    if (!write_output(args.out, portal::report::policies_html(*loaded.set))) return kBadUsage;
    return has_errors(loaded.diagnostics) ? kDataFailed : kOk;
}

int parse_and_run_export_html(const std::vector<std::string>& args) {
    ExportArgs exported;
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--out") {
            if (i + 1 >= args.size() || args[i + 1].empty()) return usage_error("--out needs a FILE");
            exported.out = args[++i];
        } else if (arg.rfind("--", 0) == 0) {
            return usage_error("export-html: unknown option " + arg);
        } else {
            positional.push_back(arg);
        }
    }
    if (positional.size() != 1) return usage_error("export-html takes exactly one POLICY_FILE");
    exported.file = positional[0];
    return run_export_html(exported);
}

// ---- the files made from the data: details, english -----------------------------------------------------------

// The data a file made from it must join: loaded, and the SHA-256 of its bytes that the file must name.
struct JoinTarget {
    LoadResult loaded;
    std::string fingerprint;
};

// nullopt, with the data's diagnostics printed, when the data cannot be used (`parts`: "details", "English").
std::optional<JoinTarget> join_target(const std::string& data, const std::string& data_file, const std::string& parts) {
    LoadResult loaded = load_policy_set(data, data_file);
    if (loaded.fatal()) {
        print(loaded.diagnostics);
        std::cout << data_file << ": cannot be used, so no " << parts << " can join it\n";
        return std::nullopt;
    }
    return JoinTarget{std::move(loaded), portal::report::sha256_hex(data)};
}

// Prints a join's diagnostics and returns its errors; says so when the file was refused whole (`none_join`: "no
// details join", "no English joins").
template <typename Join>
std::size_t report_join(const Join& joined, const std::string& file, const std::string& none_join,
                        const std::string& data_file, const JoinTarget& target) {
    print(joined.diagnostics);
    const std::size_t errors = count_errors(joined.diagnostics);
    if (!joined.usable) {
        std::cout << file << ": refused (" << plural(errors, "error") << "): " << none_join << " " << data_file
                  << " (SHA-256 " << target.fingerprint << ")\n";
    }
    return errors;
}

int run_details(const std::string& data_file, const std::string& details_file) {
    const auto data = read_or_complain(data_file);
    const auto details = read_or_complain(details_file);
    if (!data || !details) return kBadUsage;
    const std::optional<JoinTarget> target = join_target(*data, data_file, "details");
    if (!target) return kDataFailed;
    const LoadResult& loaded = target->loaded;
    const std::string& fingerprint = target->fingerprint;
    const DetailsJoin joined = join_details(*loaded.set, *details, details_file, fingerprint);
    const std::size_t errors = report_join(joined, details_file, "no details join", data_file, *target);
    if (!joined.usable) return kDataFailed;
    std::size_t with_text = 0;
    for (const Text& text : joined.details) with_text += text.empty() ? 0 : 1;
    std::cout << details_file << ": made for " << data_file << " (SHA-256 " << fingerprint << "); "
              << with_text << " of " << plural(loaded.set->policies.size(), "policy") << " with details, "
              << plural(errors, "error") << "\n";
    return errors == 0 ? kOk : kDataFailed;
}

// ---- english ---------------------------------------------------------------------------------------------

// The texts the visitor's data carries: not the details (in their own file) nor the booth's lint notes.
bool in_visitor_data(const std::string& place) { return place != "/details" && place.rfind("/lint_accept/", 0) != 0; }

// Each text and tag list of `joined` that differs from the same policy's in `contract`, named by its pointer.
std::size_t compare_with_contract(const PolicySet& joined, const LoadResult& contract, const std::string& contract_file) {
    std::size_t differences = 0;
    const auto differ = [&](const std::string& pointer, const std::string& what) {
        std::cerr << contract_file << ": " << pointer << ": differs: " << what << "\n";
        ++differences;
    };
    for (const Policy& policy : joined.policies) {
        const std::string at = pointer_append("/policies", policy.file_index);
        const auto same = std::find_if(contract.set->policies.begin(), contract.set->policies.end(),
                                       [&](const Policy& p) { return p.file_index == policy.file_index; });
        if (same == contract.set->policies.end() || same->id != policy.id) {
            differ(at, "the contract has no policy " + policy.id + " at this place");
            continue;
        }
        std::map<std::string, Text> expected;
        for_each_policy_text(*same, [&](const std::string& place, const Text& text) {
            if (in_visitor_data(place)) expected.emplace(place, text);
        });
        for_each_policy_text(policy, [&](const std::string& place, const Text& text) {
            if (!in_visitor_data(place)) return;
            const auto found = expected.find(place);
            if (found == expected.end()) {
                differ(at + place, "the contract has no text here");
            } else if (found->second != text) {
                differ(at + place, "the joined text is not the contract's");
            }
            expected.erase(place);
        });
        for (const auto& [place, text] : expected) differ(at + place, "the joined policy has no text here");
        if (policy.tags.en != same->tags.en || policy.tags.zh != same->tags.zh) {
            differ(at + "/tags", "the joined tags are not the contract's");
        }
    }
    return differences;
}

int run_english(const std::string& data_file, const std::string& english_file, const std::string& contract_file) {
    const auto data = read_or_complain(data_file);
    const auto english = read_or_complain(english_file);
    const auto contract_text = contract_file.empty() ? std::optional<std::string>("") : read_or_complain(contract_file);
    if (!data || !english || !contract_text) return kBadUsage;
    std::optional<JoinTarget> target = join_target(*data, data_file, "English");
    if (!target) return kDataFailed;
    LoadResult& loaded = target->loaded;
    const std::string& fingerprint = target->fingerprint;
    const EnglishJoin joined = join_english(*loaded.set, *english, english_file, fingerprint);
    const std::size_t errors = report_join(joined, english_file, "no English joins", data_file, *target);
    if (!joined.usable) return kDataFailed;
    std::size_t broken = 0;
    for (const bool entry : joined.broken) broken += entry ? 1 : 0;
    std::cout << english_file << ": made for " << data_file << " (SHA-256 " << fingerprint << "); "
              << plural(joined.texts, "English text") << " joined to " << plural(loaded.set->policies.size(), "policy")
              << ", " << broken << " left in Chinese only, " << plural(errors, "error") << "\n";
    if (contract_file.empty()) return errors == 0 ? kOk : kDataFailed;
    const LoadResult contract = load_policy_set(*contract_text, contract_file);
    if (contract.fatal()) {
        print(contract.diagnostics);
        std::cout << contract_file << ": cannot be used, so nothing can be compared with it\n";
        return kDataFailed;
    }
    const std::size_t differences = compare_with_contract(*loaded.set, contract, contract_file);
    std::cout << (differences == 0 ? "the same texts as " : "not the texts of ") << contract_file << " ("
              << plural(differences, "difference") << ")\n";
    return errors == 0 && differences == 0 ? kOk : kDataFailed;
}

// ---- command line -----------------------------------------------------------------------------------------

int run_help(const std::vector<std::string>& args) {
    if (args.empty()) {
        std::cout << kOverview;
        return kOk;
    }
    auto found = kCommandHelp.find(args[0]);
    if (found == kCommandHelp.end()) return usage_error("no command named '" + args[0] + "'");
    std::cout << found->second;
    return kOk;
}

bool wants_help(const std::vector<std::string>& args) {
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") return true;
    }
    return false;
}

int parse_and_run_check(const std::vector<std::string>& args) {
    CheckArgs check;
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--json") {
            check.json_output = true;
        } else if (arg == "--profile" || arg == "--as-of") {
            if (i + 1 >= args.size()) return usage_error(arg + " needs a value");
            const std::string& value = args[++i];
            if (arg == "--profile") {
                check.profile = value;
            } else {
                check.as_of = Date::parse(value);
                if (!check.as_of) return usage_error("--as-of '" + value + "' is not a real date YYYY-MM-DD");
            }
        } else if (arg.rfind("--", 0) == 0) {
            return usage_error("check: unknown option " + arg);
        } else {
            positional.push_back(arg);
        }
    }
    if (positional.size() != 1) return usage_error("check takes exactly one FILE");
    if (check.profile.empty()) return usage_error("check needs --profile PROFILE.json");
    if (!check.json_output) return usage_error("check needs --json (JSON is its only output format)");
    check.file = positional[0];
    return run_check(check);
}

int dispatch(const std::string& command, const std::vector<std::string>& args) {
    if (command == "help") return run_help(args);
    if (kCommandHelp.count(command) == 0) return usage_error("unknown command '" + command + "'");
    if (wants_help(args)) return run_help({command});
    if (command == "check") return parse_and_run_check(args);
    if (command == "export-html") return parse_and_run_export_html(args);
    if (command == "lint") {
        std::vector<std::string> files;
        bool json_output = false;
        for (const std::string& arg : args) {
            if (arg == "--json") {
                json_output = true;
            } else if (arg.rfind("--", 0) == 0) {
                return usage_error("lint: unknown option " + arg);
            } else {
                files.push_back(arg);
            }
        }
        if (files.size() != 1) return usage_error("lint takes exactly one FILE");
        return run_lint(files[0], json_output);
    }
    for (const std::string& arg : args) {
        if (arg.rfind("--", 0) == 0) return usage_error(command + ": unknown option " + arg);
    }
    if (command == "details") {
        if (args.size() != 2) return usage_error("details takes DATA_FILE and DETAILS_FILE");
        return run_details(args[0], args[1]);
    }
    if (command == "english") {
        if (args.size() != 2 && args.size() != 3) return usage_error("english takes DATA_FILE, ENGLISH_FILE and maybe CONTRACT_FILE");
        return run_english(args[0], args[1], args.size() == 3 ? args[2] : std::string());
    }
    if (command == "validate" || command == "test") {
        if (args.size() != 1) return usage_error(command + " takes exactly one FILE");
        return command == "validate" ? run_validate(args[0]) : run_test(args[0]);
    }
    if (args.size() != 2) return usage_error("jsonlogic takes RULE.json and DATA.json");
    return run_jsonlogic(args[0], args[1]);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::cerr << kOverview;
        return kBadUsage;
    }
    if (args[0] == "--help" || args[0] == "-h") return run_help({});
    const std::string command = args[0];
    args.erase(args.begin());
    return dispatch(command, args);
}
