// Share links: the app state ⇄ core::ShareState ⇄ URL fragment.
#include "app/share_link.hpp"

#include <algorithm>

#include "app/derive.hpp"
#include "core/profile.hpp"

namespace portal::app {
namespace {

const core::PolicySet& set_of(const AppState& state) { return state.catalog->set; }

std::string policy_id(const AppState& state, int policy) {
    return set_of(state).policies[static_cast<std::size_t>(policy)].id;
}

std::optional<SortOrder> parse_sort(const std::string& text) {
    for (SortOrder sort : {SortOrder::relevance, SortOrder::value, SortOrder::name}) {
        if (text == sort_name(sort)) return sort;
    }
    return std::nullopt;
}

std::optional<View> parse_view(const std::string& text) {
    for (View view : {View::explore, View::detail, View::check, View::compare}) {
        if (text == view_name(view)) return view;
    }
    return std::nullopt;
}

// Keeps the ids `known` accepts, listing the others as problems.
template <typename Known>
std::vector<std::string> known_ids(const std::vector<std::string>& ids, const char* what, Known known,
                                   std::vector<std::string>& problems) {
    std::vector<std::string> kept;
    for (const std::string& id : ids) {
        if (known(id)) kept.push_back(id);
        else problems.push_back(std::string("unknown ") + what + " '" + id + "'");
    }
    return kept;
}

core::Profile answers_from_link(const AppState& state, const nlohmann::json& answers, std::vector<std::string>& problems) {
    std::vector<core::ProfileProblem> dropped;
    core::Profile kept = core::usable_answers(set_of(state), answers, &dropped);
    for (const core::ProfileProblem& problem : dropped) problems.push_back("answer ignored: " + problem.message);
    return kept;
}

void apply_filters(AppState& state, const core::ShareState& shared, std::vector<std::string>& problems) {
    const Catalog& catalog = *state.catalog;
    state.filters.categories = known_ids(shared.categories, "category",
        [&](const std::string& id) { return catalog.set.category_index(id) >= 0; }, problems);
    state.filters.audiences = known_ids(shared.audiences, "audience",
        [&](const std::string& id) { return catalog.audience_index(id) >= 0; }, problems);
    state.query = shared.query;
    state.sort = SortOrder::relevance;
    if (!shared.sort.empty()) {
        if (const auto sort = parse_sort(shared.sort)) state.sort = *sort;
        else problems.push_back("unknown sort '" + shared.sort + "'");
    }
    refresh_list(state);
}

void apply_compare(AppState& state, const core::ShareState& shared, std::vector<std::string>& problems) {
    state.compare.clear();
    for (const std::string& id : shared.compare) {
        const int policy = set_of(state).policy_index(id);
        if (policy < 0) problems.push_back("unknown policy '" + id + "' in compare");
        else if (!in_compare(state, policy) && state.compare.size() < kMaxCompare) state.compare.push_back(policy);
    }
}

void apply_view(AppState& state, const core::ShareState& shared, std::vector<std::string>& problems) {
    int selected = -1;
    if (!shared.policy.empty()) {
        selected = set_of(state).policy_index(shared.policy);
        if (selected < 0) problems.push_back("unknown policy '" + shared.policy + "'");
    }
    View view = View::explore;
    if (!shared.view.empty()) {
        if (const auto parsed = parse_view(shared.view)) view = *parsed;
        else problems.push_back("unknown view '" + shared.view + "'");
    }
    if (view == View::detail && selected < 0) view = View::explore;
    if (view == View::detail && state.view != View::detail) state.detail_return = state.view;
    if (selected >= 0) state.selected = selected;
    state.view = view;
}

}  // namespace

core::ShareState share_state_of(const AppState& state, bool with_answers) {
    core::ShareState shared;
    if (state.view != View::explore) shared.view = view_name(state.view);
    shared.lang = state.lang;
    shared.query = state.query;
    shared.categories = state.filters.categories;
    shared.audiences = state.filters.audiences;
    if (state.sort != SortOrder::relevance) shared.sort = sort_name(state.sort);
    if (!state.catalog) return shared;
    if (state.view == View::detail && state.selected >= 0) shared.policy = policy_id(state, state.selected);
    for (int policy : state.compare) shared.compare.push_back(policy_id(state, policy));
    if (with_answers && has_answers(state)) shared.answers = state.profile;
    return shared;
}

std::string share_fragment(const AppState& state, bool with_answers) {
    return core::encode_fragment(share_state_of(state, with_answers));
}

std::string share_url(const AppState& state, bool with_answers) {
    // A booth served from localhost names a public address (share_base), so a phone gets a link it can reach.
    const std::string& base = state.kiosk.settings.share_base.empty() ? state.page_url : state.kiosk.settings.share_base;
    const std::string fragment = share_fragment(state, with_answers);
    return base + (fragment.empty() ? std::string() : "#" + fragment);
}

std::vector<std::string> apply_fragment(AppState& state, std::string_view fragment) {
    core::FragmentDecode decoded = core::decode_fragment(fragment);
    std::vector<std::string> problems = std::move(decoded.problems);
    if (state.catalog) {
        const core::ShareState& shared = decoded.state;
        if (shared.lang) state.lang = *shared.lang;
        apply_filters(state, shared, problems);
        apply_compare(state, shared, problems);
        apply_view(state, shared, problems);
        if (shared.answers) replace_answers(state, answers_from_link(state, *shared.answers, problems));
    }
    state.link_problems = problems;
    state.link_notice = !problems.empty();
    return problems;
}

bool is_new_screen(const core::ShareState& before, const core::ShareState& after) {
    return before.view != after.view || before.policy != after.policy || before.compare != after.compare;
}

void request_share(AppState& state, bool with_answers) {
    // A link always opens the bundled data: one copied during a preview would show other policies than the
    // author sees, so none is made (the notice says why).
    if (state.preview) {
        state.pending_share.clear();
        state.share_feedback = AppState::ShareFeedback::failed;
        return;
    }
    state.pending_share = share_url(state, with_answers);
    state.share_with_answers = with_answers;
    state.share_feedback = AppState::ShareFeedback::none;
}

void share_finished(AppState& state, bool copied) {
    state.share_feedback = copied ? AppState::ShareFeedback::copied : AppState::ShareFeedback::failed;
}

void dismiss_link_notice(AppState& state) { state.link_notice = false; }

}  // namespace portal::app
