#include "core/model.hpp"

#include <algorithm>

namespace portal::core {
namespace {

template <typename Item>
void index_ids(const std::vector<Item>& items, std::unordered_map<std::string, int>& ids) {
    ids.clear();
    ids.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) ids.emplace(items[i].id, static_cast<int>(i));
}

int find_id(const std::unordered_map<std::string, int>& ids, std::string_view id) {
    auto found = ids.find(std::string(id));
    return found == ids.end() ? -1 : found->second;
}

}  // namespace

int Question::option_index(std::string_view value) const {
    for (std::size_t i = 0; i < options.size(); ++i) {
        if (options[i].value == value) return static_cast<int>(i);
    }
    return -1;
}

bool Validity::contains(const Date& date) const {
    if (from && date < *from) return false;
    if (until && date > *until) return false;
    return true;
}

int Policy::criterion_index(std::string_view criterion_id) const {
    for (std::size_t i = 0; i < criteria.size(); ++i) {
        if (criteria[i].id == criterion_id) return static_cast<int>(i);
    }
    return -1;
}

int PolicySet::question_index(std::string_view question_id) const { return find_id(question_ids_, question_id); }
int PolicySet::policy_index(std::string_view policy_id) const { return find_id(policy_ids_, policy_id); }
int PolicySet::source_index(std::string_view source_id) const { return find_id(source_ids_, source_id); }
int PolicySet::category_index(std::string_view category_id) const { return find_id(category_ids_, category_id); }
int PolicySet::audience_index(std::string_view audience_id) const { return find_id(audience_ids_, audience_id); }

void PolicySet::reindex() {
    index_ids(questions, question_ids_);
    index_ids(policies, policy_ids_);
    index_ids(sources, source_ids_);
    index_ids(categories, category_ids_);
    index_ids(audiences, audience_ids_);

    // "excludes" is symmetric even when only one side lists it.
    exclusions.assign(policies.size(), {});
    for (std::size_t i = 0; i < policies.size(); ++i) {
        for (const std::string& other_id : policies[i].excludes) {
            const int other = policy_index(other_id);
            if (other < 0 || static_cast<std::size_t>(other) == i) continue;
            exclusions[i].push_back(other);
            exclusions[static_cast<std::size_t>(other)].push_back(static_cast<int>(i));
        }
    }
    for (auto& list : exclusions) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    for (Policy& policy : policies) {
        policy.category_index = category_index(policy.category);
        policy.source_index = source_index(policy.source);
        if (policy.confirmed_in_force) policy.confirmed_in_force->source_index = source_index(policy.confirmed_in_force->source);
    }
}

std::string_view to_string(Status status) {
    switch (status) {
        case Status::eligible: return "eligible";
        case Status::ineligible: return "ineligible";
        case Status::unknown: return "unknown";
    }
    return "unknown";
}

std::optional<Status> parse_status(std::string_view text) {
    if (text == "eligible") return Status::eligible;
    if (text == "ineligible") return Status::ineligible;
    if (text == "unknown") return Status::unknown;
    return std::nullopt;
}

std::string_view to_string(Reliability reliability) {
    switch (reliability) {
        case Reliability::confirmed: return "confirmed";
        case Reliability::secondary: return "secondary";
        case Reliability::article: return "article";
    }
    return "article";
}

std::string_view to_string(Certainty certainty) {
    switch (certainty) {
        case Certainty::confirmed: return "confirmed";
        case Certainty::unconfirmed: return "unconfirmed";
        case Certainty::illustrative: return "illustrative";
    }
    return "unconfirmed";
}

std::optional<Certainty> parse_certainty(std::string_view text) {
    if (text == "confirmed") return Certainty::confirmed;
    if (text == "unconfirmed") return Certainty::unconfirmed;
    if (text == "illustrative") return Certainty::illustrative;
    return std::nullopt;
}

std::string_view to_string(Level level) {
    switch (level) {
        case Level::district: return "district";
        case Level::city: return "city";
        case Level::province: return "province";
        case Level::national: return "national";
    }
    return "national";
}

std::string_view to_string(QuestionType type) {
    switch (type) {
        case QuestionType::boolean: return "boolean";
        case QuestionType::number: return "number";
        case QuestionType::choice: return "choice";
        case QuestionType::multi: return "multi";
        case QuestionType::date: return "date";
    }
    return "boolean";
}

std::string_view to_string(BenefitKind kind) {
    switch (kind) {
        case BenefitKind::cash: return "cash";
        case BenefitKind::voucher: return "voucher";
        case BenefitKind::loan: return "loan";
        case BenefitKind::in_kind: return "in_kind";
        case BenefitKind::service: return "service";
        case BenefitKind::waiver: return "waiver";
    }
    return "cash";
}

std::string_view to_string(Per per) {
    switch (per) {
        case Per::once: return "once";
        case Per::month: return "month";
        case Per::year: return "year";
    }
    return "once";
}

}  // namespace portal::core
