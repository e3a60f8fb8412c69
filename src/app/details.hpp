// The policies' details on the visitor's page: the data file comes without them and the details file
// (core/details.hpp) is fetched right after the first frame, so the first visit downloads less and no visitor
// waits on a click. The app decides when to fetch (PageSync asks the platform once the first frame is drawn),
// checks that the file was made for the very data loaded (the SHA-256 of its bytes), and tells the detail view
// what to show meanwhile: a loading line, never an empty or another policy's text.
//
// Pages that load the contract file whole (the booth, the desktop app, an author's preview) have their details in
// the data: nothing is fetched.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "app/catalog.hpp"
#include "app/later_part.hpp"
#include "core/details.hpp"

namespace portal::app {

// Where the details file stands (app/later_part.hpp).
using DetailsPart = LaterPart<core::DetailsJoin>;

struct AppState;

// After start(): this data came without its details, which are in `file` (made for state.data_bytes).
void expect_details(AppState& state, std::string file);
// The first frame has been drawn and the details are awaited: true once, and the platform fetches the file.
bool take_details_request(AppState& state);
// The details file's text arrived, or (error not empty) could not be fetched.
void deliver_details(AppState& state, std::string_view text, const std::string& error);

struct PolicyDetails {
    enum class Kind { none, text, loading, unavailable };
    Kind kind = Kind::none;
    const core::Text* text = nullptr;       // with Kind::text
    std::string why;                        // with Kind::unavailable: the error that left them out
};
// What the detail view shows as a policy's details in the data shown now.
PolicyDetails policy_details(const AppState& state, int policy);

// The test hook's "details": {"status": ..., "problems": [...]}.
nlohmann::json details_json(const AppState& state);

}  // namespace portal::app
