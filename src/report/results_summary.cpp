#include "report/results_summary.hpp"

#include <vector>

#include "core/result_layers.hpp"
#include "report/escape.hpp"
#include "report/html_page.hpp"
#include "report/page_style.hpp"
#include "wording/wording.hpp"

namespace portal::report {
namespace {

using core::Lang;
using namespace wording;

// The summary is first built as a list of blocks, then written as HTML or text, so both say the same thing.
struct Block {
    enum class Kind { title, meta, heading, subheading, paragraph, note, total, item };
    Kind kind;
    std::string text;
};

class Summary {
public:
    Summary(const core::PolicySet& set, const core::Evaluation& evaluation, Lang lang)
        : set_(set), evaluation_(evaluation), lang_(lang), layers_(core::result_layers(evaluation)) {}

    std::vector<Block> build(const core::Profile& profile) {
        intro();
        answers(profile);
        best_bundle();
        eligible();
        undecided();
        ask_about();
        ineligible();
        add(Block::Kind::meta, dated_version());
        return std::move(blocks_);
    }

private:
    const core::PolicySet& set_;
    const core::Evaluation& evaluation_;
    Lang lang_;
    // The same layers as the check view shows (core/result_layers.hpp), so screen and paper agree.
    core::ResultLayers layers_;
    std::vector<Block> blocks_;

    void add(Block::Kind kind, std::string text) { blocks_.push_back({kind, std::move(text)}); }
    std::string say(const Phrase& phrase) const { return tr(lang_, phrase); }
    std::string words(const core::Text& value) const { return wording::text(lang_, value); }
    const core::Policy& policy(int p) const { return set_.policies[static_cast<std::size_t>(p)]; }
    const core::PolicyOutcome& outcome(int p) const { return evaluation_.results[static_cast<std::size_t>(p)]; }

    std::string closing_line() const {
        return say({"本摘要由你的浏览器在本机生成，你的回答没有发送到任何地方。金额和结果仅供参考，申请前请向主管部门确认。",
                    "This summary was generated in your browser; your answers were not sent anywhere. Amounts and "
                    "results are estimates: confirm them with the office before you apply."});
    }

    std::string dated_version() const {
        return fill(say(str::results_meta), {evaluation_.as_of.to_string(), set_.version});
    }

    void intro() {
        add(Block::Kind::title, say({"政策自测结果", "Your eligibility check"}));
        add(Block::Kind::meta, words(set_.title));
        add(Block::Kind::meta, dated_version());
        add(Block::Kind::note, closing_line());
    }

    void answers(const core::Profile& profile) {
        add(Block::Kind::heading, say(str::summary_title));
        bool any = false;
        for (const core::Question& question : set_.questions) {
            const auto found = profile.is_object() ? profile.find(question.id) : profile.end();
            if (!profile.is_object() || found == profile.end()) continue;
            add(Block::Kind::item, words(question.label) + (lang_ == Lang::zh ? "：" : ": ") +
                                       answer_text(lang_, question, *found));
            any = true;
        }
        if (!any) add(Block::Kind::paragraph, say(str::summary_empty));
    }

    void best_bundle() {
        add(Block::Kind::heading, say(str::best_title));
        const core::Bundle& bundle = evaluation_.best_bundle;
        if (bundle.policies.empty()) {
            add(Block::Kind::paragraph, say(wording::empty_bundle_phrase(evaluation_)));
            return;
        }
        for (const int p : bundle.policies) {
            if (known(p)) add(Block::Kind::item, policy_with_amount(lang_, words(policy(p).title), outcome(p)));
        }
        add(Block::Kind::total, bundle_total(lang_, bundle));
        if (any_unconfirmed()) add(Block::Kind::note, say(str::unconfirmed_why));
        if (!bundle.exact) add(Block::Kind::paragraph, say(str::best_estimated));
        add(Block::Kind::paragraph, say({"合计不含贷款额度，且不包含互相排斥的政策。",
                                         "The total leaves out loan limits and policies that cannot be combined."}));
    }

