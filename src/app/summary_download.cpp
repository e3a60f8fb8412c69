#include "app/summary_download.hpp"

namespace portal::app {

void request_summary_download(AppState& state, report::SummaryFormat format) {
    if (!state.catalog) return;
    const bool html = format == report::SummaryFormat::html;
    AppState::Download file;
    file.file_name = "shangyu-policy-results-" + state.as_of.to_string() + (html ? ".html" : ".txt");
    file.mime_type = html ? "text/html;charset=utf-8" : "text/plain;charset=utf-8";
    file.content = report::results_summary(state.catalog->set, state.profile, state.evaluation, state.lang, format);
    state.pending_download = std::move(file);
}

}  // namespace portal::app
