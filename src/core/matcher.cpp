#include "core/matcher.hpp"

#include <algorithm>
#include <cmath>

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
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
}

CriterionOutcome evaluate_criterion(const Criterion& criterion, const EvalInput& input, std::vector<VarRead>& reads) {
    CriterionOutcome outcome;
    reads.clear();
    outcome.status = status_of(criterion.rule.test(input, &reads, &outcome.error));
    for (const VarRead& read : reads) {
        const int question = criterion.rule.variable_slot(read.var);
        if (question < 0) continue;
        outcome.reads.push_back(question);
        if (!read.answered) outcome.missing.push_back(question);
    }
    sort_unique(outcome.reads);
    sort_unique(outcome.missing);
    return outcome;
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
        const json no_data = json::object();
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

void evaluate_benefits(const Policy& policy, const EvalInput& input, PolicyOutcome& outcome) {
    double total = 0;
    bool total_known = true;
    for (const Benefit& benefit : policy.benefits) {
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
        if (benefit.counts_in_total()) {
            if (resolved.amount_unknown) total_known = false;
            if (resolved.total) total += *resolved.total;
        }
        outcome.benefits.push_back(resolved);
    }
    if (total_known) outcome.benefit_total = total;
}

PolicyOutcome evaluate_one(const PolicySet& set, int index, const EvalInput& input, const Date& as_of,
                           std::vector<VarRead>& reads) {
    const Policy& policy = set.policies[static_cast<std::size_t>(index)];
    PolicyOutcome outcome;
    outcome.policy = index;
    outcome.criteria.reserve(policy.criteria.size());
    for (const Criterion& criterion : policy.criteria) outcome.criteria.push_back(evaluate_criterion(criterion, input, reads));
    for (std::size_t c = 0; c < outcome.criteria.size(); ++c) {
        if (outcome.criteria[c].status == CriterionStatus::fail) outcome.failed.push_back(static_cast<int>(c));
    }

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

    if (outcome.status == Status::unknown) {
        for (const CriterionOutcome& criterion : outcome.criteria) {
            if (criterion.status == CriterionStatus::unknown) {
                outcome.missing.insert(outcome.missing.end(), criterion.missing.begin(), criterion.missing.end());
            }
        }
        sort_unique(outcome.missing);
    }
    evaluate_benefits(policy, input, outcome);
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

std::optional<int> pick_next_question(const std::vector<PolicyOutcome>& results, const std::vector<QuestionState>& states) {
    std::vector<int> votes(states.size(), 0);
    for (const PolicyOutcome& outcome : results) {
        if (outcome.status != Status::unknown) continue;
        for (int question : outcome.missing) ++votes[static_cast<std::size_t>(question)];
    }
    std::optional<int> best;
    for (std::size_t q = 0; q < states.size(); ++q) {
        if (states[q] != QuestionState::askable || votes[q] == 0) continue;
        if (!best || votes[q] > votes[static_cast<std::size_t>(*best)]) best = static_cast<int>(q);  // ties: earlier
    }
    return best;
}

// ---- best bundle: maximum-weight independent set with the contract's tie-breaks ---------------------------

constexpr double kMoneyEpsilon = 1e-6;

struct Choice {
    double total = 0;
    std::vector<int> members;  // sorted policy indices
};

// Larger total, then fewer policies, then the set whose policies come earlier in the file.
bool better(const Choice& a, const Choice& b) {
    if (a.total > b.total + kMoneyEpsilon) return true;
    if (a.total < b.total - kMoneyEpsilon) return false;
    if (a.members.size() != b.members.size()) return a.members.size() < b.members.size();
    return a.members < b.members;
}

class BundleSolver {
public:
    BundleSolver(const PolicySet& set, const std::vector<double>& weights) : set_(set), weights_(weights) {}

    // `vertices` sorted; returns the best independent subset.
    Choice solve(const std::vector<int>& vertices) const {
        if (vertices.empty()) return {};
        const auto parts = components(vertices);
        if (parts.size() > 1) {
            Choice combined;
            for (const auto& part : parts) {
                Choice best = solve(part);
                combined.total += best.total;
                combined.members.insert(combined.members.end(), best.members.begin(), best.members.end());
            }
            std::sort(combined.members.begin(), combined.members.end());
            return combined;
        }
        if (vertices.size() == 1) return Choice{weight(vertices[0]), {vertices[0]}};

        const int pivot = branching_vertex(vertices);
        Choice without = solve(remove(vertices, pivot, false));
        Choice with = solve(remove(vertices, pivot, true));
        with.total += weight(pivot);
        with.members.insert(std::lower_bound(with.members.begin(), with.members.end(), pivot), pivot);
        return better(with, without) ? with : without;
    }

    // Connected components of the exclusion graph restricted to `vertices`, each sorted.
    std::vector<std::vector<int>> components(const std::vector<int>& vertices) const {
        std::vector<std::vector<int>> parts;
        std::vector<char> seen(vertices.size(), 0);
        for (std::size_t start = 0; start < vertices.size(); ++start) {
            if (seen[start]) continue;
            std::vector<int> part;
            std::vector<std::size_t> stack{start};
            seen[start] = 1;
            while (!stack.empty()) {
                const std::size_t at = stack.back();
                stack.pop_back();
                part.push_back(vertices[at]);
                for (int neighbour : neighbours(vertices[at])) {
                    auto found = std::lower_bound(vertices.begin(), vertices.end(), neighbour);
                    if (found == vertices.end() || *found != neighbour) continue;
                    const auto position = static_cast<std::size_t>(found - vertices.begin());
                    if (!seen[position]) {
                        seen[position] = 1;
                        stack.push_back(position);
                    }
                }
            }
            std::sort(part.begin(), part.end());
            parts.push_back(std::move(part));
        }
        return parts;
    }

private:
    const PolicySet& set_;
    const std::vector<double>& weights_;

    double weight(int policy) const { return weights_[static_cast<std::size_t>(policy)]; }
    const std::vector<int>& neighbours(int policy) const { return set_.exclusions[static_cast<std::size_t>(policy)]; }

    static bool contains(const std::vector<int>& sorted, int value) {
        return std::binary_search(sorted.begin(), sorted.end(), value);
    }

    int degree(const std::vector<int>& vertices, int vertex) const {
        int count = 0;
        for (int neighbour : neighbours(vertex)) count += contains(vertices, neighbour) ? 1 : 0;
        return count;
    }

    // The most connected vertex (branching on it removes the most), ties to the middle of the list so that
    // chains split in halves.
    int branching_vertex(const std::vector<int>& vertices) const {
        const double middle = static_cast<double>(vertices.size() - 1) / 2;
        std::size_t best = 0;
        int best_degree = -1;
        for (std::size_t i = 0; i < vertices.size(); ++i) {
            const int d = degree(vertices, vertices[i]);
            const bool closer = std::fabs(static_cast<double>(i) - middle) < std::fabs(static_cast<double>(best) - middle);
            if (d > best_degree || (d == best_degree && closer)) {
                best = i;
                best_degree = d;
            }
        }
        return vertices[best];
    }

    // `vertices` without `pivot` (and without its neighbours when `with_neighbours`).
    std::vector<int> remove(const std::vector<int>& vertices, int pivot, bool with_neighbours) const {
        std::vector<int> rest;
        rest.reserve(vertices.size());
        for (int vertex : vertices) {
            if (vertex == pivot) continue;
            if (with_neighbours && contains(neighbours(pivot), vertex)) continue;
            rest.push_back(vertex);
        }
        return rest;
    }
};

}  // namespace

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

Bundle best_bundle(const PolicySet& set, const std::vector<PolicyOutcome>& results) {
    std::vector<double> weights(set.policies.size(), 0);
    std::vector<int> candidates;
    for (const PolicyOutcome& outcome : results) {
        // Only eligible policies with a known positive value: a zero adds a policy without adding value.
        if (outcome.status != Status::eligible || !outcome.benefit_total || *outcome.benefit_total <= kMoneyEpsilon) continue;
        weights[static_cast<std::size_t>(outcome.policy)] = *outcome.benefit_total;
        candidates.push_back(outcome.policy);
    }
    std::sort(candidates.begin(), candidates.end());

    const BundleSolver solver(set, weights);
    Bundle bundle;
    for (const auto& component : solver.components(candidates)) {
        const Choice best = component.size() == 1 ? Choice{weights[static_cast<std::size_t>(component[0])], component}
                                                   : solver.solve(component);
        bundle.total += best.total;
        bundle.policies.insert(bundle.policies.end(), best.members.begin(), best.members.end());
    }
    std::sort(bundle.policies.begin(), bundle.policies.end());
    return bundle;
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
    AskState asked = ask_state(set, answers);
    evaluation.questions = std::move(asked.states);
    evaluation.ask_if = std::move(asked.ask_if);
    evaluation.best_bundle = best_bundle(set, evaluation.results);
    evaluation.next_question = pick_next_question(evaluation.results, evaluation.questions);
    return evaluation;
}

std::vector<int> closest_misses(const Evaluation& evaluation) {
    std::vector<int> misses;
    for (const PolicyOutcome& outcome : evaluation.results) {
        if (outcome.status == Status::ineligible && outcome.reason == IneligibleReason::criteria) misses.push_back(outcome.policy);
    }
    std::stable_sort(misses.begin(), misses.end(), [&](int a, int b) {
        return evaluation.results[static_cast<std::size_t>(a)].failed.size() <
               evaluation.results[static_cast<std::size_t>(b)].failed.size();
    });
    return misses;
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
