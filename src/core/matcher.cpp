#include "core/matcher.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>
#include <utility>

#include "core/jsonlogic.hpp"

namespace portal::core {
namespace {

using json = nlohmann::json;

const json kPass = true;
const json kFail = false;

// The profile's answers by question index (nullptr = unanswered): rules compiled by the loader read their vars
// from this array instead of searching the profile object.
struct Answers {
    std::vector<const json*> by_question;
    EvalInput input;

    Answers(const PolicySet& set, const Profile& profile, const Date& as_of) : by_question(set.questions.size(), nullptr) {
        if (profile.is_object()) {
            for (std::size_t q = 0; q < set.questions.size(); ++q) {
                auto found = profile.find(set.questions[q].id);
                if (found != profile.end()) by_question[q] = &*found;
            }
        }
        input.data = &profile;
        input.slots = by_question.data();
        input.slot_count = by_question.size();
        input.mode = EvalMode::partial;
        input.today = as_of;
    }
};

CriterionStatus status_of(Truth truth) {
    switch (truth) {
        case Truth::yes: return CriterionStatus::pass;
        case Truth::no: return CriterionStatus::fail;
        default: return CriterionStatus::unknown;
    }
}

Status status_of_truth(Truth truth) {
    switch (truth) {
        case Truth::yes: return Status::eligible;
        case Truth::no: return Status::ineligible;
        default: return Status::unknown;
    }
}

void sort_unique(std::vector<int>& values) {
    if (values.size() < 2) return;  // most rules read one question: no call into the sort
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
}

// Into `outcome`, reusing its vectors: re-evaluating after an answer then allocates nothing once warm.
void evaluate_criterion(const Criterion& criterion, const EvalInput& input, std::vector<VarRead>& reads,
                        CriterionOutcome& outcome) {
    outcome.reads.clear();
    outcome.missing.clear();
    outcome.error.clear();
    reads.clear();
    outcome.status = status_of(criterion.rule.test(input, &reads, &outcome.error));
    for (const VarRead& read : reads) {
        const int question = read.slot;
        if (question < 0) continue;
        outcome.reads.push_back(question);
        if (!read.answered) outcome.missing.push_back(question);
    }
    sort_unique(outcome.reads);
    sort_unique(outcome.missing);
}

// "all" is and, "any" is or, both three-valued; a rule reads the criteria's outcomes.
Truth combine_criteria(const Policy& policy, const std::vector<CriterionOutcome>& criteria, const Date& as_of) {
    if (policy.eligible_when == EligibleWhen::rule) {
        std::vector<const json*> slots;
        slots.reserve(criteria.size());
        for (const CriterionOutcome& outcome : criteria) {
            slots.push_back(outcome.status == CriterionStatus::pass   ? &kPass
                            : outcome.status == CriterionStatus::fail ? &kFail
                                                                      : nullptr);
        }
        static const json no_data = json::object();
        EvalInput input;
        input.data = &no_data;
        input.slots = slots.data();
        input.slot_count = slots.size();
        input.mode = EvalMode::partial;
        input.today = as_of;
        return policy.eligible_rule.test(input);
    }
    const bool need_all = policy.eligible_when == EligibleWhen::all;
    bool unknown = false;
    for (const CriterionOutcome& outcome : criteria) {
        if (outcome.status == CriterionStatus::unknown) {
            unknown = true;
        } else if ((outcome.status == CriterionStatus::pass) != need_all) {
            return need_all ? Truth::no : Truth::yes;  // one failure decides "all", one pass decides "any"
        }
    }
    if (unknown) return Truth::unknown;
    return need_all ? Truth::yes : Truth::no;
}

// A rule amount's value as money: numbers as they are, null (an `if` without else) as 0, anything else
// converted the JavaScript way with NaN as 0.
double amount_of(const json& value) {
    if (value.is_number()) return value.get<double>();
    const double number = js_to_number(value);
    return std::isnan(number) ? 0 : number;
}

bool amount_in_range(double amount) { return std::fabs(amount) <= kMaxBenefitAmount; }

BenefitOutcome resolve_benefit(const Benefit& benefit, const EvalInput& input) {
    BenefitOutcome resolved;
    if (benefit.amount) {
        resolved.amount = *benefit.amount;
    } else if (benefit.amount_rule) {
        json value;
        if (benefit.amount_rule->evaluate_value(input, value) && amount_in_range(amount_of(value))) {
            resolved.amount = amount_of(value);
        } else {  // unknown, or a figure no programme pays (1e308 x 10 would sum to infinity): not a known amount
            resolved.amount_unknown = true;
        }
    }
    if (resolved.amount) resolved.total = *resolved.amount * benefit.periods;
    return resolved;
}

// Ceilings (up_to) count in benefit_up_to only; one unknown amount leaves both sums unknown.
void evaluate_benefits(const Policy& policy, const EvalInput& input, PolicyOutcome& outcome) {
    outcome.benefits.clear();
    outcome.benefit_total.reset();
    outcome.benefit_up_to.reset();
    double total = 0;
    double up_to = 0;
    bool known = true;
    for (const Benefit& benefit : policy.benefits) {
        BenefitOutcome resolved = resolve_benefit(benefit, input);
        if (benefit.counts_in_total()) {
            if (resolved.amount_unknown) known = false;
            if (resolved.total) {
                up_to += *resolved.total;
                if (!benefit.up_to) total += *resolved.total;
            }
        }
        outcome.benefits.push_back(resolved);
    }
    if (known) {
        outcome.benefit_total = total;
        outcome.benefit_up_to = up_to;
    }
}

// Status, reason, failed criteria and missing questions from the criteria's outcomes and the dates.
void settle(const Policy& policy, const Date& as_of, PolicyOutcome& outcome) {
    outcome.failed.clear();
    for (std::size_t c = 0; c < outcome.criteria.size(); ++c) {
        if (outcome.criteria[c].status == CriterionStatus::fail) outcome.failed.push_back(static_cast<int>(c));
    }
    outcome.reason = IneligibleReason::none;
    if (policy.valid.from && as_of < *policy.valid.from) {
        outcome.status = Status::ineligible;
        outcome.reason = IneligibleReason::not_yet_valid;
    } else if (policy.valid.until && as_of > *policy.valid.until) {
        outcome.status = Status::ineligible;
        outcome.reason = IneligibleReason::expired;
    } else if (!policy.assessed()) {
        outcome.status = Status::unknown;  // terms not published: not assessed, nothing to ask
    } else {
        outcome.status = status_of_truth(combine_criteria(policy, outcome.criteria, as_of));
        if (outcome.status == Status::ineligible) outcome.reason = IneligibleReason::criteria;
    }

    outcome.missing.clear();
    if (outcome.status == Status::unknown) {
        for (const CriterionOutcome& criterion : outcome.criteria) {
            if (criterion.status == CriterionStatus::unknown) {
                outcome.missing.insert(outcome.missing.end(), criterion.missing.begin(), criterion.missing.end());
            }
        }
        sort_unique(outcome.missing);
    }
}

PolicyOutcome evaluate_one(const PolicySet& set, int index, const EvalInput& input, const Date& as_of,
                           std::vector<VarRead>& reads) {
    const Policy& policy = set.policies[static_cast<std::size_t>(index)];
    PolicyOutcome outcome;
    outcome.policy = index;
    outcome.criteria.resize(policy.criteria.size());
    for (std::size_t c = 0; c < policy.criteria.size(); ++c) evaluate_criterion(policy.criteria[c], input, reads, outcome.criteria[c]);
    settle(policy, as_of, outcome);
    evaluate_benefits(policy, input, outcome);
    outcome.certainty = certainty_of(set, index, as_of);
    return outcome;
}

struct AskState {
    std::vector<QuestionState> states;
    std::vector<Truth> ask_if;
};

AskState ask_state(const PolicySet& set, const Answers& answers) {
    AskState out;
    out.states.reserve(set.questions.size());
    out.ask_if.reserve(set.questions.size());
    for (std::size_t q = 0; q < set.questions.size(); ++q) {
        const Question& question = set.questions[q];
        const Truth ask_if = question.ask_if ? question.ask_if->test(answers.input) : Truth::yes;
        out.ask_if.push_back(ask_if);
        if (answers.by_question[q] != nullptr) {
            out.states.push_back(QuestionState::answered);
        } else if (ask_if == Truth::yes) {
            out.states.push_back(QuestionState::askable);
        } else {
            out.states.push_back(ask_if == Truth::unknown ? QuestionState::waiting : QuestionState::hidden);
        }
    }
    return out;
}

// The askable question with the most votes (ties: earlier in `questions`); nullopt when none has a vote.
std::optional<int> most_voted(const std::vector<int>& votes, const std::vector<QuestionState>& states) {
    std::optional<int> best;
    for (std::size_t q = 0; q < states.size(); ++q) {
        if (states[q] != QuestionState::askable || votes[q] == 0) continue;
        if (!best || votes[q] > votes[static_cast<std::size_t>(*best)]) best = static_cast<int>(q);
    }
    return best;
}

// Unanswered questions read by the unknown amount rules of one policy, unique (each policy votes once).
void unknown_amount_reads(const Policy& policy, const PolicyOutcome& outcome, const EvalInput& input,
                          std::vector<VarRead>& reads, std::vector<int>& questions) {
    questions.clear();
    for (std::size_t b = 0; b < policy.benefits.size(); ++b) {
        const Benefit& benefit = policy.benefits[b];
        if (!outcome.benefits[b].amount_unknown || !benefit.amount_rule) continue;
        reads.clear();
        json ignored;
        benefit.amount_rule->evaluate_value(input, ignored, &reads);
        for (const VarRead& read : reads) {
            const int question = read.slot;
            if (question >= 0 && !read.answered) questions.push_back(question);
        }
    }
    sort_unique(questions);
}

// First the question most unknown policies' undecided criteria read; when none is left, the one most eligible
// policies' unknown amounts read (docs/POLICY-FORMAT.md, Next question).
std::optional<int> pick_next_question(const PolicySet& set, const std::vector<PolicyOutcome>& results,
                                      const std::vector<QuestionState>& states, const std::vector<int>& undecided,
                                      const EvalInput& input) {
    if (std::optional<int> best = most_voted(undecided, states)) return best;

    std::vector<int> votes(states.size(), 0);
    std::vector<VarRead> reads;
    std::vector<int> questions;
    for (const PolicyOutcome& outcome : results) {
        if (outcome.status != Status::eligible) continue;
        unknown_amount_reads(set.policies[static_cast<std::size_t>(outcome.policy)], outcome, input, reads, questions);
        for (int question : questions) ++votes[static_cast<std::size_t>(question)];
    }
    return most_voted(votes, states);
}

// A revision never handed out before in this process (atomic: evaluations may be made on several threads).
std::uint64_t new_revision() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
}

// Everything evaluate() derives from the policies' outcomes: question states, best bundle, next question; and
// the new revision of what was written.
void derive_from_results(const PolicySet& set, const Answers& answers, Evaluation& evaluation) {
    evaluation.revision = new_revision();
    AskState asked = ask_state(set, answers);
    evaluation.questions = std::move(asked.states);
    evaluation.ask_if = std::move(asked.ask_if);
    evaluation.best_bundle = best_bundle(set, evaluation.results);
    evaluation.undecided_readers = undecided_readers(evaluation.results, set.questions.size());
    evaluation.next_question = pick_next_question(set, evaluation.results, evaluation.questions,
                                                  evaluation.undecided_readers, answers.input);
}

const json* answer_in(const Profile& profile, const std::string& id) {
    if (!profile.is_object()) return nullptr;
    const auto found = profile.find(id);
    return found == profile.end() ? nullptr : &*found;
}

// Questions whose answer differs between the two profiles. Compared as written (1 and 1.0 count as a change),
// so nothing a rule could tell apart is ever taken as unchanged.
std::vector<int> changed_questions(const PolicySet& set, const Profile& before, const Profile& after) {
    std::vector<int> changed;
    for (std::size_t q = 0; q < set.questions.size(); ++q) {
        const json* old_answer = answer_in(before, set.questions[q].id);
        const json* new_answer = answer_in(after, set.questions[q].id);
        if (old_answer == nullptr && new_answer == nullptr) continue;
        if (old_answer == nullptr || new_answer == nullptr || old_answer->dump() != new_answer->dump()) {
            changed.push_back(static_cast<int>(q));
        }
    }
    return changed;
}

}  // namespace

