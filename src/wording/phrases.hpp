// Every phrase the portal says in its own words, in Chinese and English side by side, so a missing translation is
// a compile error rather than a blank. The app and the reports (the downloadable summary, the text version) take
// their words from here, so a phrase is written once and reads the same on screen and on paper. Data texts
// (titles, labels, hints) come from the policy file instead; how figures are put into words is wording.hpp.
// Strings with {} take their pieces in the same order in both languages (wording::fill).
// Only characters that Noto Sans CJK SC has may appear here (scripts/make_font.py checks at build time).
#pragma once

#include "core/text.hpp"

namespace portal::wording {

struct Phrase {
    const char* zh;
    const char* en;
};

inline const char* tr(core::Lang lang, const Phrase& phrase) { return lang == core::Lang::zh ? phrase.zh : phrase.en; }

namespace str {

// ---- header and navigation ------------------------------------------------------------------------------------
inline constexpr Phrase app_title{"上虞青春之城 · 创客城市政策导航", "Shangyu Maker City Policy Explorer"};
inline constexpr Phrase app_title_short{"上虞创客政策导航", "Shangyu Maker Policies"};
inline constexpr Phrase tagline{"查找适合你的人才、创业、住房与技能政策", "Find the talent, start-up, housing and skills support that fits you"};
inline constexpr Phrase other_language{"English", "中文"};
inline constexpr Phrase other_language_short{"EN", "中文"};  // a phone's header
inline constexpr Phrase tab_explore{"浏览政策", "Explore"};
inline constexpr Phrase tab_check{"资格自测", "Check eligibility"};
inline constexpr Phrase tab_check_short{"自测", "Check"};
inline constexpr Phrase tab_compare{"对比", "Compare"};
inline constexpr Phrase tab_compare_count{"对比 ({})", "Compare ({})"};
inline constexpr Phrase footer{"数据版本 {} · 资料截至 {} · 一切以官方公布为准", "Data version {} · sources up to {} · the official texts prevail"};
inline constexpr Phrase footer_no_date{"数据版本 {} · 一切以官方公布为准", "Data version {} · the official texts prevail"};

// ---- explore --------------------------------------------------------------------------------------------------
inline constexpr Phrase search_hint{"搜索政策名称、内容或标签", "Search titles, summaries and tags"};
inline constexpr Phrase sort_label{"排序", "Sort"};
inline constexpr Phrase sort_relevance{"相关度", "Relevance"};
inline constexpr Phrase order_by_standing{"条款明确、有金额的在前，条款未公布和已结束的在后",
                                          "Published terms and amounts first; unpublished and ended last"};
inline constexpr Phrase sort_value{"金额", "Value"};
inline constexpr Phrase sort_name{"名称", "Name"};
inline constexpr Phrase filter_categories{"类别", "Category"};
inline constexpr Phrase filter_audiences{"适用人群", "Who it is for"};
inline constexpr Phrase filters_show{"筛选", "Filters"};
inline constexpr Phrase filters_show_count{"筛选 ({})", "Filters ({})"};
inline constexpr Phrase result_count{"共 {} 项政策", "{} policies"};
inline constexpr Phrase result_count_one{"共 1 项政策", "1 policy"};
inline constexpr Phrase clear_filters{"清除筛选", "Clear filters"};
inline constexpr Phrase empty_title{"没有找到符合条件的政策", "No policies match"};
inline constexpr Phrase empty_body{"换个关键词试试，或清除筛选条件后查看全部政策。", "Try another word, or clear the filters to see every policy."};
inline constexpr Phrase view_details{"查看详情 →", "Details →"};
inline constexpr Phrase compare_add{"+ 对比", "+ Compare"};
inline constexpr Phrase compare_added{"✓ 已加入对比", "✓ Comparing"};
inline constexpr Phrase compare_full{"对比已满 4 项", "4 already chosen"};
inline constexpr Phrase audiences_prefix{"适用：", "For: "};
inline constexpr Phrase audiences_all{"面向所有人", "Open to all"};
inline constexpr Phrase validity_prefix{"有效期：", "Valid: "};

// ---- reliability ----------------------------------------------------------------------------------------------
inline constexpr Phrase rel_confirmed{"✓ 已核实", "✓ Confirmed"};
inline constexpr Phrase rel_secondary{"○ 二手资料", "○ Secondary source"};
inline constexpr Phrase rel_article{"• 仅见报道", "• From the article"};
inline constexpr Phrase rel_illustrative{"⚠ 示例条款", "⚠ Example terms"};
inline constexpr Phrase example_mark{"⚠ 示例", "⚠ example"};
inline constexpr Phrase rel_confirmed_why{"官方或新闻页面写明了这些数字。", "An official or news page states these figures."};
inline constexpr Phrase rel_secondary_why{"来自一份尚未与官方原文核对的汇编，请以官方公布为准。", "From a compilation not yet checked against the official text; check the official terms."};
inline constexpr Phrase rel_article_why{"新闻报道提到了这个项目，但没有给出具体条款。", "A news feature names the programme but gives no terms."};
inline constexpr Phrase rel_illustrative_why{"此政策的条件和金额只是示例，并非来自原文（项目真实存在）。申请前请向主管部门确认。", "The conditions and amounts of this policy are an example, not taken from a source (the programme itself is real). Confirm with the office before applying."};

// ---- certainty: how far a result or an amount can be relied on (core::certainty_of) -----------------------------
// Shown beside every status and amount that is not confirmed, so a tick never stands alone on such a result.
inline constexpr Phrase cert_confirmed{"✓ 条款已核实", "✓ Terms confirmed"};
inline constexpr Phrase cert_unconfirmed{"○ 条款待核实", "○ Terms unconfirmed"};
inline constexpr Phrase status_eligible_unconfirmed{"✓ 符合条件（待核实）", "✓ You qualify (unconfirmed)"};
inline constexpr Phrase status_eligible_example{"⚠ 按示例条款符合", "⚠ You qualify on example terms"};
inline constexpr Phrase unconfirmed_why{
    "“条款待核实”：这些条件和金额来自尚未与官方原文核对的资料，或近年没有资料确认仍在执行，实际可能已有变化。申请前请按“如何申请”中的方式向主管部门确认。",
    "\"Terms unconfirmed\": these conditions and amounts come from material not yet checked against the official "
    "text, or nothing recent confirms they still apply, so they may have changed. Before you apply, ask the office "
    "named under \"How to apply\"."};

// ---- values and dates -----------------------------------------------------------------------------------------
inline constexpr Phrase up_to{"最高 {}", "up to {}"};
inline constexpr Phrase sure_and_up_to{"{}（最高 {}）", "{} (up to {})"};
inline constexpr Phrase with_mark{"{} · {}", "{} · {}"};
inline constexpr Phrase amount_range{"{}–{}", "{}–{}"};
inline constexpr Phrase loan_limit{"贷款额度 {}", "loan limit {}"};
inline constexpr Phrase loan_limit_up_to{"贷款额度最高 {}", "loan limit up to {}"};
inline constexpr Phrase amount_varies{"金额视个人情况而定", "amount depends on your situation"};
inline constexpr Phrase no_amount{"未列明具体支持", "No benefit listed"};
inline constexpr Phrase per_once{"一次性", "once"};
inline constexpr Phrase per_month{"每月", "a month"};
inline constexpr Phrase per_year{"每年", "a year"};
inline constexpr Phrase amount_once{"一次性 {}", "{} once"};
inline constexpr Phrase amount_each{"每次 {}", "{} each time"};
inline constexpr Phrase amount_per_month{"每月 {}", "{} a month"};
inline constexpr Phrase amount_per_year{"每年 {}", "{} a year"};
inline constexpr Phrase months_count{"{} 个月", "{} months"};
inline constexpr Phrase years_count{"{} 年", "{} years"};
inline constexpr Phrase times_count{"{} 次", "{} times"};
inline constexpr Phrase for_periods{"，共 {}", " for {}"};
inline constexpr Phrase for_times{"，共 {}", ", {}"};
inline constexpr Phrase total_of{"合计 {}", "{} in total"};
inline constexpr Phrase total_up_to{"合计最高 {}", "up to {} in total"};
inline constexpr Phrase in_brackets{"（{}）", " ({})"};
inline constexpr Phrase label_value{"{}：{}", "{}: {}"};
inline constexpr Phrase chinese_only{"{}（仅中文）", "{} (in Chinese only)"};
inline constexpr Phrase your_amount{"按你的回答：{}", "For you: {}"};
inline constexpr Phrase valid_always{"长期有效", "no end date"};
inline constexpr Phrase valid_from{"{} 起，长期有效", "from {}, no end date"};
inline constexpr Phrase valid_until{"至 {}", "until {}"};
inline constexpr Phrase valid_range{"{} 至 {}", "{} to {}"};
inline constexpr Phrase expired{"× 已过期", "× Expired"};
inline constexpr Phrase not_yet_open{"○ 尚未开始", "○ Not yet open"};

inline constexpr Phrase kind_cash{"现金", "cash"};
inline constexpr Phrase kind_voucher{"票券", "voucher"};
inline constexpr Phrase kind_loan{"贷款", "loan"};
inline constexpr Phrase kind_in_kind{"实物", "in kind"};
inline constexpr Phrase kind_service{"服务", "service"};
inline constexpr Phrase kind_waiver{"减免", "waiver"};

// ---- statuses (always a symbol and words, never colour alone) -----------------------------------------------
inline constexpr Phrase status_eligible{"✓ 符合条件", "✓ You qualify"};
inline constexpr Phrase status_ineligible{"× 暂不符合", "× Not eligible"};
inline constexpr Phrase status_unknown{"? 待确认", "? Not decided yet"};
inline constexpr Phrase crit_pass{"✓ 满足", "✓ Met"};
inline constexpr Phrase crit_fail{"× 不满足", "× Not met"};
inline constexpr Phrase crit_unknown{"○ 待回答", "○ Not answered"};

// ---- detail ---------------------------------------------------------------------------------------------------
inline constexpr Phrase back{"← 返回", "← Back"};
inline constexpr Phrase sec_details{"详细说明", "Details"};
inline constexpr Phrase details_loading{"正在加载详细说明…", "Loading the details…"};
inline constexpr Phrase english_loading{"政策的英文文本正在加载，加载完成前以中文显示。", "The policies' English texts are loading; until they arrive, they are shown in Chinese."};
inline constexpr Phrase english_unavailable{"部分政策的英文文本无法显示，以中文显示：{}", "Some policies' English texts cannot be shown, so they are in Chinese: {}"};
inline constexpr Phrase details_unavailable{"详细说明暂不可用：{}", "The details cannot be shown: {}"};
inline constexpr Phrase sec_benefits{"可获得的支持", "What you get"};
inline constexpr Phrase sec_criteria{"申请条件", "Who can apply"};
inline constexpr Phrase sec_terms{"原文条款要点", "The terms as the source states them"};
inline constexpr Phrase sec_apply{"如何申请", "How to apply"};
inline constexpr Phrase sec_source{"信息来源", "Source"};
inline constexpr Phrase sec_excludes{"不可同时享受", "Cannot be combined with"};
inline constexpr Phrase sec_validity{"有效期", "Validity"};
inline constexpr Phrase apply_where{"办理地点：{}", "Where: {}"};
inline constexpr Phrase criteria_all{"需同时满足以下全部条件。", "All of these conditions are needed."};
inline constexpr Phrase criteria_any{"满足以下任一条件即可。", "Any one of these conditions is enough."};
inline constexpr Phrase criteria_rule{"按以下条件的组合判断。", "Decided by a combination of these conditions."};
inline constexpr Phrase no_criteria{"条件尚未公布，请向主管部门咨询。", "The conditions are not published; ask the office in charge."};
inline constexpr Phrase answer_to_see{"完成资格自测后，这里会显示每个条件是否满足。", "Answer the eligibility questions to see which conditions you meet."};
inline constexpr Phrase go_check{"开始资格自测", "Check my eligibility"};
inline constexpr Phrase hint{"提示：{}", "Hint: {}"};
inline constexpr Phrase terms_of{"条款：{}", "Terms: {}"};
inline constexpr Phrase source_line{"{} · {}", "{} · {}"};
inline constexpr Phrase published_on{"发布于 {}", "published {}"};
inline constexpr Phrase open_source{"查看来源 →", "Open the source →"};
inline constexpr Phrase no_excludes{"没有已知的互斥政策。", "No known conflicts."};
inline constexpr Phrase expired_on{"已于 {} 结束", "Ended on {}"};
inline constexpr Phrase opens_on{"{} 起开放", "Opens on {}"};

// ---- check ----------------------------------------------------------------------------------------------------
inline constexpr Phrase check_intro{"回答几个问题，看看哪些政策适合你。答案不会上传，只留在这个浏览器标签页里：刷新页面仍在，关闭标签页即清除。随时可以修改。", "Answer a few questions to see which policies fit you. Your answers are never uploaded; they stay in this browser tab: a reload keeps them, closing the tab clears them. You can change them at any time."};
inline constexpr Phrase check_intro_kiosk{"点选回答，看看哪些政策适合你。离开前点“重新开始”清除回答。", "Tap answers to see which policies fit you. Tap Start over when you leave to clear them."};
inline constexpr Phrase progress{"已回答 {} 题 · 还剩约 {} 题", "{} answered · about {} to go"};
inline constexpr Phrase progress_last{"已回答 {} 题 · 这是最后一题", "{} answered · this is the last one"};
inline constexpr Phrase yes{"是", "Yes"};
inline constexpr Phrase no{"否", "No"};
inline constexpr Phrase none_of_these{"都不是", "None of these"};
inline constexpr Phrase next{"下一步 →", "Next →"};
inline constexpr Phrase skip{"跳过", "Skip"};
inline constexpr Phrase back_question{"← 上一题", "← Back"};
inline constexpr Phrase multi_hint{"可多选，也可以都不选；选好后点“下一步”。", "Choose all that apply (or none), then Next."};
// Under a multi-choice question whose own help already says it takes several answers.
inline constexpr Phrase multi_hint_short{"也可以都不选；选好后点“下一步”。", "None is fine too; then Next."};
inline constexpr Phrase number_hint{"请输入数字", "Enter a number"};
inline constexpr Phrase number_range{"填写 {} 到 {} 之间的数", "Between {} and {}"};
inline constexpr Phrase date_hint{"年-月-日，例如 2023-06-30 或 20230630", "year-month-day, e.g. 2023-06-30 or 20230630"};
inline constexpr Phrase date_reads_as{"读作 {}", "Read as {}"};
inline constexpr Phrase problem_empty{"请先填写再继续。", "Please fill this in first."};
inline constexpr Phrase problem_number{"请输入数字，例如 25。", "Please enter a number, such as 25."};
inline constexpr Phrase problem_min{"不能小于 {}。", "It must be at least {}."};
inline constexpr Phrase problem_max{"不能大于 {}。", "It must be at most {}."};
inline constexpr Phrase problem_date{"请填写一个存在的日期，例如 2023-06-30、2023/6/30 或 2023年6月30日。", "Please give a real date, e.g. 2023-06-30, 2023/6/30 or 20230630."};
inline constexpr Phrase done_title{"需要的问题都回答完了", "That is every question that matters"};
inline constexpr Phrase done_body{"结果已按你的回答更新。你可以在“你的回答”里随时修改。", "Your results are up to date. You can change any answer under \"Your answers\"."};
inline constexpr Phrase skipped_left{"你跳过了 {} 个问题。", "You skipped {} questions."};
inline constexpr Phrase ask_skipped{"回答跳过的问题", "Answer the skipped ones"};
inline constexpr Phrase start_over{"清除全部回答", "Clear all answers"};
inline constexpr Phrase summary_title{"你的回答", "Your answers"};
inline constexpr Phrase summary_empty{"还没有回答任何问题。", "No answers yet."};
inline constexpr Phrase edit{"修改", "Change"};
inline constexpr Phrase skipped_mark{"已跳过", "Skipped"};
inline constexpr Phrase results_title{"自测结果", "Your results"};
inline constexpr Phrase results_meta{"评估日期 {} · 数据版本 {}", "Evaluated on {} · data version {}"};
// The results in layers (core/result_layers.hpp): what you qualify for, what could apply and what would decide
// it, programmes to ask about (folded), and what is ruled out (folded).
inline constexpr Phrase group_eligible{"✓ 符合条件 ({})", "✓ You qualify ({})"};
inline constexpr Phrase group_maybe{"? 可能适用 ({})", "? Could apply ({})"};
inline constexpr Phrase group_ask{"可咨询的项目 ({})", "Programmes to ask about ({})"};
inline constexpr Phrase group_ineligible{"× 暂不符合 ({})", "× Not eligible ({})"};
inline constexpr Phrase group_eligible_empty{"回答问题后，你符合的政策会出现在这里。", "As you answer, the policies you qualify for appear here."};
inline constexpr Phrase group_maybe_empty{"没有待定的政策。", "Nothing left undecided."};
inline constexpr Phrase group_ineligible_empty{"目前没有不符合的政策。", "Nothing ruled out so far."};
inline constexpr Phrase group_ask_note{"这些项目没有公布可核对的条件（或只有示例条件），回答问题无法判断，请直接向主管部门咨询。",
                                       "These have no published terms to check (or only example terms), so no answer can decide them: ask the office directly."};
inline constexpr Phrase maybe_needs{"取决于：{}", "Depends on: {}"};
inline constexpr Phrase maybe_needs_more{"取决于：{} 等 {} 项", "Depends on: {} and {} more"};
inline constexpr Phrase show_group{"展开", "Show"};
inline constexpr Phrase hide_group{"收起", "Hide"};
inline constexpr Phrase not_assessed{"条件未公布，请向主管部门咨询", "Terms not published: ask the office"};
inline constexpr Phrase failed_on{"未满足：{}", "Not met: {}"};
inline constexpr Phrase best_title{"最佳组合", "Best combination"};
inline constexpr Phrase best_total{"预计总价值 {}", "Estimated total {}"};
inline constexpr Phrase best_total_partly_unconfirmed{"预计总价值约 {}，其中 {}条款待核实", "Estimated total about {}, of which {} rests on unconfirmed terms"};
inline constexpr Phrase best_total_unconfirmed{"预计总价值约 {}，条款均待核实", "Estimated total about {}, all of it on unconfirmed terms"};
inline constexpr Phrase best_empty{"目前还没有确定能享受的现金类支持。继续回答问题看看。", "No cash support is confirmed for you yet. Keep answering to find out."};
inline constexpr Phrase best_empty_final{"按你的回答，没有能确定享受的现金类支持。", "From your answers, no cash support is confirmed for you."};
inline constexpr Phrase best_excluded{"{} 未计入：不能与 {} 同时享受。", "{} is left out: it cannot be combined with {}."};
inline constexpr Phrase best_loans{"另可申请：{}（贷款额度不计入总价值）。", "You can also apply for: {} (loan limits are not counted in the total)."};
inline constexpr Phrase best_unknown{"{} 的金额待定，未计入。", "{} has an amount still to be confirmed and is not counted."};
// Under a best combination that is an estimate (core::Bundle::exact false): the exclusions among the programmes
// were too tangled to search through in time (docs/SECURITY.md F10).
inline constexpr Phrase best_estimated{
    "可同时享受的政策之间互斥关系较多，这一组合是快速估算的结果，可能不是金额最高的组合。",
    "So many of these programmes rule each other out that the best combination was estimated rather than worked "
    "out exactly: another combination may be worth more."};
inline constexpr Phrase best_note{"总价值为各项现金、票券与减免的合计，按你目前的回答估算；标明“最高”的金额只是上限，不计入。", "The total adds up the cash, vouchers and waivers you qualify for, based on your answers so far; amounts marked \"up to\" are only ceilings and are not counted."};

// ---- screen readers (the accessibility mirror's live region, ui/a11y_announce.cpp) --------------------------
inline constexpr Phrase a11y_opened{"已打开：{}", "Opened: {}"};
inline constexpr Phrase a11y_matching{"{} 项符合", "{} match"};
inline constexpr Phrase a11y_matching_best{"{} 项符合，最佳组合约 {}", "{} match, best combination about {}"};
inline constexpr Phrase a11y_next_question{"{}。下一题：{}", "{}. Next question: {}"};

// ---- compare --------------------------------------------------------------------------------------------------
inline constexpr Phrase compare_title{"政策对比", "Compare policies"};
inline constexpr Phrase compare_empty{"在政策卡片或详情页点“+ 对比”，选 2 到 4 项政策并排比较。", "Use \"+ Compare\" on a policy card or page to pick 2 to 4 policies and see them side by side."};
inline constexpr Phrase compare_need_one{"再选 1 项就可以对比了。", "Pick one more to compare."};
inline constexpr Phrase go_explore{"去浏览政策", "Browse policies"};
inline constexpr Phrase remove{"× 移除", "× Remove"};
inline constexpr Phrase row_policy{"政策", "Policy"};
inline constexpr Phrase row_category{"类别", "Category"};
inline constexpr Phrase row_value{"价值", "Value"};
inline constexpr Phrase row_benefits{"支持内容", "Benefits"};
inline constexpr Phrase row_conditions{"申请条件", "Conditions"};
inline constexpr Phrase row_status{"你的情况", "Your status"};
inline constexpr Phrase row_validity{"有效期", "Validity"};
inline constexpr Phrase row_reliability{"可靠性", "Reliability"};
inline constexpr Phrase row_excludes{"不可同时享受", "Cannot be combined with"};
inline constexpr Phrase none{"无", "None"};

// ---- notices --------------------------------------------------------------------------------------------------
inline constexpr Phrase skipped_notice{"数据中有 {} 项政策格式有误，暂未显示：", "{} policies in the data have errors and are not shown:"};
inline constexpr Phrase skipped_entry{"第 {} 项（{}）：{}", "Entry {} ({}): {}"};
inline constexpr Phrase dismiss{"知道了", "Dismiss"};

// ---- a data author's preview of a local policy file ------------------------------------------------------------
inline constexpr Phrase preview_open{"预览本地政策文件（供数据编写者）", "Preview a local policy file (for data authors)"};
inline constexpr Phrase preview_banner{"预览：本地文件 {}。这不是正式公布的数据；文件只在本页打开，不上传，也不保存。",
                                       "Preview: local file {}. This is not the published data; the file is only opened in this page, never uploaded or stored."};
inline constexpr Phrase preview_close{"回到正式数据", "Back to the published data"};
inline constexpr Phrase preview_clean{"校验（validate）和检查（lint）均未发现问题。", "validate and lint found nothing."};
inline constexpr Phrase preview_problems{"校验（validate）和检查（lint）发现 {} 个问题：", "validate and lint found {} problems:"};
inline constexpr Phrase preview_more{"……另有 {} 个问题未列出", "… and {} more"};
inline constexpr Phrase preview_not_linted{"文件有错误：改正后才会运行检查（lint）。", "The file has errors: lint runs once they are fixed."};
inline constexpr Phrase preview_failed{"无法预览这个文件，仍显示正式数据：", "This file could not be previewed; the published data is still shown:"};
inline constexpr Phrase preview_no_link{"预览时不生成链接：链接总是打开正式数据。", "No link is made during a preview: a link always opens the published data."};

// ---- sharing, keeping a copy, remembering ----------------------------------------------------------------------
inline constexpr Phrase copy_link{"复制链接", "Copy link"};
inline constexpr Phrase clear_search{"清除搜索文字", "Clear the search"};
inline constexpr Phrase link_copied{"已复制 ✓", "Copied ✓"};
inline constexpr Phrase copy_failed{"此浏览器不允许写入剪贴板。请手动复制下面的链接：", "This browser did not let us use the clipboard. Copy the link below by hand:"};
inline constexpr Phrase link_notice{"这个链接里有部分内容无法识别，已略过；其余内容照常显示。", "Part of this link could not be read and was left out; the rest is shown as usual."};
inline constexpr Phrase share_answers{"复制含回答的链接", "Share with my answers"};
inline constexpr Phrase share_answers_note{"这个链接带有你的回答，打开它的人都能看到，请只发给信任的人。", "This link carries your answers, so anyone who opens it sees them: send it only to people you trust."};
inline constexpr Phrase download_html{"下载结果（网页）", "Download results (HTML)"};
inline constexpr Phrase download_text{"下载结果（文本）", "Download results (text)"};
inline constexpr Phrase remember_device{"在本设备上记住我的回答", "Remember my answers on this device"};
inline constexpr Phrase remember_note{"勾选后，关闭标签页后回答仍保存在这个浏览器里；不会上传。默认不保存。", "Ticked, this browser keeps your answers after the tab is closed; they are never uploaded. Unticked, nothing outlives the tab."};
inline constexpr Phrase forget_answers{"忘记我的回答", "Forget my answers"};
inline constexpr Phrase fatal_title{"无法读取政策数据", "The policy data could not be read"};
inline constexpr Phrase fatal_body{"政策文件有误，暂时无法显示任何政策。请稍后再试，或告知网站维护者以下信息：", "The policy file has an error, so no policy can be shown. Please try again later, or tell the site's maintainers this:"};

}  // namespace str
}  // namespace portal::wording
