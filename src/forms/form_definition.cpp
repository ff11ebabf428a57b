#include "forms/form_definition.hpp"

#include "domain/kind.hpp"
#include "indicators/catalogue.hpp"
#include "nearest.hpp"
#include "quote.hpp"
#include "utf8.hpp"

#include <fazhi/error.hpp>

#include <set>

namespace fazhi::forms {
namespace {

using nlohmann::json;

// Refuses every key of `object` not in `known`, naming it and the nearest
// known key.
void only_keys(const json& object, const std::string& where, const std::vector<std::string>& known) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool ok = false;
    for (const std::string& k : known) ok = ok || k == it.key();
    if (!ok)
      throw Error(Status::argument, where.empty() ? it.key() : where + "." + it.key(),
                  "unknown key of a form definition" + did_you_mean(it.key(), known));
  }
}

const json& object_at(const json& parent, const std::string& key, const std::string& field) {
  if (!parent.contains(key)) throw Error(Status::argument, field, "is required");
  const json& v = parent[key];
  if (!v.is_object()) throw Error(Status::argument, field, "expected a JSON object");
  return v;
}

const json& array_at(const json& parent, const std::string& key, const std::string& field,
                     std::size_t min, std::size_t max) {
  const json& v = parent[key];
  if (!v.is_array()) throw Error(Status::argument, field, "expected a JSON array");
  if (v.size() < min || v.size() > max)
    throw Error(Status::argument, field,
                "holds " + std::to_string(v.size()) + " items; expected " + std::to_string(min) + " to " +
                    std::to_string(max));
  return v;
}

// A text of at most `max` bytes, valid UTF-8, not blank when required.
std::string text_at(const json& parent, const std::string& key, const std::string& field, bool required,
                    std::size_t max = kMaxTextBytes) {
  if (!parent.contains(key)) {
    if (required) throw Error(Status::argument, field, "is required (a non-empty string)");
    return {};
  }
  const json& v = parent[key];
  if (!v.is_string()) throw Error(Status::argument, field, "expected a string");
  std::string s = v.get<std::string>();
  if (!is_valid_utf8(s)) throw Error(Status::argument, field, "is not valid UTF-8");
  if (s.find_first_not_of(" \t\r\n") == std::string::npos)
    throw Error(Status::argument, field, "is blank");
  if (s.size() > max)
    throw Error(Status::argument, field,
                "is " + std::to_string(s.size()) + " bytes long; at most " + std::to_string(max));
  return s;
}

bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

void check_code(const std::string& code, bool host) {
  const std::string prefix = host ? "custom." : "";
  bool ok = code.size() > prefix.size() && code.compare(0, prefix.size(), prefix) == 0 && code.size() <= 64;
  for (std::size_t i = prefix.size(); ok && i < code.size(); ++i) ok = is_name_char(code[i]);
  if (!ok)
    throw Error(Status::argument, "code",
                quote(code) + (host ? ": a host's form codes look like custom.name (a-z, 0-9, _; at most 64 bytes)"
                                    : ": form codes are a-z, 0-9 and _"));
}

FormColumn read_column(const json& c, const std::string& field, const std::string& group, const CodeCheck& check) {
  if (!c.is_object()) throw Error(Status::argument, field, "expected a JSON object");
  only_keys(c, field, {"code", "label"});
  FormColumn col;
  col.code = text_at(c, "code", field + ".code", true);
  if (const std::string why = check(col.code); !why.empty()) throw Error(Status::argument, field + ".code", why);
  col.label = text_at(c, "label", field + ".label", false);
  col.group = group;
  return col;
}

// The closed set an indicator is broken down by ("" for none or free text).
std::string breakdown_set(const std::string& code) {
  const indicators::IndicatorDef* d = indicators::find_indicator(code);
  return d ? d->breakdown_labels : std::string();
}

