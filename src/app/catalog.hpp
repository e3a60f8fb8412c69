// The loaded policy data and everything derived from it once: the search index, each policy's headline value
// (worked out when first shown) and the audience list the filters offer. Immutable after loading, so views and
// intents can share it freely.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/list_order.hpp"
#include "app/policy_value.hpp"
#include "core/load.hpp"
#include "core/matcher.hpp"
#include "core/model.hpp"
#include "core/search.hpp"

namespace portal::app {

struct Catalog {
    core::PolicySet set;
    std::vector<core::SkippedPolicy> skipped;   // broken policies left out, with why
    core::SearchIndex index;
    HeadlineValues headlines;                   // parallel to set.policies
    std::vector<Standing> standing;             // parallel to set.policies, on the date the catalog was loaded for
    core::AnswerReaders answer_readers;         // which policies each answer can change (re-evaluation after an answer)

    // The audiences the filters offer: the file's list first, then any id a policy uses that the list lacks
    // (named by its id), so every policy can be found by each of its audiences.
    std::vector<core::Audience> audiences;

    // Each policy's audiences as indices into `audiences`, looked up once here so that the filter counts of
    // every keystroke compare small integers instead of ids: policy p's are
    // audience_of[audience_start[p]] up to audience_of[audience_start[p + 1]] (exclusive).
    std::vector<int> audience_start;  // one more than there are policies
    std::vector<int> audience_of;

    int audience_index(std::string_view id) const;
    const int* audiences_begin(int policy) const { return audience_of.data() + audience_start[static_cast<std::size_t>(policy)]; }
    const int* audiences_end(int policy) const { return audience_of.data() + audience_start[static_cast<std::size_t>(policy) + 1]; }
};

struct LoadedCatalog {
    std::shared_ptr<const Catalog> catalog;  // null when the file could not be used at all
    std::string error;                       // why, for the visitor (first fatal diagnostic)
};

// Applied to a load's result that is not fatal before its catalog is made: what must be in the set before
// everything derived from it (the policies' English a page starting in English already has).
using BeforeCatalog = std::function<void(core::LoadResult&)>;

// `as_of` is the evaluation date (headline amounts may depend on it through their rules).
LoadedCatalog load_catalog(std::string_view json_text, const std::string& file_name, const core::Date& as_of,
                           const BeforeCatalog& before_catalog = {});

// The catalog of a result that is not fatal (load_catalog and the author's preview share it).
std::shared_ptr<const Catalog> make_catalog(core::LoadResult&& result, const core::Date& as_of);
// The first error of a result, as policyctl prints it ("file:3:7: error: …").
std::string first_error(const core::LoadResult& result);

}  // namespace portal::app
