// A data author's preview: a local policy file shown in the real UI in place of the bundled data, with what
// `policyctl validate` and `policyctl lint` say about it. The file goes through the same loader as the bundled
// data (app::load_catalog, core::load_policy_set) and lint (core::lint_policy_set); nothing here parses on its own.
//
// The file only ever lives in this state: it is never uploaded, never stored, and while it is shown the page
// keeps its address and storage as they were (page_effects.cpp), so no link or remembered answer can pass the
// preview off as the bundled data. Leaving the preview (or reloading the page) brings the bundled data back.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/catalog.hpp"
#include "core/diagnostics.hpp"

namespace portal::app {

// One line of the preview's report: a validation diagnostic or a lint finding.
// The loader's diagnostics and lint's findings, in policyctl's form (English, printed by core::to_string).
using PreviewProblem = core::Diagnostic;

struct Preview {
    std::string file;                         // the local file's name, as the visitor's browser gave it
    std::vector<PreviewProblem> problems;     // validation first, then lint, in document order
    bool linted = false;                      // lint ran (it needs a file without errors, as in policyctl)
    std::shared_ptr<const Catalog> bundled;   // the bundled data, to go back to
};

// What loading a local file gave: a catalog to show and the report, or (text not usable at all) an error with
// the bundled data kept.
struct PreviewLoad {
    std::shared_ptr<const Catalog> catalog;   // null when the file could not be used
    std::vector<PreviewProblem> problems;
    bool linted = false;
    std::string error;                        // the first fatal diagnostic, "file:line:col: error: …"
};

PreviewLoad load_preview(std::string_view text, const std::string& file_name, const core::Date& as_of);

struct AppState;

// ---- intents ------------------------------------------------------------------------------------------------
// The visitor asked to choose a local file: the platform opens the file picker (never on the kiosk).
void request_preview_file(AppState& state);
// A local file's text arrived (picked or dropped): show it instead of the current data, or (not usable at all)
// keep the current data and say why. Either way the visit starts afresh on the data shown.
void open_preview(AppState& state, std::string_view text, const std::string& file_name);
// Back to the bundled data; the preview's file is dropped.
void close_preview(AppState& state);
// The page could not hand the file over (it did not fit in the app's memory): said like any unusable file, with
// the data shown left as it was.
void preview_unreadable(AppState& state, const std::string& file_name);
void dismiss_preview_error(AppState& state);

}  // namespace portal::app
