// Which links and texts the portal accepts from a policy file: the contract allows https:, http:, mailto: and tel:
// links only, with no spaces, control or bidirectional-control characters. The loader, the app and the reports
// all ask this one place.
#pragma once

#include <string>
#include <string_view>

namespace portal::core {

// Why a link may not be shown as one ("" when it may).
std::string url_problem(const std::string& url);
// An acceptable https: or http: link (what a shared page address must be).
bool is_web_url(const std::string& url);

// Bidirectional embedding, override and isolate controls (U+202A..U+202E, U+2066..U+2069) make text display in
// another order than it is stored ("Trojan Source"): a reviewer of the file and a reader of the portal could see
// different things. Chinese and English texts never need them.
// True when `text` holds one of them.
bool has_bidi_control(std::string_view text);

}  // namespace portal::core