std::vector<int> undecided_readers(const std::vector<PolicyOutcome>& results, std::size_t questions) {
    std::vector<int> votes(questions, 0);
    for (const PolicyOutcome& outcome : results) {
        if (outcome.status != Status::unknown) continue;
        for (int q : outcome.missing) {
            if (static_cast<std::size_t>(q) < votes.size()) ++votes[static_cast<std::size_t>(q)];
        }
    }
    return votes;
}

std::string_view to_string(CriterionStatus status) {
    switch (status) {
        case CriterionStatus::pass: return "pass";
        case CriterionStatus::fail: return "fail";
        case CriterionStatus::unknown: return "unknown";
    }
    return "unknown";
}

const json* Evaluation::answer(const PolicySet& set, int question) const {
    if (question < 0 || static_cast<std::size_t>(question) >= set.questions.size() || !profile.is_object()) return nullptr;
    auto found = profile.find(set.questions[static_cast<std::size_t>(question)].id);
    return found == profile.end() ? nullptr : &*found;
}

PolicyOutcome evaluate_policy(const PolicySet& set, int policy, const Profile& profile, const Date& as_of) {
    const Answers answers(set, profile, as_of);
    std::vector<VarRead> reads;
    return evaluate_one(set, policy, answers.input, as_of, reads);
}

