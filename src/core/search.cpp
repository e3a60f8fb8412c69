#include "core/search.hpp"

#include <algorithm>
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

std::size_t characters_before(const std::string& text, std::size_t offset) {
    std::size_t count = 0;
    for (std::size_t i = text.rfind('\n', offset) == std::string::npos ? 0 : text.rfind('\n', offset) + 1; i < offset; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
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
        score += std::max(0, kEarlyBonusMax - static_cast<int>(characters_before(field, at)));
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

SearchIndex::SearchIndex(const PolicySet& set) {
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

std::vector<int> SearchIndex::search(std::string_view query) const {
    const std::vector<std::string> terms = split_terms(query);
    std::vector<int> order(entries_.size());
    std::iota(order.begin(), order.end(), 0);
    if (terms.empty()) return order;

    std::vector<std::pair<int, int>> hits;  // (score, policy)
    for (std::size_t p = 0; p < entries_.size(); ++p) {
        const Entry& entry = entries_[p];
        int total = 0;
        bool all_found = true;
        for (const std::string& term : terms) {
            const int score = std::max({field_score(entry.title, term, kTitleWeight), field_score(entry.tags, term, kTagWeight),
                                        field_score(entry.summary, term, kSummaryWeight)});
            if (score == 0) {
                all_found = false;
                break;
            }
            total += score;
        }
        if (all_found) hits.emplace_back(total, static_cast<int>(p));
    }
    std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<int> ranked;
    ranked.reserve(hits.size());
    for (const auto& hit : hits) ranked.push_back(hit.second);
    return ranked;
}

}  // namespace portal::core
