#include "app/details.hpp"

#include "app/app_state.hpp"

namespace portal::app {
namespace {

// The first error about this policy's entry, else the first error of the file.
std::string why_unavailable(const DetailsPart& part, const core::Policy& policy) {
    const std::string entry = core::pointer_append("/policies", policy.file_index);
    const core::Diagnostic* first = nullptr;
    for (const core::Diagnostic& d : part.joined.diagnostics) {
        if (d.severity != core::Severity::error) continue;
        if (d.pointer == entry || d.pointer.rfind(entry + "/", 0) == 0) return core::to_string(d);
        if (first == nullptr) first = &d;
    }
    return first != nullptr ? core::to_string(*first) : std::string();
}

}  // namespace

void expect_details(AppState& state, std::string file) {
    if (!state.catalog || file.empty()) return;
    await_later_part(state.details, std::move(file), state.catalog);
}

bool take_details_request(AppState& state) {
    return take_later_request(state.details, state.frames);
}

void deliver_details(AppState& state, std::string_view text, const std::string& error) {
    DetailsPart& part = state.details;
    const std::shared_ptr<const Catalog> catalog = part.catalog.lock();
    if (part.status != DetailsPart::Status::requested || !catalog) return;
    settle_later_part(part, error.empty() ? core::join_details(catalog->set, text, part.file, state.data_bytes.sha256())
                                          : failed_download<core::DetailsJoin>(part.file, error));
}

PolicyDetails policy_details(const AppState& state, int policy) {
    PolicyDetails out;
    if (!state.catalog || policy < 0 || policy >= static_cast<int>(state.catalog->set.policies.size())) return out;
    const core::Policy& p = state.catalog->set.policies[static_cast<std::size_t>(policy)];
    const auto i = static_cast<std::size_t>(policy);
    const DetailsPart& part = state.details;
    const core::Text* text = &p.details;
    if (later_part_applies(part, state.catalog)) {
        const bool arriving = part.status == DetailsPart::Status::awaited || part.status == DetailsPart::Status::requested;
        if (arriving) {
            out.kind = PolicyDetails::Kind::loading;
            return out;
        }
        if (part.status == DetailsPart::Status::failed || part.joined.broken[i]) {
            out.kind = PolicyDetails::Kind::unavailable;
            out.why = why_unavailable(part, p);
            return out;
        }
        text = &part.joined.details[i];
    }
    if (text->empty()) return out;
    out.kind = PolicyDetails::Kind::text;
    out.text = text;
    return out;
}

nlohmann::json details_json(const AppState& state) {
    nlohmann::json problems = nlohmann::json::array();
    for (const core::Diagnostic& d : state.details.joined.diagnostics) problems.push_back(core::to_string(d));
    return {{"status", later_status_name(state.details.status)}, {"file", state.details.file}, {"problems", problems}};
}

}  // namespace portal::app