BenefitOutcome evaluate_benefit(const PolicySet& set, int policy, int benefit, const Profile& profile,
                                const Date& as_of) {
    const Answers answers(set, profile, as_of);
    const Policy& p = set.policies[static_cast<std::size_t>(policy)];
    return resolve_benefit(p.benefits[static_cast<std::size_t>(benefit)], answers.input);
}

Certainty certainty_of(const PolicySet& set, int policy, const Date& as_of) {
    const Policy& p = set.policies[static_cast<std::size_t>(policy)];
    if (p.illustrative) return Certainty::illustrative;
    const auto source_at = [&set](int index) -> const Source* {
        return index >= 0 && static_cast<std::size_t>(index) < set.sources.size() ? &set.sources[static_cast<std::size_t>(index)]
                                                                                    : nullptr;
    };
    const Source* source = source_at(p.source_index);
    if (source == nullptr || source->reliability != Reliability::confirmed) return Certainty::unconfirmed;
    std::optional<Date> evidence = source->date;
    if (p.confirmed_in_force) {
        const Source* later = source_at(p.confirmed_in_force->source_index);
        if (later != nullptr && later->reliability == Reliability::confirmed && (!evidence || *evidence < p.confirmed_in_force->date)) {
            evidence = p.confirmed_in_force->date;
        }
    }
    if (!evidence || completed_years(*evidence, as_of) >= set.stale_after_years) return Certainty::unconfirmed;
    return Certainty::confirmed;
}

