#include "core/load.hpp"

#include <cctype>

#include <algorithm>
#include <initializer_list>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/json_text.hpp"
#include "core/profile.hpp"

namespace portal::core {
namespace {

using json = nlohmann::json;

std::string in_quotes(const std::string& text) { return "\"" + text + "\""; }

// Where diagnostics go while one part of the file is checked (a policy collects its own, so the loader knows
// whether to keep it).
struct Sink {
    const std::string& file;
    std::vector<Diagnostic>& out;

    void report(Severity severity, const std::string& pointer, std::string message) const {
        Diagnostic diagnostic;
        diagnostic.severity = severity;
        diagnostic.file = file;
        diagnostic.pointer = pointer;
        diagnostic.message = std::move(message);
        out.push_back(std::move(diagnostic));
    }
    void error(const std::string& pointer, std::string message) const { report(Severity::error, pointer, std::move(message)); }
    void warning(const std::string& pointer, std::string message) const { report(Severity::warning, pointer, std::move(message)); }
};

std::string_view type_name(const json& value) {
    switch (value.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "a number";
    }
}

bool is_valid_id(const std::string& id) {
    if (id.empty()) return false;
    const auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!lower_or_digit(id[0])) return false;
    return std::all_of(id.begin() + 1, id.end(), [&](char c) { return lower_or_digit(c) || c == '_' || c == '-'; });
}

// Bidirectional embedding, override and isolate controls (U+202A..U+202E, U+2066..U+2069) make text display in
// another order than it is stored ("Trojan Source"): a reviewer of the file and a reader of the portal could see
// different things. Chinese and English texts never need them.
bool has_bidi_control(std::string_view text) {
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        if (text[i] != '\xE2') continue;
        const auto second = static_cast<unsigned char>(text[i + 1]);
        const auto third = static_cast<unsigned char>(text[i + 2]);
        if (second == 0x80 && third >= 0xAA && third <= 0xAE) return true;  // U+202A..U+202E
        if (second == 0x81 && third >= 0xA6 && third <= 0xA9) return true;  // U+2066..U+2069
    }
    return false;
}

constexpr const char* kBidiWarning =
    "contains bidirectional control characters (U+202A-U+202E, U+2066-U+2069), which can make text display in "
    "another order than it is stored; remove them (the portal's font has no glyph for them)";

}  // namespace

// Empty when the URL is acceptable: only https:, http:, mailto: and tel: links may reach a page people click.
std::string url_problem(const std::string& url) {
    if (url.empty()) return "empty URL";
    if (has_bidi_control(url)) return "URL contains bidirectional control characters";
    for (char c : url) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return "URL contains spaces or control characters";
    }
    const std::size_t colon = url.find(':');
    if (colon == std::string::npos || colon == 0) return "URL has no scheme (write https://...)";
    std::string scheme = url.substr(0, colon);
    for (char& c : scheme) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (scheme != "https" && scheme != "http" && scheme != "mailto" && scheme != "tel") {
        return "URL scheme \"" + scheme + ":\" is not allowed (only https:, http:, mailto:, tel:)";
    }
    if ((scheme == "https" || scheme == "http") && (url.compare(colon, 3, "://") != 0 || url.size() <= colon + 3)) {
        return "web URL must look like " + scheme + "://host/...";
    }
    if (url.size() == colon + 1) return "URL has nothing after the scheme";
    return "";
}

bool is_web_url(const std::string& url) {
    if (!url_problem(url).empty()) return false;
    std::string scheme = url.substr(0, url.find(':'));
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return scheme == "https" || scheme == "http";
}

namespace {

// Reads the fields of one JSON object, reporting wrong types and unknown keys at their pointers.
class Fields {
public:
    Fields(const json& object, std::string pointer, const Sink& sink, std::initializer_list<std::string_view> known)
        : object_(object), pointer_(std::move(pointer)), sink_(sink) {
        for (auto item = object.begin(); item != object.end(); ++item) {
            if (std::find(known.begin(), known.end(), item.key()) == known.end()) {
                sink_.warning(at(item.key()), "unknown field " + in_quotes(item.key()) + " (ignored)");
            }
        }
    }

