#include "core/details.hpp"

#include "core/derived_file.hpp"
#include "core/field_reader.hpp"

namespace portal::core {

DetailsJoin join_details(const PolicySet& set, std::string_view details_text, const std::string& file,
                         std::string_view data_sha256) {
    DetailsJoin out;
    nlohmann::json document;
    if (!open_derived_file(details_text, file, kDetailsFormat, data_sha256, "these details", document, out.diagnostics)) {
        return out;
    }
    out.usable = true;
    out.details.resize(set.policies.size());
    const reader::Sink sink{file, out.diagnostics};
    out.broken = join_entries(set, document["policies"], file, out.diagnostics,
                              [&](std::size_t policy, const nlohmann::json& entry, const std::string& pointer) {
                                  const std::size_t before = count_errors(out.diagnostics);
                                  const reader::Fields fields(entry, pointer, sink, {"id", "details"});
                                  Text read = fields.text("details");
                                  if (count_errors(out.diagnostics) > before) return false;
                                  out.details[policy] = std::move(read);
                                  return true;
                              });
    return out;
}

}  // namespace portal::core
