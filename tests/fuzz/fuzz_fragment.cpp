// Fuzz target: the URL fragment of a shared link, which anyone can craft.
//
// Properties, beyond "no crash, no leak, no undefined behaviour":
//  - round trip: whatever state a link decodes to, encoding that state gives a link that decodes to the same
//    state with no problems, and encoding is stable (the app rewrites the address bar from the state, so a
//    visitor who shares the rewritten link must see the same screen);
//  - the encoded fragment holds only characters that cannot end the fragment or break out of an attribute
//    (unreserved ASCII, '%', '&', '=', ',');
//  - percent-encoding round-trips every valid UTF-8 text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/share_state.hpp"
#include "fuzz_support.hpp"

using namespace portal::core;
using portal::fuzz::require;

namespace {

std::string describe(const ShareState& s) {
    std::string out = "view=" + s.view + " lang=" + (s.lang ? std::string(lang_code(*s.lang)) : "-") +
                      " query=" + s.query + " sort=" + s.sort + " policy=" + s.policy;
    out += " cat=" + std::to_string(s.categories.size()) + " aud=" + std::to_string(s.audiences.size()) +
           " cmp=" + std::to_string(s.compare.size());
    out += " answers=" + (s.answers ? s.answers->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) : "-");
    return out;
}

bool is_fragment_safe(char c) {
    const auto u = static_cast<unsigned char>(c);
    const bool alnum = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
    return alnum || c == '-' || c == '_' || c == '.' || c == '~' || c == '%' || c == '&' || c == '=' || c == ',';
}

void check_round_trip(std::string_view fragment) {
    const FragmentDecode first = decode_fragment(fragment);
    const std::string encoded = encode_fragment(first.state);
    for (const char c : encoded) require(is_fragment_safe(c), "encoded fragments hold only safe characters", encoded);

    const FragmentDecode second = decode_fragment(encoded);
    require(second.problems.empty(), "an encoded state decodes without problems",
            encoded.substr(0, 300) + "\n" + (second.problems.empty() ? "" : second.problems.front()));
    require(second.state == first.state, "decode(encode(state)) == state",
            describe(first.state) + "\nvs\n" + describe(second.state));
    require(encode_fragment(second.state) == encoded, "encoding is stable", encoded.substr(0, 300));
}

void check_percent_round_trip(std::string_view text) {
    const auto back = percent_decode(percent_encode(text));
    if (back) require(*back == text, "percent_decode(percent_encode(x)) == x for valid UTF-8");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = portal::fuzz::as_text(data, size);
    check_round_trip(text);
    check_percent_round_trip(text);
    return 0;
}
