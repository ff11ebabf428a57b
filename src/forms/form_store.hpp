// form_store.hpp — where forms come from: the forms fazhi ships and those a
// host defines and stores in the database.
//
// Built-in forms are JSON files compiled into the library
// (src/forms/builtin/*.json, read through the same checks as a host's):
//   mediation    矛盾纠纷排查化解情况统计表
//   enforcement  行政执法情况统计表
//   adviser      法律顾问工作情况表
// A host's form has a code custom.name and lives in table `form` (schema
// 15): its canonical JSON (FormDefinition::to_json), one row per code;
// defining a code again replaces the definition. Every definition is
// journaled as a record of kind "form" (key: the code; the change: the
// definition; the state: domain::form_state), as custom indicators are, so
// the journal proves a form as it proves any record.
#pragma once

#include "forms/form_definition.hpp"
#include "store/journal.hpp"
#include "store/sqlite.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace fazhi::forms {

// The built-in forms, in the order above.
const std::vector<FormDefinition>& builtin_forms();

class FormStore {
 public:
  explicit FormStore(store::Connection& conn) : conn_(conn) {}

  // Checks `definition` (parse_form_definition, host rules: codes of the
  // catalogue or of this database's custom indicators) and stores it; must
  // run in a write transaction.
  void define(const nlohmann::json& definition, store::Journal& journal, const std::string& actor);

  // The form `code`: built-in or stored. Error(not_found, "form") naming the
  // nearest codes otherwise. A stored definition is checked again as it is
  // read (an indicator it names may since have gone from the catalogue, or
  // the row been edited behind fazhi's back): Error(corrupt, "form").
  FormDefinition find(const std::string& code);

  // [{"code", "title", "builtin", "definition"}]: the built-in forms, then
  // the stored ones by code.
  nlohmann::json list();

 private:
  std::string why_unknown(const std::string& code);
  std::vector<std::string> codes();

  store::Connection& conn_;
};

}  // namespace fazhi::forms
