// The policies' English texts on the visitor's page: the data file holds only the Chinese of the texts inside
// "policies", and the English file (core/english.hpp) comes with the data when the page starts in English (the
// platform hands it over before the first frame) or is fetched right after the first frame otherwise, so a visitor
// who switches later finds it there. Until it has arrived (or when it could not be used) an English page shows
// the policies' Chinese texts and says why (english_notice).
//
// English that came with the data is joined into the loaded set before its catalog is made. English that comes
// later gives the data shown a new catalog, the same policies with their English, and everything derived from
// their texts (the search index, the order by name) made again; positions stay, so the visit goes on as it was.
// Pages that load the contract file whole (the booth, the desktop app, an author's preview) fetch nothing.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "app/catalog.hpp"
#include "app/later_part.hpp"
#include "core/english.hpp"

namespace portal::app {

// Where the English file stands (app/later_part.hpp).
using EnglishPart = LaterPart<core::EnglishJoin>;

// What the page already has of the English file at the start (it starts in English): the text, or why not.
struct EarlyEnglish {
    std::string text;
    std::string error;
};

struct AppState;

// A page starting in English fetched the English file with the data: joined into the loaded set before its
// catalog is made (app::start's before_catalog), so the catalog and all it derives are made once, with both
// languages. `data_sha256` names the data's bytes. Returns how the join went, for expect_english.
core::EnglishJoin join_early_english(core::LoadResult& loaded, const EarlyEnglish& early, const std::string& file,
                                     const std::string& data_sha256);

// After start(): this data came without its policies' English, which is in `file`. `joined_at_start` is what
// join_early_english made of it when the page had it at the start; without it, the file is fetched after the
// first frame.
void expect_english(AppState& state, std::string file, std::optional<core::EnglishJoin> joined_at_start);
// The first frame has been drawn and the English is awaited: true once, and the platform fetches the file.
bool take_english_request(AppState& state);
// The English file's text arrived, or (error not empty) could not be fetched.
void deliver_english(AppState& state, std::string_view text, const std::string& error);

// What an English page says about the policies' texts: "" when they are all there (or the page is in Chinese), else
// that they are still loading or why they could not be used (the first error).
enum class EnglishNotice { none, loading, unavailable };
EnglishNotice english_notice(const AppState& state);
std::string english_problem(const AppState& state);

// The test hook's "english": {"status": ..., "texts": ..., "problems": [...]}.
nlohmann::json english_json(const AppState& state);

}  // namespace portal::app
