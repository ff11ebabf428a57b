#include "domain/record_store.hpp"

#include "bounded_json.hpp"

#include "domain/due_dates.hpp"
#include "domain/findings.hpp"
#include "domain/record_state.hpp"
#include "domain/unit_tree.hpp"
#include "json_options.hpp"
#include "nearest.hpp"
#include "quote.hpp"

#include <fazhi/error.hpp>
#include <fazhi/period.hpp>

#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>

namespace fazhi::domain {
namespace {

// SQL of a kind, built once from its declaration.
struct KindSql {
  std::vector<const Field*> fields;  // declared fields, then ext and provisional_deadlines
  std::string select_by_id;          // key, then `fields`
  std::string select_by_key;         // id, then `fields`
  std::string insert;                // key, then `fields`
  std::string id_by_key;
  std::string key_by_id;
  // The money fields of the kind and of its actions' arguments, as the
  // names a change holds them under: (yuan name, fen name).
  std::vector<std::pair<std::string, std::string>> money;
};

KindSql build_sql(const Kind& kind) {
  KindSql s;
  for (const Field& f : kind.fields) s.fields.push_back(&f);
  s.fields.push_back(&ext_field());
  s.fields.push_back(&provisional_field());
  std::string cols, marks;
  for (const Field* f : s.fields) {
    cols += (cols.empty() ? "" : ", ") + f->column();
    marks += ", ?";
  }
  s.select_by_id = "SELECT key, " + cols + " FROM " + kind.table + " WHERE id = ?";
  s.select_by_key = "SELECT id, " + cols + " FROM " + kind.table + " WHERE key = ?";
  s.insert = "INSERT INTO " + kind.table + " (key, " + cols + ") VALUES (?" + marks + ")";
  s.id_by_key = "SELECT id FROM " + kind.table + " WHERE key = ?";
  s.key_by_id = "SELECT key FROM " + kind.table + " WHERE id = ?";
  auto add_money = [&s](const Field& f) {
    if (f.type != FieldType::money) return;
    std::pair<std::string, std::string> names{f.name, f.fen_name()};
    for (const auto& m : s.money)
      if (m == names) return;
    s.money.push_back(std::move(names));
  };
  for (const Field& f : kind.fields) add_money(f);
  for (const Action& a : kind.actions)
    for (const Field& f : a.args) add_money(f);
  return s;
}

const KindSql& sql_of(const Kind& kind) {
  static const std::map<const Kind*, KindSql> all = [] {
    std::map<const Kind*, KindSql> m;
    for (const Kind* k : all_kinds()) m.emplace(k, build_sql(*k));
    return m;
  }();
  return all.at(&kind);
}

void bind_value(SQLite::Statement& st, int index, const Field& f, const json& v) {
  if (v.is_null()) {
    st.bind(index);
    return;
  }
  switch (f.type) {
    case FieldType::text:
    case FieldType::date:
    case FieldType::code:
      st.bind(index, v.get_ref<const std::string&>());
      return;
    case FieldType::integer:
    case FieldType::money:
    case FieldType::ref:
      st.bind(index, static_cast<int64_t>(v.get<std::int64_t>()));
      return;
    case FieldType::number:
      st.bind(index, v.get<double>());
      return;
    case FieldType::boolean:
      st.bind(index, v.get<bool>() ? 1 : 0);
      return;
    case FieldType::object:
    case FieldType::text_list:
    case FieldType::ref_list:
    case FieldType::object_list:
      st.bind(index, v.dump());
      return;
  }
}

json read_value(const SQLite::Column& c, const Field& f) {
  if (c.isNull()) return nullptr;
  switch (f.type) {
    case FieldType::text:
    case FieldType::date:
    case FieldType::code:
      return c.getString();
    case FieldType::integer:
    case FieldType::money:
    case FieldType::ref:
      return c.getInt64();
    case FieldType::number:
      return c.getDouble();
    case FieldType::boolean:
      return c.getInt() != 0;
    case FieldType::object:
    case FieldType::text_list:
    case FieldType::ref_list:
    case FieldType::object_list: {
      json v = read_stored_json(c.getString());
      // Written checked by fazhi: unreadable or too deep only if edited behind its back.
      if (v.is_discarded())
        throw Error(Status::corrupt, "a stored " + std::string(c.getName()) +
                                         " is not JSON fazhi wrote (nested too deep or malformed)");
      return v;
    }
  }
  return nullptr;
}

const Kind& kind_by_name(const std::string& name) { return kind_named(name); }

// Keys are the host's identifiers: printable, no surrounding space, bounded.
std::string check_key(const json& v, const std::string& field) {
  if (!v.is_string()) throw Error(Status::argument, field, "expected a string key");
  const std::string& k = v.get_ref<const std::string&>();
  if (k.empty()) throw Error(Status::argument, field, "is empty");
  if (k.size() > 256) throw Error(Status::argument, field, "longer than 256 bytes");
  for (unsigned char ch : k)
    if (ch < 0x20 || ch == 0x7f) throw Error(Status::argument, field, "contains a control character");
  if (k.front() == ' ' || k.back() == ' ')
    throw Error(Status::argument, field, "has leading or trailing spaces");
  return k;
}

// The interchange fields of `input` in storage form, plus the key and id if
// given. `partial`: a patch (null means clear, absent means keep).
struct Parsed {
  json values = json::object();  // field -> storage value (null = clear)
  std::optional<std::string> key;
  std::optional<std::int64_t> id;
};

// `what` names the kind (or kind.action) in messages; `fields` are the
// accepted fields, plus "ext" when `with_ext`.
Parsed parse_fields(Context& ctx, const std::string& what, const std::vector<Field>& fields,
                    const std::string& key_alias, bool with_ext, const json& input) {
  if (!input.is_object()) throw Error(Status::argument, "record", "expected a JSON object");
  auto find = [&](const std::string& name) -> const Field* {
    for (const Field& f : fields)
      if (f.name == name) return &f;
    if (name == provisional_field().name) return &provisional_field();
    return with_ext && name == "ext" ? &ext_field() : nullptr;
  };
  Parsed p;
  std::map<std::string, std::int64_t> fen_given;  // money given as *_fen
  for (auto it = input.begin(); it != input.end(); ++it) {
    const std::string& name = it.key();
    const json& v = it.value();
    if (name == "record") {
      if (!v.is_string() || v.get<std::string>() != what)
        throw Error(Status::argument, "record", "must be \"" + what + "\" here");
      continue;
    }
    if (name == "key" || (!key_alias.empty() && name == key_alias)) {
      std::string k = check_key(v, name);
      if (p.key && *p.key != k)
        throw Error(Status::argument, name, "differs from the key given in the same record");
      p.key = k;
      continue;
    }
    if (name == "id") {
      if (!v.is_number_integer()) throw Error(Status::argument, "id", "expected an integer");
      p.id = v.get<std::int64_t>();
      continue;
    }
    const Field* f = find(name);
    if (!f) {
      for (const Field& m : fields)
        if (m.type == FieldType::money && m.fen_name() == name) {
          if (!v.is_null()) {
            if (!v.is_number_integer())
              throw Error(Status::argument, name, "expected an integer number of fen");
            fen_given[m.name] = v.get<std::int64_t>();
          }
          f = &m;
        }
      if (!f) {
        std::vector<std::string> known;
        for (const Field& m : fields) known.push_back(m.name);
        throw Error(Status::argument, name, "unknown field of " + what + did_you_mean(name, known));
      }
      continue;
    }
    if (f->origin == Origin::action)
      throw Error(Status::argument, name, "is set by the " + f->action + " action, not by put");
    if (f->origin == Origin::derived)
      throw Error(Status::argument, name, "is computed by fazhi and cannot be given");
    p.values[f->name] = v.is_null() ? json(nullptr) : to_storage(*f, v, ctx.refs);
  }
  for (const auto& [field, fen] : fen_given) {
    auto it = p.values.find(field);
    if (it != p.values.end() && !it->is_null() && it->get<std::int64_t>() != fen)
      throw Error(Status::argument, field, "disagrees with the _fen amount given beside it");
    if (it == p.values.end() || it->is_null()) p.values[field] = fen;
  }
  return p;
}

Parsed parse_input(Context& ctx, const Kind& kind, const json& input) {
  return parse_fields(ctx, kind.name, kind.fields, kind.key_alias, true, input);
}

// Applies defaults, the kind's completion, required checks and its rules.
void finish_values(Context& ctx, const Kind& kind, json& values,
                   std::optional<std::int64_t> id) {
  for (auto it = values.begin(); it != values.end();)
    it = it->is_null() ? values.erase(it) : std::next(it);
  for (const Field& f : kind.fields)
    if (!values.contains(f.name) && !f.default_value.is_null())
      values[f.name] = to_storage(f, f.default_value, ctx.refs);
  if (kind.complete) kind.complete(ctx, values);
  for (const Field& f : kind.fields)
    if (f.required && !values.contains(f.name))
      throw Error(Status::argument, f.name, "is required for " + kind.name);
  if (kind.validate) kind.validate(ctx, values, id);
}

json value_or_null(const json& values, const std::string& name) {
  auto it = values.find(name);
  return it == values.end() ? json(nullptr) : *it;
}

void insert_row(Context& ctx, const Kind& kind, const json& values, const std::string& key,
                std::int64_t* new_id) {
  const KindSql& s = sql_of(kind);
  auto st = ctx.conn.statement(s.insert);
  int i = 1;
  st->bind(i++, key);
  for (const Field* f : s.fields) bind_value(*st, i++, *f, value_or_null(values, f->name));
  st->exec();
  *new_id = ctx.conn.db().getLastInsertRowid();
}

// Writes only the columns that differ from `before`: SQLite rewrites an index
// only when one of its columns is assigned, so closing a case touches the
// closed-date index and not the key, unit and committee indexes as well.
// The statement is cached per set of columns; an action always changes the
// same few, so there are few sets.
void update_row(Context& ctx, const Kind& kind, const json& before, const json& values,
                std::int64_t id) {
  const KindSql& s = sql_of(kind);
  std::vector<const Field*> changed;
  for (const Field* f : s.fields)
    if (value_or_null(before, f->name) != value_or_null(values, f->name)) changed.push_back(f);
  if (changed.empty()) return;
  std::string sql = "UPDATE " + kind.table + " SET ";
  for (std::size_t i = 0; i < changed.size(); ++i)
    sql += (i ? ", " : "") + changed[i]->column() + " = ?";
  sql += " WHERE id = ?";
  auto st = ctx.conn.statement(sql);
  int i = 1;
  for (const Field* f : changed) bind_value(*st, i++, *f, value_or_null(values, f->name));
  st->bind(i, static_cast<int64_t>(id));
  st->exec();
}

// The interchange form of the changed fields: new values, null for cleared.
json diff_external(Context& ctx, const Kind& kind, const json& before, const json& after) {
  json change = json::object();
  for (const Field* f : sql_of(kind).fields) {
    json b = value_or_null(before, f->name), a = value_or_null(after, f->name);
    if (a == b) continue;
    if (a.is_null()) {
      change[f->name] = nullptr;
      if (f->type == FieldType::money) change[f->fen_name()] = nullptr;
    } else {
      put_external(*f, a, ctx.refs, change);
    }
  }
  return change;
}

json external_values(const RefResolver& refs, const Kind& kind, const json& values) {
  json out = json::object();
  for (const Field* f : sql_of(kind).fields) put_external(*f, value_or_null(values, f->name), refs, out);
  return out;
}

// The key <-> id pairs one call has looked up. A bulk import names the same
// committees and units again and again, and the journal wants the keys of the
// ids it has just resolved; records are never deleted and keys never change,
// so a pair stays true until a rollback removes a record created in the call.
struct RefMemory {
  std::unordered_map<std::string, std::int64_t> ids;   // kind '\n' key -> id
  std::unordered_map<std::string, std::string> keys;   // kind '\n' id -> key
  // "Did you mean" reads a table's keys: worth it for the first few unknown
  // keys of a call, not for every line of an import that names a missing one.
  int suggestions_left = 20;

