// The test hook's view of the state: ids rather than indices, so a test reads it like the data file.
#include "app/app_state.hpp"
#include "core/check_json.hpp"

namespace portal::app {
namespace {

nlohmann::json policy_ids(const Catalog& catalog, const std::vector<int>& indices) {
    nlohmann::json ids = nlohmann::json::array();
    for (int i : indices) ids.push_back(catalog.set.policies[static_cast<std::size_t>(i)].id);
    return ids;
}

nlohmann::json question_ids(const Catalog& catalog, const std::vector<int>& indices) {
    nlohmann::json ids = nlohmann::json::array();
    for (int i : indices) ids.push_back(catalog.set.questions[static_cast<std::size_t>(i)].id);
    return ids;
}

nlohmann::json skipped_policies(const Catalog& catalog) {
    nlohmann::json list = nlohmann::json::array();
    for (const core::SkippedPolicy& skipped : catalog.skipped) {
        nlohmann::json reasons = nlohmann::json::array();
        for (const core::Diagnostic& d : skipped.diagnostics) {
            if (d.severity == core::Severity::error) reasons.push_back(core::to_string(d));
        }
        list.push_back({{"index", skipped.index}, {"id", skipped.id}, {"reasons", reasons}});
    }
    return list;
}

const char* problem_name(AnswerDraft::Problem problem) {
    switch (problem) {
        case AnswerDraft::Problem::none: return "none";
        case AnswerDraft::Problem::empty: return "empty";
        case AnswerDraft::Problem::not_a_number: return "not_a_number";
        case AnswerDraft::Problem::below_min: return "below_min";
        case AnswerDraft::Problem::above_max: return "above_max";
        case AnswerDraft::Problem::not_a_date: return "not_a_date";
    }
    return "none";
}

nlohmann::json draft_json(const AppState& state, const Catalog& catalog) {
    if (state.draft.question < 0) return nullptr;
    return {{"question", catalog.set.questions[static_cast<std::size_t>(state.draft.question)].id},
            {"options", state.draft.options},
            {"text", state.draft.text},
            {"problem", state.draft.problem == AnswerDraft::Problem::none ? nlohmann::json(nullptr)
                                                                          : nlohmann::json(problem_name(state.draft.problem))}};
}

void add_catalog_fields(nlohmann::json& out, const AppState& state, const Catalog& catalog) {
    out["data_version"] = catalog.set.version;
    out["visible"] = policy_ids(catalog, state.list.visible);
    out["selected"] = state.selected >= 0 ? nlohmann::json(catalog.set.policies[static_cast<std::size_t>(state.selected)].id)
                                          : nlohmann::json(nullptr);
    out["compare"] = policy_ids(catalog, state.compare);

    nlohmann::json statuses = nlohmann::json::object();
    for (const core::PolicyOutcome& outcome : state.evaluation.results) {
        statuses[catalog.set.policies[static_cast<std::size_t>(outcome.policy)].id] = std::string(core::to_string(outcome.status));
    }
    out["statuses"] = std::move(statuses);
    nlohmann::json certainty = nlohmann::json::object();
    for (const core::PolicyOutcome& outcome : state.evaluation.results) {
        certainty[catalog.set.policies[static_cast<std::size_t>(outcome.policy)].id] = std::string(core::to_string(outcome.certainty));
    }
    out["certainty"] = std::move(certainty);
    const std::optional<int> next = current_question(state);
    out["next_question"] = next ? nlohmann::json(catalog.set.questions[static_cast<std::size_t>(*next)].id)
                                : nlohmann::json(nullptr);
    out["skipped_questions"] = question_ids(catalog, state.skipped_questions);
    out["history"] = question_ids(catalog, state.history);
    out["draft"] = draft_json(state, catalog);
    out["best_bundle"] = core::bundle_json(catalog.set, state.evaluation.best_bundle);  // as policyctl prints it
    out["skipped_policies"] = skipped_policies(catalog);
}

nlohmann::json preview_json(const AppState& state) {
    if (!state.preview) return nullptr;
    nlohmann::json problems = nlohmann::json::array();
    for (const PreviewProblem& p : state.preview->problems) {
        const bool error = p.severity == core::Severity::error;
        problems.push_back({{"severity", error ? "error" : "warning"}, {"pointer", p.pointer}, {"line", p.line},
                            {"column", p.column}, {"code", p.code}, {"message", p.message}});
    }
    return {{"file", state.preview->file}, {"problems", problems}, {"linted", state.preview->linted}};
}

}  // namespace

nlohmann::json snapshot(const AppState& state) {
    nlohmann::json out = nlohmann::json::object();
    out["lang"] = std::string(core::lang_code(state.lang));
    out["view"] = view_name(state.view);
    out["frames"] = state.frames;
    out["error"] = state.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(state.error);
    out["query"] = state.query;
    out["filters"] = {{"categories", state.filters.categories}, {"audiences", state.filters.audiences}};
    out["sort"] = sort_name(state.sort);
    out["profile"] = state.profile;
    out["as_of"] = state.as_of.to_string();
    out["link_problems"] = state.link_problems;
    out["remember_on_device"] = state.remember_on_device;
    out["preview"] = preview_json(state);
    out["details"] = details_json(state);
    out["english"] = english_json(state);
    out["preview_error"] = state.preview_error.empty() ? nlohmann::json(nullptr) : nlohmann::json(state.preview_error);
    out["open_url"] = state.last_open_url.empty() ? nlohmann::json(nullptr) : nlohmann::json(state.last_open_url);
    if (state.catalog) {
        add_catalog_fields(out, state, *state.catalog);
    } else {
        for (const char* key : {"visible", "compare", "skipped_questions", "history", "skipped_policies"})
            out[key] = nlohmann::json::array();
        out["selected"] = nullptr;
        out["statuses"] = nlohmann::json::object();
        out["certainty"] = nlohmann::json::object();
        out["next_question"] = nullptr;
        out["draft"] = nullptr;
        out["best_bundle"] = nullptr;
        out["data_version"] = nullptr;
    }
    return out;
}

}  // namespace portal::app
