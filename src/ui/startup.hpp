// What the UI root needs to start: the bytes the platform read or fetched, and what it knows of the visitor. One
// struct from the platform's entry points (main_web.cpp, main_desktop.cpp, the headless tests) to PortalUi.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/english.hpp"
#include "ui/booth.hpp"

namespace portal::ui {

struct StartupData {
    std::string policy_json;             // the bundled policy file's text
    std::string policy_file_name;        // for error messages
    std::vector<unsigned char> font;     // the bundled font subset (OpenType)
    std::string preferred_lang;          // "zh" or "en" (from the browser or the desktop's locale)
    std::string today;                   // YYYY-MM-DD, the evaluation date
    std::unique_ptr<Booth> booth;        // the recruitment-fair booth (kiosk.html); none on the ordinary site
    // The file with the policies' details when policy_json comes without them (the visitor's page: app/details.hpp);
    // "" when the data holds them.
    std::string details_file;
    // The file with the policies' English texts when policy_json comes without them (app/english.hpp), "" when the
    // data holds them; and its text when the page fetched it with the data (a page that starts in English).
    std::string english_file;
    std::optional<app::EarlyEnglish> english;
};

}  // namespace portal::ui
