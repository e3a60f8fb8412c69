// Free-text search over policies, fast enough for every keystroke on 10,000 policies: the haystacks (titles,
// tags, summaries, category and audience names, both languages) are lowercased once when the index is built.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace portal::core {

class SearchIndex {
public:
    SearchIndex() = default;
    explicit SearchIndex(const PolicySet& set);

    // Policy indices whose texts contain every space-separated term of `query` (case-insensitive for Latin
    // letters, substring for Chinese), best first: title hits above tag hits above summary hits, whole-word
    // and earlier matches higher, then file order. An empty query returns every policy in file order.
    std::vector<int> search(std::string_view query) const;

private:
    // Each field holds "\n"-separated lines, case-folded once here so a keystroke only searches.
    struct Entry {
        std::string title;     // zh and en titles
        std::string tags;      // tags (both languages), category and audience names
        std::string summary;   // zh and en summaries
    };
    std::vector<Entry> entries_;
};

// Lowercases ASCII and the Latin letters of Unicode that policy texts use (full-width A-Z too); leaves Chinese.
std::string fold_case(std::string_view text);

}  // namespace portal::core
