// field.hpp — one field of a record kind: its type, whether it is required, its
// closed set of codes or the kind it references, and how it converts between
// the interchange JSON (what hosts send and receive) and the stored value.
//
// Stored values (the "storage form") are what the table column holds:
//   text, date, code  -> string        integer -> int64     boolean -> bool
//   number            -> double (e.g. hours)
//   money             -> int64 fen     ref     -> int64 id of the referenced record
//   object, text_list, ref_list, object_list -> JSON (stored as JSON text;
//   ref_list holds keys)
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace fazhi::domain {

using json = nlohmann::json;

enum class FieldType {
  text, date, integer, number, boolean, money, code, ref, object, text_list, ref_list, object_list
};

// Where a field's value comes from.
enum class Origin {
  input,    // given by the host in put / patch / import
  action,   // set by one of the kind's actions (e.g. a case's close date)
  derived,  // computed by fazhi from other fields (e.g. a statutory deadline)
};

struct Code {
  std::string code;   // lower-case ASCII, stable
  std::string label;  // Chinese label for reports and hosts
};

struct Field {
  std::string name;   // interchange name, e.g. "parent", "amount_yuan"
  FieldType type = FieldType::text;
  std::string label;  // Chinese label
  bool required = false;
  std::vector<Code> codes;  // FieldType::code: the closed set
  std::string ref_kind;     // FieldType::ref / ref_list: the referenced kind
  json default_value;       // used when the field is absent; null = none
  Origin origin = Origin::input;
  std::string action;       // Origin::action: the action that sets it

  // Chained modifiers for declarations: text("name", "名称").req()
  Field&& req() && { required = true; return std::move(*this); }
  Field&& def(json v) && { default_value = std::move(v); return std::move(*this); }
  Field&& set_by(std::string a) && {
    origin = Origin::action;
    action = std::move(a);
    return std::move(*this);
  }
  Field&& computed() && { origin = Origin::derived; return std::move(*this); }
  // The field holds a person's name (text), names (text_list) or parties
  // (object_list of {"name", "type": "person"|"organisation"}, persons when
  // the type is absent): a person's name is never printed in a report or a
  // full-process record document.
  Field&& personal() && { holds_names = Names::persons; return std::move(*this); }
  // The field holds the name of an organisation (a unit, a committee, a law
  // firm, a court): never masked, even where a person's name is part of it
  // (张三村村民委员会).
  Field&& organisational() && { holds_names = Names::organisations; return std::move(*this); }
  enum class Names { none, persons, organisations };
  Names holds_names = Names::none;
  // The field's strings are the host's own (ext), kept as given: the check
  // for control characters that every other text passes is not applied.
  Field&& verbatim() && { kept_verbatim = true; return std::move(*this); }
  bool kept_verbatim = false;
  // A column name other than the default (for names SQL reserves, e.g. order).
  Field&& stored_as(std::string column) && {
    column_name = std::move(column);
    return std::move(*this);
  }
  std::string column_name;
  // FieldType::object / object_list: the members of the object (of each
  // item), declared like fields, so that documents show their values by
  // their labels (a party's role "applicant" as 申请人). The kind's own
  // validation still decides what an object may hold.
  Field&& with_members(std::vector<Field> m) && {
    members = std::move(m);
    return std::move(*this);
  }
  std::vector<Field> members;
  const Field* find_member(const std::string& name) const;

  // Column name: "parent" -> "parent_id", "amount_yuan" -> "amount_fen".
  std::string column() const;
  // For money fields, the alternative interchange name "<base>_fen".
  std::string fen_name() const;
  const Code* find_code(const std::string& code) const;
};

// Declaration helpers, one per type.
Field text(std::string name, std::string label);
Field date(std::string name, std::string label);
Field integer(std::string name, std::string label);
Field number(std::string name, std::string label);
Field boolean(std::string name, std::string label);
Field money(std::string name, std::string label);
Field code(std::string name, std::string label, std::vector<Code> codes);
Field ref(std::string name, std::string label, std::string kind);
Field object(std::string name, std::string label);
Field text_list(std::string name, std::string label);
Field ref_list(std::string name, std::string label, std::string kind);
Field object_list(std::string name, std::string label);

// Looks up references while converting: (kind, key or id) -> id, id -> key.
// A resolver may remember what it looked up for the length of one call;
// `forget` drops that memory after a rollback that may have removed records.
struct RefResolver {
  std::function<std::int64_t(const std::string& kind, const json& key_or_id,
                             const std::string& field)> to_id;
  std::function<std::string(const std::string& kind, std::int64_t id)> to_key;
  std::function<void()> forget = [] {};
};

// Interchange value -> storage form. Throws Error(argument, field.name, ...)
// for a wrong type, a malformed date or amount, a code outside the set, a
// reference to a missing record, or a text holding a C0 control character
// other than tab, line feed and carriage return ("control character U+0000 at
// offset 3": in a text, an item of a text list, or a string member of an
// object or of an object list's items, unless the field is verbatim()).
// `value` is never null here.
json to_storage(const Field& field, const json& value, const RefResolver& refs);

// Adds the interchange form of a stored value to `out` (money adds both
// "<base>_yuan" as a string with two decimals and "<base>_fen").
void put_external(const Field& field, const json& stored, const RefResolver& refs, json& out);

// Money helpers: "500000", 500000.5, "1234.56" -> fen; fen -> "1234.56".
std::int64_t parse_yuan(const json& value, const std::string& field);
std::string format_yuan(std::int64_t fen);

}  // namespace fazhi::domain