Evaluation evaluate(const PolicySet& set, const Profile& profile, const Date& as_of) {
    Evaluation evaluation;
    evaluation.as_of = as_of;
    evaluation.profile = profile;
    const Answers answers(set, evaluation.profile, as_of);

    std::vector<VarRead> reads;  // reused: no allocation per criterion once warm
    evaluation.results.reserve(set.policies.size());
    for (std::size_t p = 0; p < set.policies.size(); ++p) {
        evaluation.results.push_back(evaluate_one(set, static_cast<int>(p), answers.input, as_of, reads));
    }
    derive_from_results(set, answers, evaluation);
    return evaluation;
}

// Each part of each policy has an id, in (policy, part) order: the policy's first id is kWhole, the next kAmounts,
// then its criteria. Lists of ids are then merged by the plain int sort the matcher already uses, which keeps the
// visitor's wasm from carrying sorts of its own for pairs and parts.
AnswerReaders::AnswerReaders(const PolicySet& set)
    : by_question_(set.questions.size()) {
    const int question_count = static_cast<int>(set.questions.size());
    const auto reads_unbound = [&](const CompiledRule& rule) {
        if (rule.reads_computed_names()) return true;
        for (std::size_t v = 0; v < rule.variables().size(); ++v) {
            const int slot = rule.variable_slot(static_cast<std::uint32_t>(v));
            if (slot < 0 || slot >= question_count) return true;
        }
        return false;
    };
    const auto add_rule = [&](const CompiledRule& rule, int id) {
        for (std::size_t v = 0; v < rule.variables().size(); ++v) {
            std::vector<int>& readers = by_question_[static_cast<std::size_t>(rule.variable_slot(static_cast<std::uint32_t>(v)))];
            if (readers.empty() || readers.back() != id) readers.push_back(id);  // amount rules share one id
        }
    };
    part_base_.reserve(set.policies.size() + 1);
    part_base_.push_back(0);
    for (const Policy& policy : set.policies) {
        const int base = part_base_.back();
        bool unbound = false;
        for (const Criterion& criterion : policy.criteria) unbound = unbound || reads_unbound(criterion.rule);
        for (const Benefit& benefit : policy.benefits) unbound = unbound || (benefit.amount_rule && reads_unbound(*benefit.amount_rule));
        if (unbound) {
            every_answer_.push_back(base);  // the policy's kWhole id
        } else {
            for (std::size_t c = 0; c < policy.criteria.size(); ++c) add_rule(policy.criteria[c].rule, base + 2 + static_cast<int>(c));
            for (const Benefit& benefit : policy.benefits) {
                if (benefit.amount_rule) add_rule(*benefit.amount_rule, base + 2 + kAmounts);
            }
        }
        part_base_.push_back(base + 2 + static_cast<int>(policy.criteria.size()));
    }
}

