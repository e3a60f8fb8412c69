// The visitor's site (index.html): the common portal, its data in two parts (platform/web_edition.hpp).
#include "platform/web_edition.hpp"
#include "platform/web_page.hpp"

namespace portal::platform {

// The visitor's data (policies.json) comes without the policies' details; the build puts them in this file,
// which the app asks for after the first frame (app/details.hpp, scripts/finish_dist.py).
void edition_startup(ui::StartupData& input) {
    input.details_file = "policy-details.json";
    accept_dropped_policy_files();
}
void edition_after_frame(ui::PortalUi&) {}
void edition_before_pause(const ui::PortalUi&, void (*)()) {}

}  // namespace portal::platform
