// The policy set as plain data, the way docs/POLICY-FORMAT.md describes it. Produced by load_policy_set(), which
// validates everything and compiles every rule, so code that reads a PolicySet never re-checks the file.
// Index fields (question/category/source/policy positions) refer to the vectors of the same PolicySet: treat a
// loaded set as immutable.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "core/jsonlogic.hpp"
#include "core/text.hpp"

namespace portal::core {

inline constexpr std::string_view kPolicyFormat = "policy-portal/1";

// How far a source can be trusted (shown beside every figure).
enum class Reliability { confirmed, secondary, article };

// How far a visitor can rely on a policy's result on a given date (docs/POLICY-FORMAT.md, Certainty): see
// certainty_of() in matcher.hpp.
enum class Certainty { confirmed, unconfirmed, illustrative };

// Extension: who runs a programme. District, city and province programmes are local: they apply only to people
// who work, are insured, are registered or run a business there, so their criteria must read a location question.
enum class Level { district, city, province, national };
inline bool is_local(Level level) { return level != Level::national; }

// The warning codes of `policyctl lint` (see core/lint.hpp), which `lint_accept` entries name.
inline constexpr std::string_view kLintCodes[] = {"local-without-location", "years-within", "secondary-benefit",
                                                  "undated-terms-source", "unread-question", "missing-level",
                                                  "english-wide-punctuation"};

// Extension: a lint warning (by code) the author has reviewed and accepts, with the reason.
struct LintAccept {
    std::string code;
    Text why;
};

struct Source {
    std::string id;
    Text title;
    Text publisher;
    std::optional<Date> date;
    std::string url;  // "" when absent; otherwise https/http/mailto/tel
    Reliability reliability = Reliability::article;
};

struct Category {
    std::string id;
    Text name;
};

// Extension (extend-only): display names for the audience ids that policies use.
struct Audience {
    std::string id;
    Text name;
};

enum class QuestionType { boolean, number, choice, multi, date };

struct Option {
    std::string value;
    Text label;
};

struct Question {
    std::string id;
    QuestionType type = QuestionType::boolean;
    Text label;
    Text help;
    std::vector<Option> options;       // choice and multi
    bool ordered = false;              // choice: option order is meaningful (rank)
    std::optional<double> min, max;    // number
    Text unit;                         // number, e.g. {"zh":"个月","en":"months"}
    std::optional<CompiledRule> ask_if;
    bool location = false;             // extension: asks where the person works / is insured / is registered

    // Position of `value` among the options, or -1.
    int option_index(std::string_view value) const;
};

struct Criterion {
    std::string id;
    Text label;
    Text hint;    // what would satisfy it
    Text terms;   // the source's terms for this condition, in our words
    CompiledRule rule;
};

enum class EligibleWhen { all, any, rule };

enum class BenefitKind { cash, voucher, loan, in_kind, service, waiver };
enum class Per { once, month, year };

// The largest amount (and amount x periods) a benefit may state, in yuan: far above any real programme, and low
// enough that no sum of totals can overflow to infinity (which JSON cannot hold and would print as null).
inline constexpr double kMaxBenefitAmount = 1e12;
inline constexpr double kMaxBenefitPeriods = 1200;  // a hundred years of months

struct Benefit {
    std::string id;                    // "" when absent
    Text label;
    BenefitKind kind = BenefitKind::cash;
    std::optional<double> amount;      // a fixed amount
    std::optional<CompiledRule> amount_rule;  // or a rule over the profile
    std::string unit = "CNY";
    std::optional<Per> per;
    double periods = 1;
    bool up_to = false;                // the amount is a ceiling: counts in benefit_up_to, never in benefit_total

