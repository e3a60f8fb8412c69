// Compare: two to four chosen policies side by side. On a wide screen a table (one column per policy); on a
// phone each attribute becomes a short section listing the policies one under another, which reads better
// than four 80-pixel columns.
#include "ui/compare_view.hpp"

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
    return &ctx.state.evaluation.results[static_cast<std::size_t>(policy)];
}

// ---- one attribute of one policy ------------------------------------------------------------------------------------

void cell_category(ViewContext& ctx, int policy) { paragraph(category_name(ctx, policy_at(ctx, policy))); }

void cell_value(ViewContext& ctx, int policy) {
    const core::Policy& p = policy_at(ctx, policy);
    const app::HeadlineValue& value = ctx.catalog.headlines[static_cast<std::size_t>(policy)];
    paragraph(headline(ctx.lang(), value, p), colour(headline_is_value(value) ? palette().youth : palette().text_muted));
    const core::PolicyOutcome* outcome = outcome_for(ctx, policy);
    const std::string amount = outcome && outcome->status == core::Status::eligible ? wording::outcome_amount(ctx.lang(), *outcome) : "";
    if (!amount.empty()) paragraph(fill(ctx.t(str::your_amount), amount), colour(palette().success));
}

void cell_benefits(ViewContext& ctx, int policy) {
    const core::Policy& p = policy_at(ctx, policy);
    if (p.benefits.empty()) paragraph(ctx.t(str::none), muted());
    for (std::size_t i = 0; i < p.benefits.size(); ++i) {
        const auto range = app::benefit_total_range(ctx.set(), policy, static_cast<int>(i), ctx.state.as_of);
        paragraph("• " + benefit_line(ctx.lang(), p.benefits[i], range));
    }
}

void cell_conditions(ViewContext& ctx, int policy) {
    const core::Policy& p = policy_at(ctx, policy);
    const core::PolicyOutcome* outcome = outcome_for(ctx, policy);
    if (p.criteria.empty()) paragraph(ctx.t(str::no_criteria), muted());
    for (std::size_t i = 0; i < p.criteria.size(); ++i) {
        const std::string mark = outcome ? std::string(ctx.t(criterion_phrase(outcome->criteria[i].status))) + " " : "• ";
        ImU32 tint = 0;
        if (outcome && outcome->criteria[i].status == core::CriterionStatus::fail) tint = colour(palette().danger);
        if (outcome && outcome->criteria[i].status == core::CriterionStatus::pass) tint = colour(palette().success);
        paragraph(mark + text(ctx.lang(), p.criteria[i].label), tint);
    }
}

void cell_status(ViewContext& ctx, int policy) {
    const core::PolicyOutcome* outcome = outcome_for(ctx, policy);
    if (!outcome) return;
    badge(ctx.t(status_phrase(outcome->status, outcome->certainty)), status_style(outcome->status, outcome->certainty));
}

void cell_validity(ViewContext& ctx, int policy) {
    const core::Policy& p = policy_at(ctx, policy);
    std::string line = validity_text(ctx.lang(), p.valid);
    const ValidityState state = validity_state(p.valid, ctx.state.as_of);
    if (state != ValidityState::open) line += "  " + std::string(ctx.t(state == ValidityState::expired ? str::expired : str::not_yet_open));
    paragraph(line, state == ValidityState::expired ? colour(palette().danger) : 0);
}

void cell_reliability(ViewContext& ctx, int policy) {
    const core::Policy& p = policy_at(ctx, policy);
    badge(certainty_label(ctx, policy), certainty_style(certainty_at(ctx, policy)));
    badge(reliability_label(ctx, p), reliability_style(reliability_of(ctx, p), p.illustrative));
    const core::Source* source = source_of(ctx, p);
    if (source) {
        std::string line = text(ctx.lang(), source->title);
        if (!source->publisher.empty()) line = fill(ctx.t(str::source_line), text(ctx.lang(), source->publisher), line);
        if (source->date) line = fill(ctx.t(str::source_line), line, source->date->to_string());
        paragraph(line, muted());
    }
}

void cell_excludes(ViewContext& ctx, int policy) {
    const auto& excluded = ctx.set().exclusions[static_cast<std::size_t>(policy)];
    if (excluded.empty()) {
        paragraph(ctx.t(str::none), muted());
        return;
    }
    std::vector<std::string> titles;
    for (int other : excluded) titles.push_back(policy_title(ctx, other));
    paragraph(join_list(ctx.lang(), titles));
}

struct Attribute {
    const Phrase* name;
    void (*draw)(ViewContext&, int);
    bool needs_answers;
};

constexpr Attribute kAttributes[] = {
    {&str::row_category, cell_category, false},     {&str::row_value, cell_value, false},
    {&str::row_benefits, cell_benefits, false},     {&str::row_conditions, cell_conditions, false},
    {&str::row_status, cell_status, true},          {&str::row_validity, cell_validity, false},
    {&str::row_reliability, cell_reliability, false}, {&str::row_excludes, cell_excludes, false},
};