bool AnswerReaders::built_for(const PolicySet& set) const {
    const std::size_t policies = part_base_.empty() ? 0 : part_base_.size() - 1;
    return policies == set.policies.size() && by_question_.size() == set.questions.size();
}

std::vector<AnswerReaders::Part> AnswerReaders::parts_reading(const std::vector<int>& questions) const {
    std::vector<int> ids = every_answer_;  // they may read any key of the profile
    for (int question : questions) {
        if (question < 0 || static_cast<std::size_t>(question) >= by_question_.size()) continue;
        const std::vector<int>& readers = by_question_[static_cast<std::size_t>(question)];
        ids.insert(ids.end(), readers.begin(), readers.end());
    }
    sort_unique(ids);
    std::vector<Part> parts;
    parts.reserve(ids.size());
    for (int id : ids) {
        const auto next = std::upper_bound(part_base_.begin(), part_base_.end(), id);
        const int policy = static_cast<int>(next - part_base_.begin()) - 1;
        parts.push_back(Part{policy, id - part_base_[static_cast<std::size_t>(policy)] + kWhole});
    }
    return parts;
}

std::vector<int> AnswerReaders::policies_reading(const std::vector<int>& questions) const {
    std::vector<int> policies;
    for (const Part& part : parts_reading(questions)) {
        if (policies.empty() || policies.back() != part.policy) policies.push_back(part.policy);
    }
    return policies;
}

