#include "core/derived_file.hpp"

#include <initializer_list>

#include "core/field_reader.hpp"
#include "core/json_text.hpp"

namespace portal::core {
namespace {

using reader::Fields;
using reader::in_quotes;
using reader::Sink;

// A derived file is not part of the contract: its own top-level keys are kept out of the policy format's field
// lists (tests/tools/test_contract_doc.py reads those).
const std::initializer_list<std::string_view> kTopLevel = {"format", "data_sha256", "policies"};

bool belongs_to(const Fields& top, const Sink& sink, std::string_view format, std::string_view data_sha256,
                std::string_view what) {
    const auto found = top.string("format", true);
    if (!found) return false;
    if (*found != format) {
        sink.error(top.at("format"), in_quotes(*found) + " is not " + in_quotes(std::string(format)));
        return false;
    }
    const auto made_for = top.string("data_sha256", true);
    if (!made_for) return false;
    if (*made_for != data_sha256) {
        sink.error(top.at("data_sha256"), std::string(what) + " were made for other policy data (SHA-256 " + *made_for +
                                              ", the data loaded is " + std::string(data_sha256) + "); none is shown");
        return false;
    }
    return top.array("policies", true) != nullptr;
}

}  // namespace

bool open_derived_file(std::string_view text, const std::string& file, std::string_view format,
                       std::string_view data_sha256, std::string_view what, nlohmann::json& document,
                       std::vector<Diagnostic>& diagnostics) {
    ParsedJson parsed = parse_json_text(text, file);
    diagnostics = std::move(parsed.diagnostics);
    if (!parsed.ok) return false;
    Sink sink{file, diagnostics};
    if (!parsed.value.is_object()) {
        sink.error("", "expected an object, found " + std::string(reader::type_name(parsed.value)));
        return false;
    }
    document = std::move(parsed.value);
    const Fields top(document, "", sink, kTopLevel);
    return belongs_to(top, sink, format, data_sha256, what);
}

std::vector<bool> join_entries(const PolicySet& set, const nlohmann::json& entries, const std::string& file,
                               std::vector<Diagnostic>& diagnostics, const JoinEntry& join) {
    Sink sink{file, diagnostics};
    std::vector<bool> broken(set.policies.size(), false);
    // set.policies keeps file order and records each policy's place in the file; the entries are in file order.
    std::size_t policy = 0;
    for (std::size_t i = 0; i < entries.size() && policy < set.policies.size(); ++i) {
        if (set.policies[policy].file_index != i) continue;  // a policy the data left out
        const std::string pointer = pointer_append("/policies", i);
        const Policy& expected = set.policies[policy];
        if (!entries[i].is_object()) {
            sink.error(pointer, "expected an object {\"id\": ..., ...}, found " + std::string(reader::type_name(entries[i])));
            broken[policy] = true;
        } else {
            const std::size_t before = count_errors(diagnostics);
            const auto id = entries[i].find("id");
            if (id == entries[i].end() || !id->is_string()) {
                sink.error(pointer, "expected the policy's \"id\" (a string)");
            } else if (id->get_ref<const std::string&>() != expected.id) {
                sink.error(pointer_append(pointer, "id"), in_quotes(id->get<std::string>()) +
                                                              " is not the policy at this place in the data (" +
                                                              in_quotes(expected.id) + ")");
            }
            broken[policy] = count_errors(diagnostics) > before || !join(policy, entries[i], pointer);
        }
        ++policy;
    }
    for (; policy < set.policies.size(); ++policy) {
        sink.error("/policies", "no entry for policy " + in_quotes(set.policies[policy].id));
        broken[policy] = true;
    }
    return broken;
}

}  // namespace portal::core
