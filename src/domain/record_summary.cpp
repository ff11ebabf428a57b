#include "domain/record_summary.hpp"

namespace fazhi::domain {

std::string record_summary(const Kind& kind, const json& record) {
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : "；") + part; };
  for (const Field& f : kind.fields) {
    auto it = record.find(f.name);
    if (it == record.end() || it->is_null()) continue;
    if (f.type == FieldType::date && it->is_string()) {
      add(f.label + "：" + it->get<std::string>());
    } else if (f.type == FieldType::code && it->is_string()) {
      const Code* c = f.find_code(it->get<std::string>());
      add(f.label + "：" + (c ? c->label : it->get<std::string>()));
    } else if (f.type == FieldType::boolean && it->is_boolean() && it->get<bool>()) {
      add(f.label);  // a fact that holds ("信访积案"); one that does not says nothing
    }
  }
  return out;
}

}  // namespace fazhi::domain
