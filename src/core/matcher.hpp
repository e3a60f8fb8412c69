// Outcomes for one profile on one date, exactly as docs/POLICY-FORMAT.md's "Outcomes" section says: per policy
// eligible / ineligible / unknown with the criteria's outcomes, the questions still missing and the benefit
// totals; then the best bundle of combinable policies and the next question worth asking.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "core/model.hpp"
#include "core/profile.hpp"

namespace portal::core {

enum class CriterionStatus { pass, fail, unknown };
std::string_view to_string(CriterionStatus status);

struct CriterionOutcome {
    CriterionStatus status = CriterionStatus::unknown;
    std::vector<int> reads;     // question indices the rule read, unique, in question order
    std::vector<int> missing;   // the unanswered ones among `reads`, in question order
    std::string error;          // evaluation error (the criterion is then unknown); empty normally
};

struct BenefitOutcome {
    std::optional<double> amount;  // resolved amount; nullopt when the benefit has none or it is unknown
    bool amount_unknown = false;   // the amount rule read an unanswered question
    std::optional<double> total;   // amount x periods, when the amount is known
};

// Why an ineligible policy is ineligible.
enum class IneligibleReason { none, criteria, not_yet_valid, expired };

struct PolicyOutcome {
    int policy = 0;                        // index into PolicySet::policies
    Status status = Status::unknown;
    IneligibleReason reason = IneligibleReason::none;
    std::vector<CriterionOutcome> criteria;  // parallel to Policy::criteria
    std::vector<int> missing;              // unanswered question indices the undecided criteria read, question order
    std::vector<int> failed;               // indices of criteria that failed (meaningful when ineligible)
    // Sum of amount x periods over non-loan benefits that are not ceilings (up_to); nullopt when the amount of
    // any non-loan benefit is unknown. Computed for every policy, meaningful for eligible ones.
    std::optional<double> benefit_total;
    // The same sum with the ceilings included; nullopt exactly when benefit_total is.
    std::optional<double> benefit_up_to;
    Certainty certainty = Certainty::unconfirmed;  // certainty_of() on the evaluation date
    std::vector<BenefitOutcome> benefits;  // parallel to Policy::benefits
};

// What a question is right now, for a UI that shows only what makes sense to ask.
enum class QuestionState {
    answered,
    askable,   // unanswered, ask_if true or absent
    waiting,   // unanswered, ask_if unknown until another answer arrives
    hidden,    // unanswered, ask_if false
};

struct Bundle {
    std::vector<int> policies;  // policy indices, file order
    double total = 0;
    double unconfirmed_total = 0;  // the part of `total` from members whose certainty is not confirmed
    bool exact = true;          // false when the search ran out of budget and this is a greedy answer
    long work = 0;              // the search's work, in the units of the budget (so tests can bound it)
};

struct Evaluation {
    Date as_of;
    Profile profile = Profile::object();     // the answers evaluated (a copy, so reads can be shown later)
    std::vector<PolicyOutcome> results;      // one per policy, file order
    std::vector<QuestionState> questions;    // parallel to PolicySet::questions
    std::vector<Truth> ask_if;               // parallel to questions: each ask_if's truth (yes when absent)
    Bundle best_bundle;
    // Per question: how many undecided policies' undecided criteria read it (undecided_readers(results)), the
    // votes next_question was picked by; kept because the check view shows the questions left from them.
    std::vector<int> undecided_readers;
    std::optional<int> next_question;        // question index; nullopt when nothing is left worth asking
    // Which state of an evaluation this is, not part of its value: evaluate() and reevaluate() stamp every
    // evaluation they write with a revision no other one had in this process (0: never written), so what is
    // derived from an evaluation can be kept and recognised as out of date by its revision alone.
    std::uint64_t revision = 0;

    // The answer to question `question` in `profile`, or nullptr when unanswered. Used to show the values a
    // criterion read: for (int q : outcome.reads) show(set.questions[q], evaluation.answer(set, q)).
    const nlohmann::json* answer(const PolicySet& set, int question) const;
};

// How far a visitor can rely on policy `policy`'s result on `as_of` (docs/POLICY-FORMAT.md, Certainty): illustrative
// when the policy is; unconfirmed when its source is not `confirmed` or the newest evidence date (the source's
// date, or confirmed_in_force.date when that source is confirmed) is missing or stale_after_years or more
// completed years old; confirmed otherwise. Independent of any profile.
Certainty certainty_of(const PolicySet& set, int policy, const Date& as_of);

// Per question (of `questions`): how many undecided policies' undecided criteria read it, the votes by which the
// engine picks its next question; 0 for a question none of them reads.
std::vector<int> undecided_readers(const std::vector<PolicyOutcome>& results, std::size_t questions);

// Everything at once. The profile should pass check_profile(); answers of the wrong type are read as they are.
Evaluation evaluate(const PolicySet& set, const Profile& profile, const Date& as_of);

// Which policies an answer can change: for every question, the policies whose criteria or benefit amounts read it.
// The compiled rules record the names they read, bound to question slots by the loader; a rule that reads a name
// no question binds (a set built in code can hold one, a policy file cannot) makes its policy read every answer.
// Validity windows and certainty depend on the date only.
class AnswerReaders {
public:
    AnswerReaders() = default;
    explicit AnswerReaders(const PolicySet& set);

