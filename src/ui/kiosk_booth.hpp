// The recruitment-fair booth (ui/booth.hpp): only the booth's build links this.
#pragma once

#include <memory>

#include "app/kiosk_state.hpp"
#include "ui/booth.hpp"

namespace portal::ui {

// A booth with these settings (app::kiosk_settings checked them).
std::unique_ptr<Booth> make_kiosk_booth(const app::KioskSettings& settings);

}  // namespace portal::ui
