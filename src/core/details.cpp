#include "core/details.hpp"

#include <initializer_list>
#include <string_view>

#include "core/field_reader.hpp"
#include "core/json_text.hpp"

namespace portal::core {
namespace {

using reader::Fields;
using reader::in_quotes;
using reader::Sink;

// The details file is a form the build derives from the contract, not part of the contract: its own top-level
// keys are kept out of the policy format's field lists (tests/tools/test_contract_doc.py reads those).
const std::initializer_list<std::string_view> kTopLevel = {"format", "data_sha256", "policies"};

// The top level: the format and the data it was made for. False (with an error) when nothing of it may be used.
bool belongs_to(const Fields& top, const Sink& sink, std::string_view data_sha256) {
    const auto format = top.string("format", true);
    if (!format) return false;
    if (*format != kDetailsFormat) {
        sink.error(top.at("format"), in_quotes(*format) + " is not " + in_quotes(std::string(kDetailsFormat)));
        return false;
    }
    const auto made_for = top.string("data_sha256", true);
    if (!made_for) return false;
    if (*made_for != data_sha256) {
        sink.error(top.at("data_sha256"), "these details were made for other policy data (SHA-256 " + *made_for +
                                              ", the data loaded is " + std::string(data_sha256) + "); none is shown");
        return false;
    }
    return top.array("policies", true) != nullptr;
}

// One entry: its policy's text, or (false, with an error) none.
bool join_entry(const Fields& entry, const Policy& policy, const Sink& sink, Text& text) {
    const std::size_t before = count_errors(sink.out);
    const auto id = entry.string("id", true);
    if (id && *id != policy.id) {
        sink.error(entry.at("id"), in_quotes(*id) + " is not the policy at this place in the data (" +
                                       in_quotes(policy.id) + ")");
    }
    Text read = entry.text("details");
    if (count_errors(sink.out) > before) return false;
    text = std::move(read);
    return true;
}

}  // namespace

DetailsJoin join_details(const PolicySet& set, std::string_view details_text, const std::string& file,
                         std::string_view data_sha256) {
    DetailsJoin out;
    ParsedJson parsed = parse_json_text(details_text, file);
    out.diagnostics = std::move(parsed.diagnostics);
    if (!parsed.ok) return out;
    Sink sink{file, out.diagnostics};
    if (!parsed.value.is_object()) {
        sink.error("", "expected an object, found " + std::string(reader::type_name(parsed.value)));
        return out;
    }
    const Fields top(parsed.value, "", sink, kTopLevel);
    if (!belongs_to(top, sink, data_sha256)) return out;
    out.usable = true;
    out.details.resize(set.policies.size());
    out.broken.resize(set.policies.size(), false);
    const nlohmann::json& entries = *top.get("policies");
    // set.policies keeps file order and records each policy's place in the file; the entries are in file order.
    std::size_t policy = 0;
    for (std::size_t i = 0; i < entries.size() && policy < set.policies.size(); ++i) {
        if (set.policies[policy].file_index != i) continue;  // a policy the data left out
        const std::string pointer = pointer_append("/policies", i);
        if (!entries[i].is_object()) {
            sink.error(pointer, "expected an object {\"id\": ..., \"details\": ...}, found " +
                                    std::string(reader::type_name(entries[i])));
            out.broken[policy] = true;
        } else {
            const Fields entry(entries[i], pointer, sink, {"id", "details"});
            out.broken[policy] = !join_entry(entry, set.policies[policy], sink, out.details[policy]);
        }
        ++policy;
    }
    for (; policy < set.policies.size(); ++policy) {
        sink.error(top.at("policies"), "no entry for policy " + in_quotes(set.policies[policy].id));
        out.broken[policy] = true;
    }
    return out;
}

}  // namespace portal::core