    const std::string& pointer() const { return pointer_; }
    std::string at(const std::string& key) const { return pointer_append(pointer_, key); }
    const json* get(const std::string& key) const {
        auto found = object_.find(key);
        return found == object_.end() ? nullptr : &*found;
    }
    bool has(const std::string& key) const { return get(key) != nullptr; }

    const json* required(const std::string& key) const {
        const json* value = get(key);
        if (value == nullptr) sink_.error(pointer_, "missing required field " + in_quotes(key));
        return value;
    }

    const json* typed(const std::string& key, bool is_required, bool (json::*check)() const noexcept,
                      std::string_view expected) const {
        const json* value = is_required ? required(key) : get(key);
        if (value == nullptr) return nullptr;
        if (!((*value).*check)()) {
            sink_.error(at(key), "expected " + std::string(expected) + ", found " + std::string(type_name(*value)));
            return nullptr;
        }
        return value;
    }

    std::optional<std::string> string(const std::string& key, bool is_required = false) const {
        const json* value = typed(key, is_required, &json::is_string, "a string");
        if (value == nullptr) return std::nullopt;
        return value->get<std::string>();
    }

    std::optional<std::string> id(const std::string& key, bool is_required = true) const {
        auto text = string(key, is_required);
        if (text && !is_valid_id(*text)) {
            sink_.error(at(key), in_quotes(*text) + " is not a valid id (lowercase letters, digits, '_' and '-', starting with a letter or digit)");
            return std::nullopt;
        }
        return text;
    }

    std::optional<bool> boolean(const std::string& key) const {
        const json* value = typed(key, false, &json::is_boolean, "true or false");
        if (value == nullptr) return std::nullopt;
        return value->get<bool>();
    }

    std::optional<double> number(const std::string& key) const {
        const json* value = typed(key, false, &json::is_number, "a number");
        if (value == nullptr) return std::nullopt;
        return value->get<double>();
    }

    const json* array(const std::string& key, bool is_required = false) const {
        return typed(key, is_required, &json::is_array, "an array");
    }

    const json* object(const std::string& key, bool is_required = false) const {
        return typed(key, is_required, &json::is_object, "an object");
    }

    // A date string, or (when null_allowed) null for "open".
    std::optional<Date> date(const std::string& key, bool is_required = false, bool null_allowed = false) const {
        const json* value = is_required ? required(key) : get(key);
        if (value == nullptr || (null_allowed && value->is_null())) return std::nullopt;
        if (!value->is_string()) {
            sink_.error(at(key), "expected a date string YYYY-MM-DD, found " + std::string(type_name(*value)));
            return std::nullopt;
        }
        auto date = Date::parse(value->get_ref<const std::string&>());
        if (!date) sink_.error(at(key), in_quotes(value->get<std::string>()) + " is not a real date in the form YYYY-MM-DD");
        return date;
    }

    Text text(const std::string& key, bool is_required = false) const {
        const json* value = is_required ? required(key) : get(key);
        if (value == nullptr) return {};
        return read_text(*value, at(key));
    }

    Text read_text(const json& value, const std::string& pointer) const {
        Text text;
        if (!value.is_object()) {
            sink_.error(pointer, "expected a text object {\"zh\": \"...\", \"en\": \"...\"}, found " + std::string(type_name(value)));
            return text;
        }
        Fields fields(value, pointer, sink_, {"zh", "en"});
        if (auto zh = fields.string("zh", true)) {
            if (zh->empty()) sink_.error(fields.at("zh"), "the Chinese text must not be empty");
            if (has_bidi_control(*zh)) sink_.warning(fields.at("zh"), kBidiWarning);
            text.zh = *zh;
        }
        if (auto en = fields.string("en")) {
            if (has_bidi_control(*en)) sink_.warning(fields.at("en"), kBidiWarning);
            text.en = *en;
        }
        return text;
    }

