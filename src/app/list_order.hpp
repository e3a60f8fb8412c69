// The explore list's default order: what a visitor can act on first. With no search text the "relevance" order
// has nothing to rank by, and file order put example-only and press-report-only cards ahead of the programmes
// with published terms and amounts. Standing ranks a policy by how much it can tell a visitor on the catalog's
// date; the list keeps file order within a standing, so the order is deterministic.
#pragma once

#include <cstdint>
#include <vector>

#include "core/date.hpp"
#include "core/model.hpp"

namespace portal::app {

enum class Standing : std::uint8_t {
    amount_confirmed,    // published terms, an amount, a source that is confirmed and recent
    amount_unconfirmed,  // published terms and an amount, but the source is secondary or old
    terms_only,          // published terms, no stated amount (a service, a waiver, an unstated sum)
    example,             // the terms are an example, not the source's
    unpublished,         // no published terms: a programme to ask about
    ended,               // the validity window closed before the date
};

Standing standing_of(const core::PolicySet& set, int policy, const core::Date& as_of);

// standing_of() for every policy, in file order.
std::vector<Standing> standings(const core::PolicySet& set, const core::Date& as_of);

// Orders `list` (policy indices) for the default view: by standing, file order within one. With search text the
// search's ranking is kept and only ended policies move to the end.
void order_by_standing(const std::vector<Standing>& standing, std::vector<int>& list, bool ranked_by_search);

}  // namespace portal::app
