// The visitor's site (index.html): the common portal and nothing more (platform/web_edition.hpp).
#include "platform/web_edition.hpp"
#include "platform/web_page.hpp"

namespace portal::platform {

void edition_startup(ui::StartupData&) { accept_dropped_policy_files(); }
void edition_after_frame(ui::PortalUi&) {}
void edition_before_pause(const ui::PortalUi&, void (*)()) {}

}  // namespace portal::platform
