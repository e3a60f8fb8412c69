// Where named widgets were drawn, so the test hook can answer portal.locate(id) and end-to-end tests can click
// and type at real coordinates through real input events. Views call mark("id") right after drawing a widget.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace portal::ui {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;  // CSS pixels, relative to the canvas
    float label = 0;  // the width its label text needs (buttons, chips); 0 when it has none or it is not known
};

// Widgets that draw their own label call this right after their item, so the locator can tell a test whether
// the text fits its rectangle (a clipped label is a bug a screenshot can miss).
void note_label_width(float width);

class Locator {
public:
    // Starts a frame: rects marked from now on replace the previous frame's when the frame ends.
    void begin_frame();
    void end_frame();

    // Records the last ImGui item's rectangle, clipped to what is visible; hidden or scrolled-away items are
    // not recorded, so a test never clicks on something a person could not see.
    void mark(std::string_view id);

    // The rectangle from the last complete frame, if the widget was visible in it.
    std::optional<Rect> find(std::string_view id) const;

    // The named widget holding keyboard focus in the last frame ("" when none), so tests can follow Tab.
    const std::string& focused() const { return focused_shown_; }

    // Every widget visible in the last complete frame (layout tests check none sticks out of the window).
    const std::unordered_map<std::string, Rect>& shown() const { return shown_; }
    // Their ids, sorted (the test hook's state().located).
    std::vector<std::string> shown_ids() const;

private:
    std::unordered_map<std::string, Rect> drawing_;
    std::unordered_map<std::string, Rect> shown_;
    std::string focused_drawing_;
    std::string focused_shown_;
};

}  // namespace portal::ui