  static std::string by_key(const std::string& kind, const std::string& key) {
    return kind + '\n' + key;
  }
  static std::string by_id(const std::string& kind, std::int64_t id) {
    return kind + '\n' + std::to_string(id);
  }
  void remember(const std::string& kind, const std::string& key, std::int64_t id) {
    if (ids.size() > 100000) clear();  // bounded: a cache, not a copy of the tables
    ids[by_key(kind, key)] = id;
    keys[by_id(kind, id)] = key;
  }
  void clear() {
    ids.clear();
    keys.clear();
  }
};

}  // namespace

RefResolver make_resolver(store::Connection& conn) {
  auto memory = std::make_shared<RefMemory>();
  RefResolver r;
  r.to_id = [&conn, memory](const std::string& kind_name, const json& key_or_id,
                            const std::string& field) -> std::int64_t {
    const Kind& kind = kind_by_name(kind_name);
    if (key_or_id.is_number_integer()) {
      const std::int64_t id = key_or_id.get<std::int64_t>();
      if (memory->keys.count(RefMemory::by_id(kind_name, id))) return id;
      auto q = conn.statement(sql_of(kind).key_by_id);
      q->bind(1, static_cast<int64_t>(id));
      bool found = q->executeStep();
      if (found) memory->remember(kind_name, q->getColumn(0).getString(), id);
      q->reset();
      if (!found)
        throw Error(Status::argument, field, "no " + kind_name + " with id " + std::to_string(id));
      return id;
    }
    const std::string& key = key_or_id.get_ref<const std::string&>();
    if (auto it = memory->ids.find(RefMemory::by_key(kind_name, key)); it != memory->ids.end())
      return it->second;
    auto q = conn.statement(sql_of(kind).id_by_key);
    q->bind(1, key);
    if (!q->executeStep()) {
      q->reset();
      const std::string hint = memory->suggestions_left-- > 0 ? nearest_keys(conn, kind, key) : std::string();
      throw Error(Status::argument, field, "no " + kind_name + " with key " + quote(key) + hint);
    }
    std::int64_t id = q->getColumn(0).getInt64();
    q->reset();
    memory->remember(kind_name, key, id);
    return id;
  };
  r.to_key = [&conn, memory](const std::string& kind_name, std::int64_t id) -> std::string {
    if (auto it = memory->keys.find(RefMemory::by_id(kind_name, id)); it != memory->keys.end())
      return it->second;
    auto q = conn.statement(sql_of(kind_by_name(kind_name)).key_by_id);
    q->bind(1, static_cast<int64_t>(id));
    const bool found = q->executeStep();
    std::string key = found ? q->getColumn(0).getString() : std::string();
    if (found) memory->remember(kind_name, key, id);
    return key;
  };
  r.forget = [memory] { memory->clear(); };
  return r;
}

std::optional<std::int64_t> find_record(store::Connection& conn, const Kind& kind,
                                        const std::string& key) {
  auto q = conn.statement(sql_of(kind).id_by_key);
  q->bind(1, key);
  if (q->executeStep()) {
    std::int64_t id = q->getColumn(0).getInt64();
    return id;
  }
  // A key is a key: "1" is the record whose key is "1", never the record
  // whose id is 1. Ids are asked for explicitly (key_of_id, fz_list's "id").
  return std::nullopt;
}

std::optional<std::string> key_of_id(store::Connection& conn, const Kind& kind, std::int64_t id) {
  auto q = conn.statement(sql_of(kind).key_by_id);
  q->bind(1, static_cast<int64_t>(id));
  std::optional<std::string> key;
  if (q->executeStep()) key = q->getColumn(0).getString();
  return key;
}

std::string nearest_keys(store::Connection& conn, const Kind& kind, const std::string& key) {
  const Field* name = kind.find_field("name");
  const bool named = name && name->type == FieldType::text;
  auto q = conn.statement("SELECT key" + std::string(named ? ", name" : "") + " FROM " + kind.table +
                          " ORDER BY id LIMIT " + std::to_string(kSuggestedKeys));
  std::vector<std::string> keys, names;
  while (q->executeStep()) {
    keys.push_back(q->getColumn(0).getString());
    names.push_back(named ? q->getColumn(1).getString() : std::string());
  }
  return did_you_mean(key, keys, &names);
}

std::int64_t require_record(store::Connection& conn, const Kind& kind, const std::string& key) {
  auto id = find_record(conn, kind, key);
  if (!id)
    throw Error(Status::not_found, "no " + kind.name + " with key " + quote(key) + nearest_keys(conn, kind, key));
  return *id;
}

namespace {

// The stored values of the row `q` is on, its fields from column 1.
json row_values(SQLite::Statement& q, const KindSql& s) {
  json values = json::object();
  for (std::size_t i = 0; i < s.fields.size(); ++i) {
    json v = read_value(q.getColumn(static_cast<int>(i + 1)), *s.fields[i]);
    if (!v.is_null()) values[s.fields[i]->name] = std::move(v);
  }
  return values;
}

// The record whose key is `key`, its id and stored key, in one statement.
// Throws Error(not_found) naming the kind and key.
json load_by_key(store::Connection& conn, const Kind& kind, const std::string& key,
                 std::int64_t& id, std::string& stored_key) {
  const KindSql& s = sql_of(kind);
  auto q = conn.statement(s.select_by_key);
  q->bind(1, key);
  if (!q->executeStep()) {
    q->reset();
    throw Error(Status::not_found, "no " + kind.name + " with key " + quote(key) + nearest_keys(conn, kind, key));
  }
  id = q->getColumn(0).getInt64();
  stored_key = key;
  json values = row_values(*q, s);
  return values;
}

}  // namespace

json load_values(store::Connection& conn, const Kind& kind, std::int64_t id, std::string* key) {
  const KindSql& s = sql_of(kind);
  auto q = conn.statement(s.select_by_id);
  q->bind(1, static_cast<int64_t>(id));
  if (!q->executeStep()) {
    q->reset();
    throw Error(Status::not_found, "no " + kind.name + " with id " + std::to_string(id));
  }
  if (key) *key = q->getColumn(0).getString();
  json values = row_values(*q, s);
  return values;
}

json get_record(store::Connection& conn, const Kind& kind, std::int64_t id) {
  std::string key;
  json values = load_values(conn, kind, id, &key);
  json out = external_values(make_resolver(conn), kind, values);
  out["id"] = id;
  out["key"] = key;
  if (!kind.key_alias.empty()) out[kind.key_alias] = key;
  return out;
}

namespace {

}  // namespace

std::optional<std::int64_t> record_unit(const Kind& kind, std::int64_t id, const json& values) {
  if (kind.unit_column == "id") return id;
  for (const Field& f : kind.fields) {
    if (f.type != FieldType::ref || f.column() != kind.unit_column) continue;
    auto it = values.find(f.name);
    if (it != values.end() && it->is_number_integer()) return it->get<std::int64_t>();
  }
  return std::nullopt;
}

namespace {

std::optional<std::int64_t> unit_of(const Kind& kind, std::int64_t id, const json& values) {
  return record_unit(kind, id, values);
}

// Strict mode refuses a change that raises an error finding.
void refuse_errors(const Context& ctx, const std::vector<Finding>& findings) {
  if (ctx.mode != Mode::strict) return;
  for (const Finding& f : findings)
    if (f.severity == "error") throw Error(Status::rule, f.rule, f.message + "（" + f.source + "）");
}

// Records which deadlines the change computed provisionally (ctx.provisional)
// on the values and on the findings that judge by them.
void mark_provisional(const Context& ctx, json& values, std::vector<Finding>& findings) {
  const std::string& field = provisional_field().name;
  if (ctx.provisional.empty()) {
    values.erase(field);
  } else {
    json marks = json::object();
    for (const auto& [name, years] : ctx.provisional) marks[name] = years;
    values[field] = std::move(marks);
  }
  for (Finding& f : findings) f.provisional = !f.deadline.empty() && ctx.provisional.count(f.deadline);
}

// The stored findings as the journal shows them when a recompute changes them.
json findings_json(const std::vector<Finding>& findings) {
  json out = json::array();
  for (const Finding& f : findings)
    out.push_back({{"rule", f.rule}, {"severity", f.severity}, {"message", f.message},
                   {"provisional", f.provisional}});
  return out;
}

// Writes the complete new `values` of a record (a new one when `id` is empty),
// replaces its findings and journals `op`. `change` is the journal's change;
// null means "the record" for a create and "the changed fields" otherwise.
// `journal_findings`: the entry also lists the findings when they changed (a
// recompute changes nothing else the host could see).
PutOutcome write_change(Context& ctx, const Kind& kind, std::optional<std::int64_t>& id,
                        std::string& key, const json* before, json& values,
                        const std::string& op, const json* change,
                        bool journal_findings = false) {
  ctx.provisional.clear();
  finish_values(ctx, kind, values, id);
  std::vector<Finding> findings = kind.rules ? kind.rules(ctx, values) : std::vector<Finding>{};
  mark_provisional(ctx, values, findings);
  if (before && *before == values) {
    // A new schedule can move a deadline that no field stores.
    if (op == "recompute") refresh_due_dates(ctx, kind, *id, key, unit_of(kind, *id, values), values);
    return PutOutcome::unchanged;
  }
  refuse_errors(ctx, findings);
  json old_findings = journal_findings && id ? record_findings(ctx.conn, kind.name, *id) : json();

  bool inserted = !id;
  if (ctx.deferred) ctx.deferred->defer(kind.table);
  if (inserted) {
    std::int64_t new_id = 0;
    bool generated = key.empty();
    insert_row(ctx, kind, values, generated ? std::string("\x01pending") : key, &new_id);
    id = new_id;
    if (generated) {
      // The generated key needs the id: "<kind>-<id>".
      key = kind.name + "-" + std::to_string(new_id);
      if (find_record(ctx.conn, kind, key))
        throw Error(Status::conflict, "key", "generated key '" + key + "' is taken");
      auto st = ctx.conn.statement("UPDATE " + kind.table + " SET key = ? WHERE id = ?");
      st->bind(1, key);
      st->bind(2, static_cast<int64_t>(new_id));
      st->exec();
    }
  } else {
    update_row(ctx, kind, before ? *before : json::object(), values, *id);
  }
  if (kind.after_write) kind.after_write(ctx, *id, values, before);
  if (!findings.empty() || !inserted)
    replace_findings(ctx.conn, kind, *id, key, unit_of(kind, *id, values), findings, !inserted);
  refresh_due_dates(ctx, kind, *id, key, unit_of(kind, *id, values), values);
  json journal_change = change ? *change
                        : before ? diff_external(ctx, kind, *before, values)
                                 : external_values(ctx.refs, kind, values);
  if (journal_findings) {
    json now = findings_json(findings);
    json was = json::array();
    for (const json& f : old_findings)
      was.push_back({{"rule", f["rule"]}, {"severity", f["severity"]}, {"message", f["message"]},
                     {"provisional", f["provisional"]}});
    if (now != was) journal_change["findings"] = now;
  }
  // An amount is journaled once, in fen; its yuan text is derived
  // (add_yuan_to_change puts it back for readers).
  for (const auto& [yuan, fen] : sql_of(kind).money)
    if (journal_change.contains(fen)) journal_change.erase(yuan);
  // The entry carries the record's whole stored state (record_state.hpp):
  // what verification compares the row with.
  ctx.journal.append(ctx.actor, kind.name, key, *id, op, journal_change, inserted,
                     state_of_values(kind, *id, key, values, findings, unit_of(kind, *id, values)));
  return inserted ? PutOutcome::inserted : PutOutcome::updated;
}

}  // namespace

PutResult put_record(Context& ctx, const Kind& kind, const json& input) {
  Parsed p = parse_input(ctx, kind, input);
  std::optional<std::int64_t> id;
  if (p.id) {
    // An explicit id addresses that record, which must exist (ids are
    // assigned by fazhi) and whose key, if one is given too, must agree.
    std::optional<std::string> stored = key_of_id(ctx.conn, kind, *p.id);
    if (!stored)
      throw Error(Status::argument, "id",
                  "no " + kind.name + " with id " + std::to_string(*p.id) +
                      " (ids are assigned by fazhi; give a key to create a record)");
    if (p.key && *p.key != *stored)
      throw Error(Status::argument, "id",
                  kind.name + " " + std::to_string(*p.id) + " has the key " + quote(*stored) +
                      ", not " + quote(*p.key) + " (a record's key cannot be changed)");
    id = p.id;
    p.key = *stored;
  } else if (p.key) {
    id = find_record(ctx.conn, kind, *p.key);
  }
  json values = std::move(p.values);
  std::string key = p.key.value_or("");
  PutResult result;
  if (id) {
    json before = load_values(ctx.conn, kind, *id);
    // put replaces the host's fields; what actions recorded stays.
    for (const Field& f : kind.fields)
      if (f.origin == Origin::action && before.contains(f.name)) values[f.name] = before[f.name];
    result.outcome = write_change(ctx, kind, id, key, &before, values, "update", nullptr);
    if (result.outcome == PutOutcome::updated) {
      // What the replacement did that a host may not have meant: fields it
      // left out are cleared, a changed unit reference moves the record.
      for (const Field& f : kind.fields) {
        if (f.origin == Origin::action && before.contains(f.name)) result.acted_on = true;
        if (f.origin == Origin::input && before.contains(f.name) &&
            (!values.contains(f.name) || values[f.name].is_null()))
          result.cleared.push_back(f.name);
        if (f.type == FieldType::ref && f.column() == kind.unit_column && before.contains(f.name) &&
            values.contains(f.name) && before[f.name] != values[f.name])
          result.moved_by = f.name;
      }
    }
  } else {
    result.outcome = write_change(ctx, kind, id, key, nullptr, values, "create", nullptr);
  }
  result.id = *id;
  result.key = key;
  return result;
}

void patch_record(Context& ctx, const Kind& kind, const std::string& key, const json& patch) {
  std::int64_t found = 0;
  std::string stored_key;
  json before = load_by_key(ctx.conn, kind, key, found, stored_key);
  std::optional<std::int64_t> id = found;
  Parsed p = parse_input(ctx, kind, patch);
  if (p.key && *p.key != stored_key)
    throw Error(Status::argument, "key", "a record's key cannot be changed");
  if (p.id && *p.id != *id) throw Error(Status::argument, "id", "a record's id cannot be changed");
  json values = before;
  for (auto it = p.values.begin(); it != p.values.end(); ++it) values[it.key()] = it.value();
  write_change(ctx, kind, id, stored_key, &before, values, "patch", nullptr);
}

std::string take_actor(json& args) {
  auto it = args.find("actor");
  if (it == args.end()) return {};
  if (!it->is_string() || it->get_ref<const std::string&>().empty())
    throw Error(Status::argument, "actor", "expected a non-empty string (who acts)");
  std::string actor = it->get<std::string>();
  args.erase(it);
  return actor;
}

PutOutcome act_on_record(Context& ctx, const Kind& kind, const std::string& key,
                         const std::string& action_name, const json& args) {
  const Action* action = kind.find_action(action_name);
  if (!action)
    throw Error(Status::argument, "action", kind.name + " has no action " + quote(action_name));
  if (!args.is_object()) throw Error(Status::argument, "args", "expected a JSON object");
  std::int64_t found = 0;
  std::string stored_key;
  json before = load_by_key(ctx.conn, kind, key, found, stored_key);
  std::optional<std::int64_t> id = found;

  // Arguments go through the same codec as fields.
  Parsed parsed = parse_fields(ctx, kind.name + "." + action->name, action->args, "", false, args);
  if (parsed.key || parsed.id)
    throw Error(Status::argument, "key", "address the record by the call's key, not in the arguments");
  json stored_args = json::object();
  for (auto it = parsed.values.begin(); it != parsed.values.end(); ++it)
    if (!it->is_null()) stored_args[it.key()] = *it;
  for (const Field& f : action->args)
    if (f.required && !stored_args.contains(f.name))
      throw Error(Status::argument, f.name, "is required for " + action->name);

  json values = before;
  action->apply(ctx, stored_args, values);
  json change = json::object();
  for (const Field& f : action->args)
    if (stored_args.contains(f.name)) put_external(f, stored_args[f.name], ctx.refs, change);
  return write_change(ctx, kind, id, stored_key, &before, values, action->name, &change);
}

namespace {

// Calls fn(kind, id, years) for every record marked provisional; the marked
// records are few (those whose deadlines reach past the last schedule) and
// are found through each table's partial index on the mark.
template <class F>
void for_each_provisional(store::Connection& conn, const std::string* unit, F&& fn) {
  std::string lo, hi;
  if (unit) std::tie(lo, hi) = subtree_range(conn, *unit);
  for (const Kind* kind : all_kinds()) {
    std::string sql = "SELECT id, provisional_deadlines FROM " + kind->table +
                      " WHERE provisional_deadlines IS NOT NULL";
    if (unit) {
      if (kind->unit_column.empty()) continue;
      sql += " AND " + in_subtree(kind->unit_column);
    }
    std::vector<std::pair<std::int64_t, std::set<int>>> marked;
    auto q = conn.statement(sql);
    if (unit) {
      q->bind(1, lo);
      q->bind(2, hi);
    }
    while (q->executeStep()) {
      std::set<int> years;
      const json marks = read_stored_json(q->getColumn(1).getString());
      if (!marks.is_object())
        throw Error(Status::corrupt, "a stored provisional_deadlines is not JSON fazhi wrote");
      for (const json& deadline_years : marks)
        for (const json& y : deadline_years) years.insert(y.get<int>());
      marked.emplace_back(q->getColumn(0).getInt64(), std::move(years));
    }
    for (const auto& [id, years] : marked) fn(*kind, id, years);
  }
}

}  // namespace

std::size_t recompute_for_schedules(Context& ctx, const std::set<int>& years) {
  // In a stable order (the journal's): the provisional records kind by kind,
  // then the others by kind name and id.
  std::vector<std::pair<const Kind*, std::int64_t>> affected;
  std::set<std::pair<std::string, std::int64_t>> seen;
  for_each_provisional(ctx.conn, nullptr, [&](const Kind& kind, std::int64_t id, const std::set<int>& marked) {
    for (int y : marked)
      if (years.count(y)) {
        affected.emplace_back(&kind, id);
        seen.emplace(kind.name, id);
        return;
      }
  });
  for (const auto& [kind, id] : records_counted_through(ctx.conn, years))
    if (seen.emplace(kind->name, id).second) affected.emplace_back(kind, id);
  std::size_t changed = 0;
  for (const auto& [kind, record_id] : affected) {
    std::string key;
    json before = load_values(ctx.conn, *kind, record_id, &key);
    json values = before;
    std::optional<std::int64_t> id = record_id;
    if (write_change(ctx, *kind, id, key, &before, values, "recompute", nullptr, true) !=
        PutOutcome::unchanged)
      ++changed;
  }
  return changed;
}

std::map<int, std::int64_t> provisional_record_counts(store::Connection& conn,
                                                      const std::string* unit) {
  std::map<int, std::int64_t> counts;
  for_each_provisional(conn, unit, [&](const Kind&, std::int64_t, const std::set<int>& years) {
    for (int y : years) ++counts[y];
  });
  return counts;
}

void add_yuan_to_change(const Kind& kind, json& change) {
  if (!change.is_object()) return;
  for (const auto& [yuan, fen] : sql_of(kind).money) {
    auto it = change.find(fen);
    if (it == change.end() || change.contains(yuan)) continue;
    if (it->is_null())
      change[yuan] = nullptr;
    else if (it->is_number_integer())
      change[yuan] = format_yuan(it->get<std::int64_t>());
  }
}

json list_records(store::Connection& conn, const Kind& kind, const json& query) {
  JsonOptions options(query, "query");
  const Scope scope = Scope::read(options);
  const Paging paging = Paging::read(options);
  const std::int64_t limit = paging.limit, offset = paging.offset;
  std::string where = " WHERE 1";
  std::vector<std::function<void(SQLite::Statement&, int&)>> binds;
  RefResolver refs = make_resolver(conn);
  if (scope.period) {
    if (kind.event_date_column.empty())
      throw Error(Status::argument, "period", kind.name + " records have no event date");
    std::string lo = format_date(scope.period->first()), hi = format_date(scope.period->last());
    if (kind.period_end_column.empty()) {
      where += " AND " + kind.event_date_column + " BETWEEN ? AND ?";
      binds.push_back([lo, hi](SQLite::Statement& st, int& i) {
        st.bind(i++, lo);
        st.bind(i++, hi);
      });
    } else {
      where += " AND " + kind.event_date_column + " <= ? AND (" + kind.period_end_column + " IS NULL OR " +
               kind.period_end_column + " >= ?)";
      binds.push_back([lo, hi](SQLite::Statement& st, int& i) {
        st.bind(i++, hi);
        st.bind(i++, lo);
      });
    }
  }
  if (const json* w = options.raw("where")) {
    if (!w->is_object()) throw Error(Status::argument, "where", "expected an object of field: value");
    for (auto it = w->begin(); it != w->end(); ++it) {
      const Field* f = kind.find_field(it.key());
      if (!f || f->type == FieldType::object || f->type == FieldType::text_list ||
          f->type == FieldType::ref_list || f->type == FieldType::object_list)
        throw Error(Status::argument, "where." + it.key(), "not a field of " + kind.name + " that can be matched");
      if (it.value().is_null()) {
        where += " AND " + f->column() + " IS NULL";
        continue;
      }
      json stored = to_storage(*f, it.value(), refs);
      where += " AND " + f->column() + " = ?";
      binds.push_back([f, stored](SQLite::Statement& st, int& i) { bind_value(st, i++, *f, stored); });
    }
  }
  // The one explicit way to find a record by its id.
  if (auto id = options.integer("id")) {
    where += " AND id = ?";
    binds.push_back([id = *id](SQLite::Statement& st, int& i) { st.bind(i++, static_cast<int64_t>(id)); });
  }
  options.finish();
  if (scope.unit) {
    if (kind.unit_column.empty())
      throw Error(Status::argument, "unit", kind.name + " records do not belong to a unit");
    if (scope.subtree) {
      auto [lo, hi] = subtree_range(conn, *scope.unit);
      where += " AND " + in_subtree(kind.unit_column);
      binds.push_back([lo = lo, hi = hi](SQLite::Statement& st, int& i) {
        st.bind(i++, lo);
        st.bind(i++, hi);
      });
    } else {
      std::int64_t unit_id = require_record(conn, org_unit_kind(), *scope.unit);
      where += " AND " + kind.unit_column + " = ?";
      binds.push_back([unit_id](SQLite::Statement& st, int& i) { st.bind(i++, static_cast<int64_t>(unit_id)); });
    }
  }
  auto run = [&](const std::string& sql) {
    auto st = conn.statement(sql);
    int i = 1;
    for (auto& b : binds) b(*st, i);
    return st;
  };
  json out = {{"items", json::array()}, {"total", 0}};
  {
    auto st = run("SELECT count(*) FROM " + kind.table + where);
    st->executeStep();
    out["total"] = st->getColumn(0).getInt64();
  }
  std::vector<std::int64_t> ids;
  {
    auto st = run("SELECT id FROM " + kind.table + where + " ORDER BY " + kind.order_by + " LIMIT ? OFFSET ?");
    int next = static_cast<int>(st->getBindParameterCount()) - 1;
    st->bind(next, static_cast<int64_t>(limit));
    st->bind(next + 1, static_cast<int64_t>(offset));
    while (st->executeStep()) ids.push_back(st->getColumn(0).getInt64());
  }
  for (std::int64_t id : ids) out["items"].push_back(get_record(conn, kind, id));
  return out;
}

}  // namespace fazhi::domain
