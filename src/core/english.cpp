#include "core/english.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <unordered_set>
#include <utility>

#include "core/derived_file.hpp"
#include "core/field_reader.hpp"

namespace portal::core {
namespace {

using reader::Fields;
using reader::Sink;
using json = nlohmann::json;

template <typename PolicyT, typename TextT>
void visit_texts(PolicyT& policy, const std::function<void(const std::string&, TextT&)>& visit) {
    visit("/title", policy.title);
    visit("/summary", policy.summary);
    visit("/details", policy.details);
    visit("/terms", policy.terms);
    for (std::size_t i = 0; i < policy.criteria.size(); ++i) {
        const std::string at = pointer_append("/criteria", i);
        visit(at + "/label", policy.criteria[i].label);
        visit(at + "/hint", policy.criteria[i].hint);
        visit(at + "/terms", policy.criteria[i].terms);
    }
    for (std::size_t i = 0; i < policy.benefits.size(); ++i) {
        visit(pointer_append("/benefits", i) + "/label", policy.benefits[i].label);
    }
    visit("/apply/how", policy.apply.how);
    visit("/apply/where", policy.apply.where);
    for (std::size_t i = 0; i < policy.apply.links.size(); ++i) {
        visit(pointer_append("/apply/links", i) + "/label", policy.apply.links[i].label);
    }
    for (std::size_t i = 0; i < policy.lint_accept.size(); ++i) {
        visit(pointer_append("/lint_accept", i) + "/why", policy.lint_accept[i].why);
    }
}

// The value at `place` (a pointer of plain keys and indices, as visit_texts writes them) below `entry`, or null.
const json* find_at(const json& entry, const std::string& place) {
    const json* node = &entry;
    std::size_t start = 1;
    while (node != nullptr && start <= place.size()) {
        const std::size_t end = std::min(place.find('/', start), place.size());
        const std::string key = place.substr(start, end - start);
        if (node->is_object()) {
            const auto found = node->find(key);
            node = found == node->end() ? nullptr : &*found;
        } else if (node->is_array()) {
            char* rest = nullptr;
            const unsigned long index = std::strtoul(key.c_str(), &rest, 10);
            node = (rest != nullptr && *rest == '\0' && index < node->size()) ? &(*node)[index] : nullptr;
        } else {
            node = nullptr;
        }
        start = end + 1;
    }
    return node;
}

// One policy's entry, read whole before any of it is given to the policy.
class EntryReader {
public:
    EntryReader(Policy& policy, const std::string& pointer, const Sink& sink)
        : policy_(policy), pointer_(pointer), sink_(sink) {}

    // True (and the texts given) when the entry had no error.
    bool join(const json& entry, std::size_t& texts) {
        const std::size_t before = count_errors(sink_.out);
        for_each_policy_text(policy_, [&](const std::string& place, Text& text) { read_text(entry, place, text); });
        read_tags(entry);
        report_leftovers(entry, "");
        if (count_errors(sink_.out) > before) return false;
        for (auto& [text, english] : texts_) *text = std::move(english);
        if (tags_) policy_.tags.en = std::move(*tags_);
        texts += texts_.size() + (tags_ ? 1 : 0);
        return true;
    }

private:
    Policy& policy_;
    const std::string& pointer_;
    const Sink& sink_;
    std::vector<std::pair<std::string*, std::string>> texts_;
    std::optional<std::vector<std::string>> tags_;
    std::unordered_set<std::string> read_;  // the places read as texts

    void read_text(const json& entry, const std::string& place, Text& text) {
        const json* node = find_at(entry, place);
        if (node == nullptr) return;
        read_.insert(place);
        const std::string at = pointer_ + place;
        if (!node->is_object()) {
            sink_.error(at, "expected {\"en\": \"...\"}, found " + std::string(reader::type_name(*node)));
            return;
        }
        const Fields fields(*node, at, sink_, {"en"});
        auto english = fields.string("en", true);
        if (!english) return;
        if (text.zh.empty()) {
            sink_.error(at, "the data has no text here to give an English text to");
            return;
        }
        texts_.emplace_back(&text.en, std::move(*english));
    }

    void read_tags(const json& entry) {
        const json* node = find_at(entry, "/tags");
        if (node == nullptr) return;
        read_.insert("/tags");
        const std::string at = pointer_ + "/tags";
        if (!node->is_object()) {
            sink_.error(at, "expected {\"en\": [...]}, found " + std::string(reader::type_name(*node)));
            return;
        }
        const Fields fields(*node, at, sink_, {"en"});
        const json* list = fields.array("en", true);
        if (list == nullptr) return;
        std::vector<std::string> tags;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const json& tag = (*list)[i];
            if (!tag.is_string() || tag.get_ref<const std::string&>().empty()) {
                sink_.error(pointer_append(fields.at("en"), i), "expected a non-empty string");
                continue;
            }
            tags.push_back(tag.get<std::string>());
        }
        tags_ = std::move(tags);
    }

    // Anything in the entry that is neither its id nor a text read above has no place in the data: an English
    // text there would be lost, so it is an error (the file was not made from this data's contract).
    void report_leftovers(const json& node, const std::string& place) {
        if (read_.count(place) > 0) return;
        if (node.is_object()) {
            for (auto item = node.begin(); item != node.end(); ++item) {
                if (place.empty() && item.key() == "id") continue;
                report_leftovers(*item, pointer_append(place, item.key()));
            }
        } else if (node.is_array()) {
            for (std::size_t i = 0; i < node.size(); ++i) report_leftovers(node[i], pointer_append(place, i));
        } else {
            sink_.error(pointer_ + place, "the policy has no text at this place in the data");
        }
    }
};

}  // namespace

void for_each_policy_text(const Policy& policy, const std::function<void(const std::string&, const Text&)>& visit) {
    visit_texts(policy, visit);
}

void for_each_policy_text(Policy& policy, const std::function<void(const std::string&, Text&)>& visit) {
    visit_texts(policy, visit);
}

EnglishJoin join_english(PolicySet& set, std::string_view english_text, const std::string& file,
                         std::string_view data_sha256) {
    EnglishJoin out;
    json document;
    if (!open_derived_file(english_text, file, kEnglishFormat, data_sha256, "these English texts", document,
                           out.diagnostics)) {
        return out;
    }
    out.usable = true;
    const Sink sink{file, out.diagnostics};
    out.broken = join_entries(set, document["policies"], file, out.diagnostics,
                              [&](std::size_t policy, const json& entry, const std::string& pointer) {
                                  EntryReader reader(set.policies[policy], pointer, sink);
                                  return reader.join(entry, out.texts);
                              });
    return out;
}

}  // namespace portal::core