    // True when `p` names a policy of the set with its outcome at the same index, as evaluate() makes them.
    bool known(int p) const {
        const auto i = static_cast<std::size_t>(p);
        return p >= 0 && i < set_.policies.size() && i < evaluation_.results.size() && evaluation_.results[i].policy == p;
    }

    // True when a result the summary presents as qualifying rests on terms that are not confirmed.
    bool any_unconfirmed() const {
        for (const int p : layers_.qualify) {
            if (known(p) && outcome(p).certainty != core::Certainty::confirmed) return true;
        }
        return evaluation_.best_bundle.unconfirmed_total > 0;
    }

    // The title, marked with its certainty unless confirmed.
    std::string marked_title(int p) const {
        const core::Certainty certainty = outcome(p).certainty;
        const std::string title = words(policy(p).title);
        return certainty == core::Certainty::confirmed ? title
                                                       : fill(say(str::with_mark), {title, say(certainty_phrase(certainty))});
    }

    std::vector<int> known_of(const std::vector<int>& layer) const {
        std::vector<int> out;
        for (const int p : layer) {
            if (known(p)) out.push_back(p);
        }
        return out;
    }

    void benefit_lines(int p) {
        const core::PolicyOutcome& outcome = evaluation_.results[static_cast<std::size_t>(p)];
        const core::Policy& pol = policy(p);
        for (std::size_t b = 0; b < pol.benefits.size(); ++b) {
            const core::Benefit& benefit = pol.benefits[b];
            const auto& total = b < outcome.benefits.size() ? outcome.benefits[b].total : std::nullopt;
            std::string line = benefit_line(lang_, benefit, total ? std::optional<AmountRange>(AmountRange{*total, *total}) : std::nullopt);
            if (!total && benefit.has_amount()) line += say({"（金额取决于尚未回答的问题）", " (the amount depends on unanswered questions)"});
            add(Block::Kind::item, line);
        }
    }

    void eligible() {
        const std::vector<int> list = known_of(layers_.qualify);
        add(Block::Kind::heading, fill(say(str::group_eligible), {std::to_string(list.size())}));
        if (list.empty()) add(Block::Kind::paragraph, say({"暂无。", "None yet."}));
        for (const int p : list) {
            add(Block::Kind::subheading, policy_with_amount(lang_, words(policy(p).title), outcome(p)));
            benefit_lines(p);
        }
    }

    std::string question_list(const std::vector<int>& questions) const {
        std::vector<std::string> labels;
        for (const int q : questions) labels.push_back(words(set_.questions[static_cast<std::size_t>(q)].label));
        return join_list(lang_, labels);
    }

    void undecided() {
        const std::vector<int> list = known_of(layers_.could_apply);
        add(Block::Kind::heading, fill(say(str::group_maybe), {std::to_string(list.size())}));
        if (list.empty()) add(Block::Kind::paragraph, say({"暂无。", "None."}));
        for (const int p : list) {
            add(Block::Kind::subheading, marked_title(p));
            const std::vector<int> deciding = core::deciding_questions(evaluation_, p);
            const std::size_t more = outcome(p).missing.size() - deciding.size();
            add(Block::Kind::item, more > 0 ? fill(say(str::maybe_needs_more), {question_list(deciding), std::to_string(more)})
                                            : fill(say(str::maybe_needs), {question_list(deciding)}));
        }
    }

    // Programmes no answer can decide: one list, since the same sentence would follow each of them.
    void ask_about() {
        const std::vector<int> list = known_of(layers_.ask_about);
        if (list.empty()) return;
        add(Block::Kind::heading, fill(say(str::group_ask), {std::to_string(list.size())}));
        add(Block::Kind::paragraph, say(str::group_ask_note));
        for (const int p : list) add(Block::Kind::item, marked_title(p));
    }

