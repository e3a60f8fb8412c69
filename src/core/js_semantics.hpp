// JavaScript's value conversions, as json-logic-js inherits them: Number(), parseFloat(), String(), ==, ===,
// < and <=. Internal to core (jsonlogic.cpp and its tests); the public subset is declared in jsonlogic.hpp.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace portal::core::js {

double string_to_number(std::string_view text);   // Number("0x1A") = 26, Number("") = 0, Number("1a") = NaN
double parse_float(const nlohmann::json& value);   // parseFloat(String(value)): "12px" -> 12, "" -> NaN
bool loose_equals(const nlohmann::json& a, const nlohmann::json& b);   // a == b
bool strict_equals(const nlohmann::json& a, const nlohmann::json& b);  // a === b
bool less(const nlohmann::json& a, const nlohmann::json& b);           // a < b
bool less_equal(const nlohmann::json& a, const nlohmann::json& b);     // a <= b

}  // namespace portal::core::js