namespace {

// Brings one policy's outcome up to date when only `parts` of it (criterion indices, AnswerReaders::kAmounts for
// the amount rules, kWhole for everything) read a changed answer; the rest of it stays as it was.
template <typename PartIt>
void update_policy(const PolicySet& set, int index, PartIt first, PartIt last, const EvalInput& input, const Date& as_of,
                   std::vector<VarRead>& reads, PolicyOutcome& outcome, ReevaluationWork& done) {
    const Policy& policy = set.policies[static_cast<std::size_t>(index)];
    ++done.policies_evaluated;
    if (first->part == AnswerReaders::kWhole) {
        outcome = evaluate_one(set, index, input, as_of, reads);
        done.criteria_evaluated += static_cast<int>(policy.criteria.size());
        return;
    }
    bool amounts = false;
    for (PartIt part = first; part != last; ++part) {
        if (part->part == AnswerReaders::kAmounts) {
            amounts = true;
            continue;
        }
        evaluate_criterion(policy.criteria[static_cast<std::size_t>(part->part)], input, reads,
                           outcome.criteria[static_cast<std::size_t>(part->part)]);
        ++done.criteria_evaluated;
    }
    settle(policy, as_of, outcome);
    if (amounts) evaluate_benefits(policy, input, outcome);
}

}  // namespace

void reevaluate(const PolicySet& set, const AnswerReaders& readers, Evaluation& evaluation, const Profile& profile,
                const Date& as_of, ReevaluationWork* work) {
    ReevaluationWork done;
    const bool comparable = evaluation.as_of == as_of && evaluation.results.size() == set.policies.size() &&
                            evaluation.questions.size() == set.questions.size() && readers.built_for(set);
    if (!comparable) {
        evaluation = evaluate(set, profile, as_of);
        done.full = true;
        done.questions_changed = static_cast<int>(set.questions.size());
        done.policies_evaluated = static_cast<int>(set.policies.size());
        for (const Policy& policy : set.policies) done.criteria_evaluated += static_cast<int>(policy.criteria.size());
    } else {
        const std::vector<int> changed = changed_questions(set, evaluation.profile, profile);
        done.questions_changed = static_cast<int>(changed.size());
        evaluation.profile = profile;
        const Answers answers(set, evaluation.profile, as_of);
        std::vector<VarRead> reads;
        const std::vector<AnswerReaders::Part> parts = readers.parts_reading(changed);
        for (auto first = parts.begin(); first != parts.end();) {
            auto last = first;
            while (last != parts.end() && last->policy == first->policy) ++last;
            update_policy(set, first->policy, first, last, answers.input, as_of, reads,
                          evaluation.results[static_cast<std::size_t>(first->policy)], done);
            first = last;
        }
        derive_from_results(set, answers, evaluation);
    }
    if (work != nullptr) *work = done;
}

std::vector<int> fewest_first(const std::vector<int>& ids, const std::vector<int>& counts) {
    int most = 0;
    for (int count : counts) most = std::max(most, count);
    std::vector<std::size_t> next(static_cast<std::size_t>(most) + 2, 0);  // where each count's ids go
    for (int count : counts) ++next[static_cast<std::size_t>(count) + 1];
    for (std::size_t c = 1; c < next.size(); ++c) next[c] += next[c - 1];
    std::vector<int> ordered(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) ordered[next[static_cast<std::size_t>(counts[i])]++] = ids[i];
    return ordered;
}

std::vector<int> closest_misses(const Evaluation& evaluation) {
    std::vector<int> misses;
    std::vector<int> failed;
    for (const PolicyOutcome& outcome : evaluation.results) {
        if (outcome.status != Status::ineligible || outcome.reason != IneligibleReason::criteria) continue;
        misses.push_back(outcome.policy);
        failed.push_back(static_cast<int>(outcome.failed.size()));
    }
    return fewest_first(misses, failed);
}

std::vector<int> askable_questions(const Evaluation& evaluation) {
    std::vector<int> askable;
    for (std::size_t q = 0; q < evaluation.ask_if.size(); ++q) {
        if (evaluation.ask_if[q] == Truth::yes) askable.push_back(static_cast<int>(q));
    }
    return askable;
}

std::vector<QuestionState> question_states(const PolicySet& set, const Profile& profile, const Date& as_of) {
    const Answers answers(set, profile, as_of);
    return ask_state(set, answers).states;
}

}  // namespace portal::core
