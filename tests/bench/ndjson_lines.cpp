#include "ndjson_lines.hpp"

#include <cstdio>

namespace bench {
namespace {

void field(std::string& out, const char* name, const std::string& value) {
  out += ",\"";
  out += name;
  out += "\":\"";
  out += value;
  out += '"';
}

void field(std::string& out, const char* name, const char* value) {
  out += ",\"";
  out += name;
  out += "\":\"";
  out += value;
  out += '"';
}

void flag(std::string& out, const char* name) {
  out += ",\"";
  out += name;
  out += "\":true";
}

}  // namespace

std::string yuan_text(std::int64_t fen) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(fen / 100),
                static_cast<long long>(fen % 100));
  return buf;
}

void append_unit_line(std::string& out, const Dataset& d, const Unit& u) {
  out += "{\"record\":\"org_unit\"";
  field(out, "code", u.key);
  field(out, "name", u.name);
  field(out, "kind", u.kind);
  if (u.parent >= 0) field(out, "parent", d.units[static_cast<std::size_t>(u.parent)].key);
  out += "}\n";
}

void append_committee_line(std::string& out, const Dataset& d, const Committee& c) {
  out += "{\"record\":\"mediation_committee\"";
  field(out, "key", c.key);
  field(out, "unit", d.units[static_cast<std::size_t>(c.unit)].key);
  field(out, "name", c.name);
  if (!c.established.empty()) field(out, "established", c.established);
  out += ",\"members\":" + std::to_string(c.members);
  out += "}\n";
}

void append_case_line(std::string& out, const Dataset& d, const Case& c) {
  out += "{\"record\":\"mediation_case\"";
  field(out, "key", c.key);
  field(out, "committee", d.committees[static_cast<std::size_t>(c.committee)].key);
  field(out, "case_number", c.case_number);
  field(out, "received", c.received);
  field(out, "source", c.source);
  field(out, "category", c.category);
  if (c.amount_fen >= 0) field(out, "amount_yuan", yuan_text(c.amount_fen));
  if (c.unnatural_death) flag(out, "unnatural_death");
  if (c.mass_incident_risk) flag(out, "mass_incident_risk");
  out += "}\n";
}

void append_close_line(std::string& out, const Case& c) {
  out += "{\"record\":\"mediation_case\"";
  field(out, "key", c.key);
  field(out, "action", "close");
  field(out, "date", c.closed);
  field(out, "outcome", c.outcome);
  if (c.agreement) field(out, "agreement", c.agreement);
  if (c.agreement_amount_fen >= 0)
    field(out, "agreement_amount_yuan", yuan_text(c.agreement_amount_fen));
  if (c.prevented_mass_incident) flag(out, "prevented_mass_incident");
  if (c.prevented_criminal_case) flag(out, "prevented_criminal_case");
  out += "}\n";
}

}  // namespace bench
