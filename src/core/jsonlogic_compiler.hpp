// The JsonLogic compiler: a rule's JSON checked (operators, depth, var forms, rank tables) and turned into the
// flat program the evaluator runs (internal to core).
#pragma once

#include <memory>

#include "core/jsonlogic_program.hpp"

namespace portal::core::detail {

// Compiles `rule` into a packed program (in options.arena when set); problems and var uses go to `result`.
std::shared_ptr<const Program> compile_into(const json& rule, const CompileOptions& options, CompileResult& result);

}  // namespace portal::core::detail
