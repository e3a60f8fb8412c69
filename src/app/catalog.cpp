#include "app/catalog.hpp"

#include <algorithm>

namespace portal::app {

int Catalog::audience_index(std::string_view id) const {
    for (std::size_t i = 0; i < audiences.size(); ++i) {
        if (audiences[i].id == id) return static_cast<int>(i);
    }
    return -1;
}

namespace {

std::vector<core::Audience> audience_list(const core::PolicySet& set) {
    std::vector<core::Audience> list = set.audiences;
    for (const core::Policy& policy : set.policies) {
        for (const std::string& id : policy.audiences) {
            const bool known = std::any_of(list.begin(), list.end(), [&](const core::Audience& a) { return a.id == id; });
            if (!known) list.push_back(core::Audience{id, core::Text{id, id}});
        }
    }
    return list;
}

// Fills catalog.audience_start / audience_of (ids the audience list lacks cannot occur: audience_list adds them).
void index_policy_audiences(Catalog& catalog) {
    catalog.audience_start.reserve(catalog.set.policies.size() + 1);
    catalog.audience_start.push_back(0);
    for (const core::Policy& policy : catalog.set.policies) {
        for (const std::string& id : policy.audiences) {
            const int index = catalog.audience_index(id);
            if (index >= 0) catalog.audience_of.push_back(index);
        }
        catalog.audience_start.push_back(static_cast<int>(catalog.audience_of.size()));
    }
}

}  // namespace

std::string first_error(const core::LoadResult& result) {
    for (const core::Diagnostic& d : result.diagnostics) {
        if (d.severity == core::Severity::error) return core::to_string(d);
    }
    return "the policy file could not be read";
}

LoadedCatalog load_catalog(std::string_view json_text, const std::string& file_name, const core::Date& as_of,
                           const BeforeCatalog& before_catalog) {
    core::LoadResult result = core::load_policy_set(json_text, file_name);
    if (result.fatal()) return LoadedCatalog{nullptr, first_error(result)};
    if (before_catalog) before_catalog(result);
    return LoadedCatalog{make_catalog(std::move(result), as_of), {}};
}

std::shared_ptr<const Catalog> make_catalog(core::LoadResult&& result, const core::Date& as_of) {
    auto catalog = std::make_shared<Catalog>();
    catalog->set = std::move(*result.set);
    catalog->skipped = std::move(result.skipped);
    catalog->index = core::SearchIndex(catalog->set);
    catalog->audiences = audience_list(catalog->set);
    index_policy_audiences(*catalog);
    catalog->headlines.reset(catalog->set, as_of);
    catalog->standing = standings(catalog->set, as_of);
    catalog->answer_readers = core::AnswerReaders(catalog->set);
    return catalog;
}

}  // namespace portal::app
