// QR codes drawn with ImGui's draw list (Nayuki's QR Code generator encodes; we only draw squares), so the
// kiosk can hand a link to a visitor's phone without opening anything.
#pragma once

#include <imgui.h>

#include <string>

namespace portal::ui {

// Modules per side of the code for `text` (0 when it cannot be encoded), including no quiet zone.
int qr_modules(const std::string& text);

// Draws the code for `text` as a layout item `side` pixels square: a white tile with a four-module quiet zone
// (what scanners need) and black modules snapped to whole pixels. Returns false when the text is too long.
bool qr_code(const std::string& text, float side);

// The smallest side that keeps every module at least `module_px` layout pixels, quiet zone included.
float qr_side_for(const std::string& text, float module_px);

}  // namespace portal::ui
