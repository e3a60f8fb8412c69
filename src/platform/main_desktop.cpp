// Desktop build for quick development: the same app in a native window, reading the bundled data and the
// generated font from disk.
//   portal_desktop [--data FILE] [--font FILE] [--lang zh|en] [--today YYYY-MM-DD]
#include "platform/runner.hpp"
#include "ui/portal_ui.hpp"

#define SDL_MAIN_HANDLED
#include <SDL.h>

#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

namespace {

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

std::string today_iso() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
    return buf;
}

// The desktop build's share of the page effects: links open in the system browser, copied links go to the
// clipboard, downloads are written to the working directory. There is no address bar or page storage here.
void perform_desktop_effects(portal::platform::Runner& runner) {
    const portal::app::PageEffects effects = runner.ui().take_page_effects();
    if (!effects.open_url.empty()) SDL_OpenURL(effects.open_url.c_str());
    if (!effects.copy_link.empty()) runner.ui().share_finished(SDL_SetClipboardText(effects.copy_link.c_str()) == 0);
    if (effects.download) {
        std::ofstream out(effects.download->file_name, std::ios::binary);
        out << effects.download->content;
        std::cerr << "portal_desktop: saved " << effects.download->file_name << "\n";
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::string data_path = PORTAL_DEFAULT_POLICY_FILE;
    std::string font_path = PORTAL_DEFAULT_FONT_FILE;
    portal::ui::StartupData input;
    input.preferred_lang = "zh";
    input.today = today_iso();
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--data") data_path = argv[i + 1];
        else if (flag == "--font") font_path = argv[i + 1];
        else if (flag == "--lang") input.preferred_lang = argv[i + 1];
        else if (flag == "--today") input.today = argv[i + 1];
        else {
            std::cerr << "usage: portal_desktop [--data FILE] [--font FILE] [--lang zh|en] [--today YYYY-MM-DD]\n";
            return 2;
        }
    }
    std::string font_bytes;
    if (!read_file(data_path, input.policy_json) || !read_file(font_path, font_bytes)) {
        std::cerr << "portal_desktop: cannot read " << data_path << " or " << font_path << "\n";
        return 2;
    }
    input.policy_file_name = data_path;
    input.font.assign(font_bytes.begin(), font_bytes.end());

    portal::platform::Runner runner;
    if (!runner.start(std::move(input))) {
        std::cerr << "portal_desktop: " << runner.error() << "\n";
        return 1;
    }
    for (;;) {
        const auto result = runner.frame();
        if (!result.running) break;
        if (result.drew) perform_desktop_effects(runner);
        if (!result.drew) SDL_WaitEventTimeout(nullptr, 250);  // idle: sleep until input (or a quarter second)
    }
    return 0;
}
