// Details of one policy: everything the data says about it, each figure next to where it comes from, and, once
// the visitor has answered questions, how each condition applies to them.
#include "ui/detail_view.hpp"

#include <imgui.h>

#include "ui/format.hpp"
#include "ui/layout.hpp"
#include "ui/policy_bits.hpp"
#include "ui/text_layout.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace portal::ui {
namespace {

ImU32 muted() { return colour(palette().text_muted); }

const core::PolicyOutcome* outcome_for(const ViewContext& ctx, int policy) {
    if (!app::has_answers(ctx.state)) return nullptr;
    const auto& results = ctx.state.evaluation.results;
    return policy < static_cast<int>(results.size()) ? &results[static_cast<std::size_t>(policy)] : nullptr;
}

void draw_top_bar(ViewContext& ctx, int policy) {
    if (button(ctx.t(str::back), "detail:back", ButtonKind::quiet)) {
        ctx.intents.push([](app::AppState& s) { app::close_detail(s); });
    }
    ctx.locator.mark("detail:back");
    const bool chosen = app::in_compare(ctx.state, policy);
    const float compare_w = button_width(chosen ? ctx.t(str::compare_added) : ctx.t(str::compare_add));
    ImGui::SameLine(0, 0);
    ImGui::SetCursorScreenPos(ImVec2(column_right() - compare_w, ImGui::GetCursorScreenPos().y));
    compare_toggle(ctx, policy, compare_w);
}

void draw_badges(ViewContext& ctx, int policy, const core::PolicyOutcome* outcome) {
    const core::Policy& p = policy_at(ctx, policy);
    Flow flow(8.0f);
    const std::string category = category_name(ctx, p);
    flow.next(badge_width(category));
    badge(category, {palette().accent_active, palette().accent_soft});
    const core::Certainty certainty = certainty_at(ctx, policy);
    const std::string sure = certainty_label(ctx, policy);
    flow.next(badge_width(sure));
    badge(sure, certainty_style(certainty));
    ctx.locator.mark("detail:certainty");
    if (outcome) {
        const std::string status = ctx.t(status_phrase(outcome->status, certainty));
        flow.next(badge_width(status));
        badge(status, status_style(outcome->status, certainty));
        ctx.locator.mark("detail:status");
    }
}

// Terms that are only an example must never read as fact: said in words, before any figure.
void draw_example_warning(ViewContext& ctx) {
    const Palette& pal = palette();
    begin_panel(16.0f);
    paragraph(std::string(ctx.t(str::rel_illustrative)), colour(pal.warning));
    paragraph(ctx.t(str::rel_illustrative_why));
    end_panel(&pal.warning_soft, &pal.warning);
    ctx.locator.mark("detail:example");
}

void draw_value(ViewContext& ctx, int policy, const core::PolicyOutcome* outcome) {
    const core::Policy& p = policy_at(ctx, policy);
    const Palette& pal = palette();
    begin_panel(16.0f);
    ImGui::PushFont(ctx.fonts.heading);
    const app::HeadlineValue& value = ctx.catalog.headlines[static_cast<std::size_t>(policy)];
    paragraph(headline(ctx.lang(), value, p), colour(headline_is_value(value) ? pal.youth : pal.text_muted));
    ImGui::PopFont();
    const std::string amount = outcome && outcome->status == core::Status::eligible ? wording::outcome_amount(ctx.lang(), *outcome) : "";
    if (!amount.empty()) paragraph(fill(ctx.t(str::your_amount), amount), colour(pal.success));
    if (certainty_at(ctx, policy) == core::Certainty::unconfirmed) {
        paragraph(ctx.t(str::unconfirmed_why), colour(pal.warning));
        ctx.locator.mark("detail:unconfirmed");
    }
    std::string when = std::string(ctx.t(str::validity_prefix)) + validity_text(ctx.lang(), p.valid);
    const ValidityState state = validity_state(p.valid, ctx.state.as_of);
    if (state != ValidityState::open) when += "  " + std::string(ctx.t(state == ValidityState::expired ? str::expired : str::not_yet_open));
    paragraph(when, colour(state == ValidityState::expired ? pal.danger : pal.text_muted));
    const std::vector<std::string> audiences = audience_names(ctx, p);
    paragraph(std::string(ctx.t(str::audiences_prefix)) +
                  (audiences.empty() ? std::string(ctx.t(str::audiences_all)) : join_list(ctx.lang(), audiences)),
              muted());
    end_panel(&pal.surface, &pal.border);
}

void draw_benefits(ViewContext& ctx, int policy, const core::PolicyOutcome* outcome) {
    const core::Policy& p = policy_at(ctx, policy);
    if (p.benefits.empty()) return;
    section_heading(ctx.fonts.heading, ctx.t(str::sec_benefits));
    for (std::size_t i = 0; i < p.benefits.size(); ++i) {
        const core::Benefit& b = p.benefits[i];
        const auto range = app::benefit_total_range(ctx.set(), policy, static_cast<int>(i), ctx.state.as_of);
        paragraph("• " + fill(ctx.t(str::with_mark), benefit_line(ctx.lang(), b, range), ctx.t(kind_phrase(b.kind))));
        if (outcome && outcome->status != core::Status::ineligible && i < outcome->benefits.size()) {
            const auto& total = outcome->benefits[i].total;
            if (total && range && range->min != range->max) {
                ImGui::Indent(16.0f);
                paragraph(fill(ctx.t(str::your_amount), money(ctx.lang(), *total).c_str()), colour(palette().success));
                ImGui::Unindent(16.0f);
            }
        }
    }
}

const Phrase& criteria_intro(core::EligibleWhen when) {
    switch (when) {
        case core::EligibleWhen::all: return str::criteria_all;
        case core::EligibleWhen::any: return str::criteria_any;
        case core::EligibleWhen::rule: return str::criteria_rule;
    }
    return str::criteria_all;
}

void draw_criterion(ViewContext& ctx, const core::Criterion& c, const core::CriterionOutcome* outcome) {
    ImGui::BeginGroup();
    if (outcome) {
        const std::string label = ctx.t(criterion_phrase(outcome->status));
        badge(label, criterion_style(outcome->status));
        ImGui::SameLine(0, 10.0f);
    } else {
        ImGui::TextColored(palette().accent, "•");
        ImGui::SameLine(0, 8.0f);
    }
    ImGui::BeginGroup();
    paragraph(text(ctx.lang(), c.label));
    if (!c.terms.empty()) paragraph(fill(ctx.t(str::terms_of), text(ctx.lang(), c.terms).c_str()), muted());
    if (outcome && outcome->status != core::CriterionStatus::pass && !c.hint.empty()) {
        paragraph(fill(ctx.t(str::hint), text(ctx.lang(), c.hint).c_str()),
                  colour(outcome->status == core::CriterionStatus::fail ? palette().danger : palette().text_muted));
    }
    ImGui::EndGroup();
    ImGui::EndGroup();
}

void draw_criteria(ViewContext& ctx, int policy, const core::PolicyOutcome* outcome) {
    const core::Policy& p = policy_at(ctx, policy);
    section_heading(ctx.fonts.heading, ctx.t(str::sec_criteria));
    if (p.criteria.empty()) {
        paragraph(ctx.t(str::no_criteria), muted());
        return;
    }
    paragraph(ctx.t(criteria_intro(p.eligible_when)), muted());
    for (std::size_t i = 0; i < p.criteria.size(); ++i) {
        const core::CriterionOutcome* co = outcome && i < outcome->criteria.size() ? &outcome->criteria[i] : nullptr;
        draw_criterion(ctx, p.criteria[i], co);
        ctx.locator.mark("criterion:" + p.criteria[i].id);
    }
    if (!outcome) {
        vertical_space(2.0f);
        paragraph(ctx.t(str::answer_to_see), muted());
        if (button(ctx.t(str::go_check), "detail:check", ButtonKind::secondary)) {
            ctx.intents.push([](app::AppState& s) { app::show_view(s, app::View::check); });
        }
        ctx.locator.mark("detail:check");
    }
}

void draw_terms(ViewContext& ctx, const core::Policy& p) {
    if (p.terms.empty()) return;
    section_heading(ctx.fonts.heading, ctx.t(str::sec_terms));
    paragraph(text(ctx.lang(), p.terms));
}

void draw_apply(ViewContext& ctx, const core::Policy& p) {
    if (p.apply.how.empty() && p.apply.where.empty() && p.apply.links.empty()) return;
    section_heading(ctx.fonts.heading, ctx.t(str::sec_apply));
    if (!p.apply.how.empty()) paragraph(text(ctx.lang(), p.apply.how));
    if (!p.apply.where.empty()) paragraph(fill(ctx.t(str::apply_where), text(ctx.lang(), p.apply.where).c_str()), muted());
    Flow flow(8.0f);
    for (std::size_t i = 0; i < p.apply.links.size(); ++i) {
        const core::Link& link = p.apply.links[i];
        if (!app::openable_url(link.url)) continue;  // the loader rejects these; never offer one anyway
        const std::string label = (link.label.empty() ? link.url : text(ctx.lang(), link.label)) + " →";
        const std::string id = "link:" + std::to_string(i);
        flow.next(button_width(label));
        if (button(label, id, ButtonKind::secondary)) {
            const std::string url = link.url;
            ctx.intents.push([url](app::AppState& s) { app::request_open_url(s, url); });
        }
        ctx.locator.mark(id);
    }
}

void draw_validity(ViewContext& ctx, const core::Policy& p) {
    section_heading(ctx.fonts.heading, ctx.t(str::sec_validity));
    std::string line = validity_text(ctx.lang(), p.valid);
    const ValidityState state = validity_state(p.valid, ctx.state.as_of);
    if (state == ValidityState::expired) line += "  " + fill(ctx.t(str::expired_on), p.valid.until->to_string().c_str());
    if (state == ValidityState::not_yet) line += "  " + fill(ctx.t(str::opens_on), p.valid.from->to_string().c_str());
    paragraph(line, state == ValidityState::open ? 0 : colour(palette().danger));
}

void draw_exclusions(ViewContext& ctx, int policy) {
    section_heading(ctx.fonts.heading, ctx.t(str::sec_excludes));
    const auto& excluded = ctx.set().exclusions[static_cast<std::size_t>(policy)];
    if (excluded.empty()) {
        paragraph(ctx.t(str::no_excludes), muted());
        return;
    }
    for (int other : excluded) {
        const std::string id = "exclude:" + policy_at(ctx, other).id;
        if (button(policy_title(ctx, other) + " →", id, ButtonKind::quiet)) {
            ctx.intents.push([other](app::AppState& s) { app::open_policy(s, other); });
        }
        ctx.locator.mark(id);
    }
}

void draw_source(ViewContext& ctx, const core::Policy& p) {
    section_heading(ctx.fonts.heading, ctx.t(str::sec_source));
    const core::Source* source = source_of(ctx, p);
    badge(reliability_label(ctx, p), reliability_style(reliability_of(ctx, p), p.illustrative));
    paragraph(ctx.t(reliability_explanation(reliability_of(ctx, p), p.illustrative)), muted());
    if (!source) return;
    // Publisher, title, date: who said it first, as a citizen would cite it.
    std::string line = text(ctx.lang(), source->title);
    if (!source->publisher.empty()) line = fill(ctx.t(str::source_line), text(ctx.lang(), source->publisher), line);
    if (source->date) line = fill(ctx.t(str::source_line), line.c_str(), fill(ctx.t(str::published_on), source->date->to_string().c_str()).c_str());
    paragraph(line);
    if (app::openable_url(source->url)) {
        if (button(ctx.t(str::open_source), "source-link", ButtonKind::secondary)) {
            const std::string url = source->url;
            ctx.intents.push([url](app::AppState& s) { app::request_open_url(s, url); });
        }
        ctx.locator.mark("source-link");
    }
}

// The details may still be on their way (app/details.hpp): a loading line until they arrive, never an empty section.
void draw_details(ViewContext& ctx, int policy) {
    const app::PolicyDetails details = app::policy_details(ctx.state, policy);
    if (details.kind == app::PolicyDetails::Kind::none) return;
    section_heading(ctx.fonts.heading, ctx.t(str::sec_details));
    switch (details.kind) {
        case app::PolicyDetails::Kind::text: paragraph(text(ctx.lang(), *details.text)); break;
        case app::PolicyDetails::Kind::loading: paragraph(ctx.t(str::details_loading), muted()); break;
        case app::PolicyDetails::Kind::unavailable:
            paragraph(fill(ctx.t(str::details_unavailable), details.why.c_str()), colour(palette().warning));
            break;
        case app::PolicyDetails::Kind::none: break;
    }
    ctx.locator.mark("detail:details");
}

}  // namespace

