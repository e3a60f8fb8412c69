// Search: all terms must match; title hits above tag hits above summary hits; whole words and early matches
// first; Chinese by substring; Latin case-insensitively; fast on 10,000 policies.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <random>

#include "core/search.hpp"
#include "test_support.hpp"

using namespace portal::core;
using namespace portal::test;

namespace {

PolicySet search_set() {
    json policies = json::array({
        policy_json("housing-subsidy", nullptr, {{"title", {{"zh", "租房补贴"}, {"en", "Rent subsidy"}}},
                                                 {"summary", {{"zh", "为青年人才提供住房补贴。"}, {"en", "Money towards rent."}}}}),
        policy_json("youth-apartment", nullptr, {{"title", {{"zh", "青春公寓"}, {"en", "Youth apartments"}}},
                                                 {"tags", {{"zh", {"零元入住", "住房"}}, {"en", {"free rent"}}}},
                                                 {"summary", {{"zh", "零元入住的人才公寓。"}}}}),
        policy_json("maker-space", nullptr, {{"title", {{"zh", "零创湾众创空间"}, {"en", "Zero Bay maker space"}}},
                                             {"summary", {{"zh", "零租金、零物业费。"}, {"en", "Zero rent and zero fees for youth teams."}}}}),
        policy_json("talent-fund", nullptr, {{"title", {{"zh", "人才基金"}, {"en", "Talent fund"}}},
                                             {"audiences", {"graduate"}},
                                             {"summary", {{"zh", "支持人才项目。"}, {"en", "Supports apartment-free rental start-ups."}}}}),
    });
    json document = document_with(policies);
    document["audiences"] = json::array({{{"id", "graduate"}, {"name", {{"zh", "高校毕业生"}, {"en", "Graduates"}}}}});
    return load_valid(document);
}

std::vector<std::string> ids(const PolicySet& set, const std::vector<int>& indices) {
    std::vector<std::string> out;
    for (int i : indices) out.push_back(set.policies[static_cast<std::size_t>(i)].id);
    return out;
}

}  // namespace

