// form_definition.hpp — a statistics form (统计表) as data: what it is, how a
// definition is checked, and its canonical JSON.
//
// A form is a title, one or more parts and notes (填报说明). A part is a
// table: its rows are units or the members of an indicator's breakdown, its
// columns indicator codes, optionally gathered under group headings (merged
// header cells), and by default a totals row (合计). The figures come from the
// indicator engine for the unit and period a form is filled for
// (form_table.hpp); a definition holds no figure and no code of its own.
//
// The JSON of a definition (every key checked; an unknown key is refused by
// name with the nearest known key offered):
//   {"code":  "custom.village_mediation",   host forms: custom.name (a-z 0-9 _)
//    "title": "村（社区）矛盾纠纷化解情况表",
//    "parts": [                               1..kMaxParts
//      {"title": "按单位",                     optional heading of the part
//       "rows": {"units": "children"}          the unit's children (each with
//                                              everything below it), or
//               {"units": "level", "depth": 2} the units that many levels below,
//               optionally with "kinds": ["village", "community"] (org_unit
//               kinds the rows are limited to), or
//               {"breakdown": "mediation.by_category"}: the members of that
//               indicator's breakdown (a closed set of codes);
//       "row_label": "单位",                   header of the first column
//                                              (default 单位, or 类别)
//       "columns": [                           1..kMaxColumns leaf columns
//         {"code": "mediation.received", "label": "受理数"},
//         {"group": "调解结果", "columns": [{"code": ...}, ...]}],
//       "totals": true}],                      optional, default true
//    "notes": ["本表统计口径……"]}              0..kMaxNotes
// A column's "label" defaults to the indicator's Chinese label. A column's
// code is a catalogue indicator, a measure, a breakdown member
// ("enforcement.actions[penalty]") or a custom indicator the database
// defines. In a breakdown part every column is a figure (not a rate) broken
// down by the same closed set as the rows.
//
// Every count and every text is bounded (the k* constants); exceeding one is
// Error(argument) naming the field, as is every other fault
// ("parts[0].columns[3].code: unknown indicator code ...").
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace fazhi::forms {

inline constexpr std::size_t kMaxParts = 8;
inline constexpr std::size_t kMaxColumns = 64;       // leaf columns of one part
inline constexpr std::size_t kMaxNotes = 20;
inline constexpr std::size_t kMaxUnitKinds = 32;
inline constexpr std::size_t kMaxTextBytes = 300;    // a title, heading or label
inline constexpr std::size_t kMaxNoteBytes = 2000;
inline constexpr std::int64_t kMaxDepth = 8;         // levels below the unit

struct FormColumn {
  std::string code;
  std::string label;  // as given; "" takes the indicator's label
  std::string group;  // "" when under no group
};

struct FormPart {
  enum class Rows { children, level, breakdown };
  std::string title;
  Rows rows = Rows::children;
  std::int64_t depth = 1;               // Rows::level (children: 1)
  std::vector<std::string> unit_kinds;  // empty: every kind
  std::string breakdown;                // Rows::breakdown: the indicator code
  std::string row_label;                // as given; "" takes the default
  std::vector<FormColumn> columns;
  bool totals = true;
};

struct FormDefinition {
  std::string code;
  std::string title;
  std::vector<FormPart> parts;
  std::vector<std::string> notes;

  // The canonical JSON (the keys above, defaults left out), which
  // parse_form_definition reads back into the same definition.
  nlohmann::json to_json() const;
};

// Why a column code names nothing the engine evaluates ("" when it names
// something): the catalogue's own answer for catalogue codes, the database's
// for custom.* codes.
using CodeCheck = std::function<std::string(const std::string& code)>;

// Reads and checks `json`. `host`: a host's definition, whose code must look
// like custom.name; the built-in forms have plain names. Throws
// Error(argument, field, ...).
FormDefinition parse_form_definition(const nlohmann::json& json, bool host, const CodeCheck& check);

}  // namespace fazhi::forms
