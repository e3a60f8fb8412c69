// The explore list's filter counts, worked out from each policy's audience indices (found once when the catalog
// is built), against the same counts found by looking every audience id up on every keystroke, as they first
// were; and the list a typed query gives against a fresh search.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "app/app_state.hpp"
#include "test_paths.hpp"
#include "app/list_order.hpp"

using namespace portal;
using json = nlohmann::json;

namespace {

const std::vector<std::string> kCategories = {"housing", "money", "skills"};
const std::vector<std::string> kAudiences = {"graduate", "maker", "returnee", "farmer"};
const std::vector<std::string> kWords = {"rent", "loan", "living", "lo", "补贴", "公寓", "零", "allowance"};

std::string some_words(std::mt19937& random, int count) {
    std::string out;
    for (int i = 0; i < count; ++i) out += (i ? " " : "") + kWords[random() % kWords.size()];
    return out;
}

// With `listed`, the file names its audiences (and one more no policy uses); without, policies use bare ids and
// the catalog makes the audience list from them.
std::string policy_file(std::mt19937& random, int count, bool listed) {
    json policies = json::array();
    for (int i = 0; i < count; ++i) {
        json audiences = json::array();
        for (const std::string& id : kAudiences) {
            if (random() % 3 == 0) audiences.push_back(id);
        }
        json policy = {{"id", "p" + std::to_string(i)},
                       {"title", {{"zh", some_words(random, 2)}, {"en", some_words(random, 3)}}},
                       {"summary", {{"zh", some_words(random, 6)}, {"en", some_words(random, 8)}}},
                       {"category", kCategories[random() % kCategories.size()]},
                       {"source", "src"}};
        if (!audiences.empty()) policy["audiences"] = audiences;
        policies.push_back(policy);
    }
    json categories = json::array();
    for (const std::string& id : kCategories) categories.push_back({{"id", id}, {"name", {{"zh", id}, {"en", id}}}});
    json document = {{"format", "policy-portal/1"}, {"id", "test"}, {"title", {{"zh", "测试"}}}, {"version", "1"},
                     {"sources", json::array({{{"id", "src"}, {"title", {{"zh", "来源"}}}, {"reliability", "confirmed"},
                                               {"url", "https://example.org/a"}}})},
                     {"categories", categories}, {"questions", json::array()}, {"policies", policies}};
    if (listed) {
        json audiences = json::array();
        for (const char* id : {"nobody", "farmer", "maker", "graduate", "returnee"})
            audiences.push_back({{"id", id}, {"name", {{"zh", id}, {"en", id}}}});
        document["audiences"] = audiences;
    }
    return document.dump();
}

// The list as explore.cpp first computed it: every audience id looked up in the catalog's list.
app::ExploreList looked_up_by_id(const app::Catalog& catalog, const std::string& query, const app::Filters& filters) {
    const auto wanted = [](const std::vector<std::string>& ids, const std::string& id) {
        return ids.empty() || std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    app::ExploreList out;
    out.category_counts.assign(catalog.set.categories.size(), 0);
    out.audience_counts.assign(catalog.audiences.size(), 0);
    for (int i : catalog.index.search(query)) {
        const core::Policy& policy = catalog.set.policies[static_cast<std::size_t>(i)];
        const bool category_ok = wanted(filters.categories, catalog.set.categories[static_cast<std::size_t>(policy.category_index)].id);
        const bool audience_ok = filters.audiences.empty() ||
            std::any_of(policy.audiences.begin(), policy.audiences.end(), [&](const std::string& id) {
                return std::find(filters.audiences.begin(), filters.audiences.end(), id) != filters.audiences.end();
            });
        if (category_ok && audience_ok) out.visible.push_back(i);
        if (audience_ok) ++out.category_counts[static_cast<std::size_t>(policy.category_index)];
        if (category_ok) {
            for (const std::string& id : policy.audiences) ++out.audience_counts[static_cast<std::size_t>(catalog.audience_index(id))];
        }
    }
    return out;
}

void check_same(const app::ExploreList& a, const app::ExploreList& b) {
    CHECK(a.visible == b.visible);
    CHECK(a.category_counts == b.category_counts);
    CHECK(a.audience_counts == b.audience_counts);
}

}  // namespace

TEST_SUITE("explore list") {
    TEST_CASE("filter counts from audience indices equal the counts from looking ids up, as the visitor types") {
        for (const bool listed : {true, false}) {
            CAPTURE(listed);
            std::mt19937 random(listed ? 3 : 4);
            app::AppState state;
            app::start(state, policy_file(random, 200, listed), "generated.json", "zh", "2024-06-01");
            REQUIRE(state.catalog);
            const app::Catalog& catalog = *state.catalog;
            CHECK(catalog.audiences.size() == (listed ? 5u : 4u));
            for (int step = 0; step < 150; ++step) {
                switch (random() % 6) {
                    case 0: app::toggle_category(state, random() % 4 ? kCategories[random() % kCategories.size()] : "unknown"); break;
                    case 1: app::toggle_audience(state, random() % 5 ? kAudiences[random() % kAudiences.size()] : "nobody"); break;
                    case 2: app::set_query(state, state.query.empty() ? state.query : state.query.substr(0, state.query.size() - 1)); break;
                    case 3: app::set_query(state, random() % 4 ? state.query + kWords[random() % kWords.size()] : std::string()); break;
                    default: app::set_query(state, state.query + "lo n"[random() % 4]); break;
                }
                CAPTURE(state.query);
                check_same(state.list, looked_up_by_id(catalog, state.query, state.filters));
            }
        }
    }
}

TEST_CASE("the default order ranks by standing and keeps file order within one; a search's ranking keeps its order") {
    using app::Standing;
    const std::vector<Standing> standing = {Standing::ended,       Standing::unpublished,        Standing::amount_confirmed,
                                            Standing::example,     Standing::amount_unconfirmed, Standing::amount_confirmed,
                                            Standing::terms_only};
    std::vector<int> list = {0, 1, 2, 3, 4, 5, 6};
    app::order_by_standing(standing, list, false);
    CHECK(list == std::vector<int>{2, 5, 4, 6, 3, 1, 0});

    std::vector<int> ranked = {0, 6, 3, 1, 5};  // as a search ranked them: only the ended policy moves
    app::order_by_standing(standing, ranked, true);
    CHECK(ranked == std::vector<int>{6, 3, 1, 5, 0});
}

TEST_CASE("the bundled data's default list opens with programmes that have terms and amounts") {
    std::ifstream file(PORTAL_POLICY_FILE, std::ios::binary);
    REQUIRE(file);
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    app::AppState state;
    app::start(state, text, "shangyu.json", "zh", "2026-12-04");
    REQUIRE(state.catalog);
    const app::Catalog& catalog = *state.catalog;
    const auto& visible = state.list.visible;
    REQUIRE(visible.size() == catalog.set.policies.size());
    const auto standing = [&](int policy) { return catalog.standing[static_cast<std::size_t>(policy)]; };
    CHECK(standing(visible.front()) <= app::Standing::amount_unconfirmed);
    CHECK(std::is_sorted(visible.begin(), visible.end(), [&](int a, int b) { return standing(a) < standing(b); }));
    for (int policy : visible) {
        const core::Policy& p = catalog.set.policies[static_cast<std::size_t>(policy)];
        const bool ended = p.valid.until && state.as_of > *p.valid.until;
        CHECK_MESSAGE(ended == (standing(policy) == app::Standing::ended), p.id);
        if (p.illustrative) CHECK_MESSAGE(standing(policy) != app::Standing::amount_confirmed, p.id);
    }
}