FormPart read_part(const json& p, const std::string& field, const CodeCheck& check) {
  if (!p.is_object()) throw Error(Status::argument, field, "expected a JSON object");
  only_keys(p, field, {"title", "rows", "row_label", "columns", "totals"});
  FormPart part;
  part.title = text_at(p, "title", field + ".title", false);
  part.row_label = text_at(p, "row_label", field + ".row_label", false);
  if (p.contains("totals")) {
    if (!p["totals"].is_boolean()) throw Error(Status::argument, field + ".totals", "expected true or false");
    part.totals = p["totals"].get<bool>();
  }

  const std::string rows_field = field + ".rows";
  const json& rows = object_at(p, "rows", rows_field);
  if (rows.contains("breakdown")) {
    only_keys(rows, rows_field, {"breakdown"});
    part.rows = FormPart::Rows::breakdown;
    part.breakdown = text_at(rows, "breakdown", rows_field + ".breakdown", true);
    const indicators::IndicatorDef* d = indicators::find_indicator(part.breakdown);
    if (!d) {
      std::vector<std::string> broken;
      for (const indicators::IndicatorDef& i : indicators::catalogue())
        if (!i.breakdown_labels.empty()) broken.push_back(i.code);
      throw Error(Status::argument, rows_field + ".breakdown",
                  "unknown indicator code " + quote(part.breakdown) + did_you_mean(part.breakdown, broken));
    }
    if (d->breakdown_labels.empty())
      throw Error(Status::argument, rows_field + ".breakdown",
                  part.breakdown + (d->breakdown.empty() ? " has no breakdown" : " is broken down by free text, which has no members to list as rows"));
  } else {
    only_keys(rows, rows_field, {"units", "depth", "kinds", "breakdown"});
    const std::string units = text_at(rows, "units", rows_field + ".units", true);
    if (units == "children") {
      part.rows = FormPart::Rows::children;
      if (rows.contains("depth"))
        throw Error(Status::argument, rows_field + ".depth", "applies to \"units\": \"level\" only");
    } else if (units == "level") {
      part.rows = FormPart::Rows::level;
      const json* depth = rows.contains("depth") ? &rows["depth"] : nullptr;
      if (!depth || !depth->is_number_integer() || depth->get<std::int64_t>() < 1 ||
          depth->get<std::int64_t>() > kMaxDepth)
        throw Error(Status::argument, rows_field + ".depth",
                    "is required with \"units\": \"level\": the levels below the unit, 1 to " +
                        std::to_string(kMaxDepth));
      part.depth = depth->get<std::int64_t>();
    } else {
      throw Error(Status::argument, rows_field + ".units",
                  quote(units) + " is not children or level" + did_you_mean(units, {"children", "level"}));
    }
    if (rows.contains("kinds")) {
      const json& kinds = array_at(rows, "kinds", rows_field + ".kinds", 1, kMaxUnitKinds);
      std::vector<std::string> known;
      for (const domain::Code& c : domain::org_unit_kind().find_field("kind")->codes) known.push_back(c.code);
      for (std::size_t i = 0; i < kinds.size(); ++i) {
        const std::string f = rows_field + ".kinds[" + std::to_string(i) + "]";
        if (!kinds[i].is_string()) throw Error(Status::argument, f, "expected a string");
        const std::string kind = kinds[i].get<std::string>();
        bool ok = false;
        for (const std::string& k : known) ok = ok || k == kind;
        if (!ok) throw Error(Status::argument, f, "unknown org_unit kind " + quote(kind) + did_you_mean(kind, known));
        part.unit_kinds.push_back(kind);
      }
    }
  }

  const std::string cols_field = field + ".columns";
  const json& cols = array_at(p, "columns", cols_field, 1, kMaxColumns);
  std::set<std::string> groups;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const std::string f = cols_field + "[" + std::to_string(i) + "]";
    const json& c = cols[i];
    if (c.is_object() && c.contains("group")) {
      only_keys(c, f, {"group", "columns"});
      const std::string group = text_at(c, "group", f + ".group", true);
      if (!groups.insert(group).second) throw Error(Status::argument, f + ".group", quote(group) + " is given twice");
      const json& members = array_at(c, "columns", f + ".columns", 1, kMaxColumns);
      for (std::size_t j = 0; j < members.size(); ++j) {
        part.columns.push_back(read_column(members[j], f + ".columns[" + std::to_string(j) + "]", group, check));
        if (part.columns.size() > kMaxColumns)
          throw Error(Status::argument, cols_field, "more than " + std::to_string(kMaxColumns) + " columns");
      }
    } else {
      part.columns.push_back(read_column(c, f, "", check));
      if (part.columns.size() > kMaxColumns)
        throw Error(Status::argument, cols_field, "more than " + std::to_string(kMaxColumns) + " columns");
    }
  }

  if (part.rows == FormPart::Rows::breakdown) {
    const std::string set = breakdown_set(part.breakdown);
    std::size_t i = 0;
    for (const FormColumn& col : part.columns) {
      const indicators::IndicatorDef* d = indicators::find_indicator(col.code);
      const std::string f = cols_field + "[" + std::to_string(i++) + "].code";
      if (!d || d->breakdown_labels != set)
        throw Error(Status::argument, f,
                    col.code + " is not broken down by " + set + ", as the rows (" + part.breakdown + ") are");
      if (d->measure == "ratio")
        throw Error(Status::argument, f, col.code + " is a rate: its breakdown holds numerators only, so a breakdown part lists figures, not rates");
    }
  }
  return part;
}

}  // namespace

