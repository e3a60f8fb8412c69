#include "report/policies_html.hpp"

#include <string_view>
#include <vector>

#include "report/escape.hpp"
#include "report/html_page.hpp"
#include "report/page_style.hpp"
#include "report/amounts.hpp"
#include "wording/wording.hpp"

namespace portal::report {
namespace {

using core::Lang;
using namespace wording;

constexpr std::string_view kZh = "zh-CN";

// ---- bilingual pieces ---------------------------------------------------------------------------------------

// <span lang="zh-CN">中文</span><span lang="en" class="en">English</span>; English only when the data has it.
std::string both(const core::Text& text) {
    std::string out = "<span lang=\"zh-CN\">" + escape_html(text.zh) + "</span>";
    if (!text.en.empty()) out += " <span lang=\"en\" class=\"en\">" + escape_html(text.en) + "</span>";
    return out;
}

// The same for our own interface words.
core::Text both_texts(const Phrase& phrase) { return core::Text{phrase.zh, phrase.en}; }
std::string both(const Phrase& phrase) { return both(both_texts(phrase)); }

// Two block elements, one per language, for longer texts.
std::string paragraphs(const core::Text& text, std::string_view css_class = "") {
    const std::string cls = css_class.empty() ? "" : " " + std::string(css_class);
    std::string out = "<p lang=\"zh-CN\" class=\"zh" + cls + "\">" + escape_html(text.zh) + "</p>\n";
    if (!text.en.empty()) out += "<p lang=\"en\" class=\"en" + cls + "\">" + escape_html(text.en) + "</p>\n";
    return out;
}

// A value computed by a wording function in each language.
template <typename Words>
core::Text in_both(Words words) {
    return core::Text{words(Lang::zh), words(Lang::en)};
}

std::string policy_anchor(const std::string& id) { return "p-" + escape_attr(id); }
std::string category_anchor(const std::string& id) { return "c-" + escape_attr(id); }

std::string link(const core::Link& target) {
    const auto url = allowed_url(target.url);
    if (!url) return both(target.label);  // a scheme we do not allow is never written, not even as text
    const core::Text label = target.label.empty() ? core::Text{*url, ""} : target.label;
    return "<a href=\"" + escape_attr(*url) + "\" rel=\"noopener noreferrer\">" + both(label) + "</a>";
}

// The source of a policy, or nullptr when its index does not point into the set.
const core::Source* source_of(const core::PolicySet& set, const core::Policy& policy) {
    const auto i = static_cast<std::size_t>(policy.source_index);
    return policy.source_index >= 0 && i < set.sources.size() ? &set.sources[i] : nullptr;
}

// ---- one policy ---------------------------------------------------------------------------------------------

// How far the terms can be relied on, on the data's own date (the page is made when the data is published).
std::string facts(const core::PolicySet& set, int p) {
    const core::Policy& policy = set.policies[static_cast<std::size_t>(p)];
    const core::Certainty certainty = core::certainty_of(set, p, set.as_of.value_or(core::Date{}));
    std::string out = "<ul class=\"facts\">\n";
    out += "<li><span class=\"badge " + escape_attr(std::string(core::to_string(certainty))) + "\">" +
           both(certainty_phrase(certainty)) + "</span></li>\n";
    out += "<li>" + both(str::sec_validity) + "：" +
           both(in_both([&](Lang l) { return validity_text(l, policy.valid); })) + "</li>\n";
    out += "<li>" + both(Phrase{"编号", "ID"}) + "：<code>" + escape_html(policy.id) + "</code></li>\n";
    return out + "</ul>\n";
}

std::string audiences(const core::PolicySet& set, const core::Policy& policy) {
    if (policy.audiences.empty()) return "";
    core::Text names;
    std::vector<std::string> zh, en;
    for (const std::string& id : policy.audiences) {
        const int a = set.audience_index(id);
        const core::Text name = a >= 0 ? set.audiences[static_cast<std::size_t>(a)].name : core::Text{id, id};
        zh.push_back(name.zh);
        en.push_back(name.en.empty() ? name.zh : name.en);
    }
    names = {join_list(Lang::zh, zh), join_list(Lang::en, en)};
    return "<p class=\"audiences\"><strong>" + both(str::filter_audiences) + "：</strong>" + both(names) +
           "</p>\n";
}

core::Text amount_cell(const core::PolicySet& set, int policy, int benefit) {
    const core::Benefit& b = set.policies[static_cast<std::size_t>(policy)].benefits[static_cast<std::size_t>(benefit)];
    if (!b.has_amount()) return {"—", ""};
    const auto range = benefit_total_range(set, policy, benefit, set.as_of.value_or(core::Date{}));
    if (!range) return {str::amount_varies.zh, str::amount_varies.en};
    const double periods = b.periods > 0 ? b.periods : 1;
    return in_both([&](Lang l) { return payment_text(l, b, {range->min / periods, range->max / periods}); });
}

core::Text total_cell(const core::PolicySet& set, int policy, int benefit) {
    const core::Benefit& b = set.policies[static_cast<std::size_t>(policy)].benefits[static_cast<std::size_t>(benefit)];
    if (b.kind == core::BenefitKind::loan) return {"额度，不计入合计", "a limit, not added to totals"};
    if (!b.has_amount()) return {"—", ""};
    const auto range = benefit_total_range(set, policy, benefit, set.as_of.value_or(core::Date{}));
    if (!range) return {"视情况而定", "varies"};
    return in_both([&](Lang l) {
        const std::string most = amount_in_unit(l, b, range->max);
        return range->min == range->max && !b.up_to ? most : up_to(l, most);
    });
}

std::string cell(const Phrase& header, const core::Text& value) {
    return "<td data-label=\"" + escape_attr(std::string(header.zh) + " " + header.en) + "\">" + both(value) + "</td>";
}

constexpr Phrase kBenefitColumns[] = {{"项目", "Benefit"}, {"类型", "Kind"},      {"金额", "Amount"},
                                      {"发放", "Paid"},    {"期数", "Periods"}, {"合计", "Total"}};

std::string benefits_table(const core::PolicySet& set, int p) {
    const core::Policy& policy = set.policies[static_cast<std::size_t>(p)];
    std::string out = "<h4>" + both(str::row_benefits) + "</h4>\n";
    if (policy.benefits.empty()) return out + "<p>" + both(str::no_amount) + "</p>\n";
    out += "<table class=\"benefits\">\n<thead><tr>";
    for (const Phrase& column : kBenefitColumns) out += "<th scope=\"col\">" + both(column) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < policy.benefits.size(); ++i) {
        const core::Benefit& b = policy.benefits[i];
        const int index = static_cast<int>(i);
        const std::string periods_zh = periods_text(Lang::zh, b);
        out += "<tr>" + cell(kBenefitColumns[0], b.label.empty() ? core::Text{"—", ""} : b.label);
        out += cell(kBenefitColumns[1], both_texts(kind_phrase(b.kind)));
        out += cell(kBenefitColumns[2], amount_cell(set, p, index));
        out += cell(kBenefitColumns[3], in_both([&](Lang l) { return per_text(l, b); }));
        out += cell(kBenefitColumns[4], periods_zh.empty() ? core::Text{"1", ""}
                                                           : core::Text{periods_zh, periods_text(Lang::en, b)});
        out += cell(kBenefitColumns[5], total_cell(set, p, index)) + "</tr>\n";
    }
    return out + "</tbody>\n</table>\n";
}

core::Text combination(const core::Policy& policy) {
    switch (policy.eligible_when) {
        case core::EligibleWhen::all: return both_texts(str::criteria_all);
        case core::EligibleWhen::any: return both_texts(str::criteria_any);
        case core::EligibleWhen::rule: return both_texts(str::criteria_rule);
    }
    return {};
}

std::string criteria(const core::Policy& policy) {
    std::string out = "<h4>" + both(str::row_conditions) + "</h4>\n";
    if (!policy.assessed()) {
        return out + paragraphs({"具体条件尚未公布，本工具无法评估。请向主管部门咨询。",
                                 "The conditions have not been published, so the portal cannot assess this one. "
                                 "Ask the office."});
    }
    out += paragraphs(combination(policy)) + "<ol class=\"criteria\">\n";
    for (const core::Criterion& criterion : policy.criteria) {
        out += "<li>" + paragraphs(criterion.label, "label");
        if (!criterion.terms.empty()) out += paragraphs(criterion.terms, "terms");
        if (!criterion.hint.empty()) out += paragraphs(criterion.hint, "hint");
        out += "</li>\n";
    }
    return out + "</ol>\n";
}

std::string apply(const core::Policy& policy) {
    const core::ApplyInfo& info = policy.apply;
    if (info.how.empty() && info.where.empty() && info.links.empty()) return "";
    std::string out = "<h4>" + both(str::sec_apply) + "</h4>\n<dl class=\"apply\">\n";
    if (!info.how.empty()) out += "<dt>" + both(Phrase{"办理方式", "How"}) + "</dt><dd>" + both(info.how) + "</dd>\n";
    if (!info.where.empty()) out += "<dt>" + both(Phrase{"办理地点", "Where"}) + "</dt><dd>" + both(info.where) + "</dd>\n";
    if (!info.links.empty()) {
        out += "<dt>" + both(Phrase{"相关链接", "Links"}) + "</dt><dd><ul>";
        for (const core::Link& target : info.links) out += "<li>" + link(target) + "</li>";
        out += "</ul></dd>\n";
    }
    return out + "</dl>\n";
}

std::string exclusions(const core::PolicySet& set, int p) {
    if (static_cast<std::size_t>(p) >= set.exclusions.size()) return "";  // a set built without reindex()
    const auto& others = set.exclusions[static_cast<std::size_t>(p)];
    if (others.empty()) return "";
    std::string out = "<h4>" + both(str::sec_excludes) + "</h4>\n<ul>\n";
    for (const int other : others) {
        const core::Policy& o = set.policies[static_cast<std::size_t>(other)];
        out += "<li><a href=\"#" + policy_anchor(o.id) + "\">" + both(o.title) + "</a></li>\n";
    }
    return out + "</ul>\n";
}

std::string source(const core::PolicySet& set, const core::Policy& policy) {
    const core::Source* found = source_of(set, policy);
    if (!found) return "";
    const core::Source& s = *found;
    std::string out = "<h4>" + both(str::sec_source) + "</h4>\n<dl class=\"source\">\n";
    out += "<dt>" + both(Phrase{"标题", "Title"}) + "</dt><dd>" + link({s.title, s.url}) + "</dd>\n";
    if (!s.publisher.empty()) out += "<dt>" + both(Phrase{"发布者", "Publisher"}) + "</dt><dd>" + both(s.publisher) + "</dd>\n";
    const std::string date = s.date ? s.date->to_string() : "";
    out += "<dt>" + both(Phrase{"日期", "Date"}) + "</dt><dd>" +
           (s.date ? "<time datetime=\"" + date + "\">" + date + "</time>" : both(Phrase{"未载明", "not stated"})) + "</dd>\n";
    out += "<dt>" + both(str::row_reliability) + "</dt><dd>" +
           both(in_both([&](Lang l) { return std::string(tr(l, reliability_phrase(s.reliability, policy.illustrative))) +
                                             " — " + tr(l, reliability_explanation(s.reliability, policy.illustrative)); })) +
           "</dd>\n";
    return out + "</dl>\n";
}

std::string illustrative_warning(const core::Policy& policy) {
    if (!policy.illustrative) return "";
    return "<div class=\"warning\" role=\"note\">" +
           paragraphs(in_both([](Lang l) {
               return std::string(tr(l, {"示例：", "Example: "})) +
                      tr(l, reliability_explanation(core::Reliability::article, true));
           })) +
           "</div>\n";
}

std::string policy_article(const core::PolicySet& set, int p) {
    const core::Policy& policy = set.policies[static_cast<std::size_t>(p)];
    const std::string anchor = policy_anchor(policy.id);
    std::string out = "<article class=\"policy\" id=\"" + anchor + "\" aria-labelledby=\"" + anchor + "-t\">\n";
    out += "<h3 id=\"" + anchor + "-t\">" + both(policy.title) + "</h3>\n";
    out += facts(set, p) + illustrative_warning(policy);
    if (!policy.summary.empty()) out += paragraphs(policy.summary, "summary");
    if (!policy.details.empty()) out += paragraphs(policy.details);
    out += audiences(set, policy) + benefits_table(set, p) + criteria(policy);
    if (!policy.terms.empty()) {
        out += "<h4>" + both(str::sec_terms) + "</h4>\n" + paragraphs(policy.terms);
    }
    out += apply(policy) + exclusions(set, p) + source(set, policy);
    out += "<p class=\"to-top\"><a href=\"#toc\">" + both(Phrase{"返回目录", "Back to contents"}) + "</a></p>\n";
    return out + "</article>\n";
}

// ---- the page -----------------------------------------------------------------------------------------------

struct Group {
    std::string anchor;
    core::Text name;
    std::vector<int> policies;
};

// Policies by category in the file's category order; any policy whose category is unknown goes last.
std::vector<Group> groups(const core::PolicySet& set) {
    std::vector<Group> out;
    for (const core::Category& category : set.categories) out.push_back({category_anchor(category.id), category.name, {}});
    Group other{"c--other", {"其他", "Other"}, {}};
    for (std::size_t p = 0; p < set.policies.size(); ++p) {
        const int c = set.policies[p].category_index;
        auto& target = c >= 0 && static_cast<std::size_t>(c) < out.size() ? out[static_cast<std::size_t>(c)] : other;
        target.policies.push_back(static_cast<int>(p));
    }
    out.push_back(std::move(other));
    std::vector<Group> used;
    for (Group& group : out) {
        if (!group.policies.empty()) used.push_back(std::move(group));
    }
    return used;
}

std::string version_line(const core::PolicySet& set) {
    const std::string date = set.as_of ? set.as_of->to_string() : "";
    std::string out = both(Phrase{"数据版本", "Data version"}) + " <strong>" + escape_html(set.version) + "</strong>";
    if (set.as_of) {
        out += " · " + both(Phrase{"资料截至", "Sources up to"}) + " <time datetime=\"" + date + "\">" + date + "</time>";
    }
    return out + " · " + both(core::Text{std::to_string(set.policies.size()) + " 项政策",
                                         std::to_string(set.policies.size()) + " policies"});
}

std::string header(const core::PolicySet& set) {
    std::string out = "<a class=\"skip\" href=\"#main\">" + both(Phrase{"跳到正文", "Skip to content"}) + "</a>\n";
    out += "<header class=\"masthead\">\n<div class=\"wrap\">\n";
    out += "<p class=\"back\"><a href=\"./\">" + both(Phrase{"← 返回互动版政策导航", "← Back to the interactive explorer"}) +
           "</a></p>\n";
    out += "<h1>" + both(set.title) + "</h1>\n";
    out += "<p class=\"kicker\">" + both(Phrase{"文字版", "Text version"});
    if (!set.region.empty()) out += " · " + both(set.region);
    out += "</p>\n<p class=\"version\">" + version_line(set) + "</p>\n</div>\n</header>\n";
    return out;
}

std::string notice() {
    return "<div class=\"notice\" role=\"note\">\n" +
           paragraphs({"本页列出全部政策的条件、金额、申请方式和来源，无需脚本即可阅读和打印。"
                       "内容根据公开资料整理，一切以主管部门的官方公布为准。",
                       "This page lists every policy with its conditions, amounts, how to apply and its source; it "
                       "needs no script and prints cleanly. It was compiled from public sources: the official texts "
                       "prevail."}) +
           paragraphs(both_texts(str::unconfirmed_why)) + "</div>\n";
}

std::string contents(const core::PolicySet& set, const std::vector<Group>& list) {
    std::string out = "<nav id=\"toc\" class=\"toc\" aria-labelledby=\"toc-h\">\n<h2 id=\"toc-h\">" +
                      both(Phrase{"目录", "Contents"}) + "</h2>\n<ol>\n";
    for (const Group& group : list) {
        // The count sits beside the Chinese name, before the English one that starts a new line.
        out += "<li><a href=\"#" + group.anchor + "\"><span lang=\"zh-CN\">" + escape_html(group.name.zh) +
               "</span> <span class=\"count\">(" + std::to_string(group.policies.size()) + ")</span>";
        if (!group.name.en.empty()) out += " <span lang=\"en\" class=\"en\">" + escape_html(group.name.en) + "</span>";
        out += "</a>\n<ol>\n";
        for (const int p : group.policies) {
            const core::Policy& policy = set.policies[static_cast<std::size_t>(p)];
            out += "<li><a href=\"#" + policy_anchor(policy.id) + "\">" + both(policy.title) + "</a></li>\n";
        }
        out += "</ol>\n</li>\n";
    }
    return out + "</ol>\n</nav>\n";
}

std::string footer(const core::PolicySet& set) {
    return "<footer class=\"foot\">\n<div class=\"wrap\">\n<p>" + version_line(set) + "</p>\n" +
           paragraphs({"本页由政策数据文件自动生成，与互动版使用同一份数据。金额和条件仅供参考，请向主管部门确认。",
                       "Generated from the same policy data file as the interactive explorer. Amounts and "
                       "conditions are for reference: confirm them with the office."}) +
           "</div>\n</footer>\n";
}

}  // namespace

std::string policies_html(const core::PolicySet& set) {
    const std::vector<Group> list = groups(set);
    std::string body = header(set) + "<div class=\"wrap\">\n" + notice() + contents(set, list);
    body += "<main id=\"main\" tabindex=\"-1\">\n";
    for (const Group& group : list) {
        body += "<section class=\"category\" aria-labelledby=\"" + group.anchor + "\">\n<h2 id=\"" + group.anchor +
                "\">" + both(group.name) + "</h2>\n";
        for (const int p : group.policies) body += policy_article(set, p);
        body += "</section>\n";
    }
    body += "</main>\n</div>\n" + footer(set);
    PageParts parts;
    parts.lang = kZh;
    parts.title = set.title.zh + " · 文字版 | " + (set.title.en.empty() ? set.title.zh : set.title.en) + " · Text version";
    parts.style = kPoliciesStyle;
    parts.body = std::move(body);
    return html_document(parts);
}

}  // namespace portal::report
