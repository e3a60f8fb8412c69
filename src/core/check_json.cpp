#include "core/check_json.hpp"

#include "core/jsonlogic.hpp"

namespace portal::core {

using ordered_json = nlohmann::ordered_json;

namespace {

ordered_json money(double amount) { return ordered_json(json_number(amount)); }

ordered_json criteria_json(const Policy& policy, const PolicyOutcome& outcome) {
    ordered_json list = ordered_json::array();
    for (std::size_t c = 0; c < outcome.criteria.size(); ++c) {
        ordered_json entry = ordered_json::object();
        entry["id"] = policy.criteria[c].id;
        entry["status"] = std::string(to_string(outcome.criteria[c].status));
        list.push_back(std::move(entry));
    }
    return list;
}

ordered_json result_json(const PolicySet& set, const PolicyOutcome& outcome) {
    const Policy& policy = set.policies[static_cast<std::size_t>(outcome.policy)];
    ordered_json entry = ordered_json::object();
    entry["policy"] = policy.id;
    entry["status"] = std::string(to_string(outcome.status));
    entry["certainty"] = std::string(to_string(outcome.certainty));
    entry["criteria"] = criteria_json(policy, outcome);
    ordered_json missing = ordered_json::array();
    for (int question : outcome.missing) missing.push_back(set.questions[static_cast<std::size_t>(question)].id);
    entry["missing"] = std::move(missing);
    if (outcome.status == Status::eligible) {
        entry["benefit_total"] = outcome.benefit_total ? money(*outcome.benefit_total) : ordered_json(nullptr);
        entry["benefit_up_to"] = outcome.benefit_up_to ? money(*outcome.benefit_up_to) : ordered_json(nullptr);
    }
    return entry;
}

}  // namespace

ordered_json bundle_json(const PolicySet& set, const Bundle& bundle) {
    ordered_json out = ordered_json::object();
    ordered_json members = ordered_json::array();
    for (int policy : bundle.policies) members.push_back(set.policies[static_cast<std::size_t>(policy)].id);
    out["policies"] = std::move(members);
    out["total"] = money(bundle.total);
    out["unconfirmed_total"] = money(bundle.unconfirmed_total);
    // Added only when the search gave up (a crafted exclusion graph): exact output stays as the contract shows it.
    if (!bundle.exact) out["exact"] = false;
    return out;
}

ordered_json check_json(const PolicySet& set, const Evaluation& evaluation) {
    ordered_json out = ordered_json::object();
    out["as_of"] = evaluation.as_of.to_string();
    out["next_question"] = evaluation.next_question
                               ? ordered_json(set.questions[static_cast<std::size_t>(*evaluation.next_question)].id)
                               : ordered_json(nullptr);
    out["best_bundle"] = bundle_json(set, evaluation.best_bundle);
    ordered_json results = ordered_json::array();
    for (const PolicyOutcome& outcome : evaluation.results) results.push_back(result_json(set, outcome));
    out["results"] = std::move(results);
    return out;
}

std::string check_json_text(const PolicySet& set, const Evaluation& evaluation) {
    return check_json(set, evaluation).dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace portal::core
