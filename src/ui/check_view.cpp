// Check: the guided questionnaire (one question at a time, as the engine picks them), the visitor's answers
// (editable at any time), and the live results with the best combination of policies.
#include "ui/check_view.hpp"

#include "app/device_memory.hpp"
#include "app/share_link.hpp"
#include "app/summary_download.hpp"
#include "core/date.hpp"

#include <imgui.h>
#include "ui/imgui_private.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "ui/format.hpp"
#include "ui/booth.hpp"
#include "ui/layout.hpp"
#include "ui/policy_bits.hpp"
#include "ui/text_layout.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace portal::ui {
namespace {

ImU32 muted() { return colour(palette().text_muted); }

const core::Question& question_at(const ViewContext& ctx, int q) { return ctx.set().questions[static_cast<std::size_t>(q)]; }

const nlohmann::json* answer_of(const ViewContext& ctx, int q) {
    const auto it = ctx.state.profile.find(question_at(ctx, q).id);
    return it == ctx.state.profile.end() ? nullptr : &*it;
}

int answered_count(const ViewContext& ctx) { return static_cast<int>(ctx.state.profile.size()); }

// ---- answer widgets ---------------------------------------------------------------------------------------------

void push_answer(ViewContext& ctx, int q, nlohmann::json value) {
    ctx.intents.push([q, value](app::AppState& s) { app::answer(s, q, value); });
}

void answer_boolean(ViewContext& ctx, int q) {
    const nlohmann::json* current = answer_of(ctx, q);
    const float width = std::floor((available_width() - 12.0f) * 0.5f);
    for (bool value : {true, false}) {
        if (!value) ImGui::SameLine(0, 12.0f);
        const bool chosen = current && current->is_boolean() && current->get<bool>() == value;
        const std::string label = (chosen ? "✓ " : "") + std::string(ctx.t(value ? str::yes : str::no));
        const char* id = value ? "answer:true" : "answer:false";
        if (button(label, id, chosen ? ButtonKind::selected : ButtonKind::secondary, width)) push_answer(ctx, q, value);
        ctx.locator.mark(id);
    }
}

void answer_choice(ViewContext& ctx, int q) {
    const core::Question& question = question_at(ctx, q);
    const nlohmann::json* current = answer_of(ctx, q);
    for (const core::Option& option : question.options) {
        const bool chosen = current && current->is_string() && current->get<std::string>() == option.value;
        const std::string label = (chosen ? "✓ " : "") + text(ctx.lang(), option.label);
        const std::string id = "answer:" + option.value;
        if (button(label, id, chosen ? ButtonKind::selected : ButtonKind::secondary, -1.0f, true, 0.0f))
            push_answer(ctx, q, option.value);
        ctx.locator.mark(id);
    }
}

void commit(ViewContext& ctx) {
    ctx.intents.push([](app::AppState& s) { app::commit_draft(s); });
    ctx.memory.focus_answer_field = true;  // if the answer is refused, the field takes the keyboard back
}

void next_button(ViewContext& ctx) {
    if (button(ctx.t(str::next), "next", ButtonKind::primary, is_narrow() ? -1.0f : 0.0f)) commit(ctx);
    ctx.locator.mark("next");
}

void answer_multi(ViewContext& ctx, int q) {
    const core::Question& question = question_at(ctx, q);
    const auto& chosen_values = ctx.state.draft.question == q ? ctx.state.draft.options : std::vector<std::string>{};
    // The question's own help usually says already that several answers are fine: then only the rest is added.
    paragraph(ctx.t(question.help.empty() ? str::multi_hint : str::multi_hint_short), muted());
    for (const core::Option& option : question.options) {
        const bool chosen = std::find(chosen_values.begin(), chosen_values.end(), option.value) != chosen_values.end();
        const std::string label = (chosen ? "✓ " : "") + text(ctx.lang(), option.label);
        const std::string id = "answer:" + option.value;
        if (button(label, id, chosen ? ButtonKind::selected : ButtonKind::secondary, -1.0f, true, 0.0f)) {
            const std::string value = option.value;
            ctx.intents.push([q, value](app::AppState& s) { app::toggle_draft_option(s, q, value); });
        }
        ctx.locator.mark(id);
    }
    vertical_space(2.0f);
    next_button(ctx);
}

std::string input_hint(const ViewContext& ctx, const core::Question& question) {
    if (question.type == core::QuestionType::date) return ctx.t(str::date_hint);
    if (question.min && question.max)
        return fill(ctx.t(str::number_range), plain_number(*question.min).c_str(), plain_number(*question.max).c_str());
    return ctx.t(str::number_hint);
}

// A date typed in another form than year-month-day is shown back as the date read, so "6/7" slips show up.
void draw_date_read(ViewContext& ctx, int q) {
    if (ctx.state.draft.question != q) return;
    const std::optional<core::Date> read = core::Date::parse_typed(ctx.state.draft.text);
    if (!read || read->to_string() == ctx.state.draft.text) return;
    paragraph(fill(ctx.t(str::date_reads_as), read->to_string().c_str()), muted());
    ctx.locator.mark("answer:reads-as");
}

void answer_input(ViewContext& ctx, int q) {
    const core::Question& question = question_at(ctx, q);
    std::string& buffer = ctx.memory.answer_buffer;
    const ImGuiID field = ImGui::GetID("##answer-input");
    if (ctx.memory.answer_buffer_question != q || (ImGui::GetActiveID() != field && buffer != ctx.state.draft.text)) {
        buffer = ctx.state.draft.question == q ? ctx.state.draft.text : std::string();
        ctx.memory.answer_buffer_question = q;
    }
    const std::string hint = input_hint(ctx, question);
    const std::string unit = question.unit.empty() ? std::string() : text(ctx.lang(), question.unit);
    const float unit_w = unit.empty() ? 0.0f : ImGui::CalcTextSize(unit.c_str()).x + 10.0f;
    const bool refocus = ctx.memory.focus_answer_field && ctx.state.draft.problem != app::AnswerDraft::Problem::none;
    if (refocus) ImGui::SetKeyboardFocusHere();
    ctx.memory.focus_answer_field = false;
    // Short answers are retyped rather than edited: the text is selected whenever the field takes the keyboard
    // (a refused answer comes back selected, so the corrected value is typed straight over it).
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll |
                                      (question.type == core::QuestionType::number ? ImGuiInputTextFlags_CharsScientific : 0);
    const EntryKind kind = question.type == core::QuestionType::number ? EntryKind::decimal : EntryKind::numeric;
    const bool entered =
        text_field("##answer-input", hint.c_str(), buffer, std::min(320.0f, available_width() - unit_w), flags, kind);
    ctx.locator.mark("answer:input");
    // A field scrolled out of its pane stops being edited, so keys never go to a field the visitor cannot see
    // (and the page's input does not float over other widgets). What was typed is kept in the draft.
    if (ImGui::IsItemActive() && !ImGui::IsItemVisible()) ImGui::ClearActiveID();
    if (ImGui::IsItemEdited()) {
        const std::string typed = buffer;
        ctx.intents.push([q, typed](app::AppState& s) { app::set_draft_text(s, q, typed); });
    }
    if (!unit.empty()) {
        ImGui::SameLine(0, 10.0f);
        align_text_to_buttons();
        text_line(unit);
    }
    if (question.type == core::QuestionType::date) draw_date_read(ctx, q);
    if (entered) commit(ctx);
    if (ctx.booth) ctx.booth->draw_keypad(ctx, q);  // a booth has no keyboard: tap the digits
    vertical_space(2.0f);
    next_button(ctx);
}

std::string problem_text(const ViewContext& ctx, const core::Question& question, app::AnswerDraft::Problem problem) {
    using Problem = app::AnswerDraft::Problem;
    switch (problem) {
        case Problem::none: return {};
        case Problem::empty: return ctx.t(str::problem_empty);
        case Problem::not_a_number: return ctx.t(str::problem_number);
        case Problem::below_min: return fill(ctx.t(str::problem_min), plain_number(question.min.value_or(0)).c_str());
        case Problem::above_max: return fill(ctx.t(str::problem_max), plain_number(question.max.value_or(0)).c_str());
        case Problem::not_a_date: return ctx.t(str::problem_date);
    }
    return {};
}

void draw_answer_widgets(ViewContext& ctx, int q) {
    const core::Question& question = question_at(ctx, q);
    switch (question.type) {
        case core::QuestionType::boolean: answer_boolean(ctx, q); break;
        case core::QuestionType::choice: answer_choice(ctx, q); break;
        case core::QuestionType::multi: answer_multi(ctx, q); break;
        case core::QuestionType::number:
        case core::QuestionType::date: answer_input(ctx, q); break;
    }
    if (ctx.state.draft.question == q && ctx.state.draft.problem != app::AnswerDraft::Problem::none) {
        paragraph("× " + problem_text(ctx, question, ctx.state.draft.problem), colour(palette().danger));
        ctx.locator.mark("answer:problem");
    }
}

void draw_question_nav(ViewContext& ctx) {
    vertical_space(4.0f);
    if (button(ctx.t(str::back_question), "back", ButtonKind::quiet, 0, !ctx.state.history.empty())) {
        ctx.intents.push([](app::AppState& s) { app::back(s); });
    }
    ctx.locator.mark("back");
    const float skip_w = button_width(ctx.t(str::skip));
    ImGui::SameLine(0, 0);
    ImGui::SetCursorScreenPos(ImVec2(column_right() - skip_w, ImGui::GetCursorScreenPos().y));
    if (button(ctx.t(str::skip), "skip", ButtonKind::quiet)) ctx.intents.push([](app::AppState& s) { app::skip_question(s); });
    ctx.locator.mark("skip");
}

void draw_done(ViewContext& ctx) {
    ImGui::PushFont(ctx.fonts.heading);
    paragraph(ctx.t(str::done_title), colour(palette().success));
    ImGui::PopFont();
    paragraph(ctx.t(str::done_body), muted());
    if (!ctx.state.skipped_questions.empty()) {
        paragraph(fill(ctx.t(str::skipped_left), static_cast<int>(ctx.state.skipped_questions.size())));
        if (button(ctx.t(str::ask_skipped), "unskip", ButtonKind::primary)) {
            ctx.intents.push([](app::AppState& s) { app::unskip_all(s); });
        }
        ctx.locator.mark("unskip");
    }
    if (button(ctx.t(str::back_question), "back", ButtonKind::quiet, 0, !ctx.state.history.empty())) {
        ctx.intents.push([](app::AppState& s) { app::back(s); });
    }
    ctx.locator.mark("back");
}

void draw_question_card(ViewContext& ctx) {
    const std::optional<int> current = app::current_question(ctx.state);
    begin_panel(20.0f);
    if (!current) {
        draw_done(ctx);
        end_panel();
        return;
    }
    const int q = *current;
    const core::Question& question = question_at(ctx, q);
    const int remaining = app::remaining_questions(ctx.state);
    const std::string progress = remaining > 0 ? fill(ctx.t(str::progress), answered_count(ctx), remaining)
                                               : fill(ctx.t(str::progress_last), answered_count(ctx));
    paragraph(progress, colour(palette().accent));
    ImGui::PushFont(ctx.fonts.heading);
    paragraph(text(ctx.lang(), question.label));
    ImGui::PopFont();
    ctx.locator.mark("question");
    if (!question.help.empty()) paragraph(text(ctx.lang(), question.help), muted());
    vertical_space(2.0f);
    ImGui::PushID(q);
    draw_answer_widgets(ctx, q);
    ImGui::PopID();
    draw_question_nav(ctx);
    end_panel();
}

// ---- answers summary ----------------------------------------------------------------------------------------------

// The questions answered or skipped, in the order the visitor met them (history), then any answer that came
// with the page (a shared link, this device's memory) in question order.
std::vector<int> summary_order(const ViewContext& ctx) {
    std::vector<int> order;
    const auto listed = [&](int q) { return std::find(order.begin(), order.end(), q) != order.end(); };
    for (int q : ctx.state.history) {
        if (!listed(q)) order.push_back(q);
    }
    for (std::size_t i = 0; i < ctx.set().questions.size(); ++i) {
        const int q = static_cast<int>(i);
        if (!listed(q) && answer_of(ctx, q)) order.push_back(q);
    }
    return order;
}

void reset_button(ViewContext& ctx) {
    if (button(ctx.t(str::start_over), "reset", ButtonKind::quiet)) ctx.intents.push([](app::AppState& s) { app::reset_answers(s); });
    ctx.locator.mark("reset");
}

void draw_summary(ViewContext& ctx) {
    section_heading(ctx.fonts.heading, ctx.t(str::summary_title));
    const auto& questions = ctx.set().questions;
    bool any = false;
    for (int q : summary_order(ctx)) {
        const std::size_t i = static_cast<std::size_t>(q);
        const nlohmann::json* value = answer_of(ctx, q);
        const bool skipped = std::find(ctx.state.skipped_questions.begin(), ctx.state.skipped_questions.end(), q) !=
                             ctx.state.skipped_questions.end();
        if (!value && !skipped) continue;
        any = true;
        ImGui::PushID(q);
        const std::string edit_id = "edit:" + questions[i].id;
        const float edit_w = button_width(ctx.t(str::edit));
        const ImVec2 row_start = ImGui::GetCursorScreenPos();
        {
            ColumnEdge edge(column_right() - edit_w - 12.0f);
            paragraph(text(ctx.lang(), questions[i].label), muted());
            paragraph(value ? answer_text(ctx.lang(), questions[i], *value) : std::string(ctx.t(str::skipped_mark)),
                      value ? 0 : muted());
        }
        const float text_bottom = ImGui::GetCursorScreenPos().y;
        ImGui::SetCursorScreenPos(ImVec2(column_right() - edit_w, row_start.y));
        if (button(ctx.t(str::edit), edit_id, ButtonKind::secondary)) {
            ctx.intents.push([q](app::AppState& s) { app::edit_answer(s, q); });
        }
        ctx.locator.mark(edit_id);
        const float bottom = std::max(text_bottom, ImGui::GetCursorScreenPos().y);
        ImGui::GetWindowDrawList()->AddLine(ImVec2(row_start.x, bottom - 5.0f), ImVec2(column_right(), bottom - 5.0f),
                                            colour(palette().border));
        ImGui::SetCursorScreenPos(ImVec2(row_start.x, bottom));
        ImGui::Dummy(ImVec2(1.0f, 1.0f));
        ImGui::PopID();
    }
    if (!any) {
        paragraph(ctx.t(str::summary_empty), muted());
        return;
    }
    if (ctx.booth) reset_button(ctx);  // on the site it stands in the results' action bar
}

// ---- results ------------------------------------------------------------------------------------------------------

// The three result groups hold policy indices in display order; the words of a row are only made for the
// rows on screen, so a list of thousands costs nothing while it scrolls.
std::string ineligible_reason(const ViewContext& ctx, const core::PolicyOutcome& o) {
    const core::Policy& p = policy_at(ctx, o.policy);
    if (o.reason == core::IneligibleReason::expired && p.valid.until)
        return fill(ctx.t(str::expired_on), p.valid.until->to_string());
    if (o.reason == core::IneligibleReason::not_yet_valid && p.valid.from)
        return fill(ctx.t(str::opens_on), p.valid.from->to_string());
    if (o.failed.empty()) return {};
    const core::Criterion& c = p.criteria[static_cast<std::size_t>(o.failed.front())];
    std::string reason = fill(ctx.t(str::failed_on), text(ctx.lang(), c.label));
    if (!c.hint.empty()) reason += (ctx.lang() == core::Lang::zh ? "。" : ". ") + fill(ctx.t(str::hint), text(ctx.lang(), c.hint));
    return reason;
}

// The second line of a row: what it is worth, what would decide it, or why not.
std::string row_reason(const ViewContext& ctx, const core::PolicyOutcome& o) {
    switch (o.status) {
        case core::Status::eligible: {
            // The visitor's own amount stands at the right of the row; below it the row says what the programme
            // is rather than repeat a figure ("最高 70 万元" beside "70 万元" reads as two amounts).
            const core::Policy& p = policy_at(ctx, o.policy);
            if (!wording::outcome_amount(ctx.lang(), o).empty() && !p.summary.empty()) return text(ctx.lang(), p.summary);
            return headline(ctx.lang(), ctx.catalog.headlines[static_cast<std::size_t>(o.policy)], p);
        }
        case core::Status::unknown: {
            if (o.missing.empty()) return ctx.t(str::not_assessed);
            const std::vector<int> deciding = core::deciding_questions(ctx.state.evaluation, o.policy);
            const int more = static_cast<int>(o.missing.size() - deciding.size());
            return more > 0 ? fill(ctx.t(str::maybe_needs_more), question_labels(ctx, deciding).c_str(), more)
                            : fill(ctx.t(str::maybe_needs), question_labels(ctx, deciding));
        }
        case core::Status::ineligible:
            return ineligible_reason(ctx, o);
    }
    return {};
}

// A row opens the policy. Full rows say what it is worth or what would decide it on a second line; compact rows
// (programmes to ask about, what is ruled out) are one line, with an example marked at the right.
void draw_result_row(ViewContext& ctx, int policy, core::Status status, float width, float row_h, bool compact) {
    const Palette& pal = palette();
    const core::PolicyOutcome& outcome = ctx.state.evaluation.results[static_cast<std::size_t>(policy)];
    const std::string id = "result:" + policy_at(ctx, policy).id;
    ImGui::PushID(policy);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("##row", ImVec2(width, row_h)))
        ctx.intents.push([policy](app::AppState& s) { app::open_policy(s, policy); });
    ctx.locator.mark(id);
    if (ImGui::IsItemVisible()) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 max(min.x + width, min.y + row_h);
        const float pad = compact ? 8.0f : 12.0f;
        dl->AddRectFilled(min, max, colour(pal.surface), 10.0f);
        dl->AddRect(min, max, colour(pointer_over_last_item() ? pal.accent : pal.border), 10.0f);
        dl->AddRectFilled(min, ImVec2(min.x + 5.0f, max.y), colour(status_style(status, outcome.certainty).text), 10.0f,
                          ImDrawFlags_RoundCornersLeft);
        focus_ring_for_last_item();
        const float x = min.x + 16.0f;
        const float inner = width - 32.0f;
        std::string value = status == core::Status::eligible ? wording::outcome_amount(ctx.lang(), outcome) : "";
        if (compact && outcome.certainty == core::Certainty::illustrative) value = ctx.t(str::example_mark);
        float value_w = 0;
        if (!value.empty()) {
            value_w = ImGui::CalcTextSize(value.c_str()).x;
            const ImU32 tone = compact ? colour(pal.warning) : colour(pal.youth);
            draw_clamped(dl, ImVec2(min.x + width - 16.0f - value_w, min.y + pad), value_w + 1.0f, value, tone, 1);
            value_w += 12.0f;
        }
        const char* symbol = compact ? "" : status == core::Status::eligible ? "✓ " : status == core::Status::ineligible ? "× " : "? ";
        draw_clamped(dl, ImVec2(x, min.y + pad), inner - value_w, symbol + policy_title(ctx, policy), colour(pal.text), 1);
        if (!compact) {
            std::string reason = row_reason(ctx, outcome);
            // The certainty goes first on every result that is not ruled out, so no tick stands alone on an
            // unconfirmed result.
            if (status != core::Status::ineligible && outcome.certainty != core::Certainty::confirmed)
                reason = wording::fill(ctx.t(str::with_mark), ctx.t(wording::certainty_phrase(outcome.certainty)), reason);
            draw_clamped(dl, ImVec2(x, min.y + pad + line_height()), inner, reason, muted(), 1);
        }
    }
    ImGui::PopID();
}

