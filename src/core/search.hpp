// Free-text search over policies, fast enough for every keystroke on 10,000 policies: the haystacks (titles,
// tags, summaries, category and audience names, both languages) are lowercased once when the index is built.
#pragma once

#include <cstdint>
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

    // The same ranking, looking only at `candidates` (policy indices in ascending order). Equal to search(query)
    // whenever every policy that matches `query` is among the candidates, e.g. the matches of a shorter query.
    std::vector<int> search_among(std::string_view query, const std::vector<int>& candidates) const;

private:
    friend class TypingSearch;
    struct Matches {
        std::vector<int> ranked;    // best first, as search() returns them
        std::vector<int> in_order;  // the same policies in file order: candidates for a narrower query
    };
    Matches match(const std::vector<std::string>& terms, const std::vector<int>* candidates) const;
    int score(std::size_t policy, const std::vector<std::string>& terms) const;

    // Each field holds "\n"-separated lines, case-folded once here so a keystroke only searches.
    struct Entry {
        std::string title;     // zh and en titles
        std::string tags;      // tags (both languages), category and audience names
        std::string summary;   // zh and en summaries
    };
    std::vector<Entry> entries_;
    std::uint64_t identity_ = 0;  // tells TypingSearch that it is still asked about the index it remembers
};

// Search as a visitor types: remembers the matches of the last few queries, so a query that only adds to one of
// them (one more letter, one more word) ranks within that query's matches instead of every policy, and going back
// (Backspace) to a query seen a moment ago costs nothing. Always the same result as SearchIndex::search.
class TypingSearch {
public:
    std::vector<int> search(const SearchIndex& index, std::string_view query);
    // Overwrites and drops what was remembered (the kiosk wipes a visitor's searches).
    void forget();

private:
    struct Remembered {
        std::vector<std::string> terms;
        SearchIndex::Matches matches;
    };
    const Remembered* narrowest_containing(const std::vector<std::string>& terms) const;
    void remember(std::vector<std::string> terms, SearchIndex::Matches matches);

    std::uint64_t identity_ = 0;
    std::vector<Remembered> recent_;  // oldest first
};

// Whether `query` holds a search term; without one, search() ranks nothing and returns file order.
bool has_terms(std::string_view query);

// Lowercases ASCII and the Latin letters of Unicode that policy texts use (full-width A-Z too); leaves Chinese.
std::string fold_case(std::string_view text);

}  // namespace portal::core