TEST_SUITE("search") {
    TEST_CASE("an empty query lists everything in file order") {
        const PolicySet set = search_set();
        const SearchIndex index(set);
        CHECK(index.search("") == std::vector<int>{0, 1, 2, 3});
        CHECK(index.search("   \u3000 ") == std::vector<int>{0, 1, 2, 3});
    }

    TEST_CASE("Chinese substrings") {
        const PolicySet set = search_set();
        const SearchIndex index(set);
        CHECK(ids(set, index.search("公寓")) == std::vector<std::string>{"youth-apartment"});
        CHECK(ids(set, index.search("零元")) == std::vector<std::string>{"youth-apartment"});
        CHECK(ids(set, index.search("零")) == std::vector<std::string>{"maker-space", "youth-apartment"});  // title > tag
        CHECK(index.search("北京").empty());
    }

    TEST_CASE("Latin is case-insensitive, including full-width letters") {
        const PolicySet set = search_set();
        const SearchIndex index(set);
        CHECK(ids(set, index.search("RENT")) == ids(set, index.search("rent")));
        CHECK(ids(set, index.search("ＲＥＮＴ")) == ids(set, index.search("rent")));
        CHECK(fold_case("Ａbc ÉTÉ 上虞") == "abc été 上虞");
    }

    TEST_CASE("ranking: title above tags above summary; whole words above parts") {
        const PolicySet set = search_set();
        const SearchIndex index(set);
        // "rent": title word of housing-subsidy; tag "free rent" of youth-apartment; summary of maker-space
        // ("zero rent"); "rental" (part of a word) in talent-fund's summary.
        CHECK(ids(set, index.search("rent")) ==
              std::vector<std::string>{"housing-subsidy", "youth-apartment", "maker-space", "talent-fund"});
        // "apartment": a title hit beats a summary hit.
        CHECK(ids(set, index.search("apartment")) == std::vector<std::string>{"youth-apartment", "talent-fund"});
        CHECK(ids(set, index.search("youth")) == std::vector<std::string>{"youth-apartment", "maker-space"});
    }

    TEST_CASE("a whole word ranks above a word part in the same field and position") {
        json policies = json::array({policy_json("part", nullptr, {{"title", {{"zh", "甲"}, {"en", "Rental aid"}}}}),
                                     policy_json("whole", nullptr, {{"title", {{"zh", "乙"}, {"en", "Rent aid"}}}}),
                                     policy_json("exact", nullptr, {{"title", {{"zh", "丙"}, {"en", "Rent"}}}})});
        const PolicySet set = load_valid(document_with(policies));
        CHECK(ids(set, SearchIndex(set).search("rent")) == std::vector<std::string>{"exact", "whole", "part"});
    }

    TEST_CASE("earlier matches rank higher within the same field") {
        json policies = json::array({policy_json("late", nullptr, {{"title", {{"zh", "创业担保贷款贴息"}}}}),
                                     policy_json("early", nullptr, {{"title", {{"zh", "贴息与补助"}}}})});
        const PolicySet set = load_valid(document_with(policies));
        CHECK(ids(set, SearchIndex(set).search("贴息")) == std::vector<std::string>{"early", "late"});
    }

    TEST_CASE("every term must match, in any field") {
        const PolicySet set = search_set();
        const SearchIndex index(set);
        CHECK(ids(set, index.search("zero fees")) == std::vector<std::string>{"maker-space"});
        CHECK(ids(set, index.search("人才 公寓")) == std::vector<std::string>{"youth-apartment"});
        CHECK(index.search("zero 公寓").empty());
        // Category and audience names are searchable too.
        CHECK(ids(set, index.search("毕业生")) == std::vector<std::string>{"talent-fund"});
        CHECK(index.search("类别").size() == 4);  // every policy is in category "类别"
    }

    TEST_CASE("odd queries do not crash") {
        const PolicySet set = search_set();
        const SearchIndex index(set);
        for (const char* query : {"\xFF\xFE", "\xE4\xB8", "\n", "a\tb", "%", "\\", "\"", "🙂"}) CHECK(index.search(query).size() <= 4);
        CHECK(SearchIndex().search("x").empty());
    }

    TEST_CASE("10,000 policies: each keystroke finds the right policies") {
        json policies = json::array();
        for (int i = 0; i < 10000; ++i) {
            policies.push_back(policy_json("p" + std::to_string(i), nullptr,
                                           {{"title", {{"zh", "上虞人才政策第" + std::to_string(i) + "号"}, {"en", "Shangyu talent policy " + std::to_string(i)}}},
                                            {"tags", {{"zh", {"补贴", "创业"}}, {"en", {"subsidy"}}}},
                                            {"summary", {{"zh", "面向青年创客与高校毕业生的支持措施，包括租房、生活补贴和创业贷款。"},
                                                         {"en", "Support for young makers and graduates: rent, living allowances and start-up loans."}}}}));
        }
        const PolicySet set = load_valid(document_with(policies));
        const SearchIndex index(set);
        std::size_t found = 0;
        for (const char* query : {"s", "sh", "sha", "shangyu", "shangyu 9", "创", "创业", "贷款 loans", "99"}) found += index.search(query).size();
        CHECK(found > 10000);
        const std::vector<int> nineties = index.search("99");
        CHECK(nineties.front() == 99);   // "policy 99" is a whole word; "policy 199", "policy 990" are parts
        CHECK(nineties.size() == 280);   // every number 0..9999 containing "99"
    }
}