    std::string url(const std::string& key, bool is_required = false) const {
        auto value = string(key, is_required);
        if (!value) return "";
        const std::string problem = url_problem(*value);
        if (!problem.empty()) {
            sink_.error(at(key), problem);
            return "";
        }
        return *value;
    }

private:
    const json& object_;
    std::string pointer_;
    const Sink& sink_;
};

// Ids seen in one list, to report duplicates; also remembers ids whose entries were unusable, so a reference
// to them says "invalid" rather than "unknown".
struct IdList {
    std::unordered_map<std::string, std::string> first_pointer;
    std::unordered_set<std::string> broken;

    bool add(const std::string& id, const std::string& pointer, const Sink& sink, std::string_view what) {
        auto inserted = first_pointer.emplace(id, pointer);
        if (!inserted.second) {
            sink.error(pointer, "duplicate " + std::string(what) + " id " + in_quotes(id) + " (first at " + inserted.first->second + ")");
            return false;
        }
        return true;
    }
};

template <typename Enum>
std::optional<Enum> parse_enum(const std::string& text, std::initializer_list<std::pair<std::string_view, Enum>> names) {
    for (const auto& [name, value] : names) {
        if (text == name) return value;
    }
    return std::nullopt;
}

std::string enum_choices(std::initializer_list<std::string_view> names) {
    std::string out;
    for (std::string_view name : names) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

class Loader {
public:
    Loader(const json& document, const std::string& file) : document_(document), file_(file) {}

    LoadResult run() {
        Sink sink{file_, result_.diagnostics};
        if (!check_top_level(sink)) return std::move(result_);
        PolicySet set;
        read_header(set, sink);
        read_sources(set, sink);
        read_categories(set, sink);
        read_audiences(set, sink);
        read_questions(set, sink);
        set.reindex();
        read_policies(set);
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
    // Every rule of the set is compiled into this, in file order: the matcher evaluates them in about that order.
    std::shared_ptr<RuleArena> rule_arena_ = make_rule_arena();

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

    // Accepted lint warnings: [{"code": "<lint code>", "why": TEXT}]; "why" may also be a plain string.
    static std::vector<LintAccept> read_lint_accept(const Fields& fields, const Sink& sink) {
        std::vector<LintAccept> out;
        const json* list = fields.array("lint_accept");
        if (list == nullptr) return out;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string pointer = pointer_append(fields.at("lint_accept"), i);
            if (!(*list)[i].is_object()) {
                sink.error(pointer, "expected an object {\"code\": ..., \"why\": ...}");
                continue;
            }
            Fields entry((*list)[i], pointer, sink, {"code", "why"});
            LintAccept accept;
            auto code = entry.string("code", true);
            if (code) {
                const bool known = std::find(std::begin(kLintCodes), std::end(kLintCodes), *code) != std::end(kLintCodes);
                if (!known) {
                    std::string codes;
                    for (std::string_view name : kLintCodes) codes += (codes.empty() ? "" : ", ") + std::string(name);
                    sink.error(entry.at("code"), in_quotes(*code) + " is not a lint code (" + codes + ")");
                    code.reset();
                }
            }
            const json* why = entry.required("why");
            if (why != nullptr && why->is_string()) {
                if (why->get_ref<const std::string&>().empty()) sink.error(entry.at("why"), "say why the warning is accepted");
                accept.why.zh = why->get<std::string>();
            } else if (why != nullptr) {
                accept.why = entry.text("why");
            }
            if (!code) continue;
            accept.code = *code;
            out.push_back(std::move(accept));
        }
        return out;
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
            auto compiled = compile_policy_rule(set, *pending.rule, pending.pointer, sink, RuleScope::profile);
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

    // ---- rules --------------------------------------------------------------------------------------------

    enum class RuleScope { profile, criteria };

    std::string unknown_question_message(const std::string& name) const {
        if (question_ids_.broken.count(name) > 0) {
            auto raw = raw_question_index_.find(name);
            std::string where = raw != raw_question_index_.end() ? " (see /questions/" + std::to_string(raw->second) + ")" : "";
            return "var " + in_quotes(name) + " names a question that is invalid" + where;
        }
        return "var " + in_quotes(name) + " does not name a question";
    }

    // Compiles a rule of a policy file: strict, vars bound to question slots (or to criteria in eligible_when),
    // every var and every compared choice value checked.
    std::optional<CompiledRule> compile_policy_rule(const PolicySet& set, const json& rule, const std::string& pointer,
                                                    const Sink& sink, RuleScope scope,
                                                    const std::vector<Criterion>* criteria = nullptr) {
        CompileOptions options;
        options.strict = true;
        options.arena = rule_arena_;
        if (scope == RuleScope::profile) {
            options.slot_of = [&set](std::string_view name) { return set.question_index(name); };
            options.ordered_options_of = [&set](std::string_view name) -> std::optional<std::vector<std::string>> {
                const int index = set.question_index(name);
                if (index < 0) return std::nullopt;
                const Question& question = set.questions[static_cast<std::size_t>(index)];
                if (question.type != QuestionType::choice || !question.ordered) return std::nullopt;
                std::vector<std::string> values;
                for (const Option& option : question.options) values.push_back(option.value);
                return values;
            };
        } else {
            options.slot_of = [criteria](std::string_view name) -> int {
                constexpr std::string_view kPrefix = "criteria.";
                if (name.substr(0, kPrefix.size()) != kPrefix) return -1;
                for (std::size_t i = 0; i < criteria->size(); ++i) {
                    if ((*criteria)[i].id == name.substr(kPrefix.size())) return static_cast<int>(i);
                }
                return -1;
            };
        }
        CompileResult compiled = compile_rule(rule, options);
        const std::size_t errors_before = count_errors(sink.out);
        for (const RuleIssue& issue : compiled.errors) sink.error(pointer + issue.pointer, issue.message);
        for (const VarUse& use : compiled.vars) {
            if (scope == RuleScope::profile) {
                if (set.question_index(use.name) < 0) sink.error(pointer + use.pointer, unknown_question_message(use.name));
            } else if (options.slot_of(use.name) < 0) {
                sink.error(pointer + use.pointer, "in eligible_when, var must be \"criteria.<id>\" of one of this policy's criteria; " +
                                                      in_quotes(use.name) + " is not");
            }
        }
        if (scope == RuleScope::profile) check_choice_values(set, compiled.choices, pointer, sink);
        if (count_errors(sink.out) > errors_before) return std::nullopt;
        return std::move(compiled.rule);
    }

    static void check_choice_values(const PolicySet& set, const std::vector<ChoiceUse>& choices, const std::string& pointer,
                                    const Sink& sink) {
        for (const ChoiceUse& use : choices) {
            const int index = set.question_index(use.var);
            if (index < 0) continue;  // already reported as an unknown var
            const Question& question = set.questions[static_cast<std::size_t>(index)];
            if (question.type != QuestionType::choice && question.type != QuestionType::multi) continue;
            if (question.option_index(use.value) < 0) {
                sink.error(pointer + use.pointer, in_quotes(use.value) + " is not an option of question " + in_quotes(question.id));
            }
        }
    }

    // ---- policies -----------------------------------------------------------------------------------------

    void read_policies(PolicySet& set) {
        const json& list = document_["policies"];
        const std::unordered_set<std::string> all_ids = policy_ids_in_file(list);
        IdList policy_ids;
        for (std::size_t i = 0; i < list.size(); ++i) {
            std::vector<Diagnostic> diagnostics;
            Sink sink{file_, diagnostics};
            const std::string pointer = pointer_append("/policies", i);
            std::optional<Policy> policy;
            if (!list[i].is_object()) {
                sink.error(pointer, "expected a policy object, found " + std::string(type_name(list[i])));
            } else {
                policy = read_policy(set, list[i], pointer, sink, policy_ids, all_ids);
            }
            const bool valid = policy.has_value() && !has_errors(diagnostics);
            result_.diagnostics.insert(result_.diagnostics.end(), diagnostics.begin(), diagnostics.end());
            if (valid) {
                policy->file_index = i;
                set.policies.push_back(std::move(*policy));
            } else {
                SkippedPolicy skipped;
                skipped.index = i;
                if (list[i].is_object() && list[i].contains("id") && list[i]["id"].is_string()) skipped.id = list[i]["id"].get<std::string>();
                skipped.diagnostics = std::move(diagnostics);
                result_.skipped.push_back(std::move(skipped));
            }
        }
    }

    static std::unordered_set<std::string> policy_ids_in_file(const json& list) {
        std::unordered_set<std::string> ids;
        for (const json& entry : list) {
            if (entry.is_object()) {
                auto id = entry.find("id");
                if (id != entry.end() && id->is_string()) ids.insert(id->get<std::string>());
            }
        }
        return ids;
    }

    std::optional<Policy> read_policy(const PolicySet& set, const json& entry, const std::string& pointer, const Sink& sink,
                                      IdList& policy_ids, const std::unordered_set<std::string>& all_ids) {
        Fields fields(entry, pointer, sink,
                      {"id", "title", "summary", "details", "category", "audiences", "tags", "valid", "criteria",
                       "eligible_when", "benefits", "apply", "source", "confirmed_in_force", "terms", "excludes",
                       "illustrative", "examples", "level", "lint_accept"});
        Policy policy;
        auto id = fields.id("id");
        if (id) {
            policy_ids.add(*id, fields.at("id"), sink, "policy");
            policy.id = *id;
        }
        policy.title = fields.text("title", true);
        policy.summary = fields.text("summary");
        policy.details = fields.text("details");
        policy.terms = fields.text("terms");
        policy.illustrative = fields.boolean("illustrative").value_or(false);
        read_reference(fields, "category", category_ids_, "category", sink, policy.category);
        read_reference(fields, "source", source_ids_, "source", sink, policy.source);
        read_in_force(fields, sink, policy);
        read_level(fields, sink, policy);
        policy.lint_accept = read_lint_accept(fields, sink);
        read_audience_ids(fields, sink, policy);
        read_tags(fields, sink, policy);
        read_validity(fields, sink, policy);
        read_criteria(set, fields, sink, policy);
        read_eligible_when(fields, sink, policy);
        read_benefits(set, fields, sink, policy);
        read_apply(fields, sink, policy);
        read_excludes(fields, sink, policy, all_ids);
        read_examples(set, fields, sink, policy);
        return policy;
    }

    void read_reference(const Fields& fields, const std::string& key, const IdList& ids, std::string_view what,
                        const Sink& sink, std::string& out) {
        auto id = fields.string(key, true);
        if (!id) return;
        if (ids.first_pointer.count(*id) == 0) {
            const std::string why = ids.broken.count(*id) > 0 ? " is invalid" : " does not exist";
            sink.error(fields.at(key), std::string(what) + " " + in_quotes(*id) + why);
            return;
        }
        out = *id;
    }

    void read_in_force(const Fields& fields, const Sink& sink, Policy& policy) {
        const json* value = fields.object("confirmed_in_force");
        if (value == nullptr) return;
        Fields in_force_fields(*value, fields.at("confirmed_in_force"), sink, {"date", "source"});
        InForce in_force;
        auto date = in_force_fields.date("date", true);
        std::string source;
        read_reference(in_force_fields, "source", source_ids_, "source", sink, source);
        if (!date || source.empty()) return;
        in_force.date = *date;
        in_force.source = source;
        policy.confirmed_in_force = std::move(in_force);
    }

    static void read_level(const Fields& fields, const Sink& sink, Policy& policy) {
        auto level = fields.string("level");
        if (!level) return;
        policy.level = parse_enum<Level>(*level, {{"district", Level::district}, {"city", Level::city},
                                                  {"province", Level::province}, {"national", Level::national}});
        if (!policy.level) sink.error(fields.at("level"), in_quotes(*level) + " is not one of: district, city, province, national");
    }

    void read_audience_ids(const Fields& fields, const Sink& sink, Policy& policy) {
        const json* list = fields.array("audiences");
        if (list == nullptr) return;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string pointer = pointer_append(fields.at("audiences"), i);
            const json& value = (*list)[i];
            if (!value.is_string() || !is_valid_id(value.get<std::string>())) {
                sink.error(pointer, "expected an audience id");
                continue;
            }
            const std::string id = value.get<std::string>();
            if (has_audience_list_ && audience_ids_.first_pointer.count(id) == 0) {
                sink.error(pointer, "audience " + in_quotes(id) + " is not in the top-level \"audiences\" list");
                continue;
            }
            policy.audiences.push_back(id);
        }
    }

    void read_tags(const Fields& fields, const Sink& sink, Policy& policy) {
        const json* tags = fields.object("tags");
        if (tags == nullptr) return;
        Fields tag_fields(*tags, fields.at("tags"), sink, {"zh", "en"});
        const auto read_list = [&](const std::string& lang, std::vector<std::string>& out) {
            const json* list = tag_fields.array(lang);
            if (list == nullptr) return;
            for (std::size_t i = 0; i < list->size(); ++i) {
                const json& tag = (*list)[i];
                if (!tag.is_string() || tag.get_ref<const std::string&>().empty()) {
                    sink.error(pointer_append(tag_fields.at(lang), i), "expected a non-empty string");
                    continue;
                }
                if (has_bidi_control(tag.get_ref<const std::string&>())) {
                    sink.warning(pointer_append(tag_fields.at(lang), i), kBidiWarning);
                }
                out.push_back(tag.get<std::string>());
            }
        };
        read_list("zh", policy.tags.zh);
        read_list("en", policy.tags.en);
    }

    void read_validity(const Fields& fields, const Sink& sink, Policy& policy) {
        const json* valid = fields.object("valid");
        if (valid == nullptr) return;
        Fields valid_fields(*valid, fields.at("valid"), sink, {"from", "until"});
        policy.valid.from = valid_fields.date("from", false, true);
        policy.valid.until = valid_fields.date("until", false, true);
        if (policy.valid.from && policy.valid.until && *policy.valid.until < *policy.valid.from) {
            sink.error(valid_fields.at("until"), "\"until\" is before \"from\"");
        }
    }

    void read_criteria(const PolicySet& set, const Fields& fields, const Sink& sink, Policy& policy) {
        const json* list = fields.array("criteria");
        if (list == nullptr) return;
        std::set<std::string> seen;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string pointer = pointer_append(fields.at("criteria"), i);
            if (!(*list)[i].is_object()) {
                sink.error(pointer, "expected a criterion object");
                continue;
            }
            Fields criterion_fields((*list)[i], pointer, sink, {"id", "label", "rule", "hint", "terms"});
            Criterion criterion;
            auto id = criterion_fields.id("id");
            if (id && !seen.insert(*id).second) sink.error(criterion_fields.at("id"), "duplicate criterion id " + in_quotes(*id));
            criterion.id = id.value_or("");
            criterion.label = criterion_fields.text("label", true);
            criterion.hint = criterion_fields.text("hint");
            criterion.terms = criterion_fields.text("terms");
            if (const json* rule = criterion_fields.required("rule")) {
                if (auto compiled = compile_policy_rule(set, *rule, criterion_fields.at("rule"), sink, RuleScope::profile)) {
                    criterion.rule = std::move(*compiled);
                }
            }
            policy.criteria.push_back(std::move(criterion));
        }
    }

    void read_eligible_when(const Fields& fields, const Sink& sink, Policy& policy) {
        const json* value = fields.get("eligible_when");
        if (value == nullptr) return;
        if (value->is_string()) {
            const std::string& text = value->get_ref<const std::string&>();
            if (text == "all") {
                policy.eligible_when = EligibleWhen::all;
            } else if (text == "any") {
                policy.eligible_when = EligibleWhen::any;
            } else {
                sink.error(fields.at("eligible_when"), in_quotes(text) + " is not \"all\", \"any\" or a rule");
            }
            return;
        }
        if (!value->is_object()) {
            sink.error(fields.at("eligible_when"), "expected \"all\", \"any\" or a rule object");
            return;
        }
        policy.eligible_when = EligibleWhen::rule;
        if (auto compiled = compile_policy_rule(PolicySet{}, *value, fields.at("eligible_when"), sink, RuleScope::criteria, &policy.criteria)) {
            policy.eligible_rule = std::move(*compiled);
        }
    }

    void read_benefits(const PolicySet& set, const Fields& fields, const Sink& sink, Policy& policy) {
        const json* list = fields.array("benefits");
        if (list == nullptr) return;
        std::set<std::string> seen;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string pointer = pointer_append(fields.at("benefits"), i);
            if (!(*list)[i].is_object()) {
                sink.error(pointer, "expected a benefit object");
                continue;
            }
            Fields benefit_fields((*list)[i], pointer, sink, {"id", "label", "kind", "amount", "unit", "per", "periods", "up_to"});
            policy.benefits.push_back(read_benefit(set, benefit_fields, sink, seen));
        }
    }

