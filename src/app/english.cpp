#include "app/english.hpp"

#include "app/app_state.hpp"
#include "app/derive.hpp"

namespace portal::app {
namespace {

// `joined` takes the place of `old` wherever the visit refers to the data: shown, kept for after a preview, and
// named by the details part. The list and the results are worked out again for it in the same frame.
void replace_catalog(AppState& state, const std::shared_ptr<const Catalog>& old, std::shared_ptr<const Catalog> joined) {
    if (state.details.catalog.lock() == old) state.details.catalog = joined;
    state.english.catalog = joined;
    if (state.preview && state.preview->bundled == old) state.preview->bundled = joined;
    if (state.catalog != old) return;
    state.catalog = std::move(joined);
    refresh_list(state);
    refresh_evaluation(state);
}

}  // namespace

core::EnglishJoin join_early_english(core::LoadResult& loaded, const EarlyEnglish& early, const std::string& file,
                                     const std::string& data_sha256) {
    if (!early.error.empty()) return failed_download<core::EnglishJoin>(file, early.error);
    // A file refused whole leaves the set untouched, and so does a broken entry its policy (core/english.hpp).
    return core::join_english(*loaded.set, early.text, file, data_sha256);
}

void expect_english(AppState& state, std::string file, std::optional<core::EnglishJoin> joined_at_start) {
    if (!state.catalog || file.empty()) return;
    await_later_part(state.english, std::move(file), state.catalog);
    if (joined_at_start) settle_later_part(state.english, std::move(*joined_at_start));
}

bool take_english_request(AppState& state) {
    return take_later_request(state.english, state.frames);
}

void deliver_english(AppState& state, std::string_view text, const std::string& error) {
    EnglishPart& part = state.english;
    const std::shared_ptr<const Catalog> catalog = part.catalog.lock();
    if (part.status != EnglishPart::Status::requested || !catalog) return;
    if (!error.empty()) {
        settle_later_part(part, failed_download<core::EnglishJoin>(part.file, error));
        return;
    }
    // The catalog shown is shared and unchanging: the English joins a copy of its set, made into a new catalog.
    core::PolicySet set = catalog->set;
    settle_later_part(part, core::join_english(set, text, part.file, state.data_bytes.sha256()));
    if (part.status != EnglishPart::Status::joined) return;
    core::LoadResult result;
    result.set = std::move(set);
    result.skipped = catalog->skipped;
    replace_catalog(state, catalog, make_catalog(std::move(result), state.as_of));
}

EnglishNotice english_notice(const AppState& state) {
    if (state.lang != core::Lang::en || !later_part_applies(state.english, state.catalog)) return EnglishNotice::none;
    switch (state.english.status) {
        case EnglishPart::Status::awaited:
        case EnglishPart::Status::requested: return EnglishNotice::loading;
        case EnglishPart::Status::failed: return EnglishNotice::unavailable;
        default: break;
    }
    for (const bool broken : state.english.joined.broken) {
        if (broken) return EnglishNotice::unavailable;
    }
    return EnglishNotice::none;
}

std::string english_problem(const AppState& state) {
    for (const core::Diagnostic& d : state.english.joined.diagnostics) {
        if (d.severity == core::Severity::error) return core::to_string(d);
    }
    return {};
}

nlohmann::json english_json(const AppState& state) {
    nlohmann::json problems = nlohmann::json::array();
    for (const core::Diagnostic& d : state.english.joined.diagnostics) problems.push_back(core::to_string(d));
    return {{"status", later_status_name(state.english.status)}, {"file", state.english.file},
            {"texts", state.english.joined.texts}, {"problems", problems}};
}

}  // namespace portal::app
