// The policy loader: the file's top level, sources, categories, audiences and questions read here; the policies
// in policy_reader.cpp, rules bound in rule_binding.cpp, fields read with field_reader.hpp, links checked by
// url_policy.hpp. The policies come one at a time from the text (json_text's deferred array) when the quick
// path reads the file, else from the whole document the careful parser built.
#include "core/load.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/field_reader.hpp"
#include "core/json_text.hpp"
#include "core/policy_reader.hpp"
#include "core/rule_binding.hpp"

namespace portal::core {
namespace {

using json = nlohmann::json;
using namespace reader;

// Reads the policies once everything they may refer to is known; false when their source failed (see
// load_policy_set), and the load must start over.
using ReadPolicies = std::function<bool(const PolicyContext&)>;

class Loader {
public:
    Loader(const json& document, const std::string& file) : document_(document), file_(file) {}

    // The result, or nullopt when `read_policies` failed.
    std::optional<LoadResult> run(const ReadPolicies& read_policies) {
        Sink sink{file_, result_.diagnostics};
        if (!check_top_level(sink)) return std::move(result_);
        PolicySet set;
        read_header(set, sink);
        read_sources(set, sink);
        read_categories(set, sink);
        read_audiences(set, sink);
        read_questions(set, sink);
        set.reindex();
        const PolicyContext context{file_, References{source_ids_, category_ids_, audience_ids_, has_audience_list_},
                                    rules_, set, result_};
        if (!read_policies(context)) return std::nullopt;
        set.reindex();
        result_.set = std::move(set);
        return std::move(result_);
    }

private:
    const json& document_;
    const std::string& file_;
    LoadResult result_;
    IdList source_ids_, category_ids_, audience_ids_, question_ids_;
    std::unordered_map<std::string, int> raw_question_index_;  // id -> position in the file, for messages
    bool has_audience_list_ = false;
    RuleBinder rules_{question_ids_, raw_question_index_};

    // ---- top level ------------------------------------------------------------------------------------

    bool check_top_level(const Sink& sink) {
        if (!document_.is_object()) {
            sink.error("", "a policy file must be a JSON object, found " + std::string(type_name(document_)));
            return false;
        }
        const auto format = document_.find("format");
        if (format == document_.end()) {
            sink.error("", "missing \"format\": expected \"" + std::string(kPolicyFormat) + "\"");
            return false;
        }
        if (!format->is_string() || format->get<std::string>() != kPolicyFormat) {
            sink.error("/format", "unsupported format " + format->dump(-1, ' ', false, json::error_handler_t::replace) +
                                      ": expected \"" + std::string(kPolicyFormat) + "\"");
            return false;
        }
        bool ok = true;
        for (const char* key : {"id", "title", "version", "sources", "categories", "questions", "policies"}) {
            if (!document_.contains(key)) {
                sink.error("", std::string("missing required field \"") + key + "\"");
                ok = false;
            }
        }
        for (const char* key : {"sources", "categories", "questions", "policies"}) {
            auto list = document_.find(key);
            if (list != document_.end() && !list->is_array()) {
                sink.error(pointer_append("", key), "expected an array, found " + std::string(type_name(*list)));
                ok = false;
            }
        }
        return ok;
    }

    void read_header(PolicySet& set, const Sink& sink) {
        Fields fields(document_, "", sink,
                      {"$schema", "format", "id", "title", "region", "version", "as_of", "stale_after_years", "sources",
                       "categories", "audiences", "questions", "policies", "lint_accept"});
        fields.string("$schema");  // for editors; only its type is checked
        set.id = fields.id("id").value_or("");
        set.title = fields.text("title", true);
        set.region = fields.text("region");
        set.version = fields.string("version", true).value_or("");
        set.as_of = fields.date("as_of");
        if (const json* stale = fields.get("stale_after_years")) {
            if (!stale->is_number_integer() || stale->get<std::int64_t>() < 1 || stale->get<std::int64_t>() > 1000) {
                sink.error(fields.at("stale_after_years"), "expected a whole number of years, at least 1, found " +
                                                               stale->dump(-1, ' ', false, json::error_handler_t::replace));
            } else {
                set.stale_after_years = static_cast<int>(stale->get<std::int64_t>());
            }
        }
        set.lint_accept = read_lint_accept(fields, sink);
    }


