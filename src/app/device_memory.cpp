// Remember on this device: the payload kept in localStorage, and restoring it.
#include "app/device_memory.hpp"

#include "core/profile.hpp"

#include <optional>

namespace portal::app {
namespace {

constexpr int kPayloadVersion = 1;
constexpr std::size_t kMaxPayloadBytes = 64 * 1024;  // answers are tiny; anything bigger is not ours

// The answers of a payload of ours, or nothing.
std::optional<core::Profile> answers_of(const AppState& state, std::string_view payload) {
    if (!state.catalog || payload.empty() || payload.size() > kMaxPayloadBytes) return std::nullopt;
    const nlohmann::json parsed = nlohmann::json::parse(payload.begin(), payload.end(), nullptr, false);
    if (!parsed.is_object() || parsed.value("version", 0) != kPayloadVersion) return std::nullopt;
    const auto answers = parsed.find("answers");
    if (answers == parsed.end() || !answers->is_object()) return std::nullopt;
    return core::usable_answers(state.catalog->set, *answers, nullptr);
}

}  // namespace

std::string session_memory_payload(const AppState& state) {
    if (state.profile.empty()) return {};
    const nlohmann::json payload = {{"version", kPayloadVersion}, {"answers", state.profile}};
    return payload.dump();
}

bool restore_session_memory(AppState& state, std::string_view payload) {
    std::optional<core::Profile> kept = answers_of(state, payload);
    if (!kept || kept->empty()) return false;
    replace_answers(state, std::move(*kept));
    return true;
}

std::string device_memory_payload(const AppState& state) {
    if (!state.remember_on_device) return {};
    const nlohmann::json payload = {{"version", kPayloadVersion}, {"answers", state.profile}};
    return payload.dump();
}

bool restore_device_memory(AppState& state, std::string_view payload) {
    std::optional<core::Profile> kept = answers_of(state, payload);
    if (!kept) return false;
    state.remember_on_device = true;
    if (kept->empty()) return false;
    replace_answers(state, std::move(*kept));
    return true;
}

void set_remember_on_device(AppState& state, bool remember) { state.remember_on_device = remember; }

void forget_answers(AppState& state) {
    state.remember_on_device = false;
    reset_answers(state);
}

}  // namespace portal::app
