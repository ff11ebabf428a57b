#include "exchange/ndjson_export.hpp"

#include "domain/kind.hpp"
#include "domain/personal_names.hpp"
#include "domain/record_store.hpp"
#include "domain/unit_tree.hpp"
#include "json_options.hpp"
#include "quote.hpp"

#include <fazhi/error.hpp>

#include <map>
#include <vector>

namespace fazhi::exchange {
namespace {

using json = nlohmann::json;
using domain::Field;
using domain::FieldType;
using domain::Kind;

constexpr std::int64_t kPage = 5000;  // records listed per query

// A reference the host gives (and an import needs): a ref or ref_list field
// of origin input.
bool is_reference(const Field& f) {
  return f.origin == domain::Origin::input &&
         (f.type == FieldType::ref || f.type == FieldType::ref_list);
}

// The units an export of one unit covers.
struct UnitScope {
  std::string unit;         // the exported unit's key
  std::int64_t root = 0;    // its id
  std::string ids;          // a JSON array of the ids in scope, bound for json_each
  std::string description;  // "the subtree of unit 'x'" / "unit 'x'"
};

UnitScope unit_scope(store::Connection& conn, const ExportSelection& selection) {
  UnitScope s;
  s.unit = *selection.unit;
  json ids = json::array();
  if (selection.subtree) {
    auto [lo, hi] = domain::subtree_range(conn, s.unit);
    s.root = domain::require_record(conn, domain::org_unit_kind(), s.unit);
    auto q = conn.statement("SELECT id FROM org_unit WHERE path >= ? AND path < ? ORDER BY id");
    q->bind(1, lo);
    q->bind(2, hi);
    while (q->executeStep()) ids.push_back(q->getColumn(0).getInt64());
  } else {
    s.root = domain::require_record(conn, domain::org_unit_kind(), s.unit);
    ids.push_back(s.root);
  }
  s.ids = ids.dump();
  s.description = (selection.subtree ? "the subtree of unit " : "unit ") + quote(s.unit);
  return s;
}

// "FROM <kind> r" joined to the records `f` refers to as "t": a ref holds
// the id, a ref_list a JSON array of keys (its items "j").
std::string referring_rows(const Kind& kind, const Field& f, const Kind& target) {
  if (f.type == FieldType::ref)
    return " FROM " + kind.table + " r JOIN " + target.table + " t ON t.id = r." + f.column();
  return " FROM " + kind.table + " r JOIN json_each(r." + f.column() + ") j JOIN " +
         target.table + " t ON t.key = j.value";
}

std::string in_scope(const std::string& column) {
  return column + " IN (SELECT value FROM json_each(?1))";
}

// Throws Error(conflict) for the first record of `kind` in scope that refers
// to a record of a unit outside it (the scope's root may name its parent: the
// export drops it).
void check_references(store::Connection& conn, const Kind& kind, const UnitScope& scope) {
  if (kind.unit_column.empty()) return;
  for (const Field& f : kind.fields) {
    if (!is_reference(f)) continue;
    const Kind& target = domain::kind_named(f.ref_kind);
    if (target.unit_column.empty()) continue;  // goes along with the export
    const std::string target_unit = "t." + target.unit_column;
    std::string sql = "SELECT r.key, t.key, (SELECT key FROM org_unit WHERE id = " + target_unit +
                      ")" + referring_rows(kind, f, target) + " WHERE " +
                      in_scope("r." + kind.unit_column) + " AND (" + target_unit + " IS NULL OR NOT " +
                      in_scope(target_unit) + ")";
    const bool parent_of_root = &kind == &domain::org_unit_kind() && f.name == "parent";
    if (parent_of_root) sql += " AND r.id <> ?2";
    sql += " ORDER BY r.id LIMIT 1";
    auto q = conn.statement(sql);
    q->bind(1, scope.ids);
    if (parent_of_root) q->bind(2, static_cast<int64_t>(scope.root));
    if (!q->executeStep()) {
      q->reset();
      continue;
    }
    const std::string from = q->getColumn(0).getString(), to = q->getColumn(1).getString();
    const std::string to_unit = q->getColumn(2).isNull() ? "" : q->getColumn(2).getString();
    std::string whose;
    if (&target != &domain::org_unit_kind())
      whose = to_unit.empty() ? " (of no unit)" : " of unit " + quote(to_unit);
    throw Error(Status::conflict, f.name,
                kind.name + " " + quote(from) + " refers to " + target.name + " " + quote(to) +
                    whose + ", which is outside " + scope.description +
                    ": the export would not import on its own");
  }
}

// The ids of the `unitless` records that the exported records in scope refer to.
std::set<std::int64_t> referenced_ids(store::Connection& conn, const Kind& unitless,
                                      const std::vector<const Kind*>& exported,
                                      const UnitScope& scope) {
  std::set<std::int64_t> ids;
  for (const Kind* kind : exported) {
    if (kind->unit_column.empty()) continue;
    for (const Field& f : kind->fields) {
      if (!is_reference(f) || f.ref_kind != unitless.name) continue;
      const std::string sql = "SELECT t.id" + referring_rows(*kind, f, unitless) + " WHERE " +
                              in_scope("r." + kind->unit_column);
      auto q = conn.statement(sql);
      q->bind(1, scope.ids);
      while (q->executeStep()) ids.insert(q->getColumn(0).getInt64());
    }
  }
  return ids;
}

// One record as an import line: what the host gives, without the id, the
// key alias and the fields actions and fazhi set.
std::string record_line(const Kind& kind, json item, bool as_root) {
  item.erase("id");
  if (!kind.key_alias.empty()) item.erase(kind.key_alias);
  for (const Field& f : kind.fields)
    if (f.origin != domain::Origin::input) {
      item.erase(f.name);
      if (f.type == FieldType::money) item.erase(f.fen_name());
    }
  if (as_root) item.erase("parent");
  item["record"] = kind.name;
  return item.dump();
}

}  // namespace

ExportSelection ExportSelection::parse(const json& query) {
  JsonOptions o(query, "query");
  ExportSelection s;
  for (const std::string& k : o.texts("kinds").value_or(std::vector<std::string>{}))
    s.kinds.insert(domain::kind_named(k).name);
  s.unit = o.text("unit");
  s.subtree = o.flag("subtree").value_or(false);
  s.mask = o.flag("mask").value_or(false);
  o.finish();
  if (s.subtree && !s.unit) throw Error(Status::argument, "subtree", "needs \"unit\"");
  return s;
}

void write_ndjson_export(store::Connection& conn, const ExportSelection& selection,
                         const std::function<void(std::string_view line)>& raw_out) {
  std::optional<domain::NameMask> mask;
  if (selection.mask) mask = domain::held_names_mask(conn);
  // Lines are JSON: masking their text masks every string in them. A key that
  // holds a name is masked alike wherever it occurs, so the file still
  // imports as one consistent set of records.
  auto out = [&](const std::string& line) {
    if (mask) raw_out(mask->apply(line));
    else raw_out(line);
  };
  std::optional<UnitScope> scope;
  if (selection.unit) scope = unit_scope(conn, selection);
  std::vector<const Kind*> exported;
  for (const Kind* k : domain::kinds_in_dependency_order())
    if (selection.kinds.empty() || selection.kinds.count(k->name)) exported.push_back(k);
  // Everything is checked before the first line is written.
  if (scope)
    for (const Kind* k : exported) check_references(conn, *k, *scope);

  // The exported records of the kinds with actions, by id.
  std::map<std::string, std::pair<const Kind*, std::set<std::int64_t>>> exported_ids;
  for (const Kind* k : exported) {
    const bool is_org_unit = k == &domain::org_unit_kind();
    auto emit = [&](json item) {
      const std::int64_t id = item.at("id").get<std::int64_t>();
      if (!k->actions.empty()) {
        auto& ids = exported_ids[k->name];
        ids.first = k;
        ids.second.insert(id);
      }
      out(record_line(*k, std::move(item), scope && is_org_unit && id == scope->root));
    };
    if (scope && k->unit_column.empty()) {
      for (std::int64_t id : referenced_ids(conn, *k, exported, *scope))
        emit(domain::get_record(conn, *k, id));
      continue;
    }
    for (std::int64_t offset = 0;; offset += kPage) {
      json q = {{"limit", kPage}, {"offset", offset}};
      if (scope) {
        q["unit"] = scope->unit;
        q["subtree"] = selection.subtree;
      }
      json page = domain::list_records(conn, *k, q);
      const std::size_t n = page["items"].size();
      for (json& item : page["items"]) emit(std::move(item));
      if (static_cast<std::int64_t>(n) < kPage) break;
    }
  }
  // Actions follow the records, replayed from the journal in their order, so
  // that importing the file reproduces every record's state.
  // (The ops that write a record's fields, load a calendar, move a record
  // to another kind or seal its state at an upgrade are not actions.)
  store::Journal journal(conn);
  journal.scan({"create", "update", "patch", "load", "recompute", store::kMoveOp, store::kSealOp}, [&](const store::JournalEntry& e) {
    auto ids = exported_ids.find(e.kind);
    if (ids == exported_ids.end() || !ids->second.second.count(e.record_id)) return;
    const Kind& kind = *ids->second.first;
    json line = e.change;
    domain::add_yuan_to_change(kind, line);
    line["record"] = e.kind;
    // The journal stores a key only on a record's first entry (a create,
    // which is not replayed): the record has it. Looked up per action rather
    // than kept beside every exported id, which would hold every key of a
    // large export in memory at once.
    line["key"] = domain::key_of_id(conn, kind, e.record_id).value_or(e.key);
    line["action"] = e.op;
    line["actor"] = e.actor;
    out(line.dump());
  });
}

}  // namespace fazhi::exchange
