#include "core/policy_reader.hpp"

#include <set>
#include <unordered_set>

#include "core/profile.hpp"

namespace portal::core::reader {

std::vector<LintAccept> read_lint_accept(const Fields& fields, const Sink& sink) {
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

std::unordered_set<std::string> policy_ids_in(const json& list) {
    std::unordered_set<std::string> ids;
    for (const json& entry : list) {
        if (entry.is_object()) {
            auto id = entry.find("id");
            if (id != entry.end() && id->is_string()) ids.insert(id->get<std::string>());
        }
    }
    return ids;
}

class PolicyListReader::Policies {
public:
    Policies(const PolicyContext& context, std::unordered_set<std::string> ids)
        : file_(context.file), set_(context.set), result_(context.result), source_ids_(context.references.sources),
          category_ids_(context.references.categories), audience_ids_(context.references.audiences),
          has_audience_list_(context.references.has_audience_list), rules_(context.rules), all_ids_(std::move(ids)) {}

    void read(std::size_t index, const json& entry) {
        std::vector<Diagnostic> diagnostics;
        Sink sink{file_, diagnostics};
        const std::string pointer = pointer_append("/policies", index);
        std::optional<Policy> policy;
        if (!entry.is_object()) {
            sink.error(pointer, "expected a policy object, found " + std::string(type_name(entry)));
        } else {
            policy = read_policy(set_, entry, pointer, sink, policy_ids_, all_ids_);
        }
        const bool valid = policy.has_value() && !has_errors(diagnostics);
        result_.diagnostics.insert(result_.diagnostics.end(), diagnostics.begin(), diagnostics.end());
        if (valid) {
            policy->file_index = index;
            set_.policies.push_back(std::move(*policy));
        } else {
            SkippedPolicy skipped;
            skipped.index = index;
            if (entry.is_object() && entry.contains("id") && entry["id"].is_string()) skipped.id = entry["id"].get<std::string>();
            skipped.diagnostics = std::move(diagnostics);
            result_.skipped.push_back(std::move(skipped));
        }
    }

private:
    const std::string& file_;
    PolicySet& set_;
    LoadResult& result_;
    const IdList& source_ids_;
    const IdList& category_ids_;
    const IdList& audience_ids_;
    bool has_audience_list_;
    RuleBinder& rules_;
    const std::unordered_set<std::string> all_ids_;
    IdList policy_ids_;  // the ids read so far, for duplicates

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
        policy.criteria.reserve(list->size());
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
                if (auto compiled = rules_.compile_policy_rule(set, *rule, criterion_fields.at("rule"), sink, RuleScope::profile)) {
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
        if (auto compiled = rules_.compile_policy_rule(PolicySet{}, *value, fields.at("eligible_when"), sink, RuleScope::criteria, &policy.criteria)) {
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
                benefit.amount_rule = rules_.compile_policy_rule(set, *amount, fields.at("amount"), sink, RuleScope::profile);
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

PolicyListReader::PolicyListReader(const PolicyContext& context, std::unordered_set<std::string> ids, std::size_t count)
    : policies_(std::make_unique<Policies>(context, std::move(ids))) {
    context.set.policies.reserve(count);
}

PolicyListReader::~PolicyListReader() = default;

void PolicyListReader::read(std::size_t index, const json& entry) { policies_->read(index, entry); }

void read_policies(const json& list, const PolicyContext& context, json* release) {
    PolicyListReader reader(context, policy_ids_in(list), list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        reader.read(i, list[i]);
        // Nothing keeps a reference into a policy's JSON once it is read (compiled rules and examples copy what
        // they need), so its memory can go back before the next policy is read.
        if (release != nullptr) (*release)[i] = json();
    }
}

}  // namespace portal::core::reader
