#include "domain/personal_names.hpp"

#include "domain/kind.hpp"

#include <set>

namespace fazhi::domain {
namespace {

using Names = Field::Names;

// The SELECT that lists the names of `wanted` held in field f: a text field's
// values, a text list's items, or the names of a party list's items of that
// type (a party without a type is a person).
std::string names_sql(const Kind& kind, const Field& f, Names wanted) {
  const std::string col = "t." + f.column();
  const std::string from = " FROM " + kind.table + " t";
  switch (f.type) {
    case FieldType::text_list:
      return "SELECT DISTINCT p.value" + from + ", json_each(" + col + ") p WHERE " + col +
             " IS NOT NULL AND p.type = 'text'";
    case FieldType::object_list:
      return "SELECT DISTINCT json_extract(p.value, '$.name')" + from + ", json_each(" + col +
             ") p WHERE " + col + " IS NOT NULL AND coalesce(json_extract(p.value, '$.type'), 'person') = '" +
             (wanted == Names::persons ? "person" : "organisation") + "'";
    default:
      return "SELECT DISTINCT " + col + from + " WHERE " + col + " IS NOT NULL";
  }
}

std::vector<std::string> names(store::Connection& conn, Names wanted) {
  std::set<std::string> found;
  for (const Kind* kind : all_kinds())
    for (const Field& f : kind->fields) {
      // Party lists hold both: their personal() flag covers organisations too.
      const bool parties = f.type == FieldType::object_list && f.holds_names == Names::persons;
      if (f.holds_names != wanted && !parties) continue;
      auto q = conn.statement(names_sql(*kind, f, wanted));
      while (q->executeStep())
        if (q->getColumn(0).isText() && !q->getColumn(0).getString().empty())
          found.insert(q->getColumn(0).getString());
    }
  return {found.begin(), found.end()};
}

}  // namespace

std::vector<std::string> personal_names(store::Connection& conn) { return names(conn, Names::persons); }

std::vector<std::string> organisation_names(store::Connection& conn) {
  return names(conn, Names::organisations);
}

NameMask held_names_mask(store::Connection& conn) {
  return NameMask(personal_names(conn), organisation_names(conn));
}

}  // namespace fazhi::domain
