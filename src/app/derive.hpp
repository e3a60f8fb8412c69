// Recomputing the state's derived data after an intent changed its inputs. Internal to src/app.
#pragma once

#include "app/app_state.hpp"

namespace portal::app {

// The explore list for the search's ranked `matches` and these filters (pure; the intents call it through
// refresh_list, which searches with the state's TypingSearch). `searched`: the matches are ranked by search text
// (otherwise they are in file order and the relevance order ranks them by standing).
ExploreList compute_list(const Catalog& catalog, const std::vector<int>& matches, const Filters& filters, SortOrder sort,
                         core::Lang lang, bool searched);

void refresh_list(AppState& state);        // after query, filters, sort (or language when sorting by name)
void refresh_evaluation(AppState& state);  // after any change to the answers

}  // namespace portal::app
