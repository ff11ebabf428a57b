#include "domain/kind.hpp"

#include "quote.hpp"
#include "nearest.hpp"

#include <fazhi/error.hpp>

#include <algorithm>

namespace fazhi::domain {

const Field* Kind::find_field(const std::string& field_name) const {
  for (const Field& f : fields)
    if (f.name == field_name) return &f;
  if (field_name == "ext") return &ext_field();
  if (field_name == "provisional_deadlines") return &provisional_field();
  return nullptr;
}

const Action* Kind::find_action(const std::string& action_name) const {
  for (const Action& a : actions)
    if (a.name == action_name) return &a;
  return nullptr;
}

const Field& ext_field() {
  static const Field f = object("ext", "扩展字段").verbatim();
  return f;
}

const Field& provisional_field() {
  static const Field f = object("provisional_deadlines", "暂定期限").computed();
  return f;
}

// The registry: every record kind, in the order reports and the indicator
// catalogue present them. A kind is declared by the function kinds::<name>()
// in its family's file; adding one is one line here.
#define FAZHI_RECORD_KINDS(X) \
  X(org_unit)                 \
  X(decision)                 \
  X(legality_review)          \
  X(normative_document)       \
  X(normative_cleanup)        \
  X(enforcement_action)       \
  X(enforcement_officer)      \
  X(supervision_event)        \
  X(reconsideration_case)     \
  X(lawsuit)                  \
  X(coordination_case)        \
  X(coordination_meeting)     \
  X(mediation_committee)      \
  X(mediation_case)           \
  X(petition)                 \
  X(adviser)                  \
  X(adviser_engagement)       \
  X(adviser_service)          \
  X(training_campaign)        \
  X(legal_literate)           \
  X(leadership_activity)      \
  X(narrative)                \
  X(masked_name)

namespace kinds {
#define FAZHI_DECLARE_KIND(name) Kind name();
FAZHI_RECORD_KINDS(FAZHI_DECLARE_KIND)
#undef FAZHI_DECLARE_KIND
}  // namespace kinds

namespace {

const std::vector<Kind>& declared_kinds() {
  static const std::vector<Kind> kinds = {
#define FAZHI_CALL_KIND(name) kinds::name(),
      FAZHI_RECORD_KINDS(FAZHI_CALL_KIND)
#undef FAZHI_CALL_KIND
  };
  return kinds;
}

}  // namespace

const std::vector<const Kind*>& all_kinds() {
  static const std::vector<const Kind*> kinds = [] {
    std::vector<const Kind*> out;
    for (const Kind& k : declared_kinds()) out.push_back(&k);
    return out;
  }();
  return kinds;
}

const std::vector<const Kind*>& kinds_in_dependency_order() {
  static const std::vector<const Kind*> ordered = [] {
    // Repeatedly take the first kind, in registry order, whose references
    // are all placed; a reference of a kind to itself (a unit's parent) does
    // not hold it back. The registry is acyclic otherwise (a test checks).
    std::vector<const Kind*> out, pending = all_kinds();
    auto placed = [&](const std::string& name) {
      for (const Kind* k : out)
        if (k->name == name) return true;
      return false;
    };
    while (!pending.empty()) {
      auto ready = std::find_if(pending.begin(), pending.end(), [&](const Kind* k) {
        for (const Field& f : k->fields)
          if (!f.ref_kind.empty() && f.ref_kind != k->name && !placed(f.ref_kind)) return false;
        return true;
      });
      if (ready == pending.end())
        throw Error(Status::internal, "the record kinds reference each other in a cycle");
      out.push_back(*ready);
      pending.erase(ready);
    }
    return out;
  }();
  return ordered;
}

const Kind& org_unit_kind() {
  static const Kind& kind = kind_named("org_unit");
  return kind;
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
  std::vector<std::string> names;
  for (const Kind* k : all_kinds()) names.push_back(k->name);
  throw Error(Status::argument, "kind", "unknown kind " + quote(name) + did_you_mean(name, names));
}

}  // namespace fazhi::domain
