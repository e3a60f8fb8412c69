// Small pieces of a policy that several views show the same way: its category and audience names, its
// reliability and status badges, its source.
#pragma once

#include <string>
#include <vector>

#include "core/matcher.hpp"
#include "ui/view_context.hpp"
#include "ui/widgets.hpp"

namespace portal::ui {

const core::Policy& policy_at(const ViewContext& ctx, int policy);
std::string policy_title(const ViewContext& ctx, int policy);
std::string category_name(const ViewContext& ctx, const core::Policy& policy);
std::vector<std::string> audience_names(const ViewContext& ctx, const core::Policy& policy);
const core::Source* source_of(const ViewContext& ctx, const core::Policy& policy);
core::Reliability reliability_of(const ViewContext& ctx, const core::Policy& policy);
// How far the policy's result can be relied on today (the evaluation's, or core::certainty_of before any answer).
core::Certainty certainty_at(const ViewContext& ctx, int policy);

BadgeStyle reliability_style(core::Reliability reliability, bool illustrative);
BadgeStyle status_style(core::Status status, core::Certainty certainty = core::Certainty::confirmed);
BadgeStyle certainty_style(core::Certainty certainty);
BadgeStyle criterion_style(core::CriterionStatus status);
std::string reliability_label(const ViewContext& ctx, const core::Policy& policy);
std::string certainty_label(const ViewContext& ctx, int policy);

// "+ 对比" / "✓ 已加入对比" toggle, id "compare:<policy id>"; disabled when four are chosen already.
void compare_toggle(ViewContext& ctx, int policy, float width = 0);

// Question labels for a list of question indices ("你的最高学历是？ · 你的年龄？").
std::string question_labels(const ViewContext& ctx, const std::vector<int>& questions);

}  // namespace portal::ui