void draw_result_rows(ViewContext& ctx, const std::vector<int>& rows, core::Status status, bool compact) {
    const float row_h = compact ? 16.0f + line_height() : 14.0f + 2 * line_height() + 12.0f;
    const float gap = compact ? 6.0f : 8.0f;
    const float width = available_width();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8.0f, gap));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()), row_h + gap);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            draw_result_row(ctx, rows[static_cast<std::size_t>(i)], status, width, row_h, compact);
        }
    }
    clipper.End();
    ImGui::PopStyleVar();
}

void draw_group(ViewContext& ctx, const Phrase& title, const Phrase& empty, const std::vector<int>& rows,
                core::Status status, const char* id) {
    vertical_space(6.0f);
    ImGui::PushFont(ctx.fonts.heading);
    text_line(fill(ctx.t(title), static_cast<int>(rows.size())), colour(status_style(status).text), 3);
    ImGui::PopFont();
    ctx.locator.mark(id);
    if (rows.empty()) {
        paragraph(ctx.t(empty), muted());
        return;
    }
    draw_result_rows(ctx, rows, status, false);
}

// A group folded behind its heading: one keyboard-reachable button that says how many it holds and whether it
// shows them. Returns whether the group is open.
bool folded_group(ViewContext& ctx, const Phrase& title, int count, const ImVec4& tone, const char* id, bool& open) {
    vertical_space(6.0f);
    ImGui::PushFont(ctx.fonts.heading);
    const std::string label = fill(ctx.t(title), count);
    const float height = ImGui::GetFontSize() + 16.0f;
    ImGui::PopFont();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float width = available_width();
    if (ImGui::InvisibleButton(id, ImVec2(width, height))) open = !open;
    ctx.locator.mark(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& pal = palette();
    dl->AddRectFilled(min, ImVec2(min.x + width, min.y + height), colour(pointer_over_last_item() ? pal.accent_soft : pal.surface_alt), 8.0f);
    focus_ring_for_last_item();
    ImGui::PushFont(ctx.fonts.heading);
    const float size = ImGui::GetFontSize();
    ImGui::RenderArrow(dl, ImVec2(min.x + 10.0f, min.y + 8.0f), colour(tone), open ? ImGuiDir_Down : ImGuiDir_Right, 0.8f);
    dl->AddText(ImVec2(min.x + 12.0f + size, min.y + 8.0f), colour(tone), label.c_str());
    ImGui::PopFont();
    const char* action = ctx.t(open ? str::hide_group : str::show_group);
    const float action_w = ImGui::CalcTextSize(action).x;
    dl->AddText(ImVec2(min.x + width - 12.0f - action_w, min.y + (height - ImGui::GetFontSize()) * 0.5f), colour(pal.accent), action);
    return open;
}

void draw_ask_about(ViewContext& ctx, const std::vector<int>& rows) {
    if (rows.empty()) return;
    if (!folded_group(ctx, str::group_ask, static_cast<int>(rows.size()), palette().text_muted, "group:ask", ctx.memory.show_ask_about))
        return;
    paragraph(ctx.t(str::group_ask_note), muted());
    draw_result_rows(ctx, rows, core::Status::unknown, true);
}

void draw_ruled_out(ViewContext& ctx, const std::vector<int>& rows) {
    if (rows.empty()) return;
    const ImVec4 tone = status_style(core::Status::ineligible).text;
    if (!folded_group(ctx, str::group_ineligible, static_cast<int>(rows.size()), tone, "group:ineligible", ctx.memory.show_ruled_out))
        return;
    draw_result_rows(ctx, rows, core::Status::ineligible, false);
}

// The combination's members with their amounts, then the notes on what it leaves out and why: worded again
// only for another evaluation or language (at 10,000 policies a combination holds hundreds of members).
KeptLines& bundle_lines(ViewContext& ctx, const app::CheckResults& results) {
    KeptLines& kept = ctx.memory.bundle_lines;
    const int lang = static_cast<int>(ctx.lang());
    if (kept.catalog == &ctx.catalog && kept.revision == ctx.state.evaluation.revision && kept.lang == lang) return kept;
    kept = KeptLines{};
    kept.catalog = &ctx.catalog;
    kept.revision = ctx.state.evaluation.revision;
    kept.lang = lang;
    const core::Bundle& bundle = ctx.state.evaluation.best_bundle;
    if (!bundle.policies.empty() && bundle.total > 0) {
        for (int policy : bundle.policies) {
            const core::PolicyOutcome& outcome = ctx.state.evaluation.results[static_cast<std::size_t>(policy)];
            kept.texts.push_back("✓ " + wording::policy_with_amount(ctx.lang(), policy_title(ctx, policy), outcome));
        }
    }
    kept.emphasised = kept.texts.size();
    const auto titles = [&](auto first, auto last) {
        std::vector<std::string> names;
        for (; first != last; ++first) names.push_back(policy_title(ctx, *first));
        return join_list(ctx.lang(), names);
    };
    for (std::size_t i = 0; i < results.left_out.size(); ++i) {
        const std::string title = policy_title(ctx, results.left_out[i]);
        const auto first = results.conflicts.begin() + results.conflicts_from[i];
        const auto last = results.conflicts.begin() + results.conflicts_from[i + 1];
        kept.texts.push_back("• " + (first == last ? fill(ctx.t(str::best_unknown), title.c_str())
                                                   : fill(ctx.t(str::best_excluded), title.c_str(), titles(first, last).c_str())));
    }
    if (!results.loans_left_out.empty()) {
        const std::string loans = titles(results.loans_left_out.begin(), results.loans_left_out.end());
        kept.texts.push_back("• " + fill(ctx.t(str::best_loans), loans.c_str()));
    }
    return kept;
}

// How far paragraph() moves the cursor down for each line at the current width and font (measured again only
// when either changes), so lines out of view can be stepped over without being laid out.
void measure_lines(KeptLines& kept) {
    const float width = std::max(40.0f, available_width());
    if (kept.width == width && kept.font_size == ImGui::GetFontSize() && kept.heights.size() == kept.texts.size()) return;
    kept.width = width;
    kept.font_size = ImGui::GetFontSize();
    kept.heights.clear();
    const float gap = line_height() - ImGui::GetFontSize();
    for (const std::string& text : kept.texts) {
        const float lines = static_cast<float>(break_lines(ImGui::GetFont(), ImGui::GetFontSize(), text, width).size());
        kept.heights.push_back(lines * ImGui::GetFontSize() + (lines - 1.0f) * gap + ImGui::GetStyle().ItemSpacing.y);
    }
}

// Draws the kept lines, laying out only those in view; the others are stepped over by their measured height.
void draw_kept_lines(KeptLines& kept) {
    measure_lines(kept);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float skipped = 0.0f;
    for (std::size_t i = 0; i < kept.texts.size(); ++i) {
        const ImVec2 at(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + skipped);
        if (!ImGui::IsRectVisible(at, ImVec2(at.x + kept.width, at.y + kept.heights[i]))) {
            skipped += kept.heights[i];
            continue;
        }
        if (skipped > 0.0f) ImGui::Dummy(ImVec2(1.0f, skipped - spacing));
        skipped = 0.0f;
        paragraph(kept.texts[i], i < kept.emphasised ? 0 : muted());
    }
    if (skipped > 0.0f) ImGui::Dummy(ImVec2(1.0f, skipped - spacing));
}

void draw_best_bundle(ViewContext& ctx, const app::CheckResults& results) {
    const Palette& pal = palette();
    const core::Bundle& bundle = ctx.state.evaluation.best_bundle;
    begin_panel(18.0f);
    ImGui::PushFont(ctx.fonts.heading);
    text_line(ctx.t(str::best_title), 0, 3);
    ImGui::PopFont();
    if (bundle.policies.empty() || bundle.total <= 0) {
        paragraph(ctx.t(wording::empty_bundle_phrase(ctx.state.evaluation)), muted());
    } else {
        ImGui::PushFont(ctx.fonts.heading);
        paragraph(wording::bundle_total(ctx.lang(), bundle), colour(pal.youth));
        ImGui::PopFont();
        ctx.locator.mark("best-total");
        if (bundle.unconfirmed_total > 0) {
            paragraph(ctx.t(str::unconfirmed_why), colour(pal.warning));
            ctx.locator.mark("best-unconfirmed");
        }
    }
    draw_kept_lines(bundle_lines(ctx, results));
    if (!bundle.exact) {
        paragraph(ctx.t(str::best_estimated), colour(pal.warning));
        ctx.locator.mark("best-estimated");
    }
    paragraph(ctx.t(str::best_note), muted());
    end_panel(&pal.surface, &pal.border);
}

// Keeping the results: a link with the answers, a file to download, this device's memory (only if asked) and
// starting over. They stand above the list, so a long list never hides them.
void draw_action_bar(ViewContext& ctx) {
    using report::SummaryFormat;
    const bool answered = app::has_answers(ctx.state);
    Flow flow(8.0f);
    if (answered) {
        const bool copied = ctx.state.share_feedback == app::AppState::ShareFeedback::copied && ctx.state.share_with_answers;
        const char* share = ctx.t(copied ? str::link_copied : str::share_answers);
        flow.next(button_width(share));
        if (button(share, "share-answers", ButtonKind::primary)) ctx.intents.push([](app::AppState& s) { app::request_share(s, true); });
        ctx.locator.mark("share-answers");
    }
    flow.next(button_width(ctx.t(str::download_html)));
    if (button(ctx.t(str::download_html), "download:html", ButtonKind::secondary))
        ctx.intents.push([](app::AppState& s) { app::request_summary_download(s, SummaryFormat::html); });
    ctx.locator.mark("download:html");
    flow.next(button_width(ctx.t(str::download_text)));
    if (button(ctx.t(str::download_text), "download:text", ButtonKind::secondary))
        ctx.intents.push([](app::AppState& s) { app::request_summary_download(s, SummaryFormat::text); });
    ctx.locator.mark("download:text");
    if (answered) {
        flow.next(button_width(ctx.t(str::start_over)));
        reset_button(ctx);
    }
    if (answered) paragraph(ctx.t(str::share_answers_note), muted());
    bool remember = ctx.state.remember_on_device;
    if (ImGui::Checkbox(ctx.t(str::remember_device), &remember))
        ctx.intents.push([remember](app::AppState& s) { app::set_remember_on_device(s, remember); });
    ctx.locator.mark("remember");
    if (answered || ctx.state.remember_on_device) {
        ImGui::SameLine(0, 12.0f);
        if (available_width() < button_width(ctx.t(str::forget_answers))) ImGui::NewLine();
        if (button(ctx.t(str::forget_answers), "forget", ButtonKind::quiet))
            ctx.intents.push([](app::AppState& s) { app::forget_answers(s); });
        ctx.locator.mark("forget");
    }
    paragraph(ctx.t(str::remember_note), muted());
}

void draw_results(ViewContext& ctx) {
    const app::CheckResults& results = app::check_results(ctx.state);
    const core::ResultLayers& layers = results.layers;
    ImGui::PushFont(ctx.fonts.heading);
    text_line(ctx.t(str::results_title), 0, 2);
    ImGui::PopFont();
    paragraph(fill(ctx.t(str::results_meta), ctx.state.as_of.to_string().c_str(), ctx.set().version.c_str()), muted());
    ctx.locator.mark("results-meta");
    vertical_space(2.0f);
    // A kiosk keeps nothing and copies nothing: its results leave on the visitor's phone, by QR code.
    if (!ctx.booth) {
        draw_action_bar(ctx);
        vertical_space(4.0f);
    }
    draw_best_bundle(ctx, results);
    draw_group(ctx, str::group_eligible, str::group_eligible_empty, layers.qualify, core::Status::eligible, "group:eligible");
    draw_group(ctx, str::group_maybe, str::group_maybe_empty, layers.could_apply, core::Status::unknown, "group:maybe");
    draw_ask_about(ctx, layers.ask_about);
    draw_ruled_out(ctx, layers.ruled_out);
    vertical_space(8.0f);
    if (ctx.booth) ctx.booth->draw_take_away(ctx);
}

void draw_intro(ViewContext& ctx) {
    paragraph(ctx.t(ctx.booth ? str::check_intro_kiosk : str::check_intro), muted());
    vertical_space(2.0f);
}

// A pane that scrolls on its own. A little padding keeps panel borders and focus rings off its clipped edge.
// The scrollbar's width stays free while there is no scrollbar, so the pane's content keeps its width (and
// nothing shifts) when an answer makes the pane long enough to scroll.
void draw_pane(const char* id, const ImVec2& size, const std::function<void()>& body) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6.0f, 6.0f));
    ImGui::BeginChild(id, size, ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleVar();
    const ImGuiWindow* pane = ImGui::GetCurrentWindow();
    const float scrollbar = pane->ScrollbarY ? 0.0f : ImGui::GetStyle().ScrollbarSize;
    ColumnEdge edge(pane->Pos.x + ImGui::GetWindowContentRegionMax().x - scrollbar);
    body();
    ImGui::EndChild();
}

}  // namespace

void draw_check(ViewContext& ctx) {
    Column column(kPageWidth);
    if (column.width() < kTwoColumns - 60.0f) {
        draw_intro(ctx);
        draw_question_card(ctx);
        vertical_space(8.0f);
        draw_results(ctx);
        vertical_space(8.0f);
        draw_summary(ctx);
        return;
    }
    // Side by side: the questions stay in view while the results, which grow, scroll on their own.
    const float gap = 24.0f;
    const float left = std::clamp(column.width() * 0.42f, 380.0f, 520.0f);
    const float height = ImGui::GetContentRegionAvail().y;
    draw_pane("##ask", ImVec2(left, height), [&] {
        draw_intro(ctx);
        draw_question_card(ctx);
        draw_summary(ctx);
    });
    ImGui::SameLine(0, gap);
    draw_pane("##results", ImVec2(column.width() - left - gap, height), [&] { draw_results(ctx); });
}

}  // namespace portal::ui