void draw_detail(ViewContext& ctx) {
    const int policy = ctx.state.selected;
    if (policy < 0 || policy >= static_cast<int>(ctx.set().policies.size())) return;
    const core::Policy& p = policy_at(ctx, policy);
    const core::PolicyOutcome* outcome = outcome_for(ctx, policy);

    Column column(kReadingWidth);
    draw_top_bar(ctx, policy);
    vertical_space(4.0f);
    draw_badges(ctx, policy, outcome);
    // The page's own title stands well above the section headings and the body (21 px is only a heading): its
    // own size in the atlas (kTitleScale x the heading, about 27 px), rasterised at that size so it stays sharp.
    // The booth has no title size: there the heading face is enlarged instead.
    const bool own_size = ctx.fonts.title != ctx.fonts.heading;
    ImGui::PushFont(ctx.fonts.title);
    if (!own_size) ImGui::SetWindowFontScale(kTitleScale);
    paragraph(text(ctx.lang(), p.title));
    if (!own_size) ImGui::SetWindowFontScale(1.0f);
    ImGui::PopFont();
    ctx.locator.mark("detail:title");
    if (!p.summary.empty()) paragraph(text(ctx.lang(), p.summary));
    vertical_space(4.0f);
    if (p.illustrative) draw_example_warning(ctx);
    draw_value(ctx, policy, outcome);
    draw_details(ctx, policy);
    draw_benefits(ctx, policy, outcome);
    draw_criteria(ctx, policy, outcome);
    draw_terms(ctx, p);
    draw_apply(ctx, p);
    draw_validity(ctx, p);
    draw_exclusions(ctx, policy);
    draw_source(ctx, p);
}

}  // namespace portal::ui
