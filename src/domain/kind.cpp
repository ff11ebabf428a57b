#include "domain/kind.hpp"

#include <fazhi/error.hpp>

namespace fazhi::domain {

const Field* Kind::find_field(const std::string& field_name) const {
  for (const Field& f : fields)
    if (f.name == field_name) return &f;
  if (field_name == "ext") return &ext_field();
  return nullptr;
}

const Field& ext_field() {
  static const Field f{"ext", FieldType::object, "扩展字段", false, {}, {}, nullptr};
  return f;
}

const std::vector<const Kind*>& all_kinds() {
  static const std::vector<const Kind*> kinds = {&org_unit_kind()};
  return kinds;
}

const Kind& kind_named(const std::string& name) {
  for (const Kind* k : all_kinds())
    if (k->name == name) return *k;
  throw Error(Status::argument, "kind", "unknown kind '" + name + "'");
}

}  // namespace fazhi::domain
