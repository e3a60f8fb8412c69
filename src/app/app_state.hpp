// The application state: plain data that views draw and intents change. No ImGui here, so tests can drive it.
//
// Derived data (the explore list and its filter counts, the evaluation of the visitor's answers) lives here
// too, recomputed by the intents that change its inputs, so a frame only reads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/catalog.hpp"
#include "app/check_results.hpp"
#include "app/data_bytes.hpp"
#include "app/details.hpp"
#include "app/english.hpp"
#include "app/kiosk_state.hpp"
#include "app/preview.hpp"
#include "core/date.hpp"
#include "core/matcher.hpp"
#include "core/profile.hpp"
#include "core/search.hpp"
#include "core/text.hpp"

namespace portal::app {

enum class View { explore, detail, check, compare };
const char* view_name(View view);

enum class SortOrder { relevance, value, name };
const char* sort_name(SortOrder sort);

// Active filters, as ids. Within one facet any id matches (OR); the two facets combine with AND.
struct Filters {
    std::vector<std::string> categories;
    std::vector<std::string> audiences;
    bool empty() const { return categories.empty() && audiences.empty(); }
};

// The explore list: what matches the query and filters, in display order, and how many policies each filter
// chip would show (counted with the query and the *other* facet's filters, the usual faceted-search rule).
struct ExploreList {
    std::vector<int> visible;           // policy indices
    std::vector<int> category_counts;   // parallel to set.categories
    std::vector<int> audience_counts;   // parallel to Catalog::audiences
};

// An answer being composed for a question that needs more than one click (multi, number, date).
struct AnswerDraft {
    int question = -1;
    std::vector<std::string> options;  // multi: chosen values, in option order
    std::string text;                  // number / date: what was typed
    enum class Problem { none, empty, not_a_number, below_min, above_max, not_a_date } problem = Problem::none;
};

inline constexpr std::size_t kMaxCompare = 4;

struct AppState {
    core::Lang lang = core::Lang::zh;
    View view = View::explore;
    long frames = 0;       // frames drawn so far (the test hook reports it)
    std::string error;     // a problem the visitor must see (empty when all is well)

    std::shared_ptr<const Catalog> catalog;  // null until loaded, or when the data could not be used
    DataBytes data_bytes;                    // the data file's, for the files derived from it (app/data_bytes.hpp)
    DetailsPart details;                     // the policies' details when they come after the data (app/details.hpp)
    EnglishPart english;                     // the policies' English when it comes apart (app/english.hpp)
    core::Date as_of;                        // the evaluation date
    bool skipped_notice_dismissed = false;

    // Explore
    std::string query;
    Filters filters;
    SortOrder sort = SortOrder::relevance;
    bool filters_open = false;  // narrow screens fold the filter chips away until asked
    ExploreList list;           // derived
    core::TypingSearch search;  // the last few queries' matches, so typing narrows them (derived, a cache)

    // Detail
    int selected = -1;               // policy index, -1 for none
    View detail_return = View::explore;

    // Compare: policy indices in the order they were added.
    std::vector<int> compare;

    // Check
    core::Profile profile = core::Profile::object();
    std::vector<int> skipped_questions;  // question indices the visitor chose to skip
    std::vector<int> history;            // question indices in the order answered or skipped (for back)
    std::optional<int> revisiting;       // a question brought back by back or edit, asked until answered
    AnswerDraft draft;
    core::Evaluation evaluation;         // derived: the answers evaluated on as_of
    // The catalog `evaluation` was made from (another one is evaluated from scratch), and what bringing it up
    // to date after the last change of the answers cost.
    std::weak_ptr<const Catalog> evaluated_catalog;
    core::ReevaluationWork last_reevaluation;
    // What the check view shows of `evaluation` (layers, questions left, the best combination's notes), worked
    // out once per revision of the evaluation: read it through check_results().
    CheckResultsCache check_results_cache;

    // Links the visitor asked to open: the platform opens pending_open_url in a new tab and clears it.
    std::string pending_open_url;
    std::string last_open_url;