    // ---- sources, categories, audiences -----------------------------------------------------------------

    // The entry's id when usable (present, valid, not a duplicate); reports the problems.
    std::optional<std::string> entry_id(const Fields& fields, IdList& ids, const Sink& sink, std::string_view what) {
        auto id = fields.id("id");
        if (!id) {
            if (auto raw = fields.get("id"); raw != nullptr && raw->is_string()) ids.broken.insert(raw->get<std::string>());
            return std::nullopt;
        }
        if (!ids.add(*id, fields.at("id"), sink, what)) return std::nullopt;
        return id;
    }

    template <typename Reader>
    void for_each_entry(const char* key, const Sink& sink, Reader read) {
        const json& list = document_[key];
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string pointer = pointer_append(pointer_append("", key), i);
            if (!list[i].is_object()) {
                sink.error(pointer, "expected an object, found " + std::string(type_name(list[i])));
                continue;
            }
            read(list[i], pointer, i);
        }
    }

    void read_sources(PolicySet& set, const Sink& sink) {
        for_each_entry("sources", sink, [&](const json& entry, const std::string& pointer, std::size_t) {
            Fields fields(entry, pointer, sink, {"id", "title", "publisher", "date", "url", "reliability"});
            Source source;
            auto id = entry_id(fields, source_ids_, sink, "source");
            source.title = fields.text("title", true);
            source.publisher = fields.text("publisher");
            source.date = fields.date("date");
            source.url = fields.url("url");
            if (auto reliability = fields.string("reliability", true)) {
                auto parsed = parse_enum<Reliability>(*reliability, {{"confirmed", Reliability::confirmed},
                                                                      {"secondary", Reliability::secondary},
                                                                      {"article", Reliability::article}});
                if (parsed) {
                    source.reliability = *parsed;
                } else {
                    sink.error(fields.at("reliability"), in_quotes(*reliability) + " is not one of: confirmed, secondary, article");
                }
            }
            if (!id) return;
            source.id = *id;
            set.sources.push_back(std::move(source));
        });
    }

    void read_categories(PolicySet& set, const Sink& sink) {
        for_each_entry("categories", sink, [&](const json& entry, const std::string& pointer, std::size_t) {
            Fields fields(entry, pointer, sink, {"id", "name"});
            auto id = entry_id(fields, category_ids_, sink, "category");
            Text name = fields.text("name", true);
            if (id) set.categories.push_back(Category{*id, std::move(name)});
        });
    }

    void read_audiences(PolicySet& set, const Sink& sink) {
        const auto found = document_.find("audiences");
        if (found == document_.end()) return;
        const json* list = &*found;
        if (!list->is_array()) {
            sink.error("/audiences", "expected an array, found " + std::string(type_name(*list)));
            return;
        }
        has_audience_list_ = true;
        for_each_entry("audiences", sink, [&](const json& entry, const std::string& pointer, std::size_t) {
            Fields fields(entry, pointer, sink, {"id", "name"});
            auto id = entry_id(fields, audience_ids_, sink, "audience");
            Text name = fields.text("name", true);
            if (id) set.audiences.push_back(Audience{*id, std::move(name)});
        });
    }

    // ---- questions ----------------------------------------------------------------------------------------

    struct PendingRule {
        std::size_t question;  // index in set.questions
        const json* rule;
        std::string pointer;
    };

    void read_questions(PolicySet& set, const Sink& sink) {
        std::vector<PendingRule> ask_ifs;
        for_each_entry("questions", sink, [&](const json& entry, const std::string& pointer, std::size_t i) {
            Fields fields(entry, pointer, sink, {"id", "type", "label", "help", "options", "ordered", "min", "max", "unit", "ask_if",
                                                     "location"});
            auto question = read_question(fields, sink);
            auto raw_id = fields.get("id");
            if (raw_id != nullptr && raw_id->is_string()) raw_question_index_.emplace(raw_id->get<std::string>(), static_cast<int>(i));
            if (!question) return;
            if (const json* ask_if = fields.get("ask_if")) {
                ask_ifs.push_back(PendingRule{set.questions.size(), ask_if, fields.at("ask_if")});
            }
            set.questions.push_back(std::move(*question));
        });
        set.reindex();
        // ask_if may read any question, including later ones: compile once all are known.
        for (const PendingRule& pending : ask_ifs) {
            auto compiled = rules_.compile_policy_rule(set, *pending.rule, pending.pointer, sink, RuleScope::profile);
            if (compiled) set.questions[pending.question].ask_if = std::move(*compiled);
        }
    }

