// Render on demand. A canvas app that draws every display refresh keeps a core busy even when nobody touches
// it (70% of the main thread measured here); drawing only when something changed costs nothing when idle.
// ImGui needs a few frames after each input (it trickles queued events over frames, and hover and focus
// effects settle a frame late), and tooltips appear after a hover delay, so drawing continues for a short grace
// period after the last input, and for as long as the UI says something is animating.
#pragma once

namespace portal::platform {

class RedrawScheduler {
public:
    // Input arrived, the window changed, data loaded...: draw now and through the grace period.
    void wake(double now_seconds) {
        last_wake_ = now_seconds;
        frames_owed_ = kMinFramesAfterWake;
    }

    // A frame ran but could not draw (the GPU was still busy with the one before): one more frame is owed, and
    // nothing else (waking would start a new grace period, and a busy GPU would then keep the page drawing).
    void owe_frame() {
        if (frames_owed_ < 1) frames_owed_ = 1;
    }

    // Whether to draw a frame now. `animating`: the UI has motion or a countdown in progress.
    bool should_draw(double now_seconds, bool animating) {
        if (animating) return true;
        if (frames_owed_ > 0) {
            --frames_owed_;
            return true;
        }
        return now_seconds - last_wake_ < kGraceSeconds;
    }

    static constexpr int kMinFramesAfterWake = 4;
    static constexpr double kGraceSeconds = 0.75;

private:
    double last_wake_ = -1e9;
    int frames_owed_ = kMinFramesAfterWake;  // the first frames after start are always drawn
};

}  // namespace portal::platform