// ---- typing: TypingSearch against a fresh search, and both against the search as first written ----------------------
namespace {

// The search as it was first written (every field scored, every character before a match counted): the oracle
// that the faster SearchIndex and TypingSearch must agree with, result for result and in the same order.
namespace reference {

struct Entry {
    std::string title, tags, summary;
};

void add_line(std::string& field, const std::string& text) {
    if (text.empty()) return;
    if (!field.empty()) field += '\n';
    field += fold_case(text);
}

std::vector<Entry> entries(const PolicySet& set) {
    std::vector<Entry> out;
    for (const Policy& policy : set.policies) {
        Entry entry;
        add_line(entry.title, policy.title.zh);
        add_line(entry.title, policy.title.en);
        for (const std::string& tag : policy.tags.zh) add_line(entry.tags, tag);
        for (const std::string& tag : policy.tags.en) add_line(entry.tags, tag);
        const Category& category = set.categories[static_cast<std::size_t>(policy.category_index)];
        add_line(entry.tags, category.name.zh);
        add_line(entry.tags, category.name.en);
        for (const std::string& id : policy.audiences) {
            const int index = set.audience_index(id);
            if (index < 0) continue;
            add_line(entry.tags, set.audiences[static_cast<std::size_t>(index)].name.zh);
            add_line(entry.tags, set.audiences[static_cast<std::size_t>(index)].name.en);
        }
        add_line(entry.summary, policy.summary.zh);
        add_line(entry.summary, policy.summary.en);
        out.push_back(std::move(entry));
    }
    return out;
}

std::vector<std::string> terms(const std::string& query) {
    std::string folded = fold_case(query);
    for (std::size_t at; (at = folded.find("\u3000")) != std::string::npos;) folded.replace(at, 3, " ");
    std::vector<std::string> out;
    std::string current;
    for (char c : folded + " ") {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!current.empty()) out.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    return out;
}

bool word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

int field_score(const std::string& field, const std::string& term, int weight) {
    int best = 0;
    std::size_t at = field.find(term);
    for (int tries = 0; at != std::string::npos && tries < 8; ++tries) {
        const std::size_t end = at + term.size();
        const bool line_start = at == 0 || field[at - 1] == '\n';
        const bool line_end = end == field.size() || field[end] == '\n';
        const bool word_start = line_start || !word_char(field[at - 1]);
        const bool word_end = line_end || !word_char(field[end]);
        const std::size_t line = field.rfind('\n', at) == std::string::npos ? 0 : field.rfind('\n', at) + 1;
        int characters = 0;
        for (std::size_t i = line; i < at; ++i) characters += (static_cast<unsigned char>(field[i]) & 0xC0) != 0x80;
        int score = weight + std::max(0, 100 - characters);
        if (line_start && line_end) score += 400;
        if (word_start && word_end) score += 200;
        best = std::max(best, score);
        at = field.find(term, at + 1);
    }
    return best;
}

std::vector<int> search(const std::vector<Entry>& entries, const std::string& query) {
    const std::vector<std::string> wanted = terms(query);
    std::vector<std::pair<int, int>> hits;
    for (std::size_t p = 0; p < entries.size(); ++p) {
        int total = 0;
        for (const std::string& term : wanted) {
            const int score = std::max({field_score(entries[p].title, term, 10000), field_score(entries[p].tags, term, 5000),
                                        field_score(entries[p].summary, term, 1000)});
            if (score == 0) {
                total = -1;
                break;
            }
            total += score;
        }
        if (total >= 0) hits.emplace_back(total, static_cast<int>(p));
    }
    std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<int> out;
    for (const auto& hit : hits) out.push_back(hit.second);
    return out;
}

}  // namespace reference

const std::vector<std::string> kLatinWords = {"rent", "rental", "loan", "Loans", "living", "allowance", "lo", "youth",
                                              "start-up", "zone", "ＬＯＡＮ", "Shangyu", "all", "on", "nation"};
const std::vector<std::string> kChineseWords = {"补贴", "公寓", "租房", "创业", "贷款", "人才", "零", "上虞", "补"};

std::string words(std::mt19937& random, const std::vector<std::string>& vocabulary, int count, const char* separator) {
    std::string out;
    for (int i = 0; i < count; ++i) {
        if (i > 0) out += separator;
        out += vocabulary[random() % vocabulary.size()];
    }
    return out;
}

// Policies made of a small vocabulary, so queries share prefixes and words recur: long summaries put matches
// past the early bonus and more than eight times in a line, and short titles and tags make whole-entry hits.
PolicySet typing_set(std::mt19937& random, int count) {
    json policies = json::array();
    for (int i = 0; i < count; ++i) {
        json tags_zh = json::array(), tags_en = json::array();
        for (unsigned t = random() % 3; t > 0; --t) tags_zh.push_back(words(random, kChineseWords, 1 + static_cast<int>(random() % 2), ""));
        for (unsigned t = random() % 3; t > 0; --t) tags_en.push_back(words(random, kLatinWords, 1 + static_cast<int>(random() % 2), " "));
        json audiences = json::array();
        if (random() % 2) audiences.push_back("graduate");
        if (random() % 3 == 0) audiences.push_back("maker");
        json extra = {{"title", {{"zh", words(random, kChineseWords, 1 + static_cast<int>(random() % 3), "")},
                                 {"en", words(random, kLatinWords, 1 + static_cast<int>(random() % 4), " ")}}},
                      {"summary", {{"zh", words(random, kChineseWords, 3 + static_cast<int>(random() % 40), "，")},
                                   {"en", words(random, kLatinWords, 5 + static_cast<int>(random() % 40), " ")}}},
                      {"tags", {{"zh", tags_zh}, {"en", tags_en}}}};
        if (!audiences.empty()) extra["audiences"] = audiences;
        policies.push_back(policy_json("p" + std::to_string(i), nullptr, extra));
    }
    json document = document_with(policies);
    document["audiences"] = json::array({{{"id", "graduate"}, {"name", {{"zh", "高校毕业生"}, {"en", "Graduates"}}}},
                                         {{"id", "maker"}, {"name", {{"zh", "创客"}, {"en", "Makers"}}}}});
    return load_valid(document);
}

std::string without_last_character(std::string text) {
    while (!text.empty()) {
        const bool lead = (static_cast<unsigned char>(text.back()) & 0xC0) != 0x80;
        text.pop_back();
        if (lead) break;
    }
    return text;
}

// One keystroke: a letter, a space, a Chinese character, an input method's whole word, Backspace, or clearing.
std::string keystroke(std::mt19937& random, const std::string& query) {
    static const std::vector<std::string> keys = {"l", "o", "a", "n", "r", "e", "t", "L", " ", "\u3000", "补", "贴", "零", "公"};
    switch (random() % 10) {
        case 0: case 1: case 2: return without_last_character(query);
        case 3: return query + kChineseWords[random() % kChineseWords.size()];
        case 4: return random() % 4 == 0 ? std::string() : query + kLatinWords[random() % kLatinWords.size()];
        default: return query + keys[random() % keys.size()];
    }
}

}  // namespace

