#include "forms/form_store.hpp"

#include "bounded_json.hpp"
#include "domain/record_state.hpp"
#include "indicators/catalogue.hpp"
#include "nearest.hpp"
#include "quote.hpp"

#include <fazhi/error.hpp>

#include <string_view>

namespace fazhi::data {
extern const std::string_view form_mediation_json;
extern const std::string_view form_enforcement_json;
extern const std::string_view form_adviser_json;
}  // namespace fazhi::data

namespace fazhi::forms {
namespace {

using nlohmann::json;

// Catalogue codes only: the built-in forms name no custom indicator.
std::string catalogue_only(const std::string& code) { return indicators::why_not_in_catalogue(code); }

FormDefinition builtin(std::string_view text) {
  try {
    return parse_form_definition(json::parse(text), false, catalogue_only);
  } catch (const std::exception& e) {
    throw Error(Status::internal, std::string("a built-in form is malformed: ") + e.what());
  }
}

}  // namespace

const std::vector<FormDefinition>& builtin_forms() {
  static const std::vector<FormDefinition> forms = {builtin(data::form_mediation_json),
                                                    builtin(data::form_enforcement_json),
                                                    builtin(data::form_adviser_json)};
  return forms;
}

std::string FormStore::why_unknown(const std::string& code) {
  if (code.compare(0, 7, "custom.") != 0) return indicators::why_not_in_catalogue(code);
  auto q = conn_.statement("SELECT 1 FROM custom_indicator WHERE code = ?");
  q->bind(1, code);
  if (q->executeStep()) return {};
  std::vector<std::string> known;
  auto all = conn_.statement("SELECT code FROM custom_indicator ORDER BY code");
  while (all->executeStep()) known.push_back(all->getColumn(0).getString());
  return "unknown custom indicator " + quote(code) + did_you_mean(code, known);
}

void FormStore::define(const json& definition, store::Journal& journal, const std::string& actor) {
  const FormDefinition def =
      parse_form_definition(definition, true, [this](const std::string& c) { return why_unknown(c); });
  const std::string text = def.to_json().dump();
  auto q = conn_.statement(
      "INSERT INTO form (code, definition) VALUES (?, ?) "
      "ON CONFLICT (code) DO UPDATE SET definition = excluded.definition");
  q->bind(1, def.code);
  q->bind(2, text);
  q->exec();
  auto id = conn_.statement("SELECT rowid FROM form WHERE code = ?");
  id->bind(1, def.code);
  id->executeStep();
  const std::int64_t rowid = id->getColumn(0).getInt64();
  journal.append(actor, "form", def.code, rowid, "define", def.to_json(), false,
                 domain::form_state(rowid, def.code, text));
}

std::vector<std::string> FormStore::codes() {
  std::vector<std::string> out;
  for (const FormDefinition& f : builtin_forms()) out.push_back(f.code);
  auto q = conn_.statement("SELECT code FROM form ORDER BY code");
  while (q->executeStep()) out.push_back(q->getColumn(0).getString());
  return out;
}

FormDefinition FormStore::find(const std::string& code) {
  for (const FormDefinition& f : builtin_forms())
    if (f.code == code) return f;
  auto q = conn_.statement("SELECT definition FROM form WHERE code = ?");
  q->bind(1, code);
  if (!q->executeStep())
    throw Error(Status::not_found, "form", "no form " + quote(code) + did_you_mean(code, codes()));
  const std::string text = q->getColumn(0).getString();
  const json stored = read_stored_json(text);
  try {
    if (stored.is_discarded()) throw Error(Status::corrupt, "its JSON is unreadable");
    return parse_form_definition(stored, true, [this](const std::string& c) { return why_unknown(c); });
  } catch (const Error& e) {
    throw Error(Status::corrupt, "form", "the stored form " + quote(code) + " no longer reads: " + e.what());
  }
}

json FormStore::list() {
  json out = json::array();
  for (const FormDefinition& f : builtin_forms())
    out.push_back({{"code", f.code}, {"title", f.title}, {"builtin", true}, {"definition", f.to_json()}});
  auto q = conn_.statement("SELECT code FROM form ORDER BY code");
  std::vector<std::string> stored;
  while (q->executeStep()) stored.push_back(q->getColumn(0).getString());
  for (const std::string& code : stored) {
    const FormDefinition f = find(code);
    out.push_back({{"code", f.code}, {"title", f.title}, {"builtin", false}, {"definition", f.to_json()}});
  }
  return out;
}

}  // namespace fazhi::forms
