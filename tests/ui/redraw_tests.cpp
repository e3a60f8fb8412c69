// Render on demand (src/platform/redraw_scheduler.hpp): when frames are drawn, and when the page may go quiet.
#include "platform/redraw_scheduler.hpp"

#include <doctest/doctest.h>

using portal::platform::RedrawScheduler;

namespace {
// Frames drawn when asked every 1/60 s from `from` until `until` (seconds), with nothing animating.
int frames_between(RedrawScheduler& redraw, double from, double until) {
    int drawn = 0;
    for (double now = from; now < until; now += 1.0 / 60.0) drawn += redraw.should_draw(now, false) ? 1 : 0;
    return drawn;
}
}  // namespace

TEST_CASE("after a wake the scheduler draws through the grace period, then stops") {
    RedrawScheduler redraw;
    redraw.wake(10.0);
    CHECK(frames_between(redraw, 10.0, 10.0 + RedrawScheduler::kGraceSeconds) >= 40);
    CHECK(frames_between(redraw, 11.0, 20.0) == 0);
    CHECK(redraw.should_draw(30.0, true));  // an animation draws regardless
}

TEST_CASE("a frame that could not draw is owed once, without a new grace period") {
    RedrawScheduler redraw;
    redraw.wake(10.0);
    CHECK(frames_between(redraw, 10.0, 11.0) > 0);
    // Quiet now; a frame that had to skip drawing (the GPU still busy) asks for exactly one more.
    redraw.owe_frame();
    redraw.owe_frame();  // asking twice still owes one
    CHECK(redraw.should_draw(12.0, false));
    CHECK_FALSE(redraw.should_draw(12.02, false));
    CHECK(frames_between(redraw, 12.04, 15.0) == 0);
}
