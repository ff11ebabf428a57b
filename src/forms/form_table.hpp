// form_table.hpp — a form filled in: the figures of a form definition for one
// unit and one period, ready to be written as JSON, CSV or XLSX.
//
// Rows. A unit row holds the figures of that unit with everything below it
// (as every indicator of a unit does). Where the unit's own figures are more
// than its rows add up to — records held by the unit itself, or by units the
// rows leave out (another level, another kind) — a remainder row says so:
// "<unit>本级" under children, "其他单位" under a level, "未分类" under a
// breakdown (records whose code is not set). So the rows always add up to
// the unit's figures, and no record is counted twice or silently left out.
// A breakdown row holds the indicator's breakdown figure for that member (0
// when none of the unit's records falls under it).
//
// Columns, by what can be added up:
//   sum       counts, hours, money (catalogue figures and measures): the
//             totals row is the sum of the rows (money summed in fen);
//   quotient  a catalogue rate (or average), numerator / denominator: each
//             row's value is its own quotient, and the totals row's is the
//             quotient of the summed numerators and denominators, never a sum
//             or an average of the rows' rates;
//   whole     anything else (custom indicators, distinct counts): not added
//             up; the totals row holds the unit's own value over its whole
//             subtree, and a remainder row leaves it empty.
// The totals row is therefore the unit's own indicator values, and the form
// tests prove exactly that.
//
// Bounds: at most kMaxRows rows a part (a larger tree is an error naming the
// part, not a form nobody can print).
#pragma once

#include "forms/form_definition.hpp"
#include "indicators/engine.hpp"
#include "store/sqlite.hpp"

#include <fazhi/period.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace fazhi::forms {

inline constexpr std::size_t kMaxRows = 1000;

enum class ColumnKind { sum, quotient, whole };

struct FilledColumn {
  std::string code;
  std::string label;    // as printed
  std::string group;    // "" for none
  ColumnKind kind = ColumnKind::sum;
  std::string measure;  // count | hours | yuan | ratio | days | value
};

struct FilledCell {
  bool empty = false;       // nothing to state (a whole column's remainder)
  bool no_data = false;     // a quotient whose denominator is 0
  double value = 0;         // the figure (a rate as a percentage: 98.5)
  double numerator = 0;     // quotient columns
  double denominator = 0;
};

struct FilledRow {
  std::string key;    // the unit's key or the member's code; "" for remainder and totals
  std::string label;
  std::string role;   // "unit" | "member" | "remainder" | "total"
  std::vector<FilledCell> cells;
};

struct FilledPart {
  std::string title;
  std::string row_label;
  std::vector<FilledColumn> columns;
  std::vector<FilledRow> rows;    // the rows, the remainder row last when there is one
  std::optional<FilledRow> totals;
};

struct FilledForm {
  std::string code, title;
  std::string unit_key, unit_name;
  std::string period, first, last;  // "2022", "2022-01-01", "2022-12-31"
  std::vector<FilledPart> parts;
  std::vector<std::string> notes;

  // {"form", "title", "unit": {"key", "name"}, "period": {"text", "first",
  //  "last"}, "parts": [{"title", "row_label", "columns": [{"code",
  //  "label", "group", "kind", "measure"}], "rows": [{"key", "label",
  //  "role", "cells": [cell]}], "totals": {...} | null}], "notes": [...]};
  // a cell is {"value", "text"} plus "numerator" and "denominator" in
  // quotient columns, value null when empty or without data; money also as
  // exact "fen".
  nlohmann::json to_json() const;
};

// The text a cell is written as: counts as integers, hours and days with at
// most two decimals, money in yuan with two, rates by the report's rule
// (percent_text.hpp: one decimal, more where one would show a false 100% or
// 0%); "无数据" for a quotient without data, "" for an empty cell.
std::string cell_text(const FilledColumn& column, const FilledCell& cell);

// Fills `def` for `unit` over `period`. Throws Error(not_found, "unit") for
// an unknown unit, Error(argument, "parts[i].rows") past kMaxRows.
FilledForm fill_form(store::Connection& conn, indicators::Engine& engine, const FormDefinition& def,
                     const std::string& unit, const Period& period);

}  // namespace fazhi::forms
