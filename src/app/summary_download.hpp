// "Keep a copy": the visitor's results as a file to download (HTML to open or print, or plain text), written by
// the report layer from the same evaluation the results view shows.
#pragma once

#include "app/app_state.hpp"
#include "report/results_summary.hpp"

namespace portal::app {

// Asks the platform to offer the summary as a download named after the evaluation date
// ("shangyu-policy-results-2026-11-26.html"). Nothing happens before the data is loaded.
void request_summary_download(AppState& state, report::SummaryFormat format);

}  // namespace portal::app
