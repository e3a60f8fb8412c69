#include "ui/policy_bits.hpp"

#include "ui/format.hpp"
#include "ui/theme.hpp"

namespace portal::ui {

const core::Policy& policy_at(const ViewContext& ctx, int policy) {
    return ctx.set().policies[static_cast<std::size_t>(policy)];
}

std::string policy_title(const ViewContext& ctx, int policy) { return text(ctx.lang(), policy_at(ctx, policy).title); }

std::string category_name(const ViewContext& ctx, const core::Policy& policy) {
    if (policy.category_index < 0) return policy.category;
    return text(ctx.lang(), ctx.set().categories[static_cast<std::size_t>(policy.category_index)].name);
}

std::vector<std::string> audience_names(const ViewContext& ctx, const core::Policy& policy) {
    std::vector<std::string> names;
    for (const std::string& id : policy.audiences) {
        const int i = ctx.catalog.audience_index(id);
        names.push_back(i >= 0 ? text(ctx.lang(), ctx.catalog.audiences[static_cast<std::size_t>(i)].name) : id);
    }
    return names;
}

const core::Source* source_of(const ViewContext& ctx, const core::Policy& policy) {
    if (policy.source_index < 0) return nullptr;
    return &ctx.set().sources[static_cast<std::size_t>(policy.source_index)];
}

core::Reliability reliability_of(const ViewContext& ctx, const core::Policy& policy) {
    const core::Source* source = source_of(ctx, policy);
    return source ? source->reliability : core::Reliability::article;
}

BadgeStyle reliability_style(core::Reliability reliability, bool illustrative) {
    const Palette& p = palette();
    if (illustrative) return {p.warning, p.warning_soft};
    switch (reliability) {
        case core::Reliability::confirmed: return {p.success, p.success_soft};
        case core::Reliability::secondary: return {p.accent_active, p.accent_soft};
        case core::Reliability::article: return {p.text_muted, p.surface_alt};
    }
    return {p.text_muted, p.surface_alt};
}

core::Certainty certainty_at(const ViewContext& ctx, int policy) {
    const auto& results = ctx.state.evaluation.results;
    const auto i = static_cast<std::size_t>(policy);
    if (i < results.size() && results[i].policy == policy) return results[i].certainty;
    return core::certainty_of(ctx.set(), policy, ctx.state.as_of);
}

BadgeStyle certainty_style(core::Certainty certainty) {
    const Palette& p = palette();
    if (certainty == core::Certainty::confirmed) return {p.success, p.success_soft};
    return {p.warning, p.warning_soft};
}

BadgeStyle status_style(core::Status status, core::Certainty certainty) {
    const Palette& p = palette();
    // An eligible result that is not confirmed is not drawn in the "settled" green.
    if (status == core::Status::eligible && certainty != core::Certainty::confirmed) return {p.warning, p.warning_soft};
    switch (status) {
        case core::Status::eligible: return {p.success, p.success_soft};
        case core::Status::ineligible: return {p.danger, p.danger_soft};
        case core::Status::unknown: return {p.warning, p.warning_soft};
    }
    return {p.text_muted, p.surface_alt};
}

BadgeStyle criterion_style(core::CriterionStatus status) {
    const Palette& p = palette();
    switch (status) {
        case core::CriterionStatus::pass: return {p.success, p.success_soft};
        case core::CriterionStatus::fail: return {p.danger, p.danger_soft};
        case core::CriterionStatus::unknown: return {p.text_muted, p.surface_alt};
    }
    return {p.text_muted, p.surface_alt};
}

std::string reliability_label(const ViewContext& ctx, const core::Policy& policy) {
    return ctx.t(reliability_phrase(reliability_of(ctx, policy), policy.illustrative));
}

std::string certainty_label(const ViewContext& ctx, int policy) {
    return ctx.t(wording::certainty_phrase(certainty_at(ctx, policy)));
}

void compare_toggle(ViewContext& ctx, int policy, float width) {
    const bool chosen = app::in_compare(ctx.state, policy);
    const bool full = !chosen && ctx.state.compare.size() >= app::kMaxCompare;
    const char* label = chosen ? ctx.t(str::compare_added) : full ? ctx.t(str::compare_full) : ctx.t(str::compare_add);
    const std::string id = "compare:" + policy_at(ctx, policy).id;
    if (button(label, id, chosen ? ButtonKind::selected : ButtonKind::secondary, width, !full)) {
        ctx.intents.push([policy](app::AppState& s) { app::toggle_compare(s, policy); });
    }
    ctx.locator.mark(id);
}

std::string question_labels(const ViewContext& ctx, const std::vector<int>& questions) {
    // Labels are questions ("你的年龄？"), so they are set apart with a dot rather than run into a sentence.
    std::string out;
    for (int q : questions) {
        if (!out.empty()) out += " · ";
        out += text(ctx.lang(), ctx.set().questions[static_cast<std::size_t>(q)].label);
    }
    return out;
}

}  // namespace portal::ui
