// The policies' details as a second file (core/details.hpp): joined to the data they were made for, refused
// whole when made for other data or unreadable, and a broken entry leaves only its own policy without details.
#include <doctest/doctest.h>

#include <string>

#include "core/details.hpp"
#include "test_support.hpp"

using namespace portal::core;
using namespace portal::test;

namespace {

const std::string kData = std::string(64, 'a');   // stands for the data file's SHA-256
const std::string kOther = std::string(64, 'b');

// Three policies as the visitor's data file has them (no details); "broken" is left out by the loader.
PolicySet three_policies() {
    json broken = policy_json("broken", nullptr);
    broken["category"] = "no-such-category";
    const LoadResult result =
        load_policy_json(document_with(json::array({policy_json("first", nullptr), broken, policy_json("third", nullptr)})),
                         "policies.json");
    REQUIRE_FALSE(result.fatal());
    REQUIRE(result.set->policies.size() == 2);
    return *result.set;
}

json details_file(const std::string& made_for = kData) {
    return {{"format", "shangyu-policy-details/1"},
            {"data_sha256", made_for},
            {"policies", json::array({{{"id", "first"}, {"details", {{"zh", "第一项详情"}, {"en", "First in full"}}}},
                                      {{"id", "broken"}, {"details", {{"zh", "被跳过的政策"}}}},
                                      {{"id", "third"}}})}};
}

DetailsJoin join(const json& file, const std::string& data = kData) {
    return join_details(three_policies(), file.dump(), "policy-details.json", data);
}

}  // namespace

TEST_SUITE("details") {
    TEST_CASE("the details join the data they were made for, by place and id; a policy without keeps none") {
        const DetailsJoin joined = join(details_file());
        INFO(describe(joined.diagnostics));
        REQUIRE(joined.usable);
        CHECK(joined.diagnostics.empty());
        REQUIRE(joined.details.size() == 2);
        CHECK(joined.details[0].zh == "第一项详情");
        CHECK(joined.details[0].en == "First in full");
        CHECK(joined.details[1].empty());  // "third" has no details; the skipped policy's entry went nowhere
        CHECK(joined.broken == std::vector<bool>{false, false});
    }

    TEST_CASE("details made for other data are refused whole, with the file and pointer named") {
        const DetailsJoin joined = join(details_file(kOther));
        CHECK_FALSE(joined.usable);
        CHECK(joined.details.empty());
        const Diagnostic* error = error_at(joined.diagnostics, "/data_sha256");
        REQUIRE(error != nullptr);
        CHECK(error->file == "policy-details.json");
        CHECK(error->message.find("other policy data") != std::string::npos);
    }

    TEST_CASE("a file that is not JSON, or not a details file, is refused whole") {
        const DetailsJoin text = join_details(three_policies(), "{\"format\": ", "policy-details.json", kData);
        CHECK_FALSE(text.usable);
        REQUIRE_FALSE(text.diagnostics.empty());
        CHECK(text.diagnostics.front().line == 1);  // not JSON: a line and column, as for the data file

        json wrong = details_file();
        wrong["format"] = "policy-portal/1";
        const DetailsJoin format = join(wrong);
        CHECK_FALSE(format.usable);
        CHECK(error_at(format.diagnostics, "/format") != nullptr);

        CHECK_FALSE(join(json::array()).usable);
        json unlisted = details_file();
        unlisted.erase("policies");
        CHECK_FALSE(join(unlisted).usable);
        CHECK(error_at(join(unlisted).diagnostics, "") != nullptr);
    }

    TEST_CASE("a broken entry leaves only its own policy without details, the rest still shows") {
        json file = details_file();
        file["policies"][0]["details"] = 42;
        const DetailsJoin joined = join(file);
        REQUIRE(joined.usable);
        CHECK(error_at(joined.diagnostics, "/policies/0/details") != nullptr);
        CHECK(joined.broken == std::vector<bool>{true, false});
        CHECK(joined.details[0].empty());

        json moved = details_file();
        moved["policies"][2]["id"] = "first";
        moved["policies"][2]["details"] = {{"zh", "放错位置"}};
        const DetailsJoin misplaced = join(moved);
        REQUIRE(misplaced.usable);
        const Diagnostic* error = error_at(misplaced.diagnostics, "/policies/2/id");
        REQUIRE(error != nullptr);
        CHECK(error->message.find("\"third\"") != std::string::npos);
        CHECK(misplaced.broken == std::vector<bool>{false, true});
        CHECK(misplaced.details[0].zh == "第一项详情");
        CHECK(misplaced.details[1].empty());  // never another policy's text

        json short_list = details_file();
        short_list["policies"].erase(2);
        const DetailsJoin missing = join(short_list);
        CHECK(missing.broken == std::vector<bool>{false, true});
        CHECK(error_at(missing.diagnostics, "/policies") != nullptr);
    }

    TEST_CASE("an unknown field is a warning, as in the data file") {
        json file = details_file();
        file["policies"][0]["note"] = "x";
        const DetailsJoin joined = join(file);
        REQUIRE(joined.usable);
        CHECK_FALSE(has_errors(joined.diagnostics));
        CHECK_FALSE(joined.diagnostics.empty());
        CHECK(joined.details[0].zh == "第一项详情");
    }
}
