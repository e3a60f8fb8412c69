#include "core/lint.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

#include "core/diagnostics.hpp"

namespace portal::core {
namespace {

using json = nlohmann::json;

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

// ---- "within N years" in prose --------------------------------------------------------------------------

std::string lower_collapsed(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string without_spaces(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (!std::isspace(static_cast<unsigned char>(c))) out += c;
    }
    return out;
}

// The ways a small number is written: digits, and for 1..10 the English word and the Chinese numeral(s).
std::vector<std::string> english_numbers(int n) {
    static const char* const kWords[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    std::vector<std::string> out{std::to_string(n)};
    if (n >= 0 && n <= 10) out.emplace_back(kWords[n]);
    return out;
}

std::vector<std::string> chinese_numbers(int n) {
    static const char* const kNumerals[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    std::vector<std::string> out{std::to_string(n)};
    if (n >= 0 && n <= 10) out.emplace_back(kNumerals[n]);
    if (n == 2) out.emplace_back("两");
    return out;
}

// `pattern` occurs in `text` and, when it starts with a digit, is not the tail of a longer number ("15年内" is
// not "5年内").
bool contains_number_phrase(const std::string& text, const std::string& pattern) {
    for (std::size_t at = text.find(pattern); at != std::string::npos; at = text.find(pattern, at + 1)) {
        const bool starts_with_digit = std::isdigit(static_cast<unsigned char>(pattern[0])) != 0;
        if (starts_with_digit && at > 0 && std::isdigit(static_cast<unsigned char>(text[at - 1]))) continue;
        return true;
    }
    return false;
}

}  // namespace

Diagnostic to_diagnostic(const std::string& file, const LintFinding& finding) {
    return Diagnostic{finding.accepted ? Severity::accepted : Severity::warning, file, finding.pointer, 0, 0, finding.message,
                      finding.code};
}

bool says_within_years(const std::string& text, int years) {
    const std::string english = lower_collapsed(text);
    for (const std::string& n : english_numbers(years)) {
        for (const char* lead : {"within ", "within the last ", "within the past ", "less than ", "fewer than "}) {
            // "within 5 years", also "within 5 year" and "within 5-year" (the noun starts the same way).
            for (const char* noun : {" year", "-year"}) {
                const std::string phrase = std::string(lead) + n + noun;
                for (std::size_t at = english.find(phrase); at != std::string::npos; at = english.find(phrase, at + 1)) {
                    if (at == 0 || !std::isalnum(static_cast<unsigned char>(english[at - 1]))) return true;
                }
            }
        }
    }
    const std::string chinese = without_spaces(text);
    for (const std::string& n : chinese_numbers(years)) {
        for (const std::string& phrase : {"不满" + n + "年", "未满" + n + "年", "不足" + n + "年"}) {
            if (chinese.find(phrase) != std::string::npos) return true;
        }
        for (const std::string& phrase : {n + "年内", n + "年以内", n + "周年内"}) {
            if (contains_number_phrase(chinese, phrase)) return true;
        }
    }
    return false;
}

namespace {

// ---- years_since comparisons in rules -------------------------------------------------------------------

bool is_years_since(const json& value) {
    return value.is_object() && value.size() == 1 && value.begin().key() == "years_since";
}

std::optional<int> whole_number(const json& value) {
    if (!value.is_number()) return std::nullopt;
    const double number = value.get<double>();
    if (std::floor(number) != number || std::fabs(number) > 1000) return std::nullopt;
    return static_cast<int>(number);
}

// The largest number of completed years a comparison lets through, when it bounds years_since from above and
// includes that bound: {"<=": [ys, N]}, {"<": [ys, N+1]}, {">=": [N, ys]}, {">": [N+1, ys]}, and the between
// forms {"<=": [a, ys, N]}, {"<": [a, ys, N+1]}.
std::optional<int> inclusive_upper_bound(const std::string& op, const json& args) {
    if (!args.is_array()) return std::nullopt;
    const bool strict = op == "<" || op == ">";
    std::optional<int> bound;
    if (args.size() == 2 && (op == "<=" || op == "<") && is_years_since(args[0])) bound = whole_number(args[1]);
    if (args.size() == 2 && (op == ">=" || op == ">") && is_years_since(args[1])) bound = whole_number(args[0]);
    if (args.size() == 3 && (op == "<=" || op == "<") && is_years_since(args[1])) bound = whole_number(args[2]);
    if (!bound) return std::nullopt;
    return strict ? *bound - 1 : *bound;
}

struct YearsBound {
    int years = 0;
    std::string pointer;  // of the comparison
};

void find_years_bounds(const json& rule, const std::string& pointer, std::vector<YearsBound>& out, int depth = 0) {
    if (depth > 128) return;  // validated rules nest at most 64 deep; this only guards the recursion
    if (rule.is_array()) {
        for (std::size_t i = 0; i < rule.size(); ++i) find_years_bounds(rule[i], pointer_append(pointer, i), out, depth + 1);
        return;
    }
    if (!rule.is_object()) return;
    for (auto item = rule.begin(); item != rule.end(); ++item) {
        if (auto years = inclusive_upper_bound(item.key(), item.value())) out.push_back(YearsBound{*years, pointer});
        find_years_bounds(item.value(), pointer_append(pointer, item.key()), out, depth + 1);
    }
}

// ---- the checks -------------------------------------------------------------------------------------------

const json* child(const json* value, const std::string& key) {
    if (value == nullptr || !value->is_object()) return nullptr;
    auto found = value->find(key);
    return found == value->end() ? nullptr : &*found;
}

const json* element(const json* value, std::size_t index) {
    if (value == nullptr || !value->is_array() || index >= value->size()) return nullptr;
    return &(*value)[index];
}

// Question indices a compiled rule may read.
void add_reads(const CompiledRule& rule, std::vector<char>& read, int except = -1) {
    for (std::uint32_t v = 0; v < rule.variables().size(); ++v) {
        const int question = rule.variable_slot(v);
        if (question >= 0 && question != except && static_cast<std::size_t>(question) < read.size()) read[static_cast<std::size_t>(question)] = 1;
    }
}

// ---- English text set in a Chinese font ------------------------------------------------------------------

// The first character of `text` that the CJK font draws a full em wide, or a double space: either leaves a wide
// gap in an English sentence. Curly quotes count, since Noto Sans CJK gives them full-width glyphs. Returns the
// offending piece, or "" when the text is clean.
std::string wide_gap_in(const std::string& text) {
    if (text.find("  ") != std::string::npos) return "two spaces";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c != 0xE2 && c != 0xE3 && c != 0xEF) continue;
        if (i + 2 >= text.size()) break;
        const unsigned code = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                              (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
        const bool curly = code == 0x2018 || code == 0x2019 || code == 0x201C || code == 0x201D;
        const bool cjk_punctuation = code >= 0x3000 && code <= 0x303F;
        const bool full_width = code >= 0xFF00 && code <= 0xFF65;
        if (curly || cjk_punctuation || full_width) return text.substr(i, 3);
    }
    return "";
}

class Linter {
public:
    Linter(const PolicySet& set, const json& document) : set_(set), document_(document) {}

    std::vector<LintFinding> run() {
        unread_questions();
        for (std::size_t p = 0; p < set_.policies.size(); ++p) lint_policy(static_cast<int>(p));
        english_texts(document_, "", -1);
        apply_accepts();
        return std::move(findings_);
    }

private:
    const PolicySet& set_;
    const json& document_;
    std::vector<LintFinding> findings_;

    void add(const std::string& code, int policy, std::string pointer, std::string message) {
        LintFinding finding;
        finding.code = code;
        finding.policy = policy;
        finding.pointer = std::move(pointer);
        finding.message = std::move(message);
        findings_.push_back(std::move(finding));
    }

    static std::string policy_pointer(const Policy& policy) { return pointer_append("/policies", policy.file_index); }

    void unread_questions() {
        std::vector<char> read(set_.questions.size(), 0);
        for (std::size_t q = 0; q < set_.questions.size(); ++q) {
            if (set_.questions[q].ask_if) add_reads(*set_.questions[q].ask_if, read, static_cast<int>(q));
        }
        for (const Policy& policy : set_.policies) {
            for (const Criterion& criterion : policy.criteria) add_reads(criterion.rule, read);
            for (const Benefit& benefit : policy.benefits) {
                if (benefit.amount_rule) add_reads(*benefit.amount_rule, read);
            }
        }
        for (std::size_t q = 0; q < set_.questions.size(); ++q) {
            if (read[q]) continue;
            add("unread-question", -1, pointer_append("/questions", q),
                "no criterion, benefit amount or other question's ask_if reads question " + quoted(set_.questions[q].id) +
                    ": it is asked for nothing (use it in a rule or remove it)");
        }
    }

    void lint_policy(int index) {
        const Policy& policy = set_.policies[static_cast<std::size_t>(index)];
        const json* raw = element(child(&document_, "policies"), policy.file_index);
        if (!policy.level) {
            add("missing-level", index, policy_pointer(policy),
                "no \"level\" (district, city, province or national): say who runs the programme, so a local one "
                "cannot go without a location question");
        } else if (is_local(*policy.level) && policy.assessed() && !reads_location(policy)) {
            add("local-without-location", index, pointer_append(policy_pointer(policy), "level"),
                "a " + std::string(to_string(*policy.level)) +
                    " programme applies only to people who work, are insured, are registered or run a business "
                    "there, but none of its criteria reads a question marked \"location\": true");
        }
        years_within(index, policy, raw);
        secondary_benefits(index, policy);
        undated_sources(index, policy);
    }

    bool reads_location(const Policy& policy) const {
        std::vector<char> read(set_.questions.size(), 0);
        for (const Criterion& criterion : policy.criteria) add_reads(criterion.rule, read);
        for (std::size_t q = 0; q < read.size(); ++q) {
            if (read[q] && set_.questions[q].location) return true;
        }
        return false;
    }

    void years_within(int index, const Policy& policy, const json* raw) {
        const json* criteria = child(raw, "criteria");
        for (std::size_t c = 0; c < policy.criteria.size(); ++c) {
            const json* rule = child(element(criteria, c), "rule");
            if (rule == nullptr) continue;
            const std::string rule_pointer =
                pointer_append(pointer_append(pointer_append(policy_pointer(policy), "criteria"), c), "rule");
            std::vector<YearsBound> bounds;
            find_years_bounds(*rule, rule_pointer, bounds);
            const Criterion& criterion = policy.criteria[c];
            for (const YearsBound& bound : bounds) {
                const std::string where = wording_within(criterion, bound.years);
                if (where.empty()) continue;
                add("years-within", index, bound.pointer,
                    "the rule lets years_since be " + std::to_string(bound.years) + " (up to and including " +
                        std::to_string(bound.years) + " completed years), but the criterion's " + where + " says within " +
                        std::to_string(bound.years) + " years, which is fewer than " + std::to_string(bound.years) +
                        " completed years: write {\"<\": [{\"years_since\": ...}, " + std::to_string(bound.years) + "]}");
            }
        }
    }

    // Which of the criterion's texts says "within N years" ("" when none does).
    static std::string wording_within(const Criterion& criterion, int years) {
        const std::pair<const char*, const Text*> texts[] = {
            {"label", &criterion.label}, {"hint", &criterion.hint}, {"terms", &criterion.terms}};
        for (const auto& [name, text] : texts) {
            if (says_within_years(text->zh, years) || says_within_years(text->en, years)) return name;
        }
        return "";
    }

    const Source* source_at(int index) const {
        return index >= 0 && static_cast<std::size_t>(index) < set_.sources.size() ? &set_.sources[static_cast<std::size_t>(index)]
                                                                                      : nullptr;
    }

    void secondary_benefits(int index, const Policy& policy) {
        const Source* source = source_at(policy.source_index);
        if (source == nullptr || source->reliability != Reliability::secondary) return;
        for (std::size_t b = 0; b < policy.benefits.size(); ++b) {
            if (!policy.benefits[b].has_amount()) continue;
            add("secondary-benefit", index,
                pointer_append(pointer_append(pointer_append(policy_pointer(policy), "benefits"), b), "amount"),
                "the amount comes from source " + quoted(source->id) +
                    ", a secondary compilation not checked against the official text: check it there, or accept it "
                    "knowing the result shows as unconfirmed");
        }
    }

    static bool states_terms(const Policy& policy) {
        if (!policy.terms.empty()) return true;
        return std::any_of(policy.criteria.begin(), policy.criteria.end(), [](const Criterion& c) { return !c.terms.empty(); });
    }

    void undated_sources(int index, const Policy& policy) {
        if (!states_terms(policy)) return;
        const auto check = [&](int source_index, const std::string& pointer) {
            const Source* source = source_at(source_index);
            if (source == nullptr || source->date) return;
            add("undated-terms-source", index, pointer,
                "the policy states terms, but source " + quoted(source->id) +
                    " has no date: add the document's or page's own date, or the policy stays unconfirmed");
        };
        check(policy.source_index, pointer_append(policy_pointer(policy), "source"));
        if (policy.confirmed_in_force) {
            check(policy.confirmed_in_force->source_index,
                  pointer_append(pointer_append(policy_pointer(policy), "confirmed_in_force"), "source"));
        }
    }

    // Every English text of the file, wherever it is (a policy's findings belong to that policy).
    void english_texts(const json& value, const std::string& pointer, int policy, int depth = 0) {
        if (depth > 128) return;
        if (value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                const bool policies = pointer == "/policies";
                english_texts(value[i], pointer_append(pointer, i), policies ? policy_at_file_index(i) : policy, depth + 1);
            }
            return;
        }
        if (!value.is_object()) return;
        for (auto item = value.begin(); item != value.end(); ++item) {
            const std::string at = pointer_append(pointer, item.key());
            if (item.key() == "en" && item.value().is_string()) {
                const std::string gap = wide_gap_in(item.value().get<std::string>());
                if (!gap.empty())
                    add("english-wide-punctuation", policy, at,
                        "English text with " + (gap == "two spaces" ? gap : quoted(gap)) +
                            ", which the Chinese font sets full width and so leaves a wide gap: use ASCII quotes and "
                            "punctuation and single spaces");
            } else if (item.key() != "rule" && item.key() != "eligible_when" && item.key() != "ask_if") {
                english_texts(item.value(), at, policy, depth + 1);
            }
        }
    }

    int policy_at_file_index(std::size_t file_index) const {
        for (std::size_t p = 0; p < set_.policies.size(); ++p) {
            if (set_.policies[p].file_index == file_index) return static_cast<int>(p);
        }
        return -1;
    }

    void apply_accepts() {
        for (LintFinding& finding : findings_) {
            const std::vector<LintAccept>& accepts =
                finding.policy >= 0 ? set_.policies[static_cast<std::size_t>(finding.policy)].lint_accept : set_.lint_accept;
            for (const LintAccept& accept : accepts) {
                if (accept.code != finding.code) continue;
                finding.accepted = true;
                finding.why = accept.why;
                break;
            }
        }
    }
};

}  // namespace

std::vector<LintFinding> lint_policy_set(const PolicySet& set, const json& document) { return Linter(set, document).run(); }

}  // namespace portal::core
