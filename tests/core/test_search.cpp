// Search: all terms must match; title hits above tag hits above summary hits; whole words and early matches
// first; Chinese by substring; Latin case-insensitively; fast on 10,000 policies.
#include <doctest/doctest.h>

#include <chrono>

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

    TEST_CASE("10,000 policies: each keystroke is fast") {
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
        const auto start = std::chrono::steady_clock::now();
        std::size_t found = 0;
        for (const char* query : {"s", "sh", "sha", "shangyu", "shangyu 9", "创", "创业", "贷款 loans", "99"}) found += index.search(query).size();
        const double per_query = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / 9;
        CHECK(per_query < time_budget(0.05));
        CHECK(found > 10000);
        const std::vector<int> nineties = index.search("99");
        CHECK(nineties.front() == 99);   // "policy 99" is a whole word; "policy 199", "policy 990" are parts
        CHECK(nineties.size() == 280);   // every number 0..9999 containing "99"
    }
}
