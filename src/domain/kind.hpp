// kind.hpp — the record-kind framework.
//
// A record kind is declared once, in its family's file (domain/<family>.cpp,
// as a function kinds::<name>()): its fields (type, required, default, closed
// set of codes, reference to another kind, whether it holds a person's name),
// its table, how it is scoped to a unit and a period, its rules, its actions,
// and its measures and indicators. put / get / patch / list / import /
// export, the indicator catalogue, the report's name masking and its list of
// rates that should be 100% all go through the declarations, so a new kind is
// its file, one migration for its table (store/schema.cpp) and one line in
// the registry (domain/kind.cpp).
#pragma once

#include "domain/deadline_decl.hpp"
#include "domain/field.hpp"
#include "domain/indicator_decl.hpp"
#include "store/deferred_indexes.hpp"
#include "store/journal.hpp"
#include "store/sqlite.hpp"

#include <fazhi/calendar.hpp>
#include <fazhi/options.hpp>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
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
  // Deadlines this change computed with the provisional holiday rule: the
  // deadline's name (its field, or the name a finding cites) -> the years
  // whose schedule was missing. Filled by deadline.hpp, stored by the record
  // store as the record's "provisional_deadlines".
  std::map<std::string, std::set<int>> provisional;
  // During a bulk load: the reporting indexes of the tables written are
  // dropped before their first write (store/deferred_indexes.hpp); null
  // otherwise.
  store::DeferredIndexes* deferred = nullptr;
};

// A recorded nonconformity raised by a kind's rules. Strict mode refuses a
// change that raises an error; warnings (and, in historical mode, errors) are
// stored and counted.
struct Finding {
  Finding(std::string rule_, std::string severity_, std::string message_, std::string source_,
          std::string date_, std::string deadline_ = {})
      : rule(std::move(rule_)),
        severity(std::move(severity_)),
        message(std::move(message_)),
        source(std::move(source_)),
        date(std::move(date_)),
        deadline(std::move(deadline_)) {}

  std::string rule;      // stable code, e.g. "mediation_case.labour_15_days"
  std::string severity;  // "error" | "warning"
  std::string message;   // Chinese, names what is wrong
  std::string source;    // the statute or rule, e.g. "劳动争议调解仲裁法 第十四条"
  std::string date;      // the date the nonconformity refers to (YYYY-MM-DD)
  // The deadline the finding judges by (deadline.hpp names), if any: when
  // that deadline is provisional, so is the finding.
  std::string deadline;
  bool provisional = false;  // set by the record store
};

// A domain action ("close", "accept", ...): its arguments are declared like
// fields (so they are validated by the same codec), and apply() moves the
// record's action fields. apply() leaves `values` untouched when the same
// action with the same arguments was already applied (an idempotent replay)
// and throws Error(conflict) when a different one was.
struct Action {
  std::string name;
  std::string label;
  std::vector<Field> args;
  std::function<void(Context&, const json& args, json& values)> apply;
};

struct Kind {
  // A kind named `name`, stored in the table of that name, belonging to the
  // unit in its unit_id column; the declaration changes what differs.
  Kind(std::string name_, std::string label_)
      : name(std::move(name_)), label(std::move(label_)), table(name), unit_column("unit_id") {}

  std::string name;   // e.g. "org_unit"
  std::string label;  // e.g. "单位"
  std::string table;  // SQL table: id, key, one column per field, ext
  std::vector<Field> fields;  // declared fields; "ext" and "provisional_deadlines" are implied
  // A field that doubles as the key (org_unit's "code"); empty when none.
  std::string key_alias;
  // How fz_list's "unit"/"subtree" scope applies: SQL expression giving the
  // record's org_unit id ("unit_id"); for org_unit itself, "id"; empty for
  // kinds that belong to no unit (advisers).
  std::string unit_column;
  // The record's event date column for fz_list's "period"; empty: no period.
  std::string event_date_column;
  // For records that last (engagements): the column where they end (NULL:
  // open-ended); fz_list's "period" then keeps records overlapping it.
  std::string period_end_column;
  // Order of lists and exports; parents must come before the records that
  // reference them (org_unit: "depth, id").
  std::string order_by = "id";

  // Fills defaults that depend on other fields (storage form, in place).
  std::function<void(Context&, json& values)> complete;
  // Checks the rules on the complete new values; `id` is set for an update.
  // Throws Error(argument | rule | conflict).
  std::function<void(Context&, const json& values, std::optional<std::int64_t> id)> validate;
  // Columns of the table that are not fields: maintained by after_write,
  // never read or written by callers (org_unit: its place in the tree).
  std::vector<std::string> internal_columns;
  // Maintains derived columns after the row was written.
  std::function<void(Context&, std::int64_t id, const json& values, const json* before)> after_write;

  // The kind's statutory rules, evaluated on the complete record after every
  // change; the findings replace the record's previous ones.
  std::function<std::vector<Finding>(Context&, const json& values)> rules;

  std::vector<Action> actions;

  // The statutory deadlines a record of the kind may have open
  // (deadline_decl.hpp), kept in the derived table due_date.
  std::vector<DeadlineDecl> deadlines;

  // What the indicators count (indicator_decl.hpp), in catalogue order.
  std::vector<MeasureDecl> measures;
  std::vector<IndicatorDecl> indicators;

  const Field* find_field(const std::string& name) const;
  const Action* find_action(const std::string& name) const;
};

// Sets an action's fields on `values` (a null value clears the field). When
// the action was applied before (its `marker` field is present), the same
// fields change nothing and different ones throw Error(conflict, message).
void record_action_once(json& values, const std::string& marker, const json& fields,
                        const std::string& conflict_message);

// Storage value of `name` in `values` as a string ("" when absent).
std::string str(const json& values, const std::string& name);

// The implied "ext" field every kind has: a JSON object kept verbatim.
const Field& ext_field();

// The implied "provisional_deadlines" field every kind has (derived): which
// of the record's deadlines were computed with the provisional holiday rule,
// {"accept_deadline": [2027], ...}; absent when none.
const Field& provisional_field();

// Every kind, in the registry's order: the order in which reports and the
// indicator catalogue present them.
const std::vector<const Kind*>& all_kinds();

// Every kind, each after the kinds it references (ref and ref_list fields),
// otherwise in the registry's order: the order of export and import.
const std::vector<const Kind*>& kinds_in_dependency_order();

// The kind named `name`; throws Error(argument, "kind", "unknown kind 'x'").
const Kind& kind_named(const std::string& name);

// The org_unit kind, which the unit tree and the record store use by name.
const Kind& org_unit_kind();

}  // namespace fazhi::domain