// The policy's title, then "details" and "remove" side by side (stacked only when they do not fit).
void policy_header(ViewContext& ctx, int policy) {
    const core::Policy& p = policy_at(ctx, policy);
    ImGui::PushFont(ctx.fonts.heading);
    paragraph(policy_title(ctx, policy), colour(palette().text));
    ImGui::PopFont();
    ctx.locator.mark("compare-title:" + p.id);
    Flow flow(8.0f);
    const std::string open_id = "compare-open:" + p.id;
    flow.next(button_width(ctx.t(str::view_details)));
    if (button(ctx.t(str::view_details), open_id, ButtonKind::secondary)) {
        ctx.intents.push([policy](app::AppState& s) { app::open_policy(s, policy); });
    }
    ctx.locator.mark(open_id);
    const std::string remove_id = "compare:" + p.id;
    flow.next(button_width(ctx.t(str::remove)));
    if (button(ctx.t(str::remove), remove_id, ButtonKind::quiet)) {
        ctx.intents.push([policy](app::AppState& s) { app::toggle_compare(s, policy); });
    }
    ctx.locator.mark(remove_id);
}

// ---- wide: a table --------------------------------------------------------------------------------------------------

void within_cell(ViewContext& ctx, int policy, void (*draw)(ViewContext&, int)) {
    ColumnEdge edge(ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x);
    draw(ctx, policy);
}

void draw_table(ViewContext& ctx) {
    const auto& chosen = ctx.state.compare;
    const int columns = static_cast<int>(chosen.size()) + 1;
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_SizingStretchSame;
    if (!ImGui::BeginTable("##compare", columns, flags)) return;
    ImGui::TableSetupColumn("##attribute", ImGuiTableColumnFlags_WidthFixed, 150.0f);
    for (std::size_t i = 0; i < chosen.size(); ++i) ImGui::TableSetupColumn(("##policy" + std::to_string(i)).c_str());

    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    text_line(ctx.t(str::row_policy), colour(palette().text_muted));
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
        ImGui::PushID(chosen[i]);
        ColumnEdge edge(ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x);
        policy_header(ctx, chosen[i]);
        ImGui::PopID();
    }
    for (const Attribute& attribute : kAttributes) {
        if (attribute.needs_answers && !app::has_answers(ctx.state)) continue;
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        text_line(ctx.t(*attribute.name), colour(palette().text_muted));
        for (std::size_t i = 0; i < chosen.size(); ++i) {
            ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
            ImGui::PushID(chosen[i]);
            within_cell(ctx, chosen[i], attribute.draw);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

// ---- narrow: stacked sections ---------------------------------------------------------------------------------------

void draw_stacked(ViewContext& ctx) {
    const auto& chosen = ctx.state.compare;
    for (int policy : chosen) {
        ImGui::PushID(policy);
        begin_panel(14.0f);
        policy_header(ctx, policy);
        end_panel();
        ImGui::PopID();
    }
    for (const Attribute& attribute : kAttributes) {
        if (attribute.needs_answers && !app::has_answers(ctx.state)) continue;
        section_heading(ctx.fonts.heading, ctx.t(*attribute.name), 3);
        for (int policy : chosen) {
            ImGui::PushID(policy);
            paragraph(policy_title(ctx, policy), colour(palette().accent));
            ImGui::Indent(12.0f);
            attribute.draw(ctx, policy);
            ImGui::Unindent(12.0f);
            ImGui::PopID();
        }
    }
}

void draw_empty(ViewContext& ctx) {
    begin_panel(24.0f);
    ImGui::PushFont(ctx.fonts.heading);
    paragraph(ctx.t(str::compare_title));
    ImGui::PopFont();
    paragraph(ctx.state.compare.size() == 1 ? ctx.t(str::compare_need_one) : ctx.t(str::compare_empty), muted());
    for (int policy : ctx.state.compare) {
        ImGui::PushID(policy);
        policy_header(ctx, policy);
        ImGui::PopID();
    }
    vertical_space(4.0f);
    if (button(ctx.t(str::go_explore), "compare:browse", ButtonKind::primary)) {
        ctx.intents.push([](app::AppState& s) { app::show_view(s, app::View::explore); });
    }
    ctx.locator.mark("compare:browse");
    end_panel();
}

}  // namespace

void draw_compare(ViewContext& ctx) {
    Column column(kPageWidth);
    if (ctx.state.compare.size() < 2) {
        draw_empty(ctx);
        return;
    }
    ImGui::PushFont(ctx.fonts.heading);
    text_line(ctx.t(str::compare_title), 0, 2);
    ImGui::PopFont();
    vertical_space(2.0f);
    if (column.width() < 150.0f + 220.0f * static_cast<float>(ctx.state.compare.size())) draw_stacked(ctx);
    else draw_table(ctx);
}

}  // namespace portal::ui
