// Drag-to-scroll with momentum for touch screens. ImGui scrolls only by wheel and scrollbar; a visitor on a
// phone or at the booth drags the list with a finger and expects it to keep gliding after a flick. A press that moves less than a few
// pixels stays a tap (the button under it fires); past that it becomes a drag: the widget under the finger loses
// the press, so lifting the finger does not open what the drag started on.
#pragma once

#include <imgui.h>

namespace portal::ui {

class TouchScroll {
public:
    // Call once per frame after ImGui::NewFrame() and before any window is begun, so the scroll it sets is used
    // by this very frame's layout. Only presses by a finger drag, unless `mouse_drags` (a booth's screen may
    // report touches as a mouse); a mouse press elsewhere selects text or presses what it is on. Without
    // `momentum` (the visitor's system asks for reduced motion) the list still follows the finger but stops
    // where it is lifted.
    void update(bool mouse_drags, bool momentum);

    bool dragging() const { return mode_ == Mode::dragging; }
    bool gliding() const { return mode_ == Mode::gliding; }
    // The render loop must keep drawing while the list glides.
    bool animating() const { return mode_ == Mode::gliding || mode_ == Mode::dragging; }

    // Forgets any drag or glide (the kiosk's reset).
    void stop();

    // Past this distance (layout pixels) from the press, the finger is scrolling, not tapping.
    static constexpr float kTapSlop = 10.0f;

private:
    enum class Mode { idle, pressed, dragging, gliding };
    void begin_press();
    void follow_finger();
    void glide(float dt);
    bool scroll_by(float dy);  // false when the window is gone or an end stopped it
    void remember(double time, float y);
    float release_velocity(double now) const;

    Mode mode_ = Mode::idle;
    ImGuiID window_ = 0;  // the scrollable window the finger moves
    ImVec2 press_{0, 0};
    float last_y_ = 0;
    float velocity_ = 0;  // layout pixels per second of scroll, positive = towards the end
    // The finger's recent positions: the flick's speed is measured over its last tenth of a second of movement
    // (a finger that rested before lifting does not fling), whatever the frame rate.
    struct Sample {
        double time = 0;
        float y = 0;
    };
    static constexpr int kSamples = 16;
    Sample samples_[kSamples];
    int sample_count_ = 0;
};

}  // namespace portal::ui
