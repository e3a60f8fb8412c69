#include "core/search.hpp"

#include <algorithm>
#include <atomic>
#include <numeric>

namespace portal::core {
namespace {

// Field weights dominate the other bonuses, so a title hit always outranks a tag hit, which outranks a summary hit.
constexpr int kTitleWeight = 10000;
constexpr int kTagWeight = 5000;
constexpr int kSummaryWeight = 1000;
constexpr int kWholeEntryBonus = 400;  // the term is a whole tag / title line
constexpr int kWordBonus = 200;        // the term is a whole Latin word
constexpr int kEarlyBonusMax = 100;    // minus one per character before the match
constexpr int kOccurrencesTried = 8;
constexpr int kMostBonus = kWholeEntryBonus + kWordBonus + kEarlyBonusMax;
// So a term's score is that of the first field that holds it (SearchIndex::score relies on this).
static_assert(kTitleWeight > kTagWeight + kMostBonus && kTagWeight > kSummaryWeight + kMostBonus);

// How many recent queries a TypingSearch keeps: enough for a word typed and deleted again letter by letter.
constexpr std::size_t kRemembered = 8;

std::uint64_t new_identity() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// Decodes one UTF-8 character at text[i] (invalid bytes pass through as themselves) and advances i.
char32_t next_char(std::string_view text, std::size_t& i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (lead >= 0x80 && lead < 0xC0) length = 1;
    if (i + length > text.size()) length = 1;
    char32_t c = length == 1 ? lead : length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
    for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += length;
    return c;
}

char32_t fold_char(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0xFF21 && c <= 0xFF3A) return c - 0xFF21 + 'a';  // full-width A-Z, as Chinese input methods type them
    if (c >= 0xFF41 && c <= 0xFF5A) return c - 0xFF41 + 'a';  // full-width a-z
    if (c >= 0xFF10 && c <= 0xFF19) return c - 0xFF10 + '0';  // full-width digits
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;   // Latin-1 capitals
    return c;
}

bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000; }

std::vector<std::string> split_terms(std::string_view query) {
    std::vector<std::string> terms;
    std::string current;
    for (std::size_t i = 0; i < query.size();) {
        const char32_t c = next_char(query, i);
        if (is_space(c)) {
            if (!current.empty()) terms.push_back(std::move(current));
            current.clear();
        } else {
            append_utf8(current, fold_char(c));
        }
    }
    if (!current.empty()) terms.push_back(std::move(current));
    return terms;
}

// Characters from the start of the line holding `offset` up to it, counted only as far as the early bonus
// cares (it is 0 from kEarlyBonusMax characters on), so a match late in a long summary costs no more.
int characters_before(const std::string& text, std::size_t offset) {
    int count = 0;
    for (std::size_t i = offset; i > 0 && text[i - 1] != '\n' && count < kEarlyBonusMax; --i) {
        if ((static_cast<unsigned char>(text[i - 1]) & 0xC0) != 0x80) ++count;
    }
    return count;
}

// The best score of `term` in one field ("\n"-separated lines), or 0 when it does not occur.
int field_score(const std::string& field, const std::string& term, int weight) {
    int best = 0;
    std::size_t at = field.find(term);
    for (int tries = 0; at != std::string::npos && tries < kOccurrencesTried; ++tries) {
        const std::size_t end = at + term.size();
        const bool line_start = at == 0 || field[at - 1] == '\n';
        const bool line_end = end == field.size() || field[end] == '\n';
        const bool word_start = line_start || !is_word_char(field[at - 1]);
        const bool word_end = line_end || !is_word_char(field[end]);
        int score = weight;
        if (line_start && line_end) score += kWholeEntryBonus;
        if (word_start && word_end) score += kWordBonus;
        score += kEarlyBonusMax - characters_before(field, at);
        best = std::max(best, score);
        at = field.find(term, at + 1);
    }
    return best;
}

void add_line(std::string& field, const std::string& text) {
    if (text.empty()) return;
    if (!field.empty()) field += '\n';
    field += fold_case(text);
}

void add_text(std::string& field, const Text& text) {
    add_line(field, text.zh);
    add_line(field, text.en);
}

}  // namespace

std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) append_utf8(out, fold_char(next_char(text, i)));
    return out;
}

SearchIndex::SearchIndex(const PolicySet& set) : identity_(new_identity()) {
    entries_.reserve(set.policies.size());
    for (const Policy& policy : set.policies) {
        Entry entry;
        add_text(entry.title, policy.title);
        for (const std::string& tag : policy.tags.zh) add_line(entry.tags, tag);
        for (const std::string& tag : policy.tags.en) add_line(entry.tags, tag);
        if (policy.category_index >= 0) add_text(entry.tags, set.categories[static_cast<std::size_t>(policy.category_index)].name);
        for (const std::string& audience : policy.audiences) {
            const int index = set.audience_index(audience);
            if (index >= 0) add_text(entry.tags, set.audiences[static_cast<std::size_t>(index)].name);
        }
        add_text(entry.summary, policy.summary);
        entries_.push_back(std::move(entry));
    }
}

