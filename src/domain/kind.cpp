#include "domain/kind.hpp"

#include "quote.hpp"

#include <fazhi/error.hpp>

namespace fazhi::domain {

const Field* Kind::find_field(const std::string& field_name) const {
  for (const Field& f : fields)
    if (f.name == field_name) return &f;
  if (field_name == "ext") return &ext_field();
  return nullptr;
}

const Action* Kind::find_action(const std::string& action_name) const {
  for (const Action& a : actions)
    if (a.name == action_name) return &a;
  return nullptr;
}

const Field& ext_field() {
  static const Field f = object("ext", "扩展字段");
  return f;
}

const std::vector<const Kind*>& all_kinds() {
  static const std::vector<const Kind*> kinds = {
      &org_unit_kind(),          &mediation_committee_kind(), &mediation_case_kind(),
      &petition_kind(),          &adviser_kind(),             &adviser_engagement_kind(),
      &adviser_service_kind(),   &training_campaign_kind(),   &legal_literate_kind(),
      &leadership_activity_kind(), &narrative_kind(),       &decision_kind(),
      &normative_document_kind(), &enforcement_officer_kind(), &enforcement_action_kind(),
      &supervision_event_kind(), &lawsuit_kind()};
  return kinds;
}

void record_action_once(json& values, const std::string& marker, const json& fields,
                        const std::string& conflict_message) {
  if (values.contains(marker)) {
    for (auto it = fields.begin(); it != fields.end(); ++it) {
      auto stored = values.find(it.key());
      json have = stored == values.end() ? json(nullptr) : *stored;
      if (have != it.value()) throw Error(Status::conflict, conflict_message);
    }
    return;
  }
  for (auto it = fields.begin(); it != fields.end(); ++it) {
    if (it->is_null()) values.erase(it.key());
    else values[it.key()] = it.value();
  }
}

std::string str(const json& values, const std::string& name) {
  auto it = values.find(name);
  return it != values.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const Kind& kind_named(const std::string& name) {
  for (const Kind* k : all_kinds())
    if (k->name == name) return *k;
  throw Error(Status::argument, "kind", "unknown kind " + quote(name));
}

}  // namespace fazhi::domain
