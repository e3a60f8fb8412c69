#include "ui/touch_scroll.hpp"

#include "ui/imgui_private.hpp"

#include <algorithm>
#include <cmath>

namespace portal::ui {

namespace {

constexpr float kDecayPerSecond = 3.2f;     // glide speed falls to 1/e in about 0.3 s: a flick carries a screen
constexpr float kMinGlideSpeed = 60.0f;     // slower releases just stop
constexpr float kStopSpeed = 12.0f;
constexpr float kLongestFrame = 1.0f / 20.0f;  // the first frame after a paused loop must not jump
constexpr double kFlickWindow = 0.1;           // seconds of finger movement that decide the flick's speed
constexpr double kRestBeforeLift = 0.25;       // a finger still for longer than this before lifting just stops

// The innermost window under the finger that can scroll vertically.
ImGuiWindow* scrollable_under_pointer() {
    ImGuiWindow* window = GImGui->HoveredWindow;
    while (window != nullptr) {
        if (window->ScrollMax.y > 0.0f && (window->Flags & ImGuiWindowFlags_NoScrollWithMouse) == 0) return window;
        if ((window->Flags & ImGuiWindowFlags_ChildWindow) == 0) return nullptr;  // never past a top window
        window = window->ParentWindow;
    }
    return nullptr;
}

// A text field being edited keeps its own drag (selecting text).
bool text_field_active() { return editing_text(); }

}  // namespace

void TouchScroll::stop() {
    mode_ = Mode::idle;
    window_ = 0;
    velocity_ = 0;
}

void TouchScroll::begin_press() {
    ImGuiWindow* window = scrollable_under_pointer();
    velocity_ = 0;
    window_ = window != nullptr ? window->ID : 0;
    mode_ = window != nullptr && !text_field_active() ? Mode::pressed : Mode::idle;
    press_ = ImGui::GetIO().MousePos;
    last_y_ = press_.y;
    sample_count_ = 0;
}

void TouchScroll::remember(double time, float y) {
    if (sample_count_ == kSamples) {
        std::copy(samples_ + 1, samples_ + kSamples, samples_);
        --sample_count_;
    }
    samples_[sample_count_++] = Sample{time, y};
}

float TouchScroll::release_velocity(double now) const {
    // The finger's last movement; a finger that rested before lifting does not fling.
    int last_move = sample_count_ - 1;
    while (last_move > 0 && samples_[last_move].y == samples_[last_move - 1].y) --last_move;
    // Resting is judged in time and in frames: on a screen drawing only a few frames a second (software
    // rendering under load) the lift is seen frames late without the finger having stopped. At 60 fps the
    // time rule decides (0.25 s is 15 frames).
    const int rest_frames = sample_count_ - 1 - last_move;
    if (last_move <= 0 || (now - samples_[last_move].time > kRestBeforeLift && rest_frames >= 6)) return 0.0f;
    // Its speed over up to a tenth of a second ending there, and at least over its last step: on a slow screen
    // (a software-rendered frame can take 100 ms) one step may be all there is.
    int from = last_move - 1;
    while (from > 0 && samples_[last_move].time - samples_[from - 1].time <= kFlickWindow) --from;
    const double span = samples_[last_move].time - samples_[from].time;
    if (span <= 0.0) return 0.0f;
    return static_cast<float>(static_cast<double>(samples_[from].y - samples_[last_move].y) / span);  // up = towards the end
}

bool TouchScroll::scroll_by(float dy) {
    ImGuiWindow* window = ImGui::FindWindowByID(window_);
    if (window == nullptr) return false;
    const float wanted = window->Scroll.y + dy;
    const float target = std::clamp(wanted, 0.0f, window->ScrollMax.y);
    // Set directly as well as through SetScrollY: the window's Begin this frame then lays out at the new offset.
    window->Scroll.y = target;
    ImGui::SetScrollY(window, target);
    // Only an end stops a glide: a frame that comes a microsecond after the last one (a frame run inside the
    // touchend handler, then the display's) moves it by nothing, and must not end it.
    return target == wanted;
}

void TouchScroll::follow_finger() {
    const ImGuiIO& io = ImGui::GetIO();
    const float dy = last_y_ - io.MousePos.y;  // finger up = content up = scroll towards the end
    last_y_ = io.MousePos.y;
    // Claim the press for the drag: the button it began on must not fire on release, nor look pressed.
    const ImGuiID drag_id = ImHashStr("##touch-scroll");
    if (GImGui->ActiveId != drag_id) ImGui::SetActiveID(drag_id, ImGui::FindWindowByID(window_));
    ImGui::KeepAliveID(drag_id);
    scroll_by(dy);
    remember(ImGui::GetTime(), io.MousePos.y);
}

void TouchScroll::glide(float dt) {
    velocity_ *= std::exp(-kDecayPerSecond * dt);
    if (std::fabs(velocity_) < kStopSpeed || !scroll_by(velocity_ * dt)) stop();
}

void TouchScroll::update(bool mouse_drags, bool momentum) {
    const ImGuiIO& io = ImGui::GetIO();
    const float dt = std::clamp(io.DeltaTime, 0.0f, kLongestFrame);
    if (io.MouseWheel != 0.0f && mode_ == Mode::gliding) stop();
    if (io.MouseClicked[0]) {
        if (mouse_drags || io.MouseSource == ImGuiMouseSource_TouchScreen) {
            begin_press();  // a touch also catches a gliding list
        } else {
            stop();  // a mouse click stops a glide and presses what it is on
        }
    }

    switch (mode_) {
        case Mode::idle: break;
        case Mode::pressed:
            if (!io.MouseDown[0]) {
                mode_ = Mode::idle;  // a tap: the widget under it handles it
            } else if (std::fabs(io.MousePos.y - press_.y) > kTapSlop) {
                mode_ = Mode::dragging;
                last_y_ = press_.y;
                follow_finger();
            } else {
                remember(ImGui::GetTime(), io.MousePos.y);
            }
            break;
        case Mode::dragging:
            if (io.MouseDown[0]) {
                follow_finger();
                break;
            }
            if (GImGui->ActiveId == ImHashStr("##touch-scroll")) ImGui::ClearActiveID();
            velocity_ = release_velocity(ImGui::GetTime());
            mode_ = momentum && std::fabs(velocity_) >= kMinGlideSpeed ? Mode::gliding : Mode::idle;
            break;
        case Mode::gliding: glide(dt); break;
    }
}

}  // namespace portal::ui
