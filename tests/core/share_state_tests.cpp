// The URL-fragment codec: round trips, defaults left out, and hostile links ignored with a notice, never a crash.
#include <doctest/doctest.h>

#include "core/share_state.hpp"

#include <string>

using namespace portal::core;

TEST_SUITE("share_state") {
    TEST_CASE("the start screen has an empty fragment") {
        CHECK(encode_fragment(ShareState{}) == "");
        ShareState explore;
        explore.view = "explore";
        explore.sort = "relevance";
        CHECK(encode_fragment(explore) == "");
    }

    TEST_CASE("a full state survives the round trip, Chinese text and answers included") {
        ShareState s;
        s.view = "detail";
        s.lang = Lang::en;
        s.query = "青春 公寓 & more=yes";
        s.categories = {"housing", "living"};
        s.audiences = {"graduate"};
        s.sort = "value";
        s.policy = "sy-living-allowance";
        s.compare = {"a", "b-2"};
        s.answers = nlohmann::json{{"education", "master"}, {"age", 27}, {"maker_types", {"tech", "digital"}}};
        const std::string text = encode_fragment(s);
        CHECK(text.find(' ') == std::string::npos);
        CHECK(text.find("%E9%9D%92") != std::string::npos);  // 青, percent-encoded UTF-8
        const FragmentDecode back = decode_fragment("#" + text);
        CHECK(back.problems.empty());
        CHECK(back.state == s);
        CHECK(encode_fragment(back.state) == text);
    }

    TEST_CASE("answers travel only when present") {
        ShareState s;
        s.view = "check";
        CHECK(encode_fragment(s) == "v=check");
        s.answers = nlohmann::json::object();
        CHECK(encode_fragment(s) == "v=check");
    }

    TEST_CASE("unknown keys are ignored silently; bad values are ignored with a notice") {
        const auto d = decode_fragment("v=compare&future=1&lang=fr&sort=price&p=Bad%20Id&cmp=a,%3Cscript%3E,b");
        CHECK(d.state.view == "compare");
        CHECK_FALSE(d.state.lang.has_value());
        CHECK(d.state.sort.empty());
        CHECK(d.state.policy.empty());
        CHECK(d.state.compare == std::vector<std::string>{"a", "b"});
        CHECK(d.problems.size() == 4);
    }

    TEST_CASE("hostile fragments never crash and are reported") {
        CHECK(decode_fragment(std::string(100 * 1024, 'a')).problems.size() == 1);
        CHECK(decode_fragment("q=%").problems.size() == 1);
        CHECK(decode_fragment("q=%G1").problems.size() == 1);
        CHECK(decode_fragment("q=%FF%FE").problems.size() == 1);        // not UTF-8
        CHECK(decode_fragment("q=%ED%A0%80").problems.size() == 1);     // a surrogate
        CHECK(decode_fragment("q=" + std::string(300, 'x')).problems.size() == 1);
        CHECK(decode_fragment("a=" + std::string(5000, '[')).problems.size() == 1);
        CHECK(decode_fragment("a=%7B%22x%22%3A%7B%22y%22%3A1%7D%7D").problems.size() == 1);  // nested object
        CHECK(decode_fragment("a=%5B1%5D").problems.size() == 1);                           // not an object
        CHECK(decode_fragment("a=%7B%22Bad%20Key%22%3A1%7D").problems.size() == 1);
        CHECK(decode_fragment("&&&=&v&=x").problems.size() == 1);
        CHECK(decode_fragment("").problems.empty());
        CHECK(decode_fragment("#").problems.empty());
    }

    TEST_CASE("lists are capped and de-duplicated") {
        std::string many = "cat=";
        for (int i = 0; i < 50; ++i) many += "c" + std::to_string(i) + ",";
        const auto d = decode_fragment(many + "c1");
        CHECK(d.state.categories.size() == kMaxListItems);
        CHECK(decode_fragment("aud=x,x,y").state.audiences == std::vector<std::string>{"x", "y"});
    }

    TEST_CASE("percent coding") {
        CHECK(percent_encode("a b/青") == "a%20b%2F%E9%9D%92");
        CHECK(percent_decode("a+b%2f") == std::optional<std::string>("a b/"));
        CHECK_FALSE(percent_decode("%C0%AF").has_value());  // overlong '/'
    }
}
