// The JSON object `policyctl check --json` prints (docs/POLICY-FORMAT.md): keys in the contract's order, integral
// numbers printed as integers, stable output so it can be diffed against an expected file.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/matcher.hpp"
#include "core/model.hpp"

namespace portal::core {

nlohmann::ordered_json check_json(const PolicySet& set, const Evaluation& evaluation);
// Its "best_bundle" member alone (the app's test hook shows the same object).
nlohmann::ordered_json bundle_json(const PolicySet& set, const Bundle& bundle);
// Two-space indented text with a final newline.
std::string check_json_text(const PolicySet& set, const Evaluation& evaluation);

}  // namespace portal::core
