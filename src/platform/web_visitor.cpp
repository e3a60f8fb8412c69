// The visitor's site (index.html): the common portal, its data in two parts (platform/web_edition.hpp).
#include "platform/web_edition.hpp"
#include "platform/web_page.hpp"

namespace portal::platform {

// The visitor's data (policies.json) comes without the policies' details and without their English texts; the
// build puts them in these files, which the app asks for after the first frame (app/details.hpp, app/english.hpp,
// scripts/finish_dist.py); a page that starts in English fetches the English file with the data (portal-loader.js).
void edition_startup(ui::StartupData& input) {
    input.details_file = "policy-details.json";
    input.english_file = "policy-english.json";
    accept_dropped_policy_files();
}
void edition_after_frame(ui::PortalUi&) {}
void edition_before_pause(const ui::PortalUi&, void (*)()) {}

}  // namespace portal::platform
