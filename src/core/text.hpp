// Bilingual text. Every human-readable string in a policy file is {"zh": ..., "en": ...}; Chinese is the
// authoritative language and English may lag behind, so lookups fall back to Chinese and say when they did.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace portal::core {

enum class Lang { zh, en };

// "zh" / "en": the codes used in policy files and URLs.
std::string_view lang_code(Lang lang);
std::optional<Lang> parse_lang(std::string_view code);

struct Text {
    std::string zh;
    std::string en;

    // The text in `lang`, or the Chinese text when that language is missing (the UI marks the gap).
    const std::string& in(Lang lang) const;
    // True when `lang` has no text of its own, so in(lang) shows Chinese instead.
    bool missing_in(Lang lang) const;
    // True when there is no text at all (an optional field that was absent).
    bool empty() const { return zh.empty() && en.empty(); }
};

bool operator==(const Text& a, const Text& b);
inline bool operator!=(const Text& a, const Text& b) { return !(a == b); }

}  // namespace portal::core