    Benefit read_benefit(const PolicySet& set, const Fields& fields, const Sink& sink, std::set<std::string>& seen) {
        Benefit benefit;
        if (fields.has("id")) {
            auto id = fields.id("id");
            if (id && !seen.insert(*id).second) sink.error(fields.at("id"), "duplicate benefit id " + in_quotes(*id));
            benefit.id = id.value_or("");
        }
        benefit.label = fields.text("label");
        if (auto kind = fields.string("kind", true)) {
            auto parsed = parse_enum<BenefitKind>(*kind, {{"cash", BenefitKind::cash}, {"voucher", BenefitKind::voucher},
                                                          {"loan", BenefitKind::loan}, {"in_kind", BenefitKind::in_kind},
                                                          {"service", BenefitKind::service}, {"waiver", BenefitKind::waiver}});
            if (parsed) {
                benefit.kind = *parsed;
            } else {
                sink.error(fields.at("kind"), in_quotes(*kind) + " is not one of: " +
                                                  enum_choices({"cash", "voucher", "loan", "in_kind", "service", "waiver"}));
            }
        }
        if (const json* amount = fields.get("amount")) {
            if (amount->is_number()) {
                benefit.amount = amount->get<double>();
                if (*benefit.amount < 0) sink.error(fields.at("amount"), "an amount cannot be negative");
                if (*benefit.amount > kMaxBenefitAmount) sink.error(fields.at("amount"), "an amount above 1e12 yuan is not a real figure");
            } else if (amount->is_object()) {
                benefit.amount_rule = compile_policy_rule(set, *amount, fields.at("amount"), sink, RuleScope::profile);
            } else {
                sink.error(fields.at("amount"), "expected a number or a rule, found " + std::string(type_name(*amount)));
            }
        }
        if (auto unit = fields.string("unit")) benefit.unit = *unit;
        if (auto per = fields.string("per")) {
            benefit.per = parse_enum<Per>(*per, {{"once", Per::once}, {"month", Per::month}, {"year", Per::year}});
            if (!benefit.per) sink.error(fields.at("per"), in_quotes(*per) + " is not one of: once, month, year");
        }
        if (auto periods = fields.number("periods")) {
            if (*periods <= 0) sink.error(fields.at("periods"), "periods must be positive");
            if (*periods > kMaxBenefitPeriods) sink.error(fields.at("periods"), "periods above 1200 are not a real figure");
            benefit.periods = *periods;
        }
        benefit.up_to = fields.boolean("up_to").value_or(false);
        if (benefit.up_to && !benefit.has_amount() && fields.get("amount") == nullptr) {
            sink.warning(fields.at("up_to"), "\"up_to\" marks an amount as a ceiling, but this benefit has no amount");
        }
        return benefit;
    }