    void failed_criteria(const core::PolicyOutcome& outcome) {
        const core::Policy& pol = policy(outcome.policy);
        if (outcome.reason == core::IneligibleReason::not_yet_valid || outcome.reason == core::IneligibleReason::expired) {
            const Phrase why = outcome.reason == core::IneligibleReason::expired
                                   ? Phrase{"评估日期不在有效期内（{}）。", "Not in force on the evaluation date ({})."}
                                   : Phrase{"尚未生效（{}）。", "Not in force yet ({})."};
            add(Block::Kind::item, fill(say(why), {validity_text(lang_, pol.valid)}));
            return;
        }
        for (const int c : outcome.failed) {
            const core::Criterion& criterion = pol.criteria[static_cast<std::size_t>(c)];
            std::string line = fill(say(str::failed_on), {words(criterion.label)});
            if (!criterion.hint.empty()) line += fill(say({"（提示：{}）", " (hint: {})"}), {words(criterion.hint)});
            add(Block::Kind::item, line);
        }
    }

    void ineligible() {
        const std::vector<int> list = known_of(layers_.ruled_out);
        add(Block::Kind::heading, fill(say(str::group_ineligible), {std::to_string(list.size())}));
        if (list.empty()) add(Block::Kind::paragraph, say({"暂无。", "None."}));
        for (const int p : list) {
            add(Block::Kind::subheading, words(policy(p).title));
            failed_criteria(evaluation_.results[static_cast<std::size_t>(p)]);
        }
    }
};

// ---- writers ------------------------------------------------------------------------------------------------

std::string html_block(const Block& block) {
    const std::string text = escape_html(block.text);
    switch (block.kind) {
        case Block::Kind::title: return "<h1>" + text + "</h1>\n";
        case Block::Kind::meta: return "<p class=\"meta\">" + text + "</p>\n";
        case Block::Kind::heading: return "<h2>" + text + "</h2>\n";
        case Block::Kind::subheading: return "<h3>" + text + "</h3>\n";
        case Block::Kind::paragraph: return "<p>" + text + "</p>\n";
        case Block::Kind::note: return "<p class=\"note\" role=\"note\">" + text + "</p>\n";
        case Block::Kind::total: return "<p class=\"total\">" + text + "</p>\n";
        case Block::Kind::item: return "<li>" + text + "</li>\n";
    }
    return "";
}

std::string as_html(const std::vector<Block>& blocks, Lang lang) {
    std::string body = "<main>\n";
    bool in_list = false;
    for (const Block& block : blocks) {
        const bool item = block.kind == Block::Kind::item;
        if (item != in_list) body += item ? "<ul>\n" : "</ul>\n";
        in_list = item;
        body += html_block(block);
    }
    if (in_list) body += "</ul>\n";
    body += "</main>\n";
    PageParts parts;
    parts.lang = lang == Lang::zh ? "zh-CN" : "en";
    parts.title = blocks.empty() ? "" : blocks.front().text;
    parts.style = kSummaryStyle;
    parts.body = std::move(body);
    return html_document(parts);
}

// Underlines as wide as the text looks: CJK characters take two columns in a terminal.
std::size_t display_width(const std::string& text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        width += length >= 3 ? 2 : 1;
        i += length;
    }
    return width;
}

std::string as_text(const std::vector<Block>& blocks) {
    std::string out;
    Block::Kind previous = Block::Kind::title;
    for (const Block& block : blocks) {
        const std::string text = strip_controls(block.text);
        const bool opens_with_blank = block.kind == Block::Kind::heading || block.kind == Block::Kind::note;
        if (block.kind != Block::Kind::item && previous == Block::Kind::item && !opens_with_blank) out += "\n";
        switch (block.kind) {
            case Block::Kind::title: out += text + "\n" + std::string(display_width(text), '=') + "\n"; break;
            case Block::Kind::heading: out += "\n" + text + "\n" + std::string(display_width(text), '-') + "\n"; break;
            case Block::Kind::subheading: out += "* " + text + "\n"; break;
            case Block::Kind::item: out += "  - " + text + "\n"; break;
            case Block::Kind::note: out += "\n! " + text + "\n"; break;
            default: out += text + "\n";
        }
        previous = block.kind;
    }
    return out;
}

}  // namespace

std::string results_summary(const core::PolicySet& set, const core::Profile& profile,
                            const core::Evaluation& evaluation, core::Lang lang, SummaryFormat format) {
    const std::vector<Block> blocks = Summary(set, evaluation, lang).build(profile);
    return format == SummaryFormat::html ? as_html(blocks, lang) : as_text(blocks);
}

}  // namespace portal::report
