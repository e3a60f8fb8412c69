// The best bundle (core/matcher.hpp, best_bundle()): which eligible policies to combine for the largest total when
// some exclude each other. A maximum-weight independent set with the contract's tie-breaks, searched exactly
// within a work budget.
#include <algorithm>
#include <optional>
#include <vector>

#include "core/matcher.hpp"

namespace portal::core {
namespace {

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

// Exact search by branch and bound over the exclusion graph, splitting into connected components as it goes.
// Two things keep it fast: a greedy answer found first sets the total to beat, and a clique-cover upper bound
// (a bundle holds at most one policy of any group that all exclude each other) cuts every branch that cannot
// reach it. Branches that could only tie are still searched, so the contract's tie-breaks hold. The search
// counts its work against a budget: a crafted file can make any exact method exponential, and then the greedy
// answer (improved by local search) is returned and flagged as not exact.
class BundleSolver {
public:
    BundleSolver(const PolicySet& set, const std::vector<double>& weights, long budget)
        : set_(set), weights_(weights), budget_(budget), initial_budget_(budget) {}

    bool exhausted() const { return budget_ < 0; }
    long work() const { return initial_budget_ - budget_; }

    // The best independent subset of one connected component (`vertices` sorted); approximate once the budget
    // is spent (see exhausted()).
    Choice solve_component(const std::vector<int>& vertices) {
        Choice greedy = greedy_choice(vertices);
        if (exhausted()) return greedy;
        std::optional<Choice> exact = solve(vertices, greedy.total);
        if (exhausted() || !exact) return greedy;
        return *exact;
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
                    const std::optional<std::size_t> position = position_of(vertices, neighbour);
                    if (position && !seen[*position]) {
                        seen[*position] = 1;
                        stack.push_back(*position);
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
    long budget_;  // work left, in vertices visited; negative once spent
    long initial_budget_;

    double weight(int policy) const { return weights_[static_cast<std::size_t>(policy)]; }
    const std::vector<int>& neighbours(int policy) const { return set_.exclusions[static_cast<std::size_t>(policy)]; }

    static bool contains(const std::vector<int>& sorted, int value) {
        return std::binary_search(sorted.begin(), sorted.end(), value);
    }

    static std::optional<std::size_t> position_of(const std::vector<int>& sorted, int value) {
        const auto found = std::lower_bound(sorted.begin(), sorted.end(), value);
        if (found == sorted.end() || *found != value) return std::nullopt;
        return static_cast<std::size_t>(found - sorted.begin());
    }

    bool excludes(int a, int b) const { return contains(neighbours(a), b); }

    // By weight, heaviest first; equal weights in file order. (One comparator for every ordering keeps the
    // code small: each sort with its own lambda is another copy of the sort in the wasm.)
    std::vector<int> heaviest_first(std::vector<int> policies) const {
        std::sort(policies.begin(), policies.end(), [this](int a, int b) {
            return weight(a) != weight(b) ? weight(a) > weight(b) : a < b;
        });
        return policies;
    }

    void spend(std::size_t work) { budget_ -= static_cast<long>(work) + 1; }

    // The best subset of `vertices` if some subset can reach `need` (within the money epsilon); nullopt when
    // none can, or when the budget ran out.
    std::optional<Choice> solve(const std::vector<int>& vertices, double need) {
        spend(vertices.size());
        if (exhausted()) return std::nullopt;
        Choice forced;
        const std::vector<int> rest = take_pendants(vertices, forced);
        std::optional<Choice> best = solve_reduced(rest, need - forced.total);
        if (!best) return std::nullopt;
        best->total += forced.total;
        best->members.insert(best->members.end(), forced.members.begin(), forced.members.end());
        std::sort(best->members.begin(), best->members.end());
        return best;
    }

    std::optional<Choice> solve_reduced(const std::vector<int>& vertices, double need) {
        if (vertices.empty()) return need <= kMoneyEpsilon ? std::optional<Choice>(Choice{}) : std::nullopt;
        if (upper_bound(vertices) < need - kMoneyEpsilon) return std::nullopt;
        if (vertices.size() == 1) return Choice{weight(vertices[0]), {vertices[0]}};
        auto parts = components(vertices);
        if (parts.size() > 1) return solve_parts(parts, need);
        return branch(vertices, need);
    }

    // A policy excluded by only one other, and worth more than it (or as much and earlier in the file), is in
    // the best bundle: any bundle with the other one is beaten by swapping it for this one, any bundle with
    // neither by adding it. Taking these first shrinks sparse graphs a lot before any branching.
    std::vector<int> take_pendants(const std::vector<int>& vertices, Choice& forced) {
        std::vector<int> rest = vertices;
        for (bool changed = true; changed;) {
            changed = false;
            spend(rest.size());
            for (int vertex : rest) {
                std::optional<int> only;
                int count = 0;
                for (int neighbour : neighbours(vertex)) {
                    if (!contains(rest, neighbour)) continue;
                    only = neighbour;
                    if (++count > 1) break;
                }
                if (count != 1 || !dominates(vertex, *only)) continue;
                forced.total += weight(vertex);
                forced.members.push_back(vertex);
                rest.erase(std::lower_bound(rest.begin(), rest.end(), vertex));
                rest.erase(std::lower_bound(rest.begin(), rest.end(), *only));
                changed = true;
                break;  // `rest` changed under the loop
            }
        }
        return rest;
    }

    bool dominates(int a, int b) const {
        return weight(a) > weight(b) + kMoneyEpsilon || (std::fabs(weight(a) - weight(b)) <= kMoneyEpsilon && a < b);
    }

    // Independent parts add up: each must reach what is needed minus the most the others could bring.
    std::optional<Choice> solve_parts(const std::vector<std::vector<int>>& parts, double need) {
        std::vector<double> bounds;
        double bound_rest = 0;
        for (const auto& part : parts) {
            bounds.push_back(upper_bound(part));
            bound_rest += bounds.back();
        }
        Choice combined;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            bound_rest -= bounds[i];
            const std::optional<Choice> best = solve(parts[i], need - combined.total - bound_rest);
            if (!best) return std::nullopt;
            combined.total += best->total;
            combined.members.insert(combined.members.end(), best->members.begin(), best->members.end());
        }
        std::sort(combined.members.begin(), combined.members.end());
        return combined;
    }

    // Take the pivot or leave it. Taking it first usually finds a good bundle early, which then raises the bar
    // for leaving it (a tie is still searched: it may win on the tie-breaks).
    std::optional<Choice> branch(const std::vector<int>& vertices, double need) {
        const int pivot = branching_vertex(vertices);
        std::optional<Choice> with = solve(remove(vertices, pivot, true), need - weight(pivot));
        if (with) {
            with->total += weight(pivot);
            with->members.insert(std::lower_bound(with->members.begin(), with->members.end(), pivot), pivot);
            need = std::max(need, with->total);
        }
        std::optional<Choice> without = solve(remove(vertices, pivot, false), need);
        if (!with) return without;
        if (!without) return with;
        return better(*with, *without) ? with : without;
    }

    // Covers `vertices` with groups that all exclude each other, heaviest first; the bundle takes at most one
    // of each group, so the sum of the groups' heaviest weights bounds its total.
    double upper_bound(const std::vector<int>& vertices) {
        spend(vertices.size());
        std::vector<char> covered(vertices.size(), 0);
        std::vector<int> group;
        double bound = 0;
        for (int vertex : heaviest_first(vertices)) {
            const std::size_t i = *position_of(vertices, vertex);
            if (covered[i]) continue;
            covered[i] = 1;
            bound += weight(vertices[i]);  // the heaviest left, so the heaviest of its group
            group.assign(1, vertices[i]);
            for (int neighbour : neighbours(vertices[i])) {
                const std::optional<std::size_t> at = position_of(vertices, neighbour);
                if (!at || covered[*at]) continue;
                const bool excludes_all = std::all_of(group.begin(), group.end(), [&](int member) { return excludes(member, neighbour); });
                if (!excludes_all) continue;
                covered[*at] = 1;
                group.push_back(neighbour);
            }
        }
        return bound;
    }

    // A good bundle fast: heaviest first (file order on ties), then swaps that bring in a policy worth more
    // than the members it excludes, until none is left.
    Choice greedy_choice(const std::vector<int>& vertices) {
        const std::vector<int> order = heaviest_first(vertices);
        std::vector<char> chosen(vertices.size(), 0);
        for (int vertex : order) {
            if (chosen_neighbours(vertices, chosen, vertex).empty()) chosen[*position_of(vertices, vertex)] = 1;
        }
        improve_by_swaps(vertices, order, chosen);
        Choice out;
        for (std::size_t i = 0; i < vertices.size(); ++i) {
            if (!chosen[i]) continue;
            out.total += weight(vertices[i]);
            out.members.push_back(vertices[i]);
        }
        return out;
    }

    // Two kinds of move, each raising the total: bring in one policy worth more than the members it excludes, or
    // drop one member for the policies only it was keeping out when together they are worth more.
    // Positions (in `vertices`) of the chosen policies that exclude `vertex`.
    std::vector<std::size_t> chosen_neighbours(const std::vector<int>& vertices, const std::vector<char>& chosen, int vertex) const {
        std::vector<std::size_t> out;
        for (int neighbour : neighbours(vertex)) {
            const std::optional<std::size_t> at = position_of(vertices, neighbour);
            if (at && chosen[*at]) out.push_back(*at);
        }
        return out;
    }

    void improve_by_swaps(const std::vector<int>& vertices, const std::vector<int>& order, std::vector<char>& chosen) {
        // Each move raises the total, so this ends; the pass limit only bounds the work on crafted input.
        for (int pass = 0; pass < 64 && !exhausted(); ++pass) {
            bool improved = false;
            for (int vertex : order) {
                const std::size_t at = *position_of(vertices, vertex);
                improved |= chosen[at] ? swap_out(vertices, at, chosen) : swap_in(vertices, at, chosen);
            }
            if (!improved) return;
        }
    }

    bool swap_in(const std::vector<int>& vertices, std::size_t at, std::vector<char>& chosen) {
        const std::vector<std::size_t> rivals = chosen_neighbours(vertices, chosen, vertices[at]);
        spend(rivals.size());
        double lost = 0;
        for (std::size_t r : rivals) lost += weight(vertices[r]);
        if (weight(vertices[at]) <= lost + kMoneyEpsilon) return false;
        for (std::size_t r : rivals) chosen[r] = 0;
        chosen[at] = 1;
        return true;
    }

    bool swap_out(const std::vector<int>& vertices, std::size_t at, std::vector<char>& chosen) {
        const int member = vertices[at];
        std::vector<int> freed;  // the member's neighbours here
        for (int neighbour : neighbours(member)) {
            if (position_of(vertices, neighbour)) freed.push_back(neighbour);
        }
        freed = heaviest_first(freed);
        spend(freed.size());
        chosen[at] = 0;
        std::vector<std::size_t> added;
        double gained = 0;
        for (int vertex : freed) {
            const std::size_t v = *position_of(vertices, vertex);
            if (!chosen_neighbours(vertices, chosen, vertex).empty()) continue;
            chosen[v] = 1;  // at once, so the next candidates must not exclude it
            added.push_back(v);
            gained += weight(vertex);
        }
        if (gained > weight(member) + kMoneyEpsilon) return true;
        for (std::size_t v : added) chosen[v] = 0;
        chosen[at] = 1;
        return false;
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

Bundle best_bundle(const PolicySet& set, const std::vector<PolicyOutcome>& results, long work_budget) {
    std::vector<double> weights(set.policies.size(), 0);
    std::vector<char> unconfirmed(set.policies.size(), 0);
    std::vector<int> candidates;
    for (const PolicyOutcome& outcome : results) {
        // Only eligible, assessed, sourced policies with a known positive value: a zero adds a policy without
        // adding value, and an illustrative policy's amount is an example, not money anyone can count on.
        const Policy& policy = set.policies[static_cast<std::size_t>(outcome.policy)];
        if (outcome.status != Status::eligible || !policy.assessed() || policy.illustrative) continue;
        if (!outcome.benefit_total || *outcome.benefit_total <= kMoneyEpsilon) continue;
        weights[static_cast<std::size_t>(outcome.policy)] = *outcome.benefit_total;
        unconfirmed[static_cast<std::size_t>(outcome.policy)] = outcome.certainty != Certainty::confirmed ? 1 : 0;
        candidates.push_back(outcome.policy);
    }
    std::sort(candidates.begin(), candidates.end());

    // One budget for the whole call, so many hard components cannot add up to a long wait either.
    BundleSolver solver(set, weights, work_budget);
    Bundle bundle;
    for (const auto& component : solver.components(candidates)) {
        const Choice best = component.size() == 1 ? Choice{weights[static_cast<std::size_t>(component[0])], component}
                                                   : solver.solve_component(component);
        bundle.total += best.total;
        bundle.policies.insert(bundle.policies.end(), best.members.begin(), best.members.end());
    }
    bundle.exact = !solver.exhausted();
    bundle.work = solver.work();
    std::sort(bundle.policies.begin(), bundle.policies.end());
    for (int member : bundle.policies) {
        if (unconfirmed[static_cast<std::size_t>(member)]) bundle.unconfirmed_total += weights[static_cast<std::size_t>(member)];
    }
    return bundle;
}

}  // namespace portal::core
