// Loading, language, views, detail, compare and links. Explore and check intents live in explore.cpp and
// check.cpp; the test hook's snapshot in snapshot.cpp.
#include "app/app_state.hpp"

#include <algorithm>
#include <cctype>

#include "app/derive.hpp"
#include "core/load.hpp"

namespace portal::app {

const char* view_name(View view) {
    switch (view) {
        case View::explore: return "explore";
        case View::detail: return "detail";
        case View::check: return "check";
        case View::compare: return "compare";
    }
    return "explore";
}

const char* sort_name(SortOrder sort) {
    switch (sort) {
        case SortOrder::relevance: return "relevance";
        case SortOrder::value: return "value";
        case SortOrder::name: return "name";
    }
    return "relevance";
}

void start(AppState& state, std::string_view policy_json, const std::string& file_name, const std::string& lang,
           const std::string& today, const BeforeCatalog& before_catalog) {
    state.lang = core::parse_lang(lang).value_or(core::Lang::zh);
    const std::optional<core::Date> date = core::Date::parse(today);
    // The loader needs a date for headline amounts; the data's own as_of is refined below once it is known.
    state.as_of = date.value_or(core::Date{});
    LoadedCatalog loaded = load_catalog(policy_json, file_name, state.as_of, before_catalog);
    state.catalog = std::move(loaded.catalog);
    state.error = std::move(loaded.error);
    if (!state.catalog) return;
    if (!date && state.catalog->set.as_of) state.as_of = *state.catalog->set.as_of;
    refresh_list(state);
    refresh_evaluation(state);
}

void switch_language(AppState& state) {
    state.lang = state.lang == core::Lang::zh ? core::Lang::en : core::Lang::zh;
    // Sorting by name follows the language's titles.
    if (state.sort == SortOrder::name) refresh_list(state);
}

void show_view(AppState& state, View view) {
    if (view == View::detail && state.selected < 0) return;
    state.view = view;
}

void dismiss_skipped_notice(AppState& state) { state.skipped_notice_dismissed = true; }

void open_policy(AppState& state, int policy) {
    if (!state.catalog || policy < 0 || policy >= static_cast<int>(state.catalog->set.policies.size())) return;
    if (state.view != View::detail) state.detail_return = state.view;
    state.selected = policy;
    state.view = View::detail;
}

void close_detail(AppState& state) {
    if (state.view == View::detail) state.view = state.detail_return;
}

bool in_compare(const AppState& state, int policy) {
    return std::find(state.compare.begin(), state.compare.end(), policy) != state.compare.end();
}

bool toggle_compare(AppState& state, int policy) {
    const auto it = std::find(state.compare.begin(), state.compare.end(), policy);
    if (it != state.compare.end()) {
        state.compare.erase(it);
        return true;
    }
    if (state.compare.size() >= kMaxCompare || !state.catalog ||
        policy < 0 || policy >= static_cast<int>(state.catalog->set.policies.size()))
        return false;
    state.compare.push_back(policy);
    return true;
}

bool openable_url(const std::string& url) { return core::url_problem(url).empty(); }

bool request_open_url(AppState& state, const std::string& url) {
    if (!openable_url(url)) return false;
    state.last_open_url = url;
    // A kiosk never leaves its page: the link is shown as a QR code for the visitor's phone instead.
    if (state.kiosk.settings.enabled) {
        state.kiosk.link_url = url;
        return true;
    }
    state.pending_open_url = url;
    state.last_open_url = url;
    return true;
}

}  // namespace portal::app
