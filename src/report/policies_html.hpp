// The text version of the portal: one static, accessible, printable HTML page with every policy in Chinese and
// English (each text carries its own lang), grouped by category, with a table of contents, benefit tables,
// each condition in words, how and where to apply, the source and its reliability, exclusions and validity.
// No script; its own Content-Security-Policy allows only its inline style (by hash). Served as policies.html.
#pragma once

#include <string>

#include "core/model.hpp"

namespace portal::report {

std::string policies_html(const core::PolicySet& set);

}  // namespace portal::report