    bool has_amount() const { return amount.has_value() || amount_rule.has_value(); }
    // Loans are limits, not money received: never summed into totals.
    bool counts_in_total() const { return kind != BenefitKind::loan; }
};

struct Link {
    Text label;
    std::string url;
};

struct ApplyInfo {
    Text how;
    Text where;
    std::vector<Link> links;
};

struct Tags {
    std::vector<std::string> zh;
    std::vector<std::string> en;
};

// Inclusive validity window; an absent end is open.
struct Validity {
    std::optional<Date> from;
    std::optional<Date> until;
    bool contains(const Date& date) const;
};

enum class Status { eligible, ineligible, unknown };

struct Example {
    std::string name;
    std::optional<Date> as_of;          // absent: the file's as_of (then today)
    nlohmann::json profile = nlohmann::json::object();
    Status expect = Status::unknown;
    bool has_benefit_total = false;     // "benefit_total" given (a number, or null = unknown amount)
    std::optional<double> benefit_total;
    bool has_benefit_up_to = false;     // extension: "benefit_up_to" given, like benefit_total
    std::optional<double> benefit_up_to;
    std::optional<Certainty> certainty; // extension: the expected certainty on the example's date
};

// A later source showing the same terms still applied on `date`: moves the evidence date forward only.
struct InForce {
    Date date;
    std::string source;
    int source_index = -1;
};

struct Policy {
    std::string id;
    Text title, summary, details;
    std::string category;
    int category_index = -1;
    std::vector<std::string> audiences;
    Tags tags;
    Validity valid;
    std::vector<Criterion> criteria;
    EligibleWhen eligible_when = EligibleWhen::all;
    CompiledRule eligible_rule;         // when eligible_when == rule; var "criteria.<id>" = that criterion
    std::vector<Benefit> benefits;
    ApplyInfo apply;
    std::string source;
    int source_index = -1;
    std::optional<InForce> confirmed_in_force;
    std::optional<Level> level;         // extension; absent = not stated (lint warns)
    std::vector<LintAccept> lint_accept;
    Text terms;
    std::vector<std::string> excludes;  // as written; PolicySet::exclusions has the symmetric relation
    bool illustrative = false;
    std::vector<Example> examples;

    std::size_t file_index = 0;         // position in the file's "policies" array (skipped ones leave gaps)

    bool assessed() const { return !criteria.empty(); }
    int criterion_index(std::string_view criterion_id) const;
};

struct PolicySet {
    std::string format{kPolicyFormat};
    std::string id;
    Text title;
    Text region;
    std::string version;
    std::optional<Date> as_of;
    int stale_after_years = 3;          // evidence this many completed years old no longer confirms a policy
    std::vector<LintAccept> lint_accept;  // extension: file-level accepted lint warnings (e.g. unread-question)
    std::vector<Source> sources;
    std::vector<Category> categories;
    std::vector<Audience> audiences;
    std::vector<Question> questions;
    std::vector<Policy> policies;       // the valid ones, in file order

    // exclusions[i]: indices of policies that cannot be combined with policies[i] (symmetric, sorted).
    std::vector<std::vector<int>> exclusions;

    // Lookups by id; -1 when absent.
    int question_index(std::string_view question_id) const;
    int policy_index(std::string_view policy_id) const;
    int source_index(std::string_view source_id) const;
    int category_index(std::string_view category_id) const;
    int audience_index(std::string_view audience_id) const;

    // Rebuilds the id lookups and the symmetric exclusions from the vectors (the loader calls it).
    void reindex();

private:
    std::unordered_map<std::string, int> question_ids_, policy_ids_, source_ids_, category_ids_, audience_ids_;
};

std::string_view to_string(Status status);
std::optional<Status> parse_status(std::string_view text);
std::string_view to_string(Reliability reliability);
std::string_view to_string(Certainty certainty);
std::optional<Certainty> parse_certainty(std::string_view text);
std::string_view to_string(Level level);
std::string_view to_string(QuestionType type);
std::string_view to_string(BenefitKind kind);
std::string_view to_string(Per per);

}  // namespace portal::core
