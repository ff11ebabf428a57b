// kind.hpp — the record-kind framework.
//
// A record kind is declared once: its fields (type, required, default, closed
// set of codes, reference to another kind), its table, how it is scoped to a
// unit and a period, its rules and its actions. put / get / patch / list /
// import / export all go through the declaration (record_store.hpp), so a new
// kind is one declaration plus its rules, and one migration for its table.
#pragma once

#include "domain/field.hpp"
#include "store/journal.hpp"
#include "store/sqlite.hpp"

#include <fazhi/calendar.hpp>
#include <fazhi/options.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fazhi::domain {

// What a rule or an action may use while a change is applied.
struct Context {
  store::Connection& conn;
  store::Journal& journal;
  const Calendar& calendar;
  Mode mode;
  std::string actor;
  RefResolver refs;
};

struct Kind;

// An action applies `args` to the record with id `id`; the framework has
// already checked that the record exists, and journals the action afterwards.
using ActionFn = std::function<void(Context&, const Kind&, std::int64_t id, const json& args)>;

struct Kind {
  std::string name;   // e.g. "org_unit"
  std::string label;  // e.g. "单位"
  std::string table;  // SQL table: id, key, one column per field, ext
  std::vector<Field> fields;  // declared fields; "ext" is implied
  // A field that doubles as the key (org_unit's "code"); empty when none.
  std::string key_alias;
  // How fz_list's "unit"/"subtree" scope applies: SQL expression giving the
  // record's org_unit id ("unit_id"); for org_unit itself, "id".
  std::string unit_column;
  // The record's event date column for fz_list's "period"; empty: no period.
  std::string event_date_column;
  // Order of lists and exports; parents must come before the records that
  // reference them (org_unit: "depth, id").
  std::string order_by = "id";

  // Fills defaults that depend on other fields (storage form, in place).
  std::function<void(Context&, json& values)> complete;
  // Checks the rules on the complete new values; `id` is set for an update.
  // Throws Error(argument | rule | conflict).
  std::function<void(Context&, const json& values, std::optional<std::int64_t> id)> validate;
  // Maintains derived columns after the row was written.
  std::function<void(Context&, std::int64_t id, const json& values, const json* before)> after_write;

  std::map<std::string, ActionFn> actions;

  const Field* find_field(const std::string& name) const;
};

// The implied "ext" field every kind has: a JSON object kept verbatim.
const Field& ext_field();

// Every kind, in dependency order (a kind comes after the kinds it references),
// which is also the order of export.
const std::vector<const Kind*>& all_kinds();

// The kind named `name`; throws Error(argument, "kind", "unknown kind 'x'").
const Kind& kind_named(const std::string& name);

// Declarations, one per record family (domain/<family>.cpp).
const Kind& org_unit_kind();

}  // namespace fazhi::domain
