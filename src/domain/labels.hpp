// labels.hpp — Chinese labels of kinds, fields and codes, from the declarations,
// so that reports and hosts never hard-code them.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace fazhi::domain {

// "kinds"        -> {kind: label}
// "codes"        -> {"<kind>.<field>": {code: label}} for every closed set
// "types"        -> {kind: {field: type}} of the fields a record line gives
//                   (not those set by actions or derived); type is the
//                   FieldType's name: "text", "date", "integer", "number",
//                   "boolean", "money", "code", "ref", "object", "text_list",
//                   "ref_list" or "object_list"
// "<kind>"       -> {field: label} of that kind
// "<kind>.<field>" -> {code: label} of that closed set
// Anything else throws Error(argument, "set", ...).
nlohmann::json labels(const std::string& set);

}  // namespace fazhi::domain