    // Sharing (src/app/share_link.hpp). The page's own address (no query or fragment), from the platform, so
    // a shared link can be written out in full. A link that could not be read whole leaves a notice.
    std::string page_url;
    std::vector<std::string> link_problems;  // what the last applied link had that was ignored (English, for tests)
    bool link_notice = false;                // show "part of this link was ignored" until dismissed
    std::string pending_share;               // a link the visitor asked to copy; the platform takes it
    enum class ShareFeedback { none, copied, failed } share_feedback = ShareFeedback::none;
    bool share_with_answers = false;         // the last copy request carried the answers

    // Remember on this device (src/app/device_memory.hpp): off unless the visitor turns it on.
    bool remember_on_device = false;

    // Keep a copy of the results: a file the platform offers for download, then clears.
    struct Download {
        std::string file_name;
        std::string mime_type;
        std::string content;
    };
    std::optional<Download> pending_download;

    // A data author's local file shown instead of the bundled data (app/preview.hpp): never stored, never in a
    // link. A file that could not be used leaves the data as it was and says why in preview_error.
    std::optional<Preview> preview;
    std::string preview_error;
    bool pick_preview_file = false;  // the visitor asked to choose a file; the platform opens its picker

    // The recruitment-fair kiosk (?kiosk): off on the ordinary site (app/kiosk.hpp).
    KioskState kiosk;
};

// ---- intents: the only ways views change the state ---------------------------------------------------------

// Loading. Parses and checks the data; a fatal problem goes to `error`, broken policies to catalog->skipped.
// `today` is the evaluation date (YYYY-MM-DD); an unreadable one falls back to the data's as_of.
// `before_catalog` amends the loaded set before its catalog is made (app/catalog.hpp).
void start(AppState& state, std::string_view policy_json, const std::string& file_name, const std::string& lang,
           const std::string& today, const BeforeCatalog& before_catalog = {});

void switch_language(AppState& state);
void show_view(AppState& state, View view);
void dismiss_skipped_notice(AppState& state);

// Explore
void set_query(AppState& state, const std::string& query);
void toggle_category(AppState& state, const std::string& id);
void toggle_audience(AppState& state, const std::string& id);
void clear_filters(AppState& state);  // the chips only: the search text is cleared by its own (x) button
void clear_search(AppState& state);
void set_sort(AppState& state, SortOrder sort);
void toggle_filters_panel(AppState& state);

// Detail: opening remembers where the visitor came from, so back (and Escape) returns there.
void open_policy(AppState& state, int policy);
void close_detail(AppState& state);

// Compare. Returns false when the policy could not be added (already four).
bool toggle_compare(AppState& state, int policy);
bool in_compare(const AppState& state, int policy);

// Check
void answer(AppState& state, int question, nlohmann::json value);
void skip_question(AppState& state);
void back(AppState& state);
void edit_answer(AppState& state, int question);    // from the summary: ask that question again now
void clear_answer(AppState& state, int question);
void reset_answers(AppState& state);
// Answers from elsewhere (a shared link, this device's memory), already checked against the questions: they
// replace the current ones and the questionnaire starts over from them.
void replace_answers(AppState& state, core::Profile profile);
void unskip_all(AppState& state);                   // "ask me the skipped questions after all"
void toggle_draft_option(AppState& state, int question, const std::string& value);
void set_draft_text(AppState& state, int question, const std::string& text);
// Commits the draft of the question being asked (multi, number or date); false with draft.problem set when
// the text is not a valid answer.
bool commit_draft(AppState& state);

// Links: only http, https, mailto and tel are ever opened (the data contract allows no other scheme).
bool request_open_url(AppState& state, const std::string& url);
bool openable_url(const std::string& url);

// ---- questions about the state (pure) -------------------------------------------------------------------------

// The question the check view asks now: a revisited one, else the engine's next question, else (when the
// visitor skipped that) the best question they have not skipped. nullopt when nothing is left to ask.
std::optional<int> current_question(const AppState& state);
// How many more questions are worth asking after the current one (skipped ones not counted).
int remaining_questions(const AppState& state);
// The check view's results for the current evaluation (app/check_results.hpp): worked out on the first read
// after the evaluation changed, then kept. Empty before the data is loaded.
const CheckResults& check_results(const AppState& state);
std::optional<core::Status> status_of(const AppState& state, int policy);
bool has_answers(const AppState& state);

// The test hook's snapshot (tests/README.md documents every field).
nlohmann::json snapshot(const AppState& state);

}  // namespace portal::app