    std::optional<Question> read_question(const Fields& fields, const Sink& sink) {
        Question question;
        auto id = entry_id(fields, question_ids_, sink, "question");
        question.label = fields.text("label", true);
        question.help = fields.text("help");
        question.unit = fields.text("unit");
        question.min = fields.number("min");
        question.max = fields.number("max");
        question.ordered = fields.boolean("ordered").value_or(false);
        question.location = fields.boolean("location").value_or(false);
        bool usable = id.has_value();

        auto type = fields.string("type", true);
        std::optional<QuestionType> parsed;
        if (type) {
            parsed = parse_enum<QuestionType>(*type, {{"boolean", QuestionType::boolean}, {"number", QuestionType::number},
                                                       {"choice", QuestionType::choice}, {"multi", QuestionType::multi},
                                                       {"date", QuestionType::date}});
            if (!parsed) sink.error(fields.at("type"), in_quotes(*type) + " is not one of: boolean, number, choice, multi, date");
        }
        if (!parsed) {
            usable = false;
        } else {
            question.type = *parsed;
        }

        const bool has_options = question.type == QuestionType::choice || question.type == QuestionType::multi;
        if (parsed && has_options) {
            if (!read_options(fields, question, sink)) usable = false;
        } else if (fields.has("options")) {
            sink.warning(fields.at("options"), "options are only used by choice and multi questions");
        }
        if (fields.has("ordered") && question.type != QuestionType::choice) {
            sink.warning(fields.at("ordered"), "\"ordered\" only applies to choice questions");
        }
        if ((question.min || question.max || fields.has("unit")) && question.type != QuestionType::number) {
            sink.warning(fields.pointer(), "min, max and unit only apply to number questions");
        }
        if (question.min && question.max && *question.min > *question.max) {
            sink.error(fields.at("min"), "min is greater than max");
        }
        if (!usable) {
            if (id) question_ids_.broken.insert(*id);
            return std::nullopt;
        }
        question.id = *id;
        return question;
    }

