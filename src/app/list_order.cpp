#include "app/list_order.hpp"

#include <algorithm>

#include "core/matcher.hpp"

namespace portal::app {

Standing standing_of(const core::PolicySet& set, int policy, const core::Date& as_of) {
    const core::Policy& p = set.policies[static_cast<std::size_t>(policy)];
    if (p.valid.until && as_of > *p.valid.until) return Standing::ended;
    if (!p.assessed()) return Standing::unpublished;
    if (p.illustrative) return Standing::example;
    const bool amount = std::any_of(p.benefits.begin(), p.benefits.end(), [](const core::Benefit& b) { return b.has_amount(); });
    if (!amount) return Standing::terms_only;
    return core::certainty_of(set, policy, as_of) == core::Certainty::confirmed ? Standing::amount_confirmed
                                                                                : Standing::amount_unconfirmed;
}

std::vector<Standing> standings(const core::PolicySet& set, const core::Date& as_of) {
    std::vector<Standing> out;
    out.reserve(set.policies.size());
    for (std::size_t i = 0; i < set.policies.size(); ++i) out.push_back(standing_of(set, static_cast<int>(i), as_of));
    return out;
}

void order_by_standing(const std::vector<Standing>& standing, std::vector<int>& list, bool ranked_by_search) {
    const auto of = [&](int policy) { return standing[static_cast<std::size_t>(policy)]; };
    if (ranked_by_search) {
        std::stable_partition(list.begin(), list.end(), [&](int policy) { return of(policy) != Standing::ended; });
        return;
    }
    // The search returns file order for an empty query; a stable sort keeps it within each standing.
    std::stable_sort(list.begin(), list.end(), [&](int a, int b) { return of(a) < of(b); });
}

}  // namespace portal::app
