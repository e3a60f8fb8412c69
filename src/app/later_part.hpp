// A file the visitor's page loads after its data, made by the build from the same contract file: the policies'
// details (app/details.hpp) and their English (app/english.hpp). What every such file has: where it stands, the
// data it belongs to, the moment the platform may fetch it (once the first frame is drawn) and how a failed
// download is reported.
#pragma once

#include <memory>
#include <string>
#include <utility>

#include "app/catalog.hpp"
#include "core/diagnostics.hpp"

namespace portal::app {

enum class LaterStatus { in_data, awaited, requested, joined, failed };

template <typename Join>
struct LaterPart {
    using Status = LaterStatus;
    Status status = Status::in_data;
    std::string file;                       // the file the page fetches
    std::weak_ptr<const Catalog> catalog;   // the data it belongs to (the joined catalog once that replaced it)
    Join joined;
};

// The status as the test hook names it.
const char* later_status_name(LaterStatus status);

// After start(): the part is in `file`, made for the data `catalog`, and awaited until the first frame is drawn.
template <typename Join>
void await_later_part(LaterPart<Join>& part, std::string file, const std::shared_ptr<const Catalog>& catalog) {
    part = LaterPart<Join>{};
    part.status = LaterStatus::awaited;
    part.file = std::move(file);
    part.catalog = catalog;
}

// What was made of the file (or of its failed download): joined when usable, else failed.
template <typename Join>
void settle_later_part(LaterPart<Join>& part, Join joined) {
    part.status = joined.usable ? LaterStatus::joined : LaterStatus::failed;
    part.joined = std::move(joined);
}

// The file is due once the first frame is drawn: true once (awaited becomes requested), and the platform fetches it.
template <typename Join>
bool take_later_request(LaterPart<Join>& part, long frames_drawn) {
    if (part.status != LaterStatus::awaited || frames_drawn < 1) return false;
    part.status = LaterStatus::requested;
    return true;
}

// The part applies to the data shown now (not while an author's file is previewed).
template <typename Join>
bool later_part_applies(const LaterPart<Join>& part, const std::shared_ptr<const Catalog>& shown) {
    return part.status != LaterStatus::in_data && shown && part.catalog.lock() == shown;
}

// What a file the platform could not fetch reports.
core::Diagnostic download_failure(const std::string& file, const std::string& error);

// The join of a file the platform could not fetch: unusable, with only that diagnostic.
template <typename Join>
Join failed_download(const std::string& file, const std::string& error) {
    Join failed;
    failed.diagnostics.push_back(download_failure(file, error));
    return failed;
}

}  // namespace portal::app
