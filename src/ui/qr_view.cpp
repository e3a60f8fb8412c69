#include "ui/qr_view.hpp"

extern "C" {
#include <qrcodegen.h>
}

#include <cmath>
#include <cstdint>
#include <vector>

namespace portal::ui {

namespace {

constexpr int kQuietModules = 4;  // the standard's quiet zone on every side

// One encoded code: qrcodegen's buffer (size and modules), or empty when the text could not be encoded.
struct Encoded {
    std::vector<std::uint8_t> buffer;
    int size() const { return buffer.empty() ? 0 : qrcodegen_getSize(buffer.data()); }
    bool module(int x, int y) const { return qrcodegen_getModule(buffer.data(), x, y); }
};

// Encoding is not free (a few ms for a long link): keep the last one, since the same link is drawn every frame.
const Encoded& encoded(const std::string& text) {
    static std::string cached_text;
    static Encoded cached;
    static bool cached_valid = false;
    if (!cached_valid || text != cached_text) {
        cached_text = text;
        cached.buffer.clear();
        // The share codec caps a link at a size that always fits; longer text is refused rather than cut.
        if (text.size() <= 2000) {
            std::vector<std::uint8_t> code(qrcodegen_BUFFER_LEN_MAX), scratch(qrcodegen_BUFFER_LEN_MAX);
            if (qrcodegen_encodeText(text.c_str(), scratch.data(), code.data(), qrcodegen_Ecc_MEDIUM, qrcodegen_VERSION_MIN,
                                     qrcodegen_VERSION_MAX, qrcodegen_Mask_AUTO, true))
                cached.buffer = std::move(code);
        }
        cached_valid = true;
    }
    return cached;
}

}  // namespace

int qr_modules(const std::string& text) {
    return encoded(text).size();
}

float qr_side_for(const std::string& text, float module_px) {
    return static_cast<float>(qr_modules(text) + 2 * kQuietModules) * module_px;
}

bool qr_code(const std::string& text, float side) {
    const Encoded& code = encoded(text);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(side, side));
    if (code.size() == 0) return false;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int modules = code.size();
    const int total = modules + 2 * kQuietModules;
    // Whole device pixels per module keep every edge crisp; the remainder widens the quiet zone evenly.
    const float scale = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
    const float module = std::floor(side * scale / static_cast<float>(total)) / scale;
    const float inset = std::round((side - module * static_cast<float>(modules)) * 0.5f * scale) / scale;
    dl->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), IM_COL32_WHITE, 6.0f);
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            if (!code.module(x, y)) continue;
            const ImVec2 a(pos.x + inset + module * static_cast<float>(x), pos.y + inset + module * static_cast<float>(y));
            dl->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32_BLACK);
        }
    }
    return true;
}

}  // namespace portal::ui