    // The policies, in file order, whose outcome an answer to any of `questions` can change.
    std::vector<int> policies_reading(const std::vector<int>& questions) const;
    bool built_for(const PolicySet& set) const;

    // A part of a policy that reads answers: one criterion (its index), the amount rules, or all of it.
    static constexpr int kWhole = -2;
    static constexpr int kAmounts = -1;
    struct Part {
        int policy = 0;
        int part = kWhole;
    };
    // The parts an answer to any of `questions` can change, by policy in file order (a policy's kWhole first).
    std::vector<Part> parts_reading(const std::vector<int>& questions) const;

private:
    std::vector<std::vector<int>> by_question_;  // ids of the parts reading each question (see the constructor)
    std::vector<int> every_answer_;              // kWhole ids of policies with a rule reading an unbound name
    std::vector<int> part_base_;                 // each policy's first part id, then the number of ids
};

// What reevaluate() did, so tests can check that an answer costs only what it can change.
struct ReevaluationWork {
    bool full = false;              // everything was evaluated again (first call, another date or another set)
    int questions_changed = 0;
    int policies_evaluated = 0;     // policies whose outcome was brought up to date
    int criteria_evaluated = 0;     // criteria evaluated again among them
};

// Brings `evaluation` up to date for `profile` on its own date, exactly as evaluate(set, profile, as_of) would:
// only the policies that read a changed answer are evaluated again; the question states, the best bundle and
// the next question are then derived from the results as evaluate() derives them. Falls back to a full
// evaluation when `evaluation` is for another date or another number of policies.
void reevaluate(const PolicySet& set, const AnswerReaders& readers, Evaluation& evaluation, const Profile& profile,
                const Date& as_of, ReevaluationWork* work = nullptr);

// One policy only (examples, detail views).
PolicyOutcome evaluate_policy(const PolicySet& set, int policy, const Profile& profile, const Date& as_of);

// One benefit of one policy, exactly as evaluate_policy() resolves it, without evaluating the criteria (the
// amount does not depend on them). Headline values try every combination of answers, so this is called often.
BenefitOutcome evaluate_benefit(const PolicySet& set, int policy, int benefit, const Profile& profile,
                                const Date& as_of);

// The best bundle among `results` (eligible, assessed, not illustrative policies, see docs/POLICY-FORMAT.md): exact by branch and bound
// over each connected component of the exclusion graph, within `work_budget` (roughly, policies visited). A
// crafted graph that would need more gets a greedy, locally improved answer with `exact` false instead of
// hanging the page. The default is far above what real data needs and keeps the worst case near 0.1 s. The
// solver is its own module, core/bundle.cpp.
constexpr long kBundleWorkBudget = 500'000;
Bundle best_bundle(const PolicySet& set, const std::vector<PolicyOutcome>& results, long work_budget = kBundleWorkBudget);

// Note: a policy outside its `valid` window is ineligible (reason not_yet_valid / expired) whatever its
// criteria say, even when it has no criteria.

// Ineligible policies that failed on their criteria (not on dates), fewest failed criteria first, then file
// order: "what would it take".
std::vector<int> closest_misses(const Evaluation& evaluation);

// `ids` ordered by `counts` (parallel to ids, each >= 0), smallest first, equal counts in their order. A counting
// sort, linear in the ids: the layers order thousands of policies by small counts (failed criteria, open
// questions) after every answer, and a comparison sort of them was most of that cost in wasm.
std::vector<int> fewest_first(const std::vector<int>& ids, const std::vector<int>& counts);

// Questions whose ask_if is true or absent (answered or not), in question order.
std::vector<int> askable_questions(const Evaluation& evaluation);

// Question states alone, without evaluating policies.
std::vector<QuestionState> question_states(const PolicySet& set, const Profile& profile, const Date& as_of);

}  // namespace portal::core
