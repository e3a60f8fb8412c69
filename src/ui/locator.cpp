#include "ui/locator.hpp"

#include "ui/a11y.hpp"

#include <imgui.h>

#include <algorithm>

namespace portal::ui {
namespace {

struct LabelNote {
    ImGuiID item = 0;
    float width = 0;
};
LabelNote g_label;

}  // namespace

void note_label_width(float width) { g_label = LabelNote{ImGui::GetItemID(), width}; }

void Locator::begin_frame() {
    drawing_.clear();
    focused_drawing_.clear();
}

void Locator::end_frame() {
    shown_.swap(drawing_);
    focused_shown_.swap(focused_drawing_);
}

void Locator::mark(std::string_view id) {
    // The accessibility mirror keys its node by the same id, scrolled out of view or not.
    if (a11y::Collector* collector = a11y::current()) collector->key_last_item(id);
    if (!ImGui::IsItemVisible()) return;
    if (ImGui::IsItemFocused()) focused_drawing_ = std::string(id);
    const ImVec2 item_min = ImGui::GetItemRectMin();
    const ImVec2 item_max = ImGui::GetItemRectMax();
    const ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const ImVec2 clip_min = draw_list->GetClipRectMin();
    const ImVec2 clip_max = draw_list->GetClipRectMax();
    const float x0 = std::max(item_min.x, clip_min.x);
    const float y0 = std::max(item_min.y, clip_min.y);
    const float x1 = std::min(item_max.x, clip_max.x);
    const float y1 = std::min(item_max.y, clip_max.y);
    if (x1 - x0 < 1.0f || y1 - y0 < 1.0f) return;
    const float label = g_label.item == ImGui::GetItemID() ? g_label.width : 0.0f;
    drawing_[std::string(id)] = Rect{x0, y0, x1 - x0, y1 - y0, label};
}

std::vector<std::string> Locator::shown_ids() const {
    std::vector<std::string> ids;
    ids.reserve(shown_.size());
    for (const auto& entry : shown_) ids.push_back(entry.first);
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::optional<Rect> Locator::find(std::string_view id) const {
    const auto it = shown_.find(std::string(id));
    if (it == shown_.end()) return std::nullopt;
    return it->second;
}

}  // namespace portal::ui
