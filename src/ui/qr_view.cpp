#include "ui/qr_view.hpp"

#include <qrcodegen.hpp>

#include <cmath>
#include <optional>

namespace portal::ui {

namespace {

constexpr int kQuietModules = 4;  // the standard's quiet zone on every side

// Encoding is not free (a few ms for a long link): keep the last one, since the same link is drawn every frame.
const qrcodegen::QrCode* encoded(const std::string& text) {
    static std::string cached_text;
    static std::optional<qrcodegen::QrCode> cached;
    static bool cached_valid = false;
    if (!cached_valid || text != cached_text) {
        cached_text = text;
        cached.reset();
        // The share codec caps a link at a size that always fits; binary mode keeps any URL byte as it is.
        if (text.size() <= 2000) cached = qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
        cached_valid = true;
    }
    return cached ? &*cached : nullptr;
}

}  // namespace

int qr_modules(const std::string& text) {
    const qrcodegen::QrCode* code = encoded(text);
    return code != nullptr ? code->getSize() : 0;
}

float qr_side_for(const std::string& text, float module_px) {
    return static_cast<float>(qr_modules(text) + 2 * kQuietModules) * module_px;
}

bool qr_code(const std::string& text, float side) {
    const qrcodegen::QrCode* code = encoded(text);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(side, side));
    if (code == nullptr) return false;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int modules = code->getSize();
    const int total = modules + 2 * kQuietModules;
    // Whole device pixels per module keep every edge crisp; the remainder widens the quiet zone evenly.
    const float scale = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
    const float module = std::floor(side * scale / static_cast<float>(total)) / scale;
    const float inset = std::round((side - module * static_cast<float>(modules)) * 0.5f * scale) / scale;
    dl->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), IM_COL32_WHITE, 6.0f);
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            if (!code->getModule(x, y)) continue;
            const ImVec2 a(pos.x + inset + module * static_cast<float>(x), pos.y + inset + module * static_cast<float>(y));
            dl->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32_BLACK);
        }
    }
    return true;
}

}  // namespace portal::ui
