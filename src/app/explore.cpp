// Explore: query, filters and sort, and the list they give.
#include <algorithm>

#include "app/app_state.hpp"
#include "app/derive.hpp"

namespace portal::app {
namespace {

// Filter ids turned into the catalog's indices; ids the data does not know are ignored.
struct FilterIndices {
    std::vector<char> categories;  // wanted[category index]; empty = any
    std::vector<char> audiences;   // wanted[audience index]; empty = any
};

FilterIndices filter_indices(const Catalog& catalog, const Filters& filters) {
    FilterIndices out;
    if (!filters.categories.empty()) {
        out.categories.assign(catalog.set.categories.size(), 0);
        for (const std::string& id : filters.categories) {
            const int i = catalog.set.category_index(id);
            if (i >= 0) out.categories[static_cast<std::size_t>(i)] = 1;
        }
    }
    if (!filters.audiences.empty()) {
        out.audiences.assign(catalog.audiences.size(), 0);
        for (const std::string& id : filters.audiences) {
            const int i = catalog.audience_index(id);
            if (i >= 0) out.audiences[static_cast<std::size_t>(i)] = 1;
        }
    }
    return out;
}

bool category_matches(const FilterIndices& f, const core::Policy& policy) {
    return f.categories.empty() ||
           (policy.category_index >= 0 && f.categories[static_cast<std::size_t>(policy.category_index)]);
}

bool audience_matches(const Catalog& catalog, const FilterIndices& f, int policy) {
    if (f.audiences.empty()) return true;
    return std::any_of(catalog.audiences_begin(policy), catalog.audiences_end(policy),
                       [&](int a) { return f.audiences[static_cast<std::size_t>(a)] != 0; });
}

void sort_list(const Catalog& catalog, std::vector<int>& list, SortOrder sort, core::Lang lang, bool searched) {
    const auto& policies = catalog.set.policies;
    switch (sort) {
        case SortOrder::relevance:
            order_by_standing(catalog.standing, list, searched);
            break;
        case SortOrder::value:
            std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
                return value_sort_key(catalog.headlines[static_cast<std::size_t>(a)]) >
                       value_sort_key(catalog.headlines[static_cast<std::size_t>(b)]);
            });
            break;
        case SortOrder::name:
            // Code-point order: deterministic and right for English; Chinese has no pinyin table here.
            std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
                return policies[static_cast<std::size_t>(a)].title.in(lang) <
                       policies[static_cast<std::size_t>(b)].title.in(lang);
            });
            break;
    }
}

}  // namespace

ExploreList compute_list(const Catalog& catalog, const std::vector<int>& matches, const Filters& filters, SortOrder sort,
                         core::Lang lang, bool searched) {
    ExploreList out;
    out.category_counts.assign(catalog.set.categories.size(), 0);
    out.audience_counts.assign(catalog.audiences.size(), 0);
    out.visible.reserve(matches.size());
    const FilterIndices f = filter_indices(catalog, filters);

    for (int i : matches) {
        const core::Policy& policy = catalog.set.policies[static_cast<std::size_t>(i)];
        const bool category_ok = category_matches(f, policy);
        const bool audience_ok = audience_matches(catalog, f, i);
        if (category_ok && audience_ok) out.visible.push_back(i);
        if (audience_ok && policy.category_index >= 0) ++out.category_counts[static_cast<std::size_t>(policy.category_index)];
        if (category_ok) {
            for (const int* a = catalog.audiences_begin(i); a != catalog.audiences_end(i); ++a) {
                ++out.audience_counts[static_cast<std::size_t>(*a)];
            }
        }
    }
    sort_list(catalog, out.visible, sort, lang, searched);
    return out;
}

void refresh_list(AppState& state) {
    if (!state.catalog) return;
    const Catalog& catalog = *state.catalog;
    state.list = compute_list(catalog, state.search.search(catalog.index, state.query), state.filters, state.sort, state.lang,
                              core::has_terms(state.query));
}

void set_query(AppState& state, const std::string& query) {
    if (query == state.query) return;
    state.query = query;
    refresh_list(state);
}

namespace {

void toggle_id(std::vector<std::string>& ids, const std::string& id) {
    const auto it = std::find(ids.begin(), ids.end(), id);
    if (it != ids.end()) ids.erase(it);
    else ids.push_back(id);
}

}  // namespace

void toggle_category(AppState& state, const std::string& id) {
    toggle_id(state.filters.categories, id);
    refresh_list(state);
}

void toggle_audience(AppState& state, const std::string& id) {
    toggle_id(state.filters.audiences, id);
    refresh_list(state);
}

void clear_filters(AppState& state) {
    state.filters = Filters{};
    refresh_list(state);
}

void clear_search(AppState& state) { set_query(state, std::string()); }

void set_sort(AppState& state, SortOrder sort) {
    state.sort = sort;
    refresh_list(state);
}

void toggle_filters_panel(AppState& state) { state.filters_open = !state.filters_open; }

}  // namespace portal::app