// A policy's score for every term together, 0 when one of them is missing. A term scores in the first field
// that holds it (the weights keep the fields apart), so a title hit spares the search of the longer fields.
int SearchIndex::score(std::size_t policy, const std::vector<std::string>& terms) const {
    const Entry& entry = entries_[policy];
    int total = 0;
    for (const std::string& term : terms) {
        int best = field_score(entry.title, term, kTitleWeight);
        if (best == 0) best = field_score(entry.tags, term, kTagWeight);
        if (best == 0) best = field_score(entry.summary, term, kSummaryWeight);
        if (best == 0) return 0;
        total += best;
    }
    return total;
}

// `terms` is not empty. Ties keep file order (the stable sort over hits gathered in file order).
SearchIndex::Matches SearchIndex::match(const std::vector<std::string>& terms, const std::vector<int>* candidates) const {
    std::vector<std::pair<int, int>> hits;  // (score, policy)
    const auto consider = [&](std::size_t policy) {
        const int total = score(policy, terms);
        if (total > 0) hits.emplace_back(total, static_cast<int>(policy));
    };
    if (candidates) {
        for (int policy : *candidates) {
            if (policy >= 0 && static_cast<std::size_t>(policy) < entries_.size()) consider(static_cast<std::size_t>(policy));
        }
    } else {
        for (std::size_t policy = 0; policy < entries_.size(); ++policy) consider(policy);
    }
    Matches out;
    out.in_order.reserve(hits.size());
    for (const auto& hit : hits) out.in_order.push_back(hit.second);
    std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    out.ranked.reserve(hits.size());
    for (const auto& hit : hits) out.ranked.push_back(hit.second);
    return out;
}

bool has_terms(std::string_view query) { return !split_terms(query).empty(); }

std::vector<int> SearchIndex::search(std::string_view query) const {
    const std::vector<std::string> terms = split_terms(query);
    if (terms.empty()) {
        std::vector<int> order(entries_.size());
        std::iota(order.begin(), order.end(), 0);
        return order;
    }
    return match(terms, nullptr).ranked;
}

std::vector<int> SearchIndex::search_among(std::string_view query, const std::vector<int>& candidates) const {
    const std::vector<std::string> terms = split_terms(query);
    if (terms.empty()) return search(query);
    return match(terms, &candidates).ranked;
}

// ---- TypingSearch ---------------------------------------------------------------------------------------------------

namespace {

// Every policy that matches `narrower` matches `wider` when each of wider's terms lies inside one of narrower's:
// a field holding the longer term holds each part of it.
bool narrows(const std::vector<std::string>& narrower, const std::vector<std::string>& wider) {
    return std::all_of(wider.begin(), wider.end(), [&](const std::string& part) {
        return std::any_of(narrower.begin(), narrower.end(),
                           [&](const std::string& term) { return term.find(part) != std::string::npos; });
    });
}

}  // namespace

std::vector<int> TypingSearch::search(const SearchIndex& index, std::string_view query) {
    if (index.identity_ != identity_) {
        forget();
        identity_ = index.identity_;
    }
    std::vector<std::string> terms = split_terms(query);
    if (terms.empty()) return index.search(query);  // every policy in file order: nothing worth keeping

    const auto seen = std::find_if(recent_.begin(), recent_.end(), [&](const Remembered& r) { return r.terms == terms; });
    if (seen != recent_.end()) {
        std::rotate(seen, seen + 1, recent_.end());  // now the most recent
        return recent_.back().matches.ranked;
    }
    const Remembered* wider = narrowest_containing(terms);
    SearchIndex::Matches matches = index.match(terms, wider ? &wider->matches.in_order : nullptr);
    std::vector<int> ranked = matches.ranked;
    remember(std::move(terms), std::move(matches));
    return ranked;
}

const TypingSearch::Remembered* TypingSearch::narrowest_containing(const std::vector<std::string>& terms) const {
    const Remembered* best = nullptr;
    for (const Remembered& r : recent_) {
        if (narrows(terms, r.terms) && (!best || r.matches.in_order.size() < best->matches.in_order.size())) best = &r;
    }
    return best;
}

void TypingSearch::remember(std::vector<std::string> terms, SearchIndex::Matches matches) {
    if (recent_.size() >= kRemembered) recent_.erase(recent_.begin());
    recent_.push_back(Remembered{std::move(terms), std::move(matches)});
}

void TypingSearch::forget() {
    for (Remembered& r : recent_) {
        for (std::string& term : r.terms) std::fill(term.begin(), term.end(), '\0');
    }
    recent_.clear();
}

}  // namespace portal::core