TEST_SUITE("search") {
    TEST_CASE("the faster search ranks exactly as the search first written") {
        std::mt19937 random(20261127);
        const PolicySet set = typing_set(random, 300);
        const SearchIndex index(set);
        const std::vector<reference::Entry> entries = reference::entries(set);
        for (const std::string query : {"l", "lo", "loan", "lo an", "all on", "补", "补贴 loan", "ｌ", "rent al", "e", "n", "零 零"}) {
            CAPTURE(query);
            CHECK(index.search(query) == reference::search(entries, query));
        }
    }

    TEST_CASE("typing: each keystroke's TypingSearch result equals a fresh search") {
        std::mt19937 random(7);
        const PolicySet set = typing_set(random, 300);
        const SearchIndex index(set);
        const std::vector<reference::Entry> entries = reference::entries(set);
        int non_empty = 0;
        for (int sequence = 0; sequence < 40; ++sequence) {
            TypingSearch typing;
            std::string query;
            for (int key = 0; key < 30; ++key) {
                query = keystroke(random, query);
                CAPTURE(sequence);
                CAPTURE(query);
                const std::vector<int> fresh = index.search(query);
                REQUIRE(typing.search(index, query) == fresh);
                if (key % 5 == 0) REQUIRE(fresh == reference::search(entries, query));
                non_empty += !query.empty();
            }
        }
        CHECK(non_empty > 600);
    }

    TEST_CASE("typing: a new index, forgetting, and candidates out of range") {
        std::mt19937 random(11);
        const PolicySet first = typing_set(random, 50);
        const PolicySet second = typing_set(random, 80);
        const SearchIndex a(first), b(second);
        TypingSearch typing;
        CHECK(typing.search(a, "lo") == a.search("lo"));
        CHECK(typing.search(b, "loa") == b.search("loa"));  // remembers a's "lo", but must not narrow b's with it
        CHECK(typing.search(a, "loan") == a.search("loan"));
        typing.forget();
        CHECK(typing.search(a, "loan") == a.search("loan"));
        CHECK(a.search_among("l", {-1, 0, 1, 2, 49, 50, 1000}) == a.search_among("l", {0, 1, 2, 49}));
        CHECK(a.search_among("", {1}) == a.search(""));
    }
}