    void read_apply(const Fields& fields, const Sink& sink, Policy& policy) {
        const json* apply = fields.object("apply");
        if (apply == nullptr) return;
        Fields apply_fields(*apply, fields.at("apply"), sink, {"how", "where", "links"});
        policy.apply.how = apply_fields.text("how");
        policy.apply.where = apply_fields.text("where");
        const json* links = apply_fields.array("links");
        if (links == nullptr) return;
        for (std::size_t i = 0; i < links->size(); ++i) {
            const std::string pointer = pointer_append(apply_fields.at("links"), i);
            if (!(*links)[i].is_object()) {
                sink.error(pointer, "expected a link object {\"label\": ..., \"url\": ...}");
                continue;
            }
            Fields link_fields((*links)[i], pointer, sink, {"label", "url"});
            Link link;
            link.label = link_fields.text("label", true);
            link.url = link_fields.url("url", true);
            policy.apply.links.push_back(std::move(link));
        }
    }

    void read_excludes(const Fields& fields, const Sink& sink, Policy& policy, const std::unordered_set<std::string>& all_ids) {
        const json* list = fields.array("excludes");
        if (list == nullptr) return;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string pointer = pointer_append(fields.at("excludes"), i);
            const json& value = (*list)[i];
            if (!value.is_string()) {
                sink.error(pointer, "expected a policy id");
                continue;
            }
            const std::string id = value.get<std::string>();
            if (id == policy.id) {
                sink.error(pointer, "a policy cannot exclude itself");
            } else if (all_ids.count(id) == 0) {
                sink.error(pointer, "policy " + in_quotes(id) + " does not exist");
            } else {
                policy.excludes.push_back(id);
            }
        }
    }

    void read_examples(const PolicySet& set, const Fields& fields, const Sink& sink, Policy& policy) {
        const json* list = fields.array("examples");
        if (list == nullptr) return;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string pointer = pointer_append(fields.at("examples"), i);
            if (!(*list)[i].is_object()) {
                sink.error(pointer, "expected an example object");
                continue;
            }
            Fields example_fields((*list)[i], pointer, sink, {"name", "as_of", "profile", "expect", "benefit_total",
                                                                       "benefit_up_to", "certainty"});
            Example example;
            example.name = example_fields.string("name").value_or("example " + std::to_string(i));
            example.as_of = example_fields.date("as_of");
            if (const json* profile = example_fields.object("profile", true)) {
                example.profile = *profile;
                for (const ProfileProblem& problem : check_profile(set, *profile)) {
                    sink.error(example_fields.at("profile") + problem.pointer, problem.message);
                }
            }
            if (auto expect = example_fields.string("expect", true)) {
                auto status = parse_status(*expect);
                if (status) {
                    example.expect = *status;
                } else {
                    sink.error(example_fields.at("expect"), in_quotes(*expect) + " is not one of: eligible, ineligible, unknown");
                }
            }
            if (const json* total = example_fields.get("benefit_total")) {
                example.has_benefit_total = true;
                if (total->is_number()) {
                    example.benefit_total = total->get<double>();
                } else if (!total->is_null()) {
                    sink.error(example_fields.at("benefit_total"), "expected a number or null");
                }
            }
            if (const json* up_to = example_fields.get("benefit_up_to")) {
                example.has_benefit_up_to = true;
                if (up_to->is_number()) {
                    example.benefit_up_to = up_to->get<double>();
                } else if (!up_to->is_null()) {
                    sink.error(example_fields.at("benefit_up_to"), "expected a number or null");
                }
            }
            if (auto certainty = example_fields.string("certainty")) {
                example.certainty = parse_certainty(*certainty);
                if (!example.certainty) {
                    sink.error(example_fields.at("certainty"), in_quotes(*certainty) + " is not one of: confirmed, unconfirmed, illustrative");
                }
            }
            policy.examples.push_back(std::move(example));
        }
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

}  // namespace

LoadResult load_policy_json(const json& document, const std::string& file) { return Loader(document, file).run(); }

LoadResult load_policy_set(std::string_view text, const std::string& file) {
    ParsedJson parsed = parse_json_text(text, file);
    if (!parsed.parsed) {
        LoadResult failed;
        failed.diagnostics = std::move(parsed.diagnostics);
        return failed;
    }
    LoadResult result = load_policy_json(parsed.value, file);
    if (result.fatal()) {
        parsed.diagnostics.insert(parsed.diagnostics.end(), result.diagnostics.begin(), result.diagnostics.end());
        result.diagnostics = std::move(parsed.diagnostics);
        return result;
    }
    // A duplicate key inside a policy makes that policy invalid; anywhere else it is an error of the file.
    for (const Diagnostic& diagnostic : parsed.diagnostics) {
        if (diagnostic.severity == Severity::error) skip_policy_with_error(result, diagnostic);
    }
    parsed.diagnostics.insert(parsed.diagnostics.end(), result.diagnostics.begin(), result.diagnostics.end());
    result.diagnostics = std::move(parsed.diagnostics);
    return result;
}

}  // namespace portal::core