    bool read_options(const Fields& fields, Question& question, const Sink& sink) {
        const json* options = fields.array("options", true);
        if (options == nullptr) return false;
        if (options->empty()) {
            sink.error(fields.at("options"), "a choice question needs at least one option");
            return false;
        }
        std::set<std::string> seen;
        for (std::size_t i = 0; i < options->size(); ++i) {
            const std::string pointer = pointer_append(fields.at("options"), i);
            const json& entry = (*options)[i];
            if (!entry.is_object()) {
                sink.error(pointer, "expected an option object {\"value\": ..., \"label\": ...}");
                continue;
            }
            Fields option_fields(entry, pointer, sink, {"value", "label"});
            Option option;
            auto value = option_fields.string("value", true);
            option.label = option_fields.text("label", true);
            if (!value) continue;
            if (value->empty()) {
                sink.error(option_fields.at("value"), "an option value must not be empty");
                continue;
            }
            if (!seen.insert(*value).second) {
                sink.error(option_fields.at("value"), "duplicate option value " + in_quotes(*value));
                continue;
            }
            option.value = *value;
            question.options.push_back(std::move(option));
        }
        return !question.options.empty();
    }

};

// The index N of a pointer "/policies/N/...", if it has that form.
std::optional<std::size_t> policy_index_of(const std::string& pointer) {
    constexpr std::string_view kPrefix = "/policies/";
    if (pointer.compare(0, kPrefix.size(), kPrefix) != 0) return std::nullopt;
    std::size_t index = 0, i = kPrefix.size();
    if (i >= pointer.size()) return std::nullopt;
    for (; i < pointer.size() && pointer[i] != '/'; ++i) {
        if (pointer[i] < '0' || pointer[i] > '9') return std::nullopt;
        index = index * 10 + static_cast<std::size_t>(pointer[i] - '0');
    }
    return index;
}

// Attributes a parse-level error (a duplicate key) to the policy it sits in, which then counts as invalid.
void skip_policy_with_error(LoadResult& result, const Diagnostic& diagnostic) {
    const auto index = policy_index_of(diagnostic.pointer);
    if (!index || !result.set) return;
    auto& skipped = result.skipped;
    auto already = std::find_if(skipped.begin(), skipped.end(), [&](const SkippedPolicy& s) { return s.index == *index; });
    if (already != skipped.end()) {
        already->diagnostics.insert(already->diagnostics.begin(), diagnostic);
        return;
    }
    auto& policies = result.set->policies;
    auto valid = std::find_if(policies.begin(), policies.end(), [&](const Policy& p) { return p.file_index == *index; });
    if (valid == policies.end()) return;
    SkippedPolicy entry;
    entry.index = *index;
    entry.id = valid->id;
    entry.diagnostics.push_back(diagnostic);
    policies.erase(valid);
    result.set->reindex();
    auto position = std::find_if(skipped.begin(), skipped.end(), [&](const SkippedPolicy& s) { return s.index > *index; });
    skipped.insert(position, std::move(entry));
}

// The policies of a parsed document. `owned`, when given, is that document, which the loader may free as it goes.
ReadPolicies from_document(const json& document, json* owned) {
    return [&document, owned](const PolicyContext& context) {
        read_policies(document["policies"], context, owned != nullptr ? &(*owned)["policies"] : nullptr);
        return true;
    };
}

// The policies the quick path left in the text, parsed one entry at a time: only one policy's JSON exists at any
// moment. False at an entry the quick path does not read (a duplicate key), with what was read so far unusable.
ReadPolicies from_text(const DeferredArray& policies) {
    return [&policies](const PolicyContext& context) {
        std::unordered_set<std::string> ids(policies.keys.begin(), policies.keys.end());
        PolicyListReader reader(context, std::move(ids), policies.count);
        ArrayElements entries(policies);
        json entry;
        for (std::size_t index = 0; entries.next(entry); ++index) {
            reader.read(index, entry);
            entry = json();
        }
        return !entries.failed();
    };
}

// The load's result with the parse's diagnostics (a BOM, duplicate keys) before its own.
LoadResult with_parse_diagnostics(std::vector<Diagnostic> parse_diagnostics, LoadResult result) {
    if (!result.fatal()) {
        // A duplicate key inside a policy makes that policy invalid; anywhere else it is an error of the file.
        for (const Diagnostic& diagnostic : parse_diagnostics) {
            if (diagnostic.severity == Severity::error) skip_policy_with_error(result, diagnostic);
        }
    }
    parse_diagnostics.insert(parse_diagnostics.end(), result.diagnostics.begin(), result.diagnostics.end());
    result.diagnostics = std::move(parse_diagnostics);
    return result;
}

}  // namespace

LoadResult load_policy_json(const json& document, const std::string& file) {
    return *Loader(document, file).run(from_document(document, nullptr));
}

LoadResult load_parsed_policy_set(ParsedJson parsed, const std::string& file) {
    if (!parsed.parsed) {
        LoadResult failed;
        failed.diagnostics = std::move(parsed.diagnostics);
        return failed;
    }
    // The parsed document is ours: each policy's JSON is freed once read, so the document and the set are never
    // both whole.
    json& document = parsed.value;
    LoadResult result = *Loader(document, file).run(from_document(document, &document));
    return with_parse_diagnostics(std::move(parsed.diagnostics), std::move(result));
}

LoadResult load_policy_set(std::string_view text, const std::string& file) {
    // The policies array is most of a file, and as nlohmann's DOM several times its size: when the quick path
    // reads the file, that array stays in the text and each policy is parsed just before it is read.
    DeferringParse parsed = parse_json_text_deferring(text, file, "policies", "id");
    if (!parsed.deferred) return load_parsed_policy_set(std::move(parsed.parsed), file);
    std::optional<LoadResult> streamed = Loader(parsed.parsed.value, file).run(from_text(*parsed.deferred));
    if (streamed) return with_parse_diagnostics(std::move(parsed.parsed.diagnostics), std::move(*streamed));
    // A policy the quick path leaves to the careful parser (a duplicate key): the whole file goes that way, as if
    // it had never been streamed, and the careful parser names what it found.
    parsed = DeferringParse{};
    return load_parsed_policy_set(parse_json_text(text, file), file);
}

}  // namespace portal::core
