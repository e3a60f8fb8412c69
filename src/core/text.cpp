#include "core/text.hpp"

namespace portal::core {

std::string_view lang_code(Lang lang) { return lang == Lang::en ? "en" : "zh"; }

std::optional<Lang> parse_lang(std::string_view code) {
    if (code == "zh") return Lang::zh;
    if (code == "en") return Lang::en;
    return std::nullopt;
}

const std::string& Text::in(Lang lang) const {
    if (lang == Lang::en && !en.empty()) return en;
    return zh;
}

bool Text::missing_in(Lang lang) const { return lang == Lang::en ? en.empty() : zh.empty(); }

bool operator==(const Text& a, const Text& b) { return a.zh == b.zh && a.en == b.en; }

}  // namespace portal::core
