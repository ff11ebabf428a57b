#include "domain/labels.hpp"

#include "domain/kind.hpp"
#include "quote.hpp"

#include <fazhi/error.hpp>

namespace fazhi::domain {
namespace {

json code_labels(const Field& f) {
  json out = json::object();
  for (const Code& c : f.codes) out[c.code] = c.label;
  return out;
}

const char* type_name(FieldType t) {
  switch (t) {
    case FieldType::text: return "text";
    case FieldType::date: return "date";
    case FieldType::integer: return "integer";
    case FieldType::number: return "number";
    case FieldType::boolean: return "boolean";
    case FieldType::money: return "money";
    case FieldType::code: return "code";
    case FieldType::ref: return "ref";
    case FieldType::object: return "object";
    case FieldType::text_list: return "text_list";
    case FieldType::ref_list: return "ref_list";
    case FieldType::object_list: return "object_list";
  }
  return "text";
}

}  // namespace

json labels(const std::string& set) {
  json out = json::object();
  if (set == "kinds") {
    for (const Kind* k : all_kinds()) out[k->name] = k->label;
    return out;
  }
  // What a record line may give, and in which JSON type: a host that holds
  // values as text (a spreadsheet's cells) converts them by it.
  if (set == "types") {
    for (const Kind* k : all_kinds()) {
      json fields = json::object();
      for (const Field& f : k->fields)
        if (f.origin == Origin::input) fields[f.name] = type_name(f.type);
      out[k->name] = std::move(fields);
    }
    return out;
  }
  if (set == "codes") {
    for (const Kind* k : all_kinds())
      for (const Field& f : k->fields)
        if (f.type == FieldType::code) out[k->name + "." + f.name] = code_labels(f);
    return out;
  }
  auto dot = set.find('.');
  for (const Kind* k : all_kinds()) {
    if (dot == std::string::npos && k->name == set) {
      for (const Field& f : k->fields) out[f.name] = f.label;
      return out;
    }
    if (dot != std::string::npos && k->name == set.substr(0, dot)) {
      const Field* f = k->find_field(set.substr(dot + 1));
      if (f && f->type == FieldType::code) return code_labels(*f);
    }
  }
  throw Error(Status::argument, "set",
              "unknown label set " + quote(set) + " (kinds, codes, types, <kind> or <kind>.<field>)");
}

}  // namespace fazhi::domain
