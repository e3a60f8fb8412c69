// The screen a visitor sees, as a URL fragment, so a copied link opens the same screen and the browser's back and
// forward buttons move between screens. Answers travel only when the visitor chooses "share with my answers".
//
//   #v=detail&lang=en&q=%E9%9D%92%E6%98%A5&cat=housing,living&aud=graduate&sort=value&p=sy-living&cmp=a,b&a=%7B...%7D
//
// Links come from strangers, so decoding trusts nothing: unknown keys are ignored, sizes are capped, ids must look
// like ids, and any problem is reported (for a short notice) while the rest of the fragment still applies.
// Whether ids exist in the loaded data is checked by the app when it applies the state.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace portal::core {

struct ShareState {
    std::string view;                     // "explore", "detail", "check", "compare"; "" = default
    std::optional<Lang> lang;
    std::string query;                    // search text
    std::vector<std::string> categories;  // category filter ids
    std::vector<std::string> audiences;   // audience filter ids
    std::string sort;                     // "relevance", "value", "name"; "" = default
    std::string policy;                   // selected policy id (detail view)
    std::vector<std::string> compare;     // policy ids in the compare set
    std::optional<nlohmann::json> answers;  // a profile object, only when shared on purpose

    bool operator==(const ShareState& other) const;
    bool operator!=(const ShareState& other) const { return !(*this == other); }
};

inline constexpr std::size_t kMaxFragmentBytes = 8192;  // a longer fragment is not ours: ignored whole
inline constexpr std::size_t kMaxQueryBytes = 200;
inline constexpr std::size_t kMaxListItems = 32;

// The fragment text without the leading '#'. Keys with default values are left out, so the plain start screen
// has an empty fragment. Deterministic: the same state always gives the same text.
std::string encode_fragment(const ShareState& state);

struct FragmentDecode {
    ShareState state;
    std::vector<std::string> problems;  // one short English line per thing ignored; empty when all was well
};

// Accepts the fragment with or without its leading '#'. Never fails: what cannot be read is left at its default
// and reported in `problems`.
FragmentDecode decode_fragment(std::string_view fragment);

// Percent-encoding for fragment values: unreserved ASCII stays, everything else (UTF-8 bytes included) is %XX.
std::string percent_encode(std::string_view text);
// Decodes %XX and '+' (as space); nullopt on a malformed escape or when the result is not valid UTF-8.
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace portal::core