FormDefinition parse_form_definition(const json& j, bool host, const CodeCheck& check) {
  if (!j.is_object()) throw Error(Status::argument, "definition", "expected a JSON object");
  only_keys(j, "", {"code", "title", "parts", "notes"});
  FormDefinition def;
  def.code = text_at(j, "code", "code", true, 64);
  check_code(def.code, host);
  def.title = text_at(j, "title", "title", true);
  if (!j.contains("parts")) throw Error(Status::argument, "parts", "is required (1 to " + std::to_string(kMaxParts) + " parts)");
  const json& parts = array_at(j, "parts", "parts", 1, kMaxParts);
  for (std::size_t i = 0; i < parts.size(); ++i)
    def.parts.push_back(read_part(parts[i], "parts[" + std::to_string(i) + "]", check));
  if (j.contains("notes")) {
    const json& notes = array_at(j, "notes", "notes", 0, kMaxNotes);
    for (std::size_t i = 0; i < notes.size(); ++i) {
      const json holder = {{"note", notes[i]}};
      def.notes.push_back(text_at(holder, "note", "notes[" + std::to_string(i) + "]", true, kMaxNoteBytes));
    }
  }
  return def;
}

json FormDefinition::to_json() const {
  json out = {{"code", code}, {"title", title}};
  json ps = json::array();
  for (const FormPart& p : parts) {
    json part = json::object();
    if (!p.title.empty()) part["title"] = p.title;
    if (p.rows == FormPart::Rows::breakdown) {
      part["rows"] = {{"breakdown", p.breakdown}};
    } else {
      part["rows"] = {{"units", p.rows == FormPart::Rows::level ? "level" : "children"}};
      if (p.rows == FormPart::Rows::level) part["rows"]["depth"] = p.depth;
      if (!p.unit_kinds.empty()) part["rows"]["kinds"] = p.unit_kinds;
    }
    if (!p.row_label.empty()) part["row_label"] = p.row_label;
    json cols = json::array();
    for (std::size_t i = 0; i < p.columns.size(); ++i) {
      const FormColumn& c = p.columns[i];
      json col = {{"code", c.code}};
      if (!c.label.empty()) col["label"] = c.label;
      if (c.group.empty()) {
        cols.push_back(col);
      } else if (i > 0 && p.columns[i - 1].group == c.group) {
        cols.back()["columns"].push_back(col);
      } else {
        cols.push_back({{"group", c.group}, {"columns", json::array({col})}});
      }
    }
    part["columns"] = cols;
    if (!p.totals) part["totals"] = false;
    ps.push_back(part);
  }
  out["parts"] = ps;
  if (!notes.empty()) out["notes"] = notes;
  return out;
}

}  // namespace fazhi::forms
