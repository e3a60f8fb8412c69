// Loading a data author's local file for the preview: the bundled data's loader, then lint when it validates.
#include "app/preview.hpp"

#include "app/app_state.hpp"
#include "app/derive.hpp"
#include "core/json_text.hpp"
#include "core/lint.hpp"
#include "core/load.hpp"

namespace portal::app {

PreviewLoad load_preview(std::string_view text, const std::string& file_name, const core::Date& as_of) {
    PreviewLoad out;
    core::LoadResult result = core::load_policy_set(text, file_name);
    out.problems = result.diagnostics;
    if (result.fatal()) {
        out.error = first_error(result);
        return out;
    }
    // Lint reads the rules' written form from the document and needs positions that agree with the set, which
    // only holds when nothing was left out: the same rule as `policyctl lint`.
    if (result.ok()) {
        const core::ParsedJson document = core::parse_json_text(text, file_name);
        for (const core::LintFinding& finding : core::lint_policy_set(*result.set, document.value)) {
            if (finding.accepted) continue;
            out.problems.push_back(core::to_diagnostic(file_name, finding));
        }
        out.linted = true;
    }
    out.catalog = make_catalog(std::move(result), as_of);
    return out;
}

namespace {

// Policy and question indices of the old data mean nothing in the new: the visit starts over on `catalog`.
void show_catalog(AppState& state, std::shared_ptr<const Catalog> catalog) {
    state.catalog = std::move(catalog);
    state.view = View::explore;
    state.selected = -1;
    state.compare.clear();
    state.filters = Filters{};
    state.search.forget();
    state.skipped_notice_dismissed = false;
    state.link_notice = false;
    state.share_feedback = AppState::ShareFeedback::none;
    reset_answers(state);
    refresh_list(state);
}

}  // namespace

void request_preview_file(AppState& state) {
    if (state.kiosk.settings.enabled) return;
    state.pick_preview_file = true;
}

void open_preview(AppState& state, std::string_view text, const std::string& file_name) {
    if (state.kiosk.settings.enabled || !state.catalog) return;
    PreviewLoad loaded = load_preview(text, file_name, state.as_of);
    if (!loaded.catalog) {
        state.preview_error = loaded.error;
        return;
    }
    state.preview_error.clear();
    std::shared_ptr<const Catalog> bundled = state.preview ? state.preview->bundled : state.catalog;
    state.preview = Preview{file_name, std::move(loaded.problems), loaded.linted, std::move(bundled)};
    show_catalog(state, loaded.catalog);
}

void close_preview(AppState& state) {
    if (!state.preview) return;
    std::shared_ptr<const Catalog> bundled = std::move(state.preview->bundled);
    state.preview.reset();
    show_catalog(state, std::move(bundled));
}

void dismiss_preview_error(AppState& state) { state.preview_error.clear(); }

void preview_unreadable(AppState& state, const std::string& file_name) {
    if (state.kiosk.settings.enabled || !state.catalog) return;
    state.preview_error = core::to_string(core::Diagnostic{
        core::Severity::error, file_name, "", 0, 0, "too large to open in this browser (it did not fit in the page's memory)", ""});
}

}  // namespace portal::app
